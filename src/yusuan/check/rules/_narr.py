"""What the NARR and FORMAT rules share: the narrative's figures in their sentence context, and a
resolver from what a figure names (its subject) to the table cells that print the same figure.

Context (:func:`claim_views`). A claim alone says too little: "基本支出0.85万元" is the department's
basic expenditure in one sentence and a project called 公用经费 in another ("涉及部门预算资金31603.71
万元,其中基本支出0.85万元"). Each claim is therefore placed in its printed sentence, and two facts are
read from the words around it:

- ``whole``: the figure a 其中 / 主要包括 / 分别为 list belongs to (the last figure before the marker,
  or the first figure of the previous sentence when the sentence opens with 其中). A part of a whole
  the resolver does not know is not tied to any table: its subject names something else there.
- ``in_reason``: the figure is a detail of a stated reason (after 主要原因是 …: "孝义市人社局人员经费
  减少,2024年收入2,737.64万元,预算收入总计2,737.64万元" is one unit's figure, not the department's
  总计). A later ;-clause that opens with a known total and no verb ("本年部门预算支出总计…") ends it.

Resolver (:class:`Resolver`). A subject maps to a *concept* (收入总计, 一般公共预算基本支出, a 类 …);
a concept lists the cells that by the identities of DOMAIN.md print one and the same figure (e.g.
一般公共预算基本支出 = 表5 基本支出合计 = 表6 合计), and the stated figure must equal each of them.
Where one phrase can mean two different figures (一般公共预算拨款 with or without last year's
carry-over; a 类 in the 财政拨款 or the 一般公共预算当年 sense) the resolver returns the alternatives in the
order the section's words make likely, and the figure must match one of them in full. A subject the
resolver does not know resolves to None: no finding, ever. A blank cell of a printed row is an
exact zero (budget tables leave zeros empty).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from yusuan.catalog.classification import FUNCTION_CLASSES
from yusuan.check.engine import Finding, InsufficientData, run_memo
from yusuan.check.rules._arith import side_col, total_row
from yusuan.extract.claims import normalise_text
from yusuan.model import Amount, Claim, Disclosure, Row, Section, Table

ZERO = Decimal(0)
HUNDRED = Decimal(100)
#: 元 per unit, for the units narratives print amounts in
FACTOR: dict[str, Decimal] = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
MONEY = frozenset(FACTOR)
#: flags that say a figure is not this year's printed amount of the thing it names
NOT_A_STATED_AMOUNT = frozenset(
    {"comparison_base", "threshold", "placeholder", "missing_number", "malformed"}
)


# --- printed numbers ---------------------------------------------------------------------------


def half_ulp(precision: int) -> Decimal:
    """Half a unit in the last printed place: how far a correctly rounded figure can be off."""
    return Decimal(5) * Decimal(10) ** (-(precision + 1))


def convert(value: Decimal, unit: str, to: str) -> Decimal:
    return value if unit == to else value * FACTOR[unit] / FACTOR[to]


def quantize(x: Decimal, precision: int) -> Decimal:
    """``x`` rounded half-up to ``precision`` decimals, as a document would print it."""
    return x.quantize(Decimal(1).scaleb(-precision), rounding=ROUND_HALF_UP)


def fmt(x: Decimal | None) -> str:
    return "" if x is None else format(x, "f")


@dataclass(frozen=True)
class Fig:
    """A printed figure in 万元-or-元 terms: value, unit, precision (decimals as printed)."""

    value: Decimal
    unit: str
    precision: int

    def in_unit(self, unit: str) -> Decimal:
        return convert(self.value, self.unit, unit)

    def ulp(self, unit: str) -> Decimal:
        return convert(half_ulp(self.precision), self.unit, unit)


def claim_fig(c: Claim) -> Fig | None:
    """A claim's amount as a figure; None when unreadable or not money (a count, %, no unit)."""
    if c.value is None or c.unit not in MONEY:
        return None
    return Fig(c.value, c.unit, c.precision)  # type: ignore[arg-type]


def amount_fig(a: Amount) -> Fig | None:
    return None if a.value is None or not a.value.is_finite() else Fig(a.value, a.unit, a.precision)


_BASE_FIGURE = re.compile(r"(\d[\d,]*(?:\.\d+)?)(万元|亿元|元)?$")


def printed_base(reference: str | None) -> tuple[Fig | None, bool]:
    """Last year's figure when the reference prints it (``2023年预算56.26万元``): (figure, unit printed).

    A figure printed without a unit (``2023年收入2789.34``) comes back in 万元 with False in the
    second place; the caller then reads it in this year's unit.
    """
    if not reference:
        return None, False
    m = _BASE_FIGURE.search(normalise_text(reference))
    if not m:
        return None, False
    num = m.group(1).replace(",", "")
    prec = len(num.split(".", 1)[1]) if "." in num else 0
    return Fig(Decimal(num), m.group(2) or "万元", prec), m.group(2) is not None


