"""OCR for scanned PDF pages and image inputs (the optional extra ``yusuan[ocr]``).

The engine is RapidOCR on ONNX Runtime (``rapidocr-onnxruntime``): PaddleOCR's PP-OCRv4
Chinese detection and recognition models, Apache-2.0, shipped *inside* the wheel, so nothing is
fetched at run time. It is imported lazily: without the extra, :func:`available` is False, a PDF
page without a text layer is only noted (``"page 3: no text layer; install yusuan[ocr] to read
it"``) and an image input raises :class:`~yusuan.read.errors.ReadError`.

OCR gives text boxes; this module turns them into the same lines of cells the PDF reader
produces, by handing them to the PDF layout (:mod:`yusuan.read._pdf_layout`) as glyph runs,
together with the table rulings found in the image. Coordinates are converted to points first
(pixels / ``scale``), so the layout's tolerances, written for PDF points, hold for OCR too, and
``Line.x`` of an OCRed PDF page is in the same unit as that of a text page.

Text is kept as the engine read it (look-alike characters, odd spaces): the extractors match
labels fuzzily and never guess numbers. Only the safe normalisations of the PDF reader are
applied (full-width digits and punctuation to ASCII, a space after a digit separator removed).
"""

from __future__ import annotations

import functools
import importlib.util
import io
import re
import statistics
import warnings
from typing import TYPE_CHECKING, Any

from yusuan.read._pdf_layout import Glyph, Rule, layout_page
from yusuan.read.document import Document, Line
from yusuan.read.errors import ReadError

if TYPE_CHECKING:  # numpy and Pillow come with the extra; never imported at module load
    import numpy as np

#: the module that provides the engine, and how to get it
ENGINE_MODULE = "rapidocr_onnxruntime"
INSTALL_HINT = "pip install 'yusuan[ocr]'"

# The engine shrinks any image whose longer side exceeds 2000 px before detection, so rendering
# a PDF page larger than that only costs time. 2000 px on an A4 page is ~170 dpi: a 9-point
# table digit is ~21 px high, well inside what the recognition model reads reliably.
_TARGET_SIDE = 2000.0
_MIN_SCALE = 1.5
_MAX_SCALE = 3.0
# A text box whose recognition score is below this is dropped as noise (a seal, a smudge).
# The engine's default is 0.5; amounts in clean scans score > 0.95, so a lower bar mostly
# admits noise, and a higher one would silently drop amounts in poor scans.
_MIN_SCORE = 0.5
# When the image gives no dpi, points are estimated from the text: the detector's box round a
# line of 10.5-point text (the usual table size) is about 14 points high.
_BOX_HEIGHT_PT = 14.0
# Inside one detected box, a gap between two characters wider than this many box heights is a
# column break that the detector bridged (two cells close together): the box is split there.
_SPLIT_GAP = 1.2
# As in the PDF reader: "35892. 39" or "1, 234" are one amount.
_SPLIT_DIGITS = re.compile(r"(?<=\d[.,]) (?=\d)")
# Images larger than this are refused (decompression bombs); 20000 x 10000 is far beyond any scan.
_MAX_PIXELS = 200_000_000


def available() -> bool:
    """True when the OCR extra is installed (checked without importing it)."""
    try:
        return importlib.util.find_spec(ENGINE_MODULE) is not None
    except (ImportError, ValueError):
        return False


@functools.lru_cache(maxsize=1)
def _engine() -> Any:
    """The OCR engine, built once per process (loading the models takes about a second)."""
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


# ----------------------------------------------------------------------------- images


def _to_gray(image: Any) -> np.ndarray:
    """A 2-D uint8 array (white paper = 255) from a PIL image or a numpy array.

    numpy arrays are taken as Pillow gives them: 2-D grey, or H×W×3 RGB, or H×W×4 RGBA
    (transparent areas become white paper, as a viewer shows them).
    """
    import numpy as np

    if hasattr(image, "convert") and hasattr(image, "mode"):  # a PIL image
        if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
            from PIL import Image

            rgba = image.convert("RGBA")
            white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            image = Image.alpha_composite(white, rgba)
        return np.asarray(image.convert("L"), dtype=np.uint8)
    arr = np.asarray(image)
    if arr.dtype == bool:
        arr = arr.astype(np.uint8) * 255
    elif arr.dtype.kind == "f":
        arr = np.clip(arr * (255.0 if arr.max(initial=0) <= 1.0 else 1.0), 0, 255).astype(np.uint8)
    else:
        arr = arr.astype(np.uint8, copy=False)
    if arr.ndim == 3 and arr.shape[2] == 1:
        arr = arr[:, :, 0]
    if arr.ndim == 3 and arr.shape[2] in (3, 4):
        rgb = arr[:, :, :3].astype(np.float32)
        gray = rgb @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
        if arr.shape[2] == 4:
            alpha = arr[:, :, 3].astype(np.float32) / 255.0
            gray = gray * alpha + 255.0 * (1.0 - alpha)
        arr = np.clip(gray + 0.5, 0, 255).astype(np.uint8)
    if arr.ndim != 2 or arr.size == 0:
        raise ValueError(f"not an image array (shape {arr.shape})")
    return np.ascontiguousarray(arr)


