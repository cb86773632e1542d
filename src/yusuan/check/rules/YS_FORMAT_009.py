"""YS-FORMAT-009 wording-from-other-government-level: wording of another level of government copied
into the document (省直部门 in a county department's glossary)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._narr import own_sections, require_narrative, section_finding, snippet
from yusuan.extract.claims import normalise_text
from yusuan.model import Disclosure

_PROVINCIAL = re.compile(r"省直(?:部门|单位|机关|各部门|有关单位)|省级(?:部门|预算部门|预算单位)|省本级")
_CENTRAL = re.compile(r"中央(?:部门|本级|预算单位|各部门)")
_PLACE = re.compile(r"省|自治区|市|县|区|州|盟|旗")


def level(d: Disclosure) -> str | None:
    """province / central / local (below province), from the department's name; None when unknown."""
    name = normalise_text(d.meta.department or d.meta.title or "")
    if not name:
        return None
    if re.search(r"省|自治区", name):
        return "province"
    if not _PLACE.search(name):
        return "central"
    return "local"


class WordingFromOtherGovernmentLevel(Rule):
    id = "YS-FORMAT-009"
    slug = "wording-from-other-government-level"
    severity = "notice"
    family = "FORMAT"
    title = "沿用了其他层级政府的措辞"
    title_en = "Wording copied from another level of government"
    message = "{where}写有“{token}”,而本文件是{level_zh}部门的公开:{context}"
    message_en = "{where_en} says '{token}', but this is a {level_en} department's disclosure: {context}"
    rationale = (
        "名词解释和说明沿用上级模板时常留下不属于本级的措辞,如县(市)级部门写“指省直部门用财政拨款安排的…”(DOM"
        "AIN.md“Real defects”类的复制问题;DR-28 内容准确)。按部门名称判断层级:名称含“省/自治区”的为省级,不含"
        "地名的为中央;其余为省以下。附件(如转发的省级文件)不查。列为提示。"
    )
    cases = [
        {
            "name": "sample: 三公 glossary says 省直部门 in a county-level document",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi"},
        },
        {
            "name": "a provincial department may say 省直部门",
            "expect": "pass",
            "doc": {
                "meta": {"department": "山西省人力资源和社会保障厅"},
                "glossary": [
                    {"term": '"三公"经费', "definition": "指省直部门用财政拨款安排的因公出国(境)费用。"}
                ],
            },
        },
        {
            "name": "a county department saying 本部门",
            "expect": "pass",
            "doc": {
                "meta": {"department": "孝义市人力资源和社会保障局"},
                "glossary": [
                    {"term": '"三公"经费', "definition": "指本部门用财政拨款安排的因公出国(境)费用。"}
                ],
            },
        },
        {"name": "no narrative", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_narrative(d)
        lv = level(d)
        if lv is None:
            return
        patterns = []
        if lv != "province":
            patterns.append(_PROVINCIAL)
        if lv != "central":
            patterns.append(_CENTRAL)
        fields = {
            "level_zh": {"province": "省级", "central": "中央", "local": "省以下"}[lv],
            "level_en": {"province": "provincial", "central": "central", "local": "sub-provincial"}[lv],
        }
        for g in d.glossary:
            text = normalise_text(g.definition)
            for rx in patterns:
                for m in rx.finditer(text):
                    f = self.finding(
                        where=f"名词解释“{g.term}”",
                        where_en=f"the glossary entry '{g.term}'",
                        token=m.group(0),
                        context=snippet(text, m.start(), 12),
                        **fields,
                    )
                    f.file = g.source.file or (d.meta.source_files[0] if d.meta.source_files else None)
                    f.page, f.line = g.source.page, g.source.line
                    yield f
        for s in own_sections(d):
            if d.glossary and "名词解释" in s.heading:
                continue  # read entry by entry above, with their own lines
            text = normalise_text(s.text)
            for rx in patterns:
                for m in rx.finditer(text):
                    f = self.finding(
                        where=f"“{s.heading.strip()}”",
                        where_en=f"'{s.heading.strip()}'",
                        token=m.group(0),
                        context=snippet(text, m.start(), 12),
                        **fields,
                    )
                    yield section_finding(f, d, s, m.group(0))
