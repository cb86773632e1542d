"""YS-XTAB-016 carryover-projects-exceed-carryover: the 项目支出表(上年结转) is more than the whole
上年结转."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._arith import (
    Tally,
    by_key,
    has_values,
    other,
    project_total,
    related,
    side_col,
    total_row,
)
from yusuan.model import Disclosure


class CarryoverProjectsExceedCarryover(Rule):
    id = "YS-XTAB-016"
    slug = "carryover-projects-exceed-carryover"
    severity = "error"
    family = "XTAB"
    title = "上年结转项目支出超过上年结转总额"
    title_en = "Carried-over projects exceed the total carry-over"
    message = (
        "表{table_no}《{title}》合计为 {actual},超过表{other_no}《{other_title}》的上年结转 {expected},多 "
        "{diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) total is {actual}, more than the carry-over {expected} in table "
        "{other_no} ({other_title}); excess {diff} {unit}"
    )
    rationale = (
        "项目支出表(上年结转)列示用上年结转资金安排的项目,是收支总表“上年结转”的一部分(结转也可用于基本支出),"
        "因此不得多于它(DOMAIN.md“Identities / Across tables”:项目支出表 total (本年 + 上年结转) = 支出总表 "
        "项目支出, with the carry-over of the income side;DR-28)。收支总表缺失时取收入总表合计行的上年结转。"
    )
    cases = [
        {"name": "sample (57.00 ≤ 57.00)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "carry-over project table total printed as 75.00",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "project_carryover", "row": "total", "column": "total", "value": "75.00"}
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
                    {"table": "project_carryover", "row": "total", "column": "total", "value": "57.01"}
                ],
            },
        },
        {
            "name": "falls back to the income table",
            "expect": "pass",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "summary"}]},
        },
        {
            "name": "no carry-over project table",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "project_carryover"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        pk = ctx.require_table("project_carryover")
        if not has_values(pk):
            raise NotApplicable("项目支出表(上年结转)为空表")
        s, i = d.table("summary"), d.table("income")
        ref = None
        if s is not None and (row := by_key(s).get("carryover_total")) is not None:
            col = side_col(s, "income", ("amount", "total")) or "amount"
            ref = (s, row, col)
        elif (
            i is not None
            and (row := total_row(i)) is not None
            and any("carryover" in r.values for r in i.rows)
        ):
            ref = (i, row, "carryover")
        if ref is None:
            raise InsufficientData("收支总表和收入总表都没有上年结转")
        t, row, col = ref
        limit = row.values.get(col)
        tally = Tally(self)
        f = tally.at_most(
            project_total(pk),
            [limit],
            table=pk,
            row=total_row(pk),
            column="total",
            **other(t),
            related=[related(t, row, col, limit)],
        )
        if f:
            yield f
        tally.done("上年结转")
