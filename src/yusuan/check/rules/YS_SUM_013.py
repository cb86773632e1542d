"""YS-SUM-013 three-public-total-not-sum: the 三公 合计 differs from 出国 + 接待 + 用车."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._arith import Tally, by_key, has_values
from yusuan.check.rules._casedocs import three_public
from yusuan.model import Disclosure


class ThreePublicTotalNotSum(Rule):
    id = "YS-SUM-013"
    slug = "three-public-total-not-sum"
    severity = "error"
    family = "SUM"
    title = "“三公”经费合计不等于三项之和"
    title_en = "'Three public' total is not the sum of its three items"
    message = (
        "表{table_no}《{title}》合计「{column}」为 {actual},因公出国(境)费、公务接待费、公务用车购置及运行费"
        "之和为 {expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) total [{column}] is {actual}, travel abroad + official reception + "
        "official vehicles = {expected}; difference {diff} {unit}"
    )
    rationale = (
        "“三公”经费合计 = 因公出国(境)费 + 公务接待费 + 公务用车购置及运行费,逐列核对(REQUIREMENTS.md DR-15;"
        "DOMAIN.md“Identities”)。未列公务用车购置及运行费合计行时,以购置费与运行维护费代之。"
    )
    cases = [
        {"name": "sample (13.20 = 0 + 0 + 13.20)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "sample with a reception figure the total leaves out",
            "expect": "fail",
            "findings": 2,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "three_public", "row": "reception", "column": "total", "value": "2.00"},
                    {
                        "table": "three_public",
                        "row": "reception",
                        "column": "general_budget",
                        "value": "2.00",
                    },
                ],
            },
        },
        {"name": "synthetic", "expect": "pass", "doc": three_public()},
        {"name": "rounding", "expect": "pass", "rounding": 1, "doc": three_public(total={"total": "10.01"})},
        {
            "name": "without the vehicle subtotal line",
            "expect": "pass",
            "doc": three_public(vehicle={"drop": "row"}),
        },
        {"name": "no 三公 table", "expect": "insufficient_data", "doc": {"tables": []}},
        {
            "name": "table without 合计 row",
            "expect": "insufficient_data",
            "doc": {
                "tables": [{"kind": "three_public", "rows": [{"key": "abroad", "values": {"total": "1.00"}}]}]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        t = ctx.require_table("three_public")
        rows = by_key(t)
        total = rows.get("total")
        if total is None:
            if not has_values(t):
                raise NotApplicable("“三公”经费表为空表")
            raise InsufficientData("“三公”经费表没有合计行")
        items = [rows.get("abroad"), rows.get("reception")]
        if "vehicle" in rows:
            items.append(rows["vehicle"])
        else:
            items += [rows.get("vehicle_purchase"), rows.get("vehicle_operation")]
        present = [r for r in items if r is not None]
        if not present:
            raise InsufficientData("“三公”经费表没有分项行")
        cols = dict.fromkeys([*total.values, *(k for r in present for k in r.values)])
        if not cols:
            raise NotApplicable("“三公”经费表各行均为空")
        tally = Tally(self)
        for col in cols:
            f = tally.equal(
                [total.values.get(col)], [r.values.get(col) for r in present], table=t, row=total, column=col
            )
            if f:
                yield f
        tally.done("“三公”经费合计")
