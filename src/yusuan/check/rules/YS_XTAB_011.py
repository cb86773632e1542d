"""YS-XTAB-011 current-projects-differ-from-general-budget-table: the 本年 project table's general
budget differs from the 一般公共预算支出表's 项目支出."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import INCOME_SOURCE_COLS, Tally, is_zero, other, related, total_row
from yusuan.model import Disclosure


class CurrentProjectsDifferFromGeneralBudgetTable(Rule):
    id = "YS-XTAB-011"
    slug = "current-projects-differ-from-general-budget-table"
    severity = "error"
    family = "XTAB"
    title = "本年项目支出表一般公共预算与一般公共预算支出表项目支出不一致"
    title_en = "This year's project table (general budget) differs from general budget project expenditure"
    message = (
        "表{table_no}《{title}》「{column}」合计为 {actual},表{other_no}《{other_title}》项目支出合计为 "
        "{expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) [{column}] total is {actual}, project expenditure in table {other_no} ("
        "{other_title}) is {expected}; difference {diff} {unit}"
    )
    rationale = (
        "项目支出表(本年)的一般公共预算列,与一般公共预算支出表(不含上年结转)的项目支出合计,都是本年一般公共预"
        "算安排的项目支出,两者相等(DOMAIN.md“Identities / Across tables”:项目支出表 … 支出总表 项目支出;“不含"
        "上年结转” tables;DR-28)。项目表未分资金列时,仅当收入总表只有一般公共预算才以合计列比较。"
    )
    cases = [
        {"name": "sample (31546.71 = 31546.71)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "一般公共预算支出表 项目支出 printed as 31564.71",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "general_budget_expenditure",
                        "row": "total",
                        "column": "project",
                        "value": "31564.71",
                    }
                ],
            },
        },
        {
            "name": "a cent apart",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "project_current",
                        "row": "total",
                        "column": "general_budget",
                        "value": "31546.72",
                    }
                ],
            },
        },
        {
            "name": "no project table",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "project_current"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        g = ctx.require_table("general_budget_expenditure")
        pc = ctx.require_table("project_current")
        gt, pt = total_row(g), total_row(pc)
        if gt is None or pt is None:
            raise InsufficientData("一般公共预算支出表或项目支出表没有合计行")
        if any("general_budget" in r.values for r in pc.rows) or any(
            c.key == "general_budget" for c in pc.columns
        ):
            col = "general_budget"
        else:
            i = d.table("income")
            it = total_row(i) if i is not None else None
            others = [c for c in INCOME_SOURCE_COLS if c != "general_budget"]
            if it is None or not all(is_zero(it.values.get(c)) for c in others):
                raise InsufficientData("项目支出表未分资金列,无法取出一般公共预算部分")
            col = "total"
        pa, ga = pt.values.get(col), gt.values.get("project")
        tally = Tally(self)
        f = tally.equal(
            [pa], [ga], table=pc, row=pt, column=col, **other(g), related=[related(g, gt, "project", ga)]
        )
        if f:
            yield f
        tally.done("本年项目支出")
