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
import math
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

# Detection runs on at most 2000 px along the longer side (the engine's own limit: the model
# gains nothing from more, and its time grows with the area), and PDF pages are rendered to
# about that size. 2000 px on an A4 page is ~170 dpi: a 9-point table digit is ~21 px high, well
# inside what the recognition model reads reliably. Larger images (300-dpi scans) are detected
# shrunk but read from their full resolution.
_TARGET_SIDE = 2000.0
_MIN_SCALE = 1.5
_MAX_SCALE = 3.0
_MAX_RENDER_PIXELS = 25_000_000
# A text box whose recognition score is below this is dropped as noise (a seal, a smudge): the
# engine's default. Amounts in clean scans score > 0.95; a lower bar mostly admits noise, and a
# higher one would silently drop amounts in poor scans.
_MIN_SCORE = 0.5
# When the image gives no dpi, points are estimated from the text: the detector's box round a
# line of 10.5-point text (the usual table size) is about 14 points high.
_BOX_HEIGHT_PT = 14.0
# Inside one detected box, a gap between two characters wider than this many box heights is a
# column break that the detector bridged (two cells close together): the box is split there.
_SPLIT_GAP = 1.2
# White margin added round the image before detection (text touching the edge), in pixels.
_MARGIN = 16
# Each detected box is widened to the left by this many box heights before it is read.
_LEFT_PAD = 0.25
# Gaps of up to this many pixels in a ruling line (noise, fading) are bridged.
_RULE_GAP = 2
# A slant under this many degrees is left alone (a third of a pixel per 100 pixels).
_MIN_SKEW = 0.2
# A detected box lower than this share of the median box height is read at the median height.
_SMALL_BOX = 0.6
# As in the PDF reader: "35892. 39" or "1, 234" are one amount.
_SPLIT_DIGITS = re.compile(r"(?<=\d[.,]) (?=\d)")


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

    # box_thresh 0.3 instead of 0.5: a lone "0" in a table cell scores ~0.4 as a text region
    # and was lost; recognition's own score still filters what is read (``_MIN_SCORE``)
    return RapidOCR(det_box_thresh=0.3)


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
        if not image.mode.startswith(("I", "F")):
            return np.asarray(image.convert("L"), dtype=np.uint8)
        # 16-bit and float scans: Pillow's conversion to 8 bits clips instead of scaling
    arr = np.asarray(image)
    if arr.dtype == bool:
        arr = arr.astype(np.uint8) * 255
    elif arr.dtype.kind == "f":
        arr = np.clip(arr * (255.0 if arr.max(initial=0) <= 1.0 else 1.0), 0, 255).astype(np.uint8)
    elif arr.dtype != np.uint8:
        top = 65535.0 if arr.max(initial=0) > 255 else 255.0  # 16-bit samples, or 8-bit in a wider type
        arr = np.clip(arr.astype(np.float64) * (255.0 / top), 0, 255).astype(np.uint8)
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

    def __init__(
        self,
        text: str,
        x0: float,
        top: float,
        x1: float,
        bottom: float,
        score: float,
        spans: list[tuple[float, float]] | None = None,
    ):
        self.text = text
        self.x0 = x0
        self.top = top
        self.x1 = x1
        self.bottom = bottom
        self.score = score
        self.spans = spans

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"TextBox({self.text!r}, x={self.x0:.0f}-{self.x1:.0f}, y={self.top:.0f}-{self.bottom:.0f})"


