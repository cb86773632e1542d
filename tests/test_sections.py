"""The narrative outline and the sections read from it, on values read by hand from the sample
(tests/fixtures/2024_budget_shanxi-xiaoyi_renshe.txt) and on small synthetic layouts."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from yusuan.extract.sections import (
    extract_admin_running_costs,
    extract_glossary,
    extract_procurement,
    extract_purchase_catalog,
    extract_state_assets,
    extract_three_public,
    no_purchase_catalog_stated,
    split_sections,
)
from yusuan.read.document import Line
from yusuan.read.text import read_text


@pytest.fixture(scope="module")
def lines(shanxi_path):
    return read_text(shanxi_path.read_bytes(), shanxi_path.name, "0").lines


@pytest.fixture(scope="module")
def sections(lines):
    return split_sections(lines, "sample.txt")


def by_path(sections, *path):
    return next(s for s in sections if s.path == list(path))


def synthetic(*texts: str, page: int | None = None) -> list[Line]:
    """Lines of a text input; a tab in a string makes cells."""
    return [Line(cells=t.split("\t"), lineno=i, page=page) for i, t in enumerate(texts, start=1)]


# --- the outline of the sample -----------------------------------------------------------


def test_outline_of_the_sample(sections):
    outline = [(s.source.line, s.path) for s in sections]
    assert outline[:3] == [(40, ["第一部分"]), (42, ["第一部分", "一"]), (58, ["第一部分", "二"])]
    assert (454, ["第三部分"]) in outline
    assert (477, ["第三部分", "五", "(一)"]) in outline
    assert (481, ["第三部分", "五", "(二)"]) in outline
    assert (504, ["第三部分", "八"]) in outline
    assert (1664, ["第三部分", "十一"]) in outline
    assert (1666, ["第三部分", "十一", "1"]) in outline
    assert (1680, ["第三部分", "十二", "(一)"]) in outline
    assert (1688, ["附件"]) in outline
    assert outline[-1] == (3738, ["第四部分"])
    # 一、…十二、 of part three, each once
    part3 = [s.path[1] for s in sections if s.path[:1] == ["第三部分"] and len(s.path) == 2]
    assert part3 == ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]


def test_table_of_contents_is_skipped(sections):
    # the 目录 (lines 3–38) repeats every heading with a page number
    assert min(s.source.line for s in sections) == 40


def test_heading_line_range(sections):
    s = by_path(sections, "第三部分", "一")
    assert s.heading == "一、部门预算收支数据变动情况及原因"
    assert (s.source.line, s.end_line) == (456, 458)
    assert s.source.raw == s.heading


def test_sentence_split_by_a_break_is_rejoined(sections):
    # line 506 ends "…原因是办公经", line 508 carries "费减少。"
    s = by_path(sections, "第三部分", "八")
    assert s.text.endswith("下降6.36%,原因是办公经费减少。")
    assert "\n" not in s.text
    assert s.line_starts == [(0, 506, None), (85, 508, None)]


def test_table_rows_and_their_debris_are_left_out(sections):
    s = by_path(sections, "第三部分", "十", "2")
    assert s.end_line == 1662  # the OCR'd performance-target tables belong to its range …
    assert "\t" not in s.text  # … but not to its text
    assert "孝文市" not in s.text and "指标" not in s.text and "填报日期" not in s.text
    assert s.text.endswith("(项目绩效目标表公开情况见附件)\n(2024年度)")
    part2 = by_path(sections, "第二部分")
    assert "35892" not in part2.text and "本表无数据" not in part2.text


def test_appended_document_and_footer_inside_a_sentence(sections):
    s = by_path(sections, "附件")
    assert s.heading == "山西省财政厅文件"
    # "-1-" (line 1700) stood between "《山西省" and "部门政府购买服务指导性目录〉"
    assert "〈山西省部门政府购买服务指导性目录〉(第一批)" in s.text
    assert "-1-" not in s.text


# --- reading particular sections ---------------------------------------------------------


def test_three_public(sections):
    tp = extract_three_public(sections)
    assert tp is not None
    assert tp.source.line == 498
    assert tp.text.startswith('2024年孝义市人力资源和社会保障局财政拨款安排的"三公"经费预算13.20万元')
    assert len(tp.claims) == 10  # 5 amounts, each "与上年(2023年)预算数相同"
    assert [c.kind for c in tp.claims].count("same") == 5
    amounts = {c.subject: c.value for c in tp.claims if c.kind == "amount"}
    assert amounts == {
        '"三公"经费预算': Decimal("13.20"),
        "因公出国(境)费": Decimal("0"),
        "公务接待费": Decimal("0"),
        "公务用车运行维护费": Decimal("13.20"),
        "公务用车购置费": Decimal("0"),
    }


def test_admin_running_costs(sections):
    a = extract_admin_running_costs(sections)
    assert a is not None
    assert (a.value, a.unit, a.precision, a.raw) == (Decimal("52.68"), "万元", 2, "52.68万元")
    assert a.source.line == 506


def test_procurement(sections):
    p = extract_procurement(sections)
    assert p is not None
    assert p.total.value == Decimal("14.83")
    assert p.goods.value == Decimal("5.05")
    assert (p.works.value, p.works.precision) == (Decimal("0"), 0)
    assert p.services.value == Decimal("9.78")
    assert not p.none_stated
    assert p.source.line == 510


def test_procurement_none_stated():
    secs = split_sections(synthetic("九、政府采购情况", "", "本部门2024年无政府采购预算。"), "x")
    p = extract_procurement(secs)
    assert p is not None and p.none_stated and p.total is None


def test_state_assets(sections):
    sa = extract_state_assets(sections)
    assert sa is not None
    assert sa.as_of == "2023-12-31"
    assert (sa.vehicles.quota, sa.vehicles.actual) == (10, 10)
    assert sa.vehicles.by_category == {
        "领导用车": 1,
        "机要通信用车": 0,
        "应急保障用车": 0,
        "执法执勤用车": 3,  # printed "执法执勤用 车3辆": the wrap is undone
        "特种专业技术用车": 0,
        "事业单位业务用车": 6,
        "其他公务用车": 0,
    }
    assert sa.office_floor_area_m2 == Decimal("317.52")
    assert sa.equipment_over == {"50": 0, "100": 0}
    assert sa.source.line == 1664


def test_glossary(sections):
    g = extract_glossary(sections)
    terms = [e.term for e in g]
    assert terms == [
        "基本支出",
        "项目支出",
        '"三公"经费',
        "机关运行经费",
        "政府购买服务",
        "财政专户管理资金",
        "单位资金",
        "上年结转",
        "一般公共预算",
        "政府性基金预算",
        "国有资本经营预算",
        "财政拨款",
    ]
    by_term = {e.term: e for e in g}
    # the definition on the paragraph after "六、财政专户管理资金:"
    assert by_term["财政专户管理资金"].definition.startswith("专指教育收费")
    assert by_term["财政专户管理资金"].source.line == 3746
    # no colon: the term ends where 是指 / 是对 begins; markdown bold is gone
    assert by_term["一般公共预算"].definition.startswith("是指以税收为主体")
    assert by_term["国有资本经营预算"].definition == "是对国有资本收益作出支出安排的收支预算。"
    assert by_term["上年结转"].definition.startswith("指以前年度预算安排")


def test_glossary_number_on_its_own_line():
    secs = split_sections(
        synthetic(
            "第四部分 名词解释",
            "七、单位预留机动经费:指预算单位年初预留的经费。",
            "八、",
            "“三公”经费:指部门用",
            "财政拨款安排的费用。",
        ),
        "x",
    )
    g = extract_glossary(secs)
    assert [(e.term, e.definition) for e in g] == [
        ("单位预留机动经费", "指预算单位年初预留的经费。"),
        ("“三公”经费", "指部门用财政拨款安排的费用。"),
    ]


# --- the appended 政府购买服务指导性目录 ------------------------------------------------------


@pytest.fixture(scope="module")
def catalog(lines):
    return extract_purchase_catalog(lines, "sample.txt")


def test_catalog_group_counted_by_hand(catalog):
    # 人民法院, lines 1728–1752: 15 rows, a repeated header (1745), 7 rows
    court = [i for i in catalog if i.group == "人民法院"]
    assert len(court) == 22
    assert [i.code for i in court[:4]] == ["A", "A10", "A1006", "A100601"]
    assert court[-1].code == "A180701" and court[-1].name == "12368 诉讼热线服务"
    assert Counter(i.level for i in court) == {1: 1, 2: 5, 3: 8, 4: 8}


def test_catalog_tree(catalog):
    first = catalog[:4]
    assert [(i.code, i.name, i.level, i.parent) for i in first] == [
        ("A", "公共服务", 1, None),
        ("A15", "公共信息与宣传服务", 2, "A"),
        ("A1502", "公共公益宣传服务", 3, "A15"),
        ("A150201", "人大宣传服务", 4, "A1502"),
    ]
    # "人民代表: ⇥ 大会常务委员 ⇥ 员会办公厅(室)": the cells are joined as printed
    assert first[0].group.startswith("人民代表大会常务委员")
    assert first[3].source.line == 1713
    assert all(i.code != "代码" for i in catalog)


def test_catalog_rows_printed_in_one_cell(catalog):
    # page 26 lost its columns: "A1703 监测服务 A170301 交通运输污染物排⇥放监测服务"
    at = {i.source.line: i for i in catalog}
    assert (at[2605].code, at[2605].name) == ("A1703", "监测服务")
    assert (at[2606].code, at[2606].name, at[2606].group) == (
        "A170301",
        "交通运输污染物排放监测服务",
        "交通运输",
    )
    assert (at[2620].code, at[2620].name, at[2620].group) == (
        "A010301",
        "水利安全生产事故及投诉调查服务",
        "水利",
    )
    # codes read with spaces ("A 0 1 0 1") are rebuilt
    assert at[1794].code == "A0101"


def test_no_catalog_statement(sections):
    assert no_purchase_catalog_stated(sections)
    assert not no_purchase_catalog_stated(
        split_sections(synthetic("十二、其他说明", "本部门无其他说明。"), "x")
    )


# --- synthetic layouts -------------------------------------------------------------------


def test_pdf_style_lines_wrapped_headings_and_footers():
    lines = synthetic(
        "目 录",
        "第一部分 部门概况……………1",
        "第三部分 部门预算情况说明……7",
        "第一部分 部门概况",
        "一、主要职能",
        "(八)撤销下一级人民代表大会及其常务委员会的不适当的",
        "决议;",
        "第三部分 部门预算情况说明",
        "九、一般公共预算“三公”经费、会议费、培训费支出预算",
        "情况说明",
        "本部门2019年度“三公”经费预算支出767.6万元,比上年预算减",
        "─ 13 ─",
        "少23.25万元,主要原因是压减。",
        "十一、一般公共预算机关运行经费支出预算情况说明",
        "2019年本部门机关运行经费预算支出1642.08万元 ─ 14 ─ ,增长3.97%。",
        page=3,
    )
    secs = split_sections(lines, "x.pdf")
    assert [s.path for s in secs] == [
        ["第一部分"],
        ["第一部分", "一"],
        ["第三部分"],
        ["第三部分", "九"],
        ["第三部分", "十一"],
    ]
    assert secs[1].text == "(八)撤销下一级人民代表大会及其常务委员会的不适当的决议;"
    assert secs[3].heading == "九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明"
    assert (
        secs[3].text == "本部门2019年度“三公”经费预算支出767.6万元,比上年预算减少23.25万元,主要原因是压减。"
    )
    assert secs[3].line_starts == [
        (0, 11, 3),
        (len("本部门2019年度“三公”经费预算支出767.6万元,比上年预算减"), 13, 3),
    ]
    assert secs[4].text == "2019年本部门机关运行经费预算支出1642.08万元,增长3.97%。"
    assert secs[4].source.page == 3


def test_traditional_headings():
    secs = split_sections(
        synthetic("七、“三公”經費增減變動原因說明", "本單位“三公”經費預算13.20萬元,與上年預算數相同。"), "x"
    )
    tp = extract_three_public(secs)
    assert tp is not None
    assert [(c.kind, c.value) for c in tp.claims] == [("amount", Decimal("13.20")), ("same", None)]


def test_no_outline_keeps_the_prose():
    secs = split_sections(synthetic("本单位2024年预算收入100.00万元。"), "x")
    assert len(secs) == 1 and secs[0].path == [] and secs[0].text == "本单位2024年预算收入100.00万元。"


def test_contents_without_page_numbers_end_with_their_page():
    """财政局 2025: the contents on p2 list headings without page numbers; p3 opens with
    "上海市财政局(单位)主要职能", which is the body's first heading, not one more entry."""
    from pathlib import Path

    from yusuan.read import load

    pdf = Path(__file__).parent / "fixtures" / "2025_unitbudget_shanghai_caizhengju.pdf"
    secs = split_sections(load(str(pdf)).lines, pdf.name)
    duties = next(s for s in secs if "主要职能" in s.heading)
    assert duties.source.page == 3
    assert "上海市财政局是主管全市财政工作的市政府组成部门" in duties.text
