"""YS-PERF-011 target-coverage-below-practice: fewer than 60 % of this year's projects have a published
performance target."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from yusuan.check.engine import Context, Finding, NotApplicable, Rule
from yusuan.check.rules._perf import case_doc, case_target, pairs, require_projects, require_targets
from yusuan.model import Disclosure

#: the share of projects whose targets central departments publish (中发〔2018〕34号 practice), in %
PRACTICE = Decimal(60)

_FOUR = [
    {"name": n, "unit": "单位A", "amounts": {"total": "1.50", "general_budget": "1.50"}}
    for n in ("技能培训经费", "项目乙", "项目丙", "项目丁")
]


class TargetCoverageBelowPractice(Rule):
    id = "YS-PERF-011"
    slug = "target-coverage-below-practice"
    severity = "notice"
    family = "PERF"
    title = "公开绩效目标的项目不足六成"
    title_en = "Fewer than 60 % of projects have published performance targets"
    message = "本年项目{n}个,有绩效目标表的{m}个,占{share}%,低于{practice}%"
    message_en = (
        "{m} of this year's {n} projects have a performance-target table ({share} %), below {practice} %"
    )
    rationale = (
        "重点项目绩效目标随预算公开(财预〔2016〕143号分步推进;中发〔2018〕34号《关于全面实施预算绩效管理的意见》),"
        "中央部门的做法是公开不少于60%的项目绩效目标(REQUIREMENTS.md DR-22,“应当”)。按项目个数计算本年项目中"
        "有绩效目标表的比例,低于60%时提示;上年结转项目不计入(其目标随上年预算公开,见 YS-PERF-001)。"
        "每个缺少目标表的项目由 YS-PERF-001 逐一列出。"
    )
    applies_to = ("budget",)
    cases = [
        {"name": "every project has a table", "expect": "pass", "doc": case_doc()},
        {"name": "sample: 36 of 37 (97.3 %)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "1 of 4 projects (25 %)",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(projects=_FOUR, targets=[case_target("技能培训经费", "单位A", "15000")]),
        },
        {
            "name": "only carried-over projects",
            "expect": "not_applicable",
            "doc": case_doc(
                projects=[{**_FOUR[0], "period": "carryover"}],
                targets=[case_target("技能培训经费", "单位A", "15000")],
            ),
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
        current = [p for p in d.projects if p.period == "current"]
        if not current:
            raise NotApplicable("项目支出表没有本年项目")
        have = {id(x.project) for x in pairs(d) if x.project is not None}
        m = sum(1 for p in current if id(p) in have)
        share = (Decimal(100) * m / len(current)).quantize(Decimal("0.1"), ROUND_HALF_UP)
        if share < PRACTICE:
            f = self.finding(
                expected=PRACTICE, actual=share, unit="%", n=len(current), m=m, share=share, practice=PRACTICE
            )
            f.file = next((t.source.file for t in d.performance_targets if t.source.file), None)
            yield f
