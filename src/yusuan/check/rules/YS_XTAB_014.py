"""YS-XTAB-014 admin-running-exceeds-public-costs: 机关运行经费 is more than the 公用经费 of basic
expenditure."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._arith import Tally, by_key, has_values, other, related, total_row
from yusuan.model import Disclosure


def _shanghai(admin_running: str) -> dict:
    """A Shanghai "三公" table with its 机关运行经费 line (万元) and an economic table in 元 whose
    公用经费 is 10,827,702 元."""
    return {
        "tables": [
            {
                "kind": "three_public",
                "rows": [
                    {"key": "total", "role": "total", "name": "合计", "values": {"total": "37.91"}},
                    {
                        "key": "admin_running",
                        "name": "机关运行经费预算数",
                        "values": {"total": admin_running},
                    },
                ],
            },
            {
                "kind": "general_budget_basic_economic",
                "unit": "元",
                "rows": [
                    {
                        "key": "total",
                        "role": "total",
                        "name": "合计",
                        "values": {"total": "101341746", "personnel": "90514044", "public": "10827702"},
                    }
                ],
            },
        ]
    }


class AdminRunningExceedsPublicCosts(Rule):
    id = "YS-XTAB-014"
    slug = "admin-running-exceeds-public-costs"
    severity = "error"
    family = "XTAB"
    title = "机关运行经费超过基本支出中的公用经费"
    title_en = "Administrative running costs exceed the public (office) costs of basic expenditure"
    message = (
        "表{table_no}《{title}》机关运行经费({fund})为 {actual},超过表{other_no}《{other_title}》的公用经费 "
        "{expected},多 {diff}{unit}。机关运行经费是行政单位(含参公事业单位)基本支出中的公用经费,而表"
        "{other_no}的公用经费是全部门口径(还含其他单位),前者不应多于后者"
    )
    message_en = (
        "table {table_no} ({title}) administrative running costs ({fund_en}) are {actual}, more than the "
        "public costs {expected} of table {other_no} ({other_title}); excess {diff} {unit}. Running costs are"
        " the public costs of the administrative units' basic expenditure, while table {other_no} covers the "
        "whole department, so they cannot be larger"
    )
    rationale = (
        "机关运行经费是行政单位和参照公务员法管理的事业单位用财政拨款安排的基本支出中的公用经费(样本名词解释;"
        "REQUIREMENTS.md DR-18:amount ≤ 公用经费 of the administrative units)。文件中能取到的公用经费是一般公"
        "共预算基本支出经济分类表的全部门公用经费,它包含行政单位的公用经费,因此机关运行经费(取一般公共预算列)"
        "不得超过它(DOMAIN.md“Identities / Across tables”:机关运行经费 ≤ 公用经费;DR-28)。消息写明比较的是哪"
        "一个公用经费。没有机关运行经费表时,取“三公”经费表中的机关运行经费行(上海);经济分类表不分列人员经费、"
        "公用经费而分块印出“公用经费合计”行时(决算),取该行。"
    )
    cases = [
        {
            "name": "sample: 机关运行经费 52.68 > 公用经费 42.85",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi"},
        },
        {
            "name": "sample with 机关运行经费 below the public costs",
            "expect": "pass",
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "admin_running", "row": "total", "column": "total", "value": "40.00"},
                    {"table": "admin_running", "row": "total", "column": "general_budget", "value": "40.00"},
                ],
            },
        },
        {
            "name": "over by a rounding cent",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "admin_running", "row": "total", "column": "general_budget", "value": "42.86"}
                ],
            },
        },
        {
            "name": "Shanghai: 机关运行经费 in the 三公 table (万元) within 公用经费 (元)",
            "expect": "pass",
            "doc": _shanghai("464.64"),
        },
        {
            "name": "Shanghai: 机关运行经费 in the 三公 table more than 公用经费",
            "expect": "fail",
            "findings": 1,
            "doc": _shanghai("1100.00"),
        },
        {
            "name": "no economic table",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "general_budget_basic_economic"}]},
        },
        {
            "name": "empty 机关运行经费 table",
            "expect": "not_applicable",
            "doc": {
                "tables": [
                    {
                        "kind": "admin_running",
                        "rows": [{"name": "部门合计", "key": "total", "role": "total"}],
                    },
                    {
                        "kind": "general_budget_basic_economic",
                        "rows": [
                            {
                                "name": "合计",
                                "key": "total",
                                "role": "total",
                                "values": {"total": "1.00", "public": "1.00"},
                            }
                        ],
                    },
                ]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        a = ctx.table("admin_running")
        if a is None:
            # Shanghai prints 机关运行经费 as one line of its "三公" table
            tp = ctx.table("three_public")
            line = by_key(tp).get("admin_running") if tp is not None else None
            if tp is None or line is None:
                raise InsufficientData("缺少机关运行经费表(“三公”经费表中也没有机关运行经费)")
            a, rows, atot = tp, [line], line
            # a final-accounts table prints 预算数 and 决算数: the 决算数 is the amount spent
            col = "final" if "final" in line.values else "total"
            fund, fund_en = ("合计", "total")
        else:
            if not has_values(a):
                raise NotApplicable("机关运行经费表为空表")
            atot = total_row(a)
            rows = [atot] if atot is not None else [r for r in a.rows if r.role == "unit"]
            # The economic table is general budget only: compare like with like when the table
            # splits funds.
            col = "general_budget" if any("general_budget" in r.values for r in rows) else "total"
            fund, fund_en = (
                ("一般公共预算", "general budget") if col == "general_budget" else ("合计", "total")
            )
        e = ctx.require_table("general_budget_basic_economic")
        etot = total_row(e)
        sub = by_key(e).get("public_total")
        where = etot
        if etot is not None and "public" in etot.values:
            limit = [etot.values["public"]]
        elif sub is not None and "total" in sub.values:
            # 人员经费 and 公用经费 printed as blocks, each with its own 合计 line (final accounts)
            limit, where = [sub.values["total"]], sub
        else:
            classes = [r for r in e.rows if r.level == 1 or (r.code and len(r.code) == 3)]
            if not any("public" in r.values for r in classes):
                raise InsufficientData("基本支出经济分类表没有公用经费合计")
            limit = [r.values.get("public") for r in classes]
        tally = Tally(self)
        f = tally.at_most(
            [r.values.get(col) for r in rows],
            limit,
            table=a,
            row=atot,
            column=col,
            fund=fund,
            fund_en=fund_en,
            **other(e),
            related=[related(e, where, "public", limit[0] if len(limit) == 1 else None)],
        )
        if f:
            yield f
        tally.done("机关运行经费")
