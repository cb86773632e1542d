"""OCR of scanned pages and image inputs (:mod:`yusuan.read.ocr`, the extra ``yusuan[ocr]``).

The scans are made from the sample PDFs: page 12 of the Putuo 社会工作部 2024 final accounts
(一般公共预算财政拨款支出决算表, 17 rows and a total, names wrapped over two and three lines in
their cells) rendered at 144 dpi is ``tests/fixtures/…p12.png``; the same page is degraded
(JPEG, blur and noise, a slant, bilevel) and wrapped into an image-only PDF page for the whole
pipeline. Every amount below was read by hand from the rendered page. The fonts are embedded
in the PDF, so no system font is needed.

Tests that run the engine are skipped, with the reason, only when the extra is not importable;
the rest (what happens without it, sniffing, ruling detection) run everywhere.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from yusuan.read import load, sniff
from yusuan.read import ocr as ocr_mod
from yusuan.read.errors import ReadError

FIXTURES = Path(__file__).parent / "fixtures"
FINAL = FIXTURES / "2024_final_shanghai-putuo_shehui-gongzuobu.pdf"
SCAN = FIXTURES / "2024_final_shanghai-putuo_shehui-gongzuobu.p12.png"
SCAN_PAGE = 12

try:
    import rapidocr_onnxruntime  # noqa: F401

    _MISSING = ""
except Exception as exc:  # noqa: BLE001 - ImportError, or a broken native library (OSError)
    _MISSING = f"OCR extra not importable ({type(exc).__name__}: {exc}); pip install 'yusuan[ocr]'"

needs_ocr = pytest.mark.skipif(bool(_MISSING), reason=_MISSING or "OCR extra installed")

# code -> (name, 合计, 基本支出, 项目支出) as printed on page 12 ("" = blank cell)
EXPECTED = {
    "201": ("一般公共服务支出", "264.87", "62.63", "202.24"),
    "20139": ("社会工作事务", "264.87", "62.63", "202.24"),
    "2013901": ("行政运行", "51.32", "51.32", ""),
    "2013950": ("事业运行", "11.31", "11.31", ""),
    "2013999": ("其他社会工作事务支出", "202.24", "", "202.24"),
    "208": ("社会保障和就业支出", "10.82", "10.82", ""),
    "20805": ("行政事业单位养老支出", "10.82", "10.82", ""),
    "2080505": ("机关事业单位基本养老保险缴费支出", "6.18", "6.18", ""),
    "2080506": ("机关事业单位职业年金缴费支出", "4.64", "4.64", ""),
    "210": ("卫生健康支出", "2.71", "2.71", ""),
    "21011": ("行政事业单位医疗", "2.71", "2.71", ""),
    "2101101": ("行政单位医疗", "2.22", "2.22", ""),
    "2101102": ("事业单位医疗", "0.49", "0.49", ""),
    "221": ("住房保障支出", "29.42", "29.42", ""),
    "22102": ("住房改革支出", "29.42", "29.42", ""),
    "2210201": ("住房公积金", "17.70", "17.70", ""),
    "2210203": ("购房补贴", "11.72", "11.72", ""),
}
TOTAL = ("307.82", "105.58", "202.24")


def assert_table_rows(lines, exact_names: bool = True) -> None:
    """Each expected row is one line: code, name, then the three amounts in their columns.

    Amounts must be exact. Names of a degraded scan may lose or garble a character (a leading
    一 is the usual loss): the extractors match labels fuzzily, so only similarity is asserted.
    """
    from rapidfuzz import fuzz

    by_code = {ln.cells[0]: ln.cells for ln in lines if ln.cells and ln.cells[0] in EXPECTED}
    for code, (name, total, basic, project) in EXPECTED.items():
        assert code in by_code, f"row {code} missing"
        cells = by_code[code]
        assert cells[-3:] == [total, basic, project], f"row {code}: {cells}"
        assert len(cells) == 5, f"row {code}: {cells}"
        if exact_names:
            assert cells[1] == name, f"row {code}: {cells}"
        else:
            assert fuzz.ratio(cells[1], name) >= 80, f"row {code}: {cells}"
    totals = [ln.cells for ln in lines if "合计" in ln.cells and ln.cells[-3:] == list(TOTAL)]
    assert len(totals) == 1, [ln.cells for ln in lines if "合计" in ln.cells]


def scanned_pdf(src: Path, pages: set[int], scale: float = 2.0) -> bytes:
    """``src`` with the given pages (1-based) replaced by images of themselves, as a scanner
    would give them: each rendered, then wrapped into a PDF page by Pillow (no text layer)."""
    import pypdfium2 as pdfium

    pytest.importorskip("PIL", reason="Pillow writes the image pages")

    pdf = pdfium.PdfDocument(src)
    out = pdfium.PdfDocument.new()
    keep = []
    try:
        for index in range(len(pdf)):
            if index + 1 in pages:
                img = pdf[index].render(scale=scale, grayscale=True).to_pil()
                buf = io.BytesIO()
                img.save(buf, "PDF", resolution=72 * scale)
                scan = pdfium.PdfDocument(buf.getvalue())
                keep.append(scan)
                out.import_pages(scan)
            else:
                out.import_pages(pdf, [index])
        buf = io.BytesIO()
        out.save(buf)
        return buf.getvalue()
    finally:
        out.close()
        for d in keep:
            d.close()
        pdf.close()


# ----------------------------------------------------------------------------- without the engine


MAGIC = [
    b"\x89PNG\r\n\x1a\n\x00\x00",
    b"\xff\xd8\xff\xe0\x00\x10JFIF",
    b"II*\x00\x08\x00",
    b"MM\x00*\x00\x00",
]


@pytest.mark.parametrize("head", MAGIC)
def test_images_are_sniffed_by_magic_bytes(head):
    assert sniff(head + bytes(64)) == "image"


def test_without_the_extra_a_scanned_page_is_noted_and_the_rest_read(monkeypatch):
    pytest.importorskip("PIL", reason="Pillow builds the image-only page")
    from yusuan.read.pdf import read_pdf

    monkeypatch.setattr(ocr_mod, "available", lambda: False)
    doc = read_pdf(scanned_pdf(FINAL, {SCAN_PAGE}), "scan.pdf", "0")
    assert doc.notes == [f"page {SCAN_PAGE}: no text layer; install yusuan[ocr] to read it"]
    assert not [ln for ln in doc.lines if ln.page == SCAN_PAGE]
    assert {ln.page for ln in doc.lines} >= {SCAN_PAGE - 1, SCAN_PAGE + 1}


def test_without_the_extra_an_image_input_is_a_clear_read_error(monkeypatch):
    monkeypatch.setattr(ocr_mod, "available", lambda: False)
    with pytest.raises(ReadError) as err:
        load(str(SCAN))
    assert "image input needs OCR: pip install 'yusuan[ocr]'" in str(err.value)
    assert "图片输入需要OCR" in str(err.value) and err.value.file == str(SCAN)


def test_a_corrupt_image_is_a_read_error(tmp_path, monkeypatch):
    pytest.importorskip("PIL", reason="Pillow decodes images")
    monkeypatch.setattr(ocr_mod, "available", lambda: True)  # fails before the engine is needed
    bad = tmp_path / "torn.png"
    bad.write_bytes(SCAN.read_bytes()[:3000])
    with pytest.raises(ReadError) as err:
        load(str(bad))
    assert "unreadable image" in str(err.value)


def test_rulings_are_found_in_a_drawn_grid():
    np = pytest.importorskip("numpy", reason="numpy comes with the OCR extra")
    img = np.full((400, 600), 255, dtype=np.uint8)
    for y in (50, 100, 150, 350):
        img[y : y + 2, 40:560] = 0  # 2-pixel horizontal rules
    for x in (40, 200, 380, 558):
        img[50:352, x : x + 2] = 0
    img[120:130, 60:75] = 0  # a character-sized blot is not a rule
    img[200:380, 5:30] = 0  # nor is a filled block
    img[100:102, 300:302] = 255  # a gap of two pixels in a rule (scanner noise) is bridged
    rules = ocr_mod.find_rules(img, text_height=20)
    hs = sorted(round(r.pos) for r in rules if r.horizontal)
    vs = sorted(round(r.pos) for r in rules if not r.horizontal)
    assert hs == [51, 101, 151, 351] and vs == [41, 201, 381, 559]
    assert all(r.a <= 41 and r.b >= 558 for r in rules if r.horizontal)


def test_a_box_bridging_two_cells_is_split_at_the_gap():
    # the detector joined 合计 and 307.82 into one box; the characters' own edges show the gap
    spans = [(0, 20), (20, 40), (40, 40)] + [(150 + 7 * k, 157 + 7 * k) for k in range(6)]
    box = ocr_mod.TextBox("合计 307.82", 0, 10, 192, 30, 1.0, spans=spans)
    glyphs = ocr_mod._glyphs([box], scale=2.0)
    assert [(g.ch, g.x0, g.x1, g.space_before) for g in glyphs] == [
        ("合计", 0.0, 20.0, False),
        ("307.82", 75.0, 96.0, True),
    ]
    assert all(g.top == 5.0 and g.bottom == 15.0 for g in glyphs)
    # a box whose characters sit close together stays one glyph run, edges kept for cutting
    close = ocr_mod.TextBox("行政运行", 0, 10, 80, 30, 1.0, spans=[(20 * k, 20 * k + 19) for k in range(4)])
    (run,) = ocr_mod._glyphs([close], scale=1.0)
    assert run.ch == "行政运行" and run.edges == [0, 20, 40, 60]


def test_overlapping_boxes_of_one_word_are_joined_unless_a_rule_parts_them():
    np = pytest.importorskip("numpy", reason="numpy comes with the OCR extra")
    from yusuan.read._pdf_layout import Rule

    def quad(x0, y0, x1, y1):
        return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]

    # 422,900 detected as 422,9 and 900, overlapping: read as one box, or the 9 comes twice
    quads = np.array([quad(100, 50, 180, 80), quad(165, 51, 210, 79), quad(300, 50, 340, 80)], np.float32)
    joined = ocr_mod._merge_split_boxes(quads, [])
    assert sorted(q[:, 0].min() for q in joined) == [100, 300] and joined[:, :, 0].max() == 340
    # two cells of a ruled table overlap too, but a ruling stands between them
    rule = Rule(False, 172 - ocr_mod._MARGIN, 0, 200)
    assert len(ocr_mod._merge_split_boxes(quads, [rule])) == 3


# ----------------------------------------------------------------------------- with the engine


@needs_ocr
def test_scanned_image_file_every_amount_in_its_row():
    doc = load(str(SCAN))
    assert doc.format == "image" and doc.pages == 1 and doc.files == [str(SCAN)]
    assert doc.notes == ["page 1: image; read by OCR"]
    assert all(ln.ocr and ln.page == 1 and ln.file == str(SCAN) for ln in doc.lines)
    assert [ln.lineno for ln in doc.lines] == list(range(1, len(doc.lines) + 1))
    assert_table_rows(doc.lines)
    # title and unit line read whole; cells carry their left edge in points (the PNG says 144 dpi)
    texts = [ln.text for ln in doc.lines]
    assert "一般公共预算财政拨款支出决算表" in texts and "单位:万元" in texts
    row = next(ln for ln in doc.lines if ln.cells[0] == "2013999")
    assert row.x is not None and row.x == sorted(row.x) and 80 < row.x[0] < 120 and row.x[-1] > 400


def _degraded(kind: str):
    from PIL import Image, ImageFilter

    np = pytest.importorskip("numpy")
    src = Image.open(SCAN)
    if kind == "jpeg":
        buf = io.BytesIO()
        src.save(buf, "JPEG", quality=40)
        return Image.open(io.BytesIO(buf.getvalue()))
    if kind == "blur+noise":  # as an RGB numpy array, the other input type
        noisy = np.asarray(src.filter(ImageFilter.GaussianBlur(0.8)), dtype=np.float32)
        noisy += np.random.default_rng(0).normal(0, 12, noisy.shape)
        gray = np.clip(noisy, 0, 255).astype(np.uint8)
        return np.repeat(gray[:, :, None], 3, axis=2)
    if kind == "slant":  # fed in a degree and a half askew: rulings break unless levelled
        return src.rotate(-1.5, resample=Image.BICUBIC, fillcolor=255)
    if kind == "bilevel":  # a fax-style black-and-white scan
        return src.convert("1")
    if kind == "110dpi":
        return src.resize((src.width * 110 // 144, src.height * 110 // 144), Image.LANCZOS)
    raise AssertionError(kind)


@needs_ocr
@pytest.mark.parametrize("kind", ["jpeg", "blur+noise", "slant", "bilevel", "110dpi"])
def test_degraded_scans_keep_every_amount(kind):
    lines = ocr_mod.ocr_image(_degraded(kind), page=SCAN_PAGE, file="scan")
    assert lines and all(ln.ocr and ln.page == SCAN_PAGE for ln in lines)
    assert_table_rows(lines, exact_names=False)


@needs_ocr
def test_full_pipeline_on_a_pdf_whose_table_page_is_an_image(tmp_path):
    from yusuan.api import parse

    path = tmp_path / "final-scanned.pdf"
    path.write_bytes(scanned_pdf(FINAL, {SCAN_PAGE}))
    scanned = parse(str(path))
    original = parse(str(FINAL))
    assert f"page {SCAN_PAGE}: no text layer; read by OCR" in [i.message for i in scanned.issues]

    def table(d):
        return next(t for t in d.tables if t.kind == "general_budget_expenditure")

    got, want = table(scanned), table(original)
    assert got.title == "一般公共预算财政拨款支出决算表" and got.unit == "万元"
    assert got.source.page == SCAN_PAGE
    assert [c.key for c in got.columns] == ["total", "basic", "project"]
    # every figure of the table, read by hand, comes out of the scan in its row and column
    rows = {r.code: r for r in got.rows if r.code}
    assert set(rows) == set(EXPECTED)
    for code, (_, *amounts) in EXPECTED.items():
        printed = {k: a for k, a in zip(("total", "basic", "project"), amounts, strict=True) if a}
        assert raw_values(rows[code]) == printed, code
    total_row = next(r for r in got.rows if not r.code)
    assert raw_values(total_row) == dict(zip(("total", "basic", "project"), TOTAL, strict=True))
    # and the same table as the text layer gives, row by row
    assert [(r.code, r.name, raw_values(r)) for r in got.rows] == [
        (r.code, r.name, raw_values(r)) for r in want.rows
    ]


def raw_values(row) -> dict[str, str]:
    """A table row's amounts as printed, by column key (blank cells left out)."""
    return {k: v.raw for k, v in row.values.items() if v is not None and v.raw}


@needs_ocr
def test_a_multi_page_tiff_gives_one_page_per_frame(tmp_path):
    from PIL import Image

    page = Image.open(SCAN)
    head = page.crop((0, 0, page.width, 195))  # the title and the unit line
    foot = page.crop((0, 1320, page.width, 1400))  # the note under the table
    tif = tmp_path / "scan.tif"
    head.save(tif, save_all=True, append_images=[foot], dpi=(144, 144))
    doc = load(str(tif))
    assert doc.format == "image" and doc.pages == 2
    assert doc.notes == ["page 1: image; read by OCR", "page 2: image; read by OCR"]
    assert [ln.text for ln in doc.lines if ln.page == 1] == ["一般公共预算财政拨款支出决算表", "单位:万元"]
    assert [ln.text for ln in doc.lines if ln.page == 2] == [
        "注:本表反映部门本年度一般公共预算财政拨款支出情况。"
    ]


@needs_ocr
def test_an_image_without_text_is_a_read_error(tmp_path):
    from PIL import Image

    blank = tmp_path / "blank.png"
    Image.new("L", (400, 300), 255).save(blank)
    with pytest.raises(ReadError) as err:
        load(str(blank))
    assert "OCR found no text" in str(err.value)
