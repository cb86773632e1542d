"""Every rule's passing and failing cases (declared beside the rule as data) run here."""

from __future__ import annotations

import re

import pytest

from yusuan.check.cases import build
from yusuan.check.engine import run_rule
from yusuan.check.rules import RETIRED, RULES

CASES = [(rule, case) for rule in RULES for case in rule.cases]


@pytest.mark.parametrize(("rule", "case"), CASES, ids=[f"{r.id}:{c['name']}" for r, c in CASES])
def test_case(rule, case):
    d = build(case["doc"])
    outcome = run_rule(rule, d)
    assert outcome.status == case["expect"], (outcome.reason, [f.message for f in outcome.findings])
    real = [f for f in outcome.findings if not f.rounding]
    if "findings" in case:
        assert len(real) == case["findings"], [f.message for f in real]
    if "rounding" in case:
        assert len([f for f in outcome.findings if f.rounding]) == case["rounding"]
    for f in outcome.findings:
        assert "{" not in f.message and "{" not in f.message_en, f.message
        if f.rounding:
            assert f.severity == "notice"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_metadata(rule):
    assert re.fullmatch(r"YS-(STRUCT|SUM|XTAB|NARR|CLASS|PERF|FORMAT)-\d{3}", rule.id)
    assert rule.family == rule.id.split("-")[1]
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.slug)
    assert rule.severity in ("error", "warning", "notice")
    for text in (rule.title, rule.title_en, rule.message, rule.message_en, rule.rationale):
        assert text.strip()
    expects = {c["expect"] for c in rule.cases}
    assert "fail" in expects and "pass" in expects, "each rule needs a passing and a failing case"
    assert rule.id not in RETIRED


def test_ids_and_slugs_unique():
    assert len({r.id for r in RULES}) == len(RULES)
    assert len({r.slug for r in RULES}) == len(RULES)