# --- claims in context -------------------------------------------------------------------------

_MARKER = re.compile(r"其中|主要包括|主要用于|包括|分别为|分别是")
_VERB = re.compile(r"增加|减少|增长|下降|上升|降低|提高|压减|缩减|减少了")
_MARKER_AT_END = re.compile(r"(?:其中|主要包括|包括|分别为|分别是|如下)[:,\s]*$")
_FRESH_START = re.compile(r"^[\s(]*(?:\d{4}年|本部门|本单位|我局|我单位)")
_OPENING = re.compile(
    r"^[\s(]*(?:\d{1,2}[、.]|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\))?[\s:,]*"
)


@dataclass(eq=False)
class ClaimView:
    """A claim with what its sentence says about it (see the module docstring)."""

    claim: Claim
    index: int
    sentence_no: int
    #: offset of the figure in the normalised sentence, None when the claim could not be placed
    start: int | None = None
    #: the normalised sentence and the words of its ;-clause before the figure
    sentence: str = ""
    clause_prefix: str = ""
    whole: ClaimView | None = None
    in_reason: bool = False
    #: the parts listed after this figure's 其中 (filled for wholes)
    parts: list[ClaimView] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.claim.kind

    @property
    def subject(self) -> str:
        return self.claim.subject

    @property
    def line(self) -> int | None:
        return self.claim.source.line


def all_claims(d: Disclosure) -> list[Claim]:
    """The narrative's claims; the 三公 section's own claims only where the main list lacks them."""
    out = list(d.claims)
    if d.three_public is not None and d.three_public.claims:
        seen = {(c.source.line, c.raw, c.subject, c.kind) for c in out}
        out.extend(c for c in d.three_public.claims if (c.source.line, c.raw, c.subject, c.kind) not in seen)
    return out


def require_claims(d: Disclosure) -> list[Claim]:
    claims = all_claims(d)
    if not claims:
        raise InsufficientData("叙述部分没有提取到数字,无法核对")
    return claims


def require_narrative(d: Disclosure) -> None:
    """Text rules need the narrative (sections or the figures read from them)."""
    if not (own_sections(d) or all_claims(d) or d.glossary):
        raise InsufficientData("叙述部分尚未提取,无法检查")


def own_sections(d: Disclosure) -> list[Section]:
    """The department's own narrative sections (appended documents left out, as claims do)."""
    return [s for s in d.sections if s.text and not (s.path and s.path[0] == "附件")]


def claim_views(d: Disclosure, resolver: Resolver | None = None) -> list[ClaimView]:
    """Every claim in reading order with its whole and reason context (module docstring).

    Built once per check run and shared by the rules (they only read the views).
    """
    return run_memo(("narr.claim_views", id(d)), lambda: _claim_views(d, resolver or Resolver(d)))


def _claim_views(d: Disclosure, resolver: Resolver) -> list[ClaimView]:
    claims = all_claims(d)
    views: list[ClaimView] = []
    groups: list[list[int]] = []
    for i, c in enumerate(claims):
        prev = claims[i - 1] if i else None
        if prev is not None and prev.section == c.section and prev.sentence == c.sentence and c.sentence:
            groups[-1].append(i)
        else:
            groups.append([i])
    prev_first: dict[str | None, ClaimView | None] = {}
    # a whole whose 其中: ends its sentence ("基本支出1,030.05万元,其中:" + one line per part)
    dangling: dict[str | None, ClaimView | None] = {}
    for n, group in enumerate(groups):
        section = claims[group[0]].section
        sentence = normalise_text(claims[group[0]].sentence or "")
        vs = [ClaimView(claims[i], i, n, sentence=sentence) for i in group]
        _place(vs, sentence)
        carried = dangling.get(section)
        if carried is not None and _FRESH_START.match(sentence):
            carried = None  # a new statement ("2024年…", "本部门…") ends the list
        first, dangling[section] = _read_context(vs, sentence, prev_first.get(section), carried, resolver)
        if dangling[section] is None and carried is not None:
            dangling[section] = carried
        prev_first[section] = first
        views.extend(vs)
    for v in views:
        if v.whole is not None:
            v.whole.parts.append(v)
    return views


def _place(vs: list[ClaimView], sentence: str) -> None:
    pos = 0
    for v in vs:
        raw = normalise_text(v.claim.raw)
        if not raw or not sentence:
            continue
        i = sentence.find(raw, pos)
        if i < 0:
            # the same sentence printed twice in a row: start over in the next copy
            i = sentence.find(raw)
        if i >= 0:
            v.start = i
            pos = i + len(raw)


