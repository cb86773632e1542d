"""The model's JSON round trip and its checked-in JSON Schema."""

from __future__ import annotations

import json
from decimal import Decimal

import jsonschema

from yusuan import schema
from yusuan.model import Amount, Disclosure


def test_round_trip_is_identical(shanxi):
    js = shanxi.model_dump_json()
    again = Disclosure.model_validate_json(js)
    assert again.model_dump_json() == js
    # Decimals survive exactly, with their printed precision
    t = again.table("expenditure")
    assert t.total_row().values["total"].value == Decimal("35949.39")
    assert str(t.row_by_code("20899").values["total"].value) == "1228.00"


def test_schema_is_in_sync():
    assert schema.generate() == (
        json.dumps(schema.load(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    ), "src/yusuan/schema/disclosure.schema.json is out of date: python -m yusuan.schema > it"


def test_schema_validates_the_sample(shanxi):
    jsonschema.validate(json.loads(shanxi.model_dump_json()), schema.load())


def test_schema_rejects_a_broken_document(shanxi):
    data = json.loads(shanxi.model_dump_json())
    data["tables"][0]["rows"][0]["values"]["amount"]["unit"] = "美元"
    try:
        jsonschema.validate(data, schema.load())
    except jsonschema.ValidationError:
        return
    raise AssertionError("a unit other than 元/万元 must not validate")


def test_amount_units_convert_exactly():
    a = Amount(value=Decimal("13.20"), unit="万元", precision=2)
    assert a.in_unit("元") == Decimal("132000")
    assert a.half_ulp() == Decimal("0.005")
    assert a.half_ulp("元") == Decimal("50")
