"""YS-SUM-002 total-not-basic-plus-project: a row's 合计 differs from 基本支出 + 项目支出."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import EXPENDITURE_PARTS, Tally, columns_of
from yusuan.model import Disclosure

KINDS = (
    "expenditure",
    "general_budget_expenditure",
    "gov_fund_expenditure",
    "state_capital",
    "fiscal_expenditure",
)


class TotalNotBasicPlusProject(Rule):
    id = "YS-SUM-002"
    slug = "total-not-basic-plus-project"
    severity = "error"
    family = "SUM"
    title = "合计不等于基本支出与项目支出之和"
    title_en = "Total is not basic plus project expenditure"
    message = (
        "表{table_no}《{title}》{code} {name}「合计」为 {actual},基本支出与项目支出之和为 {expected},相差 "
        "{diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {code} {name}: total {actual}, basic + project expenditure = {expected}; "
        "difference {diff} {unit}"
    )
    rationale = (
        "支出按性质分为基本支出和项目支出,每一行的合计等于两者之和(DOMAIN.md“Identities”:per row 合计 = 基本"
        "支出 + 项目支出;REQUIREMENTS.md DR-28 内容准确)。决算表另有上缴上级支出、经营支出、对附属单位补助支"
        "出列,江苏另有单位预留机动经费列,一并计入。适用于支出总表、一般公共预算支出表、政府性基金预算支出表"
        "、国有资本经营预算支出表。差额在各数字舍入误差之和以内的,作为舍入提示。"
    )
    cases = [
        {
            "name": "sample: only rounding differences",
            "expect": "pass",
            "rounding": 6,
            "doc": {"base": "shanxi"},
        },
        {
            "name": "208 basic off by 1.00",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [{"table": "expenditure", "row": "208", "column": "basic", "value": "3733.69"}],
            },
        },
        {
            "name": "blank total with amounts in the parts",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "general_budget_expenditure",
                        "rows": [{"code": "2080101", "values": {"basic": "5.00", "project": "1.00"}}],
                    }
                ]
            },
        },
        {
            "name": "a cent of rounding",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "expenditure",
                        "rows": [
                            {
                                "name": "Jiangsu: 单位预留机动经费 is part of 合计",
                                "expect": "pass",
                                "doc": {
                                    "tables": [
                                        {
                                            "kind": "expenditure",
                                            "rows": [
                                                {
                                                    "key": "total",
                                                    "role": "total",
                                                    "name": "合计",
                                                    "values": {
                                                        "total": "18330.37",
                                                        "basic": "9312.90",
                                                        "project": "6459.58",
                                                        "reserve": "2557.89",
                                                    },
                                                }
                                            ],
                                        }
                                    ]
                                },
                            },
                            {
                                "name": "Jiangsu: 合计 without the reserve",
                                "expect": "fail",
                                "findings": 1,
                                "doc": {
                                    "tables": [
                                        {
                                            "kind": "expenditure",
                                            "rows": [
                                                {
                                                    "key": "total",
                                                    "role": "total",
                                                    "name": "合计",
                                                    "values": {
                                                        "total": "15772.48",
                                                        "basic": "9312.90",
                                                        "project": "6459.58",
                                                        "reserve": "2557.89",
                                                    },
                                                }
                                            ],
                                        }
                                    ]
                                },
                            },
                            {
                                "code": "2080105",
                                "values": {"total": "202.64", "basic": "196.47", "project": "6.16"},
                            },
                        ],
                    }
                ]
            },
        },
        {"name": "no expenditure table", "expect": "insufficient_data", "doc": {"tables": []}},
        {
            "name": "no basic/project columns",
            "expect": "insufficient_data",
            "doc": {
                "tables": [{"kind": "expenditure", "rows": [{"code": "208", "values": {"total": "1.00"}}]}]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tables = [t for t in d.tables if t.kind in KINDS]
        if not tables:
            raise InsufficientData("缺少支出总表/一般公共预算支出表,无法检查")
        tally = Tally(self)
        for t in tables:
            cols = set(columns_of(t))
            if not {"basic", "project"} & cols:
                continue
            parts = [c for c in EXPENDITURE_PARTS if c in cols]
            for r in t.rows:
                if not r.values:
                    continue
                f = tally.equal(
                    [r.values.get("total")], [r.values.get(c) for c in parts], table=t, row=r, column="total"
                )
                if f:
                    yield f
        tally.done("基本支出、项目支出列")
