"""Rebuild printed lines and table cells from character boxes and ruling lines.

Pure geometry, no pdfium: :mod:`yusuan.read.pdf` extracts glyphs and rules in *display*
coordinates (points, origin top-left, y growing downwards, text reading left to right) and
calls :func:`layout_page`, which returns the page's lines top to bottom.

What a returned line promises:

* a table row is one line whose cells are the table's cells in column order, padded with
  ``""`` to the table's column grid (a merged cell's text sits in its first column);
* text wrapped inside a cell (a long row name over two or three lines) is rejoined to its row;
* a title or prose line is one line with a single cell; a free-standing line with wide gaps
  (``编制部门：XX        单位：元``) is split at the gaps.

Tables are found from ruling lines when the page has them (each row band between two
horizontal rules is one row, each span between two vertical rules one cell) and otherwise
from the x-alignment of gap-separated segments across consecutive lines.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from operator import attrgetter

# A segment of text is "numeric" when it is an amount, a percentage or a count as printed in
# the tables: 1,234.56  -12.3  (5.00)  12%  0
_NUMERIC = re.compile(r"^[-−–+]?[(（]?\d[\d,，.．]*[)）]?%?$")
# Inside a number pdf text layers sometimes carry a real space after the separator
# ("35892. 39", "1, 234"); such a space is not part of the printed amount.
_SPLIT_DIGITS = re.compile(r"(?<=\d[.,]) (?=\d)")
_NUMBERISH = frozenset("0123456789.,%")
_NUMERIC_CHARS = frozenset("0123456789.,-%()（）")
_X0 = attrgetter("x0")
_BASE = attrgetter("base")


def is_numeric(text: str) -> bool:
    """True when ``text`` reads as a single amount, percentage or count."""
    return bool(_NUMERIC.match(text.replace(" ", "")))


class Glyph:
    """A run of one or more characters set edge to edge on one line, in display coordinates.

    ``top`` < ``bottom``; ``base`` is the vertical position used to group glyphs into lines
    (the baseline, or any point at a fixed place in the font's box: the reader uses the middle
    of the ascent-descent box). ``edges`` holds the left edge of each character of a run of
    several, so that a run can be cut where a table rule passes between two characters.
    The reader builds runs rather than single characters because every object costs time.
    """

    __slots__ = (
        "ch",
        "x0",
        "x1",
        "top",
        "bottom",
        "base",
        "h",
        "space_before",
        "hint_before",
        "col",
        "edges",
    )

    def __init__(
        self,
        ch: str,
        x0: float,
        top: float,
        x1: float,
        bottom: float,
        base: float,
        space_before: bool = False,
        hint_before: bool = False,
        edges: list[float] | None = None,
    ):
        self.ch = ch
        self.x0 = x0
        self.x1 = x1
        self.top = top
        self.bottom = bottom
        self.base = base
        self.h = bottom - top
        # a real space character preceded this glyph in content order
        self.space_before = space_before
        # the PDF library inferred a word gap before this glyph (a generated space)
        self.hint_before = hint_before
        self.col = -1  # scratch: grid column while a ruled table is laid out
        self.edges = edges

    def split_at(self, cuts: list[float]) -> list[Glyph]:
        """Cut the run at the x positions ``cuts`` (sorted); each character goes to the side
        its centre lies on. A single character is never cut."""
        if len(self.ch) < 2 or not cuts:
            return [self]
        edges = self.edges if self.edges and len(self.edges) == len(self.ch) else None
        if edges is None:
            w = (self.x1 - self.x0) / len(self.ch)
            edges = [self.x0 + i * w for i in range(len(self.ch))]
        rights = [*edges[1:], self.x1]
        pieces: list[Glyph] = []
        start = 0
        region = bisect.bisect_right(cuts, (edges[0] + rights[0]) / 2)
        for i in range(1, len(self.ch)):
            r = bisect.bisect_right(cuts, (edges[i] + rights[i]) / 2)
            if r != region:
                pieces.append(self._piece(start, i, edges, rights, start == 0))
                start, region = i, r
        pieces.append(self._piece(start, len(self.ch), edges, rights, start == 0))
        return pieces

    def _piece(self, i: int, j: int, edges: list[float], rights: list[float], first: bool) -> Glyph:
        return Glyph(
            self.ch[i:j],
            edges[i],
            self.top,
            rights[j - 1],
            self.bottom,
            self.base,
            self.space_before if first else False,
            self.hint_before if first else False,
            edges[i:j],
        )

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Glyph({self.ch!r}, x={self.x0:.1f}-{self.x1:.1f}, base={self.base:.1f})"


@dataclass(slots=True)
class Rule:
    """A ruling line: horizontal when ``horizontal``; ``pos`` is its y (or x), ``a``-``b`` its extent."""

    horizontal: bool
    pos: float
    a: float
    b: float


@dataclass(slots=True)
class OutLine:
    """A rebuilt line: cells, each cell's left edge, and the line's vertical extent."""

    cells: list[str]
    xs: list[float]
    top: float
    bottom: float
    base: float = 0.0
    h: float = 10.0
    in_table: bool = False
    numeric: list[bool] = field(default_factory=list)


# ----------------------------------------------------------------------------- text helpers


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or o >= 0x20000


def join_wrapped(first: str, second: str) -> str:
    """Join two pieces of text that were one cell wrapped over two lines.

    Chinese is joined without a space (a wrap inside 社会保障和就业 / 支出 is not a word
    break); two Latin/digit pieces are joined with one.
    """
    if not first:
        return second
    if not second:
        return first
    if _is_cjk(first[-1]) or _is_cjk(second[0]):
        return first + second
    return first + " " + second


def _text_of(glyphs: list[Glyph], h: float) -> str:
    """Text of glyphs already sorted by x on one visual line (no gap splitting here)."""
    if not glyphs:
        return ""
    parts: list[str] = [glyphs[0].ch]
    prev = glyphs[0]
    thr = 0.2 * h
    for g in glyphs[1:]:
        gap = g.x0 - prev.x1
        if gap > thr or g.space_before:
            if g.space_before and gap > -0.1 * h:
                parts.append(" ")  # a space printed as a character
            elif _is_cjk(g.ch[0]) and _is_cjk(prev.ch[-1]):
                # letter-spaced Chinese (行 政 事 业 单 位 justified in a cell) is one word;
                # only a gap wider than half a character separates words
                if gap > 0.6 * h or (g.hint_before and gap > 0.35 * h):
                    parts.append(" ")
            elif gap > 0.2 * h and not (prev.ch[-1] in _NUMBERISH and g.ch[0] in _NUMBERISH):
                parts.append(" ")  # 社会工作部 2024 年度: spaced by position, not by a space char
        parts.append(g.ch)
        prev = g
    text = "".join(parts).strip()
    if " " in text:
        text = _SPLIT_DIGITS.sub("", re.sub(r" {2,}", " ", text))
    return text


# ----------------------------------------------------------------------------- visual lines


def _median(values: list[float]) -> float:
    s = sorted(values)
    return s[len(s) // 2] if s else 0.0


def cluster_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Group glyphs into visual lines by baseline, each sorted by x, lines top to bottom.

    Tolerant to baseline jitter (±0.35 of the glyph height). A line holding only numbers that
    sits slightly below (or above) a line it does not overlap horizontally is re-attached to it:
    PDFs that set the amounts in another font often place them a point or two off the text.
    """
    if not glyphs:
        return []
    gs = sorted(glyphs, key=_BASE)
    lines: list[list[Glyph]] = []
    cur: list[Glyph] = [gs[0]]
    ref = gs[0].base
    ref_h = gs[0].h
    for g in gs[1:]:
        if g.base - ref <= 0.35 * min(ref_h, g.h):
            cur.append(g)
        else:
            lines.append(cur)
            cur = [g]
            ref = g.base
            ref_h = g.h
    lines.append(cur)
    for ln in lines:
        ln.sort(key=_X0)
    if len(lines) > 1:
        lines = _reattach_offset_numbers(lines)
    return lines