# ----------------------------------------------------------------------------- text boxes


class TextBox:
    """One box the engine read, in pixels: its text and, when known, each character's left and
    right edge (``spans``, one pair per character of ``text``)."""

    __slots__ = ("text", "x0", "top", "x1", "bottom", "score", "spans")

    def __init__(self, text: str, x0: float, top: float, x1: float, bottom: float, score: float,
                 spans: list[tuple[float, float]] | None = None):
        self.text = text
        self.x0 = x0
        self.top = top
        self.x1 = x1
        self.bottom = bottom
        self.score = score
        self.spans = spans

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"TextBox({self.text!r}, x={self.x0:.0f}-{self.x1:.0f}, y={self.top:.0f}-{self.bottom:.0f})"


def recognise(gray: np.ndarray) -> list[TextBox]:
    """Run the engine on a grey image; the boxes it read with a score of at least ``_MIN_SCORE``.

    Text is normalised as in the PDF reader (full-width ASCII forms, ideographic space) and
    otherwise kept as read.
    """
    from yusuan.read.pdf import normalise_text

    result, _ = _engine()(gray, use_cls=False, return_word_box=True, text_score=_MIN_SCORE)
    out: list[TextBox] = []
    for item in result or []:
        quad, raw, score = item[0], str(item[1]), float(item[2])
        text = _SPLIT_DIGITS.sub("", normalise_text(raw)).strip()
        if not text:
            continue
        xs = [float(p[0]) for p in quad]
        ys = [float(p[1]) for p in quad]
        box = TextBox(text, min(xs), min(ys), max(xs), max(ys), score)
        if len(item) >= 5:
            box.spans = _char_spans(text, item[3], item[4], box)
        out.append(box)
    return out


def _char_spans(text: str, word_boxes: Any, words: Any, box: TextBox) -> list[tuple[float, float]] | None:
    """Left and right edge of each character of ``text`` from the engine's word boxes (one per
    Chinese character, one per Latin word or number), or None when they do not match the text.

    Characters of a multi-character word share its box evenly; a space sits at the right edge
    of the character before it. Edges are clamped into the box and never go backwards.
    """
    from yusuan.read.pdf import normalise_text

    try:
        pieces: list[tuple[str, float, float]] = []
        for wb, word in zip(word_boxes, words, strict=True):
            xs = [float(p[0]) for p in wb]
            a, b = min(xs), max(xs)
            chars = [c for c in normalise_text(str(word)) if not c.isspace()]
            for k, c in enumerate(chars):
                pieces.append((c, a + (b - a) * k / len(chars), a + (b - a) * (k + 1) / len(chars)))
    except (TypeError, ValueError, IndexError):
        return None
    spans: list[tuple[float, float]] = []
    it = iter(pieces)
    last = box.x0
    for c in text:
        if c.isspace():
            spans.append((last, last))
            continue
        nxt = next(it, None)
        if nxt is None or nxt[0] != c:
            return None
        left = min(max(nxt[1], last), box.x1)
        last = min(max(nxt[2], left), box.x1)
        spans.append((left, last))
    if next(it, None) is not None:
        return None
    return spans


def _glyphs(boxes: list[TextBox], scale: float) -> list[Glyph]:
    """Glyph runs in points from text boxes in pixels; a box is split where two characters
    stand more than ``_SPLIT_GAP`` box heights apart (two cells bridged by the detector)."""
    out: list[Glyph] = []
    for b in boxes:
        top, bottom = b.top / scale, b.bottom / scale
        base = (top + bottom) / 2
        spans = b.spans
        if spans is None:
            out.append(Glyph(b.text, b.x0 / scale, top, b.x1 / scale, bottom, base))
            continue
        gap = _SPLIT_GAP * (b.bottom - b.top)
        start = 0
        cuts: list[tuple[int, int]] = []
        prev_right = spans[0][1]
        for i in range(1, len(b.text)):
            if b.text[i].isspace():
                continue
            if spans[i][0] - prev_right > gap:
                cuts.append((start, i))
                start = i
            prev_right = spans[i][1]
        cuts.append((start, len(b.text)))
        for i, j in cuts:
            # drop the spaces at either end of a piece
            while i < j and b.text[i].isspace():
                i += 1
            while j > i and b.text[j - 1].isspace():
                j -= 1
            if i == j:
                continue
            x0, x1 = spans[i][0], max(spans[j - 1][1], spans[i][0] + 1.0)
            if len(cuts) == 1:
                x0, x1 = b.x0, b.x1  # a whole box keeps the detector's extent
            out.append(Glyph(b.text[i:j], x0 / scale, top, x1 / scale, bottom, base,
                             space_before=i > 0, edges=[s[0] / scale for s in spans[i:j]]))
    return out


