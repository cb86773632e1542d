"""Tables of the primary sample, with values read by hand from the document, and each
text-layer trap on small synthetic inputs."""

from __future__ import annotations

import re
from decimal import Decimal

from yusuan.extract.tables import extract_tables
from yusuan.read.document import Line

D = Decimal


def v(table, ref, col):
    for attr in ("code", "key", "name"):
        for r in table.rows:
            if getattr(r, attr) == ref and col in r.values:
                return r.values[col].value
    raise KeyError((ref, col))


def test_thirteen_tables_in_printed_order(shanxi):
    kinds = [t.kind for t in shanxi.tables]
    assert kinds == [
        "summary",
        "income",
        "expenditure",
        "fiscal_summary",
        "general_budget_expenditure",
        "general_budget_basic_economic",
        "gov_fund_income",
        "gov_fund_expenditure",
        "state_capital",
        "three_public",
        "admin_running",
        "project_current",
        "project_carryover",
    ]
    assert [t.number for t in shanxi.tables] == list(range(1, 14))
    assert shanxi.tables[0].printed_no == "预算公开表1"
    assert shanxi.tables[8].printed_no == "部门公开表9"
    assert all(t.unit == "万元" for t in shanxi.tables)
    # tables 7–9 print 单位:万元; the others take the document's unit and say so
    assert [t.unit_source for t in shanxi.tables[6:9]] == ["printed"] * 3
    assert shanxi.tables[0].unit_source == "document"


def test_summary_two_sided(shanxi):
    t = shanxi.table("summary")
    assert v(t, "income:general_budget", "amount") == D("35892.39")  # printed "35892. 39"
    assert v(t, "income_current_total", "amount") == D("35892.39")
    assert v(t, "carryover_total", "amount") == D("57.00")
    assert v(t, "income_grand_total", "amount") == D("35949.39")
    assert v(t, "exp:208", "total") == D("35268.06")
    assert v(t, "exp:208", "current_year") == D("35211.06")
    assert v(t, "exp:208", "carryover") == D("57.00")
    assert v(t, "exp:210", "total") == D("193.12")
    assert v(t, "exp:213", "total") == D("68.34")
    assert v(t, "exp:221", "total") == D("419.87")
    assert v(t, "exp_grand_total", "total") == D("35949.39")
    assert v(t, "exp_current_total", "carryover") == D("57.00")
    # empty classes are rows without values, named as printed
    r = t.row_by_key("exp:207")
    assert r.name == "七、文化旅游体育与传媒支出" and r.values == {}


def test_income_table_and_page_break_realignment(shanxi):
    t = shanxi.table("income")
    total = t.total_row()
    assert total.values["total"].value == D("35892.39")
    assert total.values["carryover"].value == D("57.00")
    assert v(t, "20807", "carryover") == D("50.00")
    # after the page break the text drops empty columns: "1221.00 ⇥ 1221.00 ⇥ ⇥ ⇥ 7. 00"
    a = t.row_by_code("20899").values["carryover"]
    assert a.value == D("7.00") and "column_realigned" in a.flags and a.source.line == 139
    assert v(t, "2082790", "total") == D("1342.08")
    assert t.row_by_code("2082602").name == "财政对城乡居民基本养老保险基金的补助"  # wrapped "补 助"
    assert t.row_by_code("2082602").parent == "20826" and t.row_by_code("2082602").level == 3


def test_expenditure_tables(shanxi):
    t = shanxi.table("expenditure")
    assert [t.total_row().values[k].value for k in ("total", "basic", "project")] == [
        D("35949.39"),
        D("4345.68"),
        D("31603.71"),
    ]
    assert v(t, "20807", "total") == D("1089.23")
    assert v(t, "2080799", "project") == D("58.27")
    assert "basic" not in t.row_by_code("2080507").values
    g = shanxi.table("general_budget_expenditure")
    assert g.excludes_carryover
    assert v(g, "total", "project") == D("31546.71")
    assert v(g, "20899", "total") == D("1221.00")


def test_economic_table(shanxi):
    t = shanxi.table("general_budget_basic_economic")
    total = t.total_row()
    assert [total.values[k].value for k in ("total", "personnel", "public")] == [
        D("1030.05"),
        D("987.20"),
        D("42.85"),
    ]
    classes = [r.name for r in t.rows if r.level == 1]
    assert classes == ["工资福利支出", "商品和服务支出", "对个人和家庭的补助"]
    retire = [r for r in t.rows if r.name == "退休费"][0]
    assert retire.alt_name == "离退休费" and retire.parent == "对个人和家庭的补助"
    assert retire.values["total"].value == D("25.08")


def test_empty_tables_say_so(shanxi):
    for kind in ("gov_fund_income", "gov_fund_expenditure", "state_capital"):
        t = shanxi.table(kind)
        assert t.empty_note == "注:本表无数据"
        assert all(not r.values for r in t.rows)


def test_three_public_and_admin_running(shanxi):
    t = shanxi.table("three_public")
    assert v(t, "vehicle", "total") == D("13.20")
    assert v(t, "vehicle_operation", "general_budget") == D("13.20")
    assert v(t, "total", "total") == D("13.20")
    assert t.row_by_key("abroad").values == {} and t.row_by_key("vehicle_purchase").values == {}
    a = shanxi.table("admin_running")
    assert v(a, "部门合计", "total") == D("52.68")


