"""Arithmetic shared by the SUM and XTAB rules: signed sums of printed amounts, compared within
their rounding bound, and a tally that keeps a rule which compared nothing from passing.

Blank cells are zero: budget tables leave zero amounts empty, so a missing value in ``row.values``
counts as an exact 0 (no rounding allowance). An unreadable figure (``value is None``) is never
guessed: the comparison it belongs to is skipped and counted, and a rule whose every comparison
was skipped ends as insufficient_data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.tolerance import convert
from yusuan.model import Amount, Disclosure, Row, Table

ZERO = Decimal(0)

#: columns that split an income table's 合计 by source of funds (DOMAIN.md "Identities")
INCOME_SOURCE_COLS = (
    "general_budget",
    "gov_fund",
    "state_capital",
    "fiscal_special",
    "unit_funds",
    "business_income",
    "operating_income",
    "other_income",
)
#: the parts of 单位资金 when a table prints them beside it (then 单位资金 is their subtotal)
UNIT_FUND_PARTS = ("business_income", "operating_income", "other_income")
#: fund columns of the per-fund tables (三公, 机关运行经费, project tables, 财政拨款收支总表)
FUND_COLS = ("general_budget", "gov_fund", "state_capital", "fiscal_special", "unit_funds")
#: 财政拨款 = these three budgets (财政专户 and 单位资金 are not appropriations)
FISCAL_FUNDS = ("general_budget", "gov_fund", "state_capital")
#: every income source a table can split its 合计 into: the national budget template's columns,
#: 财政拨款 as one column (Shanghai budgets, final accounts), the final accounts' 上级补助收入 and
#: 附属单位上缴收入, Jiangsu's 其他资金
ALL_INCOME_SOURCES = (
    "fiscal_appropriation",
    *INCOME_SOURCE_COLS,
    "from_higher",
    "from_subsidiaries",
    "other_funds",
)
#: a source that is the subtotal of others when they are printed beside it
SOURCE_PARTS: dict[str, tuple[str, ...]] = {
    "fiscal_appropriation": FISCAL_FUNDS,
    "unit_funds": UNIT_FUND_PARTS,
    "other_funds": UNIT_FUND_PARTS,
}
#: expenditure columns that add up to 合计 in 支出总表-like tables (决算 adds 经营支出, 上缴上级支出,
#: 对附属单位补助支出; Jiangsu adds 单位预留机动经费)
EXPENDITURE_PARTS = (
    "basic",
    "project",
    "reserve",
    "business_expenditure",
    "to_higher",
    "subsidy_to_subsidiaries",
)


def summing_sources(keys: Iterable[str]) -> list[str]:
    """The income sources among ``keys`` that add up to the total, in template order: a subtotal
    (财政拨款, 单位资金) printed beside its parts is counted once, as the subtotal."""
    present = set(keys)
    out = []
    for c in ALL_INCOME_SOURCES:
        if c not in present:
            continue
        if any(c in parts and parent in present for parent, parts in SOURCE_PARTS.items()):
            continue
        out.append(c)
    return out


def source_subtotals(keys: Iterable[str]) -> list[tuple[str, list[str]]]:
    """(subtotal, its parts) for each source subtotal printed beside some of its parts."""
    present = set(keys)
    return [
        (parent, [c for c in parts if c in present])
        for parent, parts in SOURCE_PARTS.items()
        if parent in present and any(c in present for c in parts)
    ]


def v(row: Row | None, col: str) -> Amount | None:
    return None if row is None else row.values.get(col)


def columns_of(t: Table, rows: Iterable[Row] | None = None) -> list[str]:
    """Amount column keys in use: the declared columns first, then any key a row carries."""
    seen: dict[str, None] = {c.key: None for c in t.columns if c.key not in ("code", "name")}
    for r in t.rows if rows is None else rows:
        for k in r.values:
            seen.setdefault(k, None)
    return list(seen)


def has_values(t: Table | None) -> bool:
    return t is not None and any(r.values for r in t.rows)


def unplaced_numbers(d: Disclosure, t: Table) -> bool:
    """The extractor found numbers under headers it could not name: sums across columns can't be trusted."""
    return any(i.table_no == t.number and i.kind == "ambiguous" and "列" in i.message for i in d.issues)


def by_code(t: Table) -> dict[str, Row]:
    out: dict[str, Row] = {}
    for r in t.rows:
        if r.code and r.code not in out:
            out[r.code] = r
    return out


