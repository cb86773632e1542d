"""YS-CLASS-004 function-name-differs-from-registry: a code's name differs from the current list's name."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.catalog.classification import default_registry
from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._class_util import coded_rows, compact_name, covers, current_entries, entry_span
from yusuan.model import Disclosure


class FunctionNameDiffersFromRegistry(Rule):
    id = "YS-CLASS-004"
    slug = "function-name-differs-from-registry"
    severity = "warning"
    family = "CLASS"
    title = "功能分类科目名称与当年科目名录不符"
    title_en = "Function code named differently from the current classification list"
    message = "表{table_no}《{title}》{code} 名为“{name}”,{edition}科目名录中为“{registry_name}”"
    message_en = (
        "table {table_no} ({title}) {code} is named '{name}'; the {edition_en} list names it '{registry_name}"
        "'"
    )
    rationale = (
        "科目名称应与当年《政府收支分类科目》一致(DR-28;2018–2019年起部分类名已改,如医疗卫生与计划生育支出→"
        "卫生健康支出)。随附名录不完整(catalog/data/SOURCES.md),只在名录覆盖文件年度、且该编码在名录中有"
        "现行名称时比较;旧版名录(约2008–2010年内容)从不用于核对现行文件。用户可提供完整的官方名录。"
        "没有覆盖该年度的名录时不适用;名录未收录文件所用的任何编码时为数据不足。"
    )
    cases = [
        {
            "name": "Shanxi 2024: names of the covered codes agree",
            "expect": "pass",
            "doc": {"base": "shanxi"},
        },
        {
            "name": "old class name in a 2024 document",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "meta": {"year": 2024},
                "tables": [
                    {
                        "kind": "expenditure",
                        "rows": [
                            {"code": "210", "name": "医疗卫生与计划生育支出", "values": {"total": "1.00"}},
                            {"code": "21011", "name": "行政事业单位医疗", "values": {"total": "1.00"}},
                        ],
                    }
                ],
            },
        },
        {
            "name": "no list covers 2019",
            "expect": "not_applicable",
            "doc": {
                "meta": {"year": 2019},
                "tables": [
                    {"kind": "expenditure", "rows": [{"code": "210", "name": "医疗卫生与计划生育支出"}]}
                ],
            },
        },
        {
            "name": "codes the list does not have",
            "expect": "insufficient_data",
            "doc": {
                "tables": [
                    {
                        "kind": "expenditure",
                        "rows": [{"code": "20826", "name": "财政对基本养老保险基金的补助"}],
                    }
                ]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        year = d.meta.year
        if year is None:
            raise InsufficientData("文件年度未知,无法选择科目名录")
        reg = default_registry()
        if not any(covers(e, year) for es in reg.entries.get("function", {}).values() for e in es):
            raise NotApplicable(f"没有覆盖{year}年的功能分类科目名录(可提供官方名录文件)")
        rows = list(coded_rows(d))
        if not rows:
            raise InsufficientData("没有带功能分类编码的表")
        compared = 0
        reported: set[tuple[str, str]] = set()
        for t, r, code in rows:
            entries = current_entries("function", code, year, reg)
            if not entries or not r.name.strip():
                continue
            compared += 1
            name = compact_name(r.name)
            if name in {compact_name(e.name) for e in entries} or (code, name) in reported:
                continue
            reported.add((code, name))
            e = entries[0]
            lo, hi = entry_span(e) or (year, year)
            span = str(lo) if lo == hi else f"{lo}–{hi}"
            yield self.finding(
                table=t,
                row=r,
                code=code,
                name=name,
                registry_name=e.name,
                edition=f"{span}年",
                edition_en=span,
                related=[{"registry_source": e.source, "edition": e.edition}],
            )
        if not compared:
            raise InsufficientData("名录未收录本文件使用的任何科目编码")
