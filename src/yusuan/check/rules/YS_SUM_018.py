"""YS-SUM-018 economic-class-not-sum-of-items: an economic 类 differs from the sum of its 款."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._arith import Tally, economic_tables
from yusuan.check.rules._casedocs import economic
from yusuan.model import Disclosure, Row


class EconomicClassNotSumOfItems(Rule):
    id = "YS-SUM-018"
    slug = "economic-class-not-sum-of-items"
    severity = "error"
    family = "SUM"
    title = "经济分类类级金额不等于其下各款之和"
    title_en = "Economic class is not the sum of its items"
    message = (
        "表{table_no}《{title}》{code} {name}「{column}」为 {actual},其下各款之和为 {expected},相差 {diff}"
        "{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {code} {name} [{column}] is {actual}, its items (款) sum to {expected}; "
        "difference {diff} {unit}"
    )
    rationale = (
        "经济分类表中每一类(如工资福利支出)等于其下各款(基本工资、津贴补贴……)之和,逐列核对(DOMAIN.md“Identit"
        "ies”:economic table each 类 = Σ its 款;DR-28)。同一部门经济分类款按政府经济分类拆成两行列示时,两行"
        "都计入。差额在各数字舍入误差之和以内的(款多时可达数分),作为舍入提示。江苏另有财政拨款基本支出经济分"
        "类表,同样核对。"
    )
    cases = [
        {
            "name": "sample: 工资福利支出 962.12 vs 962.13 is rounding",
            "expect": "pass",
            "rounding": 2,
            "doc": {"base": "shanxi"},
        },
        {
            "name": "sample 办公费 printed as 21.40",
            "expect": "fail",
            "findings": 2,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "general_budget_basic_economic",
                        "row": "办公费",
                        "column": "total",
                        "value": "21.40",
                    },
                    {
                        "table": "general_budget_basic_economic",
                        "row": "办公费",
                        "column": "public",
                        "value": "21.40",
                    },
                ],
            },
        },
        {"name": "synthetic", "expect": "pass", "doc": economic()},
        {
            "name": "an item missing",
            "expect": "fail",
            "findings": 2,
            "doc": economic(津贴补贴={"drop": "row"}),
        },
        {
            "name": "coded rows",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "general_budget_basic_economic",
                        "rows": [
                            {"code": "301", "level": 1, "name": "工资福利支出", "values": {"total": "12.00"}},
                            {
                                "code": "30101",
                                "level": 2,
                                "parent": "301",
                                "name": "基本工资",
                                "values": {"total": "10.00"},
                            },
                            {
                                "code": "30102",
                                "level": 2,
                                "parent": "301",
                                "name": "津贴补贴",
                                "values": {"total": "1.00"},
                            },
                        ],
                    }
                ]
            },
        },
        {"name": "no economic table", "expect": "insufficient_data", "doc": {"tables": []}},
        {
            "name": "classes without items",
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
        for t in economic_tables(ctx):
            kids: dict[str, list[Row]] = defaultdict(list)
            for r in t.rows:
                if r.parent and r.role != "total":
                    kids[r.parent].append(r)
            for cls in t.rows:
                if cls.role == "total" or cls.level not in (1, None) or (cls.level is None and not cls.code):
                    continue
                items = kids.get(cls.code or "") or kids.get(cls.name) or []
                if not items:
                    continue
                for col in dict.fromkeys([*cls.values, *(k for r in items for k in r.values)]):
                    f = tally.equal(
                        [cls.values.get(col)],
                        [r.values.get(col) for r in items],
                        table=t,
                        row=cls,
                        column=col,
                    )
                    if f:
                        yield f
        tally.done("经济分类各类及其款")
