"""PDF reader (pypdfium2 text layer): rows read by hand from the sample PDFs (rendered and
looked at page by page), key figures from ../shared/samples/README.md, small synthetic PDFs
for the layout traps, and bad input (encrypted, corrupt, truncated, scanned pages)."""

from __future__ import annotations

import contextlib
import os
import random
import sys
import zlib
from pathlib import Path

import pytest

from yusuan.read._pdf_layout import (
    Glyph,
    OutLine,
    Rule,
    cluster_lines,
    find_grids,
    is_page_furniture,
    layout_page,
    merge_orphans,
)
from yusuan.read.errors import ReadError, YusuanError
from yusuan.read.pdf import normalise_text, read_pdf

FIXTURES = Path(__file__).parent / "fixtures"
WANLI = "2025_budget_shanghai-putuo_wanli-jiedao.pdf"
CZJ = "2025_unitbudget_shanghai_caizhengju.pdf"
FINAL = "2024_final_shanghai-putuo_shehui-gongzuobu.pdf"
JS_NARR = "2019_budget_jiangsu_renda-bangongting_narrative.pdf"
JS_TAB = "2019_budget_jiangsu_renda-bangongting_tables.pdf"

_DOCS: dict[str, object] = {}


def doc(name: str):
    if name not in _DOCS:
        _DOCS[name] = read_pdf((FIXTURES / name).read_bytes(), name, "0")
    return _DOCS[name]


def row(name: str, first: str, page: int | None = None, nth: int = 0) -> list[str]:
    """Cells of the ``nth`` line whose first non-empty cell is ``first``."""
    hits = [
        ln
        for ln in doc(name).lines
        if (page is None or ln.page == page) and next((c for c in ln.cells if c), None) == first
    ]
    assert len(hits) > nth, f"no line starting {first!r} on page {page}"
    return hits[nth].cells


def line_of(name: str, first: str, page: int | None = None):
    return next(
        ln
        for ln in doc(name).lines
        if (page is None or ln.page == page) and next((c for c in ln.cells if c), None) == first
    )


# ----------------------------------------------------------------------------- Shanghai 万里街道


def test_wanli_income_total_row_in_its_columns():
    ln = line_of(WANLI, "收入总计", page=9)
    assert ln.cells == ["收入总计", "189,767,551", "支出总计", "189,767,551"]
    assert ln.file == WANLI and ln.lineno >= 1
    # each cell's left edge lies inside its column: label, amount, label, amount left to right
    assert ln.x is not None and ln.x == sorted(ln.x) and ln.x[1] > 250 and ln.x[3] > 600


def test_wanli_summary_rows_keep_empty_cells():
    assert row(WANLI, "一、财政拨款收入", 9) == [
        "一、财政拨款收入",
        "189,767,551",
        "一、一般公共服务支出",
        "3,296,600",
    ]
    # an income side with no entry: two empty cells keep the expenditure in columns 3-4
    assert row(WANLI, "八、城乡社区支出", 9) == ["", "", "八、城乡社区支出", "154,369,326"]
    assert row(WANLI, "2. 政府性基金", 9) == ["2. 政府性基金", "", "三、教育支出", "250,000"]


def test_wanli_codes_in_three_cells():
    assert row(WANLI, "201", 10, nth=2) == [
        "201",
        "05",
        "07",
        "专项普查活动",
        "438,300",
        "438,300",
        "0",
        "0",
        "0",
    ]
    assert row(WANLI, "201", 10, nth=0) == [
        "201",
        "",
        "",
        "一般公共服务支出",
        "3,296,600",
        "3,296,600",
        "0",
        "0",
        "0",
    ]
    # every line of the 收入预算总表 body is padded to the 9-column grid
    body = [ln for ln in doc(WANLI).lines if ln.page == 10 and ln.lineno >= 3]
    assert body and all(len(ln.cells) == 9 for ln in body)


def test_wanli_header_merges_and_wrapped_header():
    assert row(WANLI, "项目", 10) == ["项目", "", "", "", "收入预算", "", "", "", ""]
    # 事业单位 / 经营收入 is one header cell printed on two lines, merged over two row bands
    assert row(WANLI, "功能分类科目编码", 10) == [
        "功能分类科目编码",
        "",
        "",
        "功能分类科目名称",
        "合计",
        "财政拨款收入",
        "事业收入",
        "事业单位经营收入",
        "其他收入",
    ]
    assert row(WANLI, "类", 10) == ["类", "款", "项", "", "", "", "", "", ""]


