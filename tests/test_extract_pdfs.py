"""Every standard table of the development PDFs, read from the PDF text layer.

Key figures come from ../shared/samples/README.md; the rest were read by hand from the rendered pages
(``pdftoppm -r 70 -f N -l N -png FILE``). Each PDF also gets a completeness check independent of the
extractor: every amount printed in its table pages is a fact, once, and every fact is printed there.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.api import parse
from yusuan.export import fact_rows, meta_rows
from yusuan.extract.tables import extract_tables
from yusuan.read import load
from yusuan.read.document import Line

D = Decimal
FIX = Path(__file__).parent / "fixtures"
WANLI = FIX / "2025_budget_shanghai-putuo_wanli-jiedao.pdf"
CZJ = FIX / "2025_unitbudget_shanghai_caizhengju.pdf"
FINAL = FIX / "2024_final_shanghai-putuo_shehui-gongzuobu.pdf"
JS_NARRATIVE = FIX / "2019_budget_jiangsu_renda-bangongting_narrative.pdf"
JS_TABLES = FIX / "2019_budget_jiangsu_renda-bangongting_tables.pdf"
JS = [str(JS_NARRATIVE), str(JS_TABLES)]


@pytest.fixture(scope="module")
def wanli():
    return parse(str(WANLI))


@pytest.fixture(scope="module")
def czj():
    return parse(str(CZJ))


@pytest.fixture(scope="module")
def final():
    return parse(str(FINAL))


@pytest.fixture(scope="module")
def js():
    return parse(JS)


def v(table, ref, col):
    """The amount in column ``col`` of the row whose code, key or name is ``ref``."""
    for attr in ("code", "key", "name"):
        for r in table.rows:
            if getattr(r, attr) == ref and col in r.values:
                return r.values[col].value
    raise KeyError((ref, col))


def row(table, key):
    r = table.row_by_key(key)
    assert r is not None, key
    return r


# ---------------------------------------------------------------------------------------------
# Completeness: independent of the extractor


_AMOUNT = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")
_CODE_SHAPED = re.compile(r"^\d{3}(?:\d{2}){0,2}$|^\d{2}$")


def _printed_amounts(lines: list[Line], file_part: str, pages: range) -> Counter:
    """Amount-looking cells on the table pages. A code-shaped number (201, 05, 2080505) is a code
    when what follows it on the line is a name or another code before any figure; the index line
    ``1 ⇥ 2 ⇥ 3`` is not amounts. Page numbers are not on the reader's lines."""
    out: Counter = Counter()
    for ln in lines:
        if file_part not in ln.file or ln.page not in pages:
            continue
        cells = [c.strip() for c in ln.cells]
        filled = [c for c in cells if c]
        if len(filled) >= 3 and all(re.fullmatch(r"\d{1,2}", c) for c in filled) and filled[0] == "1":
            continue
        code_before_name = False  # scanning right to left: the next filled cell is a name or a code
        for c in reversed(cells):
            if not c:
                continue
            if not _AMOUNT.match(c):
                code_before_name = True
                continue
            if code_before_name and _CODE_SHAPED.match(c):
                continue
            code_before_name = False
            out[(ln.page, ln.lineno, D(c.replace(",", "")))] += 1
    return out


def _facts(d) -> Counter:
    return Counter((int(f["page"]), int(f["line"]), D(f["amount"])) for f in fact_rows(d))


@pytest.mark.parametrize(
    ("name", "paths", "file_part", "pages", "count"),
    [
        ("wanli", str(WANLI), "wanli", range(9, 30), 875),
        ("caizhengju", str(CZJ), "caizhengju", range(7, 21), 263),
        ("final", str(FINAL), "shehui", range(5, 17), 205),
        ("jiangsu", JS, "_tables", range(1, 14), 163),
    ],
)
def test_every_printed_amount_exported_once_and_nothing_invented(name, paths, file_part, pages, count):
    doc = load(paths)
    d = parse(paths)
    printed = _printed_amounts(doc.lines, file_part, pages)
    facts = _facts(d)
    assert sum(printed.values()) == count
    assert facts - printed == Counter(), "facts not printed on the table pages"
    assert printed - facts == Counter(), "printed amounts missing from the facts"
    # and no amount was left for the reader of issues: nothing unplaced
    assert not [i.message for i in d.issues if i.kind in ("ambiguous", "unreadable", "malformed")]


