"""The checks on the primary sample: every real defect of the Shanxi disclosure, with the figures read
by hand from the document (tests/fixtures/2024_budget_shanxi-xiaoyi_renshe.txt, line numbers below),
and the rounding-level differences that must stay notices."""

from __future__ import annotations

from decimal import Decimal

from yusuan.check.engine import run, run_rule
from yusuan.check.rules import BY_ID, RULES

D = Decimal


def _real(outcome):
    return [f for f in outcome.findings if not f.rounding]


# --- SUM / XTAB: the real defects ------------------------------------------------------------


def test_economic_table_total_contradicts_basic_expenditure(shanxi):
    # 表6 合计 1030.05 (line 296); 表5 基本支出 4345.68 (line 250), also 表3 (line 159).
    o = run_rule(BY_ID["YS-XTAB-009"], shanxi)
    assert o.status == "fail"
    [f] = _real(o)
    assert f.severity == "error"
    assert f.table_no == 6
    assert (f.expected, f.actual, f.difference, f.unit) == (D("4345.68"), D("1030.05"), D("-3315.63"), "万元")
    assert {r["table_no"]: r["value"] for r in f.related} == {5: "4345.68", 3: "4345.68"}


def test_admin_running_costs_exceed_public_costs(shanxi):
    # 表11 部门合计 一般公共预算 52.68 (line 386); 表6 合计 公用经费 42.85 (line 296).
    o = run_rule(BY_ID["YS-XTAB-014"], shanxi)
    assert o.status == "fail"
    [f] = _real(o)
    assert f.severity == "error"
    assert f.table_no == 11
    assert (f.expected, f.actual, f.difference) == (D("42.85"), D("52.68"), D("9.83"))
    assert "全部门口径" in f.message and "whole department" in f.message_en


def test_three_public_vehicle_operation_not_in_basic_expenditure(shanxi):
    # 表10 ②公务用车运行维护费 一般公共预算 13.20 (line 377); 表6 公务用车运行维护费 2.00 (line 321).
    o = run_rule(BY_ID["YS-XTAB-015"], shanxi)
    assert o.status == "fail"
    [f] = _real(o)
    assert f.severity == "warning"
    assert f.table_no == 10
    assert (f.expected, f.actual, f.difference) == (D("2.00"), D("13.20"), D("11.20"))


def test_sum_and_xtab_find_exactly_the_real_defects(shanxi):
    """No other SUM/XTAB identity is broken in the sample beyond rounding (checked by hand)."""
    mine = [r for r in RULES if r.family in ("SUM", "XTAB")]
    res = run(shanxi, mine)
    real = sorted((f.rule_id, f.table_no) for f in res.findings if not f.rounding)
    assert real == [("YS-XTAB-009", 6), ("YS-XTAB-014", 11), ("YS-XTAB-015", 10)]
    statuses = {o.rule_id: o.status for o in res.outcomes}
    assert statuses["YS-XTAB-019"] == "not_applicable"  # 支出总表 lists no units
    assert not [i for i, s in statuses.items() if s in ("error", "insufficient_data")]


# --- rounding-level differences stay notices -------------------------------------------------


def test_basic_plus_project_rounding_notices(shanxi):
    # 表3/表5 20801: 3210.54 + 76.99 = 3287.53 vs 3287.52; 2080105: 196.47 + 6.16 = 202.63 vs 202.64;
    # 20805: 522.16 + 16647.02 = 17169.18 vs 17169.17 (lines 161, 163, 166 and 252, 254, 257).
    o = run_rule(BY_ID["YS-SUM-002"], shanxi)
    assert o.status == "pass"
    got = sorted((f.table_no, f.row_code, f.expected, f.actual) for f in o.findings)
    assert got == [
        (3, "20801", D("3287.53"), D("3287.52")),
        (3, "2080105", D("202.63"), D("202.64")),
        (3, "20805", D("17169.18"), D("17169.17")),
        (5, "20801", D("3287.53"), D("3287.52")),
        (5, "2080105", D("202.63"), D("202.64")),
        (5, "20805", D("17169.18"), D("17169.17")),
    ]
    assert all(f.rounding and f.severity == "notice" for f in o.findings)


