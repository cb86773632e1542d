"""Reader for PDFs with a text layer, on pypdfium2.

:func:`read_pdf` turns a PDF into a :class:`~yusuan.read.document.Document` whose lines are
printed lines or table rows (see :mod:`yusuan.read._pdf_layout` for what a line promises).
Characters and ruling lines are read through pdfium's C API directly (one ctypes call per
character and per page object) because the object wrappers cost more than the layout work.

Pages without a text layer (scans), or whose text layer maps no Unicode, are OCRed when the
extra ``yusuan[ocr]`` is installed (:mod:`yusuan.read.ocr`) and reported in ``Document.notes``
either way. Anything wrong with the file itself raises :class:`~yusuan.read.errors.ReadError`.
"""

from __future__ import annotations

import ctypes
import math
import unicodedata
from collections import Counter

import pypdfium2 as pdfium
import pypdfium2.raw as pr

from yusuan.read._pdf_layout import Glyph, OutLine, Rule, layout_page
from yusuan.read.document import Document, Line
from yusuan.read.errors import ReadError

# A page object needs a few dozen bytes at least; a page count far beyond that means a
# corrupt page tree, and walking it makes pdfium crawl.
_MIN_BYTES_PER_PAGE = 16
_MAX_PAGES = 20_000
# Per-page limits beyond which a page is reported instead of laid out (corrupt content
# streams can claim millions of objects).
_MAX_CHARS = 200_000
_MAX_OBJECTS = 200_000
_MAX_PATH_SEGMENTS = 20_000
_THIN = 2.5  # points: a filled or stroked shape thinner than this is a ruling line
_UNMAPPED = "text layer has no Unicode mapping for most characters (needs OCR)"


def read_pdf(data: bytes, name: str, sha256: str) -> Document:
    """Read a PDF's text layer into lines of cells.

    Promises: one :class:`Line` per printed line or table row, in reading order per page,
    ``page`` 1-based, ``lineno`` 1-based within the page, ``x`` the left edge of each cell in
    points from the page's left edge. Page numbers in the margins are dropped. Pages with no
    text, and pages that could not be read, are listed in ``notes`` and give no lines
    (``"page 3: no text layer"``, ``"page 4: unreadable"``).

    Raises :class:`ReadError` when the bytes are not a readable PDF (not a PDF, encrypted,
    corrupt, truncated beyond repair, no page loads); never any other exception.
    """
    if not data or b"%PDF" not in data[:1024]:
        raise ReadError(name, "not a PDF file (no %PDF header)", message_zh="不是PDF文件(缺少%PDF文件头)")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pr.FPDF_ERR_PASSWORD, pr.FPDF_ERR_SECURITY):
            raise ReadError(
                name, "PDF is encrypted (password required)", message_zh="PDF已加密，需要密码"
            ) from exc
        raise ReadError(name, f"corrupt or truncated PDF ({exc})", message_zh="PDF文件损坏或不完整") from exc
    try:
        return _read_document(pdf, data, name, sha256)
    finally:
        pdf.close()


def _read_document(pdf: pdfium.PdfDocument, data: bytes, name: str, sha256: str) -> Document:
    n_pages = pr.FPDF_GetPageCount(pdf.raw)
    if n_pages < 1:
        raise ReadError(name, "PDF has no pages", message_zh="PDF没有页面")
    if n_pages > _MAX_PAGES or n_pages > len(data) // _MIN_BYTES_PER_PAGE + 1:
        raise ReadError(
            name,
            f"implausible page count {n_pages} for {len(data)} bytes: corrupt page tree",
            message_zh=f"页数{n_pages}与文件大小不符，页面树已损坏",
        )
    doc = Document(files=[name], sha256=sha256, format="pdf", pages=n_pages)
    failed = 0
    columns: list[float] | None = None  # column grid of the last ruled table so far
    for index in range(n_pages):
        pageno = index + 1
        try:
            lines, note, columns = _read_page(pdf, index, columns)
        except Exception as exc:  # noqa: BLE001 - one bad page must not lose the others
            lines, note, columns = [], f"unreadable ({type(exc).__name__}: {exc})", None
        if note is not None and note.startswith("unreadable"):
            failed += 1
        if note in ("no text layer", _UNMAPPED):
            from yusuan.read.ocr import ocr_pdf_page  # lazily: the OCR extra is optional

            ocr_lines, note = ocr_pdf_page(pdf, index, name, note)
            if ocr_lines is not None:  # else keep what the text layer gave (if anything)
                doc.notes.append(f"page {pageno}: {note}")
                doc.lines.extend(ocr_lines)
                continue
        if note:
            doc.notes.append(f"page {pageno}: {note}")
        for lineno, ln in enumerate(lines, start=1):
            doc.lines.append(
                Line(cells=ln.cells, lineno=lineno, page=pageno, file=name, x=[round(x, 1) for x in ln.xs])
            )
    if failed == n_pages:
        raise ReadError(name, "no page of the PDF could be loaded", message_zh="PDF的所有页面都无法载入")
    return doc


