"""YS-SUM-007 income-grand-total-mismatch: 收入总计 differs from 本年收入合计 + 上年结转."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._arith import TWO_SIDED, Tally, side_col, two_sided
from yusuan.check.rules._casedocs import summary as _summary
from yusuan.model import Disclosure


class IncomeGrandTotalMismatch(Rule):
    id = "YS-SUM-007"
    slug = "income-grand-total-mismatch"
    severity = "error"
    family = "SUM"
    title = "收入总计不等于本年收入合计加上年结转"
    title_en = "Income grand total is not current-year income plus carry-over"
    message = (
        "表{table_no}《{title}》收入总计为 {actual},本年收入合计与上年结转等之和为 {expected},相差 {diff}"
        "{unit}"
    )
    message_en = (
        "table {table_no} ({title}) income grand total is {actual}, current-year income plus carry-over (and "
        "other lines below it) is {expected}; difference {diff} {unit}"
    )
    rationale = (
        "收支总表(两方表)的收入方:收入总计 = 本年收入合计 + 上年结转(决算另有用事业基金弥补收支差额等行,一并"
        "计入)(DOMAIN.md“Identities”:收入总计 = 本年收入合计 + 上年结转;DR-28)。上年结转下按来源列示的明细行"
        "是上年结转的组成,不重复计入(其加总由 YS-SUM-012 核对)。只印收入总计、没有本年收入合计行的收支总表("
        "上海)不适用,收入总计与各项收入之和由 YS-SUM-006 核对。"
    )
    cases = [
        {"name": "sample (tables 1 and 4)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "收支总表 收入总计 off by 57.00 (carry-over left out)",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "summary", "row": "income_grand_total", "column": "amount", "value": "35892.39"}
                ],
            },
        },
        {"name": "synthetic", "expect": "pass", "doc": _summary()},
        {
            "name": "Shanghai: only the grand total is printed",
            "expect": "not_applicable",
            "doc": {
                "tables": [
                    {
                        "kind": "summary",
                        "rows": [
                            {"side": "income", "key": "income:general_budget", "values": {"amount": "10.00"}},
                            {
                                "side": "income",
                                "key": "income_grand_total",
                                "role": "total",
                                "values": {"amount": "10.00"},
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
            "doc": _summary(income_grand_total={"amount": "130.01"}),
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
            _, sub, between, grand = two_sided(t, "income")
            col = side_col(t, "income", ("amount", "total"))
            if sub is None and grand is not None:
                grand_only = True
            if sub is None or grand is None or col is None:
                continue
            has_carry_total = any(r.key == "carryover_total" for r in between)
            # Unnamed lines between the subtotal and the grand total are usually breakdowns of
            # the carry-over; only recognised lines are added.
            parts = [
                r
                for r in between
                if r.key == "carryover_total"
                or (r.key or "").startswith("income:")
                or ((r.key or "").startswith("carryover:") and not has_carry_total)
            ]
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
                "收支总表只印收入总计,没有本年收入合计行;收入总计与各项之和的核对见 YS-SUM-006"
            )
        tally.done("收入总计")
