"""YS-SUM-001 parent-not-sum-of-children: a 类/款 row differs from the sum of its children."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.tolerance import compare_sum
from yusuan.model import Disclosure

CODED_KINDS = (
    "income",
    "expenditure",
    "general_budget_expenditure",
    "gov_fund_expenditure",
    "gov_fund_income",
    "fiscal_expenditure",
)


class ParentNotSumOfChildren(Rule):
    id = "YS-SUM-001"
    slug = "parent-not-sum-of-children"
    severity = "error"
    family = "SUM"
    title = "类/款金额不等于下级科目之和"
    title_en = "Class or subclass amount is not the sum of its children"
    message = (
        "表{table_no}《{title}》{code} {name}「{column}」为 {actual},下级科目合计为 {expected},"
        "相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {code} {name} [{column}] is {actual}, its children sum to {expected}; "
        "difference {diff} {unit}"
    )
    rationale = (
        "支出功能分类的上级科目(类、款)等于其下级科目(款、项)之和(DOMAIN.md“Identities”:a parent row equals "
        "the sum of its children)。适用于收入总表、支出总表、一般公共预算支出表、政府性基金表和财政拨款支出"
        "表(江苏按功能分类列示的财政拨款支出表)。差额在各数字舍入误差之和以内的,作为舍入提示。"
    )
    cases = [
        {"name": "sample is consistent", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "a 款 off by 1.00",
            "expect": "fail",
            "findings": 2,
            "doc": {
                "base": "shanxi",
                "patch": [{"table": "expenditure", "row": "20801", "column": "total", "value": "3288.52"}],
            },
        },
        {
            "name": "a 类 off by a rounding cent",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "expenditure",
                        "rows": [
                            {"code": "208", "values": {"total": "10.01"}},
                            {"code": "20801", "parent": "208", "values": {"total": "5.00"}},
                            {"code": "20802", "parent": "208", "values": {"total": "5.00"}},
                        ],
                    }
                ]
            },
        },
        {"name": "no coded table", "expect": "insufficient_data", "doc": {"tables": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tables = [t for t in d.tables if t.kind in CODED_KINDS and any(r.code for r in t.rows)]
        if not tables:
            if any(t.kind in CODED_KINDS for t in d.tables):
                raise NotApplicable("分类科目表均为空表")
            raise InsufficientData("没有带科目编码的收入或支出表")
        for t in tables:
            coded = [r for r in t.rows if r.code]
            children: dict[str, list] = {}
            for r in coded:  # one pass: a child's code is its parent's plus two digits
                if len(r.code) > 3:
                    children.setdefault(r.code[:-2], []).append(r)
            for parent in coded:
                kids = children.get(parent.code)
                if not kids:
                    continue
                for col, total in parent.values.items():
                    parts = [k.values[col] for k in kids if col in k.values]
                    if not parts and total.value == 0:
                        continue
                    cmp = compare_sum(total, parts)
                    if cmp is None or cmp.equal:
                        continue
                    yield self.finding(
                        table=t,
                        row=parent,
                        column=col,
                        amount=total,
                        expected=cmp.expected,
                        actual=cmp.actual,
                        tolerance=cmp.tolerance,
                        unit=cmp.unit,
                        rounding=cmp.rounding,
                    )