def _read_page(
    pdf: pdfium.PdfDocument, index: int, columns: list[float] | None
) -> tuple[list[OutLine], str | None, list[float] | None]:
    """Lines of one page, an optional note (``"no text layer"``, ``"unreadable"`` …) and the
    column grid of its last ruled table (``columns`` is the previous page's)."""
    page = pr.FPDF_LoadPage(pdf.raw, index)
    if not page:
        return [], "unreadable", None
    try:
        box = _page_box(page)
        rotation = pr.FPDFPage_GetRotation(page) % 4 * 90
        n_objects = pr.FPDFPage_CountObjects(page)
        if n_objects > _MAX_OBJECTS:
            return [], f"skipped: {n_objects} page objects (corrupt content stream?)", None
        textpage = pr.FPDFText_LoadPage(page)
        if not textpage:
            return [], "unreadable", None
        try:
            glyphs, turn = _glyphs(textpage, box, rotation)
        finally:
            pr.FPDFText_ClosePage(textpage)
        if glyphs is None:
            return [], "skipped: too many characters (corrupt content stream?)", None
        if not glyphs:
            has_image = _has_image(page, n_objects)
            return [], ("no text layer" if has_image else "blank page (no text)"), None
        rules = _page_rules(page, n_objects, box, turn)
        _, height = _display_size(box, turn)
        note = None
        unmapped = sum(1 for g in glyphs for c in g.ch if c == "\ufffd" or "\ue000" <= c <= "\uf8ff")
        if unmapped > 0.3 * sum(len(g.ch) for g in glyphs):
            note = _UNMAPPED
        lines, columns = layout_page(glyphs, rules, height, columns)
        return lines, note, columns
    finally:
        pr.FPDF_ClosePage(page)


# ----------------------------------------------------------------------------- characters


def _safe_nfkc_table() -> dict[int, str]:
    table = {}
    for lo, hi in ((0xFF01, 0xFF5E), (0x2F00, 0x2FDF), (0xF900, 0xFAFF), (0x3000, 0x3000), (0xA0, 0xA0)):
        for u in range(lo, hi + 1):
            out = unicodedata.normalize("NFKC", chr(u))
            if out != chr(u):
                table[u] = out
    return table


_SAFE_NFKC = _safe_nfkc_table()


def normalise_text(text: str) -> str:
    """NFKC only where it is safe, for any reader: full-width ASCII forms (digits, Latin,
    ，：（）％), the ideographic and no-break spaces, Kangxi radicals and CJK compatibility
    ideographs (fonts that map 支 to ⽀) become their plain forms; Chinese text and CJK
    punctuation such as 、。“” are kept as printed."""
    return text.translate(_SAFE_NFKC)


_NORMALISE_CACHE: dict[int, str] = {}


def _normalise(u: int) -> str:
    """The character for code point ``u``, NFKC-normalised only where that is safe: full-width
    ASCII forms (digits, Latin, ，：（）％), the ideographic space, Kangxi radicals and CJK
    compatibility ideographs (fonts that map 支 to ⽀). Chinese text and CJK punctuation such
    as 、。“” are kept as printed; an invalid code point becomes U+FFFD."""
    out = _NORMALISE_CACHE.get(u)
    if out is None:
        out = "\ufffd" if 0xD800 <= u <= 0xDFFF or u > 0x10FFFF else (_SAFE_NFKC.get(u) or chr(u))
        if len(_NORMALISE_CACHE) < 100_000:
            _NORMALISE_CACHE[u] = out
    return out


Box = tuple[float, float, float, float]


