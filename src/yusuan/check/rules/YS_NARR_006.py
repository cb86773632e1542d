"""YS-NARR-006 rate-not-change-over-last: a stated 增长/下降 B% differs from the change divided by last
year's figure."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._narr import (
    HUNDRED,
    ClaimView,
    at_claim,
    claim_fig,
    fmt,
    lead,
    percent_bound,
    percent_finding_values,
    require_claims,
)
from yusuan.check.rules.YS_NARR_005 import Change, changes
from yusuan.model import Disclosure

MESSAGE_ZERO_BASE = (
    "“{subject}”{context}本年 {this},增加 {change},上年数为 0,增长率无从计算(不是 100%),叙述却写{rate}%"
)
MESSAGE_ZERO_BASE_EN = (
    "'{subject}'{context} is {this} this year, up {change}: last year was 0, so there is no growth rate (it "
    "is not 100%), yet the narrative states {rate_en}%"
)


def _context(v: ClaimView) -> str:
    words = lead(v)
    return f"({words})" if words and words != v.subject and not v.subject.startswith(words) else ""


def rate_basis(ch: Change) -> tuple[Decimal, Decimal, Decimal, Decimal, str] | None:
    """(change, its bound, last year, its bound, how) for a rate, from the figures printed."""
    if ch.this is None:
        return None
    unit = ch.this.unit
    this, h_this = ch.this.in_unit(unit), ch.this.ulp(unit)
    if ch.last is not None:
        last, h_last = ch.last.in_unit(unit), ch.last.ulp(unit)
        return this - last, h_this + h_last, last, h_last, "last"
    a = claim_fig(ch.change.claim) if ch.change is not None else None
    if a is None or ch.change is None or ch.change.claim.direction not in (1, -1):
        return None
    signed = a.in_unit(unit) * ch.change.claim.direction
    # only A printed: last year = this year − A, and B = A / last year
    return signed, a.ulp(unit), this - signed, h_this + a.ulp(unit), "change"


class RateNotChangeOverLast(Rule):
    id = "YS-NARR-006"
    slug = "rate-not-change-over-last"
    severity = "error"
    family = "NARR"
    title = "增减率不等于增减额除以上年数"
    title_en = "Stated growth rate is not the change over last year's figure"
    message = "“{subject}”{context}{basis},增减率应为 {expected}%,叙述为 {actual}%,相差 {diff} 个百分点"
    message_en = (
        "'{subject}'{context} {basis_en}: the rate is {expected}%, the narrative says {actual}%; difference {"
        "diff} points"
    )
    rationale = (
        "“增长(下降)B%”中的B等于增减额除以上年数(DOMAIN.md“Narrative against tables”:B = A / last year;DR-24"
        "、DR-16、DR-18、DR-28)。印出上年数时用本年数减上年数作增减额(印错的增减额不会让增长率跟着错而不被发"
        "现);只印增减额A时上年数为本年数减A。按印出的小数位核对,允许百分比半个末位加各金额舍入误差传导的范围("
        "舍入提示)。上年数为 0(如当年新设的单位:本年数等于增加额)时增长率无从计算,叙述写出任何增长率(常见"
        "“增长100%”)都不成立,作为警告提示改写(如“上年无此项支出”)。"
    )
    cases = [
        {
            "name": "sample: 社保中心 3,848.50 / 27,555.26 = 13.97%, printed 13.99% (twice: one finding)",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi"},
        },
        {
            "name": "only the change printed: 4309.96 / (35892.39 − 4309.96) = 13.65%",
            "expect": "pass",
            "doc": {
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "一般公共预算当年支出",
                        "value": "35892.39",
                        "unit": "万元",
                        "sentence": "s",
                    },
                    {
                        "kind": "change",
                        "subject": "一般公共预算当年支出",
                        "value": "4309.96",
                        "unit": "万元",
                        "direction": 1,
                        "reference": "上年",
                        "sentence": "s",
                    },
                    {
                        "kind": "rate",
                        "subject": "一般公共预算当年支出",
                        "value": "13.65",
                        "unit": "%",
                        "direction": 1,
                        "reference": "上年",
                        "sentence": "s",
                    },
                ]
            },
        },
        {
            "name": "growth from a zero base printed as 100% (body created this year)",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "收入支出总计",
                        "value": "307.82",
                        "unit": "万元",
                        "sentence": "s",
                    },
                    {
                        "kind": "change",
                        "subject": "收入支出总计",
                        "value": "307.82",
                        "unit": "万元",
                        "direction": 1,
                        "reference": "2023年度",
                        "sentence": "s",
                    },
                    {
                        "kind": "rate",
                        "subject": "收入支出总计",
                        "value": "100.00",
                        "unit": "%",
                        "direction": 1,
                        "reference": "2023年度",
                        "sentence": "s",
                    },
                ]
            },
        },
        {
            "name": "rate computed on this year instead of last (12.01%)",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "一般公共预算当年支出",
                        "value": "35892.39",
                        "unit": "万元",
                        "sentence": "s",
                    },
                    {
                        "kind": "change",
                        "subject": "一般公共预算当年支出",
                        "value": "4309.96",
                        "unit": "万元",
                        "direction": 1,
                        "reference": "上年",
                        "sentence": "s",
                    },
                    {
                        "kind": "rate",
                        "subject": "一般公共预算当年支出",
                        "value": "12.01",
                        "unit": "%",
                        "direction": 1,
                        "reference": "上年",
                        "sentence": "s",
                    },
                ]
            },
        },
        {
            "name": "no way to know last year",
            "expect": "insufficient_data",
            "doc": {
                "claims": [{"kind": "rate", "subject": "某项", "value": "5", "unit": "%", "direction": 1}]
            },
        },
        {
            "name": "no rates stated",
            "expect": "not_applicable",
            "doc": {"claims": [{"kind": "amount", "subject": "基本支出", "value": "1.00", "unit": "万元"}]},
        },
        {"name": "no narrative figures", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_claims(d)
        found = [ch for ch in changes(d) if ch.view.kind == "rate"]
        if not found:
            raise NotApplicable("叙述中没有增减率")
        checked = 0
        for ch in found:
            basis = rate_basis(ch)
            if basis is None:
                continue
            change, h_change, last, h_last, how = basis
            c = ch.view.claim
            if abs(last) <= h_last:
                # growth from nothing (a body created this year): no rate exists, yet one is printed
                if c.value is None or change == 0:
                    continue
                checked += 1
                unit = ch.this.unit if ch.this is not None else ""
                f = self.finding(
                    severity="warning",
                    actual=c.value,
                    unit="%",
                    message=MESSAGE_ZERO_BASE,
                    message_en=MESSAGE_ZERO_BASE_EN,
                    subject=c.subject,
                    context=_context(ch.view),
                    this=f"{fmt(ch.this.value)}{unit}",  # type: ignore[union-attr]
                    change=f"{fmt(change)}{unit}",
                    rate=("下降 " if c.direction == -1 else "增长 ") + fmt(c.value),
                    rate_en=fmt(c.value),
                )
                yield at_claim(f, c)
                continue
            checked += 1
            exact = abs(HUNDRED * change / last)
            bound = percent_bound(c.precision, change, h_change, last, h_last)
            verdict = percent_finding_values(c.value, c.precision, exact, bound)  # type: ignore[arg-type]
            if verdict is None:
                continue
            kind, expected = verdict
            unit = ch.this.unit if ch.this is not None else ""
            if how == "last":
                basis_zh = f"本年 {fmt(ch.this.value)}{unit}、上年 {fmt(last)}{unit},增减 {fmt(change)}{unit}"  # type: ignore[union-attr]
                basis_en = (
                    f"this year {fmt(ch.this.value)}, last year {fmt(last)}, change {fmt(change)} {unit}"  # type: ignore[union-attr]
                )
            else:
                basis_zh = f"增减 {fmt(change)}{unit},上年应为 {fmt(last)}{unit}"
                basis_en = f"change {fmt(change)} {unit}, so last year {fmt(last)} {unit}"
            f = self.finding(
                expected=expected,
                actual=c.value,
                tolerance=bound,
                unit="%",
                rounding=kind == "rounding",
                subject=c.subject,
                context=_context(ch.view),
                basis=basis_zh,
                basis_en=basis_en,
            )
            yield at_claim(f, c)
        if not checked:
            raise InsufficientData("增减率既没有印出上年数也没有增减额,无法核对")