def _line_is_numeric(line: list[Glyph]) -> bool:
    return all(c in _NUMERIC_CHARS for g in line for c in g.ch)


def _overlaps_x(a: list[Glyph], b: list[Glyph]) -> bool:
    """True when any glyph of ``a`` overlaps any glyph of ``b`` horizontally (both sorted by x)."""
    i = j = 0
    while i < len(a) and j < len(b):
        ga, gb = a[i], b[j]
        if ga.x1 - 0.5 <= gb.x0:
            i += 1
        elif gb.x1 - 0.5 <= ga.x0:
            j += 1
        else:
            return True
    return False


def _reattach_offset_numbers(lines: list[list[Glyph]]) -> list[list[Glyph]]:
    """Merge a numbers-only line into the text line just above it when they do not overlap
    horizontally and sit within 0.6 of a line height: amounts set lower in another font, or
    amounts centred beside a row name wrapped over two lines (the name's second line then
    rejoins as a continuation)."""
    out: list[list[Glyph]] = [lines[0]]
    for ln in lines[1:]:
        prev = out[-1]
        h = min(_median([g.h for g in prev]), _median([g.h for g in ln]))
        gap = _median([g.base for g in ln]) - _median([g.base for g in prev])
        if (
            gap <= 0.6 * h
            and _line_is_numeric(ln)
            and not _line_is_numeric(prev)
            and not _overlaps_x(prev, ln)
        ):
            prev.extend(ln)
            prev.sort(key=_X0)
        else:
            out.append(ln)
    return out