def recognise(gray: np.ndarray) -> tuple[list[TextBox], list[Rule]]:
    """Run the engine on a grey image: the boxes it read with a score of at least ``_MIN_SCORE``,
    and the table rulings of the image (:func:`find_rules`), both in pixels.

    Detection and recognition are called one after the other rather than through the engine's
    one-call API, for three reasons measured on the sample pages: (1) a detected box is widened
    to the left by up to a quarter of its height before it is read, because the detector's box
    often starts just inside a leading 一 (一般公共服务 read as 般公共服务, 一、 as 、); it is
    never widened across a ruling or into the box beside it, where it would pick up the last
    digit of the amount in the next cell; (2) the 180° text-direction classifier is skipped, as
    it turns short numbers upside down (99 read as 66) and pages are upright; (3) detection runs
    on at most ``_TARGET_SIDE`` pixels but the boxes are read from the full-resolution image.

    Text is normalised as in the PDF reader (full-width ASCII forms, ideographic space) and
    otherwise kept as read.
    """
    import numpy as np

    from yusuan.read.pdf import normalise_text

    engine = _engine()
    angle = _skew(gray)
    if angle is not None:
        # a scan fed in at a slant: level it, or its rulings break into pieces and its rows
        # drift across lines (one degree over a page width is a line height)
        gray = _rotate(gray, angle)
    bgr, quads = _detect(engine, gray)
    if quads is None:
        return [], []
    heights = np.maximum(quads[:, 3, 1] - quads[:, 0, 1], quads[:, 2, 1] - quads[:, 1, 1])
    bands = _rule_bands(gray, float(np.median(heights)))
    rules = [rule for rule, _, _ in bands]
    quads = _merge_split_boxes(quads, [r for r in rules if not r.horizontal])
    heights = np.maximum(quads[:, 3, 1] - quads[:, 0, 1], quads[:, 2, 1] - quads[:, 1, 1])
    read = quads.copy()
    # A lone narrow character (a "0" in an otherwise empty column) sometimes gets a box a third
    # of the text's height, from which it is misread ("1", score 0.06): read such a box at the
    # page's usual text height, centred where it was found.
    med = float(np.median(heights))
    small = heights < _SMALL_BOX * med
    if small.any():
        mid = (read[small, :, 1].min(axis=1) + read[small, :, 1].max(axis=1)) / 2
        read[small, 0, 1] = read[small, 1, 1] = mid - med / 2
        read[small, 2, 1] = read[small, 3, 1] = mid + med / 2
    lefts = _left_limits(quads, heights, [r for r in rules if not r.horizontal])
    read[:, [0, 3], 0] = np.minimum(read[:, [0, 3], 0], lefts[:, None])
    read[:, :, 0] = np.clip(read[:, :, 0], 0, bgr.shape[1] - 1)
    read[:, :, 1] = np.clip(read[:, :, 1], 0, bgr.shape[0] - 1)
    if bands:
        clean = np.pad(_erase_rules(gray, bands), _MARGIN, constant_values=255)
        bgr = np.ascontiguousarray(np.repeat(clean[:, :, None], 3, axis=2))
    crops = engine.get_crop_img_list(bgr, list(read))
    rec, _ = engine.text_rec(crops, True)
    words = engine.cal_rec_boxes(crops, list(read), rec)
    out: list[TextBox] = []
    for quad, area, (raw, score, word_boxes, word_texts, *_) in zip(quads, read, words, strict=True):
        if float(score) < _MIN_SCORE:
            continue
        text = _SPLIT_DIGITS.sub("", normalise_text(str(raw))).strip()
        if not text:
            continue
        # x: the detected box (widened only where a character was read left of it); y: the
        # area read (an undersized box was read at the usual height)
        xs = quad[:, 0] - _MARGIN
        ys = area[:, 1] - _MARGIN
        box = TextBox(text, float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()), float(score))
        spans = _char_spans(text, word_boxes, word_texts, -_MARGIN)
        if spans is not None:
            box.spans = spans
            box.x0 = min(box.x0, spans[0][0])  # a leading 一 found left of the detected box
            box.x1 = max(box.x1, spans[-1][1])
        out.append(box)
    return out, rules


