"""The 项目资金(元) block of an OCR'd performance-target table: readings, then evidence, then values.

Each table prints one figure several times: 实施期资金总额, 年度资金总额 and, for a project with one
fund source, that source's row on both sides. OCR garbles the copies differently: a number split over
two cells (``17`` ⇥ ``, 500``), a separator misread (``17, 225, 82`` for 17,225.82), a digit repeated
at a cell split (``47`` ⇥ ``75, 200`` for 475,200), or a clean-looking wrong number (``1, 6`` ⇥
``14,000`` where the other copies read 1,634,000).

A value is never guessed:

* a *clean* reading (a well-formed 元 amount, perhaps rejoined from two cells) is evidence by itself;
* a *garbled* reading is only ever *explained* by a figure read elsewhere: the same digits with other
  separators, or one stray digit where OCR split the cell;
* the table's total is the value most readings (and the project table's amount) agree on; a copy
  that disagrees is reported as a conflict, and when nothing agrees the value stays None, raw kept;
* a source row that its two copies cannot settle is settled only by 资金总额 = Σ sources, when exactly
  one choice among the values actually printed satisfies it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from rapidfuzz.distance import Indel

from yusuan.extract._perf_text import SOURCES, Rows, is_annual_total_label, source_of
from yusuan.extract.numbers import normalise, parse_number
from yusuan.model.amount import Amount, Provenance
from yusuan.model.disclosure import ExtractionIssue
from yusuan.read.document import Line

PERIODS = ("implementation", "annual")
PERIOD_LABEL = {"implementation": "实施期", "annual": "年度"}
SLOT_LABEL = {
    "total": "资金总额",
    "central": "中央财政资金",
    "provincial": "省级财政资金",
    "local": "市县(区)财政资金",
    "self_raised": "单位自筹",
    "other": "其他资金",
}
# OCR junk cells can be whole paragraphs from an overlapping scan layer; a funds cell never is.
MAX_CELL = 40
# Spaces, never tabs: a tab ends the cell.
# The lookahead does not change what matches (a match starts with a separator or a digit); it lets
# the scan pass over the other characters (most of an OCR'd row) without trying the pattern there.
_NUM = re.compile(r"(?=[,.0-9])(?:[,.] ?)?[0-9]+(?: ?[,.] ?[0-9]+)*(?: ?[,.](?![0-9]))?")
_LETTER = re.compile(r"[^\W\d_]")
_FULLWIDTH = re.compile(r"[０-９．，－＋\u00a0\u3000]")
_NON_DIGIT = re.compile(r"[^0-9]")
_SPACE = re.compile(r"\s+")
_LONG_CELL = re.compile(rf"[^\t]{{{MAX_CELL + 1},}}")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_TEXT = None  # marks a run of label text between number tokens
_ZERO = Decimal(0)


@dataclass(slots=True)
class Token:
    text: str
    cell: int
    #: only junk (``(``, ``-``), not a space, separates it from the token before it in the same cell
    glued: bool = False


@dataclass(slots=True)
class Reading:
    """What one slot printed: one number token, or two that OCR split over neighbouring cells."""

    raw: str
    line: int
    cell: int
    #: the amount when the text is a well-formed 元 amount; None when garbled
    value: Decimal | None
    precision: int
    digits: str
    parts: int
    flags: tuple[str, ...] = ()


@dataclass(slots=True)
class FundsBlock:
    """Row lines and readings of one block: ``rows[slot]`` is the line, ``readings[period, slot]``
    what that side printed (absent when blank)."""

    rows: dict[str, Line] = field(default_factory=dict)
    readings: dict[tuple[str, str], Reading] = field(default_factory=dict)

    def clean_values(self) -> list[Decimal]:
        """Every cleanly read value of the block (for matching the table to a project)."""
        return [r.value for r in self.readings.values() if r.value is not None]


# --- reading ---------------------------------------------------------------------------------------


def tokens(text: str) -> list[Token | None]:
    """Number tokens and text runs (``None``) of a row (its cells joined by tabs), in reading order.

    A number counts only when it stands apart from letters: ``7级财政资金`` and ``单位自29`` are OCR
    debris of characters. A number inside a cell that also holds words counts only when the words
    are Chinese (``资金总额: 17,500 年度``), not Latin debris (``dt 14``, ``Z = : + 64``)."""
    # One pass over the joined row: per-cell regex calls cost more than the matching itself.
    if _LONG_CELL.search(text):
        text = "\t".join(c if len(c) <= MAX_CELL else "" for c in text.split("\t"))
    if _FULLWIDTH.search(text):
        text = normalise(text)
    out: list[Token | None] = []
    pos = 0
    prev: Token | None = None
    n = len(text)
    cell = counted = 0  # the tabs before offset ``counted`` number ``cell``
    for m in _NUM.finditer(text):
        s, e = m.span()
        # Most amounts fill their cell; only a number sharing its cell needs the letter checks.
        if not ((s == 0 or text[s - 1] == "\t") and (e == n or text[e] == "\t")):
            if (s and text[s - 1].isalpha()) or (e < n and text[e].isalpha()):
                continue
            start = text.rfind("\t", 0, s) + 1
            end = text.find("\t", e)
            end = n if end < 0 else end
            if (_LETTER.search(text, start, s) or _LETTER.search(text, e, end)) and len(
                _CJK.findall(text, start, end)
            ) < 2:
                continue
        gap = text[pos:s]
        # Most gaps between numbers are tabs: white space holds no letter, and the test is cheaper
        # than the regex call.
        if gap and not gap.isspace() and _LETTER.search(gap):
            out.append(_TEXT)
            prev = None
        cell += text.count("\t", counted, s)
        counted = s
        glued = prev is not None and prev.cell == cell and not gap.isspace()
        prev = Token(m.group().strip(), cell, glued)
        out.append(prev)
        pos = e
    if _LETTER.search(text, pos):
        out.append(_TEXT)
    return out


def _adjacent(a: Token, b: Token) -> bool:
    return b.cell == a.cell + 1 or (b.cell == a.cell and b.glued)


def _joinable(a: Token, b: Token) -> bool:
    """True when ``a`` ⇥ ``b`` look like one amount OCR split in two (``1, 6`` ⇥ ``34,000``)."""
    return (
        _adjacent(a, b)
        and len(_NON_DIGIT.sub("", a.text)) <= 5
        and (a.text[-1] in ",." or b.text[0] in ",." or "," in b.text or "." in b.text)
    )


def _tail(tokens: list[Token]) -> list[Token]:
    """The last amount of a run: its last token, with the one before when OCR split them."""
    if len(tokens) >= 2 and _joinable(tokens[-2], tokens[-1]):
        return tokens[-2:]
    return tokens[-1:]


def split_row(tokens: list[Token | None], impl_col: int | None, annual_col: int | None) -> Split:
    """The 实施期-side and 年度-side tokens of a funds row (its :func:`tokens`).

    A row prints [junk][label][实施期 amount][label][年度 amount]. Labels are runs of text, so the
    年度 amount is the run of numbers after the last text run and the 实施期 amount the run before it.
    ``impl_col`` and ``annual_col`` are where the total row printed its two amounts (None for the
    total row itself): numbers before any label are junk row numbers unless they stand in the 实施期
    column; when the right-hand label was lost, a gap of empty cells separates the two amounts; a
    lone amount, or one followed by OCR debris, is placed by its column."""
    runs: list[list[Token] | None] = []
    for it in tokens:
        if it is not None and impl_col is not None and it.cell < impl_col - 1:
            continue  # a row number or debris in the margin columns
        if it is None:
            if runs and runs[-1] is None:
                continue
            runs.append(None)
        elif runs and runs[-1] is not None:
            runs[-1].append(it)
        else:
            runs.append([it])
    nums = [r for r in runs if r is not None]
    if not nums:
        return [], []
    last = nums[-1]
    if runs[-1] is None:
        if len(nums) >= 2 and annual_col is not None and last[0].cell >= annual_col:
            return _impl_of(nums[-2], runs, impl_col), _tail(last)
        return _impl_of(last, runs, impl_col), []
    if len(runs) >= 3 and runs[-3] is not None:
        return _impl_of(runs[-3], runs, impl_col), _tail(last)
    gaps = [i for i in range(1, len(last)) if not _adjacent(last[i - 1], last[i])]
    if gaps:
        return [last[0]], _tail(last[gaps[-1] :])
    if len(last) == 1 or (len(last) == 2 and _joinable(last[0], last[1])):
        if annual_col is not None and last[0].cell < annual_col:
            return (last, []) if len(last) == 1 else ([], last)
        return [], last
    return [last[0]], _tail(last[1:])


def _impl_of(run: list[Token], runs: list[list[Token] | None], impl_col: int | None) -> list[Token]:
    """The 实施期 amount of a run of numbers.

    Beside the total row's 实施期 column when it is known (junk row numbers sit left of it, OCR debris
    right of it); else the last cell of the run, which on the total row follows the junk. A merged
    scan stacks the amounts of the rows below in the same cell (``15,000 0 0 15,000``): the first
    token of the cell is this row's."""
    if impl_col is None:
        cell = run[-1].cell
    else:
        if run is runs[0]:
            run = [t for t in run if t.cell >= impl_col - 1]
            if not run:
                return []
        # min(run, key=distance to impl_col): the first of the nearest (plain loops: runs are short)
        cell = run[0].cell
        dist = abs(cell - impl_col)
        for t in run:
            d = abs(t.cell - impl_col)
            if d < dist:
                cell, dist = t.cell, d
    for t in run:
        if t.cell == cell:
            return [t]
    return []  # not reached: ``cell`` is a cell of the run


