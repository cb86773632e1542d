"""Every rule on every development PDF: the errors and warnings that remain, each justified by what the
document prints (page numbers are the PDF's own page index, as in the reports), and the identities the
rules now compare where they used to report false alarms.

The primary sample (2024_budget_shanxi-xiaoyi_renshe.txt) is pinned finding by finding in
test_checks_shanxi.py, test_checks_narrative.py and test_checks_performance.py.

A finding caused by an extraction error is listed apart (``EXTRACTION``): it may disappear when the
extractor is fixed, but nothing else may appear.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from yusuan.check.engine import CheckResult, run, run_rule
from yusuan.check.rules import BY_ID, RULES
from yusuan.model import Disclosure

D = Decimal
FIXTURES = Path(__file__).parent / "fixtures"

DOCS = {
    "wanli": ["2025_budget_shanghai-putuo_wanli-jiedao.pdf"],
    "caizhengju": ["2025_unitbudget_shanghai_caizhengju.pdf"],
    "final": ["2024_final_shanghai-putuo_shehui-gongzuobu.pdf"],
    "jiangsu": [
        "2019_budget_jiangsu_renda-bangongting_narrative.pdf",
        "2019_budget_jiangsu_renda-bangongting_tables.pdf",
    ],
}

# (rule, severity): how many findings, each read by hand from the document.
REMAINING: dict[str, Counter] = {
    # 上海市普陀区万里街道 2025 budget: every identity holds. The 1-元 differences of 212 / 21201
    # (p12, p17, p23: 154,369,326 vs children 154,369,327) stay rounding notices.
    "wanli": Counter(),
    # 上海市财政局 2025 unit budget: nothing remains but the extraction error below.
    "caizhengju": Counter(),
    "final": Counter(
        {
            # p17 收入支出总计 307.82 万元, "增加 307.82 万元,增长100.00%"; p17 财政拨款收入支出总计 the
            # same; p17-18 一般公共预算财政拨款支出 307.82, 增加 307.82, 增长 100.00%; p21 机关运行经费支出
            # 10.23, 增加 10.23, 增长 100.00%. The body was created in 2024: last year is 0 and there is
            # no growth rate, yet 100% is printed four times.
            ("YS-NARR-006", "warning"): 4,
            # p18 "年初预算为 0 万元,全年预算为321.02 万元,支出决算为 307.82 万元,完成年初预算的
            # 95.89%": 307.82 / 321.02 = 95.89% is the rate against the full-year budget; against the
            # 年初预算 of 0 there is none.
            ("YS-NARR-016", "warning"): 1,
        }
    ),
    "jiangsu": Counter(
        {
            # narrative p16 (printed "─ 14 ─"): "江苏省人大常委会办公厅2019年政府性基金支出预算支出万元" —
            # the amount is missing.
            ("YS-FORMAT-006", "error"): 1,
            # template wording left in: "与上年相比增加(减少)0万元,增长(减少)0%" after each of
            # 政府性基金收入, 财政专户管理资金, 其他资金 (narrative p9) and 上年结转资金 (p9-10): 8;
            # p16 公务用车购置 and 运行维护费 "比上年预算增加(减少)0万元", and 政府性基金支出
            # "增加(减少)0万元,增长(减少)0%": 4. Twelve printings, one finding each.
            ("YS-FORMAT-007", "error"): 12,
            # no 国有资本经营预算支出表 among the 12 公开表 and no word of 国有资本经营 anywhere (DR-06,
            # "should"; the 2019 Jiangsu template has no such table, so a warning).
            ("YS-STRUCT-001", "warning"): 1,
        }
    ),
}

# Findings that come from a known extraction error, to be removed when it is fixed. None left: the
# 财政局 duties section (p3, after contents without page numbers on p2) is now found.
EXTRACTION: dict[str, Counter] = {}


@cache
def _json(name: str) -> str:
    from yusuan.api import parse

    files = [str(FIXTURES / f) for f in DOCS[name]]
    return parse(files if len(files) > 1 else files[0]).model_dump_json()


def doc(name: str) -> Disclosure:
    """A fresh copy of a parsed development document."""
    return Disclosure.model_validate_json(_json(name))


@cache
def result(name: str) -> CheckResult:
    return run(doc(name))


def _counts(res: CheckResult) -> Counter:
    return Counter((f.rule_id, f.severity) for f in res.findings if f.severity in ("error", "warning"))


def _outcome(name: str, rule_id: str):
    return next(o for o in result(name).outcomes if o.rule_id == rule_id)


def _real(outcome):
    return [f for f in outcome.findings if not f.rounding]


@pytest.mark.parametrize("name", list(DOCS))
def test_exactly_these_errors_and_warnings_remain(name):
    found = _counts(result(name))
    missing = REMAINING[name] - found
    unexpected = found - REMAINING[name] - EXTRACTION.get(name, Counter())
    assert not missing and not unexpected, (missing, unexpected)


@pytest.mark.parametrize("name", list(DOCS))
def test_every_rule_runs_and_every_family_compares_something(name):
    res = result(name)
    assert not [(o.rule_id, o.reason) for o in res.outcomes if o.status == "error"]
    ran = {o.rule_id.split("-")[1] for o in res.outcomes if o.status in ("pass", "fail")}
    families = {r.family for r in RULES}
    # PERF needs target tables: none of these documents prints one (YS-STRUCT-015 / final: n/a)
    assert families - ran <= {"PERF"}
    for o in res.outcomes:
        if o.rule_id.startswith("YS-PERF-"):
            assert o.status in ("insufficient_data", "not_applicable")
            assert "STRUCT-015" in o.reason or "budget" in o.reason


# --- false alarms that are gone: the identities now compare what is printed -----------------


@pytest.mark.parametrize("name", ["wanli", "caizhengju", "final"])
def test_income_table_with_one_appropriation_column(name):
    # Shanghai and final-accounts 收入总表 print 财政拨款收入 as one column (wanli p10-13, caizhengju
    # p8-9, final p6-7): 合计 = 财政拨款收入 + 事业收入 + … row by row; the 收支总表 财政拨款 line (or its
    # three funds) equals the income table's column; the general-budget table equals it by code.
    for rule_id in ("YS-SUM-003", "YS-XTAB-005", "YS-XTAB-012"):
        o = _outcome(name, rule_id)
        assert o.status == "pass", (rule_id, o.reason, [f.message for f in o.findings])


@pytest.mark.parametrize(
    ("name", "total"), [("wanli", "189767551"), ("caizhengju", "171915169"), ("final", "307.82")]
)
def test_income_source_change_is_caught(name, total):
    # the 收入总表 合计 row's 财政拨款收入 printed 100 lower: both SUM-003 and XTAB-005 must see it (a
    # single 元 would be inside the rounding bound of figures printed in whole 元)
    d = doc(name)
    t = d.table("income")
    tot = next(r for r in t.rows if r.key == "total")
    a = tot.values["fiscal_appropriation"]
    assert a.value == D(total)
    a.value -= 100
    for rule_id in ("YS-SUM-003", "YS-XTAB-005"):
        o = run_rule(BY_ID[rule_id], d)
        [f] = _real(o)
        assert abs(f.difference) == 100, (rule_id, f.message)


@pytest.mark.parametrize("name", ["wanli", "caizhengju"])
def test_shanghai_summary_prints_only_grand_totals(name):
    # p9 / p7: 收入总计 = 支出总计 with no 本年收入/支出合计 and no 当年预算安排 column. The grand totals
    # stand for this year's (nothing is carried): compared with the 支出总表 and 一般公共预算支出表
    # totals, and with the sum of the lines above them.
    for rule_id in ("YS-XTAB-001", "YS-XTAB-003", "YS-XTAB-008", "YS-SUM-005", "YS-SUM-006"):
        o = _outcome(name, rule_id)
        assert o.status == "pass", (rule_id, o.reason, [f.message for f in o.findings])
    for rule_id in ("YS-SUM-007", "YS-SUM-008"):
        assert _outcome(name, rule_id).status == "not_applicable"


def test_wanli_grand_total_against_expenditure_table_is_compared():
    # 表1 支出总计 189,767,551 (p9) against 表3 合计 189,767,551 (p18): print 100 元 more in 表3
    d = doc("wanli")
    tot = next(r for r in d.table("expenditure").rows if r.key == "total")
    tot.values["total"].value += 100
    [f] = _real(run_rule(BY_ID["YS-XTAB-001"], d))
    assert (f.expected, f.actual, f.difference) == (D("189767551"), D("189767651"), D(100))


@pytest.mark.parametrize(("name", "amount"), [("wanli", "464.64"), ("caizhengju", "2517.78")])
def test_admin_running_costs_from_the_three_public_table(name, amount):
    # 机关运行经费 is a line of the 三公 table (wanli p29 464.64 万元; caizhengju p20 2,517.78 万元) and
    # stays within 公用经费 (wanli p28 10,827,702 元; caizhengju p19 25,177,779 元 = 2,517.7779 万元,
    # which the 三公 table rounds to 2,517.78: a rounding notice, not an error)
    o = _outcome(name, "YS-XTAB-014")
    assert o.status == "pass"
    assert [f.actual for f in o.findings] in ([], [D(amount)])
    assert all(f.rounding for f in o.findings)
    assert _outcome(name, "YS-SUM-022").status == "not_applicable"


def test_final_economic_table_blocks():
    # p13: 人员经费合计 95.36 = 301 95.36 + 303 0.00; 公用经费合计 10.23 = 302 10.23 + 310 0.00; no
    # overall 合计. Their sum 105.59 against 表5 基本支出 105.58 is rounding (XTAB-009 notice).
    assert _outcome("final", "YS-SUM-017").status == "pass"
    assert _outcome("final", "YS-SUM-016").status == "not_applicable"
    o = _outcome("final", "YS-XTAB-009")
    assert o.status == "pass"
    [f] = o.findings
    assert f.rounding and (f.expected, f.actual) == (D("105.58"), D("105.59"))


def test_final_three_public_and_economic_table_both_zero():
    # p14: the 三公 决算 table prints 预算数 / 决算数 and is empty ("本表无数据"); p13 30231
    # 公务用车运行维护费 0.00: nothing to compare on either side
    o = _outcome("final", "YS-XTAB-015")
    assert o.status == "not_applicable"


def test_final_narrative_personnel_and_public_costs_are_verified():
    # p20 "人员经费 95.36 万元 … 公用经费 10.23 万元" against the p13 合计 lines
    assert _outcome("final", "YS-NARR-001").status == "pass"
    unverified = [f.message for f in _outcome("final", "YS-NARR-002").findings]
    assert not [m for m in unverified if "人员经费" in m or "公用经费" in m]


@pytest.mark.parametrize(
    "rule_id",
    ["YS-SUM-002", "YS-SUM-003", "YS-SUM-005", "YS-SUM-006", "YS-SUM-022", "YS-XTAB-001", "YS-XTAB-005"],
)
def test_jiangsu_tables(rule_id):
    # 公开表三 (tables p3): 合计 18,330.37 = 基本 9,312.90 + 项目 6,459.58 + 单位预留机动经费 2,557.89, one
    # total line and no class rows; 公开表一 (p1): "1.一般公共预算 18,330.37" is part of "一、财政拨款
    # 18,330.37"; 公开表二 (p2) lists the sources as rows; 公开表十一 (p11) is by economic class:
    # 合计 1,642.08 = 302 = Σ 款
    o = _outcome("jiangsu", rule_id)
    assert o.status == "pass", (o.reason, [f.message for f in o.findings])


def test_jiangsu_fiscal_summary_by_use():
    # 公开表四 (p4) prints 支出 by use only (基本 9,312.90, 项目 6,459.58, 预留机动 2,557.89, 支出合计
    # 18,330.37): compared with the same lines of 公开表一, and the grand totals
    o = _outcome("jiangsu", "YS-XTAB-007")
    assert o.status == "pass"
    d = doc("jiangsu")
    line = next(r for r in d.table("fiscal_summary").rows if r.key == "use:project")
    line.values["total"].value = D("6400.00")
    [f] = _real(run_rule(BY_ID["YS-XTAB-007"], d))
    assert (f.expected, f.actual) == (D("6459.58"), D("6400.00"))


def test_jiangsu_basic_expenditure_from_the_expenditure_table():
    # 公开表七 (p7) has no 基本支出 column; 公开表三 合计 18,330.37 equals it, so its 基本支出 9,312.90 is
    # the general budget's: = 公开表八 (p8) 合计 9,312.90
    o = _outcome("jiangsu", "YS-XTAB-009")
    assert o.status == "pass"


# --- the real defects, with the figures read by hand ------------------------------------------


def test_final_growth_from_a_zero_base():
    o = _outcome("final", "YS-NARR-006")
    found = sorted((f.page, f.actual) for f in o.findings)
    assert found == [(17, D("100.00")), (17, D("100.00")), (18, D("100.00")), (21, D("100.00"))]
    assert all(f.severity == "warning" and f.expected is None for f in o.findings)
    assert any("机关运行经费" in f.message and "10.23" in f.message for f in o.findings)


def test_final_completion_rate_names_the_wrong_budget():
    [f] = _outcome("final", "YS-NARR-016").findings
    assert (f.severity, f.page, f.actual) == ("warning", 18, D("95.89"))
    assert "年初预算为 0" in f.message and "321.02" in f.message and "307.82" in f.message


def test_final_other_completion_rates_are_right():
    # p18-20: 51.32 / 52.00 = 98.69%; 2.22 / 2.23 = 99.55%; 17.70 / 18.12 = 97.68% (rules compare them
    # and find nothing else)
    d = doc("final")
    rates = [c for c in d.claims if c.kind == "rate" and "完成" in c.subject]
    assert sorted(c.value for c in rates) == [D("95.89"), D("97.68"), D("98.69"), D("99.55")]


def test_jiangsu_missing_amount():
    [f] = _outcome("jiangsu", "YS-FORMAT-006").findings
    assert f.file.endswith("2019_budget_jiangsu_renda-bangongting_narrative.pdf")
    assert f.page == 16 and "政府性基金支出预算支出" in f.message


def test_jiangsu_template_wording():
    fs = _outcome("jiangsu", "YS-FORMAT-007").findings
    assert Counter(f.page for f in fs) == {9: 6, 10: 2, 16: 4}
    assert len({(f.page, f.line, f.message) for f in fs}) == 12
    assert not [f for f in fs if "同一处出现" in f.message]


def test_jiangsu_state_capital_table_missing():
    [f] = _outcome("jiangsu", "YS-STRUCT-001").findings
    assert f.severity == "warning" and "国有资本经营" in f.message
