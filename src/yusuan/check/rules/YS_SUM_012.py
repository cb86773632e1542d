"""YS-SUM-012 carryover-not-sum-of-funds: 上年(财政拨款)结转 differs from the sum of its lines by fund."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._arith import TWO_SIDED, Tally, side_col, two_sided
from yusuan.model import Disclosure


def _doc(total: str, gb: str, gf: str | None = None) -> dict:
    rows = [
        {"side": "income", "key": "income_current_total", "role": "subtotal", "values": {"amount": "100.00"}},
        {"side": "income", "key": "carryover_total", "role": "subtotal", "values": {"amount": total}},
        {"side": "income", "key": "carryover:general_budget", "values": {"amount": gb}},
        {"side": "income", "key": "carryover:gov_fund", "values": {"amount": gf} if gf else {}},
    ]
    return {"tables": [{"kind": "fiscal_summary", "rows": rows}]}


class CarryoverNotSumOfFunds(Rule):
    id = "YS-SUM-012"
    slug = "carryover-not-sum-of-funds"
    severity = "error"
    family = "SUM"
    title = "上年结转不等于按资金列示的结转之和"
    title_en = "Carry-over is not the sum of its lines by fund"
    message = (
        "表{table_no}《{title}》{name}为 {actual},其下按资金列示的各项之和为 {expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {name} is {actual}, its lines by fund sum to {expected}; difference "
        "{diff} {unit}"
    )
    rationale = (
        "财政拨款收支总表的“上年财政拨款结转”下按一般公共预算、政府性基金预算、国有资本经营预算分列,分项之和"
        "等于结转合计(DOMAIN.md“Identities”:a parent row equals the sum of its children;DR-28)。"
    )
    cases = [
        {"name": "sample (table 4: 57.00 = 57.00)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "table 4 一般公共预算 carry-over printed as 75.00",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "fiscal_summary",
                        "row": "carryover:general_budget",
                        "column": "amount",
                        "value": "75.00",
                    }
                ],
            },
        },
        {"name": "two funds", "expect": "pass", "doc": _doc("12.00", "10.00", "2.00")},
        {"name": "a fund left out", "expect": "fail", "findings": 1, "doc": _doc("12.00", "10.00")},
        {"name": "rounding", "expect": "pass", "rounding": 1, "doc": _doc("12.01", "10.00", "2.00")},
        {"name": "no summary tables", "expect": "insufficient_data", "doc": {"tables": []}},
        {
            "name": "carry-over not split by fund",
            "expect": "not_applicable",
            "doc": {
                "tables": [
                    {
                        "kind": "summary",
                        "rows": [{"side": "income", "key": "carryover_total", "values": {"amount": "5.00"}}],
                    }
                ]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tables = [t for t in d.tables if t.kind in TWO_SIDED]
        if not tables:
            raise InsufficientData("缺少收支总表/财政拨款收支总表,无法检查")
        tally = Tally(self)
        split = False
        for t in tables:
            _, _, between, _ = two_sided(t, "income")
            col = side_col(t, "income", ("amount", "total"))
            total = next((r for r in between if r.key == "carryover_total"), None)
            parts = [r for r in between if (r.key or "").startswith("carryover:")]
            if total is None or not parts or col is None:
                continue
            split = True
            f = tally.equal(
                [total.values.get(col)], [r.values.get(col) for r in parts], table=t, row=total, column=col
            )
            if f:
                yield f
        if not split:
            raise NotApplicable("上年结转未按资金分项列示")
        tally.done("上年结转")