def by_key(t: Table) -> dict[str, Row]:
    out: dict[str, Row] = {}
    for r in t.rows:
        if r.key and r.key not in out:
            out[r.key] = r
    return out


def total_row(t: Table) -> Row | None:
    for r in t.rows:
        if r.role == "total" or r.key == "total":
            return r
    return None


def side_col(t: Table, side: str, prefer: Sequence[str] = ("total", "amount")) -> str | None:
    """The value column of one side of a two-sided table, from the keys its rows use."""
    keys: dict[str, None] = {}
    for r in t.rows:
        if r.side == side:
            for k in r.values:
                keys.setdefault(k, None)
    for c in t.columns:
        if c.side == side:
            keys.setdefault(c.key, None)
    for p in prefer:
        if p in keys:
            return p
    return next(iter(keys), None)


def fmt(x: Decimal | None) -> str:
    return "" if x is None else format(x, "f")


@dataclass(frozen=True)
class Cmp:
    """actual − expected, in ``unit``, with the rounding bound of every printed figure involved."""

    expected: Decimal
    actual: Decimal
    tolerance: Decimal
    unit: str

    @property
    def difference(self) -> Decimal:
        return self.actual - self.expected


Terms = Sequence[Amount | None]


def _unit(amounts: Iterable[Amount]) -> str:
    # Compare at the coarser printed grain (万元 if any figure is in 万元), as tolerance.common_unit.
    units = {a.unit for a in amounts}
    return "万元" if "万元" in units or not units else "元"


def combine(
    actual: Terms, expected: Terms, actual_minus: Terms = (), expected_minus: Terms = ()
) -> Cmp | None:
    """Σactual − Σactual_minus against Σexpected − Σexpected_minus. None when a figure is unreadable.

    Blank (None) entries are exact zeros and add nothing to the rounding bound.
    """
    groups = (actual, expected, actual_minus, expected_minus)
    present = [a for g in groups for a in g if a is not None]
    if any(a.value is None for a in present):
        return None
    unit = _unit(present)

    def total(g: Terms) -> Decimal:
        return sum((convert(a.value, a.unit, unit) for a in g if a is not None), ZERO)  # type: ignore[arg-type]

    tol = sum((a.half_ulp(unit) for a in present), ZERO)
    return Cmp(
        expected=total(expected) - total(expected_minus),
        actual=total(actual) - total(actual_minus),
        tolerance=tol,
        unit=unit,
    )


class Tally:
    """Runs one rule's comparisons and counts them, so that comparing nothing is never a pass."""

    def __init__(self, rule: Rule):
        self.rule = rule
        self.checked = 0
        self.unreadable = 0
        self.found = 0

    def equal(
        self,
        actual: Terms,
        expected: Terms,
        *,
        actual_minus: Terms = (),
        expected_minus: Terms = (),
        **place: Any,
    ) -> Finding | None:
        """A finding when the two sides differ (a rounding notice inside the bound), else None.

        ``place`` goes to :meth:`Rule.finding` (table, row, column, related, severity, message,
        message_en and template fields).
        """
        c = combine(actual, expected, actual_minus, expected_minus)
        if c is None:
            self.unreadable += 1
            return None
        self.checked += 1
        if c.difference == 0:
            return None
        return self._finding(c, abs(c.difference) <= c.tolerance, actual, place)

    def at_most(self, actual: Terms, limit: Terms, **place: Any) -> Finding | None:
        """A finding when Σactual exceeds Σlimit (a rounding notice when only by the rounding bound)."""
        c = combine(actual, limit)
        if c is None:
            self.unreadable += 1
            return None
        self.checked += 1
        if c.difference <= 0:
            return None
        return self._finding(c, c.difference <= c.tolerance, actual, place)

    def _finding(self, c: Cmp, rounding: bool, actual: Terms, place: dict[str, Any]) -> Finding:
        place.setdefault("amount", next((a for a in actual if a is not None), None))
        if rounding:
            place["severity"] = "notice"
        else:
            self.found += 1
        return self.rule.finding(
            expected=c.expected,
            actual=c.actual,
            tolerance=c.tolerance,
            unit=c.unit,
            rounding=rounding,
            **place,
        )

    def done(self, what: str) -> None:
        """End the rule: raise InsufficientData when nothing was compared, or when some figures
        could not be read and nothing else was wrong (a skipped comparison is not a pass).

        ``what`` names what was compared, for the reason.
        """
        if self.unreadable and not self.found:
            raise InsufficientData(f"{what}有 {self.unreadable} 处数字无法识读,无法完整核对")
        if not self.checked:
            raise InsufficientData(f"没有可核对的{what}")