# ----------------------------------------------------------------------------- ruling lines


def find_rules(gray: np.ndarray, text_height: float) -> list[Rule]:
    """Table rulings in a grey image, in pixels: long thin runs of dark pixels.

    A horizontal rule is at least two text heights long (no stroke of a character is), a
    vertical one at least one text height (the border between two cells of a one-line row is
    hardly longer); both at most ~0.4 text heights thick (a filled block is not a rule). Single
    pixel gaps (scanner noise, anti-aliasing) are bridged. A stray vertical (a tall stroke of a
    title character) is harmless: a table grid needs rules that cross each other.
    """
    import numpy as np

    if gray.size == 0:
        return []
    paper = float(np.percentile(gray, 90))
    dark = gray < max(40.0, 0.6 * paper)
    h_len = max(8, int(2.0 * text_height))
    v_len = max(6, int(1.0 * text_height))
    thick = max(3, int(0.4 * text_height))
    rules: list[Rule] = []
    for horizontal in (True, False):
        mask = dark if horizontal else dark.T
        mask = mask.copy()
        # bridge one-pixel gaps along the rule's direction
        mask[:, 1:-1] |= mask[:, :-2] & mask[:, 2:]
        rows, starts, ends = _runs(mask, h_len if horizontal else v_len)
        for pos, a, b in _group_runs(rows, starts, ends, thick):
            rules.append(Rule(horizontal, pos, a, b))
    return rules


