"""YS-NARR-005 change-not-this-minus-last: a stated 比上年增加/减少 A differs from this year's figure
minus last year's."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule, run_memo
from yusuan.check.rules._narr import (
    MONEY,
    ClaimView,
    Fig,
    Resolver,
    at_claim,
    claim_fig,
    claim_views,
    fmt,
    lead,
    previous_change,
    printed_base,
    require_claims,
    this_year,
)
from yusuan.model import Disclosure


def _context(v: ClaimView) -> str:
    words = lead(v)
    return f"({words})" if words and words != v.subject and not v.subject.startswith(words) else ""


@dataclass
class Change:
    """A change or rate statement with the figures it can be checked against."""

    view: ClaimView
    this: Fig | None
    last: Fig | None
    #: for a rate: the change amount printed before it
    change: ClaimView | None = None


def changes(d: Disclosure) -> list[Change]:
    """The narrative's changes with their figures (built once per check run; see run_memo)."""
    return run_memo(("narr.changes", id(d)), lambda: _changes(d))


def _changes(d: Disclosure) -> list[Change]:
    """Every change and rate claim with this year's figure and, when printed, last year's."""
    res = Resolver(d)
    views = claim_views(d, res)
    out = []
    for v in views:
        c = v.claim
        if c.kind not in ("change", "rate") or c.value is None:
            continue
        if c.kind == "change" and c.unit not in MONEY:
            continue
        cv = previous_change(v, views) if c.kind == "rate" else None
        this, _ = this_year(v, views, res)
        ref = c.reference or (cv.claim.reference if cv is not None else None)
        last, unit_printed = printed_base(ref)
        if last is not None and not unit_printed and this is not None:
            # "2023年收入2789.34" printed without 万元: read in this year's unit (YS-FORMAT-002 reports it)
            last = Fig(last.value, this.unit, last.precision)
        out.append(Change(v, this, last, cv))
    return out


def last_year_phrase(ch: Change) -> str:
    return fmt(ch.last.value) + ch.last.unit if ch.last is not None else ""


class ChangeNotThisMinusLast(Rule):
    id = "YS-NARR-005"
    slug = "change-not-this-minus-last"
    severity = "error"
    family = "NARR"
    title = "增减额不等于本年数减上年数"
    title_en = "Stated change is not this year's figure minus last year's"
    message = (
        "“{subject}”{context}本年 {this},上年 {last},增减额应为 {expected}{unit},叙述为 {actual}{unit},相差 {"
        "diff}{unit}"
    )
    message_en = (
        "'{subject}'{context} is {this} this year and {last} last year, so the change is {expected} {unit}; t"
        "he narrative says {actual} {unit}; difference {diff} {unit}"
    )
    rationale = (
        "“比上年增加(减少)A”中的A等于本年数减上年数(DOMAIN.md“Narrative against tables”;REQUIREMENTS.md DR-24"
        "、DR-16、DR-18 的增减变化,DR-28)。叙述同时印出上年数时核对:本年数取同一句中紧挨在前的同名金额(印错无"
        "法识读时取它所指的报表数),上年数取比较基数中印出的数字(未写单位时按本年数的单位)。差额在三个数舍入误"
        "差之和以内为舍入提示。增减方向由 YS-NARR-007 检查,只印增减额不印上年数时由 YS-NARR-006 检查增长率。"
    )
    cases = [
        {
            "name": "sample: 社保中心 31,403.76 − 27,555.26 = 3,848.50, printed 3855.50 (twice: one finding)",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi"},
        },
        {
            "name": "machine-room: 52.68 vs 56.26, 减少3.58",
            "expect": "pass",
            "doc": {
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "机关运行经费",
                        "value": "52.68",
                        "unit": "万元",
                        "sentence": "s",
                    },
                    {
                        "kind": "amount",
                        "subject": "2023年预算",
                        "value": "56.26",
                        "unit": "万元",
                        "sentence": "s",
                        "flags": ["comparison_base"],
                    },
                    {
                        "kind": "change",
                        "subject": "机关运行经费",
                        "value": "3.58",
                        "unit": "万元",
                        "direction": -1,
                        "reference": "2023年预算56.26万元",
                        "sentence": "s",
                    },
                ]
            },
        },
        {
            "name": "machine-room change off by 0.10",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "机关运行经费",
                        "value": "52.68",
                        "unit": "万元",
                        "sentence": "s",
                    },
                    {
                        "kind": "change",
                        "subject": "机关运行经费",
                        "value": "3.48",
                        "unit": "万元",
                        "direction": -1,
                        "reference": "2023年预算56.26万元",
                        "sentence": "s",
                    },
                ]
            },
        },
        {
            "name": "rounded to one decimal",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "机关运行经费",
                        "value": "52.68",
                        "unit": "万元",
                        "sentence": "s",
                    },
                    {
                        "kind": "change",
                        "subject": "机关运行经费",
                        "value": "3.6",
                        "unit": "万元",
                        "direction": -1,
                        "reference": "2023年预算56.26万元",
                        "sentence": "s",
                    },
                ]
            },
        },
        {
            "name": "no last-year figure printed anywhere",
            "expect": "insufficient_data",
            "doc": {
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "支出总计",
                        "value": "52.68",
                        "unit": "万元",
                        "sentence": "s",
                    },
                    {
                        "kind": "change",
                        "subject": "支出总计",
                        "value": "3.58",
                        "unit": "万元",
                        "direction": -1,
                        "reference": "上年",
                        "sentence": "s",
                    },
                ]
            },
        },
        {
            "name": "no changes stated",
            "expect": "not_applicable",
            "doc": {"claims": [{"kind": "amount", "subject": "基本支出", "value": "1.00", "unit": "万元"}]},
        },
        {"name": "no narrative figures", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_claims(d)
        found = [ch for ch in changes(d) if ch.view.kind == "change"]
        if not found:
            raise NotApplicable("叙述中没有增减额")
        checked = 0
        for ch in found:
            if ch.this is None or ch.last is None:
                continue
            checked += 1
            c = ch.view.claim
            stated = claim_fig(c)
            assert stated is not None
            unit = stated.unit
            expected = abs(ch.this.in_unit(unit) - ch.last.in_unit(unit))
            tol = ch.this.ulp(unit) + ch.last.ulp(unit) + stated.ulp(unit)
            diff = stated.value - expected
            if diff == 0:
                continue
            f = self.finding(
                expected=expected,
                actual=stated.value,
                tolerance=tol,
                unit=unit,
                rounding=abs(diff) <= tol,
                subject=c.subject,
                context=_context(ch.view),
                this=fmt(ch.this.value) + ch.this.unit,
                last=last_year_phrase(ch),
            )
            yield at_claim(f, c)
        if not checked:
            raise InsufficientData("增减额都没有印出上年数,无法核对(增长率由 YS-NARR-006 核对)")
