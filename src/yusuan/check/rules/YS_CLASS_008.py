"""YS-CLASS-008 summary-class-name-mismatch: a 类 named differently on the summary and the coded tables."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._class_util import coded_rows, compact_name
from yusuan.check.rules._struct_util import content_tables
from yusuan.model import Disclosure, Row, Table

_SUMMARY_KINDS = ("summary", "fiscal_summary")


class SummaryClassNameMismatch(Rule):
    id = "YS-CLASS-008"
    slug = "summary-class-name-mismatch"
    severity = "warning"
    family = "CLASS"
    title = "收支总表的支出类名与分类表不一致"
    title_en = "Class name on the summary differs from the coded tables"
    message = (
        "表{table_no}《{title}》支出方“{name}”与表{coded_table}中 {class_code} 的类名“{coded_name}”不一致"
    )
    message_en = (
        "table {table_no} ({title}) expenditure line '{name}' differs from the name of class {class_code} "
        "in table {coded_table}, '{coded_name}'"
    )
    rationale = (
        "收支总表和财政拨款收支总表的支出方按功能分类的类列示(只印名称,不印编码),应与收入总表、支出总表等"
        "分类表中同一类的名称一致(DOMAIN.md;DR-28“内容准确”)。常见的是新旧类名混用(医疗卫生与计划生育支出/"
        "卫生健康支出)。比较前去掉序号(八、)、空白和上一行折行带入的残字。只比较分类表中出现的类。"
    )
    cases = [
        {
            "name": "Shanxi: summary class names agree with the coded tables",
            "expect": "pass",
            "doc": {"base": "shanxi"},
        },
        {
            "name": "summary uses the pre-2018 name of 210",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "summary",
                        "rows": [
                            {
                                "key": "exp:208",
                                "name": "八、社会保障和就业支出",
                                "side": "expenditure",
                                "values": {"total": "5.00"},
                            },
                            {
                                "key": "exp:210",
                                "name": "十、医疗卫生与计划生育支出",
                                "side": "expenditure",
                                "values": {"total": "1.00"},
                            },
                        ],
                    },
                    {
                        "kind": "expenditure",
                        "rows": [
                            {"code": "208", "name": "社会保障和就业支出", "values": {"total": "5.00"}},
                            {"code": "210", "name": "卫生健康支出", "values": {"total": "1.00"}},
                        ],
                    },
                ]
            },
        },
        {
            "name": "no summary table",
            "expect": "insufficient_data",
            "doc": {
                "tables": [{"kind": "expenditure", "rows": [{"code": "208", "name": "社会保障和就业支出"}]}]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        summaries = [t for k in _SUMMARY_KINDS for t in content_tables(d, k)]
        if not any(t.rows for t in summaries):
            raise InsufficientData("没有收支总表或财政拨款收支总表")
        coded: dict[str, tuple[Table, Row]] = {}
        for t, r, code in coded_rows(d):
            if len(code) == 3 and code not in coded and r.name.strip():
                coded[code] = (t, r)
        if not coded:
            raise InsufficientData("没有带类级编码的分类表")
        compared = 0
        for t in summaries:
            for r in t.rows:
                if not (r.key or "").startswith("exp:"):
                    continue
                code = (r.key or "")[4:]
                if code not in coded:
                    continue
                compared += 1
                ct, cr = coded[code]
                name, coded_name = compact_name(r.name), compact_name(cr.name)
                if name != coded_name:
                    yield self.finding(
                        table=t,
                        row=r,
                        name=name,
                        coded_table=ct.number,
                        class_code=code,
                        coded_name=coded_name,
                    )
        if not compared:
            raise InsufficientData("收支总表中没有与分类表对应的类")