_WHY = {
    "total_row": ("合计行的数字", "the figures of its total row"),
    "rows": ("多数行的数字", "the figures of most of its rows"),
    "header": ("表头“本年收入合计”", "its header 本年收入合计"),
    "national": ("全国模板", "the national template"),
}


def income_carryover_convention(t: Table) -> tuple[bool | None, str]:
    """Whether an income table's 合计 leaves out its 上年结转 column, and how that was decided.

    Returns (None, "") when the table has no 上年结转 column. The national template counts 上年结转
    in 合计; Shanxi prints 上年结转 beside an 本年收入合计 that leaves it out. The table's own
    figures decide: the 合计 row first, then the majority of rows with a carry-over; then the header
    (a total column labelled 本年… leaves it out); else the national convention. The reason is a
    key of ``_WHY``.
    """
    if not any("carryover" in r.values for r in t.rows):
        return None, ""
    cols = summing_sources(columns_of(t))

    def vote(r: Row) -> bool | None:
        tot, carry = r.values.get("total"), r.values.get("carryover")
        if tot is None or carry is None or carry.value in (None, ZERO):
            return None
        parts = [r.values.get(c) for c in cols]
        without = combine([tot], parts)
        with_ = combine([tot], [*parts, carry])
        if without is None or with_ is None:
            return None
        ok_without = abs(without.difference) <= without.tolerance
        ok_with = abs(with_.difference) <= with_.tolerance
        return ok_without if ok_without != ok_with else None

    tr = total_row(t)
    if tr is not None and (d := vote(tr)) is not None:
        return d, "total_row"
    votes = [x for x in (vote(r) for r in t.rows) if x is not None]
    if votes and votes.count(True) != votes.count(False):
        return votes.count(True) > votes.count(False), "rows"
    label = next((c.label for c in t.columns if c.key == "total"), "")
    if "本年" in label:
        return True, "header"
    return False, "national"


def convention_text(excludes: bool | None, why: str) -> tuple[str, str]:
    """The convention as a phrase for messages (zh, en); empty when the table has no carry-over."""
    if excludes is None:
        return "", ""
    zh, en = _WHY[why]
    if excludes:
        return f"(本表合计不含上年结转,依据{zh})", f" (the table's total leaves out the carry-over, per {en})"
    return f"(本表合计含上年结转,依据{zh})", f" (the table's total includes the carry-over, per {en})"


TWO_SIDED = ("summary", "fiscal_summary")


def two_sided(t: Table, side: str) -> tuple[list[Row], Row | None, list[Row], Row | None]:
    """One side of a two-sided table in printed order.

    Returns the rows above the 本年收入/支出合计 row, that row, the rows between it and the
    收入/支出总计 row, and that row.
    """
    if side == "income":
        sub_key, grand_key = "income_current_total", "income_grand_total"
    else:
        sub_key, grand_key = "exp_current_total", "exp_grand_total"
    items: list[Row] = []
    between: list[Row] = []
    sub = grand = None
    for r in t.rows:
        if r.side != side or grand is not None:
            continue
        if r.key == sub_key and sub is None:
            sub = r
        elif r.key == grand_key:
            grand = r
        else:
            (items if sub is None else between).append(r)
    return items, sub, between, grand


def is_of_which(r: Row) -> bool:
    """A 其中 line repeats part of the line above it and must not be added again."""
    return r.name.lstrip().startswith(("其中", "其 中"))


def other(t: Table, prefix: str = "other") -> dict[str, Any]:
    """Template fields naming a second table: ``{other_no}``, ``{other_title}``."""
    return {f"{prefix}_no": t.number, f"{prefix}_title": t.title}


def related(t: Table, row: Row | None, col: str | None, a: Amount | None) -> dict[str, Any]:
    """Where the compared figure of a second table sits, for the reports."""
    src = a.source if a is not None else (row.source if row is not None else t.source)
    return {
        "table_no": t.number,
        "title": t.title,
        "row_code": row.code if row is not None else None,
        "row_name": row.name if row is not None else None,
        "column": col,
        "value": None if a is None or a.value is None else format(a.value, "f"),
        "line": src.line,
        "page": src.page,
    }