def read_tokens(tokens: list[Token], line: Line) -> Reading | None:
    """The reading of a slot from its one or two tokens."""
    if not tokens:
        return None
    if len(tokens) == 1 and tokens[0].text == "0":  # most source rows
        return Reading("0", line.lineno, tokens[0].cell, _ZERO, 0, "0", 1)
    joined = tokens[0].text if len(tokens) == 1 else "".join([t.text for t in tokens])
    p = parse_number(joined)
    value = p.value
    # "".join(split()) is _SPACE.sub("", …): str.split splits on the same white space as \s
    integer_part = "".join(joined.split()).split(".", 1)[0].replace(",", "")
    # An amount in 元 is printed with 0 or 2 decimals and no leading zero: ``4.6`` or ``35.968`` is a
    # misread separator (35,968), not 4.6 元.
    leading_zero = integer_part[:1] == "0" and len(integer_part) > 1
    if value is not None and (p.precision not in (0, 2) or leading_zero):
        value = None
    flags = tuple(f for f in p.flags if f not in ("thousands", "not_a_number")) if p.flags else ()
    if len(tokens) > 1:
        flags = (*flags, "ocr_split")
    return Reading(  # positional: raw, line, cell, value, precision, digits, parts, flags
        joined if len(tokens) == 1 else "\t".join([t.text for t in tokens]),
        line.lineno,
        tokens[0].cell,
        value,
        p.precision if value is not None else 0,
        joined if joined.isascii() and joined.isdigit() else _NON_DIGIT.sub("", joined),
        len(tokens),
        flags,
    )


