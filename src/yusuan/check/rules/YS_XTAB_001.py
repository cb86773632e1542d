"""YS-XTAB-001 summary-class-differs-from-expenditure-table: a 收支总表 expenditure 类 differs from the
same 类 in the 支出总表."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._arith import Tally, by_key, class_rows, other, related, side_col, total_row
from yusuan.model import Disclosure


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
        "收支总表支出方按功能类列示的金额,等于支出总表同一类级科目的合计;收支总表的本年支出合计等于支出总表合"
        "计(DOMAIN.md“Identities / Across tables”:收支总表 expenditure by 类 = 支出总表 类 rows;"
        "REQUIREMENTS.md DR-28)。一方有金额、另一方未列或为空的类,按 0 比较。"
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
        pairs = [(code, sc.get(code), ec.get(code)) for code in dict.fromkeys([*sc, *ec])]
        pairs.append(("", by_key(s).get("exp_current_total"), total_row(e)))
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
