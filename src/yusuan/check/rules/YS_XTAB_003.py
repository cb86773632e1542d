"""YS-XTAB-003 summary-current-differs-from-general-budget-table: the 收支总表's 当年预算安排 by 类
differs from the 一般公共预算支出表 (不含上年结转)."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import (
    Tally,
    by_key,
    class_rows,
    current_total,
    is_zero,
    other,
    related,
    side_col,
    total_row,
)
from yusuan.model import Disclosure

MESSAGE_AT_MOST = (
    "表{table_no}《{title}》{code} {name}为 {actual},超过表{other_no}《{other_title}》同类当年预算安排 "
    "{expected}(一般公共预算只是当年资金的一部分,不能更多),多 {diff}{unit}"
)
MESSAGE_AT_MOST_EN = (
    "table {table_no} ({title}) {code} {name} is {actual}, more than this year's appropriation {expected} for"
    " the class in table {other_no} ({other_title}), of which the general budget is a part; excess {diff} "
    "{unit}"
)


def _shanghai(g_total: str) -> dict:
    """Shanghai 收支总表: 财政拨款收入 = 一般公共预算资金, class 212, 收入总计 / 支出总计 only."""
    summary = [
        {"side": "income", "key": "income:fiscal_appropriation", "values": {"amount": "189767551"}},
        {"side": "income", "key": "income:general_budget", "values": {"amount": "189767551"}},
        {"side": "income", "key": "income:gov_fund", "values": {}},
        {"side": "expenditure", "key": "exp:212", "values": {"total": "189767551"}},
        {"side": "income", "key": "income_grand_total", "role": "total", "values": {"amount": "189767551"}},
        {"side": "expenditure", "key": "exp_grand_total", "role": "total", "values": {"total": "189767551"}},
    ]
    g = [
        {"code": "212", "values": {"total": "189767551"}},
        {"key": "total", "role": "total", "name": "合计", "values": {"total": g_total}},
    ]
    return {
        "tables": [
            {"kind": "summary", "unit": "元", "rows": summary},
            {"kind": "general_budget_expenditure", "unit": "元", "rows": g},
        ]
    }


class SummaryCurrentDiffersFromGeneralBudgetTable(Rule):
    id = "YS-XTAB-003"
    slug = "summary-current-differs-from-general-budget-table"
    severity = "error"
    family = "XTAB"
    title = "收支总表当年预算安排与一般公共预算支出表不一致"
    title_en = "Summary current-year appropriation by class differs from the general budget expenditure table"
    message = (
        "表{table_no}《{title}》{code} {name}合计为 {actual},表{other_no}《{other_title}》同类当年预算安排为 "
        "{expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {code} {name} total is {actual}, table {other_no} ({other_title}) shows "
        "{expected} as this year's appropriation for the class; difference {diff} {unit}"
    )
    rationale = (
        "收支总表支出方“当年预算安排”是扣除上年结转后的本年资金。本年收入只有一般公共预算时,它逐类等于一般公"
        "共预算支出表(不含上年结转)的合计;有其他本年收入(政府性基金、单位资金等)时,一般公共预算支出表只是其"
        "中一部分,逐类不得更多(DOMAIN.md“Identities / Across tables”:收支总表 … 当年/上年结转 split vs 一般"
        "公共预算支出表;“不含上年结转” tables equal the full tables minus the carry-over;DR-28)。收支总表未"
        "分列当年预算安排时,仅在没有上年结转的情况下以合计列代替。“财政拨款收入”是一般公共预算所属的小计,不"
        "算其他收入。收支总表只印“支出总计”(上海)且没有年终结转时,以支出总计作为本年支出合计;一方不按功能类"
        "列示时只比较合计。"
    )
    cases = [
        {"name": "sample (208: 35211.06 = 35211.06)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "一般公共预算支出表 221 printed as 491.87",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "general_budget_expenditure",
                        "row": "221",
                        "column": "total",
                        "value": "491.87",
                    }
                ],
            },
        },
        {
            "name": "with unit funds the general budget may be less, not more",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "summary", "row": "income:unit_funds", "column": "amount", "value": "10.00"},
                    {
                        "table": "general_budget_expenditure",
                        "row": "210",
                        "column": "total",
                        "value": "183.12",
                    },
                    {
                        "table": "general_budget_expenditure",
                        "row": "221",
                        "column": "total",
                        "value": "420.87",
                    },
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
                    {"table": "general_budget_expenditure", "row": "213", "column": "total", "value": "68.35"}
                ],
            },
        },
        {
            "name": "Shanghai: 财政拨款收入 is not other income; 支出总计 is the total",
            "expect": "pass",
            "doc": _shanghai("189767551"),
        },
        {
            "name": "Shanghai: the general budget table total differs",
            "expect": "fail",
            "findings": 1,
            "doc": _shanghai("189767000"),
        },
        {
            "name": "no 一般公共预算支出表",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "general_budget_expenditure"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        s = ctx.require_table("summary")
        g = ctx.require_table("general_budget_expenditure")
        keyed = by_key(s)
        exp_rows = [r for r in s.rows if r.side == "expenditure"]
        incol = side_col(s, "income", ("amount", "total")) or "amount"
        carry = keyed.get("carryover_total")
        if any("current_year" in r.values for r in exp_rows):
            col = "current_year"
        elif is_zero(carry.values.get(incol) if carry else None):
            # Nothing carried over: the total column is this year's money.
            col = side_col(s, "expenditure", ("total", "amount")) or "total"
        else:
            raise InsufficientData("收支总表未分列当年预算安排,且有上年结转,无法得出当年数")
        # Only general-budget income this year: the identity is equality; otherwise a bound. 财政拨款
        # (收入) is the subtotal the general budget belongs to, not another source.
        others = [
            r
            for r in s.rows
            if (r.key or "").startswith("income:")
            and r.key not in ("income:general_budget", "income:fiscal_appropriation")
        ]
        only_gb = all(is_zero(r.values.get(incol)) for r in others)
        tally = Tally(self)
        sc, gc = class_rows(s), class_rows(g)
        pairs = (
            [(code, sc.get(code), gc.get(code)) for code in dict.fromkeys([*sc, *gc])] if sc and gc else []
        )
        scur, gtot = current_total(s, "expenditure"), total_row(g)
        if scur is not None and gtot is not None:
            pairs.append(("", scur, gtot))
        for code, srow, grow in pairs:
            if srow is None and grow is None:
                continue
            sa = srow.values.get(col) if srow else None
            ga = grow.values.get("total") if grow else None
            name = (grow or srow).name if (grow or srow) else ""
            place = dict(
                table=g,
                row=grow,
                column="total",
                code=code,
                name=name,
                **other(s),
                related=[related(s, srow, col, sa)],
            )
            if only_gb:
                f = tally.equal([ga], [sa], **place)
            else:
                f = tally.at_most([ga], [sa], message=MESSAGE_AT_MOST, message_en=MESSAGE_AT_MOST_EN, **place)
            if f:
                yield f
        tally.done("当年预算安排")
