"""YS-SUM-017 economic-total-not-sum-of-classes: the economic table's 合计 differs from the sum of its 类."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._arith import Tally, economic_tables, total_row
from yusuan.check.rules._casedocs import economic
from yusuan.model import Disclosure, Row


def _blocks(public_total: str) -> dict:
    """The final-accounts layout: classes 301, 303 then 人员经费合计; 302, 310 then 公用经费合计."""
    rows = [
        {"code": "301", "level": 1, "values": {"total": "95.36"}},
        {"code": "30101", "level": 2, "parent": "301", "values": {"total": "95.36"}},
        {"code": "303", "level": 1, "values": {"total": "0.00"}},
        {"key": "personnel_total", "role": "subtotal", "name": "人员经费合计", "values": {"total": "95.36"}},
        {"code": "302", "level": 1, "values": {"total": "10.23"}},
        {"code": "310", "level": 1, "values": {"total": "0.00"}},
        {
            "key": "public_total",
            "role": "subtotal",
            "name": "公用经费合计",
            "values": {"total": public_total},
        },
    ]
    return {"tables": [{"kind": "general_budget_basic_economic", "rows": rows}]}


class EconomicTotalNotSumOfClasses(Rule):
    id = "YS-SUM-017"
    slug = "economic-total-not-sum-of-classes"
    severity = "error"
    family = "SUM"
    title = "基本支出经济分类表合计不等于各类之和"
    title_en = "Economic classification total is not the sum of its classes"
    message = "表{table_no}《{title}》{line}「{column}」为 {actual},{what}之和为 {expected},相差 {diff}{unit}"
    message_en = (
        "table {table_no} ({title}) {line_en} [{column}] is {actual}, {what_en} sum to {expected}; differenc"
        "e {diff} {unit}"
    )
    rationale = (
        "经济分类表的合计等于各类(工资福利支出、商品和服务支出、对个人和家庭的补助……)之和,逐列核对(DOMAIN.md"
        "“Identities”:economic table 合计 = the sum of the 类 rows;DR-28)。表格不印总合计、而把人员经费和公"
        "用经费分块列示、各以“人员经费合计”“公用经费合计”行收尾时(决算),每个小计等于本块所列各类之和。江苏另"
        "有财政拨款基本支出经济分类表,同样核对。"
    )
    cases = [
        {"name": "sample (1030.05 = 962.12 + 42.85 + 25.08)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "sample 商品和服务支出 printed as 24.85",
            "expect": "fail",
            "findings": 2,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "general_budget_basic_economic",
                        "row": "商品和服务支出",
                        "column": "total",
                        "value": "24.85",
                    },
                    {
                        "table": "general_budget_basic_economic",
                        "row": "商品和服务支出",
                        "column": "public",
                        "value": "24.85",
                    },
                ],
            },
        },
        {"name": "synthetic", "expect": "pass", "doc": economic()},
        {
            "name": "a class missing",
            "expect": "fail",
            "findings": 2,
            "doc": economic(对个人和家庭的补助={"drop": "row"}),
        },
        {"name": "rounding", "expect": "pass", "rounding": 1, "doc": economic(合计={"public": "10.01"})},
        {"name": "final: 人员经费合计 and 公用经费合计 blocks", "expect": "pass", "doc": _blocks("10.23")},
        {
            "name": "final: 公用经费合计 not the sum of its block",
            "expect": "fail",
            "findings": 1,
            "doc": _blocks("10.32"),
        },
        {"name": "no economic table", "expect": "insufficient_data", "doc": {"tables": []}},
        {"name": "no total row", "expect": "insufficient_data", "doc": economic(合计={"drop": "row"})},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tally = Tally(self)
        for t in economic_tables(ctx):
            tot = total_row(t)
            classes = [r for r in t.rows if r is not tot and _is_class(r)]
            if tot is not None and classes:
                for col in dict.fromkeys([*tot.values, *(k for r in classes for k in r.values)]):
                    f = tally.equal(
                        [tot.values.get(col)],
                        [r.values.get(col) for r in classes],
                        table=t,
                        row=tot,
                        column=col,
                        line="合计",
                        line_en="total",
                        what="工资福利支出、商品和服务支出等各类",
                        what_en="the economic classes (wages, goods and services, …)",
                    )
                    if f:
                        yield f
            # 人员经费合计 / 公用经费合计 lines closing their blocks (final accounts): each is the sum of
            # the classes printed above it in its block
            block: list[Row] = []
            for r in t.rows:
                if r.key in _SUBTOTALS:
                    name, name_en = _SUBTOTALS[r.key]
                    for col in dict.fromkeys([*r.values, *(k for c in block for k in c.values)]):
                        f = tally.equal(
                            [r.values.get(col)],
                            [c.values.get(col) for c in block],
                            table=t,
                            row=r,
                            column=col,
                            line=name,
                            line_en=name_en,
                            what="本块所列各类",
                            what_en="the classes of its block",
                        )
                        if f:
                            yield f
                    block = []
                elif r is not tot and _is_class(r):
                    block.append(r)
        tally.done("经济分类表合计行与各类")


_SUBTOTALS = {
    "personnel_total": ("人员经费合计", "personnel costs total"),
    "public_total": ("公用经费合计", "public costs total"),
}


def _is_class(r: Row) -> bool:
    return r.role not in ("total", "subtotal") and (r.level == 1 or bool(r.code and len(r.code) == 3))
