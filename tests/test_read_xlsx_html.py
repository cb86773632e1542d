"""Excel and HTML readers on small synthetic workbooks and pages shaped like real disclosures."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from yusuan.read.errors import ReadError
from yusuan.read.html import decode_html, read_html
from yusuan.read.xlsx import cell_text, read_xlsx

# ----------------------------------------------------------------------------- xlsx


def workbook_bytes(build) -> bytes:
    wb = openpyxl.Workbook()
    build(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _budget(wb):
    ws = wb.active
    ws.title = "收入预算总表"
    ws.append(["2025年部门收入预算总表"])
    ws.merge_cells("A1:E1")
    ws.append(["功能分类科目编码", None, None, "科目名称", "合计"])
    ws.merge_cells("A2:C2")
    ws.append(["类", "款", "项", None, None])
    ws.append([201, "05", "07", "专项普查活动", 438300])
    ws.append([None] * 5)
    ws.append(["合计", None, None, None, 13907.779999999999])
    ws["E6"].number_format = "#,##0.00"
    ws.append(["比例", None, None, None, 0.125])
    ws["E7"].number_format = "0.0%"
    ws.append(["填报日期", dt.date(2025, 1, 2), "（全角）１２", None, None])
    second = wb.create_sheet("三公")
    second.append(["合计", "因公出国(境)费"])
    second.append([37.91, 0])


def test_xlsx_rows_cells_and_pages():
    doc = read_xlsx(workbook_bytes(_budget), "b.xlsx", "abc")
    assert doc.format == "xlsx" and doc.files == ["b.xlsx"] and doc.sha256 == "abc"
    assert doc.pages == 2 and doc.notes == ["sheet 1: 收入预算总表", "sheet 2: 三公"]
    s1 = [ln for ln in doc.lines if ln.page == 1]
    assert [ln.lineno for ln in s1] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert all(len(ln.cells) == 5 for ln in s1)  # padded to the sheet's width
    # a merged range keeps its value in its first cell only
    assert s1[0].cells == ["2025年部门收入预算总表", "", "", "", ""]
    assert s1[1].cells == ["功能分类科目编码", "", "", "科目名称", "合计"]
    assert s1[3].cells == ["201", "05", "07", "专项普查活动", "438300"]
    assert s1[4].is_blank
    # number format decides the decimals; binary noise is gone
    assert s1[5].cells[-1] == "13907.78"
    assert s1[6].cells[-1] == "12.5%"
    assert s1[7].cells[:3] == ["填报日期", "2025-01-02", "(全角)12"]
    s2 = [ln.cells for ln in doc.lines if ln.page == 2]
    assert s2 == [["合计", "因公出国(境)费"], ["37.91", "0"]]


def test_xlsx_trailing_blank_rows_dropped():
    def build(wb):
        ws = wb.active
        ws.append(["a", 1])
        for _ in range(5):
            ws.append([None, None])
        ws["A40"] = None

    doc = read_xlsx(workbook_bytes(build), "x.xlsx", "0")
    assert [ln.cells for ln in doc.lines] == [["a", "1"]]


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (None, "General", ""),
        (189767551, "General", "189767551"),
        (189767551.0, "General", "189767551"),
        (35892.39, "General", "35892.39"),
        (0.1 + 0.2, "General", "0.3"),
        (1642.0, "0.00", "1642.00"),
        (-0.001, "0.00", "0.00"),
        (1, "0%", "100%"),
        (True, "General", "TRUE"),
        (dt.datetime(2025, 3, 1, 0, 0), "yyyy-mm-dd", "2025-03-01"),
        ("  行政运行 ", "General", "行政运行"),
    ],
)
def test_cell_text(value, fmt, expected):
    assert cell_text(value, fmt) == expected


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512  # legacy .xls / encrypted workbook


@pytest.mark.parametrize("data", [b"", b"not a zip", b"PK\x03\x04garbage", OLE])
def test_xlsx_bad_input_raises_read_error(data):
    with pytest.raises(ReadError) as err:
        read_xlsx(data, "bad.xlsx", "0")
    assert err.value.file == "bad.xlsx"


def test_xlsx_truncated_raises_read_error():
    data = workbook_bytes(_budget)
    with pytest.raises(ReadError):
        read_xlsx(data[: len(data) // 2], "cut.xlsx", "0")


# ----------------------------------------------------------------------------- html

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>预算公开</title><style>td {{ border: 1px }}</style><script>var a = "<tr><td>x</td></tr>";</script>
</head><body>
<h2>2025年部门收入预算总表</h2>
<p>编制部门：上海市某某局　　单位：元</p>
<table border="1">
  <tr><th colspan="3">功能分类科目编码</th><th rowspan="2">科目名称</th><th>合计</th></tr>
  <tr><th>类</th><th>款</th><th>项</th><th>金额</th></tr>
  <tr><td>201</td><td>05</td><td>07</td>
      <td><p class="MsoNormal"><span>社会保障和</span></p><p><span>就业支出</span></p></td>
      <td>１２３,４５６</td></tr>
  <tr><td>合&nbsp;计</td><td></td><td></td><td></td><td>123,456</td></tr>
</table>
<div>注：本表<b>无</b>数据<br>第二行</div>
{extra}
</body></html>"""


