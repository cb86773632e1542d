"""The PERF rules on the primary sample, with the figures read by hand from the document
(tests/fixtures/2024_budget_shanxi-xiaoyi_renshe.txt; line numbers below).

The sample's 项目支出预算表(本年) (lines 394-438) lists 37 projects, its 上年结转 table (lines 447-451) two
more; the narrative says "公开项目绩效目标37个" (line 522) but 36 target tables are printed (lines
526-1662, scanned pages read by OCR).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from yusuan.check.engine import run, run_rule
from yusuan.check.rules import BY_ID, RULES

D = Decimal
PERF = [r for r in RULES if r.family == "PERF"]


def _real(outcome):
    return [f for f in outcome.findings if not f.rounding]


def test_the_missing_target_table_is_special_business_funds(shanxi):
    # 专项业务经费 4.44 of 孝义市劳动保障监察综合行政执法队 (line 438) is the one project of 37 without a
    # table; the two carried-over projects (lines 449, 451) need none.
    o = run_rule(BY_ID["YS-PERF-001"], shanxi)
    assert o.status == "fail"
    [f] = _real(o)
    assert f.severity == "warning"
    assert (f.row_name, f.line, f.table_no) == ("专项业务经费", 438, 12)
    assert "孝义市劳动保障监察综合行政执法队" in f.message and "4.44万元" in f.message


def test_coverage_36_of_37_is_above_practice(shanxi):
    assert run_rule(BY_ID["YS-PERF-011"], shanxi).status == "pass"
    # with only the first 20 tables printed: 20 / 37 = 54.1 % < 60 %
    shanxi.performance_targets = shanxi.performance_targets[:20]
    o = run_rule(BY_ID["YS-PERF-011"], shanxi)
    [f] = _real(o)
    assert (f.actual, f.expected, f.severity) == (D("54.1"), D(60), "notice")


def test_every_table_matches_its_project_and_amount(shanxi):
    # All 36 tables pair with a project; the two 2024年遗属补助 (人社局 13.42, line 402; 社保中心 3.60,
    # line 432) go to the right unit; every readable annual total rounds to the project's 万元 figure,
    # e.g. 单位运转经费 17,225.82 元 (line 809) against 1.72 万元 (line 437).
    for rid in ("YS-PERF-002", "YS-PERF-003", "YS-PERF-007"):
        o = run_rule(BY_ID[rid], shanxi)
        assert o.status == "pass", (rid, o.reason, [f.message for f in o.findings])
        assert not o.findings
    # one project amount off by 0.09 万元 = 900 元 becomes an error: 55,629 元 (line 632) vs 5.65 万元
    for p in shanxi.projects:
        if p.name == "公岗期满社保补贴":
            p.amounts["total"].value = D("5.65")
    [f] = _real(run_rule(BY_ID["YS-PERF-003"], shanxi))
    assert (f.expected, f.actual, f.difference, f.unit, f.severity) == (
        D("56500.00"),
        D("55629"),
        D("-871.00"),
        "元",
        "error",
    )


def test_self_raised_funds_contradict_general_budget(shanxi):
    # 单位运转经费: project table 一般公共预算 1.72 (line 437); its target table lists 单位自筹 17,225.82 元
    # in both columns (line 813) and 0 for every level of government (lines 810-812).
    o = run_rule(BY_ID["YS-PERF-006"], shanxi)
    [f] = _real(o)
    assert (f.row_name, f.line, f.severity) == ("单位运转经费", 813, "warning")
    assert "单位自筹 17,225.82元" in f.message and "一般公共预算 1.72万元" in f.message


def test_indicator_amount_contradicts_funds(shanxi):
    # 孝义市零工市场建设资金: 实施期 数量指标 金额 150144.37元 (line 853) against 实施期资金总额 150,100
    # (line 839); the 年度 column says 150100元, as do its funds.
    o = run_rule(BY_ID["YS-PERF-012"], shanxi)
    [f] = _real(o)
    assert (f.row_name, f.line) == ("孝义市零工市场建设资金", 853)
    assert (f.expected, f.actual, f.difference) == (D("150100"), D("150144.37"), D("44.37"))


def test_funds_identities_hold_where_readable(shanxi):
    # Every readable 资金总额 equals its sources and no annual total exceeds the implementation total.
    for rid in ("YS-PERF-004", "YS-PERF-005"):
        o = run_rule(BY_ID[rid], shanxi)
        assert o.status == "pass" and not o.findings, (rid, [f.message for f in o.findings])


def _placeholder_findings(shanxi):
    o = run_rule(BY_ID["YS-PERF-009"], shanxi)
    assert all(f.severity == "notice" for f in o.findings)
    return {f.line: f.message for f in o.findings}


def test_all_100_percent_placeholders(shanxi):
    # Counted by hand: six tables print 100% (or a bare 100) for every indicator, in both columns:
    # 见习补贴 (lines 583-591), 护工 (615-623), 公岗期满 (647-655), 公益性岗位 (679-687), 中央级
    # (710-718), 省级 (783-797). The others have a real figure somewhere (金额 …元, ≥96%, ≥1500人 …) or
    # OCR garbled values that cannot be verified (tables at lines 526, 721, 1144, 1605).
    msgs = _placeholder_findings(shanxi)
    all_100 = sorted(line for line, m in msgs.items() if "全部为100%" in m)
    assert all_100 == [566, 598, 629, 662, 693, 766]
    # 2024年机关事业养老保险基金缺口补助: level-3 indicators repeat their category (数量指标 under
    # 数量指标, lines 1500-1507), but 退休人员满意度 is 95% / 96% (line 1508): not "all 100%".
    assert "以类别命名" in msgs[1482] and "全部为100%" not in msgs[1482]
    # 孝义市零工市场建设资金 (金额 / 准确率 / 及时性 / 待遇提高 / 满意度, lines 853-861) and 2024年遗属补助
    # of the bureau (line 925) have indicators of their own: no notice.
    assert 836 not in msgs and 925 not in msgs


def test_unreadable_amounts_are_listed_for_review(shanxi):
    # e.g. 年度资金总额 of 脱贫劳动力外出务工稳岗补贴资金: OCR merged the cell with the text after it
    # (line 991); 年度其他资金 of 企业职工基本养老保险基金调标补助 reads "200" in a blank cell (line 1461).
    o = run_rule(BY_ID["YS-PERF-010"], shanxi)
    assert {f.severity for f in o.findings} == {"notice"}
    by_line = {f.line: f for f in o.findings}
    assert sorted(by_line) == [955, 991, 1243, 1309, 1375, 1461, 1521, 1550, 1613]
    assert "年度资金总额" in by_line[991].message
    assert "年度其他资金(第1461行印作“200”)" in by_line[1461].message
    assert by_line[1461].related and "年度其他资金" in by_line[1461].related[0]["issue"]
    assert "项目名称" in by_line[955].message  # 干部专业化能力提升培训经费: the name row is unreadable


def test_indicator_categories_cannot_be_confirmed_from_ocr(shanxi):
    # 就业补助资金省级 prints its 满意度 row after its footer (lines 798-800): OCR loses it, so the rule
    # cannot tell a missing category from a lost row and says so instead of passing or failing.
    o = run_rule(BY_ID["YS-PERF-008"], shanxi)
    assert o.status == "insufficient_data"
    assert "#8(第766行,未见满意度指标)" in o.reason


def test_perf_family_on_the_sample(shanxi):
    res = run(shanxi, PERF)
    statuses = {o.rule_id: o.status for o in res.outcomes}
    assert statuses == {
        "YS-PERF-001": "fail",
        "YS-PERF-002": "pass",
        "YS-PERF-003": "pass",
        "YS-PERF-004": "pass",
        "YS-PERF-005": "pass",
        "YS-PERF-006": "fail",
        "YS-PERF-007": "pass",
        "YS-PERF-008": "insufficient_data",
        "YS-PERF-009": "fail",
        "YS-PERF-010": "fail",
        "YS-PERF-011": "pass",
        "YS-PERF-012": "fail",
    }
    counts: dict[tuple[str, str], int] = {}
    for f in res.findings:
        counts[f.rule_id, f.severity] = counts.get((f.rule_id, f.severity), 0) + 1
    assert counts == {
        ("YS-PERF-001", "warning"): 1,
        ("YS-PERF-006", "warning"): 1,
        ("YS-PERF-012", "warning"): 1,
        ("YS-PERF-009", "notice"): 28,
        ("YS-PERF-010", "notice"): 9,
    }
    for f in res.findings:
        assert f.file and f.line, f.message


@pytest.mark.parametrize("rule", PERF, ids=[r.id for r in PERF])
def test_budget_without_targets_is_left_to_struct_015(shanxi, rule):
    shanxi.performance_targets = []
    o = run_rule(rule, shanxi)
    assert o.status == "insufficient_data"
    assert "YS-STRUCT-015" in o.reason


@pytest.mark.parametrize("rule", PERF, ids=[r.id for r in PERF])
def test_final_accounts_are_not_applicable(shanxi, rule):
    shanxi.meta.kind = "final"
    assert run_rule(rule, shanxi).status == "not_applicable"
