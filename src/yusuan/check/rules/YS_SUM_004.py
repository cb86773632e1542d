"""YS-SUM-004 total-row-not-sum-of-classes: a coded table's 合计 row differs from the sum of its 类 rows."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import Tally, total_row
from yusuan.model import Disclosure

KINDS = (
    "income",
    "expenditure",
    "general_budget_expenditure",
    "gov_fund_income",
    "gov_fund_expenditure",
    "state_capital",
    "fiscal_expenditure",
)


class TotalRowNotSumOfClasses(Rule):
    id = "YS-SUM-004"
    slug = "total-row-not-sum-of-classes"
    severity = "error"
    family = "SUM"
    title = "合计行不等于各类级科目之和"
    title_en = "Total row is not the sum of the class rows"
    message = (
        "表{table_no}《{title}》合计行「{column}」为 {actual},各类级科目之和为 {expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) total row [{column}] is {actual}, the class (类) rows sum to {expected}; "
        "difference {diff} {unit}"
    )
    rationale = (
        "按功能(或收入)分类列示的表,合计行等于各类级(3位编码)科目之和,逐列核对(DOMAIN.md“Identities”:a parent"
        " row (… 合计) equals the sum of its children;DR-28)。款、项与上级科目的关系由 YS-SUM-001 检查。差额"
        "在各数字舍入误差之和以内的,作为舍入提示。江苏按功能分类列示的财政拨款支出表同样核对。"
    )
    cases = [
        {"name": "sample", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "支出总表 合计 project off by 100.00",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [{"table": "expenditure", "row": "total", "column": "project", "value": "31703.71"}],
            },
        },
        {
            "name": "a class printed without amount in a column the total has",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "expenditure",
                        "rows": [
                            {
                                "key": "total",
                                "role": "total",
                                "name": "合计",
                                "values": {"total": "30.00", "basic": "20.00"},
                            },
                            {"code": "208", "values": {"total": "20.00"}},
                            {"code": "221", "values": {"total": "10.00", "basic": "10.00"}},
                        ],
                    }
                ]
            },
        },
        {
            "name": "rounding only",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "expenditure",
                        "rows": [
                            {"key": "total", "role": "total", "name": "合计", "values": {"total": "30.01"}},
                            {"code": "208", "values": {"total": "20.00"}},
                            {"code": "221", "values": {"total": "10.00"}},
                        ],
                    }
                ]
            },
        },
        {"name": "no coded table", "expect": "insufficient_data", "doc": {"tables": []}},
        {
            "name": "no total row",
            "expect": "insufficient_data",
            "doc": {
                "tables": [{"kind": "expenditure", "rows": [{"code": "208", "values": {"total": "20.00"}}]}]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tables = [t for t in d.tables if t.kind in KINDS]
        if not tables:
            raise InsufficientData("没有按科目列示的收入或支出表")
        tally = Tally(self)
        for t in tables:
            tot = total_row(t)
            classes = [r for r in t.rows if r.code and len(r.code) == 3]
            if tot is None or not classes:
                continue
            cols = dict.fromkeys([*tot.values, *(k for r in classes for k in r.values)])
            for col in cols:
                f = tally.equal(
                    [tot.values.get(col)], [r.values.get(col) for r in classes], table=t, row=tot, column=col
                )
                if f:
                    yield f
        tally.done("合计行与类级科目")
