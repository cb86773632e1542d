"""YS-PERF-007 implementing-unit-differs-from-project: a target table names another implementing unit
than the unit its project is listed under in the project table."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
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


class ImplementingUnitDiffersFromProject(Rule):
    id = "YS-PERF-007"
    slug = "implementing-unit-differs-from-project"
    severity = "warning"
    family = "PERF"
    title = "绩效目标表实施单位与项目支出表不一致"
    title_en = "Target table implementing unit differs from the project's unit"
    message = "{tbl}的实施单位为「{said}」,项目支出表把该项目列在「{listed}」下"
    message_en = (
        "{tbl_en} names {said} as implementing unit; the project table lists the project under {listed}"
    )
    rationale = (
        "绩效目标表的实施单位应是项目支出表中列示该项目的单位(DR-22:each target's project matches the "
        "project "
        "table;DR-30 部门包含的单位)。实施单位是文件所列的另一个单位时确定不一致;不是任何已知单位时,文本层的"
        "表照样报告,OCR 识别的表可能只是名称识别错(提取时已把相近的写法对齐到项目表),不报告。"
    )
    applies_to = ("budget",)
    cases = [
        {"name": "units agree", "expect": "pass", "doc": case_doc()},
        {
            "name": "sample: every readable implementing unit is the project's",
            "expect": "pass",
            "doc": {"base": "shanxi"},
        },
        {
            "name": "the table names the other unit",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单位B", "15000"),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {
            "name": "a unit the document does not list (text layer)",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "外单位", "15000"),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {
            "name": "an unknown spelling in an OCR'd table",
            "expect": "pass",
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单住A", "15000", ocr=True),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {
            "name": "no table names its unit",
            "expect": "insufficient_data",
            "doc": case_doc(targets=[case_target("技能培训经费", "单位A", "15000", implementing_unit=None)]),
        },
        {
            "name": "no target tables (YS-STRUCT-015)",
            "expect": "insufficient_data",
            "doc": case_doc(targets=[]),
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_targets(d)
        require_projects(d)
        known = {p.unit for p in d.projects if p.unit} | set(d.meta.units)
        checked = 0
        for x in pairs(d):
            said = (x.target.implementing_unit or "").strip()
            if x.project is None or not said or not x.project.unit:
                continue
            checked += 1
            if said == x.project.unit or (said not in known and x.target.ocr):
                continue
            f = self.finding(
                tbl=label(x),
                tbl_en=label_en(x),
                said=said,
                listed=x.project.unit,
                related=[
                    {
                        "table_no": x.project.table_no,
                        "line": x.project.source.line,
                        "row_name": x.project.name,
                    }
                ],
            )
            yield place(f, x.target)
        if not checked:
            raise InsufficientData("没有写明实施单位并对应到项目的绩效目标表")