def _runs(mask: np.ndarray, min_len: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Runs of True along each row at least ``min_len`` long: (row, start, end) arrays."""
    import numpy as np

    h, w = mask.shape
    padded = np.zeros((h, w + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    d = np.diff(padded, axis=1)
    # np.nonzero walks row by row, so the n-th start and the n-th end belong to one run
    rows, starts = np.nonzero(d == 1)
    _, ends = np.nonzero(d == -1)
    keep = ends - starts >= min_len
    return rows[keep], starts[keep], ends[keep]


def _group_runs(rows: np.ndarray, starts: np.ndarray, ends: np.ndarray,
                thick: int) -> list[tuple[float, float, float]]:
    """Join runs on neighbouring rows that overlap into one rule: (position, from, to).

    A group thicker than ``thick`` rows is a filled area, not a rule, and is dropped.
    """
    groups: list[list[float]] = []  # [first row, last row, from, to]
    open_: list[list[float]] = []
    for r, a, b in zip(rows.tolist(), starts.tolist(), ends.tolist(), strict=True):
        open_ = [g for g in open_ if r - g[1] <= 2]
        for g in open_:
            if a <= g[3] + 2 and b >= g[2] - 2:
                g[1] = r
                g[2] = min(g[2], a)
                g[3] = max(g[3], b)
                break
        else:
            g = [r, r, a, b]
            groups.append(g)
            open_.append(g)
    return [((g[0] + g[1] + 1) / 2, g[2], g[3]) for g in groups if g[1] - g[0] + 1 <= thick]


# ----------------------------------------------------------------------------- lines


def _estimate_scale(boxes: list[TextBox]) -> float:
    """Pixels per point when the image does not say: from the median text-box height."""
    heights = [b.bottom - b.top for b in boxes if b.bottom > b.top]
    if not heights:
        return 1.0
    return max(0.25, statistics.median(heights) / _BOX_HEIGHT_PT)


def _image_scale(image: Any) -> float | None:
    """Pixels per point from an image's dpi, when it gives a plausible one."""
    info = getattr(image, "info", None)
    dpi = info.get("dpi") if isinstance(info, dict) else None
    try:
        value = float(dpi[0] if isinstance(dpi, tuple | list) else dpi)  # type: ignore[index]
    except (TypeError, ValueError, IndexError):
        return None
    # 72 dpi is what many tools write when they know nothing; scans are 100-600 dpi
    return value / 72.0 if 100 <= value <= 1200 else None


def ocr_image(image: Any, *, page: int | None, file: str, scale: float | None = None) -> list[Line]:
    """Read one page image (a PIL image or a numpy array, RGB or grey) into lines of cells.

    Boxes are grouped into lines and table rows by the PDF layout: rows of a ruled table (its
    rulings are found in the image) are padded to the table's column grid, an unruled table is
    aligned by the x positions of its cells, prose lines are one cell. ``scale`` is pixels per
    point (the render scale of a PDF page); without it the image's dpi is used, else it is
    estimated from the text height. ``Line.x`` holds each cell's left edge in points, and every
    line has ``ocr=True``. Raises ImportError when the OCR extra is not installed.
    """
    gray = _to_gray(image)
    boxes = recognise(gray)
    if not boxes:
        return []
    if scale is None:
        scale = _image_scale(image) or _estimate_scale(boxes)
    text_h = statistics.median(b.bottom - b.top for b in boxes)
    rules = [Rule(r.horizontal, r.pos / scale, r.a / scale, r.b / scale) for r in find_rules(gray, text_h)]
    out_lines, _ = layout_page(_glyphs(boxes, scale), rules, gray.shape[0] / scale)
    return [Line(cells=ln.cells, lineno=k, page=page, file=file, x=[round(x, 1) for x in ln.xs], ocr=True)
            for k, ln in enumerate(out_lines, start=1)]


# ----------------------------------------------------------------------------- PDF pages


def render_scale(width: float, height: float) -> float:
    """Render scale (pixels per point) for a page of ``width`` × ``height`` points."""
    side = max(width, height, 1.0)
    return max(_MIN_SCALE, min(_MAX_SCALE, _TARGET_SIDE / side))


def ocr_pdf_page(pdf: Any, index: int, name: str, reason: str) -> tuple[list[Line] | None, str]:
    """OCR page ``index`` (0-based) of an open pypdfium2 document that has no usable text layer.

    Returns the lines (None when the page was not read: the extra is missing or OCR failed)
    and the note for ``Document.notes``: ``reason`` followed by what was done. Never raises.
    """
    if not available():
        return None, f"{reason}; install yusuan[ocr] to read it"
    try:
        page = pdf[index]
        try:
            width, height = page.get_size()
            scale = render_scale(width, height)
            bitmap = page.render(scale=scale, grayscale=True)
            gray = bitmap.to_numpy()
            if gray.ndim == 3:
                gray = gray[:, :, 0]
            lines = ocr_image(gray.copy(), page=index + 1, file=name, scale=scale)
        finally:
            page.close()
    except Exception as exc:  # noqa: BLE001 - a page OCR cannot read must not lose the document
        return None, f"{reason}; OCR failed ({type(exc).__name__}: {exc})"
    if not lines:
        return None, f"{reason}; OCR found no text"
    return lines, f"{reason}; read by OCR"


# ----------------------------------------------------------------------------- image files

IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def is_image(data: bytes) -> bool:
    """True when ``data`` starts like a PNG, JPEG or TIFF file."""
    return data.startswith(IMAGE_MAGIC)


def read_image(data: bytes, name: str, sha256: str) -> Document:
    """Read an image file (PNG, JPEG, TIFF; each frame of a multi-page TIFF is a page) by OCR.

    Raises :class:`ReadError` when the OCR extra is missing, the image cannot be decoded, or
    no text is found in it.
    """
    if not available():
        raise ReadError(name, f"image input needs OCR: {INSTALL_HINT}",
                        message_zh=f"图片输入需要OCR识别，请安装：{INSTALL_HINT}")
    from PIL import Image, ImageSequence, UnidentifiedImageError

    doc = Document(files=[name], sha256=sha256, format="image")
    try:
        with warnings.catch_warnings():
            # Pillow warns (and past twice the limit raises) on huge images: refuse them instead
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                frames = 0
                for frameno, frame in enumerate(ImageSequence.Iterator(img), start=1):
                    if frame.width * frame.height > _MAX_PIXELS:
                        raise ReadError(name, f"image too large ({frame.width}x{frame.height})",
                                        page=frameno, message_zh="图片过大")
                    frame.load()
                    lines = ocr_image(frame, page=frameno, file=name)
                    doc.lines.extend(lines)
                    doc.notes.append(f"page {frameno}: image; read by OCR" if lines
                                     else f"page {frameno}: image; OCR found no text")
                    frames = frameno
    except ReadError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning,
            OSError, ValueError, SyntaxError) as exc:
        raise ReadError(name, f"unreadable image ({type(exc).__name__}: {exc})",
                        message_zh="图片文件损坏或无法解码") from exc
    doc.pages = frames
    if not doc.lines:
        raise ReadError(name, "OCR found no text in the image", message_zh="图片中未识别出文字")
    return doc
