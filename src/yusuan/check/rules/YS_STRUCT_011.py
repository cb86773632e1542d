"""YS-STRUCT-011 duties-or-organisation-missing: 部门职责 or 机构设置 is not described."""

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

_MIN_PROSE = 10  # characters: a heading followed by a few words is not a description
# (part, English, heading pattern, wording that describes the part inside another section)
_PARTS = (
    ("部门职责", "duties", r"职责|职能|主要任务", re.compile(r"主要职责|主要职能|职责是|职能是")),
    (
        "机构设置(单位构成)",
        "organisation (units)",
        r"机构设置|单位构成|机构情况|部门构成|预算单位",
        re.compile(
            r"内设[^。]{0,10}(?:机构|科室|股室|处室)|下属[^。]{0,6}单位|所属[^。]{0,6}单位|单位构成|"
            r"局属|直属[^。]{0,6}单位|包括[^。]{0,10}(?:本级|机关)"
        ),
    ),
)
_SAMPLE_SECTIONS = [
    {
        "heading": "一、本部门职责",
        "text": (
            "孝义市人力资源和社会保障局的主要职责是:1.贯彻执行国家、省和吕梁市人力资源和社会保障事业发展规"
            "划。"
        ),
    },
    {
        "heading": "二、机构设置情况",
        "text": "局机关内设13个股室。局属三个事业单位:创业就业服务中心、社会保险中心、劳动监察大队。",
    },
]


class DutiesOrOrganisationMissing(Rule):
    id = "YS-STRUCT-011"
    slug = "duties-or-organisation-missing"
    severity = "error"
    family = "STRUCT"
    title = "未说明部门职责或机构设置"
    title_en = "Duties or organisation not described"
    message = "未见{part}的说明(概况部分应写明)"
    message_en = "no description of the department's {part_en} (the overview should give it)"
    rationale = (
        "部门预决算公开应在概况中说明部门职责和机构设置(含预算单位构成)(DR-04,财预〔2016〕143号及各地"
        "公开目录)。按标题(主要职能、部门职责、机构设置、单位构成)或正文用语(主要职责是、内设机构、下属单位)"
        "查找,须有正文。叙述部分尚未提取时为数据不足。"
    )
    cases = [
        {
            "name": "duties and organisation described",
            "expect": "pass",
            "doc": {"tables": [{"kind": "summary"}], "sections": _SAMPLE_SECTIONS},
        },
        {
            "name": "organisation missing",
            "expect": "fail",
            "findings": 1,
            "doc": {"tables": [{"kind": "summary"}], "sections": _SAMPLE_SECTIONS[:1]},
        },
        {
            "name": "both headings present but empty",
            "expect": "fail",
            "findings": 2,
            "doc": {
                "tables": [{"kind": "summary"}],
                "sections": [
                    {"heading": "一、部门职责", "text": ""},
                    {"heading": "二、机构设置", "text": "无"},
                    {"heading": "三、收支情况", "text": "收入总计100万元。"},
                ],
            },
        },
        {
            "name": "narrative not extracted",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": NARRATIVE_DROPPED},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        if not narrative_extracted(d):
            raise InsufficientData("叙述部分尚未提取,无法判断是否说明部门职责和机构设置")
        for part, part_en, heading, wording in _PARTS:
            if any(len(compact(s.text)) >= _MIN_PROSE for s in sections_matching(d, heading)):
                continue
            if any(wording.search(compact(s.text)) for s in d.sections):
                continue
            f = self.finding(part=part, part_en=part_en)
            f.file = doc_file(d)
            yield f
