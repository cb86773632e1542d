"""YS-SUM-006 income-subtotal-not-sum-of-items: 本年收入合计 differs from the sum of the income lines."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import TWO_SIDED, Tally, side_col, summing_lines, two_sided
from yusuan.check.rules._casedocs import summary as _summary
from yusuan.model import Disclosure


def _grand_only(grand: str, *, nested: bool = True) -> dict:
    """Shanghai: 一、财政拨款收入 with 1.一般公共预算资金 under it, 二、事业收入, and 收入总计 only."""
    rows = [
        {
            "side": "income",
            "key": "income:fiscal_appropriation",
            "name": "一、财政拨款收入",
            "values": {"amount": "100"},
        },
        {
            "side": "income",
            "key": "income:general_budget",
            "name": "1.一般公共预算资金",
            "level": 2,
            "parent": "一、财政拨款收入" if nested else None,
            "values": {"amount": "100"},
        },
        {
            "side": "income",
            "key": "income:business_income",
            "name": "二、事业收入",
            "values": {"amount": "20"},
        },
        {"side": "income", "key": "income_grand_total", "role": "total", "values": {"amount": grand}},
    ]
    return {"tables": [{"kind": "summary", "unit": "元", "rows": rows}]}


class IncomeSubtotalNotSumOfItems(Rule):
    id = "YS-SUM-006"
    slug = "income-subtotal-not-sum-of-items"
    severity = "error"
    family = "SUM"
    title = "本年收入合计不等于各项收入之和"
    title_en = "Current-year income total is not the sum of the income lines"
    message = "表{table_no}《{title}》{line}为 {actual},上列{what}之和为 {expected},相差 {diff}{unit}"
    message_en = (
        "table {table_no} ({title}) {line_en} is {actual}, the {what_en} above it sum to {expected}; "
        "difference {diff} {unit}"
    )
    rationale = (
        "收支总表和财政拨款收支总表的收入方,本年收入合计等于其上所列一般公共预算、政府性基金、国有资本经营预"
        "算、财政专户管理资金、单位资金等各项收入之和(DOMAIN.md“Identities”:本年收入合计 = Σ income items;"
        "DR-28)。“其中”行不重复计入;列在一个有金额的上级行之下的编号分项(“一、财政拨款”下的“1.一般公共预算"
        "”)是上级行的一部分,也不重复计入。只印“收入总计”、没有本年收入合计行的(上海),收入总计等于各项收入与上"
        "年结转之和。"
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
            "name": "Shanghai: 收入总计 only; 1.一般公共预算资金 is part of 一、财政拨款收入",
            "expect": "pass",
            "doc": _grand_only("120"),
        },
        {
            "name": "Shanghai: 收入总计 not the sum of the sources",
            "expect": "fail",
            "findings": 1,
            "doc": _grand_only("130"),
        },
        {
            "name": "a numbered line without a parent is a source of its own",
            "expect": "fail",
            "findings": 1,
            "doc": _grand_only("120", nested=False),
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
            items, sub, _, grand = two_sided(t, "income")
            col = side_col(t, "income", ("amount", "total"))
            if col is None:
                continue
            if sub is not None:
                total, line, line_en, what, what_en = (
                    sub,
                    "本年收入合计",
                    "current-year income total",
                    "各项收入",
                    "income lines",
                )
                parts = [r for r in items if r.key is None or r.key.startswith("income:")]
            elif grand is not None:
                # only 收入总计 printed (Shanghai): the sources and any carried-over lines add up to it
                total, line, line_en, what, what_en = (
                    grand,
                    "收入总计",
                    "income grand total",
                    "各项收入(含上年结转)",
                    "income lines (carry-over included)",
                )
                has_carry_total = any(r.key == "carryover_total" for r in items)
                parts = [
                    r
                    for r in items
                    if r.key is None
                    or r.key.startswith("income:")
                    or r.key == "carryover_total"
                    or (r.key.startswith("carryover:") and not has_carry_total)
                ]
            else:
                continue
            f = tally.equal(
                [total.values.get(col)],
                [r.values.get(col) for r in summing_lines(parts)],
                table=t,
                row=total,
                column=col,
                line=line,
                line_en=line_en,
                what=what,
                what_en=what_en,
            )
            if f:
                yield f
        tally.done("本年收入合计")
