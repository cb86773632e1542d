"""YS-SUM-016 economic-row-not-personnel-plus-public: an economic-table row's 合计 differs from
人员经费 + 公用经费."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._arith import Tally, columns_of
from yusuan.check.rules._casedocs import economic
from yusuan.model import Disclosure


class EconomicRowNotPersonnelPlusPublic(Rule):
    id = "YS-SUM-016"
    slug = "economic-row-not-personnel-plus-public"
    severity = "error"
    family = "SUM"
    title = "基本支出经济分类表合计不等于人员经费与公用经费之和"
    title_en = "Economic classification row total is not personnel plus public costs"
    message = (
        "表{table_no}《{title}》{code} {name}「合计」为 {actual},人员经费与公用经费之和为 {expected},相差 "
        "{diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {code} {name}: total {actual}, personnel + public costs = {expected}; "
        "difference {diff} {unit}"
    )
    rationale = (
        "基本支出分为人员经费和公用经费,经济分类表每一行的合计等于两者之和(DOMAIN.md“Identities”:economic "
        "table 合计 = 人员经费 + 公用经费;DR-28)。"
    )
    cases = [
        {"name": "sample (table 6)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "sample 合计 personnel printed as 978.20",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "general_budget_basic_economic",
                        "row": "total",
                        "column": "personnel",
                        "value": "978.20",
                    }
                ],
            },
        },
        {"name": "synthetic", "expect": "pass", "doc": economic()},
        {"name": "rounding", "expect": "pass", "rounding": 1, "doc": economic(办公费={"total": "6.01"})},
        {"name": "no economic table", "expect": "insufficient_data", "doc": {"tables": []}},
        {
            "name": "no personnel/public columns",
            "expect": "insufficient_data",
            "doc": {
                "tables": [
                    {
                        "kind": "general_budget_basic_economic",
                        "rows": [{"name": "工资福利支出", "level": 1, "values": {"total": "1.00"}}],
                    }
                ]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        t = ctx.require_table("general_budget_basic_economic")
        tally = Tally(self)
        if {"personnel", "public"} & set(columns_of(t)):
            for r in t.rows:
                if not r.values:
                    continue
                f = tally.equal(
                    [r.values.get("total")],
                    [r.values.get("personnel"), r.values.get("public")],
                    table=t,
                    row=r,
                    column="total",
                )
                if f:
                    yield f
        tally.done("人员经费、公用经费列")