def _read_context(
    vs: list[ClaimView],
    s: str,
    prev_first: ClaimView | None,
    carried: ClaimView | None,
    resolver: Resolver,
) -> tuple[ClaimView | None, ClaimView | None]:
    """Walk one sentence: markers, reasons, clause ends, brackets and figures in printed order.

    Returns the sentence's first amount and, when the sentence ends on a marker, the whole that the
    next sentences list parts of.
    """
    events: list[tuple[int, int, Any]] = []
    for m in _MARKER.finditer(s):
        events.append((m.start(), 0, "marker"))
    for m in re.finditer(r"原因", s):
        events.append((m.start(), 0, "reason"))
    for m in re.finditer(r"[;()]", s):
        events.append((m.start(), 0, m.group(0)))
    for k, v in enumerate(vs):
        if v.start is not None:
            events.append((v.start, 1, k))
    events.sort(key=lambda e: (e[0], e[1]))
    opening = _OPENING.match(s)
    opening_end = opening.end() if opening else 0
    whole: ClaimView | None = carried
    stack: list[ClaimView | None] = []
    in_reason = False
    clause_start, clause_fresh = 0, True
    last_fig: ClaimView | None = None
    first: ClaimView | None = None
    for pos, _, what in events:
        if what == "(":
            stack.append(whole)
        elif what == ")":
            whole = stack.pop() if stack else whole
        elif what == "marker":
            # "其中:" opening a sentence lists parts of the previous sentence's first figure
            whole = prev_first if pos <= opening_end and last_fig is None else last_fig
        elif what == "reason":
            in_reason = True
        elif what == ";":
            clause_start, clause_fresh = pos + 1, True
        else:
            v = vs[what]
            v.clause_prefix = s[clause_start : v.start]
            if clause_fresh and in_reason:
                cp = v.clause_prefix
                if not _VERB.search(cp) and "原因" not in cp and resolver.key(v.subject) is not None:
                    in_reason, whole = False, None
            clause_fresh = False
            v.whole, v.in_reason = whole, in_reason
            if v.kind in ("amount", "count") and "comparison_base" not in v.claim.flags:
                last_fig = v
                if first is None and v.kind == "amount":
                    first = v
    for v in vs:
        if v.start is None:
            v.whole, v.in_reason = None, False
    tail = _MARKER_AT_END.search(s)
    ends_on_marker = tail is not None and all(v.start is None or v.start < tail.start() for v in vs)
    return first, (whole if ends_on_marker and whole is not None else None)


def count_of(v: ClaimView, views: list[ClaimView]) -> ClaimView | None:
    """The count printed right before an amount in the same sentence ("二级项目37个,共计金额…")."""
    i = v.index - 1
    if i >= 0 and views[i].kind == "count" and views[i].sentence_no == v.sentence_no:
        return views[i]
    return None


def this_year(
    v: ClaimView, views: list[ClaimView], resolver: Resolver
) -> tuple[Fig | None, ClaimView | None]:
    """This year's figure a change, rate or "same" statement is about: the nearest earlier amount of the
    same subject in the sentence (else the section), else the table figure the subject names."""
    for u in reversed(views[: v.index]):
        if u.claim.section != v.claim.section:
            break
        c = u.claim
        # a malformed this-year figure still marks the place: the table figure stands in for it
        if (
            c.kind == "amount"
            and c.subject == v.subject
            and not NOT_A_STATED_AMOUNT & (set(c.flags) - {"malformed"})
        ):
            if c.value is None:
                break
            fig = claim_fig(c)
            if fig is not None:
                return fig, u
    w = v.whole
    if v.in_reason or (w is not None and (w.kind != "amount" or resolver.key(w.subject) is None)):
        return None, None  # a unit's or a part's figure: the department's table figure is not it
    cells = resolver.first_cells(v)
    if cells:
        return cells[0].fig(), None
    return None, None


def previous_change(v: ClaimView, views: list[ClaimView]) -> ClaimView | None:
    """The change amount a rate belongs to ("比上年增加A万元,增长B%"), in the same sentence."""
    for u in reversed(views[: v.index]):
        if u.sentence_no != v.sentence_no or u.kind == "rate":
            return None
        if u.kind == "change":
            return u if u.subject == v.subject else None
        if u.kind == "amount" and u.subject != v.subject and "comparison_base" not in u.claim.flags:
            return None
    return None


# --- findings on narrative figures -------------------------------------------------------------


def at_claim(f: Finding, c: Claim) -> Finding:
    """Place a finding at the claim's printed position."""
    f.file = c.source.file or f.file
    f.page = c.source.page
    f.line = c.source.line
    return f


def said(c: Claim) -> str:
    """The claim as printed, for messages: subject and raw figure."""
    raw = normalise_text(c.raw) if c.raw else fmt(c.value)
    return f"{c.subject}{raw}" if c.subject else raw


def snippet(text: str, start: int, width: int = 24) -> str:
    a = max(0, start - width)
    return ("…" if a else "") + text[a : start + width].replace("\n", "") + "…"


# --- the resolver ------------------------------------------------------------------------------