def split_segments(
    line: list[Glyph], gap_factor: float = 0.8, number_break: bool = False
) -> list[list[Glyph]]:
    """Split one visual line (sorted by x) where the horizontal gap exceeds ``gap_factor`` × height.

    With ``number_break``, also where an amount is followed, after a gap of a quarter of a
    character, by Chinese that is not a unit (``18,330.37  一、一般公共服务支出`` packed into
    neighbouring columns of an unruled table); ``307.82 万元`` is not split.
    """
    if not line:
        return []
    h = _median([g.h for g in line]) or 10.0
    thr = gap_factor * h
    segs: list[list[Glyph]] = [[line[0]]]
    prev = line[0]
    for g in line[1:]:
        gap = g.x0 - prev.x1
        if gap > thr or (
            number_break
            and gap > 0.25 * h
            and _is_cjk(g.ch[0])
            and g.ch[0] not in _UNITS
            and is_numeric("".join(x.ch for x in segs[-1]))
        ):
            segs.append([g])
        else:
            segs[-1].append(g)
        prev = g
    return segs


# what may follow an amount inside one cell or sentence
_UNITS = frozenset("万元亿千百个人辆台套年月日项次家名所户平米倍天份件条位公吨%％。，、；：）)")


# ----------------------------------------------------------------------------- ruling grids


@dataclass(slots=True)
class Grid:
    """A ruled table: column boundaries ``xs``, row boundaries ``ys`` and its rules."""

    xs: list[float]
    ys: list[float]
    vrules: list[Rule]
    hrules: list[Rule]

    def contains(self, g: Glyph) -> bool:
        cx = (g.x0 + g.x1) / 2
        cy = (g.top + g.bottom) / 2
        return self.xs[0] - 1 <= cx <= self.xs[-1] + 1 and self.ys[0] - 1 <= cy <= self.ys[-1] + 1


def _merge_positions(values: list[float], tol: float) -> list[float]:
    """Cluster sorted-able floats that lie within ``tol`` of their neighbour; return cluster means."""
    if not values:
        return []
    vs = sorted(values)
    groups: list[list[float]] = [[vs[0]]]
    for v in vs[1:]:
        if v - groups[-1][-1] <= tol:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [sum(g) / len(g) for g in groups]