Split = tuple[list[Token], list[Token]]
#: row text → its tokens; the same rows (其中: 中央财政资金 ⇥ 0 ⇥ … ⇥ 0) recur from table to table
TokenMemo = dict[str, list[Token | None]]


def read_block(rows: Rows, start: int, stop: int, memo: TokenMemo | None = None) -> tuple[FundsBlock, int]:
    """The funds block whose total row is ``rows.lines[start]``, reading source rows before ``stop``.

    Source rows are recognised by their leftmost source label, else taken in template order
    (central, provincial, local, self-raised, other), skipping lines that print neither a label nor a
    number. Promises the block and the index of the first line after it."""
    memo = {} if memo is None else memo
    block = FundsBlock()
    line = rows.lines[start]
    ncells = rows.cells(start)
    impl, annual = split_row(tokens(rows.raws[start]), None, None)
    impl_col = impl[0].cell if impl else None
    annual_col = (
        annual[0].cell
        if annual
        else next((ci for ci, n in enumerate(ncells) if ci and is_annual_total_label(n)), None)
    )
    _store(block, "total", line, impl, annual)
    expected = 0
    # A labelled row that printed nothing still takes its place in the order; a merged scan may
    # print its label again on the next line, with the amounts.
    empty: str | None = None
    i = start + 1
    while i < stop and expected < len(SOURCES):
        line = rows.lines[i]
        short = rows.norms[i]
        if _LONG_CELL.search(rows.raws[i]):
            cells = zip(line.cells, rows.cells(i), strict=False)
            short = "\t".join(n for c, n in cells if len(c) <= MAX_CELL)
        src = source_of(short)
        raw = rows.raws[i]
        toks = memo.get(raw)
        if toks is None:
            toks = memo[raw] = tokens(raw)
        impl, annual = split_row(toks, impl_col, annual_col)
        i += 1
        if not impl and not annual:
            if src is not None and SOURCES.index(src) >= expected:
                expected, empty = SOURCES.index(src) + 1, src
            continue
        if src is None or (SOURCES.index(src) < expected and src != empty):
            src = SOURCES[expected]
        empty = None
        if src in block.rows:
            continue
        expected = SOURCES.index(src) + 1
        _store(block, src, line, impl, annual)
    return block, i