def test_facts_carry_each_tables_unit(wanli, final, js):
    units = {(f["table_kind"], f["unit"]) for f in fact_rows(wanli)}
    assert ("three_public", "万元") in units and ("summary", "元") in units
    assert {f["unit"] for f in fact_rows(wanli) if f["table_kind"] != "three_public"} == {"元"}
    assert {f["unit"] for f in fact_rows(final)} == {"万元"}
    assert {f["unit"] for f in fact_rows(js)} == {"万元"}


# ---------------------------------------------------------------------------------------------
# Shanghai 2025 万里街道 (department budget, 元)


def test_wanli_tables_and_meta(wanli):
    assert [t.kind for t in wanli.tables] == [
        "summary",
        "income",
        "expenditure",
        "fiscal_summary",
        "general_budget_expenditure",
        "gov_fund_expenditure",
        "state_capital",
        "general_budget_basic_economic",
        "three_public",
    ]
    assert [t.unit for t in wanli.tables] == ["元"] * 8 + ["万元"]
    assert all(t.unit_source == "printed" for t in wanli.tables)
    m = meta_rows(wanli)[0]
    assert (m["department"], m["year"], m["kind"], m["scope"]) == (
        "上海市普陀区人民政府万里街道办事处",
        "2025",
        "budget",
        "department",
    )


def test_wanli_key_figures(wanli):
    s = wanli.table("summary")
    assert v(s, "income_grand_total", "amount") == D("189767551")
    assert v(s, "income:fiscal_appropriation", "amount") == D("189767551")
    assert row(s, "income:general_budget").parent == "一、财政拨款收入"
    assert v(s, "exp:212", "total") == D("154369326")
    assert v(s, "exp_grand_total", "total") == D("189767551")
    e = wanli.table("expenditure").total_row().values
    assert (e["total"].value, e["basic"].value, e["project"].value) == (
        D("189767551"),
        D("101341746"),
        D("88425805"),
    )
    x = wanli.table("expenditure")
    assert (v(x, "2120101", "total"), v(x, "2120101", "basic"), v(x, "2120101", "project")) == (
        D("17887739"),
        D("17737739"),
        D("150000"),
    )
    i = wanli.table("income")
    assert v(i, "2010507", "fiscal_appropriation") == D("438300") and v(i, "2210203", "total") == D("3340800")
    assert v(wanli.table("fiscal_summary"), "exp:208", "general_budget") == D("16091895")
    g = wanli.table("general_budget_expenditure")
    assert v(g, "total", "project") == D("88425805") and v(g, "2080505", "total") == D("4827156")
    econ = wanli.table("general_budget_basic_economic")
    tot = econ.total_row().values
    assert (tot["total"].value, tot["personnel"].value, tot["public"].value) == (
        D("101341746"),
        D("90514044"),
        D("10827702"),
    )
    assert v(econ, "30199", "personnel") == D("40124897") and v(econ, "30231", "public") == D("215600")
    for kind in ("gov_fund_expenditure", "state_capital"):
        t = wanli.table(kind)
        assert "空表" in t.empty_note and not any(r.values for r in t.rows)


def test_wanli_horizontal_three_public_in_wan_yuan(wanli):
    t = wanli.table("three_public")
    assert t.unit == "万元"
    got = {r.key: r.values["total"].value for r in t.rows if r.values}
    assert got == {
        "total": D("37.91"),
        "abroad": D("0"),
        "reception": D("1.35"),
        "vehicle": D("36.56"),
        "vehicle_purchase": D("15"),
        "vehicle_operation": D("21.56"),
        "admin_running": D("464.64"),
    }
    assert t.total_row().key == "total" and row(t, "vehicle_purchase").name == "公务用车购置费"


# ---------------------------------------------------------------------------------------------
# Shanghai 2025 财政局 (unit budget, 元)


