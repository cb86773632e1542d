"""YS-STRUCT-015 performance-targets-missing: a budget discloses no performance targets."""

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

_HEADING = r"绩效"
_TARGETS = re.compile(r"绩效目标")


class PerformanceTargetsMissing(Rule):
    id = "YS-STRUCT-015"
    slug = "performance-targets-missing"
    severity = "warning"
    family = "STRUCT"
    title = "预算未公开绩效目标"
    title_en = "Budget discloses no performance targets"
    message = "未见项目绩效目标(绩效目标表或绩效目标说明)"
    message_en = "no project performance targets (neither target tables nor a section on them)"
    applies_to = ("budget",)
    rationale = (
        "预算公开应公开重点项目的绩效目标(DR-22;财预〔2016〕143号分步推进,中发〔2018〕34号,中央部门自2024年"
        "起不少于60%的项目,故为“应当”,警告)。有项目支出绩效目标表,或叙述中有说明绩效目标的“绩效”部分即可;"
        "目标内容和金额是否与项目表一致由绩效规则检查。决算不适用(见 DR-23)。什么都未提取时为数据不足。"
    )
    cases = [
        {
            "name": "performance section naming targets",
            "expect": "pass",
            "doc": {
                "tables": [{"kind": "summary"}],
                "sections": [
                    {
                        "heading": "十、绩效管理情况",
                        "text": (
                            "2024年孝义市人力资源和社会保障局纳入绩效目标管理的二级项目37个,共计金额31,603"
                            ".71万元。"
                        ),
                    }
                ],
            },
        },
        {
            "name": "target tables extracted",
            "expect": "pass",
            "doc": {
                "tables": [{"kind": "summary"}],
                "performance_targets": [
                    {"project": "公岗期满社保补贴", "funds": {"annual": {"total": "55629"}}}
                ],
            },
        },
        {
            "name": "no targets anywhere",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [{"kind": "summary"}],
                "sections": [{"heading": "九、政府采购情况", "text": "政府采购预算总额14.83万元。"}],
            },
        },
        {
            "name": "final accounts",
            "expect": "not_applicable",
            "doc": {"meta": {"kind": "final"}, "tables": [{"kind": "summary"}]},
        },
        {
            "name": "narrative not extracted",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": NARRATIVE_DROPPED + [{"drop": "performance_targets"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        if d.performance_targets or d.table("performance") is not None:
            return
        if any(_TARGETS.search(compact(s.heading) + compact(s.text)) for s in sections_matching(d, _HEADING)):
            return
        if not narrative_extracted(d):
            raise InsufficientData("叙述和绩效目标表尚未提取,无法判断是否公开绩效目标")
        f = self.finding()
        f.file = doc_file(d)
        yield f
