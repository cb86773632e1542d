"""YS-XTAB-013 excl-carryover-table-differs-from-full-table: the 一般公共预算支出表 (不含上年结转) differs
from the 支出总表 minus the carry-over, code by code."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._arith import (
    INCOME_SOURCE_COLS,
    Tally,
    by_code,
    by_key,
    combine,
    is_zero,
    other,
    project_total,
    related,
    side_col,
    total_row,
)
from yusuan.model import Disclosure


class ExclCarryoverTableDiffersFromFullTable(Rule):
    id = "YS-XTAB-013"
    slug = "excl-carryover-table-differs-from-full-table"
    severity = "error"
    family = "XTAB"
    title = "不含上年结转的一般公共预算支出表与支出总表扣除结转后不一致"
    title_en = (
        "General budget table (without carry-over) differs from the expenditure table minus the carry-over"
    )
    message = (
        "表{table_no}《{title}》{code} {name}「{column}」为 {actual},表{other_no}《{other_title}》同科目扣除"
        "上年结转 {carry} 后为 {expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {code} {name} [{column}] is {actual}, table {other_no} ({other_title}) "
        "less the carry-over {carry} gives {expected}; difference {diff} {unit}"
    )
    rationale = (
        "“不含上年结转”的表等于完整的表减去上年结转(DOMAIN.md“Identities / Across tables”;DR-28)。本年资金只"
        "有一般公共预算时,一般公共预算支出表(不含上年结转)每个科目的合计和项目支出,等于支出总表同一科目减去收"
        "入总表“上年结转”列同一科目的金额;基本支出相等。结转计入项目支出的前提是项目支出表(上年结转)合计等于"
        "结转总额,否则只核对合计列。有一般公共预算以外的本年资金或非一般公共预算的结转时,逐科目推算不成立,不"
        "适用(YS-XTAB-012 仍按收入总表核对)。"
    )
    cases = [
        {"name": "sample (20807: 1089.23 − 50.00 = 1039.23 …)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "支出总表 20899 printed as 1282.00",
            "expect": "fail",
            "findings": 2,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "expenditure", "row": "20899", "column": "total", "value": "1282.00"},
                    {"table": "expenditure", "row": "20899", "column": "project", "value": "1282.00"},
                ],
            },
        },
        {
            "name": "a cent apart in the basic column",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "general_budget_expenditure",
                        "row": "2080109",
                        "column": "basic",
                        "value": "1074.72",
                    }
                ],
            },
        },
        {
            "name": "unit funds this year: not derivable",
            "expect": "not_applicable",
            "doc": {
                "base": "shanxi",
                "patch": [{"table": "income", "row": "total", "column": "unit_funds", "value": "5.00"}],
            },
        },
        {
            "name": "no 支出总表",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "expenditure"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        x = ctx.require_table("expenditure")
        g = ctx.require_table("general_budget_expenditure")
        i = ctx.require_table("income")
        if not g.excludes_carryover:
            raise NotApplicable("一般公共预算支出表未注明不含上年结转")
        others = [c for c in INCOME_SOURCE_COLS if c != "general_budget"]
        if any(not is_zero(r.values.get(c)) for r in i.rows for c in others):
            raise NotApplicable("本年有一般公共预算以外的资金,支出总表减结转不等于一般公共预算支出表")
        fs = d.table("fiscal_summary")
        if fs is not None:
            fk, fc = by_key(fs), side_col(fs, "income", ("amount", "total")) or "amount"
            if any(
                not is_zero(fk[k].values.get(fc))
                for k in ("carryover:gov_fund", "carryover:state_capital")
                if k in fk
            ):
                raise NotApplicable("有政府性基金或国有资本经营预算的结转,无法逐科目扣除")
        has_carry = any("carryover" in r.values for r in i.rows)
        itot = total_row(i)
        s = d.table("summary")
        if not has_carry and s is None:
            raise InsufficientData("收入总表未单列上年结转,又没有收支总表可确认有无结转")
        if not has_carry and s is not None:
            carry_row = by_key(s).get("carryover_total")
            scol = side_col(s, "income", ("amount", "total")) or "amount"
            if carry_row is not None and not is_zero(carry_row.values.get(scol)):
                raise InsufficientData("收入总表未单列上年结转,无法逐科目扣除")
        # Carry-over counts as project expenditure only when the carry-over project table says so.
        pk = d.table("project_carryover")
        carry_is_project = False
        if itot is not None and pk is not None:
            c = combine(project_total(pk), [itot.values.get("carryover")])
            carry_is_project = c is not None and abs(c.difference) <= c.tolerance
        cols = ["total", "basic", "project"] if carry_is_project else ["total"]
        xc, gc, ic = by_code(x), by_code(g), by_code(i)
        pairs = [(code, xc.get(code), gc.get(code), ic.get(code)) for code in dict.fromkeys([*xc, *gc])]
        pairs.append(("", total_row(x), total_row(g), itot))
        tally = Tally(self)
        for code, xrow, grow, irow in pairs:
            if xrow is None and grow is None:
                continue
            carry = irow.values.get("carryover") if irow else None
            name = (grow or xrow).name if (grow or xrow) else ""
            for col in cols:
                xa = xrow.values.get(col) if xrow else None
                ga = grow.values.get(col) if grow else None
                minus = [carry] if col != "basic" else []
                f = tally.equal(
                    [ga],
                    [xa],
                    expected_minus=minus,
                    table=g,
                    row=grow,
                    column=col,
                    code=code,
                    name=name,
                    carry=(carry.plain() if carry and col != "basic" else "0"),
                    **other(x),
                    related=[related(x, xrow, col, xa), related(i, irow, "carryover", carry)],
                )
                if f:
                    yield f
        tally.done("支出科目")
