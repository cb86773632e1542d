"""Reader for text extracted from a PDF: one line per printed line, cells separated by tabs."""

from __future__ import annotations

from yusuan.read.document import Document, Line


def read_text(data: bytes, name: str, sha256: str) -> Document:
    """Decode ``data`` (UTF-8, with or without BOM; GB18030 as a fallback) into a Document."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    raws = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [Line(raw.split("\t"), i, None, name) for i, raw in enumerate(raws, start=1)]
    return Document(files=[name], sha256=sha256, format="text", lines=lines)
