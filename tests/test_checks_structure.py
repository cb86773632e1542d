"""STRUCT and CLASS rules on the primary sample, with the expected results read by hand from the
document (tests/fixtures/2024_budget_shanxi-xiaoyi_renshe.txt), and the pieces they are built on
(profiles, name normalisation, registry editions)."""

from __future__ import annotations

import time

import pytest

from yusuan.catalog.classification import Entry
from yusuan.check.engine import run, run_rule
from yusuan.check.profiles import PROFILES_BY_KEY, select_profile
from yusuan.check.rules import BY_ID, RULES
from yusuan.check.rules._class_util import compact_name, covers, entry_span, is_legacy
from yusuan.model import Meta

# the 13 tables of the sample's 目录 (lines 9-21), as catalog kinds
SAMPLE_KINDS = {
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
}
# codes of 表二/表三/表五 that the current (2024-2025) list lacks and the old vendor list has,
# read with grep from catalog/data: 20801 and its 项, 2080704, 2080799, 213, 21305, 2130599
LEGACY_ONLY = {
    "20801",
    "2080101",
    "2080105",
    "2080109",
    "2080199",
    "2080704",
    "2080799",
    "213",
    "21305",
    "2130599",
}
# of those, the old list names differently: 213 农林水事务, 21305 扶贫, 2130599 其他扶贫支出
LEGACY_RENAMED = {"213", "21305", "2130599"}

NARRATIVE_RULES = (
    "YS-STRUCT-010",
    "YS-STRUCT-011",
    "YS-STRUCT-012",
    "YS-STRUCT-013",
    "YS-STRUCT-014",
    "YS-STRUCT-015",
    "YS-STRUCT-016",
    "YS-STRUCT-017",
)


def outcome(rule_id, d):
    return run_rule(BY_ID[rule_id], d)


# --- profiles ---------------------------------------------------------------------------------


def test_sample_gets_the_shanxi_profile_which_requires_its_13_tables(shanxi):
    p = select_profile(shanxi.meta)
    assert p is not None and p.key == "shanxi-budget"
    assert {r.kind for r in p.tables} == SAMPLE_KINDS
    assert {r.kind for r in p.tables if r.level == "must"} == {
        "summary",
        "income",
        "expenditure",
        "fiscal_summary",
        "general_budget_expenditure",
        "general_budget_basic_economic",
        "three_public",
        "gov_fund_expenditure",
    }


@pytest.mark.parametrize(
    ("meta", "key"),
    [
        (
            {"kind": "budget", "region": "上海市", "department": "上海市普陀区万里街道办事处"},
            "shanghai-budget",
        ),
        ({"kind": "budget", "department": "江苏省人大常委会办公厅"}, "jiangsu-budget"),
        ({"kind": "budget", "title": "中共上海市普陀区委社会工作部2024年度部门预算"}, "shanghai-budget"),
        ({"kind": "budget", "region": "舟山市", "department": "舟山市普陀区民政局"}, "national-budget"),
        ({"kind": "final", "region": "孝义市"}, "national-final"),
        ({"kind": "budget"}, "national-budget"),
    ],
)
def test_profile_selection(meta, key):
    p = select_profile(Meta(**meta))
    assert p is not None and p.key == key


def test_no_profile_without_a_kind():
    assert select_profile(Meta(region="孝义市")) is None


def test_final_profile_names_the_nine_final_tables():
    p = PROFILES_BY_KEY["national-final"]
    assert len(p.tables) == 9
    assert [r.level for r in p.tables].count("must") == 8
    assert {r.name_zh for r in p.tables if r.kind == "summary"} == {"收入支出决算总表"}


# --- the sample's tables ----------------------------------------------------------------------


def test_all_required_tables_found(shanxi):
    assert {t.kind for t in shanxi.tables} == SAMPLE_KINDS
    assert outcome("YS-STRUCT-001", shanxi).status == "pass"


def test_the_three_empty_tables_say_so(shanxi):
    # 表七、表八、表九 print only 合计 and "注: 本表无数据" (lines 337, 348, 363)
    empty = [t.number for t in shanxi.tables if t.empty_note]
    assert empty == [7, 8, 9]
    assert outcome("YS-STRUCT-002", shanxi).status == "pass"


def test_three_public_table_has_all_five_lines(shanxi):
    assert outcome("YS-STRUCT-009", shanxi).status == "pass"
    t = shanxi.table("three_public")
    t.rows = [r for r in t.rows if r.key != "vehicle_purchase"]  # ①公务用车购置费 (line 376), printed empty
    o = outcome("YS-STRUCT-009", shanxi)
    assert o.status == "fail" and [f.message for f in o.findings] == [
        '表10《2024年财政拨款安排"三公"经费支出预算表》缺少“公务用车购置费”一行(为0也应列出)'
    ]


@pytest.mark.parametrize(
    "rule_id",
    [
        "YS-STRUCT-004",
        "YS-STRUCT-005",
        "YS-STRUCT-006",
        "YS-STRUCT-007",
        "YS-STRUCT-008",
        "YS-STRUCT-018",
        "YS-CLASS-001",
        "YS-CLASS-002",
        "YS-CLASS-003",
        "YS-CLASS-004",
        "YS-CLASS-007",
        "YS-CLASS-008",
    ],
)
def test_sample_passes(shanxi, rule_id):
    o = outcome(rule_id, shanxi)
    assert o.status == "pass", (o.reason, [f.message for f in o.findings])