def test_html_rows_cells_spans_and_prose():
    doc = read_html(PAGE.format(extra="").encode("gb18030"), "p.html", "0")
    assert doc.format == "html"
    cells = [ln.cells for ln in doc.lines]
    assert cells == [
        ["2025年部门收入预算总表"],
        ["编制部门:上海市某某局 单位:元"],
        ["功能分类科目编码", "", "", "科目名称", "合计"],
        ["类", "款", "项", "", "金额"],  # the rowspan keeps 金额 in the 合计 column
        ["201", "05", "07", "社会保障和就业支出", "123,456"],  # paragraphs in a cell rejoined
        ["合 计", "", "", "", "123,456"],
        ["注:本表无数据"],
        ["第二行"],
    ]
    assert doc.lines[0].lineno == 5  # source line of the block
    assert all(ln.page is None and ln.file == "p.html" for ln in doc.lines)


def test_html_layout_table_around_data_table():
    extra = (
        "<table><tr><td>版面<table><tr><td>一般公共服务支出</td><td>3,296,600</td></tr></table>"
        "以上为表格</td></tr></table>"
    )
    # labelled gb2312 but saved as UTF-8, as mirror sites do
    doc = read_html(PAGE.format(extra=extra).encode("utf-8"), "p.html", "0")
    cells = [ln.cells for ln in doc.lines][-3:]
    assert cells == [["版面"], ["一般公共服务支出", "3,296,600"], ["以上为表格"]]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<meta charset='utf-8'><p>收入</p>".encode(), "收入"),
        ('<meta charset="GBK"><p>收入</p>'.encode("gbk"), "收入"),
        ("<p>收入</p>".encode("gb18030"), "收入"),  # no label, not UTF-8: GB18030
        (b"\xef\xbb\xbf<p>\xe6\x94\xb6</p>", "收"),
        ('<meta charset="no-such-codec"><p>收入</p>'.encode(), "收入"),
    ],
)
def test_html_decoding(raw, expected):
    assert expected in decode_html(raw)
    assert read_html(raw, "d.html", "0").lines[-1].cells == [expected]


def test_html_binary_raises_read_error():
    with pytest.raises(ReadError):
        read_html(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "img.html", "0")


def test_html_unclosed_tags_and_huge_colspan():
    doc = read_html(b"<table><tr><td colspan=100000>a<td>1.00<tr><td>b<td>2.00", "u.html", "0")
    assert [ln.cells for ln in doc.lines] == [["a", "1.00"], ["b", "2.00"]]
