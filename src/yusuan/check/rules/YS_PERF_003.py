"""YS-PERF-003 target-funds-differ-from-project: a target table's annual funds (元) differ from its
project's amount in the project table (万元) by more than rounding."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._perf import (
    case_doc,
    case_target,
    funds_vs_project,
    label,
    label_en,
    pairs,
    place,
    require_projects,
    require_targets,
    slot,
    yuan,
)
from yusuan.model import Disclosure


class TargetFundsDifferFromProject(Rule):
    id = "YS-PERF-003"
    slug = "target-funds-differ-from-project"
    severity = "error"
    family = "PERF"
    title = "绩效目标表资金与项目支出表金额不一致"
    title_en = "Target table funds differ from the project amount"
    message = (
        "{tbl}年度资金总额 {got}元,项目支出表{unit_name}「{project}」为 {wan}万元(即 {want}元),"
        "相差 {gap}元,超出舍入范围 ±{tol}元"
    )
    message_en = (
        "{tbl_en}: annual funds {got} 元, but the project table prints {wan} 万元 ({want} 元) for {project} "
        "of {unit_name}; difference {gap} 元, beyond the rounding bound of ±{tol} 元"
    )
    rationale = (
        "绩效目标表的年度资金总额(元)应等于项目支出表中该项目的金额(万元)(DOMAIN.md“Performance targets”:"
        "its funds (元) equal the project amount (万元) within rounding;DR-22、DR-28)。两者换算到元比较:"
        "项目表金额保留两位小数(万元),代表其上下 0.005 万元 = 50 元以内的任何金额,所以差额在 50 元(加上目标表"
        "本身的半个末位)以内就是一致的,不作舍入提示——目标表印的是精确金额,项目表印的是它的四舍五入;超出即为"
        "错误。年度资金总额无法识别的表不比较(见 YS-PERF-010)。"
    )
    applies_to = ("budget",)
    cases = [
        {"name": "15,000 元 = 1.50 万元", "expect": "pass", "doc": case_doc()},
        {
            "name": "15,049 元 rounds to 1.50 万元",
            "expect": "pass",
            "findings": 0,
            "rounding": 0,
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单位A", "15049"),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {
            "name": "15,051 元 does not round to 1.50 万元",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单位A", "15051"),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {
            "name": "16,000 元 against 2.00 万元 (project matched by name)",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单位A", "15000"),
                    case_target("设备购置经费", "单位B", "16000", matched_project=None),
                ]
            ),
        },
        {
            "name": "sample: all readable totals within rounding (17,225.82 元 vs 1.72 万元)",
            "expect": "pass",
            "doc": {"base": "shanxi"},
        },
        {
            "name": "sample with a project amount changed",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi", "patch": [{"project": "公岗期满社保补贴", "value": "5.65"}]},
        },
        {
            "name": "no target tables (YS-STRUCT-015)",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop": "performance_targets"}]},
        },
        {"name": "no project table", "expect": "insufficient_data", "doc": case_doc(projects=[])},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_targets(d)
        require_projects(d)
        compared = 0
        for x in pairs(d):
            if x.project is None:
                continue
            cmp = funds_vs_project(x.target, x.project)
            if cmp is None:
                continue
            compared += 1
            if not cmp.error:
                continue
            total = x.project.amounts["total"]
            f = self.finding(
                amount=slot(x.target, "annual", "total"),
                expected=cmp.expected,
                actual=cmp.actual,
                tolerance=cmp.tolerance,
                unit="元",
                tbl=label(x),
                tbl_en=label_en(x),
                unit_name=x.project.unit,
                project=x.project.name,
                wan=total.plain(),
                want=yuan(cmp.expected),
                got=yuan(cmp.actual),
                gap=yuan(cmp.difference),
                tol=yuan(cmp.tolerance),
                related=[
                    {
                        "table_no": x.project.table_no,
                        "line": x.project.source.line,
                        "value": total.plain(),
                        "unit": "万元",
                    }
                ],
            )
            yield place(f, x.target, line=f.line)
        if not compared:
            raise InsufficientData("没有既能读出年度资金总额、又对应到项目的绩效目标表")
