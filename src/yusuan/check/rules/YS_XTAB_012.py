"""YS-XTAB-012 general-budget-table-differs-from-income-table: a 一般公共预算支出表 row differs from the
收入总表's 一般公共预算 column for the same code."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import Tally, by_code, other, related, total_row
from yusuan.model import Disclosure


class GeneralBudgetTableDiffersFromIncomeTable(Rule):
    id = "YS-XTAB-012"
    slug = "general-budget-table-differs-from-income-table"
    severity = "error"
    family = "XTAB"
    title = "一般公共预算支出表与收入总表一般公共预算列不一致"
    title_en = "General budget expenditure table differs from the income table's general budget column"
    message = (
        "表{table_no}《{title}》{code} {name}合计为 {actual},表{other_no}《{other_title}》同一科目的一般公共"
        "预算收入为 {expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {code} {name} total is {actual}, the general budget income of the same "
        "code in table {other_no} ({other_title}) is {expected}; difference {diff} {unit}"
    )
    rationale = (
        "收入总表按支出功能科目列示各来源资金,其“一般公共预算”列是本年一般公共预算拨款按科目的安排,与一般公共"
        "预算支出表(不含上年结转)逐科目(类、款、项及合计)相等(DOMAIN.md“Identities / Across tables”:“不含上年"
        "结转” tables equal the full tables minus the 上年结转 columns;收入总表 vs 收支总表;DR-28)。一方有、"
        "另一方没有的科目按 0 比较。一般公共预算支出表含上年结转时不适用此比较。"
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
        if not any("general_budget" in r.values for r in i.rows) and not any(
            c.key == "general_budget" for c in i.columns
        ):
            raise InsufficientData("收入总表没有一般公共预算列")
        if not g.excludes_carryover and any("carryover" in r.values for r in i.rows):
            raise InsufficientData("一般公共预算支出表未注明不含上年结转,而部门有上年结转,口径不明")
        gc, ic = by_code(g), by_code(i)
        pairs = [(code, gc.get(code), ic.get(code)) for code in dict.fromkeys([*gc, *ic])]
        pairs.append(("", total_row(g), total_row(i)))
        tally = Tally(self)
        for code, grow, irow in pairs:
            if grow is None and irow is None:
                continue
            ga = grow.values.get("total") if grow else None
            ia = irow.values.get("general_budget") if irow else None
            name = (grow or irow).name if (grow or irow) else ""
            f = tally.equal(
                [ga],
                [ia],
                table=g,
                row=grow,
                column="total",
                code=code,
                name=name,
                **other(i),
                related=[related(i, irow, "general_budget", ia)],
            )
            if f:
                yield f
        tally.done("一般公共预算支出科目")