def find_grids(rules: list[Rule], tol: float = 2.5) -> list[Grid]:
    """Group intersecting horizontal and vertical rules into table grids.

    A grid needs at least two horizontal and two vertical rules and at least two columns; a
    single framed box (a border round a paragraph or the page) is not a table.
    """
    hs = [r for r in rules if r.horizontal]
    vs = [r for r in rules if not r.horizontal]
    if len(hs) < 2 or len(vs) < 2:
        return []
    n = len(hs) + len(vs)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Sort verticals by x so that each horizontal only scans the verticals inside its extent.
    vorder = sorted(range(len(vs)), key=lambda j: vs[j].pos)
    vpos = [vs[j].pos for j in vorder]
    for i, h in enumerate(hs):
        lo = bisect.bisect_left(vpos, h.a - tol)
        hi = bisect.bisect_right(vpos, h.b + tol)
        for k in range(lo, hi):
            j = vorder[k]
            v = vs[j]
            if v.a - tol <= h.pos <= v.b + tol:
                ri, rj = find(i), find(len(hs) + j)
                if ri != rj:
                    parent[ri] = rj
    comps: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(hs):
        comps.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        comps.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    grids: list[Grid] = []
    for ch, cv in comps.values():
        if len(ch) < 2 or len(cv) < 2:
            continue
        xs = _merge_positions([v.pos for v in cv], tol)
        ys = _merge_positions([h.pos for h in ch], tol)
        # Tables drawn without outer vertical borders: the horizontal rules reach further.
        hx0 = min(h.a for h in ch)
        hx1 = max(h.b for h in ch)
        if hx0 < xs[0] - 2 * tol:
            xs.insert(0, hx0)
        if hx1 > xs[-1] + 2 * tol:
            xs.append(hx1)
        vy0 = min(v.a for v in cv)
        vy1 = max(v.b for v in cv)
        if vy0 < ys[0] - 2 * tol:
            ys.insert(0, vy0)
        if vy1 > ys[-1] + 2 * tol:
            ys.append(vy1)
        if len(xs) < 3 or len(ys) < 2:
            continue
        grids.append(Grid(xs=xs, ys=ys, vrules=cv, hrules=ch))
    grids.sort(key=lambda g: g.ys[0])
    return grids


def _col_of(xs: list[float], x: float) -> int:
    """Index of the grid column whose span holds ``x`` (clamped)."""
    i = bisect.bisect_right(xs, x) - 1
    return max(0, min(i, len(xs) - 2))


def _present_boundaries(grid: Grid, y0: float, y1: float, tol: float = 2.5) -> list[int]:
    """Indices of the column boundaries drawn across the band ``y0``-``y1`` (outer ones always)."""
    mid = (y0 + y1) / 2
    out = [0]
    for k in range(1, len(grid.xs) - 1):
        x = grid.xs[k]
        for v in grid.vrules:
            if abs(v.pos - x) <= tol and v.a - tol <= mid <= v.b + tol:
                out.append(k)
                break
    out.append(len(grid.xs) - 1)
    return out


def _drawn_row_boundaries(grid: Grid, tol: float = 2.5) -> list[set[int]]:
    """For each row boundary ``ys[j]``, the set of columns it is drawn across."""
    mids = [(a + b) / 2 for a, b in zip(grid.xs, grid.xs[1:], strict=False)]
    out: list[set[int]] = [set(range(len(mids)))]
    for y in grid.ys[1:-1]:
        cols: set[int] = set()
        for h in grid.hrules:
            if abs(h.pos - y) <= tol:
                cols.update(k for k, m in enumerate(mids) if h.a - tol <= m <= h.b + tol)
        out.append(cols)
    return out


