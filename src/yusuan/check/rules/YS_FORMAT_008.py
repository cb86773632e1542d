"""YS-FORMAT-008 duplicated-paragraph: the same long sentence in two sections, or a section's text
printed twice."""

from __future__ import annotations

import re
from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._narr import own_sections, require_narrative, section_finding
from yusuan.extract.claims import normalise_text
from yusuan.model import Disclosure, Section

#: shorter sentences repeat legitimately ("与上年预算数相同", "本部门无…")
MIN_CHARS = 30
_SPLIT = re.compile(r"[。;!?\n]")
# reasons and item lists are legitimately shared by two sections about the same money (收支总体 and
# 财政拨款收支总体 when all income is appropriation; 财政拨款 and 一般公共预算 basic expenditure)
_SHARED = re.compile(r"^(?:\(?[一二三四五六七八九十\d]{1,3}[)、.]?)?(?:主要原因|原因|主要包括|主要用于|包括)")


_COPIED = "2024年度示例局预算收入35,949.39万元,主要包括一般公共预算拨款收入35,892.39万元。"


class DuplicatedParagraph(Rule):
    id = "YS-FORMAT-008"
    slug = "duplicated-paragraph"
    severity = "notice"
    family = "FORMAT"
    title = "段落重复"
    title_en = "Duplicated paragraph"
    message = "“{heading}”{what}:“{text}”"
    message_en = "'{heading}' {what_en}: '{text}'"
    rationale = (
        "同一长句出现在两个不同部分、或一部分的文字整段重复,多是复制模板或上一部分时未改(DOMAIN.md“Real defec"
        "ts”中复制粘贴类问题;DR-28)。列为提示请人工确认。同一部分内收入与支出分别说明而原因相同(收支平衡的预"
        "算收入与支出同增同减)、两部分说明同一笔钱时共用的原因句和明细句(“主要原因是…”“主要包括:…”)不视为重复"
        "。"
    )
    cases = [
        {"name": "sample: no sentence repeated across sections", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "a sentence copied into the next section",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "sections": [
                    {
                        "heading": "二、收入预算情况说明",
                        "text": _COPIED,
                    },
                    {
                        "heading": "三、支出预算情况说明",
                        "text": _COPIED,
                    },
                ]
            },
        },
        {
            "name": "a section printed twice over",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "sections": [
                    {
                        "heading": "九、政府采购情况",
                        "text": "2024年示例局政府采购预算总额14.83万元,其中货物5.05万元、服务9.78万元"
                        "2024年示例局政府采购预算总额14.83万元,其中货物5.05万元、服务9.78万元",
                    },
                ]
            },
        },
        {"name": "no narrative", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_narrative(d)
        first_seen: dict[str, Section] = {}
        reported: set[str] = set()
        for s in own_sections(d):
            text = re.sub(r"\s+", "", normalise_text(s.text))
            half = len(text) // 2
            if len(text) >= 2 * MIN_CHARS and len(text) % 2 == 0 and text[:half] == text[half:]:
                f = self.finding(
                    heading=s.heading.strip(),
                    what="整段文字重复了一遍",
                    what_en="repeats its own text",
                    text=text[:40] + "…",
                )
                yield section_finding(f, d, s, text[:10])
                continue
            for sent in dict.fromkeys(
                x for x in _SPLIT.split(text) if len(x) >= MIN_CHARS and not _SHARED.match(x)
            ):
                prev = first_seen.setdefault(sent, s)
                if prev is s or prev.heading == s.heading or sent in reported:
                    continue
                reported.add(sent)
                f = self.finding(
                    heading=s.heading.strip(),
                    what=f"与“{prev.heading.strip()}”有相同的句子",
                    what_en=f"repeats a sentence of '{prev.heading.strip()}'",
                    text=sent[:60],
                )
                yield section_finding(f, d, s, sent[:10])
