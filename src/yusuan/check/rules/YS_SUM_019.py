"""YS-SUM-019 project-total-not-sum-of-units: a project table's department total differs from the
sum of its units."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import Tally, total_row
from yusuan.check.rules._casedocs import projects
from yusuan.model import Disclosure

KINDS = ("project_current", "project_carryover")


class ProjectTotalNotSumOfUnits(Rule):
    id = "YS-SUM-019"
    slug = "project-total-not-sum-of-units"
    severity = "error"
    family = "SUM"
    title = "项目支出表部门合计不等于各单位之和"
    title_en = "Project table department total is not the sum of its units"
    message = (
        "表{table_no}《{title}》部门合计 {name}「{column}」为 {actual},各{parts}之和为 {expected},相差 {diff}"
        "{unit}"
    )
    message_en = (
        "table {table_no} ({title}) department total {name} [{column}] is {actual}, its {parts_en} sum to "
        "{expected}; difference {diff} {unit}"
    )
    rationale = (
        "项目支出表按部门→单位→项目列示,部门合计等于各单位小计之和,逐列核对(DOMAIN.md“Identities”:a parent "
        "row (… a unit in the project table, 合计) equals the sum of its children;DR-28)。未能识别单位行时,部"
        "门合计与全部项目之和比较。"
    )
    cases = [
        {
            "name": "sample (31546.71 = 105.77 + 1051.23 + 30383.55 + 6.16; 57.00 = 50.00 + 7.00)",
            "expect": "pass",
            "doc": {"base": "shanxi"},
        },
        {
            "name": "sample 本年 department total printed as 31564.71",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "project_current", "row": "total", "column": "total", "value": "31564.71"}
                ],
            },
        },
        {"name": "synthetic", "expect": "pass", "doc": projects()},
        {"name": "a unit off", "expect": "fail", "findings": 1, "doc": projects(单位B={"total": "11.00"})},
        {
            "name": "rounding",
            "expect": "pass",
            "rounding": 1,
            "doc": projects(示例部门={"unit_funds": "5.01"}),
        },
        {"name": "no project table", "expect": "insufficient_data", "doc": {"tables": []}},
        {
            "name": "no department total row",
            "expect": "insufficient_data",
            "doc": projects(示例部门={"drop": "row"}),
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tables = [t for t in d.tables if t.kind in KINDS]
        if not tables:
            raise InsufficientData("缺少项目支出表,无法检查")
        tally = Tally(self)
        for t in tables:
            tot = total_row(t)
            if tot is None:
                continue
            units = [r for r in t.rows if r.role == "unit"]
            parts, word, word_en = (
                (units, "单位", "units")
                if units
                else ([r for r in t.rows if r.role == "project"], "项目", "projects")
            )
            if not parts:
                continue
            for col in dict.fromkeys([*tot.values, *(k for r in parts for k in r.values)]):
                f = tally.equal(
                    [tot.values.get(col)],
                    [r.values.get(col) for r in parts],
                    table=t,
                    row=tot,
                    column=col,
                    parts=word,
                    parts_en=word_en,
                )
                if f:
                    yield f
        tally.done("项目支出表部门合计")
