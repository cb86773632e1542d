"""YS-STRUCT-010 glossary-missing: the disclosure has no 名词解释 (glossary)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._struct_util import (
    NARRATIVE_DROPPED,
    compact,
    doc_file,
    narrative_extracted,
    sections_matching,
)
from yusuan.model import Disclosure

_HEADING = r"名词解释|术语解释|名词说明|专业名词"
# a definition: "X:指…", "X是指…", "X，指…"
_DEFINITION = re.compile(r"(?:是指|系指|指的是|[:：]\s*\S|，指|,指|指[^出示标])")


class GlossaryMissing(Rule):
    id = "YS-STRUCT-010"
    slug = "glossary-missing"
    severity = "error"
    family = "STRUCT"
    title = "缺少名词解释"
    title_en = "No glossary (名词解释)"
    message = "未见“名词解释”部分"
    message_en = "no glossary section (名词解释) found"
    rationale = (
        "预决算公开应对专业名词(财政拨款收入、基本支出、“三公”经费、机关运行经费等)作出解释(DR-27,"
        "财预〔2016〕143号及各地公开目录)。有“名词解释”部分且至少解释一个名词即可;叙述部分尚未提取时"
        "无法判断,为数据不足。"
    )
    cases = [
        {
            "name": "glossary with defined terms",
            "expect": "pass",
            "doc": {
                "tables": [{"kind": "summary"}],
                "sections": [
                    {
                        "heading": "第四部分 名词解释",
                        "text": (
                            "一、基本支出:指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"
                        ),
                    }
                ],
            },
        },
        {
            "name": "glossary parsed into entries",
            "expect": "pass",
            "doc": {
                "tables": [{"kind": "summary"}],
                "glossary": [{"term": "机关运行经费", "definition": "指行政单位……公用经费支出。"}],
            },
        },
        {
            "name": "narrative without a glossary",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [{"kind": "summary"}],
                "sections": [{"heading": "一、部门预算收支情况", "text": "收入总计35949.39万元。"}],
            },
        },
        {
            "name": "glossary heading with nothing under it",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [{"kind": "summary"}],
                "sections": [{"heading": "第四部分 名词解释", "text": ""}],
            },
        },
        {
            "name": "narrative not extracted",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": NARRATIVE_DROPPED},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        if d.glossary:
            return
        secs = sections_matching(d, _HEADING)
        if any(_DEFINITION.search(compact(s.text)) for s in secs):
            return
        if not secs and not narrative_extracted(d):
            raise InsufficientData("叙述部分尚未提取,无法判断是否有名词解释")
        if secs:
            s = secs[0]
            f = self.finding(
                message="“{heading}”部分没有解释任何名词",
                message_en="the section '{heading}' defines no term",
                heading=s.heading.strip(),
            )
            f.file, f.line = s.source.file or doc_file(d), s.source.line
        else:
            f = self.finding()
            f.file = doc_file(d)
        yield f