def test_wanli_lone_total_row_on_continuation_page_keeps_grid():
    # page 18 holds only the 合计 row of the 支出预算总表 (merged over the code columns)
    assert row(WANLI, "合计", 18) == ["合计", "", "", "", "189,767,551", "101,341,746", "88,425,805"]


def test_wanli_key_figures():
    assert row(WANLI, "合计", 28)[-3:] == ["101,341,746", "90,514,044", "10,827,702"]
    assert row(WANLI, "37.91", 29) == ["37.91", "0", "1.35", "36.56", "15", "21.56", "464.64"]
    notes = [ln.cells for ln in doc(WANLI).lines if ln.page == 25 and "故本表为空表" in ln.text]
    assert len(notes) == 1 and len(notes[0]) == 1 and notes[0][0].startswith("注:本部门2025年无政府性基金")


def test_wanli_title_and_unit_line():
    assert row(WANLI, "2025年部门收入预算总表", 10) == ["2025年部门收入预算总表"]
    assert row(WANLI, "编制部门:上海市普陀区人民政府万里街道办事处", 10) == [
        "编制部门:上海市普陀区人民政府万里街道办事处",
        "单位:元",
    ]


def test_no_notes_for_text_pdfs():
    for name in (WANLI, CZJ, FINAL, JS_NARR, JS_TAB):
        assert doc(name).notes == [], name
        assert doc(name).format == "pdf" and doc(name).pages


# ----------------------------------------------------------------------------- Shanghai 财政局


def test_caizhengju_totals():
    assert row(CZJ, "收入总计", 7) == [
        "收入总计",
        "171,915,169",
        "支出总计",
        "171,915,169",
        "102,464,260",
        "25,177,779",
        "44,273,130",
    ]
    assert row(CZJ, "合计", 19) == ["合计", "", "", "127,642,039", "102,464,260", "25,177,779"]
    # 三公: 购置费 is empty and stays in its column; 机关运行经费 last
    assert row(CZJ, "346.30", 20) == ["346.30", "288.70", "25.40", "32.20", "", "32.20", "2,517.78"]
    # a side with fewer rows: 四、住房保障支出 has no income beside it
    assert row(CZJ, "四、住房保障支出", 12) == [
        "",
        "",
        "四、住房保障支出",
        "21,800,000",
        "21,800,000",
        "",
        "",
    ]


def test_caizhengju_continuation_page_repeats_header():
    assert row(CZJ, "210", 9) == ["210", "", "", "卫生健康支出", "4,668,000", "4,668,000", "", "", ""]
    assert row(CZJ, "项目", 9)[0] == "项目"


# ----------------------------------------------------------------------------- 决算 in 万元


def test_final_wrapped_row_names_are_whole():
    # printed as 一般公共服务 / 支出 in a narrow cell, the amounts centred beside the two lines
    assert row(FINAL, "201", 12) == ["201", "一般公共服务支出", "264.87", "62.63", "202.24"]
    assert row(FINAL, "2080505", 12) == ["2080505", "机关事业单位基本养老保险缴费支出", "6.18", "6.18", ""]
    assert row(FINAL, "2013999", 12) == ["2013999", "其他社会工作事务支出", "202.24", "", "202.24"]


def test_final_two_block_economic_table():
    assert row(FINAL, "30108", 13) == [
        "30108",
        "机关事业单位基本养老保险缴费",
        "6.18",
        "30206",
        "电费",
        "0.00",
    ]
    assert row(FINAL, "31099", 13) == ["", "", "", "31099", "其他资本性支出", "0.00"]
    assert row(FINAL, "人员经费合计", 13) == ["人员经费合计", "", "95.36", "公用经费合计", "", "10.23"]


