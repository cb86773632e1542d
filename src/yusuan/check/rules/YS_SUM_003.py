"""YS-SUM-003 income-total-not-sum-of-sources: an income-table row's 合计 differs from its fund sources."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import (
    INCOME_SOURCE_COLS,
    UNIT_FUND_PARTS,
    Tally,
    columns_of,
    convention_text,
    has_values,
    income_carryover_convention,
    unplaced_numbers,
)
from yusuan.model import Disclosure


class IncomeTotalNotSumOfSources(Rule):
    id = "YS-SUM-003"
    slug = "income-total-not-sum-of-sources"
    severity = "error"
    family = "SUM"
    title = "收入总表合计不等于各资金来源之和"
    title_en = "Income table total is not the sum of the fund sources"
    message = (
        "表{table_no}《{title}》{code} {name}「合计」为 {actual},各资金来源之和为 {expected},相差 {diff}"
        "{unit}{convention}"
    )
    message_en = (
        "table {table_no} ({title}) {code} {name}: total {actual}, the fund sources sum to {expected}; "
        "difference {diff} {unit}{convention_en}"
    )
    rationale = (
        "收入总表每一行的合计等于一般公共预算、政府性基金、国有资本经营预算、财政专户管理资金、单位资金(事业"
        "收入、经营收入、其他收入)等来源列之和(DOMAIN.md“Identities”:per row 合计 = the sum of the "
        "fund-source columns;DR-28)。上年结转列是否计入合计各地不同:全国模板计入,山西样本的“本年收入合计”不计"
        "入。规则按表格自身数字判断所用口径——先看合计行,再看多数有结转的行,再看表头(“本年收入合计”为不计入),"
        "都无法判断时按全国模板——并在消息中写明所用口径及依据。单位资金与其细项同时列示时,只计单位资金。表中"
        "有未能识别表头的数字列时,无法可靠求和,结果为数据不足。"
    )
    cases = [
        {"name": "sample (合计 leaves out 上年结转)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "208 general budget off by 10.00",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [{"table": "income", "row": "208", "column": "general_budget", "value": "35201.06"}],
            },
        },
        {
            "name": "national convention: 合计 includes 上年结转",
            "expect": "pass",
            "doc": {
                "tables": [
                    {
                        "kind": "income",
                        "rows": [
                            {
                                "key": "total",
                                "role": "total",
                                "name": "合计",
                                "values": {
                                    "total": "110.00",
                                    "general_budget": "80.00",
                                    "unit_funds": "20.00",
                                    "carryover": "10.00",
                                },
                            },
                            {
                                "code": "208",
                                "values": {
                                    "total": "110.00",
                                    "general_budget": "80.00",
                                    "unit_funds": "20.00",
                                    "carryover": "10.00",
                                },
                            },
                        ],
                    }
                ]
            },
        },
        {
            "name": "national convention, one row leaves the carry-over out",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "income",
                        "rows": [
                            {
                                "key": "total",
                                "role": "total",
                                "name": "合计",
                                "values": {
                                    "total": "110.00",
                                    "general_budget": "80.00",
                                    "unit_funds": "20.00",
                                    "carryover": "10.00",
                                },
                            },
                            {
                                "code": "208",
                                "values": {
                                    "total": "100.00",
                                    "general_budget": "80.00",
                                    "unit_funds": "20.00",
                                    "carryover": "10.00",
                                },
                            },
                        ],
                    }
                ]
            },
        },
        {
            "name": "rounding cent",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "income",
                        "rows": [
                            {
                                "code": "208",
                                "values": {"total": "10.01", "general_budget": "5.00", "unit_funds": "5.00"},
                            }
                        ],
                    }
                ]
            },
        },
        {"name": "no income table", "expect": "insufficient_data", "doc": {"tables": []}},
        {
            "name": "income table with only a total column",
            "expect": "insufficient_data",
            "doc": {"tables": [{"kind": "income", "rows": [{"code": "208", "values": {"total": "10.00"}}]}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        t = ctx.require_table("income")
        if not has_values(t):
            raise InsufficientData("收入总表没有数字")
        if unplaced_numbers(d, t):
            raise InsufficientData("收入总表有未能识别表头的数字列,无法按来源核对合计")
        cols = columns_of(t)
        src = [c for c in INCOME_SOURCE_COLS if c in cols]
        # 单位资金 printed with its parts is their subtotal: count it once.
        if any("unit_funds" in r.values for r in t.rows):
            src = [c for c in src if c not in UNIT_FUND_PARTS]
        if not src:
            raise InsufficientData("收入总表没有分资金来源的列")
        excludes, why = income_carryover_convention(t)
        conv, conv_en = convention_text(excludes, why)
        extra = ["carryover"] if excludes is False else []
        tally = Tally(self)
        for r in t.rows:
            if not r.values:
                continue
            parts = [r.values.get(c) for c in [*src, *extra]]
            f = tally.equal(
                [r.values.get("total")],
                parts,
                table=t,
                row=r,
                column="total",
                convention=conv,
                convention_en=conv_en,
            )
            if f:
                yield f
        tally.done("收入总表各行")
