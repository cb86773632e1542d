"""YS-STRUCT-009 three-public-items-missing: the 三公 table lacks one of its five standard lines."""

from __future__ import annotations

import re
from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._struct_util import compact, content_tables, has_data, table_doubtful
from yusuan.model import Disclosure

# key → (Chinese name, English name, pattern on a row name or column header). The purchase and
# operation patterns exclude the combined line 公务用车购置及运行费, which names both.
_ITEMS: dict[str, tuple[str, str, re.Pattern[str]]] = {
    "abroad": ("因公出国(境)费", "travel abroad", re.compile(r"因公出国")),
    "reception": ("公务接待费", "official reception", re.compile(r"公务接待")),
    "vehicle": (
        "公务用车购置及运行费",
        "official vehicles, purchase and operation",
        re.compile(r"公务用车.*购置.*(?:及|和|与|、).*运行|公务用车费"),
    ),
    "vehicle_purchase": ("公务用车购置费", "vehicle purchase", re.compile(r"^(?!.*运行).*购置费?$")),
    "vehicle_operation": (
        "公务用车运行维护费",
        "vehicle operation and maintenance",
        re.compile(r"^(?!.*购置).*运行(?:维护|维修)?费?$"),
    ),
}


class ThreePublicItemsMissing(Rule):
    id = "YS-STRUCT-009"
    slug = "three-public-items-missing"
    severity = "error"
    family = "STRUCT"
    title = "“三公”经费表缺少规定项目"
    title_en = "'Three public' table lacks a standard line"
    message = "表{table_no}《{title}》缺少“{item}”一行(为0也应列出)"
    message_en = "table {table_no} ({title}) has no line for '{item_en}' (it must be printed even when zero)"
    rationale = (
        "“三公”经费表应分列因公出国(境)费、公务接待费、公务用车购置及运行费,并将公务用车购置费与运行维护费"
        "分开列示,金额为0也要列出(DR-14;财预〔2016〕143号、各地公开目录及历年公开检查通报)。行名或列名"
        "(部分地区横排)均可。一项也识别不出时多为版式未读懂,为数据不足;注明本表无数据且无任何行的不适用。"
    )
    cases = [
        {"name": "Shanxi 三公 table has all five lines", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "vehicle line not split into purchase and operation",
            "expect": "fail",
            "findings": 2,
            "doc": {
                "tables": [
                    {
                        "kind": "three_public",
                        "rows": [
                            {"key": "abroad", "name": "因公出国(境)费"},
                            {"key": "reception", "name": "公务接待费", "values": {"total": "1.00"}},
                            {"key": "vehicle", "name": "公务用车购置及运行费", "values": {"total": "2.00"}},
                            {"key": "total", "role": "total", "name": "合计", "values": {"total": "3.00"}},
                        ],
                    }
                ]
            },
        },
        {
            "name": "Shanxi with the 因公出国 line dropped",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "three_public",
                        "rows": [
                            {"name": "公务接待费"},
                            {"name": "公务用车购置及运行费", "values": {"total": "13.20"}},
                            {"name": "①公务用车购置费"},
                            {"name": "②公务用车运行维护费", "values": {"total": "13.20"}},
                        ],
                    }
                ]
            },
        },
        {"name": "no 三公 table", "expect": "insufficient_data", "doc": {"tables": [{"kind": "summary"}]}},
        {
            "name": "三公 table marked empty with no lines",
            "expect": "not_applicable",
            "doc": {"tables": [{"kind": "three_public", "empty_note": "本表无数据", "rows": []}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tables = content_tables(d, "three_public")
        if not tables:
            raise InsufficientData('没有"三公"经费表')
        t = max(tables, key=lambda t: len(t.rows))
        labels = [compact(r.name) for r in t.rows] + [compact(c.label) for c in t.columns]
        keys = {r.key for r in t.rows if r.key}
        found = {k for k, (_, _, rx) in _ITEMS.items() if k in keys or any(rx.search(x) for x in labels if x)}
        if not found:
            if t.empty_note and not has_data(t):
                raise NotApplicable('"三公"经费表注明无数据,未列项目')
            raise InsufficientData('"三公"经费表的行列名称未能识别(可能为横排或未读出)')
        missing = [k for k in _ITEMS if k not in found]
        if missing and table_doubtful(d, t):
            raise InsufficientData(f'"三公"经费表(表{t.number})未能完整读出,无法确认是否缺项')
        for k in missing:
            zh, en, _ = _ITEMS[k]
            yield self.finding(table=t, item=zh, item_en=en)
