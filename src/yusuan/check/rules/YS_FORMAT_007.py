"""YS-FORMAT-007 ambiguous-template-wording: template alternatives left in ("增加(减少)")."""

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

_UP = "增加|增长|上升|提高"
_DOWN = "减少|下降|降低"
_BOTH = re.compile(rf"(?:{_UP})\s*[(/]\s*(?:{_DOWN})\s*\)?|(?:{_DOWN})\s*[(/]\s*(?:{_UP})\s*\)?")


class AmbiguousTemplateWording(Rule):
    id = "YS-FORMAT-007"
    slug = "ambiguous-template-wording"
    severity = "error"
    family = "FORMAT"
    title = "保留了模板中的两可措辞"
    title_en = "Template alternatives left in the text"
    message = "说明中保留了模板措辞“{token}”,增减方向不明:{context}"
    message_en = "template wording '{token}' left in: the direction is not stated ({context})"
    rationale = (
        "模板写作“增加(减少)”“增长/下降”,由编制单位择一填写;原样保留时读者无法知道是增是减(DOMAIN.md“Real def"
        "ects”;DR-24、DR-28)。"
    )
    cases = [
        {"name": "sample: directions stated", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "增加(减少)0万元",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "sections": [
                    {"heading": "七、三公经费", "text": "三公经费预算13.20万元,比上年增加(减少)0万元。"}
                ]
            },
        },
        {
            "name": "only the figures were read",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "claims": [
                    {
                        "kind": "change",
                        "subject": "三公经费",
                        "value": "0",
                        "unit": "万元",
                        "raw": "0万元",
                        "flags": ["ambiguous_direction"],
                        "section": "七",
                    }
                ]
            },
        },
        {"name": "no narrative", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_narrative(d)
        secs = own_sections(d)
        scanned = {s.heading for s in secs}
        for s in secs:
            text = normalise_text(s.text)
            for m in _BOTH.finditer(text):
                f = self.finding(token=m.group(0), context=snippet(text, m.start(), 14))
                # the sentence up to the words, to place the finding on its own line
                start = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
                words = text[start : m.end()]
                yield section_finding(f, d, s, words, nth=text.count(words, 0, start))
        for c in all_claims(d):
            if "ambiguous_direction" in c.flags and c.section not in scanned:
                f = self.finding(token="增加(减少)", context=c.sentence or f"{c.subject}{c.raw}")
                yield at_claim(f, c)