def _glyphs(textpage, box: Box, page_rotation: int) -> tuple[list[Glyph] | None, int]:
    """Visible characters of a page as display-space glyphs, and the view rotation used.

    Returns ``(None, 0)`` when the page claims more characters than any real page has.
    One pass, one ctypes call per property per character: this loop is the reader's hot path.
    """
    n = pr.FPDFText_CountChars(textpage)
    if n > _MAX_CHARS:
        return None, 0
    turn = _reading_rotation(_sample_angles(textpage, n), page_rotation)
    x0, y0, x1, y1 = box
    get_box = pr.FPDFText_GetLooseCharBox
    is_generated = pr.FPDFText_IsGenerated
    rect = pr.FS_RECTF()
    prect = ctypes.byref(rect)
    cache = _NORMALISE_CACHE
    out: list[Glyph] = []
    space = hint = False
    # the run being built: characters set edge to edge with the same font box
    run: list[str] = []
    edges: list[float] = []
    r_x0 = r_x1 = r_top = r_bottom = 0.0
    r_space = r_hint = False
    for i, u in enumerate(_codes(textpage, n)):
        if u <= 0x20 or u in _SKIP:
            if u in _SPACES:
                if is_generated(textpage, i):
                    hint = True
                else:
                    space = True
            elif u == 0x0A or u == 0x0D:
                hint = False
            continue
        if not get_box(textpage, i, prect):
            continue
        lx, b, r, t = rect.left, rect.bottom, rect.right, rect.top
        # NaN fails every comparison; absurd coordinates come from corrupt matrices
        if not (-1e5 < lx <= r < 1e5 and -1e5 < b <= t < 1e5):
            continue
        if turn == 0:
            gx0, gtop, gx1, gbottom = lx - x0, y1 - t, r - x0, y1 - b
        elif turn == 90:
            gx0, gtop, gx1, gbottom = b - y0, lx - x0, t - y0, r - x0
        elif turn == 180:
            gx0, gtop, gx1, gbottom = x1 - r, b - y0, x1 - lx, t - y0
        else:
            gx0, gtop, gx1, gbottom = y1 - t, x1 - r, y1 - b, x1 - lx
        if gbottom - gtop < 0.5:
            # degenerate box (a zero-size font): give it a nominal height
            mid = (gtop + gbottom) / 2
            gtop, gbottom = mid - 5.0, mid + 5.0
        ch = cache.get(u)
        if ch is None:
            ch = _normalise(u)
        if (
            run
            and not space
            and not hint
            and gtop == r_top
            and gbottom == r_bottom
            and -0.05 * (gbottom - gtop) <= gx0 - r_x1 <= 0.15 * (gbottom - gtop)
        ):
            run.append(ch)
            edges.append(gx0)
            r_x1 = gx1
            continue
        if run:
            # The loose box spans the font's ascent to descent, so its middle tracks the
            # baseline (fonts differ by well under a tenth of the size) at no extra call.
            out.append(
                Glyph(
                    "".join(run), r_x0, r_top, r_x1, r_bottom, (r_top + r_bottom) / 2, r_space, r_hint, edges
                )
            )
        run = [ch]
        edges = [gx0]
        r_x0, r_x1, r_top, r_bottom = gx0, gx1, gtop, gbottom
        r_space, r_hint = space, hint
        space = hint = False
    if run:
        out.append(
            Glyph("".join(run), r_x0, r_top, r_x1, r_bottom, (r_top + r_bottom) / 2, r_space, r_hint, edges)
        )
    return out, turn


def _codes(textpage, n: int) -> list[int]:
    """The code of each of the ``n`` characters: one bulk call when the page text maps one to
    one onto the character list (the usual case), else one call per character."""
    if n <= 0:
        return []
    buf = (ctypes.c_ushort * (n + 1))()
    got = pr.FPDFText_GetText(textpage, 0, n, buf)
    if got == n + 1:
        codes = buf[:n]
        # surrogates mean a character outside the BMP took two slots: the mapping is off
        if not any(0xD800 <= c <= 0xDFFF for c in codes):
            return codes
    get_unicode = pr.FPDFText_GetUnicode
    return [get_unicode(textpage, i) for i in range(n)]


_SPACES = frozenset((0x20, 0xA0, 0x3000))
_SKIP = frozenset((0xA0, 0x3000, 0xFFFE, 0xFFFF))