def _store(block: FundsBlock, slot: str, line: Line, impl: list[Token], annual: list[Token]) -> None:
    block.rows[slot] = line
    for period, toks in (("implementation", impl), ("annual", annual)):
        r = read_tokens(toks, line)
        if r is not None:
            block.readings[period, slot] = r


# --- resolving -------------------------------------------------------------------------------------


def _digits(v: Decimal, precision: int) -> str:
    return _NON_DIGIT.sub("", f"{v:.{precision}f}")


def explains(r: Reading, v: Decimal, precision: int) -> str | None:
    """How a reading that is not ``v`` still is the figure ``v``, or None.

    ``ocr_separators``: a garbled reading with the same digits (``17, 225, 82``); ``ocr_split``: a
    reading split over two cells where OCR repeated the digit at the split (``93`` ⇥ ``3, 946`` for
    93,946, even though 933,946 would parse) or, for a garbled one, added or lost one digit there."""
    d = _digits(v, precision)
    if r.value is None and r.digits == d:
        return "ocr_separators"
    if r.parts > 1:
        left, right = r.raw.split("\t", 1)
        dl, dr = _NON_DIGIT.sub("", left), _NON_DIGIT.sub("", right)
        if dl and dr and dl[-1] == dr[0] and dl + dr[1:] == d:
            return "ocr_split"
        if r.value is None and len(d) >= 4 and Indel.distance(r.digits, d) == 1:
            return "ocr_split"
    return None


@dataclass(slots=True)
class Figure:
    value: Decimal
    precision: int


