"""YS-XTAB-008 fiscal-general-budget-differs-from-general-budget-table: the 财政拨款收支总表's 一般公共
预算 column by 类 differs from the 一般公共预算支出表 plus the general-budget carry-over."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import (
    Tally,
    by_key,
    class_rows,
    combine,
    current_total,
    is_zero,
    other,
    related,
    side_col,
    total_row,
)
from yusuan.model import Amount, Disclosure, Row, Table


def _carry_by_class(
    d: Disclosure, f_: Table, gb_carry: Amount | None
) -> tuple[dict[str, Amount | None], str] | None:
    """General-budget carry-over by 类, when the document shows it; None when it does not.

    Known when every carried-over appropriation is general budget and another table splits the
    same carry-over by 类: the 收支总表's 上年结转安排 column, or the 收入总表's 上年结转 column.
    """
    fk = by_key(f_)
    finc = side_col(f_, "income", ("amount", "total")) or "amount"
    other_funds = [fk.get(k) for k in ("carryover:gov_fund", "carryover:state_capital")]
    if not all(is_zero(r.values.get(finc) if r else None) for r in other_funds):
        return None
    for kind, col, tot_of in (
        ("summary", "carryover", lambda t: by_key(t).get("exp_current_total")),
        ("income", "carryover", total_row),
    ):
        t = d.table(kind)
        if t is None or not any(col in r.values for r in t.rows):
            continue
        tot = tot_of(t)
        c = combine([tot.values.get(col) if tot else None], [gb_carry])
        if c is None or c.difference != 0:
            continue  # that table's carry-over is not all general budget
        return {code: r.values.get(col) for code, r in class_rows(t).items()}, t.title
    return None


def _shanghai(gb_201: str) -> dict:
    """财政拨款收支总表 (201 and 212, 支出总计 only) and 一般公共预算支出表 whose 201 is ``gb_201``."""

    def exp(key: str, value: str, role: str = "item") -> dict:
        return {
            "side": "expenditure",
            "key": key,
            "role": role,
            "values": {"total": value, "general_budget": value},
        }

    fiscal = [
        {"side": "income", "key": "income:general_budget", "values": {"amount": "157665926"}},
        exp("exp:201", "3296600"),
        exp("exp:212", "154369326"),
        {"side": "income", "key": "income_grand_total", "role": "total", "values": {"amount": "157665926"}},
        exp("exp_grand_total", "157665926", "total"),
    ]
    g = [
        {"code": "201", "values": {"total": gb_201}},
        {"code": "212", "values": {"total": "154369326"}},
        {"key": "total", "role": "total", "name": "合计", "values": {"total": "157665926"}},
    ]
    return {
        "tables": [
            {"kind": "fiscal_summary", "unit": "元", "rows": fiscal},
            {"kind": "general_budget_expenditure", "unit": "元", "rows": g},
        ]
    }


class FiscalGeneralBudgetDiffersFromGeneralBudgetTable(Rule):
    id = "YS-XTAB-008"
    slug = "fiscal-general-budget-differs-from-general-budget-table"
    severity = "error"
    family = "XTAB"
    title = "财政拨款收支总表一般公共预算支出与一般公共预算支出表不一致"
    title_en = "Fiscal appropriation summary general budget differs from the general budget expenditure table"
    message = (
        "表{table_no}《{title}》{code} {name}一般公共预算为 {actual},表{other_no}《{other_title}》同类(不含上"
        "年结转)加一般公共预算上年结转为 {expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {code} {name}: general budget {actual}, table {other_no} ({other_title}) "
        "(without carry-over) plus the general-budget carry-over is {expected}; difference {diff} {unit}"
    )
    rationale = (
        "财政拨款收支总表支出方“一般公共预算”列包括上年结转,等于一般公共预算支出表(不含上年结转)加一般公共预"
        "算上年结转,逐类核对(DOMAIN.md“Identities / Across tables”:财政拨款收支总表 vs 一般公共预算支出表;“"
        "不含上年结转” tables equal the full tables minus the carry-over;DR-28)。结转的功能类分布取自收支总"
        "表上年结转安排列或收入总表上年结转列——仅当结转全为一般公共预算且该列合计与之相符;否则只核对合计。文"
        "件各表都没有上年结转时,不论一般公共预算支出表是否注明“不含上年结转”,两表逐类相等。决算表都是本年实"
        "际支出,逐类直接相等(不加结转)。财政拨款收支总表只印支出总计(上海)且没有年终结转时,以支出总计作为本"
        "年支出合计。"
    )
    cases = [
        {"name": "sample (208: 35268.06 = 35211.06 + 57.00)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "carry-over left out of 208 in table 4",
            "expect": "fail",
            "findings": 2,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "fiscal_summary",
                        "row": "exp:208",
                        "column": "general_budget",
                        "value": "35211.06",
                    },
                    {
                        "table": "fiscal_summary",
                        "row": "exp_current_total",
                        "column": "general_budget",
                        "value": "35892.39",
                    },
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
                        "row": "exp:210",
                        "column": "general_budget",
                        "value": "193.11",
                    }
                ],
            },
        },
        {
            "name": "Shanghai: nothing carried over, no 不含上年结转 in the title, 支出总计 only",
            "expect": "pass",
            "doc": _shanghai("3296600"),
        },
        {
            "name": "Shanghai: a class differs",
            "expect": "fail",
            "findings": 1,
            "doc": _shanghai("3296000"),
        },
        {
            "name": "no 一般公共预算支出表",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "general_budget_expenditure"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        f_ = ctx.require_table("fiscal_summary")
        g = ctx.require_table("general_budget_expenditure")
        fk = by_key(f_)
        finc = side_col(f_, "income", ("amount", "total")) or "amount"
        if not any("general_budget" in r.values for r in f_.rows if r.side == "expenditure"):
            raise InsufficientData("财政拨款收支总表支出方没有一般公共预算列")
        gb_carry: Amount | None = None
        split: dict[str, Amount | None] | None = {}
        if d.meta.kind != "final":
            # A budget's 财政拨款收支总表 spends the carry-over too; a 决算 table is what was spent,
            # like the 一般公共预算支出决算表, whatever money it came from.
            carry_row, carry_total = fk.get("carryover:general_budget"), fk.get("carryover_total")
            if carry_row is not None:
                gb_carry = carry_row.values.get(finc)
            elif carry_total is not None and not is_zero(carry_total.values.get(finc)):
                raise InsufficientData("财政拨款收支总表未按资金列示上年结转,无法得出一般公共预算结转")
            if not is_zero(gb_carry) or not _nothing_carried(d):
                if not g.excludes_carryover:
                    raise InsufficientData("一般公共预算支出表未注明不含上年结转,结转口径不明")
                found = _carry_by_class(d, f_, gb_carry)
                split = found[0] if found is not None else None
        tally = Tally(self)
        gtot = total_row(g)
        pairs: list[tuple[str, Row | None, Row | None, list[Amount | None]]] = []
        fcr, gcr = class_rows(f_), class_rows(g)
        if split is not None and fcr and gcr:
            for code in dict.fromkeys([*fcr, *gcr]):
                pairs.append((code, fcr.get(code), gcr.get(code), [split.get(code)]))
        fcur = current_total(f_, "expenditure")
        if fcur is not None and gtot is not None:
            pairs.append(("", fcur, gtot, [gb_carry]))
        for code, frow, grow, carry in pairs:
            if frow is None and grow is None:
                continue
            fa = frow.values.get("general_budget") if frow else None
            ga = grow.values.get("total") if grow else None
            name = (frow or grow).name if (frow or grow) else ""
            f = tally.equal(
                [fa],
                [ga, *carry],
                table=f_,
                row=frow,
                column="general_budget",
                code=code,
                name=name,
                **other(g),
                related=[related(g, grow, "total", ga)],
            )
            if f:
                yield f
        tally.done("一般公共预算支出")


def _nothing_carried(d: Disclosure) -> bool:
    """No table prints a carry-over amount: 上年结转 lines of the summaries, 上年结转 columns."""
    for t in d.tables:
        if t.kind not in ("summary", "fiscal_summary", "income", "expenditure", "general_budget_expenditure"):
            continue
        for r in t.rows:
            if (r.key == "carryover_total" or (r.key or "").startswith("carryover:")) and any(
                not is_zero(a) for a in r.values.values()
            ):
                return False
            if not is_zero(r.values.get("carryover")):
                return False
    return True
