"""YS-PERF-005 annual-funds-exceed-implementation-funds: a target table's annual funds exceed the funds
of the whole implementation period."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._perf import (
    case_doc,
    case_target,
    label,
    label_en,
    pairs,
    place,
    readable,
    require_targets,
    slot,
    yuan,
)
from yusuan.model import Amount, Disclosure


def _funds(implementation: str, annual: str) -> dict[str, dict[str, str]]:
    return {
        "implementation": {"total": implementation, "local": implementation},
        "annual": {"total": annual, "local": annual},
    }


class AnnualFundsExceedImplementationFunds(Rule):
    id = "YS-PERF-005"
    slug = "annual-funds-exceed-implementation-funds"
    severity = "error"
    family = "PERF"
    title = "绩效目标表年度资金大于实施期资金"
    title_en = "Target table annual funds exceed the implementation-period funds"
    message = "{tbl}年度资金总额 {got}元大于实施期资金总额 {limit}元,多 {gap}元"
    message_en = (
        "{tbl_en}: annual funds {got} 元 exceed the implementation-period funds {limit} 元 by {gap} 元"
    )
    rationale = (
        "实施期是项目的整个期间,年度是其中的预算年度,年度资金总额不能大于实施期资金总额(DOMAIN.md"
        "“Performance targets”;DR-28)。一年期项目两者相等;经常性项目常把实施期也填成本年金额,同样不违反。"
        "金额单位为元,容差为两个数字半个末位之和。"
    )
    applies_to = ("budget",)
    cases = [
        {"name": "one-year project: equal", "expect": "pass", "doc": case_doc()},
        {
            "name": "three-year project, one third this year",
            "expect": "pass",
            "doc": case_doc(
                targets=[case_target("技能培训经费", "单位A", "15000", funds=_funds("45000", "15000"))]
            ),
        },
        {"name": "sample: annual = implementation everywhere", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "annual 15,000 against 10,000 for the whole period",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单位A", "15000", funds=_funds("10000", "15000")),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {
            "name": "no target tables (YS-STRUCT-015)",
            "expect": "insufficient_data",
            "doc": case_doc(targets=[]),
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_targets(d)
        checked = 0
        for x in pairs(d):
            whole, year = slot(x.target, "implementation", "total"), slot(x.target, "annual", "total")
            if not readable(whole) or not readable(year):
                continue
            assert isinstance(whole, Amount) and isinstance(year, Amount)
            checked += 1
            gap = year.value - whole.value  # type: ignore[operator]
            tol = whole.half_ulp("元") + year.half_ulp("元")
            if gap > tol:
                f = self.finding(
                    amount=year,
                    expected=whole.value,
                    actual=year.value,
                    tolerance=tol,
                    unit="元",
                    tbl=label(x),
                    tbl_en=label_en(x),
                    got=yuan(year.value),  # type: ignore[arg-type]
                    limit=yuan(whole.value),
                    gap=yuan(gap),
                )  # type: ignore[arg-type]
                yield place(f, x.target, line=f.line)
        if not checked:
            raise InsufficientData("没有实施期和年度资金总额都能读出的绩效目标表")
