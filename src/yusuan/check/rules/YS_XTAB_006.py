"""YS-XTAB-006 fiscal-summary-income-differs-from-summary: the 财政拨款收支总表's income differs from the
收支总表's."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._arith import FISCAL_FUNDS, Tally, by_key, other, related, side_col
from yusuan.model import Disclosure

MESSAGE_CARRY = (
    "表{table_no}《{title}》上年财政拨款结转为 {actual},超过表{other_no}《{other_title}》的上年结转 "
    "{expected},多 {diff}{unit}"
)
MESSAGE_CARRY_EN = (
    "table {table_no} ({title}) carry-over of appropriations is {actual}, more than the whole carry-over "
    "{expected} in table {other_no} ({other_title}); excess {diff} {unit}"
)


class FiscalSummaryIncomeDiffersFromSummary(Rule):
    id = "YS-XTAB-006"
    slug = "fiscal-summary-income-differs-from-summary"
    severity = "error"
    family = "XTAB"
    title = "财政拨款收支总表收入与收支总表不一致"
    title_en = "Fiscal appropriation summary income differs from the summary"
    message = (
        "表{table_no}《{title}》收入方“{name}”为 {actual},表{other_no}《{other_title}》同项为 {expected},相差"
        " {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) income line '{name}' is {actual}, table {other_no} ({other_title}) shows "
        "{expected}; difference {diff} {unit}"
    )
    rationale = (
        "财政拨款收支总表收入方的一般公共预算、政府性基金预算、国有资本经营预算,与收支总表收入方同名各项相等;"
        "上年财政拨款结转是收支总表上年结转的一部分,不得更多(DOMAIN.md“Identities / Across tables”:财政拨款收"
        "支总表 vs 收支总表;DR-28)。"
    )
    cases = [
        {"name": "sample (35892.39; carry-over 57.00 ≤ 57.00)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "财政拨款收支总表 一般公共预算 printed as 35982.39",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "fiscal_summary",
                        "row": "income:general_budget",
                        "column": "amount",
                        "value": "35982.39",
                    }
                ],
            },
        },
        {
            "name": "fiscal carry-over larger than the whole carry-over",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "fiscal_summary",
                        "row": "carryover_total",
                        "column": "amount",
                        "value": "75.00",
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
                "patch": [
                    {
                        "table": "fiscal_summary",
                        "row": "income:general_budget",
                        "column": "amount",
                        "value": "35892.40",
                    }
                ],
            },
        },
        {
            "name": "no 财政拨款收支总表",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "fiscal_summary"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        s = ctx.require_table("summary")
        f_ = ctx.require_table("fiscal_summary")
        sk, fk = by_key(s), by_key(f_)
        sc = side_col(s, "income", ("amount", "total")) or "amount"
        fc = side_col(f_, "income", ("amount", "total")) or "amount"
        tally = Tally(self)
        for fund in FISCAL_FUNDS:
            key = f"income:{fund}"
            srow, frow = sk.get(key), fk.get(key)
            if srow is None and frow is None:
                continue
            sa = srow.values.get(sc) if srow else None
            fa = frow.values.get(fc) if frow else None
            name = (frow or srow).name if (frow or srow) else fund
            f = tally.equal(
                [fa],
                [sa],
                table=f_,
                row=frow,
                column=fc,
                name=name,
                **other(s),
                related=[related(s, srow, sc, sa)],
            )
            if f:
                yield f
        srow, frow = sk.get("carryover_total"), fk.get("carryover_total")
        if frow is not None and srow is not None:
            sa, fa = srow.values.get(sc), frow.values.get(fc)
            f = tally.at_most(
                [fa],
                [sa],
                table=f_,
                row=frow,
                column=fc,
                message=MESSAGE_CARRY,
                message_en=MESSAGE_CARRY_EN,
                **other(s),
                related=[related(s, srow, sc, sa)],
            )
            if f:
                yield f
        tally.done("财政拨款收入")
