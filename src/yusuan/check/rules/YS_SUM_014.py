"""YS-SUM-014 three-public-vehicle-not-sum: 公务用车购置及运行费 differs from 购置费 + 运行维护费."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._arith import Tally, by_key
from yusuan.check.rules._casedocs import three_public
from yusuan.model import Disclosure


class ThreePublicVehicleNotSum(Rule):
    id = "YS-SUM-014"
    slug = "three-public-vehicle-not-sum"
    severity = "error"
    family = "SUM"
    title = "公务用车购置及运行费不等于购置费与运行维护费之和"
    title_en = "Official vehicle costs are not purchase plus operation"
    message = (
        "表{table_no}《{title}》公务用车购置及运行费「{column}」为 {actual},购置费与运行维护费之和为 "
        "{expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) official vehicle purchase and operation [{column}] is {actual}, purchase "
        "+ operation = {expected}; difference {diff} {unit}"
    )
    rationale = (
        "公务用车购置及运行费 = 公务用车购置费 + 公务用车运行维护费,逐列核对(REQUIREMENTS.md DR-15;DOMAIN.md“"
        "Identities”)。"
    )
    cases = [
        {"name": "sample (13.20 = 0 + 13.20)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "sample with operation printed as 12.20",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "three_public", "row": "vehicle_operation", "column": "total", "value": "12.20"}
                ],
            },
        },
        {"name": "synthetic", "expect": "pass", "doc": three_public()},
        {
            "name": "rounding",
            "expect": "pass",
            "rounding": 1,
            "doc": three_public(vehicle_purchase={"general_budget": "1.01"}),
        },
        {"name": "no 三公 table", "expect": "insufficient_data", "doc": {"tables": []}},
        {
            "name": "no vehicle subtotal line",
            "expect": "not_applicable",
            "doc": three_public(vehicle={"drop": "row"}),
        },
        {
            "name": "subtotal without its parts",
            "expect": "insufficient_data",
            "doc": three_public(vehicle_purchase={"drop": "row"}, vehicle_operation={"drop": "row"}),
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        t = ctx.require_table("three_public")
        rows = by_key(t)
        vehicle = rows.get("vehicle")
        if vehicle is None:
            raise NotApplicable("“三公”经费表未列公务用车购置及运行费合计行")
        parts = [r for r in (rows.get("vehicle_purchase"), rows.get("vehicle_operation")) if r is not None]
        if not parts:
            if not vehicle.values:
                raise NotApplicable("公务用车购置及运行费为空,且未列分项")
            raise InsufficientData("“三公”经费表未列公务用车购置费、运行维护费")
        cols = dict.fromkeys([*vehicle.values, *(k for r in parts for k in r.values)])
        if not cols:
            raise NotApplicable("公务用车购置及运行费及其分项均为空")
        tally = Tally(self)
        for col in cols:
            f = tally.equal(
                [vehicle.values.get(col)],
                [r.values.get(col) for r in parts],
                table=t,
                row=vehicle,
                column=col,
            )
            if f:
                yield f
        tally.done("公务用车购置及运行费")