def _detect(engine: Any, gray: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """The margin-padded BGR image the engine reads from, and the quadrilaterals of the text it
    detects there (n × 4 × 2, in padded pixels), or None when it finds no text."""
    import numpy as np

    # a white margin: text touching the image edge is detected too
    img = np.pad(gray, _MARGIN, constant_values=255)
    bgr = np.ascontiguousarray(np.repeat(img[:, :, None], 3, axis=2))
    shrink = min(1.0, _TARGET_SIDE / max(img.shape))
    det_img = bgr
    if shrink < 1.0:
        import cv2

        size = (max(1, round(img.shape[1] * shrink)), max(1, round(img.shape[0] * shrink)))
        det_img = cv2.resize(bgr, size, interpolation=cv2.INTER_AREA)
    quads, _ = engine.text_det(det_img)
    if quads is None or len(quads) == 0:
        return bgr, None
    return bgr, np.asarray(quads, dtype=np.float32) / shrink


def _skew(gray: np.ndarray) -> float | None:
    """The page's slant in degrees (positive: lines fall to the right), or None when it is under
    ``_MIN_SKEW`` (not worth the blur of turning the image) or no ink is found.

    Projection profile: the angle at which the ink, summed along rows, is most concentrated
    (text lines and table rulings give sharp peaks only when level). Searched from -5° to 5° in
    quarter degrees, then to 0.025° around the best, on a copy at most ~1000 px along its
    longer side (every n-th pixel).
    """
    import numpy as np

    step = max(1, -(-max(gray.shape) // 1000))
    small = gray[::step, ::step]
    paper = float(np.percentile(small, 90))
    ys, xs = np.nonzero(small < 0.6 * paper)
    if len(ys) < 200:
        return None
    if len(ys) > 200_000:
        keep = slice(None, None, len(ys) // 200_000 + 1)
        ys, xs = ys[keep], xs[keep]
    yf, xf = ys.astype(np.float64), xs.astype(np.float64)

    def sharpness(deg: float) -> float:
        t = np.radians(deg)
        level = yf * np.cos(t) - xf * np.sin(t)
        hist = np.bincount((level - level.min()).astype(np.int64))
        return float(np.dot(hist, hist))

    best = max(np.arange(-5.0, 5.001, 0.25), key=sharpness)
    best = max(np.arange(best - 0.25, best + 0.2501, 0.025), key=sharpness)
    return float(best) if abs(best) >= _MIN_SKEW else None


def _rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    """``gray`` turned by ``angle`` degrees about its centre (so that lines falling by that
    angle become level), same size, new corners white."""
    import cv2

    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def _merge_split_boxes(quads: np.ndarray, vrules: list[Rule]) -> np.ndarray:
    """Join boxes that overlap on one line with no vertical ruling between them into one box.

    The detector sometimes cuts one word into two overlapping boxes (422,900 as 422,9 and 900),
    and the character in the overlap is then read twice (422,9900). Boxes of two cells of a
    ruled table overlap too, but a ruling stands between them. ``quads`` are in margin-padded
    pixels, the rules in image pixels; a joined box is the axis-aligned box round both.
    """
    import numpy as np

    boxes = [
        [float(q[:, 0].min()), float(q[:, 1].min()), float(q[:, 0].max()), float(q[:, 1].max())]
        for q in quads
    ]
    merged_any = False
    changed = True
    while changed:
        changed = False
        boxes.sort(key=lambda b: b[0])
        for i in range(len(boxes)):
            a = boxes[i]
            for j in range(i + 1, len(boxes)):
                b = boxes[j]
                if b[0] >= a[2]:
                    break  # sorted by left edge: no later box overlaps ``a`` either
                v = min(a[3], b[3]) - max(a[1], b[1])
                if v < 0.6 * min(a[3] - a[1], b[3] - b[1]):
                    continue  # not on one line
                lo, hi = (a[0] + a[2]) / 2, (b[0] + b[2]) / 2
                if any(
                    lo < r.pos + _MARGIN < hi
                    and r.a + _MARGIN < min(a[3], b[3])
                    and r.b + _MARGIN > max(a[1], b[1])
                    for r in vrules
                ):
                    continue
                boxes[i] = [min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])]
                del boxes[j]
                changed = merged_any = True
                break
            if changed:
                break
    if not merged_any:
        return quads
    return np.array([[[x0, y0], [x1, y0], [x1, y1], [x0, y1]] for x0, y0, x1, y1 in boxes], dtype=np.float32)


def _left_limits(quads: np.ndarray, heights: np.ndarray, vrules: list[Rule]) -> np.ndarray:
    """How far left each box (in margin-padded pixels) may be widened before it is read: up to
    ``_LEFT_PAD`` of its height, but not past a vertical ruling or another box on its line."""
    import numpy as np

    x0 = quads[:, :, 0].min(axis=1)
    x1 = quads[:, :, 0].max(axis=1)
    y0 = quads[:, :, 1].min(axis=1)
    y1 = quads[:, :, 1].max(axis=1)
    limit = x0 - _LEFT_PAD * heights
    for i in range(len(quads)):
        overlap = np.minimum(y1, y1[i]) - np.maximum(y0, y0[i])
        beside = (overlap > 0.5 * np.minimum(y1 - y0, y1[i] - y0[i])) & (x0 < x0[i])
        beside[i] = False
        if beside.any():
            # a box ending right of this one's start leaves no room at all
            limit[i] = max(limit[i], min(float(x1[beside].max()), float(x0[i])))
        for r in vrules:
            pos = r.pos + _MARGIN
            if limit[i] < pos + 1 <= x0[i] + 1 and r.a + _MARGIN < y1[i] and r.b + _MARGIN > y0[i]:
                limit[i] = min(pos + 1, float(x0[i]))
    return limit


def _char_spans(text: str, word_boxes: Any, words: Any, offset: float) -> list[tuple[float, float]] | None:
    """Left and right edge of each character of ``text`` (shifted by ``offset``) from the
    engine's word boxes (one per Chinese character, one per Latin word or number), or None
    when they do not match the text.

    Characters of a multi-character word share its box evenly; a space sits at the right edge
    of the character before it. Edges never go backwards.
    """
    from yusuan.read.pdf import normalise_text

    try:
        pieces: list[tuple[str, float, float]] = []
        for wb, word in zip(word_boxes, words, strict=True):
            xs = [float(p[0]) + offset for p in wb]
            a, b = min(xs), max(xs)
            chars = [c for c in _SPLIT_DIGITS.sub("", normalise_text(str(word))) if not c.isspace()]
            for k, c in enumerate(chars):
                pieces.append((c, a + (b - a) * k / len(chars), a + (b - a) * (k + 1) / len(chars)))
    except (TypeError, ValueError, IndexError):
        return None
    spans: list[tuple[float, float]] = []
    it = iter(pieces)
    last = pieces[0][1] if pieces else 0.0
    for c in text:
        if c.isspace():
            spans.append((last, last))
            continue
        nxt = next(it, None)
        if nxt is None or nxt[0] != c:
            return None
        left = max(nxt[1], last)
        last = max(nxt[2], left)
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
            out.append(
                Glyph(
                    b.text[i:j],
                    x0 / scale,
                    top,
                    x1 / scale,
                    bottom,
                    base,
                    space_before=i > 0,
                    edges=[s[0] / scale for s in spans[i:j]],
                )
            )
    return out


# ----------------------------------------------------------------------------- ruling lines


def find_rules(gray: np.ndarray, text_height: float) -> list[Rule]:
    """Table rulings in a grey image, in pixels: long thin runs of dark pixels.

    A horizontal rule is at least two text heights long (no stroke of a character is), a
    vertical one at least one text height (the border between two cells of a one-line row is
    hardly longer); both at most ~0.4 text heights thick (a filled block is not a rule). Gaps
    of up to ``_RULE_GAP`` pixels (scanner noise, fading) are bridged. A stray vertical (a tall
    stroke of a title character) is harmless: a table grid needs rules that cross each other.
    """
    return [rule for rule, _, _ in _rule_bands(gray, text_height)]


def _rule_bands(gray: np.ndarray, text_height: float) -> list[tuple[Rule, int, int]]:
    """The rules of :func:`find_rules`, each with the first and last pixel row (column, for a
    vertical rule) it covers across its thickness."""
    import numpy as np

    if gray.size == 0:
        return []
    # Thin rules print grey (a one-pixel line anti-aliased or blurred by the scanner reads 140
    # to 180 on white paper), so the cut lies well above the middle; 90 % of a page is paper.
    paper = float(np.percentile(gray, 90))
    dark = gray < max(40.0, 0.75 * paper)
    h_len = max(8, int(2.0 * text_height))
    v_len = max(6, int(1.0 * text_height))
    thick = max(3, int(0.4 * text_height))
    out: list[tuple[Rule, int, int]] = []
    for horizontal in (True, False):
        mask = _close_rows(dark if horizontal else dark.T, _RULE_GAP)
        rows, starts, ends = _runs(mask, h_len if horizontal else v_len)
        for first, last, a, b in _group_runs(rows, starts, ends, thick):
            out.append((Rule(horizontal, (first + last + 1) / 2, a, b), first, last))
    return out


def _erase_rules(gray: np.ndarray, bands: list[tuple[Rule, int, int]]) -> np.ndarray:
    """A copy of ``gray`` with the table rulings painted white, so that a number set tight
    against a cell border is not read with the border as a trailing ``|`` or ``1``.

    Every horizontal rule goes; a vertical one only where it meets a horizontal one, since the
    long stroke of a large title character passes for a short vertical rule on its own.
    """
    out = gray.copy()
    hs = [r for r, _, _ in bands if r.horizontal]
    for rule, first, last in bands:
        a, b = int(rule.a), int(rule.b) + 1
        if rule.horizontal:
            out[max(0, first - 1) : last + 2, a:b] = 255
        elif any(h.a - 3 <= rule.pos <= h.b + 3 and rule.a - 3 <= h.pos <= rule.b + 3 for h in hs):
            out[a:b, max(0, first - 1) : last + 2] = 255
    return out


def _close_rows(mask: np.ndarray, gap: int) -> np.ndarray:
    """``mask`` with gaps of up to ``gap`` pixels inside each row filled (a 1-D closing), so a
    rule broken by scanner noise or a faded stretch stays one run."""
    import numpy as np

    width = 2 * (gap // 2) + 1  # odd window: the closing fills gaps up to ``gap`` (even) pixels
    half = width // 2

    def window_count(m: np.ndarray, edge: bool) -> np.ndarray:
        c = np.zeros((m.shape[0], m.shape[1] + width), dtype=np.int32)
        padded = np.pad(m, ((0, 0), (half, half)), constant_values=edge)
        np.cumsum(padded, axis=1, dtype=np.int32, out=c[:, 1:])
        return c[:, width:] - c[:, :-width]

    dilated = window_count(mask, False) > 0
    # beyond the image edge counts as set, so that the erosion does not eat a rule's end there
    return window_count(dilated, True) == width


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


def _group_runs(
    rows: np.ndarray, starts: np.ndarray, ends: np.ndarray, thick: int
) -> list[tuple[int, int, int, int]]:
    """Join runs on neighbouring rows that overlap into one rule: (first row, last row, from, to).

    A group thicker than ``thick`` rows is a filled area, not a rule, and is dropped.
    """
    groups: list[list[int]] = []  # [first row, last row, from, to]
    open_: list[list[int]] = []
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
    return [(g[0], g[1], g[2], g[3]) for g in groups if g[1] - g[0] + 1 <= thick]


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
    boxes, px_rules = recognise(gray)
    if not boxes:
        return []
    if scale is None:
        scale = _image_scale(image) or _estimate_scale(boxes)
    rules = [Rule(r.horizontal, r.pos / scale, r.a / scale, r.b / scale) for r in px_rules]
    out_lines, _ = layout_page(_glyphs(boxes, scale), rules, gray.shape[0] / scale)
    return [
        Line(cells=ln.cells, lineno=k, page=page, file=file, x=[round(x, 1) for x in ln.xs], ocr=True)
        for k, ln in enumerate(out_lines, start=1)
    ]


# ----------------------------------------------------------------------------- PDF pages


def render_scale(width: float, height: float) -> float:
    """Render scale (pixels per point) for a page of ``width`` × ``height`` points."""
    side = max(width, height, 1.0)
    scale = max(_MIN_SCALE, min(_MAX_SCALE, _TARGET_SIDE / side))
    # a poster-sized (or corrupt, absurdly sized) page must not become a gigapixel bitmap
    return min(scale, math.sqrt(_MAX_RENDER_PIXELS / max(width * height, 1.0)))


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


def read_image(data: bytes, name: str, sha256: str) -> Document:
    """Read an image file (PNG, JPEG, TIFF; each frame of a multi-page TIFF is a page) by OCR.

    Raises :class:`ReadError` when the OCR extra is missing, the image cannot be decoded or is
    implausibly large (Pillow's decompression-bomb limit, ~89 megapixels), OCR fails, or no
    text is found in it.
    """
    if not available():
        raise ReadError(
            name,
            f"image input needs OCR: {INSTALL_HINT}",
            message_zh=f"图片输入需要OCR识别，请安装：{INSTALL_HINT}",
        )
    from PIL import Image, ImageSequence, UnidentifiedImageError

    doc = Document(files=[name], sha256=sha256, format="image", pages=0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between one and two times its pixel limit: refuse those too
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                for frameno, frame in enumerate(ImageSequence.Iterator(img), start=1):
                    frame.load()
                    try:
                        lines = ocr_image(frame, page=frameno, file=name)
                    except Exception as exc:  # noqa: BLE001 - the engine's own errors, one type for callers
                        raise ReadError(
                            name,
                            f"OCR failed ({type(exc).__name__}: {exc})",
                            page=frameno,
                            message_zh="OCR识别失败",
                        ) from exc
                    doc.lines.extend(lines)
                    doc.notes.append(
                        f"page {frameno}: image; read by OCR"
                        if lines
                        else f"page {frameno}: image; OCR found no text"
                    )
                    doc.pages = frameno
    except ReadError:
        raise
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        ValueError,
        SyntaxError,
        EOFError,
    ) as exc:
        raise ReadError(
            name, f"unreadable image ({type(exc).__name__}: {exc})", message_zh="图片文件损坏或无法解码"
        ) from exc
    if not doc.lines:
        raise ReadError(name, "OCR found no text in the image", message_zh="图片中未识别出文字")
    return doc
