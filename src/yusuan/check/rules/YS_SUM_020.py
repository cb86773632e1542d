"""YS-SUM-020 project-unit-not-sum-of-projects: a unit line of a project table differs from the sum
of its projects."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import Tally
from yusuan.check.rules._casedocs import projects
from yusuan.model import Disclosure, Row

KINDS = ("project_current", "project_carryover")


class ProjectUnitNotSumOfProjects(Rule):
    id = "YS-SUM-020"
    slug = "project-unit-not-sum-of-projects"
    severity = "error"
    family = "SUM"
    title = "项目支出表单位小计不等于其项目之和"
    title_en = "Project table unit subtotal is not the sum of its projects"
    message = (
        "表{table_no}《{title}》单位 {name}「{column}」为 {actual},其下{count}个项目之和为 {expected},相差 "
        "{diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) unit {name} [{column}] is {actual}, its {count} projects sum to "
        "{expected}; difference {diff} {unit}"
    )
    rationale = (
        "项目支出表中每个单位的小计等于其下所列项目之和,逐列核对(DOMAIN.md“Identities”:a parent row (… a unit"
        " in the project table) equals the sum of its children;DR-28)。项目按印刷顺序归属于其上最近的单位行。"
        "差额在各数字舍入误差之和以内的,作为舍入提示。"
    )
    cases = [
        {
            "name": "sample: 创业就业服务中心 1051.23 vs its projects 1051.22 is rounding",
            "expect": "pass",
            "rounding": 2,
            "doc": {"base": "shanxi"},
        },
        {"name": "synthetic", "expect": "pass", "doc": projects()},
        {
            "name": "a project off",
            "expect": "fail",
            "findings": 2,
            "doc": projects(a2={"general_budget": "6.00", "total": "11.00"}),
        },
        {
            "name": "carry-over table",
            "expect": "fail",
            "findings": 1,
            "doc": projects("project_carryover", b1={"general_budget": "9.00"}),
        },
        {"name": "rounding", "expect": "pass", "rounding": 1, "doc": projects(单位B={"total": "10.01"})},
        {"name": "no project table", "expect": "insufficient_data", "doc": {"tables": []}},
        {
            "name": "no unit lines",
            "expect": "insufficient_data",
            "doc": projects(单位A={"drop": "row"}, 单位B={"drop": "row"}),
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tables = [t for t in d.tables if t.kind in KINDS]
        if not tables:
            raise InsufficientData("缺少项目支出表,无法检查")
        tally = Tally(self)
        for t in tables:
            # One pass in printed order: a unit owns the projects below it up to the next unit.
            groups: list[tuple[Row, list[Row]]] = []
            for r in t.rows:
                if r.role == "unit":
                    groups.append((r, []))
                elif r.role == "project" and groups:
                    groups[-1][1].append(r)
            for unit, items in groups:
                if not items:
                    continue
                for col in dict.fromkeys([*unit.values, *(k for r in items for k in r.values)]):
                    f = tally.equal(
                        [unit.values.get(col)],
                        [r.values.get(col) for r in items],
                        table=t,
                        row=unit,
                        column=col,
                        count=len(items),
                    )
                    if f:
                        yield f
        tally.done("项目支出表单位小计")
