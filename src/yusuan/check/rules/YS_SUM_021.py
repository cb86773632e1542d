"""YS-SUM-021 fund-table-row-not-sum-of-funds: a row of a project or 机关运行经费 table has a 合计
that differs from its fund columns."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import FUND_COLS, Tally, columns_of, unplaced_numbers
from yusuan.check.rules._casedocs import projects
from yusuan.model import Disclosure

KINDS = ("project_current", "project_carryover", "admin_running")


class FundTableRowNotSumOfFunds(Rule):
    id = "YS-SUM-021"
    slug = "fund-table-row-not-sum-of-funds"
    severity = "error"
    family = "SUM"
    title = "项目支出表、机关运行经费表各行合计不等于各资金来源之和"
    title_en = "Project / administrative-cost table row total is not the sum of its fund columns"
    message = (
        "表{table_no}《{title}》{name}「合计」为 {actual},各资金来源列之和为 {expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {name}: total {actual}, the fund columns sum to {expected}; difference "
        "{diff} {unit}"
    )
    rationale = (
        "项目支出表(本年、上年结转)和机关运行经费表每一行的合计等于一般公共预算、政府性基金预算、国有资本经营"
        "预算、财政专户管理资金、单位资金等资金列之和(DOMAIN.md“Identities”:per row 合计 = the sum of the "
        "fund-source columns;DR-28)。表中有未能识别表头的数字列时,该表不核对。"
    )
    cases = [
        {"name": "sample", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "sample 机关运行经费 unit line general budget printed as 25.68",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "admin_running",
                        "row": "孝义市人力资源和社会保障局",
                        "column": "general_budget",
                        "value": "25.68",
                    }
                ],
            },
        },
        {"name": "two funds", "expect": "pass", "doc": projects()},
        {
            "name": "unit funds left out",
            "expect": "fail",
            "findings": 1,
            "doc": projects(a2={"unit_funds": "0.00"}),
        },
        {"name": "rounding", "expect": "pass", "rounding": 1, "doc": projects(b1={"total": "10.01"})},
        {"name": "no such table", "expect": "insufficient_data", "doc": {"tables": []}},
        {
            "name": "only a total column",
            "expect": "insufficient_data",
            "doc": {
                "tables": [
                    {
                        "kind": "project_current",
                        "rows": [{"name": "x", "role": "project", "values": {"total": "1.00"}}],
                    }
                ]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tables = [t for t in d.tables if t.kind in KINDS]
        if not tables:
            raise InsufficientData("缺少项目支出表和机关运行经费表,无法检查")
        tally = Tally(self)
        for t in tables:
            cols = [c for c in FUND_COLS if c in columns_of(t)]
            if not cols or unplaced_numbers(d, t):
                continue
            for r in t.rows:
                if not r.values:
                    continue
                f = tally.equal(
                    [r.values.get("total")], [r.values.get(c) for c in cols], table=t, row=r, column="total"
                )
                if f:
                    yield f
        tally.done("分资金列")
