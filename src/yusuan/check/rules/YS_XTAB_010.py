"""YS-XTAB-010 project-tables-differ-from-expenditure-table: 项目支出表 (本年 + 上年结转) differs from the
支出总表's 项目支出."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import Tally, by_key, is_zero, project_total, related, side_col, total_row, v
from yusuan.model import Disclosure


class ProjectTablesDifferFromExpenditureTable(Rule):
    id = "YS-XTAB-010"
    slug = "project-tables-differ-from-expenditure-table"
    severity = "error"
    family = "XTAB"
    title = "项目支出表合计与支出总表项目支出不一致"
    title_en = "Project tables total differs from project expenditure in the expenditure table"
    message = (
        "表{table_no}《{title}》项目支出为 {expected},项目支出表{tables}合计为 {actual},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) project expenditure is {expected}, the project tables ({tables_en}) add "
        "up to {actual}; difference {diff} {unit}"
    )
    rationale = (
        "支出总表的项目支出(含上年结转)等于项目支出表(本年)与项目支出表(上年结转)之和(DOMAIN.md“Identities / "
        "Across tables”:项目支出表 total (本年 + 上年结转) = 支出总表 项目支出;DR-28)。没有上年结转项目表时,"
        "仅当收支总表没有上年结转才以本年项目表单独比较。"
    )
    cases = [
        {"name": "sample (31603.71 = 31546.71 + 57.00)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "本年 project table total printed as 31564.71",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "project_current", "row": "total", "column": "total", "value": "31564.71"}
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
                    {"table": "project_carryover", "row": "total", "column": "total", "value": "57.01"}
                ],
            },
        },
        {
            "name": "carry-over table missing while 57.00 was carried over",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "project_carryover"}]},
        },
        {
            "name": "no project table",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "project_current"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        x = ctx.require_table("expenditure")
        pc = ctx.require_table("project_current")
        pk = d.table("project_carryover")
        xt = total_row(x)
        if xt is None or "project" not in xt.values and not any("project" in r.values for r in x.rows):
            raise InsufficientData("支出总表没有项目支出合计")
        parts = project_total(pc)
        tables, tables_en = f"(表{pc.number})", f"table {pc.number}"
        if pk is not None:
            parts += project_total(pk)
            tables, tables_en = f"(表{pc.number}、表{pk.number})", f"tables {pc.number} and {pk.number}"
        else:
            s = d.table("summary")
            carry = by_key(s).get("carryover_total") if s is not None else None
            col = side_col(s, "income", ("amount", "total")) if s is not None else None
            if s is None or (carry is not None and not is_zero(carry.values.get(col or ""))):
                raise InsufficientData("缺少项目支出表(上年结转),无法核对含结转的项目支出")
        tally = Tally(self)
        xa = xt.values.get("project")
        rel = [related(t, total_row(t), "total", v(total_row(t), "total")) for t in (pc, pk) if t is not None]
        f = tally.equal(
            parts, [xa], table=x, row=xt, column="project", tables=tables, tables_en=tables_en, related=rel
        )
        if f:
            yield f
        tally.done("项目支出合计")