def _sample_angles(textpage, n: int) -> Counter:
    """Quantised angles (0/90/180/270, clockwise) of up to ~100 visible characters."""
    angles: Counter = Counter()
    step = max(1, n // 100)
    get_unicode = pr.FPDFText_GetUnicode
    get_angle = pr.FPDFText_GetCharAngle
    for i in range(0, max(n, 0), step):
        if get_unicode(textpage, i) <= 0x20:
            continue
        a = get_angle(textpage, i)
        if a >= 0 and math.isfinite(a):
            angles[round(math.degrees(a) / 90) % 4 * 90] += 1
    return angles


def _reading_rotation(angles: Counter, page_rotation: int) -> int:
    """Clockwise rotation (0/90/180/270) that makes the page's dominant text read left to right.

    pdfium gives a character's angle clockwise in user space, so text is upright once the view
    is turned by minus that angle; the page's /Rotate only matters when there is no text angle.
    """
    if not angles:
        return page_rotation
    dominant = angles.most_common(1)[0][0]
    return (360 - dominant) % 360


def _page_box(page) -> tuple[float, float, float, float]:
    lx, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if pr.FPDFPage_GetCropBox(page, lx, b, r, t) or pr.FPDFPage_GetMediaBox(page, lx, b, r, t):
        x0, x1 = sorted((lx.value, r.value))
        y0, y1 = sorted((b.value, t.value))
        if x1 - x0 > 1 and y1 - y0 > 1 and all(math.isfinite(v) for v in (x0, y0, x1, y1)):
            return x0, y0, x1, y1
    return 0.0, 0.0, pr.FPDF_GetPageWidthF(page) or 595.0, pr.FPDF_GetPageHeightF(page) or 842.0


def _display_size(box: tuple[float, float, float, float], turn: int) -> tuple[float, float]:
    w, h = box[2] - box[0], box[3] - box[1]
    return (h, w) if turn in (90, 270) else (w, h)


def _rect_transform(box: tuple[float, float, float, float], turn: int):
    """Function mapping a user-space rectangle (left, bottom, right, top) to display
    (x0, top, x1, bottom) for a view turned clockwise by ``turn`` (as in :func:`_glyphs`)."""
    x0, y0, x1, y1 = box
    if turn == 90:
        return lambda lx, b, r, t: (b - y0, lx - x0, t - y0, r - x0)
    if turn == 180:
        return lambda lx, b, r, t: (x1 - r, b - y0, x1 - lx, t - y0)
    if turn == 270:
        return lambda lx, b, r, t: (y1 - t, x1 - r, y1 - b, x1 - lx)
    return lambda lx, b, r, t: (lx - x0, y1 - t, r - x0, y1 - b)


def _has_image(page, n_objects: int) -> bool:
    for i in range(min(n_objects, 5000)):
        obj = pr.FPDFPage_GetObject(page, i)
        if obj and pr.FPDFPageObj_GetType(obj) in (pr.FPDF_PAGEOBJ_IMAGE, pr.FPDF_PAGEOBJ_FORM):
            return True
    return False


# ----------------------------------------------------------------------------- ruling lines


def _page_rules(page, n_objects: int, box: tuple[float, float, float, float], turn: int) -> list[Rule]:
    """Thin filled or stroked shapes (table rulings) in display coordinates."""
    rect_t = _rect_transform(box, turn)
    rects: list[tuple[float, float, float, float]] = []
    budget = [_MAX_PATH_SEGMENTS]
    get_object = pr.FPDFPage_GetObject
    get_type = pr.FPDFPageObj_GetType
    path, form = pr.FPDF_PAGEOBJ_PATH, pr.FPDF_PAGEOBJ_FORM
    forms: list[tuple[object, tuple[float, ...] | None]] = []
    for i in range(n_objects):
        obj = get_object(page, i)
        kind = get_type(obj) if obj else -1
        if kind == path:
            _path_rects(obj, None, rects, budget)
        elif kind == form:
            forms.append((obj, None))
    # objects inside a form XObject are in the form's space: carry its matrix along (4 deep)
    while forms:
        obj, outer = forms.pop()
        m = _obj_matrix(obj)
        if m is None:
            continue
        depth = 0 if outer is None else outer[6]
        full = m if outer is None else (*_compose(m, outer)[:6], depth + 1)
        for k in range(min(pr.FPDFFormObj_CountObjects(obj), _MAX_OBJECTS)):
            sub = pr.FPDFFormObj_GetObject(obj, k)
            kind = get_type(sub) if sub else -1
            if kind == path:
                _path_rects(sub, full, rects, budget)
            elif kind == form and depth < 4:
                forms.append((sub, full))
    rules: list[Rule] = []
    for lx, b, r, t in rects:
        x0, top, x1, bottom = rect_t(lx, b, r, t)
        w, h = x1 - x0, bottom - top
        if h <= _THIN and w > h:
            rules.append(Rule(True, (top + bottom) / 2, x0, x1))
        elif w <= _THIN and h > w:
            rules.append(Rule(False, (x0 + x1) / 2, top, bottom))
    return rules


def _obj_matrix(obj) -> tuple[float, ...] | None:
    m = pr.FS_MATRIX()
    if not pr.FPDFPageObj_GetMatrix(obj, m):
        return None
    return (m.a, m.b, m.c, m.d, m.e, m.f, 0)


def _compose(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    """Matrix applying ``inner`` then ``outer`` (PDF row-vector convention)."""
    a1, b1, c1, d1, e1, f1 = inner[:6]
    a2, b2, c2, d2, e2, f2 = outer[:6]
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
        0,
    )


def _apply(m: tuple[float, ...] | None, x: float, y: float) -> tuple[float, float]:
    if m is None:
        return x, y
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _bounds(obj, m: tuple[float, ...] | None) -> tuple[float, float, float, float] | None:
    lx, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not pr.FPDFPageObj_GetBounds(obj, lx, b, r, t):
        return None
    vals = (lx.value, b.value, r.value, t.value)
    if not all(math.isfinite(v) and abs(v) < 1e6 for v in vals):
        return None
    if m is None:
        return vals
    pts = [_apply(m, x, y) for x in (vals[0], vals[2]) for y in (vals[1], vals[3])]
    return min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts), max(p[1] for p in pts)


