"""YS-NARR-016 completion-rate-not-final-over-budget: a stated 完成预算的 X% is not the 决算 over the
budget the sentence names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from yusuan.check.engine import Context, Finding, NotApplicable, Rule
from yusuan.check.rules._narr import (
    HUNDRED,
    Fig,
    at_claim,
    claim_fig,
    fmt,
    percent_bound,
    percent_finding_values,
    require_claims,
)
from yusuan.model import Claim, Disclosure

#: 完成年初预算的 / 完成全年预算数的 / 完成预算的 / 预算完成率
_RATE = re.compile(r"完成(年初|全年|调整后?)?预算|预算完成率")
_BUDGET = (("年初", re.compile(r"年初预算")), ("全年", re.compile(r"全年预算|调整后?预算")))
_FINAL = re.compile(r"决算")
_NAMES = {"年初": ("年初预算", "budget as first approved"), "全年": ("全年预算", "full-year budget")}

MESSAGE_ZERO = (
    "“{said}”:{budget_name}为 0,完成率无从计算;{rate}% 是{final_name} {final} 除以{other_name} {other},"
    "说明写错了预算口径"
)
MESSAGE_ZERO_EN = (
    "'{said}': the {budget_en} is 0, so there is no completion rate against it; {rate}% is {final} over the"
    " {other_en} {other}: the sentence names the wrong budget"
)
MESSAGE_OTHER = (
    "“{said}”:{final_name} {final} ÷ {budget_name} {budget} = {expected}%,不是 {actual}%;{actual}% 是对"
    "{other_name} {other} 计算的,说明写错了预算口径"
)
MESSAGE_OTHER_EN = (
    "'{said}': {final} over the {budget_en} {budget} is {expected}%, not {actual}%; {actual}% is against the "
    "{other_en} {other}: the sentence names the wrong budget"
)


def _amount(subject: str, value: str, sentence: str) -> dict:
    return {"kind": "amount", "subject": subject, "value": value, "unit": "万元", "sentence": sentence}


def _rate(subject: str, value: str, sentence: str) -> dict:
    return {"kind": "rate", "subject": subject, "value": value, "unit": "%", "sentence": sentence}


_S1 = "全年预算为 52.00 万元,支出决算为 51.32 万元,完成全年预算数的 98.69%。"
_S2 = (
    "一般公共预算财政拨款支出年初预算为 0 万元,全年预算为321.02 万元,支出决算为 307.82 万元,"
    "完成年初预算的 95.89%。"
)


class CompletionRateNotFinalOverBudget(Rule):
    id = "YS-NARR-016"
    slug = "completion-rate-not-final-over-budget"
    severity = "error"
    family = "NARR"
    title = "预算完成率不等于决算数除以所称预算数"
    title_en = "Stated completion rate is not the final figure over the budget named"
    message = (
        "“{said}”:{final_name} {final} ÷ {budget_name} {budget} = {expected}%,叙述为 {actual}%,相差 {diff} "
        "个百分点"
    )
    message_en = (
        "'{said}': {final} over the {budget_en} {budget} is {expected}%, the narrative says {actual}%; "
        "difference {diff} points"
    )
    rationale = (
        "决算说明逐项写“年初预算为A,全年预算为B,支出决算为C,完成年初(全年)预算的X%”,X等于C除以句中所称"
        "的那个预算数(DOMAIN.md“Final accounts”:the narrative compares 决算 with 预算 (completion rate);"
        "DR-28)。按印出的小数位核对,允许百分比半个末位加金额舍入误差传导的范围(舍入提示)。所称预算为 0 时完"
        "成率无从计算;X恰等于对另一个预算数的完成率时,是说明写错了预算口径,作为警告。同一句没有印出决算数和所"
        "称预算数时不核对。"
    )
    cases = [
        {
            "name": "98.69% = 51.32 / 52.00",
            "expect": "pass",
            "doc": {
                "meta": {"kind": "final"},
                "claims": [
                    _amount("全年预算", "52.00", _S1),
                    _amount("支出决算", "51.32", _S1),
                    _rate("完成全年预算数", "98.69", _S1),
                ],
            },
        },
        {
            "name": "98.96% printed for 51.32 / 52.00",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "meta": {"kind": "final"},
                "claims": [
                    _amount("全年预算", "52.00", _S1),
                    _amount("支出决算", "51.32", _S1),
                    _rate("完成全年预算数", "98.96", _S1),
                ],
            },
        },
        {
            "name": "完成年初预算 with 年初预算 0: the rate is against 全年预算 (warning)",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "meta": {"kind": "final"},
                "claims": [
                    _amount("一般公共预算财政拨款支出年初预算", "0", _S2),
                    _amount("全年预算", "321.02", _S2),
                    _amount("支出决算", "307.82", _S2),
                    _rate("完成年初预算", "95.89", _S2),
                ],
            },
        },
        {
            "name": "no 决算 figure in the sentence",
            "expect": "not_applicable",
            "doc": {
                "meta": {"kind": "final"},
                "claims": [_amount("全年预算", "52.00", "s"), _rate("完成全年预算数", "98.69", "s")],
            },
        },
        {"name": "no narrative figures", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        claims = require_claims(d)
        checked = 0
        for c in claims:
            m = _RATE.search(c.subject) if c.kind == "rate" and c.value is not None else None
            if m is None:
                continue
            same = [o for o in claims if o.sentence == c.sentence and o.kind == "amount" and o is not c]
            final = next((f for o in same if _FINAL.search(o.subject) and (f := claim_fig(o))), None)
            budgets: dict[str, Fig] = {}
            for key, rx in _BUDGET:
                fig = next((f for o in same if rx.search(o.subject) and (f := claim_fig(o))), None)
                if fig is not None:
                    budgets[key] = fig
            named = _named(m.group(1), budgets)
            if final is None or named is None:
                continue
            checked += 1
            f = self._judge(c, final, named, budgets)
            if f is not None:
                yield at_claim(f, c)
        if not checked:
            raise NotApplicable("叙述中没有同一句印出决算数和所称预算数的完成率")

    def _judge(self, c: Claim, final: Fig, named: str, budgets: dict[str, Fig]) -> Finding | None:
        budget = budgets[named]
        other_key = next((k for k in budgets if k != named), None)
        other = budgets[other_key] if other_key is not None else None
        unit = final.unit
        printed = c.value
        assert printed is not None
        fields = {
            "said": f"{c.subject}{fmt(printed)}%",
            "final_name": "决算数",
            "final": f"{fmt(final.value)}{unit}",
            "budget_name": _NAMES[named][0],
            "budget_en": _NAMES[named][1],
            "budget": f"{fmt(budget.value)}{budget.unit}",
        }
        # the printed rate is right for the other budget of the sentence: the wrong budget is named
        against_other = (
            other is not None
            and other_key is not None
            and other.in_unit(unit) != 0
            and percent_finding_values(printed, c.precision, _ratio(final, other), _bound(c, final, other))
            is None
        )
        if against_other:
            assert other is not None and other_key is not None
            fields.update(
                other_name=_NAMES[other_key][0],
                other_en=_NAMES[other_key][1],
                other=f"{fmt(other.value)}{other.unit}",
            )
        if budget.in_unit(unit) == 0:
            if against_other:
                return self.finding(
                    severity="warning",
                    actual=printed,
                    unit="%",
                    message=MESSAGE_ZERO,
                    message_en=MESSAGE_ZERO_EN,
                    rate=fmt(printed),
                    **fields,
                )
            return self.finding(
                actual=printed,
                unit="%",
                message="“{said}”:{budget_name}为 0,完成率无从计算",
                message_en="'{said}': the {budget_en} is 0, so there is no completion rate against it",
                **fields,
            )
        exact = _ratio(final, budget)
        bound = _bound(c, final, budget)
        verdict = percent_finding_values(printed, c.precision, exact, bound)
        if verdict is None:
            return None
        kind, expected = verdict
        if kind == "error" and against_other:
            return self.finding(
                severity="warning",
                expected=expected,
                actual=printed,
                unit="%",
                message=MESSAGE_OTHER,
                message_en=MESSAGE_OTHER_EN,
                **fields,
            )
        return self.finding(
            expected=expected,
            actual=printed,
            tolerance=bound,
            unit="%",
            rounding=kind == "rounding",
            **fields,
        )


def _named(word: str | None, budgets: dict[str, Fig]) -> str | None:
    """The budget a completion rate names: 年初 / 全年 (调整后) as written; a bare 预算 is the full-year
    budget when printed, else the only one printed."""
    if word:
        key = "年初" if word == "年初" else "全年"
        return key if key in budgets else None
    if "全年" in budgets:
        return "全年"
    return next(iter(budgets), None)


def _ratio(final: Fig, budget: Fig) -> Decimal:
    return HUNDRED * final.in_unit(final.unit) / budget.in_unit(final.unit)


def _bound(c: Claim, final: Fig, budget: Fig) -> Decimal:
    unit = final.unit
    return percent_bound(
        c.precision, final.in_unit(unit), final.ulp(unit), budget.in_unit(unit), budget.ulp(unit)
    )
