"""YS-FORMAT-006 missing-number: a unit printed without its number ("支出万元")."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._narr import all_claims, at_claim, require_claims
from yusuan.model import Disclosure


class MissingNumber(Rule):
    id = "YS-FORMAT-006"
    slug = "missing-number"
    severity = "error"
    family = "FORMAT"
    title = "金额缺少数字"
    title_en = "Amount with its number left out"
    message = "“{subject}”之后只有单位“{unit_text}”,缺少数字"
    message_en = "'{subject}' is followed by the unit '{unit_text}' but no number"
    rationale = (
        "模板中的金额未填(“支出万元”“占%”)使说明缺少应公开的数字(DOMAIN.md“Real defects”;DR-28 内容准确、143"
        "号文“内容完整”)。"
    )
    cases = [
        {"name": "sample: every amount has its number", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "基本支出万元",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "基本支出",
                        "unit": "万元",
                        "raw": "万元",
                        "flags": ["missing_number"],
                    }
                ]
            },
        },
        {"name": "no narrative figures", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_claims(d)
        for c in all_claims(d):
            if "missing_number" in c.flags:
                f = self.finding(subject=c.subject or "(无主语)", unit_text=c.unit or c.raw)
                yield at_claim(f, c)
