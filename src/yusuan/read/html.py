"""Reader for HTML pages (disclosures published as a web page), on the stdlib html.parser.

Each table row ``<tr>`` becomes one :class:`~yusuan.read.document.Line` whose cells are its
``<td>``/``<th>`` texts; a cell spanning several columns (``colspan``) or rows (``rowspan``)
keeps its text in its first position and leaves ``""`` in the others, so that every cell
stays in its column. Text outside tables becomes one-cell lines, one per block element
(``<p>``, ``<div>``, ``<h1>``, ``<li>``, ``<br>`` …). ``lineno`` is the source line where
the row or block starts.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from yusuan.read._pdf_layout import join_wrapped
from yusuan.read.document import Document, Line
from yusuan.read.errors import ReadError
from yusuan.read.pdf import normalise_text

_BLOCK = frozenset(
    (
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "br",
        "hr",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "main",
        "aside",
        "blockquote",
        "pre",
        "address",
        "figure",
        "figcaption",
        "caption",
        "form",
        "fieldset",
        "center",
    )
)
_SKIP = frozenset(("script", "style", "noscript", "template", "head", "title", "iframe", "object", "svg"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_WS = re.compile(r"\s+")
# colspan / rowspan values beyond this are treated as 1: a broken page must not make a
# million-cell row
_MAX_SPAN = 100


def decode_html(data: bytes) -> str:
    """Decode an HTML page: byte-order mark, then strict UTF-8, then ``<meta charset>``, then
    GB18030.

    Strict UTF-8 is tried before the label because pages labelled GB2312 but saved as UTF-8
    are common, while Chinese GBK text that happens to be valid UTF-8 practically never occurs.
    GB2312 and GBK labels are read as GB18030 (a superset: pages labelled GB2312 often hold
    GBK characters).
    """
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:4096])
    if m:
        label = m.group(1).decode("ascii", errors="ignore").lower()
        if label in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030"):
            label = "gb18030"
        try:
            codecs.lookup(label)
            return data.decode(label, errors="replace")
        except LookupError:
            pass
    return data.decode("gb18030", errors="replace")


@dataclass
class _Table:
    row: list[str] | None = None
    row_line: int = 0
    cell: list[str] | None = None
    cell_span: tuple[int, int] = (1, 1)
    layout: bool = False  # the open cell holds a nested table: its text is prose, not a value
    # column -> rows still covered by a rowspan from above
    carry: dict[int, int] = field(default_factory=dict)


class _Parser(HTMLParser):
    def __init__(self, name: str):
        super().__init__(convert_charrefs=True)
        self.name = name
        self.lines: list[Line] = []
        self.tables: list[_Table] = []
        self.prose: list[str] = []
        self.prose_line = 0
        self.skip = 0

    # -- prose -----------------------------------------------------------------------------
    def _flush_prose(self) -> None:
        text = _WS.sub(" ", "".join(self.prose)).strip()
        if text:
            self.lines.append(Line(cells=[normalise_text(text)], lineno=self.prose_line or 1, file=self.name))
        self.prose = []

    def _text_target(self) -> list[str] | None:
        t = self.tables[-1] if self.tables else None
        if t is not None and t.cell is not None and not t.layout:
            return t.cell
        return None

    # -- tables ----------------------------------------------------------------------------
    def _start_row(self, t: _Table) -> None:
        if t.row is not None:
            self._end_row(t)
        t.row = []
        t.row_line = self.getpos()[0]
        self._fill_carry(t)

    def _fill_carry(self, t: _Table) -> None:
        """Put "" in the columns that a rowspan from an earlier row still covers."""
        assert t.row is not None
        while t.carry.get(len(t.row), 0) > 0:
            t.carry[len(t.row)] -= 1
            t.row.append("")

    def _end_cell(self, t: _Table) -> None:
        if t.cell is None:
            return
        if t.row is None:
            self._start_row(t)
        assert t.row is not None
        if t.layout:
            self._flush_prose()
            text = ""
        else:
            pieces = [_WS.sub(" ", p).strip() for p in "".join(t.cell).split("\n")]
            text = ""
            for p in pieces:
                text = join_wrapped(text, p)
            text = normalise_text(text)
        colspan, rowspan = t.cell_span
        start = len(t.row)
        t.row.append(text)
        t.row.extend([""] * (colspan - 1))
        if rowspan > 1:
            for c in range(start, start + colspan):
                t.carry[c] = rowspan - 1
        t.cell = None
        t.layout = False
        self._fill_carry(t)

    def _end_row(self, t: _Table) -> None:
        self._end_cell(t)
        if t.row is not None and any(c for c in t.row):
            self.lines.append(Line(cells=t.row, lineno=t.row_line or 1, file=self.name))
        t.row = None
        # rows covered by a rowspan that reach past the last <tr> simply end here

    # -- parser callbacks ------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag == "table":
            outer = self.tables[-1] if self.tables else None
            if outer is not None and outer.cell is not None and not outer.layout:
                # a table inside a cell: the outer table is page layout, its cell is not a value
                self.prose.append("".join(outer.cell))
                outer.cell = []
                outer.layout = True
            self._flush_prose()
            self.tables.append(_Table())
            return
        if not self.tables and tag in ("tr", "td", "th"):
            self.tables.append(_Table())  # a row outside any <table>: be lenient
        t = self.tables[-1] if self.tables else None
        if t is not None and tag == "tr":
            self._flush_prose()
            self._start_row(t)
        elif t is not None and tag in ("td", "th"):
            self._flush_prose()
            self._end_cell(t)
            if t.row is None:
                self._start_row(t)
            a = dict(attrs)
            t.cell = []
            t.cell_span = (_span(a.get("colspan")), _span(a.get("rowspan")))
        elif tag in _BLOCK:
            target = self._text_target()
            if target is not None:
                target.append("\n")  # a line break inside a cell: rejoined as wrapped text
            else:
                self._flush_prose()
                self.prose_line = self.getpos()[0]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _SKIP and self.skip:
            self.skip -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        t = self.tables[-1] if self.tables else None
        if tag == "table" and t is not None:
            self._end_row(t)
            self.tables.pop()
            self._flush_prose()
        elif tag in ("td", "th") and t is not None:
            self._end_cell(t)
        elif tag == "tr" and t is not None:
            self._end_row(t)
        elif tag in _BLOCK:
            target = self._text_target()
            if target is not None:
                target.append("\n")
            else:
                self._flush_prose()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        target = self._text_target()
        if target is not None:
            target.append(data)
            return
        if not self.prose or not "".join(self.prose).strip():
            self.prose_line = self.getpos()[0]
        self.prose.append(data)

    def close(self) -> None:
        super().close()
        while self.tables:
            self._end_row(self.tables.pop())
        self._flush_prose()


def _span(value: str | None) -> int:
    try:
        n = int(str(value).strip().rstrip(";")) if value is not None else 1
    except ValueError:
        return 1
    return n if 1 <= n <= _MAX_SPAN else 1


def read_html(data: bytes, name: str, sha256: str) -> Document:
    """Read an HTML page into lines: one per table row (cells in column order, spans padded
    with ``""``) and one one-cell line per block of text outside tables.

    Text is decoded by BOM / ``<meta charset>`` / UTF-8 / GB18030 and normalised like the PDF
    reader. Raises :class:`ReadError` only when the bytes are plainly not text (a binary file).
    """
    if b"\x00" in data[:1024] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ReadError(name, "not an HTML page (binary data)", message_zh="不是HTML网页（二进制数据）")
    text = decode_html(data)
    parser = _Parser(name)
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError) as exc:  # html.parser is lenient; keep any surprise typed
        raise ReadError(name, f"HTML could not be parsed ({exc})", message_zh="HTML无法解析") from exc
    return Document(files=[name], sha256=sha256, format="html", lines=parser.lines)
