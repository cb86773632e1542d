"""YS-XTAB-005 summary-income-item-differs-from-income-table: an income source in the 收支总表 differs
from the same column's 合计 in the 收入总表."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.catalog.tables import COLUMN_KEYS
from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import (
    INCOME_SOURCE_COLS,
    Tally,
    columns_of,
    other,
    related,
    side_col,
    total_row,
)
from yusuan.model import Disclosure


class SummaryIncomeItemDiffersFromIncomeTable(Rule):
    id = "YS-XTAB-005"
    slug = "summary-income-item-differs-from-income-table"
    severity = "error"
    family = "XTAB"
    title = "收支总表各项收入与收入总表各来源列不一致"
    title_en = "Summary income by source differs from the income table's source columns"
    message = (
        "表{table_no}《{title}》合计行「{column}」为 {actual},表{other_no}《{other_title}》收入方“{source}”为"
        " {expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) total row [{column}] is {actual}, table {other_no} ({other_title}) income"
        " line '{source}' is {expected}; difference {diff} {unit}"
    )
    rationale = (
        "收支总表收入方逐项列示的一般公共预算、政府性基金预算、国有资本经营预算、财政专户管理资金、单位资金等"
        ",等于收入总表合计行同名来源列的金额(DOMAIN.md“Identities / Across tables”:收支总表 income items vs "
        "收入总表 columns;DR-28)。一方列有、另一方为空的来源按 0 比较;两表都未列的来源不比较。"
    )
    cases = [
        {"name": "sample (一般公共预算 35892.39; others blank)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "收支总表 shows 单位资金 the 收入总表 lacks",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "summary", "row": "income:unit_funds", "column": "amount", "value": "12.00"}
                ],
            },
        },
        {
            "name": "收入总表 一般公共预算 合计 printed as 35982.39",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "income", "row": "total", "column": "general_budget", "value": "35982.39"}
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
                    {"table": "income", "row": "total", "column": "general_budget", "value": "35892.38"}
                ],
            },
        },
        {
            "name": "no 收支总表",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "summary"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        s = ctx.require_table("summary")
        i = ctx.require_table("income")
        itot = total_row(i)
        if itot is None:
            raise InsufficientData("收入总表没有合计行")
        col = side_col(s, "income", ("amount", "total")) or "amount"
        items = {
            r.key.split(":", 1)[1]: r
            for r in s.rows
            if r.side == "income" and (r.key or "").startswith("income:")
        }
        icols = set(columns_of(i))
        tally = Tally(self)
        for src in INCOME_SOURCE_COLS:
            srow = items.get(src)
            if srow is None and src not in icols:
                continue
            sa = srow.values.get(col) if srow else None
            ia = itot.values.get(src)
            f = tally.equal(
                [ia],
                [sa],
                table=i,
                row=itot,
                column=src,
                source=srow.name if srow else COLUMN_KEYS[src][0],
                **other(s),
                related=[related(s, srow, col, sa)],
            )
            if f:
                yield f
        tally.done("收入来源")
