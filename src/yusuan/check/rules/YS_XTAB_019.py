"""YS-XTAB-019 unit-projects-differ-from-expenditure-table: a unit's projects differ from its 项目支出
in a 支出总表 that lists units."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, NotApplicable, Rule
from yusuan.check.rules._arith import Tally, other, related
from yusuan.model import Disclosure, Row


def _doc(unit_a_project: str) -> dict:
    return {
        "tables": [
            {
                "kind": "expenditure",
                "rows": [
                    {
                        "name": "单位A",
                        "role": "unit",
                        "values": {"total": "30.00", "basic": "10.00", "project": unit_a_project},
                    },
                    {"name": "单位B", "role": "unit", "values": {"total": "10.00", "project": "10.00"}},
                ],
            },
            {
                "kind": "project_current",
                "rows": [
                    {"name": "单位A", "role": "unit", "values": {"total": "15.00"}},
                    {"name": "a1", "role": "project", "parent": "单位A", "values": {"total": "15.00"}},
                    {"name": "单位B", "role": "unit", "values": {"total": "10.00"}},
                    {"name": "b1", "role": "project", "parent": "单位B", "values": {"total": "10.00"}},
                ],
            },
            {
                "kind": "project_carryover",
                "rows": [
                    {"name": "单位A", "role": "unit", "values": {"total": "5.00"}},
                    {"name": "a9", "role": "project", "parent": "单位A", "values": {"total": "5.00"}},
                ],
            },
        ]
    }


class UnitProjectsDifferFromExpenditureTable(Rule):
    id = "YS-XTAB-019"
    slug = "unit-projects-differ-from-expenditure-table"
    severity = "error"
    family = "XTAB"
    title = "项目支出表单位小计与支出总表该单位项目支出不一致"
    title_en = "A unit's projects differ from its project expenditure in the expenditure table"
    message = (
        "表{table_no}《{title}》单位 {name} 的项目支出为 {expected},项目支出表{tables}该单位合计为 {actual},"
        "相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) unit {name}: project expenditure {expected}, the project tables ("
        "{tables_en}) give {actual} for the unit; difference {diff} {unit}"
    )
    rationale = (
        "支出总表按单位列示时,每个单位的项目支出等于项目支出表(本年)与项目支出表(上年结转)中该单位小计之和("
        "DOMAIN.md“Identities / Across tables”:项目支出表 total (本年 + 上年结转) = 支出总表 项目支出,由部门"
        "推及单位;DR-28)。支出总表只按功能科目、不按单位列示时(如山西样本),单位数无从推得,不适用。"
    )
    cases = [
        {"name": "sample: 支出总表 lists no units", "expect": "not_applicable", "doc": {"base": "shanxi"}},
        {"name": "units agree (A: 15 + 5 carried over)", "expect": "pass", "doc": _doc("20.00")},
        {"name": "unit A's carry-over left out", "expect": "fail", "findings": 1, "doc": _doc("15.00")},
        {"name": "a rounding cent", "expect": "pass", "rounding": 1, "doc": _doc("20.01")},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        x = ctx.require_table("expenditure")
        units = [r for r in x.rows if r.role == "unit"]
        if not units:
            raise NotApplicable("支出总表未按单位列示")
        pc = ctx.require_table("project_current")
        pk = d.table("project_carryover")
        ptables = [t for t in (pc, pk) if t is not None]
        by_unit: dict[str, list[tuple[object, Row]]] = {}
        for t in ptables:
            for r in t.rows:
                if r.role == "unit":
                    by_unit.setdefault(r.name, []).append((t, r))
        tables = "(" + "、".join(f"表{t.number}" for t in ptables) + ")"
        tables_en = ", ".join(f"table {t.number}" for t in ptables)
        tally = Tally(self)
        for u in units:
            found = by_unit.get(u.name, [])
            parts = [r.values.get("total") for _, r in found]
            f = tally.equal(
                parts,
                [u.values.get("project")],
                table=x,
                row=u,
                column="project",
                tables=tables,
                tables_en=tables_en,
                **other(pc),
                related=[related(t, r, "total", r.values.get("total")) for t, r in found],
            )  # type: ignore[arg-type]
            if f:
                yield f
        tally.done("单位项目支出")
