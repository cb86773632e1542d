"""YS-SUM-011 fiscal-summary-row-not-sum-of-funds: a 财政拨款收支总表 expenditure line's 小计 differs
from 一般公共预算 + 政府性基金 + 国有资本经营预算."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import FISCAL_FUNDS, Tally, unplaced_numbers
from yusuan.model import Disclosure


def _fiscal(**changes: dict[str, str]) -> dict:
    rows = [
        {"side": "income", "key": "income:general_budget", "values": {"amount": "100.00"}},
        {"side": "income", "key": "income:gov_fund", "values": {"amount": "5.00"}},
        {
            "side": "expenditure",
            "key": "exp:208",
            "values": {"total": "105.00", "general_budget": "100.00", "gov_fund": "5.00"},
        },
        {
            "side": "expenditure",
            "key": "exp_current_total",
            "role": "subtotal",
            "values": {"total": "105.00", "general_budget": "100.00", "gov_fund": "5.00"},
        },
    ]
    for r in rows:
        r["values"] = {**r["values"], **changes.get(r["key"].replace(":", "__"), {})}
    return {"tables": [{"kind": "fiscal_summary", "rows": rows}]}


class FiscalSummaryRowNotSumOfFunds(Rule):
    id = "YS-SUM-011"
    slug = "fiscal-summary-row-not-sum-of-funds"
    severity = "error"
    family = "SUM"
    title = "财政拨款收支总表支出小计不等于各项财政拨款之和"
    title_en = "Fiscal appropriation summary: subtotal is not the sum of the three budgets"
    message = (
        "表{table_no}《{title}》{name}「小计」为 {actual},一般公共预算、政府性基金、国有资本经营预算之和为 "
        "{expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {name}: subtotal {actual}, general budget + government funds + state "
        "capital = {expected}; difference {diff} {unit}"
    )
    rationale = (
        "财政拨款收支总表支出方每一行的小计(合计)等于一般公共预算、政府性基金预算、国有资本经营预算三列之和("
        "DOMAIN.md“Identities”:per row 合计 = the sum of the fund-source columns;DR-28)。"
    )
    cases = [
        {"name": "sample", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "210 general budget printed as 139.12",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "fiscal_summary",
                        "row": "exp:210",
                        "column": "general_budget",
                        "value": "139.12",
                    }
                ],
            },
        },
        {"name": "two budgets", "expect": "pass", "doc": _fiscal()},
        {
            "name": "gov fund left out of the subtotal",
            "expect": "fail",
            "findings": 2,
            "doc": _fiscal(exp__208={"total": "100.00"}, exp_current_total={"total": "100.00"}),
        },
        {"name": "rounding", "expect": "pass", "rounding": 1, "doc": _fiscal(exp__208={"total": "105.01"})},
        {"name": "no fiscal summary", "expect": "insufficient_data", "doc": {"tables": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        t = ctx.require_table("fiscal_summary")
        if unplaced_numbers(d, t):
            raise InsufficientData("财政拨款收支总表有未能识别表头的数字列,无法按资金核对小计")
        tally = Tally(self)
        rows = [r for r in t.rows if r.side == "expenditure" and r.values]
        cols = [c for c in FISCAL_FUNDS if any(c in r.values for r in rows)]
        if cols:
            for r in rows:
                f = tally.equal(
                    [r.values.get("total")], [r.values.get(c) for c in cols], table=t, row=r, column="total"
                )
                if f:
                    yield f
        tally.done("财政拨款收支总表分资金列")
