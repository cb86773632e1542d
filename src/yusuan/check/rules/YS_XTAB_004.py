"""YS-XTAB-004 income-table-total-differs-from-summary: the 收入总表 合计 differs from the 收支总表's
income."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import (
    Tally,
    by_key,
    combine,
    convention_text,
    income_carryover_convention,
    other,
    related,
    side_col,
    total_row,
)
from yusuan.model import Disclosure


class IncomeTableTotalDiffersFromSummary(Rule):
    id = "YS-XTAB-004"
    slug = "income-table-total-differs-from-summary"
    severity = "error"
    family = "XTAB"
    title = "收入总表合计与收支总表收入不一致"
    title_en = "Income table total differs from the summary's income"
    message = (
        "表{table_no}《{title}》合计「{column}」为 {actual},表{other_no}《{other_title}》{what}为 {expected},"
        "相差 {diff}{unit}{convention}"
    )
    message_en = (
        "table {table_no} ({title}) total [{column}] is {actual}, table {other_no} ({other_title}) {what_en} "
        "is {expected}; difference {diff} {unit}{convention_en}"
    )
    rationale = (
        "收入总表合计等于收支总表的收入:合计不含上年结转时等于本年收入合计,含上年结转时等于收入总计;单列的上"
        "年结转等于收支总表的上年结转(DOMAIN.md“Identities / Across tables”:收入总表 合计 = 收支总表 income;"
        "DR-28)。合计是否含上年结转按收入总表自身的数字判断(见 YS-SUM-003),并在消息中写明;收入总表没有上年结"
        "转列时,取收支总表本年收入合计与收入总计中与之相符的一个。"
    )
    cases = [
        {"name": "sample (35892.39 and 57.00 agree)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "收入总表 合计 carry-over printed as 75.00",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [{"table": "income", "row": "total", "column": "carryover", "value": "75.00"}],
            },
        },
        {
            "name": "收支总表 本年收入合计 printed as 35829.39",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "summary",
                        "row": "income_current_total",
                        "column": "amount",
                        "value": "35829.39",
                    }
                ],
            },
        },
        {
            "name": "a cent apart",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "summary",
                        "row": "income_current_total",
                        "column": "amount",
                        "value": "35892.40",
                    }
                ],
            },
        },
        {
            "name": "no 收入总表",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "income"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        s = ctx.require_table("summary")
        i = ctx.require_table("income")
        itot = total_row(i)
        if itot is None:
            raise InsufficientData("收入总表没有合计行")
        keyed = by_key(s)
        col = side_col(s, "income", ("amount", "total")) or "amount"
        sub, carry, grand = (
            keyed.get(k) for k in ("income_current_total", "carryover_total", "income_grand_total")
        )
        sub_a, carry_a, grand_a = (r.values.get(col) if r else None for r in (sub, carry, grand))
        excludes, why = income_carryover_convention(i)
        conv, conv_en = convention_text(excludes, why)
        tally = Tally(self)
        ia = itot.values.get("total")
        if excludes is None:
            # No carry-over column: the total is either this year's income or the grand total;
            # compare with whichever it matches, else with this year's income.
            target = (sub, sub_a, "本年收入合计", "current-year income")
            alt = combine([ia], [grand_a])
            if grand is not None and alt is not None and abs(alt.difference) <= alt.tolerance:
                target = (grand, grand_a, "收入总计", "the income grand total")
        elif excludes:
            target = (sub, sub_a, "本年收入合计", "current-year income")
        else:
            target = (grand, grand_a, "收入总计", "the income grand total")
        row, amount, what, what_en = target
        if row is not None:
            f = tally.equal(
                [ia],
                [amount],
                table=i,
                row=itot,
                column="total",
                what=what,
                what_en=what_en,
                convention=conv,
                convention_en=conv_en,
                **other(s),
                related=[related(s, row, col, amount)],
            )
            if f:
                yield f
        if excludes is not None and carry is not None:
            ca = itot.values.get("carryover")
            f = tally.equal(
                [ca],
                [carry_a],
                table=i,
                row=itot,
                column="carryover",
                what="上年结转",
                what_en="the carry-over",
                convention="",
                convention_en="",
                **other(s),
                related=[related(s, carry, col, carry_a)],
            )
            if f:
                yield f
        tally.done("收支总表收入")