def test_legacy_only_codes(shanxi):
    o = outcome("YS-CLASS-005", shanxi)
    assert o.status == "fail"
    # only the legacy-only codes whose old name differs from the document's are worth a look
    assert {f.row_code for f in o.findings} == LEGACY_RENAMED
    assert LEGACY_RENAMED < LEGACY_ONLY
    assert all(f.severity == "notice" and "与本文件不同" in f.message for f in o.findings)


def test_only_unknown_economic_name_is_the_government_scheme_retirement_line(shanxi):
    # 表六 line 325: 退休费 | 离退休费 — 离退休费 (政府经济分类 50905) is in none of the partial lists
    o = outcome("YS-CLASS-006", shanxi)
    assert o.status == "fail"
    assert [(f.severity, f.line) for f in o.findings] == [("notice", 325)]
    assert "离退休费" in o.findings[0].message


def test_summary_class_names_match_after_removing_wrap_debris(shanxi):
    # 表一 line 94: the wrapped "二十二、国有资本经营预 / 算支出" leaves "算支出" before the next line
    raw = shanxi.table("summary").row_by_key("exp:224").name
    assert raw.startswith("算支出")
    assert compact_name(raw) == "灾害防治及应急管理支出"
    assert outcome("YS-CLASS-008", shanxi).status == "pass"


# --- the sample's narrative -------------------------------------------------------------------


def test_narrative_rules_on_the_sample(shanxi):
    if not shanxi.sections:
        # the narrative extractor is not wired in: nothing may pass on missing data
        for rule_id in NARRATIVE_RULES:
            assert outcome(rule_id, shanxi).status == "insufficient_data", rule_id
        return
    # 概况 (lines 40-60), 八 机关运行经费 52.68, 九 政府采购 14.83 = 5.05 + 0 + 9.78, 十 绩效管理,
    # 十一 国有资产 (10 vehicles, 317.52 m²), 第四部分 名词解释 (12 terms); nothing 涉密
    for rule_id in NARRATIVE_RULES[:-1]:
        o = outcome(rule_id, shanxi)
        assert o.status == "pass", (rule_id, o.reason, [f.message for f in o.findings])
    # 二、机构设置情况 (line 60) lists 劳动监察大队; the tables call it 孝义市劳动保障监察综合行政执法队
    o = outcome("YS-STRUCT-017", shanxi)
    assert o.status == "fail"
    assert [f.severity for f in o.findings] == ["notice"]
    assert "劳动监察大队" in o.findings[0].message
    assert "孝义市劳动保障监察综合行政执法队" in o.findings[0].message


def test_narrative_rules_never_pass_without_the_narrative(shanxi):
    for key in ("sections", "glossary", "claims", "performance_targets"):
        setattr(shanxi, key, [])
    shanxi.three_public = shanxi.procurement = shanxi.state_assets = shanxi.admin_running_costs = None
    for rule_id in (*NARRATIVE_RULES, "YS-STRUCT-003"):
        assert outcome(rule_id, shanxi).status == "insufficient_data", rule_id


def test_unknown_kind_is_not_a_pass(shanxi):
    shanxi.meta.kind = None
    assert outcome("YS-STRUCT-001", shanxi).status == "insufficient_data"
    shanxi.meta.kind = "budget"
    shanxi.meta.year = None
    assert outcome("YS-CLASS-004", shanxi).status == "insufficient_data"


def test_rules_are_fast(shanxi):
    mine = [r for r in RULES if r.family in ("STRUCT", "CLASS")]
    assert len(mine) >= 16
    t0 = time.perf_counter()
    for _ in range(5):
        run(shanxi, mine)
    assert (time.perf_counter() - t0) / 5 < 0.5


# --- names and editions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "compact"),
    [
        (
            "其他巩固脱贫攻坚成果衔接乡村振兴支 出",
            "其他巩固脱贫攻坚成果衔接乡村振兴支出",
        ),  # wrapped cell, 表二 line 148
        ("八、社会保障和就业支出", "社会保障和就业支出"),
        ("一般公共服务支出一、基本支出", "一般公共服务支出"),  # Jiangsu: next cell run in
        ("行政运行（人大）", "行政运行(人大)"),
        ("①公务用车购置费", "公务用车购置费"),
    ],
)
def test_compact_name(printed, compact):
    assert compact_name(printed) == compact


def test_editions():
    observed = Entry(
        "208", "社会保障和就业支出", 1, None, "2025", "function_classification_observed_2024_2025.csv"
    )
    legacy = Entry("208", "社会保障和就业", 1, None, "c2008-2010", "function_classification_legacy_gfmis.csv")
    official = Entry("208", "社会保障和就业支出", 1, None, "2019", "/home/u/2019政府收支分类科目.csv")
    assert entry_span(observed) == (2024, 2025) and covers(observed, 2024) and not covers(observed, 2023)
    assert is_legacy(legacy) and entry_span(legacy) is None and not covers(legacy, 2009)
    assert covers(official, 2019) and not covers(official, 2020)
