"""The reader's output: a document as lines of cells, with where each came from.

Every reader (text extracted from a PDF, a PDF text layer, OCR, Excel, HTML) produces a
:class:`Document`. Readers know nothing of what the tables mean; the extractors turn a
Document into a :class:`yusuan.model.Disclosure`.

A line is a list of cells: for tab-separated text, the tab-separated fields; for a PDF, the
cells rebuilt from character positions; for a spreadsheet, the cells of one row. A line of
prose is a line with one cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Line:
    """One printed line (or table row) of the document.

    ``lineno`` is 1-based within the source file for text inputs, and within the page for
    PDFs; ``page`` is 1-based when the input has pages. ``cells`` are the raw cell texts,
    in reading order. ``x`` optionally gives each cell's left edge in points (PDF only).
    """

    cells: list[str]
    lineno: int
    page: int | None = None
    file: str = ""
    x: list[float] | None = None
    ocr: bool = False

    @property
    def text(self) -> str:
        """The line as printed: cells joined by a tab."""
        return "\t".join(self.cells)

    @property
    def is_blank(self) -> bool:
        return not any(c.strip() for c in self.cells)


@dataclass(slots=True)
class Document:
    """A whole input (or several files of one disclosure), as lines."""

    files: list[str]
    sha256: str
    format: str  # "text", "pdf", "xlsx", "html", "image"
    lines: list[Line] = field(default_factory=list)
    pages: int | None = None
    # Per-file notes from the reader, e.g. pages that needed OCR, pages that could not be read.
    notes: list[str] = field(default_factory=list)
