"""YS-SUM-006 income-subtotal-not-sum-of-items: 本年收入合计 differs from the sum of the income lines."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import TWO_SIDED, Tally, is_of_which, side_col, two_sided
from yusuan.check.rules._casedocs import summary as _summary
from yusuan.model import Disclosure


class IncomeSubtotalNotSumOfItems(Rule):
    id = "YS-SUM-006"
    slug = "income-subtotal-not-sum-of-items"
    severity = "error"
    family = "SUM"
    title = "本年收入合计不等于各项收入之和"
    title_en = "Current-year income total is not the sum of the income lines"
    message = "表{table_no}《{title}》本年收入合计为 {actual},上列各项收入之和为 {expected},相差 {diff}{unit}"
    message_en = (
        "table {table_no} ({title}) current-year income total is {actual}, the income lines above it sum to "
        "{expected}; difference {diff} {unit}"
    )
    rationale = (
        "收支总表和财政拨款收支总表的收入方,本年收入合计等于其上所列一般公共预算、政府性基金、国有资本经营预"
        "算、财政专户管理资金、单位资金等各项收入之和(DOMAIN.md“Identities”:本年收入合计 = Σ income items;"
        "DR-28)。“其中”行不重复计入。"
    )
    cases = [
        {"name": "sample (tables 1 and 4)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "收支总表 一般公共预算 off by 0.10",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "summary",
                        "row": "income:general_budget",
                        "column": "amount",
                        "value": "35892.29",
                    }
                ],
            },
        },
        {"name": "two sources", "expect": "pass", "doc": _summary()},
        {
            "name": "one source left out",
            "expect": "fail",
            "findings": 1,
            "doc": _summary(income__unit_funds={"amount": "0.00"}),
        },
        {
            "name": "rounding",
            "expect": "pass",
            "rounding": 1,
            "doc": _summary(income_current_total={"amount": "120.01"}),
        },
        {"name": "no summary table", "expect": "insufficient_data", "doc": {"tables": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tables = [t for t in d.tables if t.kind in TWO_SIDED]
        if not tables:
            raise InsufficientData("缺少收支总表,无法检查")
        tally = Tally(self)
        for t in tables:
            items, sub, _, _ = two_sided(t, "income")
            col = side_col(t, "income", ("amount", "total"))
            if sub is None or col is None:
                continue
            parts = [
                r for r in items if (r.key is None or r.key.startswith("income:")) and not is_of_which(r)
            ]
            f = tally.equal(
                [sub.values.get(col)], [r.values.get(col) for r in parts], table=t, row=sub, column=col
            )
            if f:
                yield f
        tally.done("本年收入合计")