@dataclass
class Cell:
    """One table figure: a printed amount, or a blank cell of a printed row (an exact zero)."""

    table: Table
    row: Row | None
    column: str
    amount: Amount | None

    @property
    def readable(self) -> bool:
        return self.amount is None or (self.amount.value is not None and self.amount.value.is_finite())

    def fig(self) -> Fig:
        if self.amount is None or self.amount.value is None:
            return Fig(ZERO, self.table.unit or "万元", 30)  # blank: exact zero, no rounding allowance
        return Fig(self.amount.value, self.amount.unit, self.amount.precision)

    def where(self) -> str:
        from yusuan.catalog.tables import COLUMN_KEYS

        col = COLUMN_KEYS.get(self.column, (self.column,))[0]
        row = self.row.name.strip() if self.row is not None else "合计"
        return f"表{self.table.number}《{self.table.title}》“{row}”{col}"

    def where_en(self) -> str:
        row = self.row.name.strip() if self.row is not None else "total"
        return f"table {self.table.number} ({self.table.title}) row {row}, column {self.column}"

    def related(self) -> dict[str, Any]:
        src = (
            self.amount.source
            if self.amount is not None
            else (self.row.source if self.row else self.table.source)
        )
        return {
            "table_no": self.table.number,
            "title": self.table.title,
            "row_code": self.row.code if self.row is not None else None,
            "row_name": self.row.name if self.row is not None else None,
            "column": self.column,
            "value": fmt(self.fig().value),
            "line": src.line,
            "page": src.page,
        }


@dataclass
class Concept:
    """A figure the tables print, possibly in several places that must agree."""

    key: str
    name: str
    cells: list[Cell]


# Subject → concept key; the first pattern that matches wins. Subjects come cleaned by the claim
# extractor (framing, 其中 and the like removed); a leading year has been checked and dropped.
_KEYS: tuple[tuple[str, str], ...] = (
    (r'^"?三公"?经费', "tp:total"),
    (r"^因公出国", "tp:abroad"),
    (r"^公务接待", "tp:reception"),
    (r"^公务用车购置及运行", "tp:vehicle"),
    (r"^公务用车购置费?$|^公务用车购置费", "tp:vehicle_purchase"),
    (r"^公务用车运行", "tp:vehicle_operation"),
    (r"^机关运行经费", "admin_running"),
    (r"^(?:基本支出中的?)?人员经费(?:支出)?$", "personnel"),
    (r"^(?:基本支出中的?)?公用经费(?:支出)?$", "public"),
    (
        r"^(?:部门)?财政拨款(?:收支)?(?:总预算|预算总额|总额|总计|收支总计)$|^财政拨款(?:收入|支出|收入支出)总计$",
        "fiscal_total",
    ),
    (r"^(?:当年|本年)(?:财政)?拨款收入(?:合计)?$", "fiscal_current"),
    (r"^上年(?:财政拨款)?结转(?:结余)?(?:收入|资金|安排)?$", "carryover"),
    (r"^一般公共预算(?:财政拨款)?(?:安排的?)?基本支出", "gb_basic"),
    (r"^一般公共预算(?:财政拨款)?(?:安排的?)?项目支出", "gb_project"),
    (r"^一般公共预算(?:财政拨款)?(?:当年|本年)(?:拨款|支出|拨款支出)(?:预算)?$", "gb_current"),
    (r"^一般公共预算(?:财政)?(?:拨款)?支出(?:预算)?(?:总额|合计)?$", "gb_exp"),
    (r"^一般公共预算(?:财政)?拨款(?:收入)?(?:预算)?$|^一般公共预算收入$", "gb_income"),
    (r"^政府性基金(?:预算)?(?:财政)?拨款(?:收入)?$|^政府性基金(?:预算)?收入$", "gf_income"),
    (r"^政府性基金(?:预算)?(?:财政)?(?:拨款)?支出(?:预算)?$", "gf_exp"),
    (r"^国有资本经营(?:预算)?(?:财政)?(?:拨款)?支出(?:预算)?$", "sc_exp"),
    (r"^(?:本年)?财政拨款收入(?:预算)?$", "fiscal_income"),
    (r"^(?:本年)?财政拨款支出(?:预算)?$", "fiscal_exp"),
    (r"^国有资本经营(?:预算)?(?:财政)?拨款(?:收入)?$|^国有资本经营(?:预算)?收入$", "sc_income"),
    (r"^财政专户管理资金(?:收入)?$", "fiscal_special"),
    (r"^单位资金(?:收入)?$", "unit_funds"),
    (
        r"^(?:本年)?(?:部门)?(?:预算)?收入(?:预算)?总计$|^(?:部门)?预算收入(?:总额)?$|^收入预算(?:总额)?$"
        r"|^(?:部门)?(?:收入支出|收支)总计$",
        "income_total",
    ),
    (r"^本年收入(?:合计)?$|^本年预算收入$|^收入合计$", "income_current"),
    (
        r"^(?:本年)?(?:部门)?(?:预算)?支出(?:预算)?总计$|^(?:部门)?支出预算(?:总额)?$|^(?:部门)?预算支出(?:总额)?$"
        r"|^(?:部门)?收支总?预算(?:总额|总计)?$",
        "exp_total",
    ),
    (r"^本年支出合计$", "exp_current_total"),
    (r"^(?:本年|当年)预算安排$", "exp_current"),
    (r"^(?:部门)?(?:预算)?基本支出(?:预算)?$", "basic"),
    (r"^(?:部门)?(?:预算)?项目支出(?:预算)?$|项目支出总额$", "project"),
)
_KEY_RX = tuple((re.compile(p), k) for p, k in _KEYS)
_YEAR_LEAD = re.compile(r"^(\d{4})年度?")
_CLASS_MARKED = re.compile(r"([^()]+?)\((类|款|项)\)")
_LEVEL = {"类": 1, "款": 2, "项": 3}
_CLASS_NAMES: dict[str, str] = {}
for _code, _alts in FUNCTION_CLASSES:
    for _alt in _alts.split("|"):
        _CLASS_NAMES[_alt + "支出"] = _code
        # 预备费, 其他支出, 转移性支出 are names in their own right
        if _alt.endswith(("支出", "费")):
            _CLASS_NAMES[_alt] = _code

