"""The NARR and FORMAT checks on the primary sample: every narrative defect of the Shanxi disclosure,
with the figures read by hand from tests/fixtures/2024_budget_shanxi-xiaoyi_renshe.txt (line numbers
below), the false alarms that must not be raised, and the rounding-level differences that stay
notices."""

from __future__ import annotations

from decimal import Decimal

import pytest

from yusuan.check.cases import build
from yusuan.check.engine import run, run_rule
from yusuan.check.rules import BY_ID, RULES
from yusuan.check.rules._narr import Resolver
from yusuan.check.rules._struct_util import NARRATIVE_DROPPED

D = Decimal
MINE = [r for r in RULES if r.family in ("NARR", "FORMAT")]


def _real(outcome):
    return [f for f in outcome.findings if not f.rounding]


def _vals(findings):
    return sorted((f.line, f.expected, f.actual, f.difference) for f in findings)


# --- the real defects --------------------------------------------------------------------------


def test_malformed_total(shanxi):
    # line 458: "预算收入总计35.949.39万元"; the 收支总表 prints 收入总计 35949. 39 (line 105).
    o = run_rule(BY_ID["YS-FORMAT-001"], shanxi)
    assert o.status == "fail"
    [f] = _real(o)
    assert f.severity == "error"
    assert (f.line, f.expected, f.actual) == (458, D("35949.39"), None)
    assert "35.949.39" in f.message


def test_social_insurance_centre_change_and_rate(shanxi):
    # line 458, printed twice (income, then the same words for expenditure): 社保中心 2024年 31,403.76,
    # 2023年 27,555.26, 比上年增加 3855.50 (31,403.76 − 27,555.26 = 3,848.50), 增长13.99%
    # (3,848.50 / 27,555.26 = 13.966…% → 13.97%).
    change = run_rule(BY_ID["YS-NARR-005"], shanxi)
    assert change.status == "fail"
    # the two printings stand on the same text line: one finding that says so
    assert _vals(_real(change)) == [(458, D("3848.50"), D("3855.50"), D("7.00"))]
    assert "出现 2 次" in change.findings[0].message
    assert all(f.severity == "error" for f in change.findings)
    assert "社保中心" in change.findings[0].message

    rate = run_rule(BY_ID["YS-NARR-006"], shanxi)
    assert rate.status == "fail"
    assert _vals(_real(rate)) == [(458, D("13.97"), D("13.99"), D("0.02"))]


def test_other_changes_of_section_one_are_right(shanxi):
    # line 458: 1039.23 − 597.95 = 441.28 (73.80%); 266.56 − 256.54 = 10.02 (3.91%);
    # 2789.34 − 2737.64 = 51.70 (1.85%); total 4229.30 / (35949.39 − 4229.30) = 13.33%;
    # line 479: 4309.96 / (35892.39 − 4309.96) = 13.65%; line 506: 56.26 − 52.68 = 3.58 (6.36%).
    for rid in ("YS-NARR-005", "YS-NARR-006"):
        o = run_rule(BY_ID[rid], shanxi)
        assert {f.actual for f in o.findings} <= {D("3855.50"), D("13.99")}
    assert run_rule(BY_ID["YS-NARR-007"], shanxi).status == "pass"


def test_last_year_without_unit(shanxi):
    # line 458, twice: "2023年收入2789.34" with no 万元.
    o = run_rule(BY_ID["YS-FORMAT-002"], shanxi)
    assert o.status == "fail"
    assert _vals(_real(o)) == [(458, None, D("2789.34"), None)]
    assert "出现 2 次" in o.findings[0].message
    assert all(f.severity == "warning" for f in o.findings)


def test_project_breakdown_does_not_add_up(shanxi):
    # line 522: 二级项目37个, 共计31,603.71; 其中 14个 1,461.95 + 23个 30,084.75 = 31,546.70
    # (14 + 23 = 37, so the list is complete); stated again for 公开项目绩效目标.
    o = run_rule(BY_ID["YS-NARR-011"], shanxi)
    assert o.status == "fail"
    assert _vals(_real(o)) == [(522, D("31546.70"), D("31603.71"), D("57.01"))] * 2