def layout_grid(grid: Grid, glyphs: list[Glyph]) -> list[OutLine]:
    """Turn the glyphs inside a ruled grid into one line per row band (or per visual row when
    the band holds several rows because rules are missing)."""
    ncols = len(grid.xs) - 1
    ys = grid.ys
    xs = grid.xs
    nb = len(ys) - 1
    bands: list[list[Glyph]] = [[] for _ in range(nb)]
    drawn = _drawn_row_boundaries(grid)
    inner = xs[1:-1]
    runs: list[Glyph] = []
    for g in glyphs:
        # a run of characters that crosses a column rule (text touching the rule) is cut there
        lo = bisect.bisect_right(inner, g.x0 + 0.25 * g.h)
        if len(g.ch) > 1 and lo != bisect.bisect_right(inner, g.x1 - 0.25 * g.h):
            runs.extend(g.split_at(inner))
        else:
            runs.append(g)
    for g in runs:
        b = bisect.bisect_right(ys, (g.top + g.bottom) / 2) - 1
        b = 0 if b < 0 else (nb - 1 if b >= nb else b)
        k = bisect.bisect_right(xs, (g.x0 + g.x1) / 2) - 1
        k = 0 if k < 0 else (ncols - 1 if k >= ncols else k)
        g.col = k
        # A cell merged over several row bands (no rule drawn across it in this column):
        # its text belongs to the first row it covers, like a merged spreadsheet cell.
        while b > 0 and k not in drawn[b]:
            b -= 1
        bands[b].append(g)
    out: list[OutLine] = []
    for bi, bg in enumerate(bands):
        if not bg:
            continue
        present = _present_boundaries(grid, ys[bi], ys[bi + 1])
        # span_start[k]: first grid column of the drawn cell that holds column k
        span_start = [0] * ncols
        span_end = [0] * ncols
        for a, e in zip(present, present[1:], strict=False):
            for k in range(a, e):
                span_start[k] = a
                span_end[k] = e
        lines = cluster_lines(bg) if not _one_line(bg) else [bg]
        if len(lines) > 1 and _band_holds_several_rows(lines, span_start):
            rows = [_row_from_glyphs(ln, xs, span_start, span_end) for ln in lines]
            out.extend(merge_orphans(rows))
            continue
        out.append(_row_from_glyphs(bg, xs, span_start, span_end))
    return out


def _one_line(glyphs: list[Glyph]) -> bool:
    """True when all glyphs sit on one visual line (the common case, checked cheaply)."""
    lo = hi = glyphs[0].base
    hmin = glyphs[0].h
    for g in glyphs:
        if g.base < lo:
            lo = g.base
        elif g.base > hi:
            hi = g.base
        if g.h < hmin:
            hmin = g.h
    return hi - lo <= 0.35 * hmin


