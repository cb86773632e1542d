"""YS-NARR-004 shares-do-not-sum-to-100: the shares of one whole add up to more (or, for a complete
list, other) than 100%."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from yusuan.check.engine import Context, Finding, NotApplicable, Rule
from yusuan.check.rules._narr import HUNDRED, ZERO, at_claim, half_ulp, require_claims
from yusuan.check.rules.YS_NARR_003 import share_groups, shares
from yusuan.model import Disclosure


class SharesDoNotSumTo100(Rule):
    id = "YS-NARR-004"
    slug = "shares-do-not-sum-to-100"
    severity = "error"
    family = "NARR"
    title = "同一整体的各项占比之和不为100%"
    title_en = "Shares of one whole do not add up to 100%"
    message = "{whole_name}的各项占比({items})合计 {actual}%,{why}"
    message_en = "the shares of {whole_name} ({items}) add up to {actual}%; {why_en}"
    rationale = (
        "同一整体的各部分占比之和不超过100%;列出的部分金额合起来等于整体时(列举完整),占比之和应为100%,允许每"
        "个非零占比半个末位的舍入误差(DOMAIN.md“Narrative against tables”:shares of one whole sum to ~100%;DR"
        "-28)。只列主要部分(合计小于整体)时不要求等于100%。"
    )
    cases = [
        {"name": "sample shares add up", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "sample with 项目支出 占88.91%",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi", "patch": [{"claim": "87.91%", "value": "88.91"}]},
        },
        {
            "name": "only the main classes listed",
            "expect": "pass",
            "doc": {
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "支出预算",
                        "value": "100.00",
                        "unit": "万元",
                        "sentence": "s",
                    },
                    {
                        "kind": "amount",
                        "subject": "基本支出",
                        "value": "30.00",
                        "unit": "万元",
                        "sentence": "s",
                    },
                    {
                        "kind": "share",
                        "subject": "基本支出",
                        "value": "30",
                        "unit": "%",
                        "reference": "支出预算",
                        "sentence": "s",
                    },
                    {
                        "kind": "amount",
                        "subject": "项目支出",
                        "value": "60.00",
                        "unit": "万元",
                        "sentence": "s",
                    },
                    {
                        "kind": "share",
                        "subject": "项目支出",
                        "value": "60",
                        "unit": "%",
                        "reference": "支出预算",
                        "sentence": "s",
                    },
                ]
            },
        },
        {
            "name": "no shares",
            "expect": "not_applicable",
            "doc": {"claims": [{"kind": "amount", "subject": "基本支出", "value": "1.00", "unit": "万元"}]},
        },
        {"name": "no narrative figures", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_claims(d)
        _, found = shares(d)
        groups = [g for g in share_groups(found) if len(g) >= 2]
        if not groups:
            raise NotApplicable("叙述中没有同一整体的多项占比")
        for g in groups:
            total = sum((s.view.claim.value for s in g), ZERO)  # type: ignore[misc]
            # a zero share of a zero amount is exact; any other printed share may be off by half a unit
            tol = sum((half_ulp(s.view.claim.precision) for s in g if s.part.value != 0), ZERO)
            unit = "万元" if any("万元" in (s.part.unit, s.whole.unit) for s in g) else "元"
            parts = sum((s.part.in_unit(unit) for s in g), ZERO)
            parts_tol = sum((s.part.ulp(unit) for s in g), ZERO) + g[0].whole.ulp(unit)
            complete = abs(parts - g[0].whole.in_unit(unit)) <= parts_tol
            if total > HUNDRED + tol:
                why, why_en = "超过100%", "more than 100%"
            elif complete and abs(total - HUNDRED) > tol:
                why, why_en = (
                    "而所列金额合计等于整体,应为100%",
                    "but the amounts listed make up the whole, so 100%",
                )
            else:
                continue
            items = "、".join(f"{s.view.subject}{s.view.claim.value}%" for s in g)
            f = self.finding(
                expected=HUNDRED,
                actual=Decimal(total),
                tolerance=tol,
                unit="%",
                whole_name=g[0].whole_name,
                items=items,
                why=why,
                why_en=why_en,
            )
            yield at_claim(f, g[-1].view.claim)
