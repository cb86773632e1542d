"""Readers: one per input format, each turning bytes into a :class:`Document`.

:func:`load` chooses the reader by content (not only by extension) and joins several files of
one disclosure (e.g. narrative and tables published separately) into one Document.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from yusuan.read.document import Document, Line
from yusuan.read.errors import NotADisclosureError, ReadError, YusuanError

__all__ = ["Document", "Line", "NotADisclosureError", "ReadError", "YusuanError", "load", "sniff"]

#: the largest input read, to refuse a wrong file before reading it all into memory
MAX_BYTES = 200 * 1024 * 1024
#: PNG, JPEG, little- and big-endian TIFF: scans read by OCR (:mod:`yusuan.read.ocr`)
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def sniff(data: bytes) -> str:
    """The input format from the first bytes: ``pdf``, ``xlsx``, ``html``, ``image`` (PNG, JPEG,
    TIFF), ``text`` or ``binary``."""
    head = data[:2048]
    if head.lstrip().startswith(b"%PDF"):
        return "pdf"
    if head.startswith(_IMAGE_MAGIC):
        return "image"
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")) or b"<table" in head.lower():
        return "html"
    if b"\x00" in head:
        return "binary"
    for enc in ("utf-8", "gb18030"):
        try:
            data[:65536].decode(enc)
            return "text"
        except UnicodeDecodeError as e:
            if e.start > 65536 - 4:  # cut inside a character at the probe's end
                return "text"
    return "binary"


def _read_one(path: str) -> Document:
    p = Path(path)
    if not p.exists():
        raise ReadError(path, "file not found", message_zh="文件不存在")
    if p.is_dir():
        raise ReadError(path, "is a directory", message_zh="这是一个文件夹,不是文件")
    size = p.stat().st_size
    if size == 0:
        raise ReadError(path, "empty file", message_zh="文件为空")
    if size > MAX_BYTES:
        raise ReadError(path, "file too large", message_zh=f"文件过大({size // 1048576} MB)")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise ReadError(path, "cannot read file", message_zh=f"无法读取文件: {e.strerror}") from e
    sha = hashlib.sha256(data).hexdigest()
    fmt = sniff(data)
    if fmt == "pdf":
        from yusuan.read.pdf import read_pdf

        return read_pdf(data, path, sha)
    if fmt == "xlsx":
        from yusuan.read.xlsx import read_xlsx

        return read_xlsx(data, path, sha)
    if fmt == "html":
        from yusuan.read.html import read_html

        return read_html(data, path, sha)
    if fmt == "image":
        from yusuan.read.ocr import read_image  # raises ReadError when the OCR extra is missing

        return read_image(data, path, sha)
    if fmt == "binary":
        raise ReadError(
            path,
            "binary file of an unknown format",
            message_zh="不是可识别的文件格式(既非文本,也非PDF、Excel或HTML)",
        )
    from yusuan.read.text import read_text

    doc = read_text(data, path, sha)
    if not any(not line.is_blank for line in doc.lines):
        raise ReadError(path, "file holds only white space", message_zh="文件只有空白,没有内容")
    return doc


def load(paths: list[str] | str) -> Document:
    """Read one disclosure given as one or several files."""
    if isinstance(paths, str):
        paths = [paths]
    if not paths:
        raise ValueError("no input file")
    docs = [_read_one(p) for p in paths]
    if len(docs) == 1:
        return docs[0]
    lines = [line for d in docs for line in d.lines]
    sha = hashlib.sha256("".join(d.sha256 for d in docs).encode()).hexdigest()
    pages = sum(d.pages or 0 for d in docs) or None
    return Document(
        files=[f for d in docs for f in d.files],
        sha256=sha,
        format="+".join(sorted({d.format for d in docs})),
        lines=lines,
        pages=pages,
        notes=[n for d in docs for n in d.notes],
    )