def test_caizhengju(czj):
    assert [t.kind for t in czj.tables][:4] == ["summary", "income", "expenditure", "fiscal_summary"]
    assert len(czj.tables) == 9
    assert (czj.meta.department, czj.meta.year, czj.meta.kind, czj.meta.scope) == (
        "上海市财政局",
        2025,
        "budget",
        "unit",
    )
    s = czj.table("summary")
    assert v(s, "income_grand_total", "amount") == D("171915169")
    g = row(s, "exp_grand_total").values
    assert [g[k].value for k in ("total", "personnel", "public", "project")] == [
        D("171915169"),
        D("102464260"),
        D("25177779"),
        D("44273130"),
    ]
    assert v(s, "exp:201", "public") == D("24531459")
    e = czj.table("expenditure").total_row().values
    assert (e["basic"].value, e["project"].value) == (D("127642039"), D("44273130"))
    econ = czj.table("general_budget_basic_economic")
    tot = econ.total_row().values
    assert (tot["personnel"].value, tot["public"].value) == (D("102464260"), D("25177779"))
    assert v(econ, "30212", "public") == D("2887000") and v(econ, "31002", "total") == D("337000")
    # a name on the page after a repeated header is not glued to the header's 项目
    assert czj.table("income").row_by_code("2080801").name == "死亡抚恤"
    t = czj.table("three_public")
    got = {r.key: r.values["total"].value for r in t.rows if r.values}
    assert got == {
        "total": D("346.30"),
        "abroad": D("288.70"),
        "reception": D("25.40"),
        "vehicle": D("32.20"),
        "vehicle_operation": D("32.20"),
        "admin_running": D("2517.78"),
    }
    assert row(t, "vehicle_purchase").values == {}  # printed blank


# ---------------------------------------------------------------------------------------------
# Shanghai 2024 社会工作部 (final accounts, 万元)


def test_final_tables_and_meta(final):
    assert [t.kind for t in final.tables] == [
        "summary",
        "income",
        "expenditure",
        "fiscal_summary",
        "general_budget_expenditure",
        "general_budget_basic_economic",
        "three_public",
        "gov_fund_expenditure",
        "state_capital",
    ]
    m = final.meta
    assert (m.department, m.year, m.kind, m.scope) == (
        "中共上海市普陀区委社会工作部",
        2024,
        "final",
        "department",
    )


def test_final_summaries(final):
    s = final.table("summary")
    assert v(s, "income:general_budget", "amount") == D("307.82")
    assert v(s, "income_current_total", "amount") == D("307.82")
    assert v(s, "income_grand_total", "amount") == D("307.82")
    assert v(s, "exp:201", "total") == D("264.87") and v(s, "exp:221", "total") == D("29.42")
    assert v(s, "exp_grand_total", "total") == D("307.82")
    keys = {r.key for r in s.rows}
    assert {
        "income:use_of_balance",
        "carryover_total",
        "exp_balance_distribution",
        "exp_carry_forward",
    } <= keys
    f = final.table("fiscal_summary")
    assert [c.key for c in f.columns] == ["amount", "total", "general_budget", "gov_fund", "state_capital"]
    assert v(f, "exp_current_total", "general_budget") == D("307.82")
    assert {"carryover:general_budget", "carryover:gov_fund", "carryover:state_capital"} <= {
        r.key for r in f.rows
    }
    i = final.table("income")
    assert [c.key for c in i.columns] == [
        "total",
        "fiscal_appropriation",
        "from_higher",
        "business_income",
        "operating_income",
        "from_subsidiaries",
        "other_income",
    ]
    assert v(i, "total", "fiscal_appropriation") == D("307.82") and v(i, "2013999", "total") == D("202.24")
    x = final.table("expenditure")
    t = x.total_row().values
    assert (t["total"].value, t["basic"].value, t["project"].value) == (D("307.82"), D("105.58"), D("202.24"))
    assert v(x, "2013901", "basic") == D("51.32")
    g = final.table("general_budget_expenditure")
    assert v(g, "total", "basic") == D("105.58") and v(g, "2101102", "total") == D("0.49")