THREE_PUBLIC_ROW = {
    "tp:total": "total",
    "tp:abroad": "abroad",
    "tp:reception": "reception",
    "tp:vehicle": "vehicle",
    "tp:vehicle_purchase": "vehicle_purchase",
    "tp:vehicle_operation": "vehicle_operation",
}
_NAMES = {
    "tp:total": '"三公"经费合计',
    "tp:abroad": "因公出国(境)费",
    "tp:reception": "公务接待费",
    "tp:vehicle": "公务用车购置及运行费",
    "tp:vehicle_purchase": "公务用车购置费",
    "tp:vehicle_operation": "公务用车运行维护费",
    "admin_running": "机关运行经费",
    "personnel": "人员经费",
    "public": "公用经费",
    "fiscal_total": "财政拨款收支总计",
    "fiscal_current": "本年财政拨款收入",
    "carryover": "上年结转",
    "gb_basic": "一般公共预算基本支出",
    "gb_project": "一般公共预算项目支出",
    "gb_current": "一般公共预算当年支出",
    "gb_exp": "一般公共预算支出",
    "gb_income": "一般公共预算拨款收入",
    "gf_income": "政府性基金预算拨款收入",
    "gf_exp": "政府性基金预算支出",
    "sc_exp": "国有资本经营预算支出",
    "fiscal_income": "财政拨款收入",
    "fiscal_exp": "财政拨款支出",
    "sc_income": "国有资本经营预算拨款收入",
    "fiscal_special": "财政专户管理资金收入",
    "unit_funds": "单位资金收入",
    "income_total": "收入总计",
    "income_current": "本年收入合计",
    "exp_total": "支出总计",
    "exp_current_total": "本年支出合计",
    "exp_current": "当年预算安排",
    "basic": "基本支出",
    "project": "项目支出",
}

#: sets of part concepts that together make up a whole: a list naming all of them is complete
PARTITIONS: dict[str, tuple[frozenset[str], ...]] = {
    "exp_total": (frozenset({"basic", "project"}), frozenset({"exp_current", "carryover"})),
    "income_total": (frozenset({"income_current", "carryover"}),),
    "gb_basic": (frozenset({"personnel", "public"}),),
    "basic": (frozenset({"personnel", "public"}),),
    "gb_income": (frozenset({"fiscal_current", "carryover"}),),
    "fiscal_total": (
        frozenset({"gb_income", "gf_income", "sc_income"}),
        frozenset({"fiscal_current", "carryover"}),
    ),
    "tp:total": (
        frozenset({"tp:abroad", "tp:reception", "tp:vehicle"}),
        frozenset({"tp:abroad", "tp:reception", "tp:vehicle_purchase", "tp:vehicle_operation"}),
    ),
    "tp:vehicle": (frozenset({"tp:vehicle_purchase", "tp:vehicle_operation"}),),
}


