"""YS-SUM-003 income-total-not-sum-of-sources: an income-table row's 合计 differs from its fund sources."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.catalog.tables import COLUMN_KEYS
from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import (
    Tally,
    columns_of,
    convention_text,
    has_values,
    income_carryover_convention,
    is_of_which,
    source_subtotals,
    summing_sources,
    total_row,
    unplaced_numbers,
)
from yusuan.model import Disclosure, Table

MESSAGE_ROWS = (
    "表{table_no}《{title}》收入总计为 {actual},各来源(含上年结转)之和为 {expected},相差 {diff}{unit}"
)
MESSAGE_ROWS_EN = (
    "table {table_no} ({title}): the income total is {actual}, the sources (carry-over included) sum to "
    "{expected}; difference {diff} {unit}"
)
MESSAGE_SUBTOTAL = (
    "表{table_no}《{title}》{code} {name}「{column}」为 {actual},其分项({parts})之和为 {expected},相差 "
    "{diff}{unit}"
)
MESSAGE_SUBTOTAL_EN = (
    "table {table_no} ({title}) {code} {name}: [{column}] is {actual}, its parts ({parts_en}) sum to "
    "{expected}; difference {diff} {unit}"
)


_JIANGSU_ROWS = [
    {"key": "total", "role": "total", "name": "收入总计", "values": {"total": "18330.37"}},
    {
        "key": "income:general_budget",
        "role": "subtotal",
        "level": 1,
        "name": "一般公共预算资金",
        "values": {"total": "18330.37"},
    },
    {
        "level": 2,
        "parent": "一般公共预算资金",
        "name": "公共财政拨款(补助)资金",
        "values": {"total": "18330.37"},
    },
    {"level": 2, "parent": "一般公共预算资金", "name": "专项收入"},
    {"key": "income:gov_fund", "role": "subtotal", "level": 1, "name": "政府性基金"},
    {"key": "carryover_total", "role": "subtotal", "level": 1, "name": "上年结转和结余资金"},
    {"level": 2, "parent": "上年结转和结余资金", "name": "其中:动用上年结转和结余资金"},
]


def _income(rows: list[dict]) -> dict:
    return {"tables": [{"kind": "income", "rows": rows}]}


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
        "都无法判断时按全国模板——并在消息中写明所用口径及依据。来源列因模板而异:上海预算和决算表把一般公共预"
        "算、政府性基金、国有资本经营合为“财政拨款(收入)”一列,决算表另有上级补助收入、附属单位上缴收入,都计入"
        "合计。小计列(财政拨款、单位资金)与其细项同时列示时,合计只计小计,并另行核对小计等于其细项之和。来源"
        "按行列示时(江苏收入预算总表),核对收入总计等于各来源小计与上年结转之和、各来源小计等于其下各行。表中"
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
        {
            "name": "Shanghai: 财政拨款收入 as one column beside 事业收入 printed 0",
            "expect": "pass",
            "doc": _income(
                [
                    {
                        "code": "201",
                        "values": {
                            "total": "3296600",
                            "fiscal_appropriation": "3296600",
                            "business_income": "0",
                            "operating_income": "0",
                            "other_income": "0",
                        },
                    }
                ]
            ),
        },
        {
            "name": "final accounts: 财政拨款 + 上级补助 + 附属单位上缴, one row off",
            "expect": "fail",
            "findings": 1,
            "doc": _income(
                [
                    {
                        "key": "total",
                        "role": "total",
                        "name": "合计",
                        "values": {
                            "total": "310.82",
                            "fiscal_appropriation": "307.82",
                            "from_higher": "2.00",
                            "from_subsidiaries": "1.00",
                        },
                    },
                    {"code": "201", "values": {"total": "266.87", "fiscal_appropriation": "264.87"}},
                ]
            ),
        },
        {
            "name": "财政拨款 beside its parts: counted once, and checked against them",
            "expect": "fail",
            "findings": 1,
            "doc": _income(
                [
                    {
                        "code": "201",
                        "values": {
                            "total": "100.00",
                            "fiscal_appropriation": "90.00",
                            "general_budget": "80.00",
                            "gov_fund": "5.00",
                            "unit_funds": "10.00",
                        },
                    }
                ]
            ),
        },
        {
            "name": "sources as rows (Jiangsu): 收入总计 = groups, group = its lines",
            "expect": "pass",
            "doc": _income(_JIANGSU_ROWS),
        },
        {
            "name": "sources as rows: a line under 一般公共预算资金 off",
            "expect": "fail",
            "findings": 1,
            "doc": _income(
                [
                    {**r, "values": {"total": "18000.00"}} if r["name"] == "公共财政拨款(补助)资金" else r
                    for r in _JIANGSU_ROWS
                ]
            ),
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
        # 财政拨款 / 单位资金 printed with their parts are subtotals: count them once.
        src = summing_sources(cols)
        subtotals = source_subtotals(cols)
        if not src:
            if any((r.key or "").startswith("income:") for r in t.rows):
                yield from self._by_rows(t)
                return
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
            for sub, parts_of in subtotals:
                if sub not in r.values:
                    continue
                f = tally.equal(
                    [r.values.get(sub)],
                    [r.values.get(c) for c in parts_of],
                    table=t,
                    row=r,
                    column=sub,
                    parts="、".join(COLUMN_KEYS[c][0] for c in parts_of),
                    parts_en=", ".join(COLUMN_KEYS[c][1] for c in parts_of),
                    message=MESSAGE_SUBTOTAL,
                    message_en=MESSAGE_SUBTOTAL_EN,
                )
                if f:
                    yield f
        tally.done("收入总表各行")

    def _by_rows(self, t: Table) -> Iterable[Finding]:
        """Sources printed as rows (Jiangsu 收入预算总表): 收入总计 = the source groups (上年结转 too),
        each group's 小计 = its lines (a 其中 line repeats part of another and is not added)."""
        tot = total_row(t)
        groups = [r for r in t.rows if (r.key or "").startswith("income:") or r.key == "carryover_total"]
        tally = Tally(self)
        if tot is not None:
            f = tally.equal(
                [tot.values.get("total")],
                [r.values.get("total") for r in groups],
                table=t,
                row=tot,
                column="total",
                message=MESSAGE_ROWS,
                message_en=MESSAGE_ROWS_EN,
            )
            if f:
                yield f
        for g in groups:
            kids = [r for r in t.rows if r.parent == g.name and r is not g and not is_of_which(r)]
            if not kids:
                continue
            f = tally.equal(
                [g.values.get("total")],
                [r.values.get("total") for r in kids],
                table=t,
                row=g,
                column="total",
                parts="、".join(r.name for r in kids),
                parts_en=", ".join(r.name for r in kids),
                message=MESSAGE_SUBTOTAL,
                message_en=MESSAGE_SUBTOTAL_EN,
            )
            if f:
                yield f
        tally.done("收入总表各来源")
