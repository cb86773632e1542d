"""Space-laid-out text (pdftotext -layout of the Shanghai 2025 万里街道 budget): cells found from the
columns of white space; key figures from ../shared/samples/README.md and read by hand."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.api import parse
from yusuan.read.text import read_text

LAYOUT = Path(__file__).parent / "fixtures" / "2025_budget_shanghai-putuo_wanli-jiedao.layout.txt"


@pytest.fixture(scope="module")
def wanli():
    return parse(str(LAYOUT))


def test_rows_cut_into_columns():
    doc = read_text(LAYOUT.read_bytes(), "x", "y")
    line = next(ln for ln in doc.lines if ln.cells[:3] == ["201", "05", "07"])
    assert line.cells[3:6] == ["专项普查活动", "438,300", "438,300"]
    # a number glued to the next label by one space is cut at the column edge
    line = next(ln for ln in doc.lines if ln.cells and ln.cells[0] == "一、财政拨款收入")
    assert line.cells == ["一、财政拨款收入", "189,767,551", "一、一般公共服务支出", "3,296,600"]
    assert line.page == 9


def test_key_figures_in_yuan(wanli):
    assert wanli.meta.department == "上海市普陀区人民政府万里街道办事处"
    assert (wanli.meta.year, wanli.meta.kind) == (2025, "budget")
    s = wanli.table("summary")
    assert s.unit == "元" and s.unit_source == "printed"
    assert s.row_by_key("income_grand_total").values["amount"].value == Decimal("189767551")
    assert s.row_by_key("exp_grand_total").values["total"].value == Decimal("189767551")
    e = wanli.table("expenditure").total_row().values
    assert (e["total"].value, e["basic"].value, e["project"].value) == (
        Decimal("189767551"),
        Decimal("101341746"),
        Decimal("88425805"),
    )
    assert e["total"].precision == 0
    econ = wanli.table("general_budget_basic_economic")
    tot = econ.total_row().values
    assert (tot["personnel"].value, tot["public"].value) == (Decimal("90514044"), Decimal("10827702"))
    assert econ.row_by_code("30101").name == "基本工资" and econ.row_by_code("30101").parent == "301"


def test_codes_in_three_columns_are_joined(wanli):
    t = wanli.table("income")
    r = t.row_by_code("2010507")
    assert r.name == "专项普查活动" and r.parent == "20105" and r.values["total"].value == Decimal("438300")
    assert [c.key for c in t.columns] == [
        "total",
        "fiscal_appropriation",
        "business_income",
        "operating_income",
        "other_income",
    ]


def test_empty_tables_and_repeated_headers(wanli):
    g = wanli.table("gov_fund_expenditure")
    assert g.empty_note and "空表" in g.empty_note
    # table 5 continues over pages with its header printed again: no header text read as a row
    t = wanli.table("general_budget_expenditure")
    assert all(r.name not in ("合计基本支出项目支出", "项目支出") for r in t.rows)
    assert not [i for i in wanli.issues if i.kind == "unreadable" and i.table_no == t.number]
