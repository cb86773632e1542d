"""Rule cases as data: build a Disclosure from a short spec.

A case is a dict::

    {"name": "…", "expect": "pass" | "fail" | "not_applicable" | "insufficient_data",
     "findings": 1,                 # optional: how many non-rounding findings
     "rounding": 1,                 # optional: how many rounding notices
     "doc": {...}}                  # the disclosure, in one of two forms below

``doc`` either builds a small disclosure from scratch::

    {"meta": {"kind": "budget", "year": 2024},
     "tables": [{"kind": "three_public", "unit": "万元",
                 "rows": [{"key": "total", "role": "total", "values": {"total": "13.20"}}, …]}],
     "projects": [{"name": "…", "unit": "…", "amounts": {"total": "1.50"}}],
     "claims": [{"kind": "amount", "subject": "基本支出", "value": "4345.68", "unit": "万元"}],
     "performance_targets": [{"project": "…", "funds": {"annual": {"total": "15000"}}}],
     "sections": [{"heading": "…", "text": "…"}]}

(amounts as strings: their printed precision is kept; table amounts take the table's unit,
performance funds are in 元), or starts from a real sample and changes it::

    {"base": "shanxi",
     "patch": [{"table": "expenditure", "row": "208", "column": "total", "value": "35268.07"},
               {"drop_table": "three_public"},
               {"drop": "claims"}]}

``row`` matches a row's code, then its key, then its name.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from yusuan.model import Amount, Disclosure, Provenance

SAMPLES = {
    "shanxi": "2024_budget_shanxi-xiaoyi_renshe.txt",
}


def _fixture_dir() -> Path:
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "tests" / "fixtures"
        if cand.is_dir():
            return cand
    raise FileNotFoundError("tests/fixtures not found (rule cases on samples run from a source checkout)")


@lru_cache(maxsize=4)
def _sample_json(name: str) -> str:
    from yusuan.api import parse

    return parse(str(_fixture_dir() / SAMPLES[name])).model_dump_json()


def sample(name: str) -> Disclosure:
    """A fresh copy of a parsed sample (parsed once per process)."""
    return Disclosure.model_validate_json(_sample_json(name))


def amount(text: str | int | float, unit: str, where: str = "case") -> Amount:
    s = str(text)
    prec = len(s.split(".", 1)[1]) if "." in s else 0
    return Amount(value=Decimal(s), unit=unit, precision=prec, raw=s, source=Provenance(file=where))  # type: ignore[arg-type]


def _values(spec: dict[str, Any], unit: str) -> dict[str, Amount]:
    return {k: amount(v, unit) for k, v in spec.items() if v is not None and v != ""}


def build(doc: dict[str, Any]) -> Disclosure:
    """Build the disclosure of a case (see the module docstring)."""
    if "base" in doc:
        d = sample(doc["base"])
        for op in doc.get("patch", []):
            _apply(d, op)
        return d
    spec = copy.deepcopy(doc)
    meta = {
        "kind": "budget",
        "year": 2024,
        "scope": "department",
        "department": "示例部门",
        **spec.get("meta", {}),
    }
    tables = []
    for i, t in enumerate(spec.get("tables", []), start=1):
        unit = t.get("unit", "万元")
        rows = []
        for r in t.get("rows", []):
            r = dict(r)
            r["values"] = _values(r.get("values", {}), unit)
            r.setdefault("name", r.get("key") or r.get("code") or "")
            rows.append(r)
        tables.append(
            {
                "kind": t["kind"],
                "number": t.get("number", i),
                "title": t.get("title", t["kind"]),
                "unit": unit,
                "rows": rows,
                "columns": [{"key": k} for k in t.get("columns", [])],
                "empty_note": t.get("empty_note"),
                "excludes_carryover": t.get("excludes_carryover", False),
            }
        )
    projects = []
    for p in spec.get("projects", []):
        p = dict(p)
        p["amounts"] = _values(p.get("amounts", {}), p.pop("amount_unit", "万元"))
        projects.append(p)
    targets = []
    for pt in spec.get("performance_targets", []):
        pt = dict(pt)
        pt["funds"] = {per: _values(src, "元") for per, src in pt.get("funds", {}).items()}
        targets.append(pt)
    claims = []
    for c in spec.get("claims", []):
        c = dict(c)
        if c.get("value") is not None:
            s = str(c["value"])
            c["value"] = Decimal(s)
            c.setdefault("precision", len(s.split(".", 1)[1]) if "." in s else 0)
        claims.append(c)
    data: dict[str, Any] = {
        "meta": meta,
        "tables": tables,
        "projects": projects,
        "performance_targets": targets,
        "claims": claims,
        "sections": spec.get("sections", []),
    }
    for key in ("procurement", "state_assets", "three_public", "glossary", "purchase_catalog"):
        if key in spec:
            data[key] = spec[key]
    if "admin_running_costs" in spec:
        data["admin_running_costs"] = amount(spec["admin_running_costs"], "万元")
    return Disclosure.model_validate(data)


def _find_row(d: Disclosure, kind: str, ref: str):
    t = d.table(kind)
    if t is None:
        raise KeyError(f"no table {kind}")
    for attr in ("code", "key", "name"):
        for r in t.rows:
            if getattr(r, attr) == ref:
                return t, r
    raise KeyError(f"no row {ref!r} in {kind}")


def _apply(d: Disclosure, op: dict[str, Any]) -> None:
    if "drop_table" in op:
        d.tables = [t for t in d.tables if t.kind != op["drop_table"]]
    elif "drop" in op:
        current = getattr(d, op["drop"])
        setattr(d, op["drop"], [] if isinstance(current, list) else None)
    elif "meta" in op:
        for k, v in op["meta"].items():
            setattr(d.meta, k, v)
    elif "table" in op:
        t, r = _find_row(d, op["table"], op["row"])
        col = op["column"]
        if op.get("value") is None:
            r.values.pop(col, None)
        else:
            old = r.values.get(col)
            new = amount(op["value"], old.unit if old else (t.unit or "万元"))
            if old is not None:
                new.source = old.source
            r.values[col] = new
    elif "project" in op:
        for p in d.projects:
            if p.name == op["project"]:
                p.amounts[op.get("column", "total")] = amount(op["value"], "万元")
                break
        else:
            raise KeyError(f"no project {op['project']!r}")
    elif "claim" in op:
        # change the value of the first claim whose raw text contains op["claim"]
        for c in d.claims:
            if op["claim"] in c.raw:
                c.value = Decimal(str(op["value"]))
                break
        else:
            raise KeyError(f"no claim {op['claim']!r}")
    else:
        raise ValueError(f"unknown patch {op!r}")
