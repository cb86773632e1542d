"""YS-STRUCT-008 economic-not-to-subclass-level: basic expenditure by economic class stops at 类."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._class_util import compact_name, entries_by_name, norm_code
from yusuan.check.rules._struct_util import content_tables, has_data
from yusuan.model import Disclosure, Row

_SCHEMES = ("economic", "economic_government", "economic_legacy")


def _is_class(r: Row, class_names: set[str]) -> bool | None:
    """True for a 类 row, False for a 款 row, None when it cannot be told."""
    code = norm_code(r.code)
    if code:
        return len(code) == 3 if len(code) in (3, 5) else None
    if r.level in (1, 2):
        return r.level == 1
    return compact_name(r.name) in class_names


def _has_amount(r: Row) -> bool:
    return any(a.value is None or a.value != 0 for a in r.values.values())


class EconomicNotToSubclassLevel(Rule):
    id = "YS-STRUCT-008"
    slug = "economic-not-to-subclass-level"
    severity = "error"
    family = "STRUCT"
    title = "基本支出未按经济分类细化到款"
    title_en = "Basic expenditure not shown down to the economic subclass (款) level"
    message = "表{table_no}《{title}》经济分类“{name}”有金额,但其下没有列出款级科目"
    message_en = (
        "table {table_no} ({title}) economic class '{name}' has an amount but no subclass (款) rows under it"
    )
    rationale = (
        "基本支出应按经济分类编列到款(DR-12,《预算法实施条例》第六条):基本支出经济分类表中每个有金额的类"
        "(工资福利支出、商品和服务支出、对个人和家庭的补助……)下都应列出款级科目(5位编码如30101/50101,"
        "或款级名称)。类、款以编码长度、表中层级或分类名录中的类名判断;表中看不出层级时为数据不足。"
    )
    cases = [
        {"name": "Shanxi: every economic class has 款 rows", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "301 printed without its 款",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "general_budget_basic_economic",
                        "rows": [
                            {"key": "total", "role": "total", "name": "合计", "values": {"total": "15.00"}},
                            {"code": "301", "name": "工资福利支出", "values": {"total": "10.00"}},
                            {"code": "302", "name": "商品和服务支出", "values": {"total": "5.00"}},
                            {"code": "30201", "name": "办公费", "values": {"total": "5.00"}},
                        ],
                    }
                ]
            },
        },
        {
            "name": "names only, classes recognised from the registry",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "general_budget_basic_economic",
                        "rows": [
                            {"name": "工资福利支出", "values": {"total": "10.00"}},
                            {"name": "商品和服务支出", "values": {"total": "5.00"}},
                            {"name": "办公费", "values": {"total": "5.00"}},
                        ],
                    }
                ]
            },
        },
        {
            "name": "no economic table",
            "expect": "insufficient_data",
            "doc": {"tables": [{"kind": "summary"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tables = content_tables(d, "general_budget_basic_economic")
        if not tables:
            raise InsufficientData("没有一般公共预算基本支出经济分类表")
        class_names = {n for n, es in entries_by_name(_SCHEMES).items() if any(e.level == 1 for e in es)}
        checked = 0
        for t in tables:
            items = [r for r in t.rows if r.role == "item"]
            if not has_data(t) or not items:
                continue
            kinds = [_is_class(r, class_names) for r in items]
            if None in kinds:
                continue  # a code of another length: the table's layout is not understood
            checked += 1
            for i, (r, is_class) in enumerate(zip(items, kinds, strict=True)):
                if not is_class or not _has_amount(r):
                    continue
                nxt = kinds[i + 1] if i + 1 < len(kinds) else True
                if nxt:  # the next row is another class (or the end): no 款 under this one
                    yield self.finding(table=t, row=r)
        if not checked:
            if not any(has_data(t) for t in tables):
                raise NotApplicable("基本支出经济分类表无数据")
            raise InsufficientData("未能看出经济分类表的类/款层级")
