"""YS-FORMAT-005 blank-reason: "主要原因是" followed by nothing ("主要原因是。")."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._narr import own_sections, require_narrative, section_finding
from yusuan.extract.claims import normalise_text, stated_reasons
from yusuan.model import Disclosure


class BlankReason(Rule):
    id = "YS-FORMAT-005"
    slug = "blank-reason"
    severity = "error"
    family = "FORMAT"
    title = "原因留空"
    title_en = "Reason left blank"
    message = "“{heading}”中“主要原因是”之后没有内容"
    message_en = "in '{heading}', nothing follows 主要原因是 (the reason is blank)"
    rationale = (
        "增减变化应说明原因(REQUIREMENTS.md DR-16、DR-18、DR-24);写了“主要原因是”却未填内容(“主要原因是。”)等"
        "于未说明(DOMAIN.md“Real defects”:a blank 主要原因是。)。"
    )
    cases = [
        {"name": "sample: reasons filled in", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "主要原因是。",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "sections": [
                    {
                        "heading": "八、机关运行经费",
                        "text": "机关运行经费52.68万元,比上年减少3.58万元,主要原因是。",
                    }
                ]
            },
        },
        {
            "name": "主要原因是: then a line break and the reason",
            "expect": "pass",
            "doc": {
                "sections": [
                    {"heading": "八、机关运行经费", "text": "比上年减少3.58万元,主要原因是:\n办公经费减少。"}
                ]
            },
        },
        {"name": "no narrative", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_narrative(d)
        for s in own_sections(d):
            for r in stated_reasons(s.text):
                if r.strip(" ,.;:、。…-—") == "":
                    f = self.finding(heading=normalise_text(s.heading).strip())
                    yield section_finding(f, d, s, "原因")