def test_final_economic_table_two_blocks_side_by_side(final):
    t = final.table("general_budget_basic_economic")
    assert v(t, "personnel_total", "total") == D("95.36")
    assert v(t, "public_total", "total") == D("10.23")
    assert v(t, "301", "total") == D("95.36") and v(t, "302", "total") == D("10.23")
    r = t.row_by_code("30108")
    assert (
        r.name == "机关事业单位基本养老保险缴费"
        and r.values["total"].value == D("6.18")
        and r.parent == "301"
    )
    r = t.row_by_code("30206")
    assert r.name == "电费" and r.values["total"].value == D("0.00") and r.parent == "302"
    assert v(t, "30211", "total") == D("1.15") and v(t, "30299", "total") == D("0.20")
    assert t.row_by_code("31099").parent == "310"
    # the left block (人员经费) is read before the right one (公用经费)
    codes = [r.code for r in t.rows if r.code and len(r.code) == 3]
    assert codes == ["301", "303", "302", "310"]


def test_final_empty_tables(final):
    t = final.table("three_public")
    assert "本表无数据" in t.empty_note
    assert [c.key for c in t.columns] == ["budget", "final"]
    assert [r.key for r in t.rows] == [
        "total",
        "abroad",
        "reception",
        "vehicle",
        "vehicle_purchase",
        "vehicle_operation",
    ]
    assert all(not r.values for r in t.rows)
    for kind in ("gov_fund_expenditure", "state_capital"):
        t = final.table(kind)
        assert "本表无数据" in t.empty_note
        assert [c.key for c in t.columns] == [
            "opening_balance",
            "current_income",
            "total",
            "basic",
            "project",
            "closing_balance",
        ]
        assert [(r.key, r.values) for r in t.rows] == [("total", {})]
    assert final.admin_running_costs is not None and final.admin_running_costs.value == D("10.23")


# ---------------------------------------------------------------------------------------------
# Jiangsu 2019 人大办公厅 (narrative + tables, 万元)


def test_jiangsu_twelve_tables(js):
    assert [t.kind for t in js.tables] == [
        "summary",
        "income",
        "expenditure",
        "fiscal_summary",
        "fiscal_expenditure",
        "fiscal_basic_economic",
        "general_budget_expenditure",
        "general_budget_basic_economic",
        "three_public",
        "gov_fund_expenditure",
        "admin_running",
        "procurement",
    ]
    nos = "一二三四五六七八九十"
    assert [t.printed_no for t in js.tables] == [f"公开表{n}" for n in nos] + ["公开表十一", "公开表十二"]
    assert all(t.unit == "万元" and t.unit_source == "printed" for t in js.tables)
    m = js.meta
    assert (m.department, m.year, m.kind, m.scope) == ("江苏省人大常委会办公厅", 2019, "budget", "department")
    assert m.evidence["year"].file.endswith("_narrative.pdf")


def test_jiangsu_tables_file_alone_meta():
    m = parse(str(JS_TABLES)).meta
    assert (m.department, m.year, m.kind, m.scope) == ("江苏省人大常委会办公厅", 2019, "budget", "department")


def test_jiangsu_three_block_summary(js):
    s = js.table("summary")
    assert v(s, "income:fiscal_appropriation", "amount") == D("18330.37")
    assert v(s, "income_current_total", "amount") == D("18330.37")
    assert v(s, "income_grand_total", "amount") == D("18330.37")
    assert v(s, "exp:201", "total") == D("13907.78")
    assert v(s, "exp:208", "total") == D("1121.39") and v(s, "exp:221", "total") == D("3301.20")
    assert v(s, "use:basic", "total") == D("9312.90")
    assert v(s, "use:project", "total") == D("6459.58")
    assert v(s, "use:reserve", "total") == D("2557.89")
    # each block's total stands in the last column
    assert v(s, "exp_current_total", "total") == D("18330.37")
    assert v(s, "exp_grand_total", "total") == D("18330.37")
    assert all(r.side == "expenditure" for r in s.rows if (r.key or "").startswith(("use:", "exp")))
    f = js.table("fiscal_summary")
    assert v(f, "income:general_budget", "amount") == D("18330.37")
    assert v(f, "use:reserve", "total") == D("2557.89")
    # 收入合计 / 支出合计 with no 小计 or 总计 beside them: the grand totals
    assert v(f, "income_grand_total", "amount") == D("18330.37")
    assert v(f, "exp_grand_total", "total") == D("18330.37")


