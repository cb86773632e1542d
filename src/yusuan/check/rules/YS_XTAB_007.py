"""YS-XTAB-007 fiscal-summary-class-differs-from-summary: a 类 in the 财政拨款收支总表 differs from
the same 类 in the 收支总表."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._arith import Tally, by_key, class_rows, combine, is_zero, other, related, side_col
from yusuan.model import Disclosure, Row, Table

MESSAGE_AT_MOST = (
    "表{table_no}《{title}》{code} {name}财政拨款支出为 {actual},超过表{other_no}《{other_title}》同类全部支"
    "出 {expected},多 {diff}{unit}"
)
MESSAGE_AT_MOST_EN = (
    "table {table_no} ({title}) {code} {name}: appropriations {actual}, more than all expenditure {expected} "
    "of the class in table {other_no} ({other_title}); excess {diff} {unit}"
)
NON_FISCAL = (
    "fiscal_special",
    "unit_funds",
    "business_income",
    "operating_income",
    "other_income",
    "from_higher",
    "from_subsidiaries",
    "use_of_balance",
    "other_funds",
)


def _use_rows(t: Table) -> dict[str, Row]:
    """Expenditure lines by use (基本支出, 项目支出, 单位预留机动经费), by key."""
    return {r.key: r for r in t.rows if r.side == "expenditure" and (r.key or "").startswith("use:")}


def _jiangsu(project: str) -> dict:
    """Jiangsu: 收支总表 by class and by use with 当年支出小计 and 支出合计; 财政拨款收支总表 by use with
    支出合计 only. The fiscal 项目支出 is ``project``."""

    def exp(key: str, value: str, role: str = "item") -> dict:
        return {"side": "expenditure", "key": key, "role": role, "values": {"total": value}}

    summary = [
        {"side": "income", "key": "income:general_budget", "values": {"amount": "15772.48"}},
        exp("exp:201", "15772.48"),
        exp("use:basic", "9312.90"),
        exp("use:project", "6459.58"),
        exp("exp_current_total", "15772.48", "subtotal"),
        exp("exp_grand_total", "15772.48", "total"),
    ]
    fiscal = [
        {"side": "income", "key": "income:general_budget", "values": {"amount": "15772.48"}},
        exp("use:basic", "9312.90"),
        exp("use:project", project),
        exp("exp_grand_total", "15772.48", "total"),
    ]
    return {"tables": [{"kind": "summary", "rows": summary}, {"kind": "fiscal_summary", "rows": fiscal}]}


class FiscalSummaryClassDiffersFromSummary(Rule):
    id = "YS-XTAB-007"
    slug = "fiscal-summary-class-differs-from-summary"
    severity = "error"
    family = "XTAB"
    title = "财政拨款收支总表支出功能类与收支总表不一致"
    title_en = "Fiscal appropriation summary expenditure by class differs from the summary"
    message = (
        "表{table_no}《{title}》{code} {name}财政拨款支出为 {actual},表{other_no}《{other_title}》同类支出为 "
        "{expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {code} {name}: appropriations {actual}, table {other_no} ({other_title}) "
        "shows {expected} for the class; difference {diff} {unit}"
    )
    rationale = (
        "财政拨款支出是全部支出的一部分:财政拨款收支总表每一功能类(及本年支出合计)不得多于收支总表同类;部门"
        "没有财政拨款以外的收入(财政专户、单位资金等均为空)且上年结转全为财政拨款结转时,两表逐类相等(DOMAIN."
        "md“Identities / Across tables”:财政拨款收支总表 vs 收支总表;DR-28)。两表都按支出用途(基本支出、项目"
        "支出、单位预留机动经费)列示时(江苏)逐项同样比较;一表不按功能类列示时不比较功能类。合计比较本年支出"
        "合计,任一表没有本年支出合计时比较支出总计。"
    )
    cases = [
        {"name": "sample (all appropriations: equal by class)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "财政拨款收支总表 221 printed as 491.87",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "fiscal_summary", "row": "exp:221", "column": "total", "value": "491.87"}
                ],
            },
        },
        {
            "name": "with unit funds a class may be smaller in the fiscal table",
            "expect": "pass",
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "summary", "row": "income:unit_funds", "column": "amount", "value": "10.00"},
                    {"table": "summary", "row": "exp:221", "column": "total", "value": "429.87"},
                ],
            },
        },
        {
            "name": "a cent apart",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "base": "shanxi",
                "patch": [{"table": "fiscal_summary", "row": "exp:213", "column": "total", "value": "68.33"}],
            },
        },
        {
            "name": "Jiangsu: fiscal summary by use only, no current-year line",
            "expect": "pass",
            "doc": _jiangsu("6459.58"),
        },
        {
            "name": "Jiangsu: 项目支出 differs between the two tables",
            "expect": "fail",
            "findings": 1,
            "doc": _jiangsu("6400.00"),
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
        sinc = side_col(s, "income", ("amount", "total")) or "amount"
        finc = side_col(f_, "income", ("amount", "total")) or "amount"
        non_fiscal = [r for r in s.rows if r.key in {f"income:{k}" for k in NON_FISCAL}]
        sc_, fc_ = sk.get("carryover_total"), fk.get("carryover_total")
        carry = combine([fc_.values.get(finc) if fc_ else None], [sc_.values.get(sinc) if sc_ else None])
        exact = (
            all(is_zero(r.values.get(sinc)) for r in non_fiscal)
            and carry is not None
            and carry.difference == 0
        )
        scol = side_col(s, "expenditure", ("total", "amount")) or "total"
        fcol = side_col(f_, "expenditure", ("total", "amount")) or "total"
        tally = Tally(self)
        # Lines both tables print: by function class, by use (Jiangsu prints 基本支出, 项目支出,
        # 单位预留机动经费 in both, and no class in the fiscal one); a table without any line of a
        # kind is not compared on that kind.
        scr, fcr = class_rows(s), class_rows(f_)
        pairs = (
            [(code, scr.get(code), fcr.get(code)) for code in dict.fromkeys([*scr, *fcr])]
            if scr and fcr
            else []
        )
        suse, fuse = _use_rows(s), _use_rows(f_)
        if suse and fuse:
            pairs += [("", suse.get(k), fuse.get(k)) for k in dict.fromkeys([*suse, *fuse])]
        # this year's totals; the grand totals when either table prints no current-year line
        if "exp_current_total" in sk and "exp_current_total" in fk:
            pairs.append(("", sk["exp_current_total"], fk["exp_current_total"]))
        elif "exp_grand_total" in sk and "exp_grand_total" in fk:
            pairs.append(("", sk["exp_grand_total"], fk["exp_grand_total"]))
        for code, srow, frow in pairs:
            if srow is None and frow is None:
                continue
            sa = srow.values.get(scol) if srow else None
            fa = frow.values.get(fcol) if frow else None
            name = (frow or srow).name if (frow or srow) else ""
            place = dict(
                table=f_,
                row=frow,
                column=fcol,
                code=code,
                name=name,
                **other(s),
                related=[related(s, srow, scol, sa)],
            )
            if exact:
                f = tally.equal([fa], [sa], **place)
            else:
                f = tally.at_most([fa], [sa], message=MESSAGE_AT_MOST, message_en=MESSAGE_AT_MOST_EN, **place)
            if f:
                yield f
        tally.done("财政拨款支出各类")