def is_zero(a: Amount | None) -> bool:
    """Blank or printed as zero."""
    return a is None or a.value == ZERO


def class_rows(t: Table) -> dict[str, Row]:
    """类 rows by 3-digit code: coded rows of classification tables, ``exp:NNN`` lines of summaries."""
    out: dict[str, Row] = {}
    for r in t.rows:
        if r.code and len(r.code) == 3:
            out.setdefault(r.code, r)
        elif r.key and r.key.startswith("exp:"):
            out.setdefault(r.key[4:], r)
    return out


def project_total(t: Table) -> list[Amount | None]:
    """A project table's 合计: its total row, else the sum of its units, else of its projects."""
    tot = total_row(t)
    if tot is not None and "total" in tot.values:
        return [tot.values["total"]]
    units = [r for r in t.rows if r.role == "unit"]
    rows = units or [r for r in t.rows if r.role == "project"]
    return [r.values.get("total") for r in rows]


def only_general_budget_appropriation(d: Disclosure) -> bool | None:
    """Whether all of the document's 财政拨款 is 一般公共预算 (so a 财政拨款收入 column means the
    same as an 一般公共预算 one).

    True when a summary (财政拨款收支总表 or 收支总表) prints the 政府性基金 and 国有资本经营 income
    lines and every such line (this year or carried over) is blank or zero; False when one has an
    amount; None when no summary prints them (not known).
    """
    funds = ("gov_fund", "state_capital")
    seen: set[str] = set()
    for kind in TWO_SIDED:
        t = d.table(kind)
        if t is None:
            continue
        col = side_col(t, "income", ("amount", "total"))
        for r in t.rows:
            for fund in funds:
                if r.key in (f"income:{fund}", f"carryover:{fund}"):
                    seen.add(fund)
                    if not is_zero(r.values.get(col) if col else None):
                        return False
    return True if seen == set(funds) else None


def final_balances_zero(d: Disclosure) -> bool | None:
    """Final accounts: whether the 收支总表 prints its 年初结转和结余 and 年末结转和结余 lines and both are
    blank or zero (then this year's income by code equals this year's expenditure by code). None
    when the table or either line is not printed."""
    t = d.table("summary")
    if t is None:
        return None
    keyed = by_key(t)
    opening, closing = keyed.get("carryover_total"), keyed.get("exp_carry_forward")
    if opening is None or closing is None:
        return None
    inc = side_col(t, "income", ("amount", "total"))
    return is_zero(opening.values.get(inc) if inc else None) and all(
        is_zero(a) for a in closing.values.values()
    )


_CARRIED = {
    "income": ("carryover_total", "income:use_of_balance"),
    "expenditure": ("exp_carry_forward", "exp_balance_distribution"),
}


def current_total(t: Table, side: str) -> Row | None:
    """The 本年收入合计 / 本年支出合计 line of one side of a two-sided table.

    A summary that prints only 收入总计 / 支出总计 (Shanghai budgets) has no line for this year's
    total; then the grand total is this year's when the side prints no carried line (上年结转,
    年终结转, 结余分配 …) with an amount — the two are the same figure. None otherwise.
    """
    items, sub, _, grand = two_sided(t, side)
    if sub is not None:
        return sub
    if grand is None:
        return None
    for r in items:
        key = r.key or ""
        carried = key in _CARRIED[side] or key.startswith("carryover:")
        if carried and any(not is_zero(a) for a in r.values.values()):
            return None
    return grand


def summing_lines(rows: list[Row]) -> list[Row]:
    """The lines of one side that add up to its total: a 其中 line, and a numbered line under a
    parent that carries its own amount (``1.一般公共预算`` under ``一、财政拨款``), repeat part of
    another line and are left out."""
    with_amount = {r.name for r in rows if r.values}
    return [r for r in rows if not is_of_which(r) and not (r.parent and r.parent in with_amount)]


#: the basic-expenditure tables by economic class: 一般公共预算 and (Jiangsu) 财政拨款
ECONOMIC_TABLES = ("general_budget_basic_economic", "fiscal_basic_economic")


def economic_tables(ctx: Context) -> list[Table]:
    """The document's basic-expenditure tables by economic class; InsufficientData (no 一般公共预算
    基本支出表) when there is none."""
    tables = [t for t in ctx.d.tables if t.kind in ECONOMIC_TABLES]
    if not tables:
        ctx.require_table("general_budget_basic_economic")
    return tables