def resolve_total(block: FundsBlock, project_yuan: Decimal | None, tolerance: Decimal) -> Figure | None:
    """The table's total figure from the readings that agree, or None when they do not settle it.

    Votes: each clean total reading; each clean non-zero source reading (a single-source project
    prints its total again in that row); each garbled total reading with the same digits; the project
    table's amount when within rounding. A winner needs two votes, or one uncontested total reading,
    and at least one vote from a total row or the project table."""
    votes: dict[Decimal, int] = {}
    precision: dict[Decimal, int] = {}
    eligible: set[Decimal] = set()
    totals = [r for r in (block.readings.get((p, "total")) for p in PERIODS) if r is not None]
    for (_, slot), r in block.readings.items():
        if r.value is not None and (slot == "total" or r.value):
            votes[r.value] = votes.get(r.value, 0) + 1
            precision.setdefault(r.value, r.precision)
            if slot == "total":
                eligible.add(r.value)
    for r in totals:
        if r.value is None:
            for v in votes:
                if r.digits == _digits(v, precision[v]):
                    votes[v] += 1
                    eligible.add(v)
    if project_yuan is not None:
        for v in votes:
            if abs(v - project_yuan) <= tolerance:
                votes[v] += 1
                eligible.add(v)
    ranked = sorted(((n, v) for v, n in votes.items() if v in eligible), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    n, v = ranked[0]
    if n >= 2 or (len(votes) == 1 and any(r.value == v for r in totals)):
        return Figure(v, precision[v])
    return None


@dataclass(slots=True)
class SlotResult:
    value: Decimal | None
    precision: int
    flags: list[str]
    issue: str | None = None
    kind: str = "conflict"


def _fmt(v: Decimal | None) -> str:
    return "unread" if v is None else f"{v:,}"


def _flags(r: Reading, *extra: str, valued: bool = True) -> list[str]:
    """The reading's flags plus ``extra``, once each; ``malformed`` only while the value is None."""
    if not r.flags and not extra:
        return []  # most readings: clean, nothing to add
    out = [f for f in (*r.flags, *extra) if not (valued and f == "malformed")]
    return list(dict.fromkeys(out))


def _settle(r: Reading | None, v: Decimal, precision: int, why: str) -> SlotResult:
    """A slot whose figure is known from ``why``: what its own reading says about it."""
    if r is None:
        return SlotResult(None, 0, ["unreadable"], f"not readable; {why} give {_fmt(v)}", "unreadable")
    if r.value == v:
        return SlotResult(v, precision, _flags(r))
    if (how := explains(r, v, precision)) is not None:
        return SlotResult(v, precision, _flags(r, how))
    printed = f"{_fmt(r.value)} ({r.raw!r})" if r.value is not None else repr(r.raw)
    return SlotResult(
        v,
        precision,
        _flags(r, "ocr_conflict"),
        f"read {printed} at line {r.line} cell {r.cell} but {why} give {_fmt(v)}; kept {_fmt(v)}",
    )


def _other(p: str) -> str:
    return "annual" if p == "implementation" else "implementation"


def _contested(block: FundsBlock) -> bool:
    """True when the block printed two different clean totals."""
    values = {r.value for (_, slot), r in block.readings.items() if slot == "total" and r.value is not None}
    return len(values) > 1


def resolve_block(
    block: FundsBlock, project_yuan: Decimal | None, tolerance: Decimal
) -> dict[tuple[str, str], SlotResult]:
    """Values for every slot the block printed: (period, slot) → result (see the module docstring)."""
    out: dict[tuple[str, str], SlotResult] = {}
    fig = resolve_total(block, project_yuan, tolerance)
    for p in PERIODS:
        r = block.readings.get((p, "total"))
        if fig is not None:
            out[p, "total"] = _settle(r, fig.value, fig.precision, "the other copies of the total")
        elif r is not None:
            # Two clean copies that differ are a conflict; a garbled copy nothing confirms is unread.
            kind = "conflict" if _contested(block) else "unreadable"
            out[p, "total"] = SlotResult(
                None,
                0,
                _flags(r, "ocr_conflict" if kind == "conflict" else "unreadable", valued=False),
                f"read {r.raw!r} at line {r.line} cell {r.cell}; the copies of the total agree on no value",
                kind,
            )
    # First pass: a source row settles itself when its two copies agree (or one explains the other).
    pending: dict[tuple[str, str], set[Decimal]] = {}
    readings = block.readings
    for src in SOURCES:
        for p in PERIODS:
            own, other = readings.get((p, src)), readings.get((_other(p), src))
            if own is None:
                continue
            settled = _pair(own, other, p)
            if settled is not None:
                out[p, src] = settled
            else:
                pending[p, src] = {x.value for x in (own, other) if x is not None and x.value is not None}
    # Second pass: the identity 资金总额 = Σ sources settles what the copies could not, and rejects
    # a lone uncorroborated non-zero reading that alone breaks it (debris in an empty 其他资金 row).
    if fig is not None:
        for p in PERIODS:
            _sum_rule(block, p, fig, out, pending)
            _reject_lone(block, p, fig, out)
    for p, src in pending:
        if (p, src) in out:
            continue
        own = block.readings[p, src]
        other = block.readings.get((_other(p), src))
        seen = "; ".join(f"{_fmt(x.value)} ({x.raw!r}, line {x.line})" for x in (own, other) if x is not None)
        out[p, src] = SlotResult(
            None,
            0,
            _flags(own, "ocr_conflict" if other else "unreadable", valued=False),
            f"readings {seen} disagree and the total does not settle them",
            "conflict" if other else "unreadable",
        )
    return out


def _pair(own: Reading, other: Reading | None, p: str) -> SlotResult | None:
    """A source slot settled by its own reading and the other period's copy, or None when they
    disagree (or neither is a clean amount)."""
    if own.value is not None and (
        other is None or other.value == own.value or explains(other, own.value, own.precision)
    ):
        return SlotResult(own.value, own.precision, _flags(own))
    if other is not None and other.value is not None and explains(own, other.value, other.precision):
        return _settle(own, other.value, other.precision, f"the {PERIOD_LABEL[_other(p)]} copy")
    return None


def _sum_rule(
    block: FundsBlock,
    p: str,
    fig: Figure,
    out: dict[tuple[str, str], SlotResult],
    pending: dict[tuple[str, str], set[Decimal]],
) -> None:
    """Settles the open source slots of period ``p`` when exactly one choice among the values their
    two copies printed makes the sources add up to the total."""
    if not pending:
        return  # most blocks: every source settled by its copies
    open_slots = [s for s in SOURCES if (p, s) in pending]
    if not open_slots:
        return
    need = fig.value - sum(
        (out[p, s].value or Decimal(0)) for s in SOURCES if (p, s) in out and (p, s) not in pending
    )
    choices: list[list[Decimal]] = []
    for src in open_slots:
        cands = set(pending[p, src])
        counterpart = out.get((_other(p), src))
        if counterpart is not None and counterpart.value is not None:
            cands.add(counterpart.value)
        own = block.readings[p, src]
        if len(open_slots) == 1 and explains(own, need, fig.precision):
            cands.add(need)
        if not cands:
            return
        choices.append(sorted(cands))
    fits = [c for c in itertools.islice(itertools.product(*choices), 4096) if sum(c, Decimal(0)) == need]
    if len(fits) != 1:
        return
    for src, v in zip(open_slots, fits[0], strict=True):
        out[p, src] = _settle(block.readings[p, src], v, fig.precision, "the total less the other sources")


def _reject_lone(block: FundsBlock, p: str, fig: Figure, out: dict[tuple[str, str], SlotResult]) -> None:
    """Unsettles a non-zero source printed once (no copy on the other side) when it is exactly what
    makes the sources exceed the total: a number in an empty row is debris, not evidence."""
    values = {s: out[p, s].value for s in SOURCES if (p, s) in out}
    if not values or None in values.values():
        return
    excess = sum(values.values(), Decimal(0)) - fig.value  # type: ignore[arg-type]
    lone = [s for s, v in values.items() if v and v == excess and (_other(p), s) not in block.readings]
    if excess and len(lone) == 1:
        r = block.readings[p, lone[0]]
        out[p, lone[0]] = SlotResult(
            None,
            0,
            _flags(r, "ocr_conflict", valued=False),
            f"read {_fmt(r.value)} ({r.raw!r}) at line {r.line} cell {r.cell}, printed once, but the total "
            f"and the other sources leave nothing for it",
        )


def amounts(
    block: FundsBlock, results: dict[tuple[str, str], SlotResult], file: str, where: str
) -> tuple[dict[str, dict[str, Amount]], list[ExtractionIssue]]:
    """The ``funds`` of a PerformanceTarget, and an issue for every slot read with a doubt."""
    funds: dict[str, dict[str, Amount]] = {}
    issues: list[ExtractionIssue] = []
    total_row = block.rows.get("total")
    for p in PERIODS:
        total = results.get((p, "total"))
        parts = [results[p, s].value for s in SOURCES if (p, s) in results]
        if total is None or total.value is None or not parts or None in parts:
            continue
        added = sum(parts, Decimal(0))  # type: ignore[arg-type]
        if added != total.value:
            issues.append(
                ExtractionIssue(
                    kind="note",
                    message=f"{where}: {PERIOD_LABEL[p]} sources as read add up to {_fmt(added)}, "
                    f"not the total {_fmt(total.value)}",
                    where=Provenance(file=file, line=total_row.lineno if total_row else None),
                )
            )
    for (p, slot), res in results.items():
        r = block.readings.get((p, slot))
        row = block.rows.get(slot)
        raw = r.raw if r else ""
        line = r.line if r else (row.lineno if row else None)
        prov = Provenance(file, None, line, r.cell if r else None, raw)
        funds.setdefault(p, {})[slot] = Amount(res.value, "元", res.precision, raw, prov, res.flags)
        if res.issue:
            issues.append(
                ExtractionIssue(
                    kind=res.kind,  # type: ignore[arg-type]
                    message=f"{where}: {PERIOD_LABEL[p]}{SLOT_LABEL[slot]} {res.issue}",
                    where=prov,
                )
            )
    return funds, issues