def test_jiangsu_income_by_source_and_expenditure(js):
    i = js.table("income")
    assert v(i, "total", "total") == D("18330.37")
    g = row(i, "income:general_budget")
    assert g.name == "一般公共预算资金" and g.role == "subtotal" and g.values["total"].value == D("18330.37")
    c = next(r for r in i.rows if r.name == "公共财政拨款(补助)资金")
    assert c.parent == "一般公共预算资金" and c.level == 2 and c.values["total"].value == D("18330.37")
    assert next(r for r in i.rows if r.name == "专户管理教育收费").parent == "财政专户管理资金"
    assert {"income:gov_fund", "income:fiscal_special", "income:other_funds", "carryover_total"} <= {
        r.key for r in i.rows
    }
    x = js.table("expenditure").total_row().values
    assert {k: a.value for k, a in x.items()} == {
        "total": D("18330.37"),
        "basic": D("9312.90"),
        "project": D("6459.58"),
        "reserve": D("2557.89"),
    }
    assert v(js.table("fiscal_expenditure"), "2010101", "total") == D("7448.20")
    assert v(js.table("fiscal_basic_economic"), "total", "total") == D("9312.90")
    assert v(js.table("fiscal_basic_economic"), "30231", "total") == D("183.60")
    assert v(js.table("general_budget_expenditure"), "2210202", "total") == D("2548.30")
    e = js.table("general_budget_basic_economic")
    assert v(e, "302", "total") == D("1642.08") and v(e, "30302", "total") == D("886.13")
    assert e.row_by_code("30302").parent == "303"


def test_jiangsu_three_public_meetings_training(js):
    t = js.table("three_public")
    got = {r.key: r.values["total"].value for r in t.rows if r.values}
    assert got == {
        "total": D("767.60"),
        "abroad": D("199.25"),
        "reception": D("384.75"),
        "vehicle": D("183.60"),
        "vehicle_operation": D("183.60"),
        "meeting": D("1469.73"),
        "training": D("363.38"),
        "grand_total": D("2600.71"),
    }
    assert t.total_row().key == "total"


def test_jiangsu_admin_running_procurement_and_empty_fund_table(js):
    a = js.table("admin_running")
    assert v(a, "total", "total") == D("1642.08") and v(a, "30201", "total") == D("570.00")
    p = js.table("procurement")
    assert v(p, "total", "total") == D("2416.43")
    assert v(p, "goods", "total") == D("233.10") and v(p, "services", "total") == D("2183.33")
    r = next(r for r in p.rows if r.name == "车辆维修和保养服务")
    assert r.level == 3 and r.parent == "交通运行费" and r.values["total"].value == D("183.60")
    assert next(r for r in p.rows if r.name == "交通运行费").alt_name == "公务用车运行维护费"
    g = js.table("gov_fund_expenditure")
    assert [(r.key, r.values) for r in g.rows] == [("total", {})]


# ---------------------------------------------------------------------------------------------
# Layout traps on small synthetic inputs


def _lines(rows: list[str]) -> list[Line]:
    return [Line(r.split("|"), i) for i, r in enumerate(rows, start=1)]


def test_contents_listing_titles_one_per_line_yields_no_table():
    res = extract_tables(
        _lines(
            [
                "目 录",
                "1.2025年部门财务收支预算总表",
                "2.2025年部门收入预算总表",
                "3.2025年部门支出预算总表",
                "一、部门主要职能",
                "某某职能说明。",
                "2025年部门支出预算总表",
                "编制部门:某局|单位:元",
                "功能分类科目编码|功能分类科目名称|合计|基本支出|项目支出",
                "201|一般公共服务支出|10|4|6",
                "合计||10|4|6",
            ]
        ),
        "t.txt",
    )
    assert [t.kind for t in res.tables] == ["expenditure"]
    assert res.tables[0].total_row().values["basic"].value == D("4")