def test_project_count_and_amount_against_project_tables(shanxi):
    # 表12 本年 total 31546. 71 (line 396) over 37 projects; 表13 上年结转 57.00 over 2 more: the
    # narrative's 37 projects are this year's, its 31,603.71 is this year's + carried over.
    o = run_rule(BY_ID["YS-NARR-010"], shanxi)
    assert o.status == "fail"
    errors = [f for f in o.findings if f.severity == "error"]
    assert _vals(errors) == [(522, D("31546.71"), D("31603.71"), D("57.00"))] * 2
    assert "39" in errors[0].message
    # 1,461.95 + 30,084.75 = 31,546.70 against 31,546.71: rounding, a notice
    notices = [f for f in o.findings if f.rounding]
    assert _vals(notices) == [(522, D("31546.71"), D("31546.70"), D("-0.01"))] * 2
    assert all(f.severity == "notice" for f in notices)
    # the narrative says 37 targets are published; the attachment has one table per target read
    n = len(shanxi.performance_targets)
    warnings = [f for f in o.findings if f.severity == "warning"]
    if n and n != 37:
        assert _vals(warnings) == [(522, D(n), D(37), D(37 - n))]
    else:
        assert not warnings


def test_basic_expenditure_of_section_six(shanxi):
    # line 492: 一般公共预算安排基本支出1,030.05 = 表6 合计 (line 296) but 表5 基本支出 is 4345. 68
    # (line 250), as is section 三 (line 468).
    o = run_rule(BY_ID["YS-NARR-001"], shanxi)
    assert o.status == "fail"
    [f] = _real(o)
    assert f.severity == "error"
    assert (f.line, f.expected, f.actual, f.difference) == (492, D("4345.68"), D("1030.05"), D("-3315.63"))
    assert "表5" in f.message and "表6一致" in f.message
    assert {r["table_no"]: r["value"] for r in f.related} == {5: "4345.68", 6: "1030.05"}


def test_admin_running_costs_left_to_xtab(shanxi):
    # 机关运行经费 52.68 > 公用经费 42.85 is YS-XTAB-014's (table 11 against table 6); the narrative's
    # 52.68 (line 506) equals table 11 and raises nothing here.
    assert run_rule(BY_ID["YS-XTAB-014"], shanxi).status == "fail"
    res = run(shanxi, MINE)
    assert not [f for f in res.findings if f.line == 506]


def test_project_named_public_costs_is_not_basic_expenditure(shanxi):
    # line 518: "涉及部门预算资金31603.71万元,其中基本支出0.85万元,项目支出31602.86万元": the 0.85 is the
    # project 公用经费 of 表12 (line 413), not the department's 基本支出 4345.68.
    claim = next(c for c in shanxi.claims if c.source.line == 518 and c.subject == "基本支出")
    assert claim.value == D("0.85")
    assert Resolver(shanxi).key(claim.subject) == "basic"  # the subject alone would be tied
    res = run(shanxi, MINE)
    assert not [f for f in res.findings if f.line == 518]


def test_provincial_wording_in_county_glossary(shanxi):
    # line 3742: '"三公"经费:指省直部门用财政拨款安排的…' in a 孝义市 (county-level) document.
    o = run_rule(BY_ID["YS-FORMAT-009"], shanxi)
    assert o.status == "fail"
    [f] = o.findings
    assert (f.severity, f.line) == ("notice", 3742)
    assert "省直部门" in f.message