class Resolver:
    """Subject → table cells, over one disclosure's tables (built once per rule run)."""

    def __init__(self, d: Disclosure):
        self.d = d
        self.year = d.meta.year
        self.tables: dict[str, Table] = {}
        for t in d.tables:
            if t.kind not in self.tables or (not self.tables[t.kind].rows and t.rows):
                self.tables[t.kind] = t

    # -- subjects

    def key(self, subject: str) -> str | None:
        """The concept a subject names, or None when the resolver does not know it (or it is another
        year's figure)."""
        s = normalise_text(subject).replace("“", '"').replace("”", '"')
        m = _YEAR_LEAD.match(s)
        if m:
            if self.year is None or int(m.group(1)) != self.year:
                return None
            s = s[m.end() :]
        s = s.strip(" ,:、") if s.startswith('"三公') else s.strip(' ,:、"')
        if not s:
            return None
        # “一般公共服务支出(类)统计信息事务(款)专项普查活动(项)”科目
        marked = _CLASS_MARKED.findall(re.sub(r'["]|科目$', "", s))
        if marked:
            name, level = marked[-1]
            if level == "类":
                code = _CLASS_NAMES.get(name) or _CLASS_NAMES.get(name + "支出")
                if code is not None:
                    return f"class:{code}"
            return f"item:{_LEVEL[level]}:{name}:{'|'.join(n for n, _ in marked[:-1])}"
        for rx, k in _KEY_RX:
            if rx.search(s):
                return k
        bare = re.sub(r"(?:预算|安排)$", "", s)
        if bare in _CLASS_NAMES:
            return f"class:{_CLASS_NAMES[bare]}"
        return None

    def name(self, key: str) -> str:
        if key.startswith("class:"):
            code = key[6:]
            return next((a.split("|")[0] + "支出" for c, a in FUNCTION_CLASSES if c == code), code)
        if key.startswith("item:"):
            return key.split(":")[2]
        return _NAMES.get(key, key)

    def resolve(self, v: ClaimView | Claim, extra_context: str = "") -> list[Concept] | None:
        """The concepts a claim's figure can be, most likely first; None when its subject is unknown."""
        c = v.claim if isinstance(v, ClaimView) else v
        k = self.key(c.subject)
        if k is None:
            return None
        ctx = (c.section or "") + extra_context + c.subject
        if isinstance(v, ClaimView) and v.whole is not None:
            ctx += v.whole.subject
        return [Concept(k, self.name(k), cells) for cells in self._alternatives(k, ctx)]

    def first_cells(self, v: ClaimView | Claim) -> list[Cell]:
        for concept in self.resolve(v) or []:
            cells = [c for c in concept.cells if c.readable]
            if cells:
                return cells
        return []

    def figure_of(self, subject: str, context: str = "") -> Cell | None:
        """The first readable cell of a subject (a share's whole, named in words)."""
        k = self.key(subject)
        if k is None:
            return None
        for cells in self._alternatives(k, context + subject):
            for c in cells:
                if c.readable:
                    return c
        return None

    # -- cells

    def _cell(
        self, kind: str, col: str, *, key: str | None = None, code: str | None = None, total: bool = False
    ) -> Cell | None:
        t = self.tables.get(kind)
        if t is None:
            return None
        if total:
            row = total_row(t)
        elif key is not None:
            row = t.row_by_key(key)
        else:
            row = t.row_by_code(code or "")
            if row is None and code and any(r.code for r in t.rows):
                # a coded table that lists no row for the class: nothing was budgeted there
                return Cell(t, None, col, None)
        if row is None:
            if t.empty_note and not t.rows:
                return Cell(t, None, col, None)
            if t.empty_note and total and not any(r.values for r in t.rows):
                return Cell(t, None, col, None)
            return None
        if col not in row.values and not _has_column(t, col):
            return None  # the table prints no such column (or it was not read): nothing to compare
        return Cell(t, row, col, row.values.get(col))

    def _side(self, kind: str, key: str, side: str) -> Cell | None:
        t = self.tables.get(kind)
        if t is None:
            return None
        col = side_col(t, side) or ("amount" if side == "income" else "total")
        return self._cell(kind, col, key=key)

    def _two_sided_class(self, kind: str, code: str, col: str) -> Cell | None:
        t = self.tables.get(kind)
        if t is None:
            return None
        row = t.row_by_key(f"exp:{code}")
        if row is None or (col not in row.values and not _has_column(t, col)):
            return None
        return Cell(t, row, col, row.values.get(col))

    def _alternatives(self, k: str, ctx: str) -> list[list[Cell]]:
        fiscal = "财政拨款" in ctx
        gb = "一般公共预算" in ctx
        current = "当年" in ctx

        def cells(*cs: Cell | None) -> list[Cell]:
            return [c for c in cs if c is not None]

        s, f = "summary", "fiscal_summary"
        if k in THREE_PUBLIC_ROW:
            t = self.tables.get("three_public")
            if t is None:
                return [[]]
            row = t.row_by_key(THREE_PUBLIC_ROW[k]) or (total_row(t) if k == "tp:total" else None)
            if row is None:
                return [[Cell(t, None, "total", None)]] if t.empty_note else [[]]
            return [cells(Cell(t, row, "total", row.values.get("total")))]
        if k == "admin_running":
            return [
                cells(self._cell("admin_running", "total", total=True)),
                cells(self._cell("admin_running", "general_budget", total=True)),
                # Shanghai prints 机关运行经费 as a line of the 三公 table
                cells(self._cell("three_public", "total", key="admin_running")),
            ]
        if k in ("personnel", "public"):
            e = "general_budget_basic_economic"
            return [
                cells(self._cell(e, k, total=True)),
                # final accounts print 人员经费合计 / 公用经费合计 as lines closing their blocks
                cells(self._cell(e, "total", key=f"{k}_total")),
            ]
        if k == "gb_basic":
            return [
                cells(
                    self._cell("general_budget_expenditure", "basic", total=True),
                    self._cell("general_budget_basic_economic", "total", total=True),
                )
            ]
        if k == "gb_project":
            return [cells(self._cell("general_budget_expenditure", "project", total=True))]
        if k == "gb_current":
            gbt = self.tables.get("general_budget_expenditure")
            a = (
                cells(self._cell("general_budget_expenditure", "total", total=True))
                if (gbt is not None and gbt.excludes_carryover)
                else []
            )
            b = cells(
                self._side(s, "income:general_budget", "income"),
                self._side(f, "income:general_budget", "income"),
            )
            return [a, b] if a else [b]
        if k == "gb_exp":
            return [
                cells(self._cell("general_budget_expenditure", "total", total=True)),
                cells(self._cell(f, "general_budget", key="exp_grand_total")),
            ]
        if k in ("gb_income", "gf_income", "sc_income"):
            fund = {"gb_income": "general_budget", "gf_income": "gov_fund", "sc_income": "state_capital"}[k]
            a = cells(
                self._side(s, f"income:{fund}", "income"),
                self._side(f, f"income:{fund}", "income"),
                self._cell("income", fund, total=True),
            )
            b = cells(self._cell(f, fund, key="exp_grand_total"))
            return [b, a] if fiscal else [a, b]
        if k == "gf_exp":
            return [
                cells(self._cell("gov_fund_expenditure", "total", total=True)),
                cells(self._cell(f, "gov_fund", key="exp_grand_total")),
            ]
        if k == "sc_exp":
            return [
                cells(self._cell("state_capital", "total", total=True)),
                cells(self._cell(f, "state_capital", key="exp_grand_total")),
            ]
        if k == "fiscal_income":
            # 本年财政拨款收入, or the total with last year's carry-over when the text means that
            return [
                cells(self._side(f, "income_current_total", "income")),
                cells(self._side(f, "income_grand_total", "income")),
            ]
        if k == "fiscal_exp":
            return [cells(self._cell(f, "total", key="exp_grand_total"))]
        if k in ("fiscal_special", "unit_funds"):
            return [cells(self._side(s, f"income:{k}", "income"), self._cell("income", k, total=True))]
        if k == "carryover":
            a = cells(
                self._side(s, "carryover_total", "income"),
                self._cell(s, "carryover", key="exp_grand_total"),
                self._cell("income", "carryover", total=True),
            )
            b = cells(self._side(f, "carryover_total", "income"))
            return [b, a] if fiscal else [a, b]
        if k == "income_total":
            return [cells(self._side(s, "income_grand_total", "income"))]
        if k == "income_current":
            return [cells(self._side(s, "income_current_total", "income"))]
        if k == "exp_total":
            return [
                cells(
                    self._cell(s, "total", key="exp_grand_total"),
                    self._cell("expenditure", "total", total=True),
                )
            ]
        if k == "exp_current_total":
            return [cells(self._cell(s, "total", key="exp_current_total"))]
        if k == "exp_current":
            return [cells(self._cell(s, "current_year", key="exp_grand_total"))]
        if k == "fiscal_total":
            return [
                cells(
                    self._side(f, "income_grand_total", "income"),
                    self._cell(f, "total", key="exp_grand_total"),
                )
            ]
        if k == "fiscal_current":
            return [cells(self._side(f, "income_current_total", "income"))]
        if k in ("basic", "project"):
            a = cells(self._cell("expenditure", k, total=True))
            b = cells(self._cell("general_budget_expenditure", k, total=True))
            return [b, a] if gb else [a, b]
        if k.startswith("class:"):
            code = k[6:]
            all_ = cells(
                self._cell("expenditure", "total", code=code), self._two_sided_class(s, code, "total")
            )
            fis = cells(self._two_sided_class(f, code, "total"))
            gbc = cells(self._cell("general_budget_expenditure", "total", code=code))
            cur = cells(self._two_sided_class(s, code, "current_year"))
            if fiscal:
                order = [fis, all_, gbc, cur]
            elif gb or current:
                order = [gbc, cur, all_, fis]
            else:
                order = [all_, fis, gbc, cur]
            return [o for o in order if o] or [[]]
        if k.startswith("item:"):
            _, level, name, parents = k.split(":", 3)
            return [
                o
                for o in (
                    self._item("expenditure", int(level), name, parents),
                    self._item("general_budget_expenditure", int(level), name, parents),
                )
                if o
            ] or [[]]
        return [[]]

    def _item(self, kind: str, level: int, name: str, parents: str) -> list[Cell]:
        t = self.tables.get(kind)
        if t is None:
            return []
        want = _name_forms(name)
        for r in t.rows:
            if r.code and len(r.code) == 2 * level + 1 and normalise_text(r.name).strip() in want:
                parent_names = [p for p in parents.split("|") if p]
                if parent_names:
                    ancestors = set()
                    for x in t.rows:
                        if x.code and r.code.startswith(x.code) and x.code != r.code:
                            ancestors |= _name_forms(normalise_text(x.name).strip())
                    if not all(p in ancestors or p in _CLASS_NAMES for p in parent_names):
                        continue
                return [Cell(t, r, "total", r.values.get("total"))]
        return []


