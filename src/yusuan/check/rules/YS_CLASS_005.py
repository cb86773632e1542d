"""YS-CLASS-005 function-code-legacy-only: a code found only in the pre-reform list — check it by hand."""

from __future__ import annotations

import re
from collections.abc import Iterable

from yusuan.catalog.classification import default_registry
from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._class_util import coded_rows, compact_name, known_current, legacy_entries
from yusuan.model import Disclosure

_VENDOR_SUFFIX = re.compile(r"\([^()]*\)$")


class FunctionCodeLegacyOnly(Rule):
    id = "YS-CLASS-005"
    slug = "function-code-legacy-only"
    severity = "notice"
    family = "CLASS"
    title = "科目编码仅见于旧版科目名录"
    title_en = "Code found only in the old classification list"
    message = (
        "表{table_no}《{title}》{code} {name}:现行名录未收录,仅见于旧版名录({legacy_name}),请核对该科目是否"
        "仍然有效"
    )
    message_en = (
        "table {table_no} ({title}) {code} {name}: not in any current list, only in the old list "
        "({legacy_name_en}); check that the code is still in use"
    )
    rationale = (
        "随附的现行名录不完整,旧版名录(约2008–2010年内容)收录较全但名称已过时(catalog/data/SOURCES.md)。一个"
        "编码只在旧版名录中出现、且旧版名称与文件名称不同时,程序既不能确认它现行有效,也不能判为错误,故作提示"
        ":这往往说明该科目已改名或调整(如21305 扶贫→巩固脱贫攻坚成果衔接乡村振兴)。两份名录都没有的编码不提"
        "示(名录缺失,不说明问题)。提供完整官方名录后此提示随之消失。"
    )
    cases = [
        {
            "name": "codes in the current list",
            "expect": "pass",
            "doc": {
                "tables": [
                    {
                        "kind": "expenditure",
                        "rows": [
                            {"code": "208", "name": "社会保障和就业支出"},
                            {"code": "20805", "name": "行政事业单位养老支出"},
                            {"code": "2080501", "name": "行政单位离退休"},
                        ],
                    }
                ]
            },
        },
        {
            "name": "21305 known only from the old list (as 扶贫)",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "expenditure",
                        "rows": [
                            {"code": "21305", "name": "巩固脱贫攻坚成果衔接乡村振兴"},
                            {"code": "20826", "name": "财政对基本养老保险基金的补助"},
                        ],
                    }
                ]
            },
        },
        {"name": "no coded table", "expect": "insufficient_data", "doc": {"tables": [{"kind": "summary"}]}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        rows = list(coded_rows(d))
        if not rows:
            raise InsufficientData("没有带功能分类编码的表")
        reg = default_registry()
        seen: set[str] = set()
        for t, r, code in rows:
            if code in seen:
                continue
            seen.add(code)
            if known_current("function", code, reg):
                continue
            old = legacy_entries("function", code, reg)
            if not old:
                continue
            # the vendor list suffixes some names with their 类 ("行政运行（社会保障和就业）")
            same = _VENDOR_SUFFIX.sub("", compact_name(old[0].name)) == compact_name(r.name)
            if same:
                continue  # the old list knows the code under this very name: nothing to look at
            yield self.finding(
                table=t,
                row=r,
                code=code,
                legacy_name=f"名为“{old[0].name}”" + ("" if same else ",与本文件不同"),
                legacy_name_en=f"named '{old[0].name}'" + ("" if same else ", unlike this document"),
                related=[{"legacy_name": old[0].name, "legacy_source": old[0].source}],
            )
