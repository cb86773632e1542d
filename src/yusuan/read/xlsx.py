"""Reader for Excel workbooks (.xlsx), on openpyxl in read-only mode.

One :class:`~yusuan.read.document.Line` per sheet row: ``page`` is the 1-based sheet index,
``lineno`` the row number in the sheet, and ``cells`` the row's values as text, every row of a
sheet padded to the same width. A merged range keeps its value in its first cell only (that
is how the file stores it). Cached formula results are read, not formulas.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from yusuan.read.document import Document, Line
from yusuan.read.errors import ReadError
from yusuan.read.pdf import normalise_text

# Stop reading a sheet after this many blank rows in a row: formatted-but-empty sheets can
# claim a million rows.
_MAX_BLANK_RUN = 1000
_DECIMALS = re.compile(r"0\.(0+)")


def read_xlsx(data: bytes, name: str, sha256: str) -> Document:
    """Read every worksheet of an .xlsx workbook into lines of cells.

    Promises: rows in sheet order, blank rows inside a sheet kept as blank lines (trailing
    ones dropped), numbers written as shown by their number format's decimals without
    thousands separators (``13907.78``, ``12.5%``), dates as ISO dates, text normalised like
    the PDF reader (full-width digits and punctuation to ASCII). ``notes`` name each sheet.

    Raises :class:`ReadError` when the bytes are not a readable .xlsx (a legacy .xls, an
    encrypted workbook, a corrupt zip).
    """
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ReadError(
            name,
            "legacy .xls or encrypted workbook (OLE file): save it as .xlsx",
            message_zh="旧版.xls或加密的工作簿(OLE格式)，请另存为.xlsx",
        )
    try:
        import openpyxl

        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, TypeError) as exc:
        raise ReadError(
            name,
            f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})",
            message_zh="不是可读取的.xlsx工作簿",
        ) from exc
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on corrupt XML
        raise ReadError(
            name, f"corrupt .xlsx workbook ({type(exc).__name__}: {exc})", message_zh=".xlsx工作簿已损坏"
        ) from exc
    doc = Document(files=[name], sha256=sha256, format="xlsx")
    try:
        sheets = wb.worksheets
        doc.pages = len(sheets)
        for index, ws in enumerate(sheets, start=1):
            state = getattr(ws, "sheet_state", "visible")
            doc.notes.append(f"sheet {index}: {ws.title}" + (f" ({state})" if state != "visible" else ""))
            try:
                doc.lines.extend(_sheet_lines(ws, index, name))
            except Exception as exc:  # noqa: BLE001 - corrupt sheet XML surfaces as anything
                raise ReadError(
                    name,
                    f"sheet {ws.title!r} could not be read ({type(exc).__name__}: {exc})",
                    page=index,
                    message_zh=f"工作表“{ws.title}”无法读取",
                ) from exc
    finally:
        wb.close()
    return doc


def _sheet_lines(ws, index: int, name: str) -> list[Line]:
    rows: list[tuple[int, list[str]]] = []
    width = 0
    blank_run = 0
    rowno = 0
    for row in ws.iter_rows():
        rowno = next((c.row for c in row if getattr(c, "row", None)), rowno + 1)
        cells = [cell_text(c.value, getattr(c, "number_format", "General")) for c in row]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            blank_run += 1
            if blank_run > _MAX_BLANK_RUN:
                break
            rows.append((rowno, []))
            continue
        blank_run = 0
        width = max(width, len(cells))
        rows.append((rowno, cells))
    while rows and not rows[-1][1]:
        rows.pop()
    width = max(width, 1)
    return [
        Line(cells=cells + [""] * (width - len(cells)), lineno=rowno, page=index, file=name)
        for rowno, cells in rows
    ]


def cell_text(value: object, number_format: str | None = "General") -> str:
    """A cell value as text: numbers with the decimals their format shows (no thousands
    separators), percentages as ``12.5%``, dates as ISO, text normalised and stripped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int) and (number_format or "General") == "General":
        return str(value)
    if isinstance(value, (int, float)):
        return _number_text(float(value), number_format or "General")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return normalise_text(str(value)).strip()


def _number_text(value: float, fmt: str) -> str:
    if value != value or value in (float("inf"), float("-inf")):
        return ""
    section = fmt.split(";")[0]
    percent = "%" in section
    shown = value * 100 if percent else value
    m = _DECIMALS.search(section)
    if m is not None:
        text = f"{shown:.{len(m.group(1))}f}"
    elif section.strip() in ("0", "#,##0", "0%") or (section != "General" and "0" in section):
        text = f"{shown:.0f}"
    else:
        # General: the shortest text for the double, after dropping binary noise
        # (13907.779999999999 is 13907.78)
        text = f"{shown:.12g}"
        if "e" in text:
            text = f"{shown:.0f}" if shown.is_integer() else repr(shown)
    if text == "-0" or re.fullmatch(r"-0\.0+", text):
        text = text[1:]
    return text + ("%" if percent else "")
