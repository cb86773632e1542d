"""YS-XTAB-015 vehicle-operation-disagrees-with-economic-table: the 三公 公务用车运行维护费 against the
basic-expenditure economic row of the same name."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._arith import (
    Tally,
    by_key,
    columns_of,
    combine,
    has_values,
    is_zero,
    other,
    related,
)
from yusuan.model import Disclosure

MESSAGE_WARNING = (
    "表{table_no}《{title}》公务用车运行维护费为 {actual},表{other_no}《{other_title}》基本支出中的公务用车运"
    "行维护费为 {expected},多 {diff}{unit};差额只能来自项目支出,项目支出表未按经济科目列示,无法核实,请核对两"
    "表"
)
MESSAGE_WARNING_EN = (
    "table {table_no} ({title}) official vehicle operation is {actual}, basic expenditure on it in table "
    "{other_no} ({other_title}) is {expected}; {diff} {unit} more, which only project expenditure could "
    "explain and the project tables do not show by economic class: check both tables"
)


def _final(economic: str) -> dict:
    """A final-accounts 三公 table (预算数 5.00, 决算数 4.00 of 运行维护费) and an economic table whose
    公务用车运行维护费 is ``economic``."""
    return {
        "meta": {"kind": "final"},
        "tables": [
            {
                "kind": "three_public",
                "columns": ["budget", "final"],
                "rows": [
                    {
                        "key": "vehicle_operation",
                        "name": "公务用车运行维护费",
                        "values": {"budget": "5.00", "final": "4.00"},
                    }
                ],
            },
            {
                "kind": "general_budget_basic_economic",
                "rows": [
                    {"code": "30231", "name": "公务用车运行维护费", "level": 2, "values": {"total": economic}}
                ],
            },
        ],
    }


class VehicleOperationDisagreesWithEconomicTable(Rule):
    id = "YS-XTAB-015"
    slug = "vehicle-operation-disagrees-with-economic-table"
    severity = "error"
    family = "XTAB"
    title = "“三公”公务用车运行维护费与基本支出经济分类表不符"
    title_en = "'Three public' vehicle operation disagrees with the economic classification table"
    message = (
        "表{table_no}《{title}》公务用车运行维护费为 {actual},少于表{other_no}《{other_title}》基本支出中的公"
        "务用车运行维护费 {expected},相差 {diff}{unit};“三公”经费含基本支出和项目支出,不应少于其中的基本支出"
        "部分"
    )
    message_en = (
        "table {table_no} ({title}) official vehicle operation is {actual}, less than the basic expenditure "
        "on it in table {other_no} ({other_title}), {expected}; difference {diff} {unit}. The 'three public' "
        "figure covers basic and project expenditure and cannot be less than its basic part"
    )
    rationale = (
        "“三公”经费表列示财政拨款安排的公务用车运行维护费(基本支出与项目支出合计),一般公共预算基本支出经济分"
        "类表的“公务用车运行维护费”科目只是其中的基本支出部分,因此后者 ≤ 前者(DOMAIN.md“Identities / Across "
        "tables”;REQUIREMENTS.md DR-15、DR-28)。后者更大是错误;前者更大时差额须由项目支出解释,而项目支出表不"
        "按经济科目列示,无法核实,作为警告提示核对。比较用“三公”表的一般公共预算列(与经济分类表同口径);决算表分"
        "列预算数、决算数时用决算数。经济分类表未列该科目按 0 计。"
    )
    cases = [
        {
            "name": "sample: 三公 13.20 against 2.00 in basic expenditure (warning)",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi"},
        },
        {
            "name": "basic expenditure larger than the 三公 figure (error)",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "general_budget_basic_economic",
                        "row": "公务用车运行维护费",
                        "column": "total",
                        "value": "15.00",
                    }
                ],
            },
        },
        {
            "name": "equal",
            "expect": "pass",
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "general_budget_basic_economic",
                        "row": "公务用车运行维护费",
                        "column": "total",
                        "value": "13.20",
                    }
                ],
            },
        },
        {
            "name": "a rounding cent",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "general_budget_basic_economic",
                        "row": "公务用车运行维护费",
                        "column": "total",
                        "value": "13.21",
                    }
                ],
            },
        },
        {
            "name": "final: 决算数 compared, not 预算数",
            "expect": "pass",
            "doc": _final("4.00"),
        },
        {
            "name": "final: basic expenditure larger than the 决算数",
            "expect": "fail",
            "findings": 1,
            "doc": _final("4.50"),
        },
        {
            "name": "no 三公 table",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "three_public"}]},
        },
        {
            "name": "no vehicle operation on either side",
            "expect": "not_applicable",
            "doc": {
                "tables": [
                    {"kind": "three_public", "rows": [{"key": "vehicle_operation", "values": {}}]},
                    {
                        "kind": "general_budget_basic_economic",
                        "rows": [{"name": "办公费", "values": {"total": "1.00"}}],
                    },
                ]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tp = ctx.require_table("three_public")
        e = ctx.require_table("general_budget_basic_economic")
        if not has_values(e):
            raise InsufficientData("基本支出经济分类表没有数字")
        keyed = by_key(tp)
        op = keyed.get("vehicle_operation")
        if op is None:
            veh, buy = keyed.get("vehicle"), keyed.get("vehicle_purchase")
            if veh is None or buy is None:
                raise InsufficientData("“三公”经费表未列公务用车运行维护费")
        cols = set(columns_of(tp))
        if "general_budget" in cols:
            col = "general_budget"
        elif "final" in cols:
            # final accounts print 预算数 and 决算数; the economic table is the 决算
            col = "final"
        else:
            col = "total"
        # 公务用车运行维护费 under either classification's name; the Shanxi table prints both.
        erows = [r for r in e.rows if r.role != "total" and ("公务用车运行维护" in r.name)]
        ea = [r.values.get("total") for r in erows]
        if op is not None:
            actual = [op.values.get(col)]
            minus = []
        else:
            actual, minus = [keyed["vehicle"].values.get(col)], [keyed["vehicle_purchase"].values.get(col)]
        if all(is_zero(a) for a in [*actual, *minus, *ea]):
            raise NotApplicable("两表都没有公务用车运行维护费")
        place = dict(
            table=tp,
            row=op or keyed.get("vehicle"),
            column=col,
            **other(e),
            related=[related(e, erows[0] if erows else None, "total", ea[0] if ea else None)],
        )
        tally = Tally(self)
        # The basic part (economic table) can't exceed the 三公 figure: a shortfall is an error. An
        # excess could only be project expenditure, which no table shows by economic class: a warning.
        c = combine(actual, ea, actual_minus=minus)
        if c is not None and c.difference > 0:
            place.update(severity="warning", message=MESSAGE_WARNING, message_en=MESSAGE_WARNING_EN)
        f = tally.equal(actual, ea, actual_minus=minus, **place)
        if f:
            yield f
        tally.done("公务用车运行维护费")