def test_split_digits_are_notices(shanxi):
    # line 458: "441. 28万元" and "73. 8%".
    o = run_rule(BY_ID["YS-FORMAT-010"], shanxi)
    assert sorted(f.message for f in o.findings) == sorted(
        ["数字“441. 28万元”中间有空格,按 441.28 读取", "数字“73. 8%”中间有空格,按 73.8 读取"]
    )
    assert all(f.severity == "notice" and f.line == 458 for f in o.findings)


def test_general_budget_change_without_reason(shanxi):
    # line 479: 一般公共预算当年支出 比上年增加4309.96万元,增长13.65%。 and nothing on why; the totals of
    # section 一 give their reasons (line 458).
    o = run_rule(BY_ID["YS-NARR-015"], shanxi)
    [f] = o.findings
    assert (f.severity, f.line) == ("warning", 479)


def test_narr_and_format_find_exactly_these(shanxi):
    """No other narrative problem in the sample beyond these (checked by hand)."""
    res = run(shanxi, MINE)
    got = sorted((f.rule_id, f.severity, f.line) for f in res.findings if not f.rounding)
    want = sorted(
        [
            ("YS-FORMAT-001", "error", 458),
            ("YS-FORMAT-002", "warning", 458),
            ("YS-FORMAT-009", "notice", 3742),
            ("YS-FORMAT-010", "notice", 458),
            ("YS-FORMAT-010", "notice", 458),
            ("YS-NARR-001", "error", 492),
            ("YS-NARR-005", "error", 458),
            ("YS-NARR-006", "error", 458),
            ("YS-NARR-010", "error", 522),
            ("YS-NARR-010", "error", 522),
            ("YS-NARR-011", "error", 522),
            ("YS-NARR-011", "error", 522),
            ("YS-NARR-015", "warning", 479),
        ]
        + ([("YS-NARR-010", "warning", 522)] if len(shanxi.performance_targets) not in (0, 37) else [])
    )
    assert got == want
    assert sorted((f.rule_id, f.line) for f in res.findings if f.rounding) == [("YS-NARR-010", 522)] * 2
    statuses = {o.rule_id: o.status for o in res.outcomes}
    assert not [i for i, s in statuses.items() if s == "error"]
    # every 占X% and every listed 类 of the sample is right
    for rid in ("YS-NARR-003", "YS-NARR-004", "YS-NARR-012", "YS-NARR-013", "YS-NARR-014"):
        assert statuses[rid] == "pass", rid


def test_section_one_repetition_is_not_a_duplicate(shanxi):
    # Section 一 states the income change with its reasons, then the expenditure change with the same
    # reasons (a balanced budget's income and expenditure move together): not flagged.
    assert run_rule(BY_ID["YS-FORMAT-008"], shanxi).status == "pass"


# --- unknown is never pass ---------------------------------------------------------------------


@pytest.mark.parametrize("rule", MINE, ids=[r.id for r in MINE])
def test_no_narrative_is_insufficient(rule):
    d = build({"base": "shanxi", "patch": NARRATIVE_DROPPED})
    assert run_rule(rule, d).status == "insufficient_data"


CLAIM_RULES = [
    r
    for r in MINE
    if r.id
    not in (
        # these read the narrative text itself, which is still there
        "YS-NARR-009",
        "YS-NARR-012",
        "YS-NARR-014",
        "YS-FORMAT-004",
        "YS-FORMAT-005",
        "YS-FORMAT-007",
        "YS-FORMAT-008",
        "YS-FORMAT-009",
    )
]


@pytest.mark.parametrize("rule", CLAIM_RULES, ids=[r.id for r in CLAIM_RULES])
def test_no_claims_is_insufficient(rule):
    d = build({"base": "shanxi", "patch": [{"drop": "claims"}, {"drop": "three_public"}]})
    assert run_rule(rule, d).status == "insufficient_data"


def test_at_least_eighteen_rules_registered():
    assert len(MINE) >= 18
    assert {r.family for r in MINE} == {"NARR", "FORMAT"}


def test_rules_are_fast(shanxi):
    res = run(shanxi, MINE)
    assert res.seconds < 1.0
