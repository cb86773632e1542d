"""YS-XTAB-018 expenditure-table-differs-from-income-table: a 支出总表 row differs from the 收入总表 row
of the same code."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._arith import (
    Tally,
    by_code,
    convention_text,
    income_carryover_convention,
    other,
    related,
    total_row,
)
from yusuan.model import Disclosure


class ExpenditureTableDiffersFromIncomeTable(Rule):
    id = "YS-XTAB-018"
    slug = "expenditure-table-differs-from-income-table"
    severity = "error"
    family = "XTAB"
    title = "支出总表与收入总表同一科目金额不一致"
    title_en = "Expenditure table differs from the income table for the same code"
    message = (
        "表{table_no}《{title}》{code} {name}合计为 {actual},表{other_no}《{other_title}》同一科目的收入"
        "{what}为 {expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {code} {name} total is {actual}, table {other_no} ({other_title}) shows "
        "{expected} of income for the same code{what_en}; difference {diff} {unit}"
    )
    rationale = (
        "预算收支平衡,收入总表和支出总表按同一支出功能科目列示同一笔资金:支出总表每个科目(及合计)的合计,等于"
        "收入总表同一科目的合计(合计不含上年结转时加上上年结转列)(DOMAIN.md“Identities / Across tables”:收支"
        "总表 expenditure by 类 = 支出总表 类 rows;收入总表 合计 = 收支总表 income;DR-28)。上年结转是否已含在"
        "收入总表合计中,按该表自身的数字判断(见 YS-SUM-003)。仅适用于预算:决算的收入与支出本就不等。"
    )
    applies_to = ("budget",)
    cases = [
        {"name": "sample (20807: 1039.23 + 50.00 = 1089.23 …)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "收入总表 2080799 carry-over blank",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [{"table": "income", "row": "2080799", "column": "carryover", "value": None}],
            },
        },
        {
            "name": "a cent apart",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "base": "shanxi",
                "patch": [{"table": "expenditure", "row": "2101102", "column": "total", "value": "171.31"}],
            },
        },
        {
            "name": "final accounts",
            "expect": "not_applicable",
            "doc": {"base": "shanxi", "patch": [{"meta": {"kind": "final"}}]},
        },
        {
            "name": "no 收入总表",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "income"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        x = ctx.require_table("expenditure")
        i = ctx.require_table("income")
        excludes, why = income_carryover_convention(i)
        conv, conv_en = convention_text(excludes, why)
        xc, ic = by_code(x), by_code(i)
        pairs = [(code, xc.get(code), ic.get(code)) for code in dict.fromkeys([*xc, *ic])]
        pairs.append(("", total_row(x), total_row(i)))
        tally = Tally(self)
        for code, xrow, irow in pairs:
            if xrow is None and irow is None:
                continue
            xa = xrow.values.get("total") if xrow else None
            parts = [irow.values.get("total") if irow else None]
            if excludes:
                parts.append(irow.values.get("carryover") if irow else None)
            name = (xrow or irow).name if (xrow or irow) else ""
            f = tally.equal(
                [xa],
                parts,
                table=x,
                row=xrow,
                column="total",
                code=code,
                name=name,
                what="(含上年结转)" if excludes else "",
                what_en=" (with the carry-over)" if excludes else "",
                convention=conv,
                convention_en=conv_en,
                **other(i),
                related=[related(i, irow, "total", parts[0])],
            )
            if f:
                yield f
        tally.done("支出科目")