def test_final_key_figures():
    assert row(FINAL, "总计", 5) == ["总计", "307.82", "总计", "307.82"]
    assert row(FINAL, "合计", 8)[:5] == ["合计", "", "307.82", "105.58", "202.24"]
    # the 三公 table has only its header rows and a note
    assert row(FINAL, "预算数", 14) == ["预算数", "决算数"] * 6
    texts = [ln.text for ln in doc(FINAL).lines]
    assert any("机关运行经费支出 10.23 万元" in t for t in texts)
    # words set apart by position keep a space; letter-spaced Chinese in a cell does not
    assert row(FINAL, "社会工作部 2024 年度", 1) == ["社会工作部 2024 年度"]
    assert "行政事业单位养老支出" in row(FINAL, "20805", 12)


# ----------------------------------------------------------------------------- Jiangsu


def test_jiangsu_three_block_summary():
    # rotated pages (/Rotate 90) read upright; 收入 | 功能分类 | 支出用途 side by side
    assert row(JS_TAB, "一、财政拨款", 1) == [
        "一、财政拨款",
        "18,330.37",
        "一、一般公共服务支出",
        "13,907.78",
        "一、基本支出",
        "9,312.90",
    ]
    assert row(JS_TAB, "2.政府性基金预算", 1) == [
        "2.政府性基金预算",
        "",
        "三、国防支出",
        "",
        "三、单位预留机动经费",
        "2,557.89",
    ]
    assert row(JS_TAB, "十八、住房保障支出", 1)[2:4] == ["十八、住房保障支出", "3,301.20"]
    assert row(JS_TAB, "收入合计", 1) == ["收入合计", "18,330.37", "支出合计", "", "", "18,330.37"]


def test_jiangsu_vertical_merge_value_in_first_row():
    assert row(JS_TAB, "一般公共预算资金", 2) == ["一般公共预算资金", "小计", "18,330.37"]
    assert row(JS_TAB, "公共财政拨款(补助)资金", 2) == ["", "公共财政拨款(补助)资金", "18,330.37"]


def test_jiangsu_three_public_funds():
    assert row(JS_TAB, "2,600.71", 9) == [
        "2,600.71",
        "767.60",
        "199.25",
        "183.60",
        "",
        "183.60",
        "384.75",
        "1,469.73",
        "363.38",
    ]
    assert row(JS_TAB, "小计", 9, nth=1)[3:6] == ["小计", "公务用车购置费", "公务用车运行维护费"]


def test_jiangsu_wrapped_cell_in_procurement_table():
    assert row(JS_TAB, "便携式计算机(20万以下)", 12) == [
        "",
        "",
        "",
        "便携式计算机(20万以下)",
        "分散自行组织",
        "14.00",
    ]
    assert row(JS_TAB, "常委会会议经费及省人大工作会议经费", 13) == [
        "",
        "常委会会议经费及省人大工作会议经费",
        "会议费",
        "",
        "",
        "206.10",
    ]


def test_jiangsu_footer_not_inside_sentence():
    d = doc(JS_NARR)
    assert not any("─" in ln.text for ln in d.lines)
    p14 = [ln for ln in d.lines if ln.page == 14]
    p15 = [ln for ln in d.lines if ln.page == 15]
    assert p14[-1].cells == ["(二)公用经费1642.08万元。主要包括:办公费、水费、"]
    assert p15[0].cells == ["电费、邮电费、差旅费、工会经费、福利费、公务用车运行维护"]
    assert all(len(ln.cells) == 1 for ln in p15)  # prose: one cell per line


def test_jiangsu_key_figures_in_narrative():
    texts = [ln.text for ln in doc(JS_NARR).lines]
    assert any("18330.37万元" in t for t in texts)
    assert any("单位预留机动经费预算数为2557.89万元" in t for t in texts)
    assert any("因公出国(境)费支出199.25万元" in t for t in texts)


# ----------------------------------------------------------------------------- layout units


def G(text: str, x0: float, base: float, h: float = 10.0, w: float = 10.0) -> Glyph:
    """A run of ``text`` from ``x0``, ``w`` points per character, centred on ``base``."""
    return Glyph(
        text,
        x0,
        base - h / 2,
        x0 + w * len(text),
        base + h / 2,
        base,
        edges=[x0 + w * i for i in range(len(text))],
    )


def test_numbers_slightly_lower_rejoin_their_line():
    # the amount sits 4 pt lower (another font): still the same row, not a line of its own
    lines = cluster_lines([G("工资福利支出", 50, 100), G("95.36", 300, 104, w=5), G("基本工资", 50, 120)])
    assert ["".join(g.ch for g in ln) for ln in lines] == ["工资福利支出95.36", "基本工资"]


