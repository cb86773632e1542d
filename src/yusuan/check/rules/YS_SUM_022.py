"""YS-SUM-022 admin-running-total-not-sum-of-units: the 机关运行经费 table's 部门合计 differs from the
sum of its units."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, NotApplicable, Rule
from yusuan.check.rules._arith import Tally, has_values, total_row
from yusuan.model import Disclosure


def _doc(total: str, *units: str) -> dict:
    rows = [{"name": "部门合计", "key": "total", "role": "total", "values": {"total": total}}]
    rows += [{"name": f"单位{i}", "role": "unit", "values": {"total": u}} for i, u in enumerate(units)]
    return {"tables": [{"kind": "admin_running", "rows": rows}]}


class AdminRunningTotalNotSumOfUnits(Rule):
    id = "YS-SUM-022"
    slug = "admin-running-total-not-sum-of-units"
    severity = "error"
    family = "SUM"
    title = "机关运行经费部门合计不等于各单位之和"
    title_en = "Administrative running costs: department total is not the sum of its units"
    message = (
        "表{table_no}《{title}》部门合计「{column}」为 {actual},各单位之和为 {expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) department total [{column}] is {actual}, the units sum to {expected}; "
        "difference {diff} {unit}"
    )
    rationale = (
        "机关运行经费表按单位列示,部门合计等于各单位之和,逐列核对(DOMAIN.md“Identities”:a parent row equals "
        "the sum of its children;REQUIREMENTS.md DR-18、DR-28)。"
    )
    cases = [
        {"name": "sample (52.68 = 52.68)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "sample 部门合计 printed as 56.26",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [{"table": "admin_running", "row": "total", "column": "total", "value": "56.26"}],
            },
        },
        {"name": "two units", "expect": "pass", "doc": _doc("30.00", "10.00", "20.00")},
        {
            "name": "a unit left out of the total",
            "expect": "fail",
            "findings": 1,
            "doc": _doc("20.00", "10.00", "20.00"),
        },
        {"name": "rounding", "expect": "pass", "rounding": 1, "doc": _doc("30.01", "10.00", "20.00")},
        {"name": "no admin running table", "expect": "insufficient_data", "doc": {"tables": []}},
        {
            "name": "empty table",
            "expect": "not_applicable",
            "doc": {
                "tables": [
                    {"kind": "admin_running", "rows": [{"name": "部门合计", "key": "total", "role": "total"}]}
                ]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        t = ctx.require_table("admin_running")
        if not has_values(t):
            raise NotApplicable("机关运行经费表为空表")
        tot = total_row(t)
        units = [r for r in t.rows if r.role == "unit"]
        tally = Tally(self)
        if tot is not None and units:
            for col in dict.fromkeys([*tot.values, *(k for r in units for k in r.values)]):
                f = tally.equal(
                    [tot.values.get(col)], [r.values.get(col) for r in units], table=t, row=tot, column=col
                )
                if f:
                    yield f
        tally.done("机关运行经费部门合计与单位")