def _band_holds_several_rows(lines: list[list[Glyph]], span_start: list[int]) -> bool:
    """A band holds several rows when some cell has numbers on two different visual lines."""
    seen: set[int] = set()
    for ln in lines:
        here: set[int] = set()
        for seg in split_segments(ln):
            if is_numeric("".join(g.ch for g in seg)):
                here.add(span_start[seg[len(seg) // 2].col])
        if here & seen:
            return True
        seen |= here
    return False


def _row_from_glyphs(
    glyphs: list[Glyph], xs: list[float], span_start: list[int], span_end: list[int]
) -> OutLine:
    """One row of cells (one per grid column) from the glyphs of one band or visual line."""
    ncols = len(xs) - 1
    by_span: dict[int, list[Glyph]] = {}
    for g in glyphs:
        a = span_start[g.col]
        lst = by_span.get(a)
        if lst is None:
            by_span[a] = [g]
        else:
            lst.append(g)
    cells = [""] * ncols
    cell_x: list[float | None] = [None] * ncols
    for a, gs in by_span.items():
        b = span_end[a]
        sub = [sorted(gs, key=_X0)] if _one_line(gs) else cluster_lines(gs)
        segs_per_line = None if b - a == 1 else [split_segments(ln) for ln in sub]
        if segs_per_line is None or all(len(s) == 1 for s in segs_per_line):
            # one grid column, or one piece of text centred over a merged cell: first column
            text = ""
            for ln in sub:
                text = join_wrapped(text, _text_of(ln, _median([g.h for g in ln])))
            cells[a] = join_wrapped(cells[a], text)
            x = min(g.x0 for g in gs)
            cell_x[a] = x if cell_x[a] is None else min(cell_x[a], x)
            continue
        # a drawn merge hides column rules that the text still respects: place by position
        for segs in segs_per_line:
            for seg in segs:
                c = _col_of(xs, (seg[0].x0 + seg[-1].x1) / 2)
                c = max(a, min(c, b - 1))
                cells[c] = join_wrapped(cells[c], _text_of(seg, _median([g.h for g in seg])))
                cell_x[c] = seg[0].x0 if cell_x[c] is None else min(cell_x[c], seg[0].x0)
    return OutLine(
        cells=cells,
        xs=[cell_x[i] if cell_x[i] is not None else xs[i] for i in range(ncols)],
        top=min(g.top for g in glyphs),
        bottom=max(g.bottom for g in glyphs),
        base=_median([g.base for g in glyphs]),
        h=_median([g.h for g in glyphs]),
        in_table=True,
        numeric=[is_numeric(c) for c in cells],
    )


# ----------------------------------------------------------------------------- wrapped rows


def merge_orphans(rows: list[OutLine]) -> list[OutLine]:
    """Rejoin text-only continuation lines (a wrapped row name) to the nearest data row.

    A continuation line has no number and at most two non-empty cells; it is merged into the
    vertically nearest row that has a number and lies within 1.6 line heights (the line above
    wins a tie), cell by cell in the same columns. The third line of a name wrapped over three
    lines follows the second into the row above.
    """
    if len(rows) < 2:
        return rows
    width = max(len(r.cells) for r in rows)
    keep = [True] * len(rows)

    def is_data(r: OutLine) -> bool:
        return any(r.numeric) if r.numeric else any(is_numeric(c) for c in r.cells)

    def is_orphan(r: OutLine) -> bool:
        filled = [c for c in r.cells if c]
        return 0 < len(filled) <= 2 and not any(is_numeric(c) for c in filled) and len(r.cells) == width

    data = [is_data(r) for r in rows]
    # merged_into[i]: the row that continuation line i was appended to, so that the next
    # line of a name wrapped over three lines follows it there (measured from line i)
    merged_into: dict[int, int] = {}
    for i, r in enumerate(rows):
        if data[i] or not is_orphan(r):
            continue
        best: int | None = None
        best_d = 1.6 * r.h
        for j in (i - 1, i + 1):
            if not 0 <= j < len(rows):
                continue
            t = merged_into.get(j, j) if j < i else j
            if data[t] and keep[t] and len(rows[t].cells) == width:
                d = abs(rows[j].base - r.base)
                if d < best_d:
                    best, best_d = t, d
        if best is None:
            continue
        # a continuation only extends text cells: never one holding a number in the target
        tgt = rows[best]
        if any(c and is_numeric(tgt.cells[k]) for k, c in enumerate(r.cells)):
            continue
        for k, c in enumerate(r.cells):
            if c:
                tgt.cells[k] = join_wrapped(tgt.cells[k], c) if best < i else join_wrapped(c, tgt.cells[k])
                tgt.xs[k] = min(tgt.xs[k], r.xs[k])
        tgt.top = min(tgt.top, r.top)
        tgt.bottom = max(tgt.bottom, r.bottom)
        keep[i] = False
        if best < i:
            merged_into[i] = best
    return [r for i, r in enumerate(rows) if keep[i]]


# ----------------------------------------------------------------------------- unruled text


@dataclass(slots=True)
class _Seg:
    text: str
    x0: float
    x1: float
    numeric: bool


def _segments_of(line: list[Glyph], gap_factor: float = 0.8) -> list[_Seg]:
    out = []
    for seg in split_segments(line, gap_factor, number_break=gap_factor < _PLAIN_GAP):
        h = _median([g.h for g in seg])
        text = _text_of(seg, h)
        if text:
            out.append(_Seg(text, seg[0].x0, seg[-1].x1, is_numeric(text)))
    return out


def _columns(rows: list[list[_Seg]]) -> list[tuple[float, float]]:
    """Column extents for an unruled table block from the x-overlap of its segments.

    Data rows (with an amount) define the columns, those with the most segments first; a
    segment that overlaps several existing columns (a merged header, a title) is not allowed
    to merge them. Header lines only define columns when the block has no data row: a header
    centred over a wide column must not make a column of its own.
    """
    data = [segs for segs in rows if any(s.numeric for s in segs[1:])]
    cols: list[list[float]] = []
    for segs in sorted(data or rows, key=len, reverse=True):
        for s in segs:
            hit = [c for c in cols if s.x0 < c[1] + 1 and s.x1 > c[0] - 1]
            if not hit:
                cols.append([s.x0, s.x1])
            elif len(hit) == 1:
                hit[0][0] = min(hit[0][0], s.x0)
                hit[0][1] = max(hit[0][1], s.x1)
    cols.sort()
    merged: list[list[float]] = []
    for c in cols:
        if merged and c[0] < merged[-1][1] - 1:
            merged[-1][1] = max(merged[-1][1], c[1])
        else:
            merged.append(c)
    return [(a, b) for a, b in merged]


def _place(cols: list[tuple[float, float]], s: _Seg) -> int:
    """Column for a segment: the one it overlaps most (the leftmost on a tie); a segment
    overlapping none goes to the column whose span is nearest."""
    best, best_ov = 0, -1e9
    for i, (a, b) in enumerate(cols):
        ov = min(b, s.x1) - max(a, s.x0)  # negative: the distance to the column
        if ov > best_ov + 0.5:
            best, best_ov = i, ov
    return best


_PLAIN_GAP = 2.5


def layout_free(glyphs: list[Glyph]) -> list[OutLine]:
    """Lines for glyphs outside ruled grids: prose as one-cell lines, unruled tables padded to
    the column grid found from the alignment of consecutive multi-segment lines."""
    items = [(ln, segs) for ln in cluster_lines(glyphs) if (segs := _segments_of(ln))]
    out: list[OutLine] = []
    plain_from: int | None = None  # index in ``items`` of the line last emitted as plain text
    i = 0
    while i < len(items):
        end = _table_block_end(items, i)
        if end > i:
            start = i
            # a one-cell line tight above the first row is the first half of a wrapped name
            # printed above amounts centred beside it: let the block rejoin it
            if (
                plain_from == i - 1
                and len(items[i - 1][1]) == 1
                and _line_base(items[i][0]) - _line_base(items[i - 1][0]) <= 0.8 * _line_h(items[i][0])
            ):
                out.pop()
                start = i - 1
            out.extend(_table_block(items[start:end]))
            i = end
            continue
        ln, segs = items[i]
        if len(segs) > 1:
            # outside a table only a wide gap separates cells (编制部门：XX      单位：元);
            # a heading's 第一部分  概况 stays one cell
            segs = _segments_of(ln, _PLAIN_GAP)
        out.append(_plain_line(ln, segs))
        plain_from = i
        i += 1
    return out


def _one_cell_row(seg: _Seg, lefts: list[float], tol: float = 2.0) -> bool:
    """True when ``seg`` starts at a known cell edge and ends before the next one: a table row
    with one filled cell, not a note or a sentence running across the columns."""
    if not any(abs(seg.x0 - x) <= tol for x in lefts):
        return False
    return not any(seg.x0 + tol < x < seg.x1 - tol for x in lefts)


def _line_base(ln: list[Glyph]) -> float:
    return _median([g.base for g in ln])


def _line_h(ln: list[Glyph]) -> float:
    return max(_median([g.h for g in ln]), 1.0)


def _table_block_end(items: list[tuple[list[Glyph], list[_Seg]]], i: int) -> int:
    """End (exclusive) of the unruled table starting at line ``i``, or ``i`` when none does.

    A table: consecutive lines no more than three line heights apart, at least two of them
    with several segments and an amount right of the first segment, with at most two
    one-segment lines (wrapped names, section labels) between multi-segment ones.
    """
    if len(items[i][1]) < 2:
        return i
    multi = amounts = 0
    last_multi = i
    lefts: list[float] = []  # left edges of the cells of the data rows seen so far
    for j in range(i, len(items)):
        ln, segs = items[j]
        if j > i and _line_base(ln) - _line_base(items[j - 1][0]) > 3.0 * _line_h(ln):
            break
        if len(segs) >= 2:
            multi += 1
            last_multi = j
            # a table has amounts right of its row labels; lines like "1.  目录条目" do not
            if any(s.numeric for s in segs[1:]):
                amounts += 1
                lefts.extend(s.x0 for s in segs)  # cell edges from data rows, not headers
        elif _one_cell_row(segs[0], lefts):
            last_multi = j  # a row with one filled cell, aligned with a column
        elif j - last_multi > 2:
            break
    if multi >= 2 and amounts >= 2:
        return last_multi + 1
    return i


def _plain_line(ln: list[Glyph], segs: list[_Seg]) -> OutLine:
    return OutLine(
        cells=[s.text for s in segs],
        xs=[s.x0 for s in segs],
        top=min(g.top for g in ln),
        bottom=max(g.bottom for g in ln),
        base=_median([g.base for g in ln]),
        h=_median([g.h for g in ln]),
        numeric=[s.numeric for s in segs],
    )


def _table_block(items: list[tuple[list[Glyph], list[_Seg]]]) -> list[OutLine]:
    cols = _columns([segs for _, segs in items if len(segs) >= 2])
    rows: list[OutLine] = []
    for ln, segs in items:
        cells = [""] * len(cols)
        xs = [a for a, _ in cols]
        for s in segs:
            c = _place(cols, s)
            cells[c] = join_wrapped(cells[c], s.text) if cells[c] else s.text
            xs[c] = min(xs[c], s.x0)
        rows.append(
            OutLine(
                cells=cells,
                xs=xs,
                top=min(g.top for g in ln),
                bottom=max(g.bottom for g in ln),
                base=_median([g.base for g in ln]),
                h=_median([g.h for g in ln]),
                in_table=True,
                numeric=[is_numeric(c) for c in cells],
            )
        )
    return merge_orphans(rows)


# ----------------------------------------------------------------------------- whole page

_PAGE_NUMBER = re.compile(
    r"^(?:[-－─—–_~·•\s]*\d{1,3}[-－─—–_~·•\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$",
    re.IGNORECASE,
)


def is_page_furniture(text: str) -> bool:
    """True for a page number line: ``─ 13 ─``, ``- 15 -``, ``第 3 页``, ``3/10``, a lone number
    of up to three digits (a lone ``2025`` on a cover is a year, not a page number)."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def layout_page(
    glyphs: list[Glyph], rules: list[Rule], height: float, prev_xs: list[float] | None = None
) -> tuple[list[OutLine], list[float] | None]:
    """All lines of one page, top to bottom, page numbers in the top/bottom margins removed.

    ``prev_xs`` is the column grid of the last ruled table on the previous page: a table at
    the top of this page whose drawn columns are a subset of it (a continuation whose only
    row merges some columns, like a lone 合计 row) is laid out on that fuller grid. Returns the
    lines and the column grid to hand to the next page.
    """
    grids = find_grids(rules)
    if grids and prev_xs:
        grids[0].xs = _inherit_columns(grids[0].xs, prev_xs)
    owned: list[list[Glyph]] = [[] for _ in grids]
    free: list[Glyph] = []
    for g in glyphs:
        for k, grid in enumerate(grids):
            if grid.contains(g):
                owned[k].append(g)
                break
        else:
            free.append(g)
    lines: list[OutLine] = []
    for grid, gs in zip(grids, owned, strict=False):
        if gs:
            lines.extend(layout_grid(grid, gs))
    lines.extend(layout_free(free))
    lines.sort(key=lambda ln: (ln.top + ln.bottom) / 2)
    return _drop_furniture(lines, height), (grids[-1].xs if grids else None)


def _inherit_columns(xs: list[float], prev: list[float], tol: float = 2.5) -> list[float]:
    """``prev`` when it has more columns and holds every boundary of ``xs``; else ``xs``."""
    if len(prev) <= len(xs) or abs(prev[0] - xs[0]) > tol or abs(prev[-1] - xs[-1]) > tol:
        return xs
    if all(any(abs(x - p) <= tol for p in prev) for x in xs):
        return list(prev)
    return xs


def _drop_furniture(lines: list[OutLine], height: float) -> list[OutLine]:
    if not lines:
        return lines
    margin = 0.12 * height
    out = []
    for i, ln in enumerate(lines):
        filled = [c for c in ln.cells if c]
        edge = ln.bottom < margin or ln.top > height - margin or i == 0 or i == len(lines) - 1
        if edge and not ln.in_table and len(filled) == 1 and is_page_furniture(filled[0]):
            continue
        out.append(ln)
    return out
