"""Performance-target tables (项目支出绩效目标表) of the primary sample, read by hand.

Every expected value below was read from tests/fixtures/2024_budget_shanxi-xiaoyi_renshe.txt: the
project table (lines 389–451, amounts in 万元) and the 36 OCR'd target tables (lines 526–1662,
amounts in 元). None is computed with the code under test.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.extract.performance import extract_performance, find_performance_section
from yusuan.model.amount import Amount
from yusuan.model.disclosure import PerformanceTarget, Project
from yusuan.read.document import Line
from yusuan.read.text import read_text

SAMPLE = Path(__file__).parent / "fixtures" / "2024_budget_shanxi-xiaoyi_renshe.txt"

BUREAU = "孝义市人力资源和社会保障局"
JOBS = "孝义市创业就业服务中心"
INSURANCE = "孝义市社会保险中心"
LABOUR = "孝义市劳动保障监察综合行政执法队"

# 项目支出预算表(本年预算), lines 396–438, and (上年结转), lines 447–451: (unit, project, 万元).
CURRENT = [
    (BUREAU, "孝义市零工市场建设资金", "15.01"),
    (BUREAU, "脱贫劳动力外出务工稳岗补贴资金(晋财农【2023】158号)", "33.39"),
    (BUREAU, "脱贫劳动力稳岗补贴(县级配套)", "33.39"),
    (BUREAU, "脱贫劳动力一次性稳岗补贴", "1.56"),
    (BUREAU, "2024年遗属补助", "13.42"),
    (BUREAU, "干部专业化能力提升培训经费", "1.50"),
    (BUREAU, "2024年临县第一书记经费", "7.50"),
    (JOBS, "就业补助资金中央级晋财社(2023)312号", "814.48"),
    (JOBS, "就业补助资金省级晋财社(2023)312号", "8.27"),
    (JOBS, "就业补助资金中央见习补贴晋财社(2023)312号)", "47.52"),
    (JOBS, "2023年、2024年实习大学生生活补贴", "163.40"),
    (JOBS, "公岗期满社保补贴", "5.56"),
    (JOBS, "公益性岗位招聘工作经费", "9.39"),
    (JOBS, "护工(护理)培训就业工作经费", "1.75"),
    (JOBS, "公用经费", "0.85"),
    (INSURANCE, "财政对城乡居民补充养老保险省级补助(晋财社【2023】282号)", "461.36"),
    (INSURANCE, "财政对城乡居民补充养老保险的补助县级配套出口补", "561.08"),
    (INSURANCE, "财政对城乡居民补充养老保险的补助县级配套入口补", "319.64"),
    (INSURANCE, "财政对城乡居民基本养老保险的补助县级配套出口补", "3105.63"),
    (INSURANCE, "财政对城乡居民基本养老保险的补助县级配套入口补", "494.93"),
    (INSURANCE, "财政对城乡居民基本养老保险的补助县级配套丧葬费", "150.00"),
    (INSURANCE, "财政代缴城乡居民基本养老保险建档立卡贫困户县级配套", "21.27"),
    (INSURANCE, "财政代缴城乡居民基本养老保险村干部缴费补贴县级配套", "12.31"),
    (INSURANCE, "中央财政机关事业单位养老险保制度改革补助经费(晋财社【2023】278号)", "4397.00"),
    (INSURANCE, "2024年国企职教幼教退休教师生活补助晋财资[20173]318号(晋国资监督[2023]1号)", "7.00"),
    (INSURANCE, "2024年机关事业养老保险基金缺口补助", "12130.00"),
    (INSURANCE, "城乡居民养老保险市级入口补助(吕财社【2023】272号)", "48.43"),
    (INSURANCE, "城乡居民养老保险市级出口补助(吕财社【2023】272号)", "338.95"),
    (INSURANCE, "城乡居民养老保险中央财政补助(晋财社【2023】282号", "6680.53"),
    (INSURANCE, "2024年机关养老保险基金缺口补助", "103.00"),
    (INSURANCE, "企业职工基本养老保险基金调标补助", "300.00"),
    (INSURANCE, "2024年遗属补助", "3.60"),
    (INSURANCE, "城乡居民养老保险农保协办员、社区协办员补助", "33.82"),
    (INSURANCE, "城乡居民养老保险系统运行费", "1.00"),
    (INSURANCE, "2024年企业退休人员取暖费", "1214.00"),
    (LABOUR, "单位运转经费", "1.72"),
    (LABOUR, "专项业务经费", "4.44"),
]
CARRYOVER = [
    (JOBS, "就业补助资金晋财社(2002)223号", "50.00"),
    (INSURANCE, "2023年国企职教幼教退休教师生活待遇补助中央(晋财资【2017】318号)", "7.00"),
]

# The 36 target tables in document order: (line of the table's 实施期资金总额 row, the project of
# the project table it belongs to (name, unit), its 资金总额 in 元 as printed in the target table).
TABLES = [
    (532, "2023年、2024年实习大学生生活补贴", JOBS, "1634000"),
    (569, "就业补助资金中央见习补贴晋财社(2023)312号)", JOBS, "475200"),
    (601, "护工(护理)培训就业工作经费", JOBS, "17500"),
    (632, "公岗期满社保补贴", JOBS, "55629"),
    (665, "公益性岗位招聘工作经费", JOBS, "93946"),
    (696, "就业补助资金中央级晋财社(2023)312号", JOBS, "8144800"),
    (729, "公用经费", JOBS, "8500"),
    (769, "就业补助资金省级晋财社(2023)312号", JOBS, "82700"),
    (809, "单位运转经费", LABOUR, "17225.82"),
    (839, "孝义市零工市场建设资金", BUREAU, "150100"),
    (869, "脱贫劳动力一次性稳岗补贴", BUREAU, "15600"),
    (899, "2024年临县第一书记经费", BUREAU, "75000"),
    (928, "2024年遗属补助", BUREAU, "134183"),
    (958, "干部专业化能力提升培训经费", BUREAU, "15000"),
    (991, "脱贫劳动力外出务工稳岗补贴资金(晋财农【2023】158号)", BUREAU, "333900"),
    (1021, "脱贫劳动力稳岗补贴(县级配套)", BUREAU, "333900"),
    (1053, "财政对城乡居民补充养老保险的补助县级配套入口补", INSURANCE, "3196400"),
    (1083, "财政代缴城乡居民基本养老保险村干部缴费补贴县级配套", INSURANCE, "123120"),
    (1118, "2024年遗属补助", INSURANCE, "35968"),
    (1149, "2024年企业退休人员取暖费", INSURANCE, "12140000"),
    (1183, "2024年国企职教幼教退休教师生活补助晋财资[20173]318号(晋国资监督[2023]1号)", INSURANCE, "70000"),
    (1213, "财政对城乡居民补充养老保险省级补助(晋财社【2023】282号)", INSURANCE, "4613600"),
    (1243, "财政对城乡居民基本养老保险的补助县级配套出口补", INSURANCE, "31056336"),
    (1268, "财政对城乡居民基本养老保险的补助县级配套丧葬费", INSURANCE, "1500000"),
    (1305, "财政对城乡居民基本养老保险的补助县级配套入口补", INSURANCE, "4949300"),
    (1338, "城乡居民养老保险农保协办员、社区协办员补助", INSURANCE, "338200"),
    (1371, "城乡居民养老保险市级出口补助(吕财社【2023】272号)", INSURANCE, "3389500"),
    (1416, "城乡居民养老保险市级入口补助(吕财社【2023】272号)", INSURANCE, "484300"),
    (1425, "城乡居民养老保险中央财政补助(晋财社【2023】282号", INSURANCE, "66805300"),
    (1456, "企业职工基本养老保险基金调标补助", INSURANCE, "3000000"),
    (1485, "2024年机关事业养老保险基金缺口补助", INSURANCE, "121300000"),
    (1516, "城乡居民养老保险系统运行费", INSURANCE, "10000"),
    (1545, "中央财政机关事业单位养老险保制度改革补助经费(晋财社【2023】278号)", INSURANCE, "43970000"),
    (1575, "财政对城乡居民补充养老保险的补助县级配套出口补", INSURANCE, "5610780"),
    (1608, "2024年机关养老保险基金缺口补助", INSURANCE, "1030000"),
    (1638, "财政代缴城乡居民基本养老保险建档立卡贫困户县级配套", INSURANCE, "212700"),
]

# Clean-enough tables, every field read by hand: name-row line → (项目名称, 实施单位, 项目属性, 项目期,
# 年度资金总额, 年度 fund sources {source: 元}, 填报日期).
ONCE, ONGOING = "一次性项目(1年结束)", "经常性项目(长期开展)"
HEADERS = {
    529: (
        "2023年、2024年实习大学生生活补贴",
        JOBS,
        ONCE,
        "1年",
        "1634000",
        {"central": "0", "provincial": "0", "local": "1634000", "self_raised": "0"},
        "20240227154252",
    ),
    598: (
        "护工(护理)培训就业工作经费",
        JOBS,
        ONCE,
        "1年",
        "17500",
        {"central": "0", "provincial": "0", "local": "17500", "self_raised": "0"},
        "202402271613",
    ),
    629: (
        "公岗期满社保补贴",
        JOBS,
        ONCE,
        "1年",
        "55629",
        {"central": "0", "provincial": "0", "local": "55629", "self_raised": "0"},
        "20240227155013",
    ),
    693: (
        "就业补助资金中央级晋財社(2023)312号",
        JOBS,
        ONGOING,
        "99年",
        "8144800",
        {"central": "8144800", "provincial": "0", "local": "0", "self_raised": "0"},
        "20240124164625",
    ),
    766: (
        "就业补助资金省级晋财社(2023)312号",
        JOBS,
        ONGOING,
        "99年",
        "82700",
        {"central": "0", "provincial": "82700", "local": "0", "self_raised": "0"},
        "20240129161710",
    ),
    836: (
        "孝义市零工市场建设资金",
        BUREAU,
        ONCE,
        "1年",
        "150100",
        {"central": "0", "provincial": "0", "local": "150100", "self_raised": "0"},
        "2024030115183",
    ),
    866: (
        "脱贫劳动力一次性稳岗补贴",
        BUREAU,
        ONCE,
        "1年",
        "15600",
        {"central": "0", "provincial": "0", "local": "15600", "self_raised": "0"},
        "202403111745",
    ),
    896: (
        "2024年临县第一书记经费",
        BUREAU,
        ONCE,
        "1年",
        "75000",
        {"central": "0", "provincial": "0", "local": "75000", "self_raised": "0"},
        "202402281612",
    ),
    1146: (
        "2024年企业退休人员取暖费",
        INSURANCE,
        ONCE,
        "1年",
        "12140000",
        {"central": "0", "provincial": "0", "local": "12140000", "self_raised": "0"},
        "2024022717004",
    ),
}


def _project(unit: str, name: str, wan: str, period: str = "current") -> Project:
    amount = Amount(value=Decimal(wan), unit="万元", precision=2, raw=wan)
    return Project(
        name=name,
        unit=unit,
        department=BUREAU,
        period=period,  # type: ignore[arg-type]
        amounts={"total": amount, "general_budget": amount},
    )


PROJECTS = [_project(*p) for p in CURRENT] + [_project(*p, period="carryover") for p in CARRYOVER]


@pytest.fixture(scope="module")
def lines() -> list[Line]:
    return read_text(SAMPLE.read_bytes(), SAMPLE.name, "").lines


@pytest.fixture(scope="module")
def extracted(lines):
    return extract_performance(lines, PROJECTS, SAMPLE.name)


@pytest.fixture(scope="module")
def targets(extracted) -> list[PerformanceTarget]:
    return extracted[0]


def _by_line(targets: list[PerformanceTarget], lineno: int) -> PerformanceTarget:
    return next(t for t in targets if t.source.line == lineno)


# --- the sample -----------------------------------------------------------------------------------


def test_section_is_found(lines):
    start, end = find_performance_section(lines)
    assert (lines[start].lineno, lines[end].lineno) == (526, 1664)
    assert lines[end].cells[0] == "十一、国有资产占有使用情况"


def test_thirty_six_tables(targets):
    assert len(targets) == 36
    assert all(t.ocr for t in targets)


def test_the_same_from_the_section_alone(lines, targets):
    start, end = find_performance_section(lines)
    again, _ = extract_performance(lines[start:end], PROJECTS, SAMPLE.name)
    assert [t.model_dump() for t in again] == [t.model_dump() for t in targets]


@pytest.mark.parametrize(("k", "row"), list(enumerate(TABLES)), ids=[str(r[0]) for r in TABLES])
def test_every_total_and_its_project(targets, k, row):
    funds_line, name, unit, yuan = row
    t = targets[k]
    total = t.funds["implementation"]["total"]
    assert total.source.line == funds_line
    assert total.value == Decimal(yuan)
    assert t.matched_project == name
    wan = next(Decimal(w) for u, n, w in CURRENT if (u, n) == (unit, name))
    # The project table prints 万元 with two decimals: equal within half a unit of its last place.
    assert abs(total.value - wan * 10000) <= 50


def test_unit_of_the_same_named_projects(targets):
    # Two projects are both called 2024年遗属补助; their tables name their implementing units.
    assert targets[12].implementing_unit == BUREAU
    assert targets[18].implementing_unit == INSURANCE


def test_the_project_without_a_table(targets):
    matched = {t.matched_project for t in targets}
    assert len(matched) == 35  # 36 tables, two of them for the two projects named 2024年遗属补助
    assert [(u, n) for u, n, _ in CURRENT if n not in matched] == [(LABOUR, "专项业务经费")]


@pytest.mark.parametrize("name_line", sorted(HEADERS))
def test_header_fields(targets, name_line):
    name, unit, attribute, period, annual, sources, date = HEADERS[name_line]
    t = _by_line(targets, name_line)
    assert t.project == name
    assert t.implementing_unit == unit
    assert t.competent_department == "051-孝义市人力资源和社会保障局"
    assert t.attribute == attribute
    assert t.period == period
    assert t.funds["annual"]["total"].value == Decimal(annual)
    assert {s: str(a.value) for s, a in t.funds["annual"].items() if s != "total"} == sources
    assert t.filled_date == date


def test_department_look_alikes_normalised(targets):
    # Printed 034-孝文市人力! ⇥ 美都和社会保障局 (line 727): the name takes the project table's form, the
    # code stays as OCR read it.
    assert _by_line(targets, 726).competent_department == "034-孝义市人力资源和社会保障局"


def test_texts_of_a_clean_table(targets):
    t = _by_line(targets, 693)
    assert t.overview == "就业为民生之本"
    assert t.basis == "(就业促进法)"
    assert t.necessity == "保就业促民生"
    assert t.measures == "《就业补助资金管理》办法》"
    assert t.plan == "保就业促民生"
    assert t.goal_implementation == "就业为民生之本,保就业促民生"
    assert t.goal_annual == "保就业促民生"


def test_indicators_of_a_clean_table(targets):
    t = _by_line(targets, 598)  # 护工(护理)培训就业工作经费, lines 614–623
    level2 = [
        "数量指标",
        "质量指标",
        "时效指标",
        "成本指标",
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "可持续影响指标",
        "服务对象满意度指标",
    ]
    level1 = ["产出指标"] * 4 + ["效益指标"] * 4 + ["满意度指标"]
    impl3 = [
        "数量指标",
        "质量指标",
        "时效指标",
        "成本指标",
        "经济或益指标",
        "社会效益指标",
        "生态效益指标",
        "可持续影响指标",
        "服务对象满意度指标服务",
    ]
    annual3 = [*level2[:8], "服务对象满意度"]
    impl = [i for i in t.indicators if i.period == "implementation"]
    annual = [i for i in t.indicators if i.period == "annual"]
    assert [i.level2 for i in impl] == level2 and [i.level2 for i in annual] == level2
    assert [i.level1 for i in impl] == level1
    assert [i.level3 for i in impl] == impl3
    assert [i.level3 for i in annual] == annual3
    assert {(i.target_raw, i.comparator, i.target_value, i.target_unit) for i in t.indicators} == {
        ("100", "=", Decimal(100), None)
    }
    assert [i.source.line for i in impl] == list(range(615, 624))


def test_indicator_targets_with_units(targets):
    # 零工市场建设资金, line 853: 金额 150144.37元 | 金额 150100元
    t = _by_line(targets, 836)
    first = t.indicators[:2]
    assert [(i.level3, i.comparator, i.target_value, i.target_unit) for i in first] == [
        ("金额", "=", Decimal("150144.37"), "元"),
        ("金额", "=", Decimal("150100"), "元"),
    ]
    # 国企职教幼教退休教师生活补助, line 1206: 年度 服务对象满意度 ≥96%
    last = _by_line(targets, 1180).indicators[-1]
    assert (last.period, last.target_raw, last.comparator, last.target_value, last.target_unit) == (
        "annual",
        "≥96%",
        ">=",
        Decimal(96),
        "%",
    )


def test_garbled_amounts_in_the_sample(extracted):
    targets, issues = extracted
    # line 809: 17, 225, 82 (separators misread) confirmed by 17,225.82 on the 年度 side
    t = targets[8]
    impl = t.funds["implementation"]["total"]
    assert (impl.value, impl.precision, impl.raw) == (Decimal("17225.82"), 2, "17, 225, 82")
    assert "ocr_separators" in impl.flags
    # line 532: 年度资金总额 printed 1, 6 ⇥ 14,000; the other copies and 163.40万元 say 1,634,000
    annual = targets[0].funds["annual"]["total"]
    assert (annual.value, annual.raw) == (Decimal("1634000"), "1, 6\t14,000")
    assert "ocr_conflict" in annual.flags
    assert any(i.kind == "conflict" and "1,614,000" in i.message and "line 532" in i.message for i in issues)
    # line 1416: a page scanned upside down
    assert any(i.kind == "note" and "upside down" in i.message for i in issues)


def test_no_unmatched_table(extracted):
    _, issues = extracted
    assert not [i for i in issues if i.kind == "ambiguous"]


# --- OCR cases, one of each kind, on small hand-made tables ----------------------------------------


def _table(total: list[str], local: list[str], name: str = "测试项目") -> list[Line]:
    """A minimal target table: 实施期资金总额 row and 市县(区) row with the given amount cells."""
    rows = [
        ["", "项目名称", "", "", name],
        ["", "主管部门及代码", "", "051-孝义市人力资源和社会保障局", "", "", "实施单位", JOBS],
        ["", "项目属性", "", "一次性项目(1年结束)", "", "", "项目期", "", "1年"],
        ["", "", "", "实施期资金总额:", total[0], "年度资金总", "额:", *total[1:]],
        ["", "", "", "其中: 中央财政资金", "0", "其中: 中央", "财政资金", "", "0"],
        ["", "项目资金", "", "省级财政资金", "0", "省级", "财政资金", "", "0"],
        ["", "(元)", "", "市县(区)财政资金", local[0], "市县", "(区) 财政资金", *local[1:]],
        ["", "", "", "单位自筹", "0", "单位", "自筹", "", "0"],
        ["", "", "", "其他资金", "", "其他", "资金", "", ""],
        ["", "项目概况", "", "测试"],
        ["", "一级指标", "二级指标", "三级指标", "指标值", "", "二级指标", "三级指标", "指标值"],
        ["", "产出指标", "数量指标", "人数", "≥96%", "", "数量指标", "人数", "≥96%"],
        ["负责人:", "", "经办人:", "", "联系电话:", "", "", "填报日期:", "20240227154252"],
    ]
    return [Line(cells=c, lineno=i) for i, c in enumerate(rows, start=1)]


def test_split_cells_rejoined():
    split = ["17,500", "17", ", 500"]  # 17 ⇥ , 500 on the 年度 side
    targets, issues = extract_performance(_table(split, split), [], "t")
    annual = targets[0].funds["annual"]["total"]
    assert (annual.value, annual.raw) == (Decimal(17500), "17\t, 500")
    assert (annual.source.line, annual.source.cell) == (4, 7)
    assert "ocr_split" in annual.flags
    assert targets[0].funds["annual"]["local"].value == Decimal(17500)
    assert not [i for i in issues if i.kind in ("conflict", "unreadable")]


def test_split_cell_with_the_digit_repeated():
    # OCR printed the digit at the split twice: 47 ⇥ 75, 200 for 475,200.
    repeated = ["475, 200", "47", "75, 200"]
    targets, _ = extract_performance(_table(repeated, repeated), [], "t")
    annual = targets[0].funds["annual"]["total"]
    assert annual.value == Decimal(475200)
    assert "ocr_split" in annual.flags


def test_garbled_separators_need_a_confirming_reading():
    confirmed, _ = extract_performance(_table(["17, 225, 82", "", "17,225.82"], ["0", "", "0"]), [], "t")
    impl = confirmed[0].funds["implementation"]["total"]
    assert (impl.value, impl.precision, impl.raw) == (Decimal("17225.82"), 2, "17, 225, 82")
    assert "ocr_separators" in impl.flags
    # Alone, 17, 225, 82 could be 17,225.82 or 1,722,582: never guessed.
    alone, issues = extract_performance(_table(["17, 225, 82", "", "17, 225, 82"], ["0", "", "0"]), [], "t")
    for period in ("implementation", "annual"):
        a = alone[0].funds[period]["total"]
        assert (a.value, a.raw) == (None, "17, 225, 82")
    assert [i.kind for i in issues if "资金总额" in i.message] == ["unreadable", "unreadable"]


def test_conflicting_readings_settled_by_the_others():
    lines = _table(["1, 634, 000", "1, 6", "14,000"], ["1, 634, 000", "1, 6", "34,000"])
    targets, issues = extract_performance(lines, [], "t")
    annual = targets[0].funds["annual"]["total"]
    assert (annual.value, annual.raw) == (Decimal(1634000), "1, 6\t14,000")
    assert "ocr_conflict" in annual.flags
    conflict = [i for i in issues if i.kind == "conflict"]
    assert len(conflict) == 1
    assert "1,614,000" in conflict[0].message and "1,634,000" in conflict[0].message
    assert conflict[0].where.line == 4


def test_conflicting_readings_settled_by_the_project_table():
    lines = _table(["1, 634, 000", "1, 6", "14,000"], ["", "", ""], name="实习大学生生活补贴")
    project = _project(JOBS, "2023年、2024年实习大学生生活补贴", "163.40")
    targets, issues = extract_performance(lines, [project], "t")
    assert targets[0].matched_project == project.name
    assert targets[0].funds["annual"]["total"].value == Decimal(1634000)
    assert [i.kind for i in issues if "资金总额" in i.message] == ["conflict"]
    # Without the project table nothing decides between the two copies: both stay unread.
    targets, issues = extract_performance(lines, [], "t")
    assert [targets[0].funds[p]["total"].value for p in ("implementation", "annual")] == [None, None]
    assert {i.kind for i in issues if "资金总额" in i.message} == {"conflict"}


def test_sources_settled_by_the_total():
    # The 年度 copy of 市县(区) reads 40, 000 (OCR lost 12,1); 资金总额 = Σ sources settles it.
    lines = _table(["12, 140, 000", "12, 14", "40, 000"], ["12, 140, 000", "", "40, 000"])
    targets, issues = extract_performance(lines, [], "t")
    local = targets[0].funds["annual"]["local"]
    assert (local.value, local.raw) == (Decimal(12140000), "40, 000")
    assert any("市县(区)财政资金" in i.message and "40,000" in i.message for i in issues)


def test_synthetic_header_and_indicator():
    split = ["17,500", "17", ", 500"]
    targets, _ = extract_performance(_table(split, split), [], "t")
    t = targets[0]
    assert (t.project, t.implementing_unit, t.attribute, t.period, t.filled_date) == (
        "测试项目",
        JOBS,
        ONCE,
        "1年",
        "20240227154252",
    )
    assert [
        (i.period, i.level1, i.level2, i.level3, i.comparator, i.target_value, i.target_unit)
        for i in t.indicators
    ] == [
        ("implementation", "产出指标", "数量指标", "人数", ">=", Decimal(96), "%"),
        ("annual", "产出指标", "数量指标", "人数", ">=", Decimal(96), "%"),
    ]


def test_no_tables():
    lines = [Line(cells=["一、部门职责"], lineno=1), Line(cells=["没有绩效目标表"], lineno=2)]
    assert find_performance_section(lines) == (2, 2)
    assert extract_performance(lines, [], "t") == ([], [])
