"""YS-SUM-015 three-public-row-not-sum-of-funds: a 三公 row's 合计 differs from its fund columns."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import FUND_COLS, Tally, columns_of, unplaced_numbers
from yusuan.check.rules._casedocs import three_public
from yusuan.model import Disclosure


class ThreePublicRowNotSumOfFunds(Rule):
    id = "YS-SUM-015"
    slug = "three-public-row-not-sum-of-funds"
    severity = "error"
    family = "SUM"
    title = "“三公”经费各行合计不等于各资金来源之和"
    title_en = "'Three public' row total is not the sum of its fund columns"
    message = (
        "表{table_no}《{title}》{name}「合计」为 {actual},各资金来源列之和为 {expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {name}: total {actual}, the fund columns sum to {expected}; difference "
        "{diff} {unit}"
    )
    rationale = (
        "“三公”经费表每一行的合计等于一般公共预算、政府性基金预算、国有资本经营预算等资金列之和("
        "REQUIREMENTS.md DR-15;DOMAIN.md“Identities”:per row 合计 = the sum of the fund-source columns)。"
    )
    cases = [
        {"name": "sample", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "sample 合计 general budget printed as 12.20",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "three_public", "row": "total", "column": "general_budget", "value": "12.20"}
                ],
            },
        },
        {"name": "two funds", "expect": "pass", "doc": three_public()},
        {
            "name": "fund missing from a row",
            "expect": "fail",
            "findings": 1,
            "doc": three_public(reception={"gov_fund": "0.00"}),
        },
        {"name": "rounding", "expect": "pass", "rounding": 1, "doc": three_public(abroad={"total": "2.01"})},
        {"name": "no 三公 table", "expect": "insufficient_data", "doc": {"tables": []}},
        {
            "name": "single-column table",
            "expect": "insufficient_data",
            "doc": {
                "tables": [{"kind": "three_public", "rows": [{"key": "total", "values": {"total": "1.00"}}]}]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        t = ctx.require_table("three_public")
        if unplaced_numbers(d, t):
            raise InsufficientData("“三公”经费表有未能识别表头的数字列,无法按资金核对")
        cols = [c for c in FUND_COLS if c in columns_of(t)]
        tally = Tally(self)
        if cols:
            for r in t.rows:
                if not r.values:
                    continue
                f = tally.equal(
                    [r.values.get("total")], [r.values.get(c) for c in cols], table=t, row=r, column="total"
                )
                if f:
                    yield f
        tally.done("“三公”经费分资金列")