def test_numbers_far_lower_are_a_line_of_their_own():
    lines = cluster_lines([G("工资福利支出", 50, 100), G("95.36", 50, 112, w=5)])
    assert len(lines) == 2


def test_orphan_rejoins_the_nearest_data_row():
    def ol(cells, base):
        return OutLine(cells=cells, xs=[0.0] * len(cells), top=base - 5, bottom=base + 5, base=base, h=10)

    rows = [
        ol(["201", "一般公共服务", "264.87"], 100),
        ol(["", "支出", ""], 111),
        ol(["20139", "社会工作事务", "264.87"], 130),
    ]
    out = merge_orphans(rows)
    assert [r.cells for r in out] == [
        ["201", "一般公共服务支出", "264.87"],
        ["20139", "社会工作事务", "264.87"],
    ]
    # a name over three lines: the third follows the second, not the next row below it
    rows = [
        ol(["2080505", "机关事业单位", "6.18"], 100),
        ol(["", "基本养老保险", ""], 112),
        ol(["", "缴费支出", ""], 124),
        ol(["2080506", "职业年金", "4.64"], 138),
    ]
    assert [r.cells for r in merge_orphans(rows)] == [
        ["2080505", "机关事业单位基本养老保险缴费支出", "6.18"],
        ["2080506", "职业年金", "4.64"],
    ]
    # a text line far from any data row is left alone
    rows = [ol(["201", "一般公共服务", "264.87"], 100), ol(["", "说明", ""], 140)]
    assert len(merge_orphans(rows)) == 2


def test_run_is_cut_at_a_column_rule():
    # "2,600.71" touches the rule at x=140 and "767.60" starts right after it: one run of chars
    g = G("2,600.71767.60", 60, 100, w=5)
    pieces = g.split_at([100.0, 140.0])
    assert [p.ch for p in pieces] == ["2,600.71", "767.60"]


def test_grid_from_rules_and_merged_cells():
    rules = [Rule(True, y, 50, 350) for y in (100, 120, 140, 160)]
    rules += [
        Rule(False, 50, 100, 160),
        Rule(False, 350, 100, 160),
        Rule(False, 150, 120, 160),
        Rule(False, 250, 100, 160),
    ]  # 150 not drawn in row 1
    grids = find_grids(rules)
    assert len(grids) == 1 and [round(x) for x in grids[0].xs] == [50, 150, 250, 350]
    glyphs = [
        G("收入", 80, 110),
        G("合计", 270, 110),
        G("一般公共预算", 55, 130),
        G("1.00", 200, 130, w=5),
        G("2.00", 300, 130, w=5),
        G("其他", 60, 150),
        G("3", 210, 150),
    ]
    lines, xs = layout_page(glyphs, rules, 842)
    assert [ln.cells for ln in lines] == [
        ["收入", "", "合计"],
        ["一般公共预算", "1.00", "2.00"],
        ["其他", "3", ""],
    ]
    assert xs == grids[0].xs


@pytest.mark.parametrize("text", ["─ 13 ─", "- 15 -", "第 3 页", "第3页 共10页", "12", "3/10", "— 7 —"])
def test_page_furniture(text):
    assert is_page_furniture(text)


@pytest.mark.parametrize("text", ["2024年", "2025", "13,907.78", "一、收入", "注:本表无数据", "- 15 - 万元"])
def test_not_page_furniture(text):
    assert not is_page_furniture(text)


def test_normalise_text_only_safe_forms():
    assert normalise_text("１２３，４５６．７８（境）％：") == "123,456.78(境)%:"
    assert normalise_text("⽀出　合计") == "支出 合计"  # Kangxi radical, ideographic space
    assert normalise_text("、。“三公”①") == "、。“三公”①"  # CJK punctuation and ① kept


# ----------------------------------------------------------------------------- synthetic PDFs


