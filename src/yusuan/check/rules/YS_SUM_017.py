"""YS-SUM-017 economic-total-not-sum-of-classes: the economic table's 合计 differs from the sum of its 类."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._arith import Tally, total_row
from yusuan.check.rules._casedocs import economic
from yusuan.model import Disclosure


class EconomicTotalNotSumOfClasses(Rule):
    id = "YS-SUM-017"
    slug = "economic-total-not-sum-of-classes"
    severity = "error"
    family = "SUM"
    title = "基本支出经济分类表合计不等于各类之和"
    title_en = "Economic classification total is not the sum of its classes"
    message = (
        "表{table_no}《{title}》合计「{column}」为 {actual},工资福利支出、商品和服务支出等各类之和为 "
        "{expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) total [{column}] is {actual}, the economic classes (wages, goods and "
        "services, …) sum to {expected}; difference {diff} {unit}"
    )
    rationale = (
        "经济分类表的合计等于各类(工资福利支出、商品和服务支出、对个人和家庭的补助……)之和,逐列核对(DOMAIN.md“"
        "Identities”:economic table 合计 = the sum of the 类 rows;DR-28)。"
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
        {"name": "no economic table", "expect": "insufficient_data", "doc": {"tables": []}},
        {"name": "no total row", "expect": "insufficient_data", "doc": economic(合计={"drop": "row"})},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        t = ctx.require_table("general_budget_basic_economic")
        tot = total_row(t)
        classes = [r for r in t.rows if r is not tot and (r.level == 1 or (r.code and len(r.code) == 3))]
        tally = Tally(self)
        if tot is not None and classes:
            for col in dict.fromkeys([*tot.values, *(k for r in classes for k in r.values)]):
                f = tally.equal(
                    [tot.values.get(col)], [r.values.get(col) for r in classes], table=t, row=tot, column=col
                )
                if f:
                    yield f
        tally.done("经济分类表合计行与各类")
