"""YS-SUM-005 expenditure-subtotal-not-sum-of-classes: 本年支出合计 differs from the sum of the 类 lines."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import TWO_SIDED, Tally, is_of_which, two_sided
from yusuan.check.rules._casedocs import summary as _summary
from yusuan.model import Disclosure


class ExpenditureSubtotalNotSumOfClasses(Rule):
    id = "YS-SUM-005"
    slug = "expenditure-subtotal-not-sum-of-classes"
    severity = "error"
    family = "SUM"
    title = "本年支出合计不等于各类支出之和"
    title_en = "Current-year expenditure total is not the sum of the expenditure classes"
    message = (
        "表{table_no}《{title}》本年支出合计「{column}」为 {actual},上列各类支出之和为 {expected},相差 {diff}"
        "{unit}"
    )
    message_en = (
        "table {table_no} ({title}) current-year expenditure total [{column}] is {actual}, the expenditure "
        "lines above it sum to {expected}; difference {diff} {unit}"
    )
    rationale = (
        "收支总表和财政拨款收支总表的支出方,本年支出合计等于其上所列各功能类支出之和,逐列核对(DOMAIN.md“"
        "Identities”:本年支出合计 = Σ expenditure 类 rows;DR-28)。“其中”行不重复计入。差额在各数字舍入误差之"
        "和以内的,作为舍入提示。"
    )
    cases = [
        {"name": "sample (tables 1 and 4)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "收支总表 208 current year off by 1.00",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "summary", "row": "exp:208", "column": "current_year", "value": "35212.06"}
                ],
            },
        },
        {"name": "synthetic balanced summary", "expect": "pass", "doc": _summary()},
        {
            "name": "rounding",
            "expect": "pass",
            "rounding": 1,
            "doc": _summary(exp_current_total={"total": "130.01"}),
        },
        {"name": "no summary table", "expect": "insufficient_data", "doc": {"tables": []}},
        {
            "name": "summary without 本年支出合计 line",
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
            items, sub, _, _ = two_sided(t, "expenditure")
            if sub is None:
                continue
            parts = [r for r in items if (r.key is None or r.key.startswith("exp:")) and not is_of_which(r)]
            for col in dict.fromkeys([*sub.values, *(k for r in parts for k in r.values)]):
                f = tally.equal(
                    [sub.values.get(col)], [r.values.get(col) for r in parts], table=t, row=sub, column=col
                )
                if f:
                    yield f
        tally.done("本年支出合计")
