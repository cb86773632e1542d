"""YS-PERF-004 target-total-not-sum-of-sources: a target table's 资金总额 differs from the sum of its fund
sources (central + provincial + city/county + self-raised + other)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._perf import (
    PERIOD_EN,
    PERIOD_ZH,
    PERIODS,
    SLOT_EN,
    SLOT_ZH,
    SOURCES,
    Pair,
    case_doc,
    case_target,
    label,
    label_en,
    pairs,
    place,
    readable,
    require_targets,
    yuan,
)
from yusuan.check.tolerance import compare_sum
from yusuan.model import Disclosure

_FUNDS = {
    "total": "15000",
    "central": "0",
    "provincial": "0",
    "local": "15000",
    "self_raised": "0",
    "other": "0",
}


def _funds(**slots: str) -> dict[str, dict[str, str]]:
    return {"implementation": dict(_FUNDS), "annual": {**_FUNDS, **slots}}


class TargetTotalNotSumOfSources(Rule):
    id = "YS-PERF-004"
    slug = "target-total-not-sum-of-sources"
    severity = "error"
    family = "PERF"
    title = "绩效目标表资金总额不等于各资金来源之和"
    title_en = "Target table total funds are not the sum of the fund sources"
    message = "{tbl}{period}资金总额 {got}元,各资金来源合计 {want}元({parts}),相差 {gap}元"
    message_en = (
        "{tbl_en}: {period_en} total funds {got} 元, the fund sources add up to {want} 元 ({parts_en}); "
        "difference {gap} 元"
    )
    rationale = (
        "绩效目标表的实施期和年度资金总额各等于其下中央财政资金、省级财政资金、市县(区)财政资金、单位自筹、"
        "其他资金之和(表内恒等式;DOMAIN.md“合计 = the sum of the fund-source columns”;DR-28)。金额单位为元,"
        "容差为各数字半个末位之和。有来源无法识别时不比较(见 YS-PERF-010)。文本层的表,空白的来源行是 0;"
        "OCR 识别的表,空白与漏识别无法区分:只有已读出的来源之和已超过总额时才确定有误。"
    )
    applies_to = ("budget",)
    cases = [
        {"name": "15,000 = 0 + 0 + 15,000 + 0 + 0", "expect": "pass", "doc": case_doc()},
        {"name": "sample: every readable total adds up", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "annual sources add up to 14,000",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单位A", "15000", funds=_funds(local="14000")),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {
            "name": "a blank 其他资金 row of a text table is 0",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target(
                        "技能培训经费",
                        "单位A",
                        "15000",
                        funds={"annual": {"total": "15000", "local": "10000"}},
                    )
                ]
            ),
        },
        {
            "name": "OCR'd table: a missing source row may be unread",
            "expect": "pass",
            "doc": case_doc(
                targets=[
                    case_target(
                        "技能培训经费",
                        "单位A",
                        "15000",
                        ocr=True,
                        funds={"annual": {"total": "15000", "local": "10000"}},
                    ),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {
            "name": "OCR'd table: sources already exceed the total",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target(
                        "技能培训经费",
                        "单位A",
                        "15000",
                        ocr=True,
                        funds={"annual": {"total": "15000", "local": "15000", "self_raised": "5000"}},
                    )
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
            for period in PERIODS:
                result = self._period(x, period)
                if result is None:
                    continue
                checked += 1
                if result is not True:
                    yield result
        if not checked:
            raise InsufficientData("没有资金总额和各来源都能读出的绩效目标表")

    def _period(self, x: Pair, period: str) -> Finding | bool | None:
        """A finding, True when the identity holds, None when it cannot be checked."""
        funds = x.target.funds.get(period, {})
        total = funds.get("total")
        present = [k for k in SOURCES if k in funds]
        if not readable(total) or not present or not all(readable(funds[k]) for k in present):
            return None
        if sum(funds[k].value for k in present) == total.value:  # type: ignore[misc, union-attr]
            return True  # the common case, without building a comparison
        cmp = compare_sum(total, [funds[k] for k in present], "元")  # type: ignore[arg-type]
        if cmp is None or not cmp.error:
            return True
        complete = len(present) == len(SOURCES) or not x.target.ocr
        if cmp.expected < cmp.actual and not complete:
            return None  # an unread row may hold the rest
        nonzero = [k for k in present if funds[k].value != Decimal(0)]
        parts = "、".join(f"{SLOT_ZH[k]} {yuan(funds[k].value)}" for k in nonzero) or "均为 0"  # type: ignore[arg-type]
        parts_en = ", ".join(f"{SLOT_EN[k]} {yuan(funds[k].value)}" for k in nonzero) or "all 0"  # type: ignore[arg-type]
        f = self.finding(
            amount=total,
            expected=cmp.expected,
            actual=cmp.actual,
            tolerance=cmp.tolerance,
            unit="元",
            tbl=label(x),
            tbl_en=label_en(x),
            period=PERIOD_ZH[period],
            period_en=PERIOD_EN[period],
            got=yuan(cmp.actual),
            want=yuan(cmp.expected),
            gap=yuan(cmp.difference),
            parts=parts,
            parts_en=parts_en,
        )
        return place(f, x.target, line=f.line)