def _name_forms(name: str) -> set[str]:
    """A classification name with and without its 支出 (narratives write 人大事务(款)其他人大事务(项)支出)."""
    base = name.removesuffix("支出")
    return {name, base, base + "支出"}


def _has_column(t: Table, col: str) -> bool:
    return any(c.key == col for c in t.columns) or any(col in r.values for r in t.rows)


# --- comparing a stated figure with cells ------------------------------------------------------


@dataclass
class Match:
    """A stated figure against one cell: difference and rounding bound in the coarser unit."""

    cell: Cell
    expected: Decimal
    actual: Decimal
    tolerance: Decimal
    unit: str
    #: the stated figure is the table figure rounded to the stated precision (18,976.76万元 for
    #: 189,767,551元): the same figure printed more coarsely, not a difference
    same_printing: bool = False

    @property
    def difference(self) -> Decimal:
        return ZERO if self.same_printing else self.actual - self.expected

    @property
    def ok(self) -> bool:
        return abs(self.difference) <= self.tolerance


def match(stated: Fig, cell: Cell) -> Match:
    cf = cell.fig()
    # compare at the coarser printed grain (as tolerance.common_unit)
    unit = "元" if stated.unit == cf.unit == "元" else "万元"
    tol = stated.ulp(unit) + (ZERO if cell.amount is None else cf.ulp(unit))
    coarser = stated.precision < 30 and quantize(cf.in_unit(stated.unit), stated.precision) == stated.value
    return Match(cell, cf.in_unit(unit), stated.in_unit(unit), tol, unit, coarser)


