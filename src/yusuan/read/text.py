"""Reader for text extracted from a PDF.

Two shapes are common: cells separated by tabs (one printed line per text line), and cells laid
out with spaces at their printed positions (``pdftotext -layout``). Tab-separated text is split on
tabs. Space-laid-out text is cut into cells at the columns of white space that run down a whole
block of table rows, so that every row's cells land in the same columns — including rows whose
empty cells are only spaces.
"""

from __future__ import annotations

import re

from yusuan.read.document import Document, Line

_RUN2 = re.compile(r"\S+(?: \S+)*")  # tokens separated by two or more spaces
_NUMBER = re.compile(r"(?<![\w.])-?\d[\d,]*(?:\.\d+)?(?![\w.])")


def read_text(data: bytes, name: str, sha256: str) -> Document:
    """Decode ``data`` (UTF-8, with or without BOM; GB18030 as a fallback) into a Document."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    if "\r" in text:  # most files have none: skip two copies of the whole text
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    raws = text.split("\n")
    if _is_space_layout(raws):
        lines = _layout_lines(raws, name)
        return Document(files=[name], sha256=sha256, format="text", lines=lines, notes=[])
    lines = [Line(raw.split("\t"), i, None, name) for i, raw in enumerate(raws, start=1)]
    return Document(files=[name], sha256=sha256, format="text", lines=lines)


def _is_space_layout(raws: list[str]) -> bool:
    """No tabs to speak of, and many lines with several space-separated fields."""
    limit = max(3, len(raws) // 100)
    tabbed = 0
    for r in raws:
        if "\t" in r:
            tabbed += 1
            if tabbed > limit:
                return False  # the count only grows: no need to count on

    multi = sum(1 for r in raws if len(_RUN2.findall(r.replace("\u3000", "  "))) >= 3)
    return multi >= 5


def _tokens(raw: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _RUN2.finditer(raw)]


def _layout_lines(raws: list[str], name: str) -> list[Line]:
    # pdftotext marks a page break with a form feed at the start of the next page's first line;
    # table columns are laid out per page, so a block of rows never spans pages
    pages: list[int] = []
    page = 1
    for r in raws:
        page += r.count("\f")
        pages.append(page)
    has_pages = page > 1
    raws = [r.replace("\u3000", "  ").replace("\f", "").rstrip() for r in raws]
    out: list[Line | None] = [None] * len(raws)
    run: list[int] = []

    def flush() -> None:
        if run:
            for i, cells, xs in _grid(raws, run):
                out[i] = Line(cells, i + 1, pages[i] if has_pages else None, name, xs)
            run.clear()

    for i, raw in enumerate(raws):
        if run and pages[i] != pages[run[-1]]:
            flush()
        if not raw.strip():
            continue
        if len(_tokens(raw)) >= 2:
            run.append(i)
        else:
            flush()
    flush()
    return [
        line
        if line is not None
        else Line([raw.strip()] if raw.strip() else [""], i + 1, pages[i] if has_pages else None, name)
        for i, (line, raw) in enumerate(zip(out, raws, strict=True))
    ]


def _grid(raws: list[str], run: list[int]) -> list[tuple[int, list[str], list[float]]]:
    """Cut a block of table lines into the same columns."""
    data = [i for i in run if _NUMBER.search(raws[i])]
    basis = data if len(data) >= 2 else run
    width = max(len(raws[i]) for i in run)
    occupied = [False] * (width + 1)
    for i in basis:
        for s, e in _tokens(raws[i]):
            for p in range(s, e):
                occupied[p] = True
    # a single space is a column boundary only between a number and what follows it on every line
    for p in range(1, width):
        if not occupied[p]:
            continue
        sep = True
        seen = False
        for i in basis:
            r = raws[i]
            if p < len(r) and r[p] == " " and p + 1 < len(r) and r[p - 1] != " " and r[p + 1] != " ":
                seen = True
                if not r[p - 1].isdigit():
                    sep = False
                    break
            elif p < len(r) and r[p] != " ":
                sep = False
                break
        if sep and seen:
            occupied[p] = False
    cols: list[tuple[int, int]] = []
    p = 0
    while p < width:
        if occupied[p]:
            s = p
            while p < width and occupied[p]:
                p += 1
            cols.append((s, p))
        else:
            p += 1
    if len(cols) < 2:
        return [(i, [t.strip() for t in re.split(r"\s{2,}", raws[i].strip())], []) for i in run]
    # each column owns the space up to the middle of the gaps beside it: headers are centred over
    # their columns while numbers are right-aligned, so a label's middle finds its column this way
    bounds = [(cols[k - 1][1] + cols[k][0]) / 2 for k in range(1, len(cols))]
    out = []
    for i in run:
        r = raws[i]
        cells = [""] * len(cols)
        for s, e in _tokens(r):
            inside = [k for k, (cs, ce) in enumerate(cols) if s < ce and e > cs]
            if len(inside) > 1 and i in data:
                # a number glued to the next label by one space: cut at the column edges
                for k in inside:
                    cs, ce = cols[k]
                    part = r[max(s, cs) : min(e, ce)].strip()
                    cells[k] = (cells[k] + " " + part).strip() if cells[k] else part
                continue
            mid = (s + e) / 2
            k = sum(1 for b in bounds if mid >= b)
            tok = r[s:e].strip()
            cells[k] = (cells[k] + tok) if cells[k] else tok
        out.append((i, cells, [float(c[0]) for c in cols]))
    return out
