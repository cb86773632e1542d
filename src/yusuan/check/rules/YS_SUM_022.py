"""YS-SUM-022 admin-running-total-not-sum-of-units: the 机关运行经费 table's 部门合计 differs from the
sum of its units."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, NotApplicable, Rule
from yusuan.check.rules._arith import Tally, by_key, has_values, total_row
from yusuan.model import Disclosure

MESSAGE_CLASSES = (
    "表{table_no}《{title}》{line}「{column}」为 {actual},{what}之和为 {expected},相差 {diff}{unit}"
)
MESSAGE_CLASSES_EN = (
    "table {table_no} ({title}) {line_en} [{column}] is {actual}, {what_en} sum to {expected}; difference "
    "{diff} {unit}"
)


def _by_class(office: str) -> dict:
    """Jiangsu: 机关运行经费 by economic class, 合计 = 302 = 30201 + 30211."""
    rows = [
        {"name": "合计", "key": "total", "role": "total", "values": {"total": "805.00"}},
        {"code": "302", "name": "商品和服务支出", "level": 1, "values": {"total": "805.00"}},
        {"code": "30201", "name": "办公费", "level": 2, "parent": "302", "values": {"total": office}},
        {"code": "30211", "name": "差旅费", "level": 2, "parent": "302", "values": {"total": "235.00"}},
    ]
    return {"tables": [{"kind": "admin_running", "rows": rows}]}


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
        "the sum of its children;REQUIREMENTS.md DR-18、DR-28)。按经济分类列示的(江苏),合计等于各类之和、各"
        "类等于其下各款之和。机关运行经费只作为“三公”经费表中一个数列示的(上海)不适用。"
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
        {"name": "Jiangsu: by economic class", "expect": "pass", "doc": _by_class("570.00")},
        {"name": "Jiangsu: an item off", "expect": "fail", "findings": 1, "doc": _by_class("507.00")},
        {
            "name": "Shanghai: one figure in the 三公 table",
            "expect": "not_applicable",
            "doc": {
                "tables": [
                    {
                        "kind": "three_public",
                        "rows": [
                            {"key": "admin_running", "name": "机关运行经费", "values": {"total": "464.64"}}
                        ],
                    }
                ]
            },
        },
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
        t = ctx.table("admin_running")
        if t is None:
            tp = ctx.table("three_public")
            if tp is not None and "admin_running" in by_key(tp):
                raise NotApplicable("机关运行经费只作为“三公”经费表中的一个数列示,没有分单位或分科目的明细")
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
        elif not units:
            # by economic class (Jiangsu): 合计 = the 类 rows, each 类 = its 款
            classes = [r for r in t.rows if r.code and len(r.code) == 3]
            groups = [(tot, classes, "合计", "total", "各类")] if tot is not None and classes else []
            for c in classes:
                kids = [r for r in t.rows if r.code and len(r.code) == 5 and r.code.startswith(c.code or "")]
                if kids:
                    groups.append((c, kids, f"{c.code} {c.name}", f"{c.code} {c.name}", "其下各款"))
            for parent, parts, line, line_en, what in groups:
                for col in dict.fromkeys([*parent.values, *(k for r in parts for k in r.values)]):
                    f = tally.equal(
                        [parent.values.get(col)],
                        [r.values.get(col) for r in parts],
                        table=t,
                        row=parent,
                        column=col,
                        message=MESSAGE_CLASSES,
                        message_en=MESSAGE_CLASSES_EN,
                        line=line,
                        line_en=line_en,
                        what=what,
                        what_en="the classes" if what == "各类" else "its items",
                    )
                    if f:
                        yield f
        tally.done("机关运行经费部门合计与单位")
