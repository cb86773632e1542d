"""YS-XTAB-017 gov-fund-tables-disagree: government-fund amounts differ between the 收支总表, the 收入
总表, the 财政拨款收支总表 and the 政府性基金预算支出表."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import Tally, by_key, columns_of, other, related, side_col, total_row
from yusuan.model import Amount, Disclosure, Row, Table

_WHAT_EN = {
    "收入方政府性基金预算": "income line",
    "合计行政府性基金列": "total row, government fund column",
    "合计": "total",
}


def _sources(d: Disclosure) -> list[tuple[Table, Row | None, str, Amount | None, str]]:
    """Every printed statement of this year's government-fund money: (table, row, column, amount, what)."""
    out = []
    for kind in ("summary", "fiscal_summary"):
        t = d.table(kind)
        if t is not None and (row := by_key(t).get("income:gov_fund")) is not None:
            col = side_col(t, "income", ("amount", "total")) or "amount"
            out.append((t, row, col, row.values.get(col), "收入方政府性基金预算"))
    i = d.table("income")
    if i is not None and "gov_fund" in columns_of(i) and (row := total_row(i)) is not None:
        out.append((i, row, "gov_fund", row.values.get("gov_fund"), "合计行政府性基金列"))
    g = d.table("gov_fund_expenditure")
    if g is not None and (g.excludes_carryover or g.empty_note):
        row = total_row(g)
        if row is not None or g.empty_note:
            out.append((g, row, "total", row.values.get("total") if row else None, "合计"))
    return out


class GovFundTablesDisagree(Rule):
    id = "YS-XTAB-017"
    slug = "gov-fund-tables-disagree"
    severity = "error"
    family = "XTAB"
    title = "各表政府性基金预算金额不一致"
    title_en = "Government fund amounts differ between tables"
    message = (
        "表{table_no}《{title}》{what}为 {actual},表{other_no}《{other_title}》{other_what}为 {expected},相差"
        " {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) government funds ({what}) {actual}, table {other_no} ({other_title}) ("
        "{other_what}) {expected}; difference {diff} {unit}"
    )
    rationale = (
        "本年政府性基金预算拨款在收支总表收入方、财政拨款收支总表收入方、收入总表政府性基金列合计、政府性基金"
        "预算支出表(不含上年结转)合计中是同一个数(DOMAIN.md“Identities / Across tables”:收入总表 合计 = 收支"
        "总表 income;财政拨款收支总表 vs 收支总表;“不含上年结转” tables;DR-28)。注明“本表无数据”的空表按 0 计"
        ";以最先出现的一处为准逐一比较,至少要有两处。"
    )
    cases = [
        {
            "name": "sample: no government funds anywhere, tables 7–8 marked empty",
            "expect": "pass",
            "doc": {"base": "shanxi"},
        },
        {
            "name": "收支总表 shows government funds the empty tables deny",
            "expect": "fail",
            "findings": 3,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "summary", "row": "income:gov_fund", "column": "amount", "value": "20.00"}
                ],
            },
        },
        {
            "name": "a cent apart",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "summary",
                        "rows": [{"side": "income", "key": "income:gov_fund", "values": {"amount": "20.00"}}],
                    },
                    {
                        "kind": "gov_fund_expenditure",
                        "excludes_carryover": True,
                        "rows": [
                            {"key": "total", "role": "total", "name": "合计", "values": {"total": "20.01"}}
                        ],
                    },
                ]
            },
        },
        {
            "name": "only one place states it",
            "expect": "insufficient_data",
            "doc": {
                "tables": [
                    {
                        "kind": "summary",
                        "rows": [{"side": "income", "key": "income:gov_fund", "values": {"amount": "2.00"}}],
                    }
                ]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        src = _sources(d)
        if len(src) < 2:
            raise InsufficientData("政府性基金预算金额少于两处列示,无法比较")
        rt, rrow, rcol, ra, rwhat = src[0]
        tally = Tally(self)
        for t, row, col, a, what in src[1:]:
            f = tally.equal(
                [a],
                [ra],
                table=t,
                row=row,
                column=col,
                what=what,
                other_what=rwhat,
                **other(rt),
                related=[related(rt, rrow, rcol, ra)],
            )
            if f:
                yield f
        tally.done("政府性基金预算")