def make_pdf(contents: list[bytes], rotate: int = 0, encrypt: bool = False, size=(595, 842)) -> bytes:
    """A minimal PDF: one page per content stream, fonts /F1 Helvetica and /F2 Courier."""
    objs: list[bytes] = []
    n = len(contents)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    font_base = 3 + 2 * n
    for i, c in enumerate(contents):
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size[0]} {size[1]}] /Rotate {rotate} "
            f"/Resources << /Font << /F1 {font_base} 0 R /F2 {font_base + 1} 0 R >> >> "
            f"/Contents {4 + 2 * i} 0 R >>".encode()
        )
        objs.append(b"<< /Length %d >>\nstream\n" % len(c) + c + b"\nendstream")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    trailer_extra = b""
    if encrypt:
        offsets.append(len(out))
        enc = len(objs) + 1
        out += b"%d 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>\nendobj\n" % (
            enc,
            b"ab" * 32,
            b"cd" * 32,
        )
        file_id = b"<00112233445566778899aabbccddeeff>"
        trailer_extra = b"/Encrypt %d 0 R /ID [%s%s]" % (enc, file_id, file_id)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1,
        trailer_extra,
        xref,
    )
    return bytes(out)


def text(x: float, y: float, s: str, font: str = "F1", size: int = 10) -> bytes:
    return f"BT /{font} {size} Tf {x} {y} Td ({s}) Tj ET\n".encode()


def test_synthetic_unruled_table_with_wrapped_name_and_low_numbers():
    c = (
        text(50, 700, "Item")
        + text(300, 700, "Amount")
        + text(50, 680, "Wages and")
        + text(300, 678, "1,234.50", "F2")  # another font, 2 pt lower
        + text(50, 668, "salaries")  # the name wraps
        + text(50, 650, "Travel")
        + text(300, 650, "20.00", "F2")
        + text(50, 630, "Total")
        + text(300, 630, "1,254.50", "F2")
        + text(290, 40, "- 15 -")
    )  # page footer
    d = read_pdf(make_pdf([c]), "t.pdf", "0")
    assert [ln.cells for ln in d.lines] == [
        ["Item", "Amount"],
        ["Wages and salaries", "1,234.50"],
        ["Travel", "20.00"],
        ["Total", "1,254.50"],
    ]
    assert [ln.lineno for ln in d.lines] == [1, 2, 3, 4] and all(ln.page == 1 for ln in d.lines)


def test_synthetic_ruled_table_centred_amount_beside_wrapped_name():
    rules = b"0 0 0 rg " + b"".join(b"50 %d 300 0.5 re f " % y for y in (700, 680, 650, 630))
    rules += b"".join(b"%d 630 0.5 70 re f " % x for x in (50, 100, 200, 350))
    c = (
        rules
        + b"\n"
        + text(55, 686, "201")
        + text(105, 686, "Code name")
        + text(105, 667, "General public")
        + text(105, 655, "services")
        + text(300, 661, "264.87")
        + text(55, 661, "201")
        + text(55, 636, "208")
        + text(105, 636, "Social")
        + text(300, 636, "10.82")
    )
    d = read_pdf(make_pdf([c]), "t.pdf", "0")
    assert [ln.cells for ln in d.lines] == [
        ["201", "Code name", ""],
        ["201", "General public services", "264.87"],
        ["208", "Social", "10.82"],
    ]


def test_synthetic_cells_drawn_as_stroked_boxes_and_a_seal():
    # each cell its own stroked box (re S); a round seal (curves) over the table draws no rule
    boxes = b"0.5 w " + b"".join(
        b"%d %d %d 20 re S " % (x, y, w) for y in (680, 660) for x, w in ((50, 100), (150, 100), (250, 80))
    )
    seal = b"300 700 m 330 700 330 740 300 740 c 270 740 270 700 300 700 c S "
    c = (
        boxes
        + seal
        + b"\n"
        + text(55, 686, "Item")
        + text(155, 686, "Basic")
        + text(255, 686, "Total")
        + text(55, 666, "Wages")
        + text(200, 666, "5.00")
        + text(290, 666, "5.00")
    )
    d = read_pdf(make_pdf([c]), "t.pdf", "0")
    assert [ln.cells for ln in d.lines] == [["Item", "Basic", "Total"], ["Wages", "5.00", "5.00"]]


def test_synthetic_rotated_page_reads_upright():
    # landscape content drawn turned on a portrait page shown with /Rotate 90 (as Jiangsu's tables)
    c = b"BT /F1 10 Tf 0 1 -1 0 100 50 Tm (Total) Tj ET\nBT /F1 10 Tf 0 1 -1 0 100 300 Tm (18,330.37) Tj ET\n"
    d = read_pdf(make_pdf([c], rotate=90), "t.pdf", "0")
    assert [ln.cells for ln in d.lines] == [["Total", "18,330.37"]]


