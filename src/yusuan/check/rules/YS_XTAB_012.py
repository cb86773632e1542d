"""YS-XTAB-012 general-budget-table-differs-from-income-table: a 一般公共预算支出表 row differs from the
收入总表's 一般公共预算 column for the same code."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._arith import (
    Tally,
    by_code,
    by_key,
    columns_of,
    final_balances_zero,
    is_zero,
    only_general_budget_appropriation,
    other,
    related,
    total_row,
)
from yusuan.model import Disclosure, Table

MESSAGE_AT_MOST = (
    "表{table_no}《{title}》{code} {name}合计为 {actual},超过表{other_no}《{other_title}》同一科目的财政拨款"
    "收入 {expected}(一般公共预算只是财政拨款的一部分,不能更多),多 {diff}{unit}"
)
MESSAGE_AT_MOST_EN = (
    "table {table_no} ({title}) {code} {name} total is {actual}, more than the appropriation income of the "
    "same code in table {other_no} ({other_title}), {expected}, of which the general budget is a part; "
    "excess {diff} {unit}"
)


def _doc(gb: str, fa: str, *, gov_fund: str | None, kind: str = "budget", closing: str | None = None) -> dict:
    """一般公共预算支出表 208 = ``gb`` (also its 合计) against a 收入总表 whose only fund column is
    财政拨款收入 (208 = ``fa``, 合计 = 2000), with a 收支总表 printing the 政府性基金 and 国有资本经营
    lines (and, for final accounts, the opening and closing balances)."""
    summary = [
        {"side": "income", "key": "income:general_budget", "values": {"amount": "2000"}},
        {"side": "income", "key": "income:gov_fund", "values": {"amount": gov_fund} if gov_fund else {}},
        {"side": "income", "key": "income:state_capital", "values": {}},
        {"side": "income", "key": "carryover_total", "values": {}},
        {"side": "expenditure", "key": "exp_carry_forward", "values": {"total": closing} if closing else {}},
    ]
    return {
        "meta": {"kind": kind},
        "tables": [
            {"kind": "summary", "rows": summary},
            {
                "kind": "general_budget_expenditure",
                "rows": [
                    {"code": "208", "values": {"total": gb}},
                    {"key": "total", "role": "total", "name": "合计", "values": {"total": gb}},
                ],
            },
            {
                "kind": "income",
                "columns": ["total", "fiscal_appropriation"],
                "rows": [
                    {"code": "208", "values": {"total": fa, "fiscal_appropriation": fa}},
                    {
                        "key": "total",
                        "role": "total",
                        "name": "合计",
                        "values": {"total": "2000", "fiscal_appropriation": "2000"},
                    },
                ],
            },
        ],
    }


class GeneralBudgetTableDiffersFromIncomeTable(Rule):
    id = "YS-XTAB-012"
    slug = "general-budget-table-differs-from-income-table"
    severity = "error"
    family = "XTAB"
    title = "一般公共预算支出表与收入总表一般公共预算列不一致"
    title_en = "General budget expenditure table differs from the income table's general budget column"
    message = (
        "表{table_no}《{title}》{code} {name}合计为 {actual},表{other_no}《{other_title}》同一科目的{fund}"
        "收入为 {expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {code} {name} total is {actual}, the {fund_en} income of the same code "
        "in table {other_no} ({other_title}) is {expected}; difference {diff} {unit}"
    )
    rationale = (
        "收入总表按支出功能科目列示各来源资金,其“一般公共预算”列是本年一般公共预算拨款按科目的安排,与一般公"
        "共预算支出表(不含上年结转)逐科目(类、款、项及合计)相等(DOMAIN.md“Identities / Across tables”:“不含"
        "上年结转” tables equal the full tables minus the 上年结转 columns;收入总表 vs 收支总表;DR-28)。一方"
        "有、另一方没有的科目按 0 比较。一般公共预算支出表含上年结转时不适用此比较。收入总表只列“财政拨款收"
        "入”一列(上海、决算)时:收支总表印出的政府性基金、国有资本经营收入均为空或 0 时逐科目相等,否则一般公"
        "共预算支出不得多于财政拨款收入。决算只在年初、年末结转和结余均为 0 时比较(否则本年收入与支出按科目"
        "本不相等)。"
    )
    cases = [
        {"name": "sample (all codes agree)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "一般公共预算支出表 2080799 printed as 58.27 (carry-over left in)",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "general_budget_expenditure",
                        "row": "2080799",
                        "column": "total",
                        "value": "58.27",
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
                "patch": [{"table": "income", "row": "2101103", "column": "general_budget", "value": "6.89"}],
            },
        },
        {
            "name": "Shanghai: 财政拨款收入 column, no government-fund or state-capital income",
            "expect": "pass",
            "doc": _doc("2000", "2000", gov_fund=None),
        },
        {
            "name": "Shanghai: 财政拨款收入 column, one code differs",
            "expect": "fail",
            "findings": 1,
            "doc": _doc("2000", "2100", gov_fund=None),
        },
        {
            "name": "财政拨款收入 includes government funds: the general budget may be less",
            "expect": "pass",
            "doc": _doc("1500", "2000", gov_fund="500"),
        },
        {
            "name": "财政拨款收入 includes government funds: the general budget may not be more",
            "expect": "fail",
            "findings": 2,
            "doc": _doc("2500", "2000", gov_fund="500"),
        },
        {
            "name": "final accounts with a year-end balance",
            "expect": "not_applicable",
            "doc": _doc("2000", "2100", gov_fund=None, kind="final", closing="100"),
        },
        {
            "name": "final accounts without balances",
            "expect": "fail",
            "findings": 1,
            "doc": _doc("2000", "2100", gov_fund=None, kind="final", closing=None),
        },
        {
            "name": "Jiangsu: sources as rows, only the totals compared",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "general_budget_expenditure",
                        "rows": [
                            {"code": "201", "values": {"total": "18330.37"}},
                            {
                                "key": "total",
                                "role": "total",
                                "name": "合计",
                                "values": {"total": "18330.37"},
                            },
                        ],
                    },
                    {
                        "kind": "income",
                        "rows": [
                            {
                                "key": "total",
                                "role": "total",
                                "name": "收入总计",
                                "values": {"total": "18300.37"},
                            },
                            {
                                "key": "income:general_budget",
                                "role": "subtotal",
                                "name": "一般公共预算资金",
                                "values": {"total": "18300.37"},
                            },
                        ],
                    },
                ]
            },
        },
        {
            "name": "no 收入总表",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "income"}]},
        },
        {
            "name": "income table without a general budget column",
            "expect": "insufficient_data",
            "doc": {
                "tables": [
                    {
                        "kind": "general_budget_expenditure",
                        "excludes_carryover": True,
                        "rows": [{"code": "208", "values": {"total": "5.00"}}],
                    },
                    {"kind": "income", "rows": [{"code": "208", "values": {"total": "5.00"}}]},
                ]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        g = ctx.require_table("general_budget_expenditure")
        i = ctx.require_table("income")
        icols = set(columns_of(i))
        exact = True
        keyed = by_key(i)
        if "income:general_budget" in keyed and not any(r.code for r in i.rows):
            yield from self._by_source_rows(d, g, i)
            return
        if "general_budget" in icols:
            icol = "general_budget"
        elif "fiscal_appropriation" in icols:
            # 财政拨款收入 as one column (Shanghai, final accounts): the general budget is all of it
            # when the summaries show no government-fund or state-capital money, else a part of it.
            icol = "fiscal_appropriation"
            exact = only_general_budget_appropriation(d) is True
        else:
            raise InsufficientData("收入总表没有一般公共预算列(也没有财政拨款列)")
        if not g.excludes_carryover and any("carryover" in r.values for r in i.rows):
            raise InsufficientData("一般公共预算支出表未注明不含上年结转,而部门有上年结转,口径不明")
        if d.meta.kind == "final":
            balances = final_balances_zero(d)
            if balances is None:
                raise InsufficientData(
                    "决算收支总表未印出年初、年末结转和结余,无法判断收入与支出能否逐科目相比"
                )
            if not balances:
                raise NotApplicable("决算有年初或年末结转和结余,本年收入与本年支出按科目本不相等")
        fund, fund_en = (
            ("一般公共预算", "general budget") if icol == "general_budget" else ("财政拨款", "appropriation")
        )
        gc, ic = by_code(g), by_code(i)
        pairs = [(code, gc.get(code), ic.get(code)) for code in dict.fromkeys([*gc, *ic])]
        pairs.append(("", total_row(g), total_row(i)))
        tally = Tally(self)
        for code, grow, irow in pairs:
            if grow is None and irow is None:
                continue
            ga = grow.values.get("total") if grow else None
            ia = irow.values.get(icol) if irow else None
            name = (grow or irow).name if (grow or irow) else ""
            place = dict(
                table=g,
                row=grow,
                column="total",
                code=code,
                name=name,
                fund=fund,
                fund_en=fund_en,
                **other(i),
                related=[related(i, irow, icol, ia)],
            )
            if exact:
                f = tally.equal([ga], [ia], **place)
            else:
                f = tally.at_most([ga], [ia], message=MESSAGE_AT_MOST, message_en=MESSAGE_AT_MOST_EN, **place)
            if f:
                yield f
        tally.done("一般公共预算支出科目")

    def _by_source_rows(self, d: Disclosure, g: Table, i: Table) -> Iterable[Finding]:
        """收入总表 by source as rows, without codes (Jiangsu): only the totals can be compared."""
        keyed = by_key(i)
        carry = keyed.get("carryover_total")
        if not g.excludes_carryover and not is_zero(carry.values.get("total") if carry else None):
            raise InsufficientData("一般公共预算支出表未注明不含上年结转,而部门有上年结转,口径不明")
        src = keyed["income:general_budget"]
        gtot = total_row(g)
        tally = Tally(self)
        if gtot is not None:
            ia = src.values.get("total")
            f = tally.equal(
                [gtot.values.get("total")],
                [ia],
                table=g,
                row=gtot,
                column="total",
                code="",
                name=gtot.name,
                fund="一般公共预算",
                fund_en="general budget",
                **other(i),
                related=[related(i, src, "total", ia)],
            )
            if f:
                yield f
        tally.done("一般公共预算支出合计")
