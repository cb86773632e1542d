"""YS-PERF-001 project-without-target-table: a project of this year's project table has no
performance-target table."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, NotApplicable, Rule
from yusuan.check.rules._perf import case_doc, case_target, pairs, require_projects, require_targets
from yusuan.model import Disclosure


class ProjectWithoutTargetTable(Rule):
    id = "YS-PERF-001"
    slug = "project-without-target-table"
    severity = "warning"
    family = "PERF"
    title = "项目没有绩效目标表"
    title_en = "Project has no performance-target table"
    message = "{where}项目支出表(本年){unit_name}「{project}」{wan}万元没有对应的项目支出绩效目标表"
    message_en = (
        "this year's project {project} of {unit_name} ({wan} 万元{where_en}) has no performance-target table"
    )
    rationale = (
        "项目支出表中的每个项目应有一张项目支出绩效目标表(DOMAIN.md“Performance targets”:one target table "
        "per project in the project table;REQUIREMENTS.md DR-22;财预〔2016〕143号、中发〔2018〕34号要求"
        "重点项目绩效"
        "目标随预算公开)。只核对本年项目:上年结转项目的绩效目标已随上年预算批复和公开,本年文件不必重印,"
        "因此结转项目没有目标表不报告(有目标表也照常核对)。目标表与项目的对应见 check/rules/_perf.py。"
        "文件完全没有绩效目标表时由 YS-STRUCT-015 报告,本规则为数据不足。"
    )
    applies_to = ("budget",)
    cases = [
        {
            "name": "a table for every project of this year; the carried-over one needs none",
            "expect": "pass",
            "doc": case_doc(),
        },
        {
            "name": "second project without a table",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(targets=[case_target("技能培训经费", "单位A", "15000")]),
        },
        {
            "name": "sample: 37 projects, 36 tables; 专项业务经费 (执法队, 4.44 万元) has none",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi"},
        },
        {
            "name": "no target tables at all (YS-STRUCT-015)",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop": "performance_targets"}]},
        },
        {"name": "no project table", "expect": "insufficient_data", "doc": case_doc(projects=[])},
        {"name": "final accounts", "expect": "not_applicable", "doc": case_doc(meta={"kind": "final"})},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_targets(d)
        require_projects(d)
        current = [p for p in d.projects if p.period == "current"]
        if not current:
            raise NotApplicable("项目支出表没有本年项目")
        have = {id(x.project) for x in pairs(d) if x.project is not None}
        for p in current:
            if id(p) in have:
                continue
            total = p.amounts.get("total")
            f = self.finding(
                amount=total,
                unit="万元",
                unit_name=p.unit,
                project=p.name,
                wan=total.plain() if total is not None and total.value is not None else "?",
                where=f"表{p.table_no}" if p.table_no else "",
                where_en=f", table {p.table_no}" if p.table_no else "",
            )
            f.file = f.file or p.source.file or None
            f.line = p.source.line if p.source.line is not None else f.line
            f.table_no = p.table_no
            f.row_name = p.name
            yield f
