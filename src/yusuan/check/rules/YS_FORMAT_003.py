"""YS-FORMAT-003 percentage-without-percent-sign: a share or rate printed without %."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._narr import all_claims, at_claim, require_claims
from yusuan.extract.claims import normalise_text
from yusuan.model import Disclosure


class PercentageWithoutPercentSign(Rule):
    id = "YS-FORMAT-003"
    slug = "percentage-without-percent-sign"
    severity = "warning"
    family = "FORMAT"
    title = "百分比未写%"
    title_en = "Percentage printed without %"
    message = "“{subject}”的{what}“{raw}”未写%"
    message_en = "the {what_en} of '{subject}', '{raw}', has no % sign"
    rationale = (
        "占比和增减率应写明“%”,否则读者无法区分百分比与金额(DOMAIN.md“Real defects”:a missing %;DR-28)。读取"
        "时按百分比理解并照常核对,单独列出格式问题。"
    )
    cases = [
        {"name": "sample: every % printed", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "占99.84 without %",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "claims": [
                    {
                        "kind": "share",
                        "subject": "一般公共预算拨款收入",
                        "value": "99.84",
                        "unit": "%",
                        "raw": "99.84",
                        "flags": ["no_percent_sign"],
                    }
                ]
            },
        },
        {"name": "no narrative figures", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_claims(d)
        for c in all_claims(d):
            if "no_percent_sign" not in c.flags:
                continue
            what, what_en = ("占比", "share") if c.kind == "share" else ("增减率", "rate")
            f = self.finding(
                actual=c.value, subject=c.subject, raw=normalise_text(c.raw), what=what, what_en=what_en
            )
            yield at_claim(f, c)
