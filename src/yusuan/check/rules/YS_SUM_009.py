"""YS-SUM-009 income-expenditure-unbalanced: 收入总计 differs from 支出总计."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import TWO_SIDED, Tally, side_col, two_sided
from yusuan.check.rules._casedocs import summary as _summary
from yusuan.model import Disclosure


class IncomeExpenditureUnbalanced(Rule):
    id = "YS-SUM-009"
    slug = "income-expenditure-unbalanced"
    severity = "error"
    family = "SUM"
    title = "收入总计与支出总计不平衡"
    title_en = "Income and expenditure grand totals do not balance"
    message = "表{table_no}《{title}》支出总计为 {actual},收入总计为 {expected},相差 {diff}{unit}"
    message_en = (
        "table {table_no} ({title}) expenditure grand total is {actual}, income grand total is {expected}; "
        "difference {diff} {unit}"
    )
    rationale = (
        "收支总表和财政拨款收支总表两方平衡:收入总计 = 支出总计(DOMAIN.md“Identities”:two-sided tables 收入总"
        "计 = … = 支出总计;DR-28)。"
    )
    cases = [
        {"name": "sample (tables 1 and 4)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "收支总表 支出总计 off by 57.00",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "summary", "row": "exp_grand_total", "column": "total", "value": "35892.39"}
                ],
            },
        },
        {"name": "synthetic", "expect": "pass", "doc": _summary()},
        {
            "name": "rounding",
            "expect": "pass",
            "rounding": 1,
            "doc": _summary(exp_grand_total={"total": "130.01"}),
        },
        {"name": "no summary", "expect": "insufficient_data", "doc": {"tables": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tables = [t for t in d.tables if t.kind in TWO_SIDED]
        if not tables:
            raise InsufficientData("缺少收支总表,无法检查")
        tally = Tally(self)
        for t in tables:
            _, _, _, inc = two_sided(t, "income")
            _, _, _, exp = two_sided(t, "expenditure")
            ic = side_col(t, "income", ("amount", "total"))
            ec = side_col(t, "expenditure", ("total", "amount"))
            if inc is None or exp is None or ic is None or ec is None:
                continue
            f = tally.equal([exp.values.get(ec)], [inc.values.get(ic)], table=t, row=exp, column=ec)
            if f:
                yield f
        tally.done("收入总计与支出总计")
