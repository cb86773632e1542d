"""Docs that cannot drift: the rule reference is generated from the rules and checked here."""

from __future__ import annotations

import difflib
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules import RETIRED, RULES
from yusuan.model import Disclosure
from yusuan.report.ruledoc import generate

ROOT = Path(__file__).resolve().parents[1]
RULES_MD = ROOT / "docs" / "rules.md"
HOW = "python -m yusuan.report.ruledoc > docs/rules.md  (or: yusuan rules --markdown > docs/rules.md)"


def test_rule_reference_is_up_to_date():
    expected = generate()
    assert RULES_MD.exists(), f"docs/rules.md is missing; generate it with: {HOW}"
    actual = RULES_MD.read_text(encoding="utf-8")
    if actual != expected:
        diff = "\n".join(
            list(
                difflib.unified_diff(
                    actual.splitlines(), expected.splitlines(), "docs/rules.md", "generated", lineterm="", n=1
                )
            )[:60]
        )
        raise AssertionError(
            f"docs/rules.md is out of date with the rules; regenerate it with:\n    {HOW}\n{diff}"
        )


def test_every_rule_is_documented():
    text = RULES_MD.read_text(encoding="utf-8")
    for r in RULES:
        assert f'<a id="{r.id.lower()}"></a>' in text, f"{r.id} missing from docs/rules.md; regenerate: {HOW}"
    for rid in RETIRED:
        assert f"| {rid} |" in text


def test_module_command_prints_the_reference():
    out = subprocess.run(
        [sys.executable, "-m", "yusuan.report.ruledoc"],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    ).stdout
    assert out.decode("utf-8") == generate()


class _Documented(Rule):
    id = "YS-NARR-998"
    slug = "documented-rule"
    severity = "warning"
    family = "NARR"
    title = "说明中的金额与表中不一致"
    title_en = "Narrative amount differs from the table"
    message = "说明称 {claim} 为 {actual}|表中为 {expected}"
    message_en = "the narrative says {claim} is {actual}, the table {expected}"
    rationale = "说明文字中的金额应等于报表中的数字。"
    applies_to = ("budget",)
    cases = [
        {"name": "stated as in the table", "expect": "pass", "doc": {}},
        {"name": "stated | off by 1", "expect": "fail", "findings": 1, "doc": {}},
        {"name": "off by a cent", "expect": "pass", "rounding": 2, "doc": {}},
        {"name": "no narrative", "expect": "not_applicable", "doc": {}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        return []


def test_reference_shows_everything_about_a_rule():
    text = generate([_Documented()], {"YS-NARR-001": "YS-NARR-998"})
    for part in (
        "### YS-NARR-998 · 说明中的金额与表中不一致",
        "*Narrative amount differs from the table*",
        "| `documented-rule` | warning (警告) | NARR | budget |",
        "**依据 / Rationale.** 说明文字中的金额应等于报表中的数字。",
        "- zh: `说明称 {claim} 为 {actual}|表中为 {expected}`",
        "- en: `the narrative says {claim} is {actual}, the table {expected}`",
        "| stated as in the table | pass |",
        "| stated \\| off by 1 | fail, 1 finding |",
        "| off by a cent | pass, 2 rounding notices |",
        "| no narrative | not_applicable |",
        "| [YS-NARR-998](#ys-narr-998) | warning |",
        "## NARR — 说明文字与报表一致 / narrative against tables",
        "| YS-NARR-001 | YS-NARR-998 |",
    ):
        assert part in text, part
    assert text.endswith("\n") and not text.endswith("\n\n")
