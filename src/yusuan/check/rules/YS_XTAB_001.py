"""YS-XTAB-001 summary-class-differs-from-expenditure-table: a 收支总表 expenditure 类 differs from the
same 类 in the 支出总表."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._arith import (
    Tally,
    class_rows,
    current_total,
    other,
    related,
    side_col,
    total_row,
)
from yusuan.model import Disclosure


def _doc(*, grand: str, exp_total: str, exp_classes: bool = True) -> dict:
    """A summary printing class 212 and 支出总计 only; a 支出总表 with 212 (unless ``exp_classes`` is
    false) and its 合计."""
    summary = [
        {"side": "expenditure", "key": "exp:212", "values": {"total": grand}},
        {"side": "expenditure", "key": "exp_grand_total", "role": "total", "values": {"total": grand}},
    ]
    rows = [{"code": "212", "values": {"total": exp_total}}] if exp_classes else []
    rows.append({"key": "total", "role": "total", "name": "合计", "values": {"total": exp_total}})
    return {"tables": [{"kind": "summary", "rows": summary}, {"kind": "expenditure", "rows": rows}]}


class SummaryClassDiffersFromExpenditureTable(Rule):
    id = "YS-XTAB-001"
    slug = "summary-class-differs-from-expenditure-table"
    severity = "error"
    family = "XTAB"
    title = "收支总表支出功能类与支出总表不一致"
    title_en = "Summary expenditure by class differs from the expenditure table"
    message = (
        "表{table_no}《{title}》{code} {name}合计为 {actual},表{other_no}《{other_title}》同类支出为 "
        "{expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {code} {name} total is {actual}, table {other_no} ({other_title}) shows "
        "{expected} for the same class; difference {diff} {unit}"
    )
    rationale = (
        "收支总表支出方按功能类列示的金额,等于支出总表同一类级科目的合计;收支总表的本年支出合计等于支出总表"
        "合计(DOMAIN.md“Identities / Across tables”:收支总表 expenditure by 类 = 支出总表 类 rows;REQUIREMEN"
        "TS.md DR-28)。一方有金额、另一方未列或为空的类,按 0 比较;但一方根本不按功能类列示(如江苏支出预算总"
        "表只有一行合计)时只比较合计。收支总表只印“支出总计”而没有“本年支出合计”(上海)且没有年终结转时,以支"
        "出总计作为本年支出合计;两者都无法得到时不比较合计。"
    )
    cases = [
        {"name": "sample (208, 210, 213, 221 agree)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "支出总表 213 printed as 86.34",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [{"table": "expenditure", "row": "213", "column": "total", "value": "86.34"}],
            },
        },
        {
            "name": "收支总表 shows a class the 支出总表 lacks",
            "expect": "fail",
            "findings": 2,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "summary", "row": "exp:201", "column": "total", "value": "5.00"},
                    {"table": "summary", "row": "exp_current_total", "column": "total", "value": "35954.39"},
                ],
            },
        },
        {
            "name": "a cent apart",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "base": "shanxi",
                "patch": [{"table": "expenditure", "row": "210", "column": "total", "value": "193.13"}],
            },
        },
        {
            "name": "Shanghai: 支出总计 without 本年支出合计, nothing carried forward",
            "expect": "pass",
            "doc": _doc(grand="189767551", exp_total="189767551"),
        },
        {
            "name": "Shanghai: 支出总计 and class 212 differ from the 支出总表",
            "expect": "fail",
            "findings": 2,
            "doc": _doc(grand="189767551", exp_total="189767000"),
        },
        {
            "name": "Jiangsu: 支出总表 prints one total line, no classes",
            "expect": "pass",
            "doc": _doc(grand="18330.37", exp_total="18330.37", exp_classes=False),
        },
        {
            "name": "no 支出总表",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "expenditure"}]},
        },
        {
            "name": "no 收支总表",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "summary"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        s = ctx.require_table("summary")
        e = ctx.require_table("expenditure")
        col = side_col(s, "expenditure", ("total", "amount"))
        tally = Tally(self)
        sc, ec = class_rows(s), class_rows(e)
        # A table that lists no class at all (Jiangsu 支出预算总表 is one total line) is compared
        # by its total only; a class missing from a table that lists classes is a difference.
        pairs = (
            [(code, sc.get(code), ec.get(code)) for code in dict.fromkeys([*sc, *ec])] if sc and ec else []
        )
        scur, etot = current_total(s, "expenditure"), total_row(e)
        if scur is not None and etot is not None:
            pairs.append(("", scur, etot))
        for code, srow, erow in pairs:
            if srow is None and erow is None or col is None:
                continue
            sa = srow.values.get(col) if srow else None
            ea = erow.values.get("total") if erow else None
            name = (erow or srow).name if (erow or srow) else ""
            f = tally.equal(
                [ea],
                [sa],
                table=e,
                row=erow,
                column="total",
                code=code,
                name=name,
                **other(s),
                related=[related(s, srow, col, sa)],
            )
            if f:
                yield f
        tally.done("收支总表支出方各类")
