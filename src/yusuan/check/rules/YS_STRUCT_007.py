"""YS-STRUCT-007 expenditure-not-to-item-level: function-classified expenditure stops at 类 or 款."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._struct_util import content_tables, has_data
from yusuan.model import Disclosure, Row

_KINDS = ("general_budget_expenditure", "expenditure")
_LEVEL = {3: ("类", "class"), 5: ("款", "subclass")}


def _code(r: Row) -> str:
    return "".join((r.code or "").split())


def _has_amount(r: Row) -> bool:
    return any(a.value is None or a.value != 0 for a in r.values.values())


class ExpenditureNotToItemLevel(Rule):
    id = "YS-STRUCT-007"
    slug = "expenditure-not-to-item-level"
    severity = "error"
    family = "STRUCT"
    title = "一般公共预算支出未细化到功能分类项级"
    title_en = "Expenditure not shown down to the functional item (项) level"
    message = "表{table_no}《{title}》{code} {name} 只列到{level_zh}级,没有列出下属的项级科目(7位编码)"
    message_en = (
        "table {table_no} ({title}) {code} {name} stops at the {level_en} level; its items (7-digit codes)"
        " are not shown"
    )
    rationale = (
        "一般公共预算支出应按功能分类编列到项(DR-11;《预算法》第四十六条、《预算法实施条例》第六条)。"
        "一般公共预算支出表和支出总表中有金额的末级科目都应是7位的项级编码;停在3位类或5位款的即未细化。"
        "表中没有科目编码(如编码未能读出)时无法判断,为数据不足;注明无数据的空表不适用。"
    )
    cases = [
        {"name": "Shanxi: every leaf row has a 7-digit code", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "a 款 with an amount and no 项 under it",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "general_budget_expenditure",
                        "rows": [
                            {"code": "208", "level": 1, "values": {"total": "30.00"}},
                            {"code": "20801", "level": 2, "parent": "208", "values": {"total": "10.00"}},
                            {"code": "2080101", "level": 3, "parent": "20801", "values": {"total": "10.00"}},
                            {"code": "20805", "level": 2, "parent": "208", "values": {"total": "20.00"}},
                        ],
                    }
                ]
            },
        },
        {
            "name": "rows without codes",
            "expect": "insufficient_data",
            "doc": {
                "tables": [
                    {
                        "kind": "general_budget_expenditure",
                        "rows": [{"name": "社会保障和就业支出", "values": {"total": "30.00"}}],
                    }
                ]
            },
        },
        {
            "name": "general budget table marked empty",
            "expect": "not_applicable",
            "doc": {
                "tables": [{"kind": "general_budget_expenditure", "empty_note": "本表无数据", "rows": []}]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tables = [t for k in _KINDS for t in content_tables(d, k)]
        if not tables:
            raise InsufficientData("没有一般公共预算支出表或支出总表")
        checked = 0
        for t in tables:
            if not has_data(t):
                continue
            coded = [r for r in t.rows if _code(r)]
            if not coded:
                continue
            checked += 1
            codes = [_code(r) for r in coded]
            for r, c in zip(coded, codes, strict=True):
                if len(c) >= 7 or not _has_amount(r):
                    continue
                if any(o != c and o.startswith(c) for o in codes):
                    continue
                zh, en = _LEVEL.get(len(c), ("?", "?"))
                yield self.finding(table=t, row=r, level_zh=zh, level_en=en)
        if not checked:
            if not any(has_data(t) for t in tables):
                raise NotApplicable("相关支出表均无数据")
            raise InsufficientData("支出表中没有读出科目编码,无法判断细化程度")