def test_projects(shanxi):
    cur = [p for p in shanxi.projects if p.period == "current"]
    carry = [p for p in shanxi.projects if p.period == "carryover"]
    assert len(cur) == 37 and len(carry) == 2
    by_unit = {}
    for p in cur:
        by_unit.setdefault(p.unit, []).append(p.name)
    assert {u: len(ps) for u, ps in by_unit.items()} == {
        "孝义市人力资源和社会保障局": 7,
        "孝义市创业就业服务中心": 8,
        "孝义市社会保险中心": 20,
        "孝义市劳动保障监察综合行政执法队": 2,
    }
    p = next(p for p in cur if p.name == "2023年、2024年实习大学生生活补贴")
    assert p.unit == "孝义市创业就业服务中心" and p.amounts["total"].value == D("163.40")
    assert p.source.line == 409
    q = next(p for p in cur if p.name == "单位运转经费")
    assert q.unit == "孝义市劳动保障监察综合行政执法队" and q.amounts["total"].value == D("1.72")
    # a name wrapped inside its cell is rejoined without the space
    assert any(p.name == "财政对城乡居民补充养老保险省级补助(晋财社【2023】282号)" for p in cur)
    assert {p.name: p.amounts["total"].value for p in carry} == {
        "就业补助资金晋财社(2002)223号": D("50.00"),
        "2023年国企职教幼教退休教师生活待遇补助中央(晋财资【2017】318号)": D("7.00"),
    }


def test_every_printed_amount_exported_once_and_nothing_invented(shanxi, shanxi_path):
    """Independent of the extractor: every 2-decimal number in the table pages (lines 62–452) of
    the text must be a fact, and every fact's raw text must stand on its line."""
    from yusuan.export import fact_rows

    lines = shanxi_path.read_text(encoding="utf-8").split("\n")
    printed = []
    for no in range(62, 452):
        for cell in lines[no - 1].split("\t"):
            if re.fullmatch(r"\d+\.\s?\d{2}", cell.strip()):
                printed.append((no, re.sub(r"\s", "", cell)))
    facts = fact_rows(shanxi)
    exported = sorted((int(f["line"]), f["amount"]) for f in facts)
    assert exported == sorted(printed)
    assert len(facts) == 451


def _lines(rows: list[str]) -> list[Line]:
    return [Line(r.split("|"), i) for i, r in enumerate(rows, start=1)]


def test_trap_digits_split_and_malformed_numbers_kept_raw():
    res = extract_tables(
        _lines(
            [
                "2024年预算支出总表",
                "部门名称:某局",
                "单位:万元",
                "科目编码|科目名称|合计|基本支出|项目支出",
                "|合计|35892. 39|35.949.39|3 5.00",
                "208|社会保障和就业支出|1,234. 50||",
            ]
        ),
        "t.txt",
    )
    t = res.tables[0]
    total = t.total_row()
    assert total.values["total"].value == D("35892.39") and "digits_split" in total.values["total"].flags
    bad = total.values["basic"]
    assert bad.value is None and bad.raw == "35.949.39" and "malformed" in bad.flags
    assert any(i.kind == "malformed" and i.where.line == 5 for i in res.issues)
    assert t.row_by_code("208").values["total"].value == D("1234.50")


def test_trap_merged_header_over_two_lines_and_wrapped_name_line():
    res = extract_tables(
        _lines(
            [
                "2024年预算收入总表",
                "部门名称:某局",
                "|项目|本年收入||上年结转",
                "科目编码|科目名称|合计|一般公共预算|",
                "|合计|10.00|10.00|2.00",
                "201|一般公共服务支出|10.00|10.00|2.00",
                "20101|人大事务及其他很长的名称被|10.00|10.00|2.00",
                "|折行的部分||",
            ]
        ),
        "t.txt",
    )
    t = res.tables[0]
    assert [c.key for c in t.columns] == ["total", "general_budget", "carryover"]
    r = t.row_by_code("20101")
    assert r.name == "人大事务及其他很长的名称被折行的部分"
    assert r.values["carryover"].value == D("2.00")


def test_trap_two_sided_and_empty_table():
    res = extract_tables(
        _lines(
            [
                "2024年财政拨款收支总表",
                "部门名称:某局",
                "收入||支出||",
                "项目|金额|项目|小计|一般公共预算",
                "一、一般公共预算|5.00|一、一般公共服务支出|5.00|5.00",
                "收入总计|5.00|支出总计|5.00|5.00",
                "2024年政府性基金预算支出表",
                "部门名称:某局",
                "单位:万元",
                "科目编码|科目名称|合计|基本支出|项目支出",
                "|合计|||",
                "注: 本表无数据",
            ]
        ),
        "t.txt",
    )
    s, e = res.tables
    assert s.row_by_key("income:general_budget").values["amount"].value == D("5.00")
    assert s.row_by_key("exp:201").side == "expenditure"
    assert s.row_by_key("exp_grand_total").values["general_budget"].value == D("5.00")
    assert e.empty_note == "注:本表无数据" and all(not r.values for r in e.rows)
    assert s.unit == "万元" and s.unit_source == "document"


def test_table_of_contents_is_not_a_table():
    res = extract_tables(
        _lines(["目 录", "表一2024年预算收支总表|3", "表三2024年预算支出总表|", "第二部分 报表"]), "t.txt"
    )
    assert res.tables == []
