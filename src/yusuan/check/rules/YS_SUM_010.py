"""YS-SUM-010 summary-row-not-current-plus-carryover: a 收支总表 expenditure line's 合计 differs from
当年预算安排 + 上年结转安排."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import TWO_SIDED, Tally
from yusuan.check.rules._casedocs import summary as _summary
from yusuan.model import Disclosure


class SummaryRowNotCurrentPlusCarryover(Rule):
    id = "YS-SUM-010"
    slug = "summary-row-not-current-plus-carryover"
    severity = "error"
    family = "SUM"
    title = "收支总表支出合计不等于当年预算安排加上年结转安排"
    title_en = "Summary expenditure total is not this year's appropriation plus the carry-over"
    message = (
        "表{table_no}《{title}》{name}「合计」为 {actual},当年预算安排与上年结转安排之和为 {expected},相差 "
        "{diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {name}: total {actual}, this year's appropriation + carry-over = "
        "{expected}; difference {diff} {unit}"
    )
    rationale = (
        "收支总表支出方按当年预算安排和上年结转安排分列时,每一行(各类、本年支出合计、支出总计)的合计等于两列"
        "之和(DOMAIN.md“Identities”;brief:per-column for the expenditure side 合计 = 当年预算安排 + 上年结转"
        "安排;DR-28)。"
    )
    cases = [
        {"name": "sample", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "208 carry-over printed as 75.00",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [{"table": "summary", "row": "exp:208", "column": "carryover", "value": "75.00"}],
            },
        },
        {"name": "synthetic", "expect": "pass", "doc": _summary()},
        {
            "name": "rounding",
            "expect": "pass",
            "rounding": 1,
            "doc": _summary(exp__221={"current_year": "19.99"}),
        },
        {"name": "no summary", "expect": "insufficient_data", "doc": {"tables": []}},
        {
            "name": "summary with a single expenditure column",
            "expect": "insufficient_data",
            "doc": {
                "tables": [
                    {
                        "kind": "summary",
                        "rows": [{"side": "expenditure", "key": "exp:208", "values": {"total": "1.00"}}],
                    }
                ]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tables = [t for t in d.tables if t.kind in TWO_SIDED]
        if not tables:
            raise InsufficientData("缺少收支总表,无法检查")
        tally = Tally(self)
        for t in tables:
            rows = [r for r in t.rows if r.side == "expenditure"]
            if not any("current_year" in r.values or "carryover" in r.values for r in rows):
                continue
            for r in rows:
                if not r.values:
                    continue
                f = tally.equal(
                    [r.values.get("total")],
                    [r.values.get("current_year"), r.values.get("carryover")],
                    table=t,
                    row=r,
                    column="total",
                )
                if f:
                    yield f
        tally.done("当年预算安排、上年结转安排列")
