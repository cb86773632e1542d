"""YS-PERF-002 target-table-matches-no-project: a performance-target table belongs to no project of the
project tables."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._perf import (
    case_doc,
    case_target,
    label,
    label_en,
    pairs,
    place,
    require_projects,
    require_targets,
)
from yusuan.model import Disclosure


class TargetTableMatchesNoProject(Rule):
    id = "YS-PERF-002"
    slug = "target-table-matches-no-project"
    severity = "warning"
    family = "PERF"
    title = "绩效目标表对应不到项目支出表中的项目"
    title_en = "Performance-target table matches no project of the project tables"
    message = "{tbl}在项目支出表中找不到对应项目{why}"
    message_en = "{tbl_en} matches no project of the project tables{why_en}"
    rationale = (
        "绩效目标表是项目支出表中某个项目的目标(DOMAIN.md“Performance targets”;REQUIREMENTS.md DR-22:each "
        "target's project name and amount match the project table)。提取时按项目名称和金额把目标表对应到项目"
        "(本年或上年结转);名称和金额都对不上的表,可能是项目支出表漏列了项目、目标表项目名称写法不同,"
        "或同一项目印了两张表。名称被OCR读错但金额相符的表仍能对上,不报告。"
    )
    applies_to = ("budget",)
    cases = [
        {"name": "every table has its project", "expect": "pass", "doc": case_doc()},
        {"name": "sample: all 36 tables matched", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "a table for a project not in the project table",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单位A", "15000"),
                    case_target("设备购置经费", "单位B", "20000"),
                    case_target("宣传经费", "单位B", "8000", matched_project=None),
                ]
            ),
        },
        {
            "name": "two tables for one project",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单位A", "15000"),
                    case_target("技能培训经费", "单位A", "15000"),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {"name": "no project table", "expect": "insufficient_data", "doc": case_doc(projects=[])},
        {
            "name": "no target tables (YS-STRUCT-015)",
            "expect": "insufficient_data",
            "doc": case_doc(targets=[]),
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_targets(d)
        require_projects(d)
        for x in pairs(d):
            if x.project is not None:
                continue
            why = why_en = ""
            if x.duplicate_of is not None:
                why = f"(同名项目已由绩效目标表#{x.duplicate_of}对应,本表重复)"
                why_en = f" (its project already has target table #{x.duplicate_of}; this one repeats it)"
            f = self.finding(tbl=label(x), tbl_en=label_en(x), why=why, why_en=why_en)
            yield place(f, x.target)