def test_page_without_text_is_noted_not_read():
    image = b"q 100 0 0 100 50 500 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q"
    d = read_pdf(make_pdf([text(50, 700, "first page"), image, b""]), "scan.pdf", "0")
    # with the OCR extra the image is tried (a 2×2 pixel image holds no text); without it the note says how
    assert d.notes[0] in (
        "page 2: no text layer; OCR found no text",
        "page 2: no text layer; install yusuan[ocr] to read it",
    )
    assert d.notes[1] == "page 3: blank page (no text)"
    assert [ln.page for ln in d.lines] == [1] and d.pages == 3


def test_encrypted_pdf_raises_read_error():
    with pytest.raises(ReadError) as err:
        read_pdf(make_pdf([text(50, 700, "secret")], encrypt=True), "enc.pdf", "0")
    e = err.value
    assert isinstance(e, YusuanError) and e.file == "enc.pdf" and e.page is None
    assert "encrypted" in str(e) and "加密" in str(e) and "\n" not in str(e)
    assert e.where == "enc.pdf"


@pytest.mark.parametrize("data", [b"", b"hello, not a pdf", b"%PDF-1.4\n", b"%PDF-1.7\n1 0 obj\n<<"])
def test_not_a_pdf_raises_read_error(data):
    with pytest.raises(ReadError):
        read_pdf(data, "bad.pdf", "0")


def test_implausible_page_count_is_refused(monkeypatch):
    # a corrupt page tree claiming a million pages in a 1 kB file: refused before any page loads
    import yusuan.read.pdf as reader

    monkeypatch.setattr(reader.pr, "FPDF_GetPageCount", lambda _doc: 1_000_000)
    with pytest.raises(ReadError, match="page count"):
        read_pdf(make_pdf([text(50, 700, "one")]), "count.pdf", "0")


def test_truncated_sample_raises_read_error_or_reads():
    data = (FIXTURES / JS_TAB).read_bytes()
    with pytest.raises(ReadError):
        read_pdf(data[:2000], JS_TAB, "0")
    # the trailer cut off: pdfium rebuilds the cross-reference table and the pages still read
    d = read_pdf(data[: len(data) - 200], JS_TAB, "0")
    assert d.pages == 13


def _mutate(data: bytes, rng: random.Random) -> bytes:
    """The bench's mutation (bench/pdf_read.py), so that test and bench fuzz the same way."""
    bench = str(Path(__file__).resolve().parent.parent / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    from pdf_read import mutate

    return mutate(data, rng)


def test_mutated_copies_read_or_raise_read_error():
    """200 truncated / byte-flipped copies (fixed seed); YUSUAN_FUZZ_FULL=1 runs 1,000."""
    n = 1000 if os.environ.get("YUSUAN_FUZZ_FULL") else 200
    data = (FIXTURES / JS_TAB).read_bytes()
    rng = random.Random(20250101)
    outcomes = {"read": 0, "error": 0}
    for _ in range(n):
        blob = _mutate(data, rng)
        try:
            d = read_pdf(blob, JS_TAB, "0")
        except ReadError as e:
            assert e.file == JS_TAB
            outcomes["error"] += 1
        else:
            assert d.pages and d.pages >= 1
            outcomes["read"] += 1
    assert outcomes["read"] > 0 and outcomes["error"] > 0


def test_compressed_stream_with_flipped_bytes():
    c = zlib.compress(text(50, 700, "Total") + text(300, 700, "1.00"))
    pdf = make_pdf([b""]).replace(b"<< /Length 0 >>", b"<< /Length %d /Filter /FlateDecode >>" % len(c))
    pdf = pdf.replace(b"stream\n\nendstream", b"stream\n" + c + b"\nendstream")
    assert [ln.cells for ln in read_pdf(pdf, "z.pdf", "0").lines] == [["Total", "1.00"]]
    bad = pdf.replace(c, bytes(b ^ 0x5A for b in c))
    with contextlib.suppress(ReadError):  # reading is fine too, as long as nothing else escapes
        read_pdf(bad, "z.pdf", "0")
