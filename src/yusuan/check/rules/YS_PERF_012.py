"""YS-PERF-012 indicator-amount-contradicts-funds: an indicator that states the project's amount (三级指标
金额 / 资金总额) gives another figure than the table's own funds."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from yusuan.check.engine import Context, Finding, NotApplicable, Rule
from yusuan.check.rules._perf import (
    PERIOD_EN,
    PERIOD_ZH,
    Pair,
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
from yusuan.model import Disclosure, Indicator
from yusuan.model.amount import UNIT_FACTOR

# The whole project's amount, not a part of it (培训经费, 人均成本 636元 are parts): the name is one of
# these words and nothing else. OCR reads 金额 as 金額 / 全額 / 企额.
_AMOUNT_NAME = re.compile(
    r"(?:项目|预算|资金)?(?:[金全企][额額]|资金总[额額]|总金[额額]|总[额額]|资金|总经费)"
)
_SPACE = re.compile(r"\s+")


def amount_indicator(ind: Indicator) -> bool:
    if ind.target_unit not in UNIT_FACTOR or ind.target_value is None or not ind.level3:
        return False  # most indicators: a percentage or a count
    return bool(_AMOUNT_NAME.fullmatch(_SPACE.sub("", ind.level3)))


def _with(value: str) -> list[dict]:
    return [
        {
            "period": "annual",
            "level1": "产出指标",
            "level2": "数量指标",
            "level3": "金额",
            "target_raw": f"{value}元",
            "comparator": "=",
            "target_value": value,
            "target_unit": "元",
        },
        {
            "period": "annual",
            "level1": "产出指标",
            "level2": "成本指标",
            "level3": "人均成本",
            "target_raw": "636元",
            "comparator": "=",
            "target_value": "636",
            "target_unit": "元",
        },
    ]


class IndicatorAmountContradictsFunds(Rule):
    id = "YS-PERF-012"
    slug = "indicator-amount-contradicts-funds"
    severity = "warning"
    family = "PERF"
    title = "绩效指标中的金额与目标表资金不一致"
    title_en = "An indicator's amount contradicts the table's funds"
    message = "{tbl}{period}指标“{name}”为 {got}元,而{period}资金总额为 {want}元,相差 {gap}元"
    message_en = (
        "{tbl_en}: {period_en} indicator '{name}' says {got} 元, the {period_en} funds total {want} 元; "
        "difference {gap} 元"
    )
    rationale = (
        "一些目标表把项目金额写成数量或成本指标(三级指标“金额”“资金总额”),它应等于同一期间的资金总额(DOMAIN.md"
        "“Real defects”:the same figure printed with two values in two places;DR-28)。只核对名称就是"
        "金额本身的"
        "指标(金额/资金总额/总金额等,含 OCR 常见的 金額、全額),不核对“培训经费”“人均成本”这类部分金额;单位为"
        "元或万元,换算到元比较,容差为两个数字半个末位之和。指标值只读了一次(不像资金有多处副本可互相印证),所以"
        "为警告:请核对原件。"
    )
    applies_to = ("budget",)
    cases = [
        {
            "name": "金额 15000元 = funds",
            "expect": "pass",
            "doc": case_doc(
                targets=[case_target("技能培训经费", "单位A", "15000", indicators=_with("15000"))]
            ),
        },
        {
            "name": "金额 15044.37元 against 15,000",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[case_target("技能培训经费", "单位A", "15000", indicators=_with("15044.37"))]
            ),
        },
        {
            "name": "sample: 零工市场 实施期 金额 150144.37元 vs 150,100 (line 853)",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi"},
        },
        {"name": "no indicator states the amount", "expect": "not_applicable", "doc": case_doc()},
        {
            "name": "no target tables (YS-STRUCT-015)",
            "expect": "insufficient_data",
            "doc": case_doc(targets=[]),
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_targets(d)
        seen = False
        for x in pairs(d):
            for ind in x.target.indicators:
                if not amount_indicator(ind):
                    continue
                seen = True
                f = self._check(x, ind)
                if f is not None:
                    yield f
        if not seen:
            raise NotApplicable("没有以金额为指标的绩效目标")

    def _check(self, x: Pair, ind: Indicator) -> Finding | None:
        total = slot(x.target, ind.period, "total")
        if not readable(total):
            return None
        assert total is not None and total.value is not None and ind.target_value is not None
        said = ind.target_value * UNIT_FACTOR[ind.target_unit or "元"]
        exp = -ind.target_value.as_tuple().exponent  # type: ignore[operator]
        tol = (
            total.half_ulp("元")
            + Decimal(5) * Decimal(10) ** (-(max(exp, 0) + 1)) * UNIT_FACTOR[ind.target_unit or "元"]
        )
        gap = said - total.value
        if abs(gap) <= tol:
            return None
        f = self.finding(
            expected=total.value,
            actual=said,
            tolerance=tol,
            unit="元",
            tbl=label(x),
            tbl_en=label_en(x),
            period=PERIOD_ZH[ind.period],
            period_en=PERIOD_EN[ind.period],
            name=(ind.level3 or "").strip(),
            got=yuan(said),
            want=yuan(total.value),
            gap=yuan(gap),
        )
        return place(f, x.target, line=ind.source.line)
