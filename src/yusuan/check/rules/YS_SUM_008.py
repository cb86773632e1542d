"""YS-SUM-008 expenditure-grand-total-mismatch: 支出总计 differs from 本年支出合计 + 年终结转."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._arith import TWO_SIDED, Tally, is_of_which, two_sided
from yusuan.check.rules._casedocs import summary as _summary
from yusuan.model import Disclosure


class ExpenditureGrandTotalMismatch(Rule):
    id = "YS-SUM-008"
    slug = "expenditure-grand-total-mismatch"
    severity = "error"
    family = "SUM"
    title = "支出总计不等于本年支出合计加年终结转"
    title_en = "Expenditure grand total is not current-year expenditure plus year-end carry-forward"
    message = (
        "表{table_no}《{title}》支出总计「{column}」为 {actual},本年支出合计与年终结转等之和为 {expected},相"
        "差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) expenditure grand total [{column}] is {actual}, current-year expenditure "
        "plus year-end carry-forward (and other lines below it) is {expected}; difference {diff} {unit}"
    )
    rationale = (
        "收支总表(两方表)的支出方:支出总计 = 本年支出合计 + 年终结转(决算另有结余分配、年末结转和结余等行,一"
        "并计入),逐列核对(DOMAIN.md“Identities”:支出总计 = 本年支出合计 + 年终结转;DR-28)。只印支出总计、没"
        "有本年支出合计行的收支总表(上海)不适用,支出总计与各类支出之和由 YS-SUM-005 核对。"
    )
    cases = [
        {"name": "sample (tables 1 and 4)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "财政拨款收支总表 支出总计 off by 1.00",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "fiscal_summary",
                        "row": "exp_grand_total",
                        "column": "general_budget",
                        "value": "35948.39",
                    }
                ],
            },
        },
        {
            "name": "synthetic with a year-end carry-forward",
            "expect": "pass",
            "doc": _summary(exp_current_total={"total": "125.00"}, exp_carry_forward={"total": "5.00"}),
        },
        {
            "name": "year-end carry-forward left out of the grand total",
            "expect": "fail",
            "findings": 1,
            "doc": _summary(exp_carry_forward={"total": "5.00"}),
        },
        {
            "name": "Shanghai: only the grand total is printed",
            "expect": "not_applicable",
            "doc": {
                "tables": [
                    {
                        "kind": "summary",
                        "rows": [
                            {"side": "expenditure", "key": "exp:208", "values": {"total": "10.00"}},
                            {
                                "side": "expenditure",
                                "key": "exp_grand_total",
                                "role": "total",
                                "values": {"total": "10.00"},
                            },
                        ],
                    }
                ]
            },
        },
        {
            "name": "rounding",
            "expect": "pass",
            "rounding": 1,
            "doc": _summary(exp_grand_total={"carryover": "10.01"}),
        },
        {"name": "no summary", "expect": "insufficient_data", "doc": {"tables": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tables = [t for t in d.tables if t.kind in TWO_SIDED]
        if not tables:
            raise InsufficientData("缺少收支总表,无法检查")
        tally = Tally(self)
        grand_only = False
        for t in tables:
            _, sub, between, grand = two_sided(t, "expenditure")
            if sub is None and grand is not None:
                grand_only = True
            if sub is None or grand is None:
                continue
            parts = [r for r in between if not is_of_which(r)]
            cols = dict.fromkeys([*grand.values, *sub.values, *(k for r in parts for k in r.values)])
            for col in cols:
                f = tally.equal(
                    [grand.values.get(col)],
                    [sub.values.get(col), *(r.values.get(col) for r in parts)],
                    table=t,
                    row=grand,
                    column=col,
                )
                if f:
                    yield f
        if grand_only and not tally.checked and not tally.unreadable:
            raise NotApplicable(
                "收支总表只印支出总计,没有本年支出合计行;支出总计与各项之和的核对见 YS-SUM-005"
            )
        tally.done("支出总计")