def percent_bound(
    printed_precision: int, part: Decimal, h_part: Decimal, whole: Decimal, h_whole: Decimal
) -> Decimal:
    """Tolerance of a printed percentage of part / whole (as tolerance.ratio_tolerance, for values
    that are not single printed amounts: a difference of two figures carries both their bounds)."""
    tol = half_ulp(printed_precision)
    if whole == 0:
        return tol
    w, p = abs(whole), abs(part)
    return tol + HUNDRED * (h_part / w + p * h_whole / (w * w))


def percent_finding_values(
    printed: Decimal, precision: int, exact: Decimal, tolerance: Decimal
) -> tuple[str, Decimal] | None:
    """How a printed percentage compares with the exact ratio: None when printed as it should be;
    ("rounding", expected) inside the bound; ("error", expected) outside. Expected is the exact
    ratio rounded to the printed precision."""
    expected = quantize(exact, precision)
    if printed == expected:
        return None
    return ("rounding" if abs(printed - exact) <= tolerance else "error"), expected


def iter_money_amounts(views: Iterable[ClaimView]) -> Iterator[ClaimView]:
    """Amount claims that state this year's figure of something (not a base, threshold or blank)."""
    for v in views:
        c = v.claim
        if (
            c.kind == "amount"
            and c.value is not None
            and c.unit in MONEY
            and not NOT_A_STATED_AMOUNT & set(c.flags)
        ):
            yield v


def text_line(d: Disclosure, section: Section, snippet_text: str) -> int | None:
    """The source line of some words of a section: the line of a figure printed in the same sentence,
    else the section heading's line (sections keep no per-line offsets once serialised)."""
    return text_place(d, section, snippet_text)[1]


def text_place(
    d: Disclosure, section: Section, snippet_text: str, nth: int = 0
) -> tuple[int | None, int | None]:
    """(page, line) of some words of a section, as :func:`text_line`: a figure of the same sentence
    gives both (the sentence may be pages after the heading), else the heading's. ``nth`` picks the
    n-th sentence with those words when the section repeats them."""
    places: list[tuple[int | None, int | None]] = []
    previous = None  # the figures of one sentence follow each other: one place per printing
    for c in all_claims(d):
        if c.section != section.heading or not c.sentence:
            continue
        if c.sentence != previous and snippet_text in normalise_text(c.sentence):
            places.append((c.source.page, c.source.line))
        previous = c.sentence
    if places:
        return places[nth] if nth < len(places) else places[0]
    return section.source.page, section.source.line


def section_finding(f: Finding, d: Disclosure, section: Section, snippet_text: str, nth: int = 0) -> Finding:
    f.file = section.source.file or (d.meta.source_files[0] if d.meta.source_files else None)
    f.page, f.line = text_place(d, section, snippet_text, nth)
    return f


def lead(v: ClaimView, width: int = 30) -> str:
    """The words that open the figure's clause ("孝义市社保中心社会保险基金的补助增加"), for messages that
    must say which of several same-named statements is meant."""
    first = re.split(r"[,:]", v.clause_prefix.strip(" ,;:"), maxsplit=1)[0]
    return first if len(first) <= width else first[:width] + "…"
