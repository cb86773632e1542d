"""YS-NARR-015 budget-change-unexplained: the change of the total 收支 against last year is not stated
or not explained; other stated changes come without a reason."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._narr import (
    ZERO,
    ClaimView,
    Resolver,
    at_claim,
    claim_views,
    fmt,
    own_sections,
    require_claims,
)
from yusuan.extract.claims import normalise_text, stated_reasons
from yusuan.model import Disclosure, Section

#: the department's totals (DR-24 "Total 收支")
TOTAL_KEYS = frozenset(
    {
        "income_total",
        "exp_total",
        "fiscal_total",
        "income_current",
        "exp_current",
        "exp_current_total",
        "fiscal_current",
        "fiscal_income",
        "fiscal_exp",
    }
)


def _has_reason(s: Section | None) -> bool:
    if s is None:
        return False
    reasons = stated_reasons(s.text)
    # a blank reason ("主要原因是。") is YS-FORMAT-005's; here it counts as the place where one belongs
    return bool(reasons) or "原因" in normalise_text(s.text)


class BudgetChangeUnexplained(Rule):
    id = "YS-NARR-015"
    slug = "budget-change-unexplained"
    severity = "error"
    family = "NARR"
    title = "收支总额增减变化未说明或未说明原因"
    title_en = "Change of the total budget not stated or not explained"
    message = "{what}"
    message_en = "{what_en}"
    rationale = (
        "部门预决算应说明收支总额与上年相比的增减变化及原因(REQUIREMENTS.md DR-24:find 比上年增加/减少 A,增长"
        "/下降 B% and a non-empty reason;财预〔2016〕143号)。未说明收支总额的增减或有增减而无原因为错误;其他"
        "写明增减(如一般公共预算当年拨款、机关运行经费)而所在部分没有原因的为警告(部门预算公开模板要求“主要原"
        "因是…”)。“三公”经费由 YS-NARR-014 检查,原因留空由 YS-FORMAT-005 报告。"
    )
    cases = [
        {
            "name": "sample: totals explained; 一般公共预算当年支出 +4309.96 without a reason",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi"},
        },
        {
            "name": "total change with its reason",
            "expect": "pass",
            "doc": {
                "sections": [
                    {
                        "heading": "一、收支预算总体情况",
                        "text": "收入总计100.00万元,比上年增加10.00万元,主要原因是人员增加。",
                    }
                ],
                "claims": [
                    {
                        "kind": "change",
                        "subject": "收入总计",
                        "value": "10.00",
                        "unit": "万元",
                        "direction": 1,
                        "section": "一、收支预算总体情况",
                    }
                ],
            },
        },
        {
            "name": "total change without a reason",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "sections": [
                    {"heading": "一、收支预算总体情况", "text": "收入总计100.00万元,比上年增加10.00万元。"}
                ],
                "claims": [
                    {
                        "kind": "change",
                        "subject": "收入总计",
                        "value": "10.00",
                        "unit": "万元",
                        "direction": 1,
                        "section": "一、收支预算总体情况",
                    }
                ],
            },
        },
        {
            "name": "total stated, change against last year not",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "sections": [{"heading": "一、收支预算总体情况", "text": "收入总计100.00万元。"}],
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "收入总计",
                        "value": "100.00",
                        "unit": "万元",
                        "section": "一、收支预算总体情况",
                    }
                ],
            },
        },
        {"name": "no narrative figures", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_claims(d)
        res = Resolver(d)
        views = claim_views(d, res)
        sections = {s.heading: s for s in own_sections(d)}
        totals = [
            v
            for v in views
            if v.kind in ("change", "rate", "same") and not v.in_reason and res.key(v.subject) in TOTAL_KEYS
        ]
        stated_totals = [v for v in views if v.kind == "amount" and res.key(v.subject) in TOTAL_KEYS]
        if not totals:
            if not stated_totals:
                raise InsufficientData("叙述中没有收支总额")
            v = stated_totals[0]
            f = self.finding(
                what=f"说明了“{v.subject}”但未说明收支总额比上年的增减变化",
                what_en=f"'{v.subject}' is stated but not its change against last year",
            )
            yield at_claim(f, v.claim)
        else:
            for v in self._moved(totals):
                if not _has_reason(sections.get(v.claim.section or "")):
                    f = self.finding(
                        what=self._unexplained(v),
                        what_en=f"'{v.subject}' changed by {fmt(v.claim.value)} with no reason given",
                    )
                    yield at_claim(f, v.claim)
        seen: set[str | None] = set()
        others = [
            v
            for v in views
            if v.kind == "change"
            and not v.in_reason
            and v.claim.value not in (None, ZERO)
            and (k := res.key(v.subject)) is not None
            and k not in TOTAL_KEYS
            and not k.startswith("tp:")
        ]
        for v in others:
            sec = v.claim.section
            if sec in seen or _has_reason(sections.get(sec or "")):
                continue
            seen.add(sec)
            f = self.finding(
                severity="warning",
                what=self._unexplained(v),
                what_en=f"'{v.subject}' changed by {fmt(v.claim.value)} with no reason given",
            )
            yield at_claim(f, v.claim)

    @staticmethod
    def _moved(vs: list[ClaimView]) -> list[ClaimView]:
        return [v for v in vs if v.kind == "change" and v.claim.value not in (None, ZERO)][:1] or [
            v for v in vs if v.kind == "rate" and v.claim.value not in (None, ZERO)
        ][:1]

    @classmethod
    def _unexplained(cls, v: ClaimView) -> str:
        return f"“{v.subject}”比上年{cls._dir(v)}{fmt(v.claim.value)}{v.claim.unit or ''},未说明原因"

    @staticmethod
    def _dir(v: ClaimView) -> str:
        return {1: "增加", -1: "减少"}.get(v.claim.direction or 0, "变化")