def _path_rects(obj, form_m, out: list[tuple[float, float, float, float]], budget: list[int]) -> None:
    """Append the thin rectangles (left, bottom, right, top) a path draws: the path itself when
    it is a thin line or bar; else each thin sub-path, and each straight axis-aligned edge of a
    stroked one (a box drawn round a cell). Curves (a seal, a logo) and diagonals draw none."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pr.FPDFPath_GetDrawMode(obj, fill, stroke) or (not fill.value and not stroke.value):
        return  # invisible (a clip path or an artefact)
    bounds = _bounds(obj, form_m)
    if bounds is None:
        return
    lx, b, r, t = bounds
    w, h = r - lx, t - b
    if min(w, h) <= _THIN and max(w, h) > _THIN:
        out.append(bounds)
        return
    if max(w, h) <= _THIN:
        return  # a dot
    n = pr.FPDFPath_CountSegments(obj)
    if n <= 0 or n > budget[0]:
        return
    if n <= 5 and not stroke.value:
        return  # a filled box: a cell's shading, not a rule
    budget[0] -= n
    m = _obj_matrix(obj)
    if m is None:
        return
    if form_m is not None:
        m = _compose(m, form_m)
    _walk_segments(obj, n, m, bool(stroke.value), out)


def _walk_segments(
    obj, n: int, m: tuple[float, ...], stroked: bool, out: list[tuple[float, float, float, float]]
) -> None:
    """Sub-paths of a path: thin ones are rules; straight axis-aligned edges of a stroked one
    are rules too (closing edge included). A sub-path with a curve draws none."""
    x, y = ctypes.c_float(), ctypes.c_float()
    sub: list[tuple[float, float]] = []

    curved = False

    def flush(closed: bool = False) -> None:
        nonlocal curved
        if len(sub) >= 2 and not curved:
            xs = [p[0] for p in sub]
            ys = [p[1] for p in sub]
            lx, b, r, t = min(xs), min(ys), max(xs), max(ys)
            if min(r - lx, t - b) <= _THIN and max(r - lx, t - b) > _THIN:
                out.append((lx, b, r, t))
            elif stroked:
                pts = [*sub, sub[0]] if closed else sub
                for (xa, ya), (xb, yb) in zip(pts, pts[1:], strict=False):
                    straight = abs(xa - xb) <= 0.5 or abs(ya - yb) <= 0.5
                    if straight and max(abs(xa - xb), abs(ya - yb)) > _THIN:
                        out.append((min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb)))
        sub.clear()
        curved = False

    for k in range(n):
        seg = pr.FPDFPath_GetPathSegment(obj, k)
        if not seg or not pr.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        if not (math.isfinite(x.value) and math.isfinite(y.value)):
            continue
        kind = pr.FPDFPathSegment_GetType(seg)
        if kind == pr.FPDF_SEGMENT_MOVETO:
            flush()
        elif kind == pr.FPDF_SEGMENT_BEZIERTO:
            curved = True
        sub.append(_apply(m, x.value, y.value))
        if pr.FPDFPathSegment_GetClose(seg):
            flush(closed=True)
    flush()
