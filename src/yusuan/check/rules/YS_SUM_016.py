"""YS-SUM-016 economic-row-not-personnel-plus-public: an economic-table row's 合计 differs from
人员经费 + 公用经费."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, NotApplicable, Rule
from yusuan.check.rules._arith import Tally, by_key, columns_of, economic_tables, total_row
from yusuan.check.rules._casedocs import economic
from yusuan.model import Disclosure


def _blocks(total: str | None) -> dict:
    """Final-accounts layout: 301 then 人员经费合计 95.36; 302 then 公用经费合计 10.23; a 合计 line
    when ``total`` is given."""
    rows = [
        {"code": "301", "level": 1, "values": {"total": "95.36"}},
        {"key": "personnel_total", "role": "subtotal", "name": "人员经费合计", "values": {"total": "95.36"}},
        {"code": "302", "level": 1, "values": {"total": "10.23"}},
        {"key": "public_total", "role": "subtotal", "name": "公用经费合计", "values": {"total": "10.23"}},
    ]
    if total is not None:
        rows.append({"key": "total", "role": "total", "name": "合计", "values": {"total": total}})
    return {"tables": [{"kind": "general_budget_basic_economic", "rows": rows}]}


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
        "table 合计 = 人员经费 + 公用经费;DR-28)。人员经费、公用经费不分列而分块列示、各有“合计”行时(决算),"
        "印有总合计则总合计等于两块合计之和;未印总合计时没有可在表内核对的数,两者之和与基本支出由 YS-XTAB-009"
        "核对。江苏另有财政拨款基本支出经济分类表,同样核对。"
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
        {"name": "final: blocks without an overall 合计", "expect": "not_applicable", "doc": _blocks(None)},
        {"name": "blocks with an overall 合计", "expect": "pass", "doc": _blocks("105.59")},
        {
            "name": "blocks with a wrong overall 合计",
            "expect": "fail",
            "findings": 1,
            "doc": _blocks("105.95"),
        },
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
        tally = Tally(self)
        blocks_only = False
        for t in economic_tables(ctx):
            keyed = by_key(t)
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
            elif "personnel_total" in keyed and "public_total" in keyed:
                # 人员经费 and 公用经费 printed as blocks with a 合计 line each (final accounts): no
                # line carries both; a printed overall 合计 is their sum
                tot = total_row(t)
                if tot is None or "total" not in tot.values:
                    blocks_only = True
                    continue
                f = tally.equal(
                    [tot.values.get("total")],
                    [keyed["personnel_total"].values.get("total"), keyed["public_total"].values.get("total")],
                    table=t,
                    row=tot,
                    column="total",
                )
                if f:
                    yield f
        if blocks_only and not tally.checked and not tally.unreadable:
            raise NotApplicable(
                "经济分类表把人员经费、公用经费分块列示,没有同一行的合计与分项,也未印总合计;两者之和"
                "与基本支出的核对见 YS-XTAB-009"
            )
        tally.done("人员经费、公用经费列")
