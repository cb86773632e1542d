"""YS-STRUCT-006 basic-project-columns-missing: an expenditure table lacks the 基本支出 or 项目支出 column."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.catalog.tables import COLUMN_KEYS
from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._struct_util import content_tables, has_data
from yusuan.model import Disclosure

_KINDS = ("expenditure", "general_budget_expenditure")
_REQUIRED = ("basic", "project")


class BasicProjectColumnsMissing(Rule):
    id = "YS-STRUCT-006"
    slug = "basic-project-columns-missing"
    severity = "error"
    family = "STRUCT"
    title = "支出表未分列基本支出和项目支出"
    title_en = "Expenditure table lacks the basic / project columns"
    message = "表{table_no}《{title}》没有“{col_zh}”列"
    message_en = "table {table_no} ({title}) has no '{col_en}' column(s)"
    rationale = (
        "基本支出和项目支出应分别列示(DR-13,《预算法实施条例》第六条):支出总表和一般公共预算支出表须有"
        "基本支出、项目支出两列;两张表都没有为错误,一张已分列而另一张只列合计的(如江苏模板的功能科目表)"
        "为提示。叙述中是否分别说明两项金额由叙述核对规则检查。表头未能读出的表跳过;注明无数据的空表不适用。"
    )
    cases = [
        {
            "name": "Shanxi 支出总表 and 一般公共预算支出表 have both columns",
            "expect": "pass",
            "doc": {"base": "shanxi"},
        },
        {
            "name": "支出总表 without 项目支出",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "expenditure",
                        "columns": ["total", "basic"],
                        "rows": [{"code": "208", "values": {"total": "5.00", "basic": "5.00"}}],
                    }
                ]
            },
        },
        {
            "name": "一般公共预算支出表 with 金额 only while 支出总表 is split: a notice",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "expenditure",
                        "columns": ["total", "basic", "project"],
                        "rows": [
                            {"code": "208", "values": {"total": "5.00", "basic": "3.00", "project": "2.00"}}
                        ],
                    },
                    {
                        "kind": "general_budget_expenditure",
                        "columns": ["amount"],
                        "rows": [{"code": "208", "values": {"amount": "5.00"}}],
                    },
                ]
            },
        },
        {
            "name": "no expenditure table",
            "expect": "insufficient_data",
            "doc": {"tables": [{"kind": "summary"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tables = [t for k in _KINDS for t in content_tables(d, k)]
        if not tables:
            raise InsufficientData("没有支出总表或一般公共预算支出表")
        # tables whose header was read and that carry data (an empty table has nothing to split)
        checked = [t for t in tables if t.columns and not (t.empty_note and not has_data(t))]
        if not checked:
            if not any(t.columns for t in tables):
                raise InsufficientData("支出表的表头未能读出")
            raise NotApplicable("支出表均注明无数据")
        complete = [t for t in checked if set(_REQUIRED) <= {c.key for c in t.columns}]
        for t in checked:
            keys = {c.key for c in t.columns}
            missing = [k for k in _REQUIRED if k not in keys]
            if not missing:
                continue
            cols = {
                "col_zh": "”“".join(COLUMN_KEYS[k][0] for k in missing),
                "col_en": "', '".join(COLUMN_KEYS[k][1] for k in missing),
            }
            if complete:
                # the split is shown elsewhere (Jiangsu prints it on 支出总表 only): a notice
                yield self.finding(
                    table=t,
                    severity="notice",
                    other=complete[0].number,
                    **cols,
                    message=self.message + "(表{other}已分列基本支出和项目支出)",
                    message_en=self.message_en + " (table {other} does show the split)",
                )
            else:
                yield self.finding(table=t, **cols)