def test_continued_table_is_one_table():
    res = extract_tables(
        _lines(
            [
                "2024年预算支出总表",
                "单位:万元",
                "科目编码|科目名称|合计|基本支出|项目支出",
                "201|一般公共服务支出|10.00|4.00|6.00",
                "2024年预算支出总表(续)",
                "科目编码|科目名称|合计|基本支出|项目支出",
                "208|社会保障和就业支出|5.00|5.00|",
                "|合计|15.00|9.00|6.00",
            ]
        ),
        "t.txt",
    )
    assert len(res.tables) == 1
    t = res.tables[0]
    assert [r.code for r in t.rows] == ["201", "208", None]
    assert t.total_row().values["total"].value == D("15.00")


def test_horizontal_three_public_with_row_labels_and_budget_final_pairs():
    res = extract_tables(
        _lines(
            [
                "2024年“三公”经费支出决算表",
                "单位:万元",
                "项目|合计|因公出国(境)费|公务接待费|公务用车购置及运行维护费||",
                "|||||购置费|运行维护费",
                "预算数|10.00|2.00|3.00|5.00|1.00|4.00",
                "决算数|9.00|2.00|2.00|5.00|1.00|4.00",
            ]
        ),
        "t.txt",
    )
    t = res.tables[0]
    assert t.row_by_key("total").values["budget"].value == D("10.00")
    assert t.row_by_key("total").values["final"].value == D("9.00")
    assert t.row_by_key("reception").values["final"].value == D("2.00")
    assert t.row_by_key("vehicle").values["budget"].value == D("5.00")
    assert t.row_by_key("vehicle_operation").values["final"].value == D("4.00")
    assert not res.issues


def test_horizontal_three_public_this_year_and_last_year_lines():
    res = extract_tables(
        _lines(
            [
                "一般公共预算“三公”经费支出表",
                "单位:万元",
                "年度|合计|因公出国(境)费|公务用车购置及运行费||公务接待费",
                "||||公务用车运行费|",
                "2024年预算数|6.00|1.00|3.00|3.00|2.00",
                "2025年预算数|5.00|1.00|2.00|2.00|2.00",
            ]
        ),
        "t.txt",
    )
    t = res.tables[0]
    vehicle = {k: a.value for k, a in t.row_by_key("vehicle").values.items()}
    assert vehicle == {"last_year": D("3.00"), "total": D("2.00")}
    assert t.row_by_key("total").values["total"].value == D("5.00")
    assert not res.issues


def test_units_per_table_and_unit_without_colon():
    res = extract_tables(
        _lines(
            [
                "2025年部门支出预算总表",
                "编制部门:某局|单位:元",
                "科目编码|科目名称|合计|基本支出|项目支出",
                "201|一般公共服务支出|100,000|40,000|60,000",
                "2025年部门“三公”经费预算表",
                "编制部门:某局|单位（万元）",
                "合计|因公出国(境)费|公务接待费|公务用车购置及运行费",
                "3.00|1.00|1.00|1.00",
            ]
        ),
        "t.txt",
    )
    assert [(t.kind, t.unit, t.unit_source) for t in res.tables] == [
        ("expenditure", "元", "printed"),
        ("three_public", "万元", "printed"),
    ]
    assert res.tables[1].row_by_key("vehicle").values["total"].unit == "万元"


def test_side_by_side_blocks_without_codes():
    res = extract_tables(
        _lines(
            [
                "2024年一般公共预算财政拨款基本支出决算表",
                "单位:万元",
                "人员经费||公用经费|",
                "科目名称|决算数|科目名称|决算数",
                "工资福利支出|9.00|商品和服务支出|1.00",
                "基本工资|9.00|办公费|1.00",
                "人员经费合计|9.00|公用经费合计|1.00",
            ]
        ),
        "t.txt",
    )
    t = res.tables[0]
    got = [(r.name, r.key, r.level, r.parent, r.values["total"].value) for r in t.rows]
    assert got == [
        ("工资福利支出", None, 1, None, D("9.00")),
        ("基本工资", None, 2, "工资福利支出", D("9.00")),
        ("人员经费合计", "personnel_total", None, None, D("9.00")),
        ("商品和服务支出", None, 1, None, D("1.00")),
        ("办公费", None, 2, "商品和服务支出", D("1.00")),
        ("公用经费合计", "public_total", None, None, D("1.00")),
    ]
    assert not res.issues
