"""YS-FORMAT-004 placeholder-left-in: template placeholders (XX, ××, XX万元) left in the narrative."""

from __future__ import annotations

import re
from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._narr import (
    all_claims,
    at_claim,
    own_sections,
    require_narrative,
    section_finding,
    snippet,
)
from yusuan.extract.claims import normalise_text
from yusuan.model import Disclosure

# two or more placeholder marks (20XX年, XX局, ××万元), or one standing for a number before a unit (X万元)
_PLACEHOLDER = re.compile(
    r"(?<![A-Za-z])(?:[Xx]{2,4}|×{2,4}|\*{2,4}|＊{2,4}|○{2,4}|□{2,4}|△{2,4})(?![A-Za-z])"
    r"|(?<![A-Za-z0-9])[Xx×*＊](?=万元|元|%|个|家|辆|人)"
)


class PlaceholderLeftIn(Rule):
    id = "YS-FORMAT-004"
    slug = "placeholder-left-in"
    severity = "error"
    family = "FORMAT"
    title = "说明中留有模板占位符"
    title_en = "Template placeholder left in the narrative"
    message = "说明中留有占位符“{token}”:{context}"
    message_en = "placeholder '{token}' left in the narrative: {context}"
    rationale = (
        "套用模板时未替换的“XX”“××”使应公开的数字或名称缺失(DOMAIN.md“Real defects”:XX placeholders;DR-28 内"
        "容准确、143号文“内容完整”)。检查本部门的说明文字(不含附件);文字未提取时检查读出的数字。"
    )
    cases = [
        {"name": "sample: no placeholders", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "XX万元 and 20XX年 in a section",
            "expect": "fail",
            "findings": 2,
            "doc": {
                "sections": [
                    {
                        "heading": "八、机关运行经费",
                        "text": "20XX年机关运行经费预算XX万元,比上年减少3.58万元。",
                    }
                ]
            },
        },
        {
            "name": "a placeholder figure read without the text",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "机关运行经费",
                        "unit": "万元",
                        "raw": "XX万元",
                        "flags": ["placeholder"],
                        "section": "八",
                    }
                ]
            },
        },
        {
            "name": "Latin words are not placeholders",
            "expect": "pass",
            "doc": {"sections": [{"heading": "十、其他", "text": "系统采用XML格式报送,Excel附件另行公开。"}]},
        },
        {"name": "no narrative", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_narrative(d)
        secs = own_sections(d)
        scanned = {s.heading for s in secs}
        for s in secs:
            text = normalise_text(s.text)
            for m in _PLACEHOLDER.finditer(text):
                f = self.finding(token=m.group(0), context=snippet(text, m.start(), 14))
                yield section_finding(f, d, s, text[max(0, m.start() - 4) : m.end()])
        for c in all_claims(d):
            if "placeholder" in c.flags and c.section not in scanned:
                f = self.finding(token=normalise_text(c.raw), context=c.sentence or f"{c.subject}{c.raw}")
                yield at_claim(f, c)