def test_unit_and_economic_class_rounding_notices(shanxi):
    # 表12 创业就业服务中心 1051.23 (line 405); its eight projects (lines 406-413) add to 1051.22.
    o = run_rule(BY_ID["YS-SUM-020"], shanxi)
    assert o.status == "pass"
    assert {(f.row_name, f.column, f.expected, f.actual) for f in o.findings} == {
        ("孝义市创业就业服务中心", "total", D("1051.22"), D("1051.23")),
        ("孝义市创业就业服务中心", "general_budget", D("1051.22"), D("1051.23")),
    }
    # 表6 工资福利支出 962.12 (line 297); its seventeen lines (298-314) add to 962.13.
    o = run_rule(BY_ID["YS-SUM-018"], shanxi)
    assert o.status == "pass"
    assert {(f.row_name, f.column, f.expected, f.actual) for f in o.findings} == {
        ("工资福利支出", "total", D("962.13"), D("962.12")),
        ("工资福利支出", "personnel", D("962.13"), D("962.12")),
    }
    assert all(f.rounding and f.severity == "notice" for f in o.findings)


def test_identities_that_hold_on_the_sample(shanxi):
    """Hand-checked identities that hold exactly: the rules pass without any finding."""
    for rid in (
        "YS-SUM-003",  # 收入总表: 合计 = 一般公共预算, 上年结转 beside it (lines 113-151)
        "YS-SUM-009",  # 收入总计 35949.39 = 支出总计 35949.39 (lines 105, 242)
        "YS-SUM-010",  # 208: 35268.06 = 35211.06 + 57.00 (line 79)
        "YS-SUM-013",  # 三公 13.20 = 0 + 0 + 13.20 (lines 373-378)
        "YS-SUM-019",  # 31546.71 = 105.77 + 1051.23 + 30383.55 + 6.16 (lines 396-436)
        "YS-XTAB-010",  # 31603.71 = 31546.71 + 57.00 (lines 159, 396, 447)
        "YS-XTAB-013",  # 20807: 1089.23 − 50.00 = 1039.23 (lines 172, 126, 263)
    ):
        o = run_rule(BY_ID[rid], shanxi)
        assert (o.status, o.findings) == ("pass", []), rid


# --- what the rules do without what they need -------------------------------------------------


def test_no_sum_or_xtab_rule_passes_on_an_empty_document():
    from yusuan.model import Disclosure

    d = Disclosure()
    for rule in (r for r in RULES if r.family in ("SUM", "XTAB")):
        assert run_rule(rule, d).status in ("insufficient_data", "not_applicable"), rule.id


def test_an_unreadable_figure_is_never_a_pass(shanxi):
    # 表3 20801 基本支出 (line 161) made unreadable: its row identity can no longer be checked.
    row = next(r for t in shanxi.tables if t.kind == "expenditure" for r in t.rows if r.code == "20801")
    row.values["basic"].value = None
    assert run_rule(BY_ID["YS-SUM-002"], shanxi).status == "insufficient_data"
    # … while a rule that still finds a real defect reports it.
    econ = next(t for t in shanxi.tables if t.kind == "general_budget_basic_economic")
    econ.rows[0].values["personnel"].value = None
    assert run_rule(BY_ID["YS-XTAB-009"], shanxi).status == "fail"


def test_sum_and_xtab_rules_are_fast(shanxi):
    mine = [r for r in RULES if r.family in ("SUM", "XTAB")]
    best = min(run(shanxi, mine).seconds for _ in range(3))
    assert best < 0.05, best  # about 5 ms on a laptop; the bound only catches a quadratic blow-up
