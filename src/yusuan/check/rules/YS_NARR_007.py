"""YS-NARR-007 change-direction-contradicts-figures: 增加 where the figures fall (or 减少 where they
rise), or a rate that runs the other way from its change."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._narr import at_claim, claim_fig, fmt, require_claims
from yusuan.check.rules.YS_NARR_005 import changes
from yusuan.model import Disclosure

_WORD = {1: "增加(增长)", -1: "减少(下降)"}
_WORD_EN = {1: "an increase", -1: "a decrease"}


class ChangeDirectionContradictsFigures(Rule):
    id = "YS-NARR-007"
    slug = "change-direction-contradicts-figures"
    severity = "error"
    family = "NARR"
    title = "增减方向与数字矛盾"
    title_en = "Direction word contradicts the figures"
    message = "“{subject}”叙述为{word},但{why}"
    message_en = "'{subject}' is described as {word_en}, but {why_en}"
    rationale = (
        "“增加/增长”对应本年数大于上年数,“减少/下降”对应本年数小于上年数;同一句中的增减额与增减率方向一致(DOM"
        "AIN.md“Narrative against tables”:direction words agree with signs;DR-24、DR-28)。只在印出上年数或同"
        "句印出增减额时核对;“增加(减少)”这类两可的写法由 YS-FORMAT-007 报告。"
    )
    cases = [
        {"name": "sample directions agree", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "增加 while the figure fell",
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
                        "value": "3.58",
                        "unit": "万元",
                        "direction": 1,
                        "reference": "2023年预算56.26万元",
                        "sentence": "s",
                    },
                ]
            },
        },
        {
            "name": "减少 A but 增长 B%",
            "expect": "fail",
            "findings": 1,
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
                    {
                        "kind": "rate",
                        "subject": "支出总计",
                        "value": "6.36",
                        "unit": "%",
                        "direction": 1,
                        "reference": "上年",
                        "sentence": "s",
                    },
                ]
            },
        },
        {
            "name": "nothing to compare the direction with",
            "expect": "insufficient_data",
            "doc": {
                "claims": [
                    {
                        "kind": "change",
                        "subject": "支出总计",
                        "value": "3.58",
                        "unit": "万元",
                        "direction": 1,
                        "reference": "上年",
                    }
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
        found = [ch for ch in changes(d) if ch.view.claim.direction in (1, -1)]
        if not found:
            raise NotApplicable("叙述中没有带方向的增减")
        checked = 0
        for ch in found:
            c = ch.view.claim
            direction = c.direction
            if ch.this is not None and ch.last is not None:
                checked += 1
                unit = ch.this.unit
                delta = ch.this.in_unit(unit) - ch.last.in_unit(unit)
                if delta == 0 or (delta > 0) == (direction == 1):
                    continue
                this_s, last_s, up = fmt(ch.this.value), fmt(ch.last.value), delta > 0
                stated = claim_fig(c) if c.kind == "change" else None
                actual = stated.in_unit(unit) * direction if stated is not None else None  # type: ignore[operator]
                f = self.finding(
                    expected=delta,
                    actual=actual,
                    unit=unit,
                    subject=c.subject,
                    word=_WORD[direction],
                    word_en=_WORD_EN[direction],
                    why=f"本年 {this_s}{unit} {'大于' if up else '小于'}上年 {last_s}{unit}",
                    why_en=f"this year's {this_s} is {'more' if up else 'less'} than last year's {last_s}",
                )
                yield at_claim(f, c)
            elif c.kind == "rate" and ch.change is not None and ch.change.claim.direction in (1, -1):
                checked += 1
                if ch.change.claim.direction == direction:
                    continue
                other = ch.change.claim
                f = self.finding(
                    subject=c.subject,
                    word=_WORD[direction],
                    word_en=_WORD_EN[direction],
                    why=f"同一句的增减额为{_WORD[other.direction]} {fmt(other.value)}{other.unit or ''}",
                    why_en=f"the change printed with it is {_WORD_EN[other.direction]} of {fmt(other.value)}",
                )
                yield at_claim(f, c)
        if not checked:
            raise InsufficientData("增减说明既没有印出上年数也没有同句的增减额,无法核对方向")
