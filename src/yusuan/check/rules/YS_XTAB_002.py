"""YS-XTAB-002 summary-carryover-differs-from-income-table: the 收支总表's 上年结转安排 by 类 differs from
the 收入总表's 上年结转 column."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._arith import Tally, by_key, class_rows, other, related, total_row
from yusuan.model import Disclosure


class SummaryCarryoverDiffersFromIncomeTable(Rule):
    id = "YS-XTAB-002"
    slug = "summary-carryover-differs-from-income-table"
    severity = "error"
    family = "XTAB"
    title = "收支总表上年结转安排与收入总表上年结转不一致"
    title_en = "Summary carry-over by class differs from the income table's carry-over column"
    message = (
        "表{table_no}《{title}》{code} {name}上年结转为 {actual},表{other_no}《{other_title}》同类上年结转安"
        "排为 {expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {code} {name} carry-over is {actual}, table {other_no} ({other_title}) "
        "shows {expected} carried over for the same class; difference {diff} {unit}"
    )
    rationale = (
        "收支总表支出方“上年结转安排”列按功能类列示上年结转资金的安排,等于收入总表“上年结转”列同一类级科目的"
        "金额;本年支出合计的上年结转安排等于收入总表合计行的上年结转(DOMAIN.md“Identities / Across tables”:收"
        "支总表 … 当年/上年结转 split … and the carry-over;DR-28)。两表都没有上年结转时不适用。"
    )
    cases = [
        {"name": "sample (208: 57.00 = 57.00)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "收入总表 208 carry-over printed as 75.00",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [{"table": "income", "row": "208", "column": "carryover", "value": "75.00"}],
            },
        },
        {
            "name": "a cent apart",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "base": "shanxi",
                "patch": [{"table": "income", "row": "total", "column": "carryover", "value": "57.01"}],
            },
        },
        {
            "name": "no 收入总表",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "income"}]},
        },
        {
            "name": "no carry-over anywhere",
            "expect": "not_applicable",
            "doc": {
                "tables": [
                    {
                        "kind": "summary",
                        "rows": [{"side": "expenditure", "key": "exp:208", "values": {"total": "5.00"}}],
                    },
                    {"kind": "income", "rows": [{"code": "208", "values": {"total": "5.00"}}]},
                ]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        s = ctx.require_table("summary")
        i = ctx.require_table("income")
        s_has = any("carryover" in r.values for r in s.rows if r.side == "expenditure")
        i_has = any("carryover" in r.values for r in i.rows)
        if not s_has and not i_has:
            raise NotApplicable("收支总表和收入总表都没有上年结转")
        if not s_has and not any(c.key == "carryover" for c in s.columns):
            raise InsufficientData("收支总表支出方未分列上年结转安排")
        if not i_has and not any(c.key == "carryover" for c in i.columns):
            raise InsufficientData("收入总表未单列上年结转")
        tally = Tally(self)
        sc, ic = class_rows(s), class_rows(i)
        pairs = [(code, sc.get(code), ic.get(code)) for code in dict.fromkeys([*sc, *ic])]
        pairs.append(("", by_key(s).get("exp_current_total"), total_row(i)))
        for code, srow, irow in pairs:
            if srow is None and irow is None:
                continue
            sa = srow.values.get("carryover") if srow else None
            ia = irow.values.get("carryover") if irow else None
            name = (irow or srow).name if (irow or srow) else ""
            f = tally.equal(
                [ia],
                [sa],
                table=i,
                row=irow,
                column="carryover",
                code=code,
                name=name,
                **other(s),
                related=[related(s, srow, "carryover", sa)],
            )
            if f:
                yield f
        tally.done("上年结转")
