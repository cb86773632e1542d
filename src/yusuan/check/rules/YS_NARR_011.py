"""YS-NARR-011 listed-parts-do-not-add-up: the parts listed after 其中 / 主要包括 exceed their whole, or,
when the list is complete, do not add up to it."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._narr import (
    MONEY,
    PARTITIONS,
    ZERO,
    ClaimView,
    Resolver,
    at_claim,
    claim_fig,
    claim_views,
    count_of,
    require_claims,
    said,
)
from yusuan.model import Disclosure

_SKIP = frozenset({"comparison_base", "threshold", "placeholder", "missing_number", "malformed"})


def money_parts(w: ClaimView) -> list[ClaimView]:
    return [
        p
        for p in w.parts
        if p.kind == "amount"
        and p.claim.value is not None
        and p.claim.unit in MONEY
        and not _SKIP & set(p.claim.flags)
        and not p.in_reason
    ]


def count_parts(w: ClaimView, unit: str | None = None) -> list[ClaimView]:
    """Counts listed under a whole, in the whole's unit (辆 under 辆: "(含)以上设备1台" is something else)."""
    return [
        p
        for p in w.parts
        if p.kind == "count"
        and p.claim.value is not None
        and not p.in_reason
        and (unit is None or p.claim.unit == unit)
    ]


def complete_by_counts(w: ClaimView, views: list[ClaimView]) -> bool:
    """ "二级项目37个,共计…。其中:A类14个…;B类23个…": the counts listed make up the whole's count."""
    wc = count_of(w, views)
    counts = count_parts(w, wc.claim.unit if wc is not None else None)
    return wc is not None and bool(counts) and sum(c.claim.value for c in counts) == wc.claim.value  # type: ignore[misc]


class ListedPartsDoNotAddUp(Rule):
    id = "YS-NARR-011"
    slug = "listed-parts-do-not-add-up"
    severity = "error"
    family = "NARR"
    title = "“其中”所列各项与总数不符"
    title_en = "Parts listed under 其中 do not add up to their whole"
    message = "“{whole_said}”{which}:{parts} 合计 {expected}{unit},与总数相差 {diff}{unit}"
    message_en = "'{whole_said}' {which_en}: {parts} add up to {expected} {unit}; difference {diff} {unit}"
    rationale = (
        "“总数X,其中:A、B…”所列各部分之和不能超过总数;列举完整时(所列个数之和等于总个数,或各部分构成总数的全"
        "部,如基本支出+项目支出、人员经费+公用经费、本年收入+上年结转、“三公”三项)应等于总数(DOMAIN.md“Narrat"
        "ive against tables”:counts and totals of projects agree;“Identities”;DR-28)。差额在各数舍入误差之和"
        "以内为舍入提示。说明原因中的数字、比较基数不计;政府采购由 YS-NARR-012 检查。"
    )
    cases = [
        {
            "name": "sample: 二级项目37个 31,603.71 vs 14个 1,461.95 + 23个 30,084.75 (stated twice)",
            "expect": "fail",
            "findings": 2,
            "doc": {"base": "shanxi"},
        },
        {
            "name": "a complete list that adds up",
            "expect": "pass",
            "doc": {
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "支出预算",
                        "value": "30.00",
                        "unit": "万元",
                        "raw": "30.00万元",
                        "sentence": "支出预算30.00万元,其中:基本支出10.00万元,项目支出20.00万元。",
                    },
                    {
                        "kind": "amount",
                        "subject": "基本支出",
                        "value": "10.00",
                        "unit": "万元",
                        "raw": "10.00万元",
                        "sentence": "支出预算30.00万元,其中:基本支出10.00万元,项目支出20.00万元。",
                    },
                    {
                        "kind": "amount",
                        "subject": "项目支出",
                        "value": "20.00",
                        "unit": "万元",
                        "raw": "20.00万元",
                        "sentence": "支出预算30.00万元,其中:基本支出10.00万元,项目支出20.00万元。",
                    },
                ]
            },
        },
        {
            "name": "basic + project short of the total",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "支出预算",
                        "value": "30.00",
                        "unit": "万元",
                        "raw": "30.00万元",
                        "sentence": "支出预算30.00万元,其中:基本支出10.00万元,项目支出19.00万元。",
                    },
                    {
                        "kind": "amount",
                        "subject": "基本支出",
                        "value": "10.00",
                        "unit": "万元",
                        "raw": "10.00万元",
                        "sentence": "支出预算30.00万元,其中:基本支出10.00万元,项目支出19.00万元。",
                    },
                    {
                        "kind": "amount",
                        "subject": "项目支出",
                        "value": "19.00",
                        "unit": "万元",
                        "raw": "19.00万元",
                        "sentence": "支出预算30.00万元,其中:基本支出10.00万元,项目支出19.00万元。",
                    },
                ]
            },
        },
        {
            "name": "only the main items listed (less than the whole)",
            "expect": "pass",
            "doc": {
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "一般公共预算当年支出",
                        "value": "30.00",
                        "unit": "万元",
                        "raw": "30.00万元",
                        "sentence": "一般公共预算当年支出30.00万元,主要用于:教育支出10.00万元。",
                    },
                    {
                        "kind": "amount",
                        "subject": "教育支出",
                        "value": "10.00",
                        "unit": "万元",
                        "raw": "10.00万元",
                        "sentence": "一般公共预算当年支出30.00万元,主要用于:教育支出10.00万元。",
                    },
                ]
            },
        },
        {
            "name": "no lists",
            "expect": "not_applicable",
            "doc": {"claims": [{"kind": "amount", "subject": "基本支出", "value": "1.00", "unit": "万元"}]},
        },
        {"name": "no narrative figures", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_claims(d)
        res = Resolver(d)
        views = claim_views(d, res)
        wholes = [v for v in views if v.parts and not v.in_reason and "政府采购" not in v.subject]
        if not wholes:
            raise NotApplicable("叙述中没有“其中”列举")
        checked = 0
        for w in wholes:
            if w.kind == "count":
                counts = count_parts(w, w.claim.unit)
                if counts and w.claim.value is not None:
                    checked += 1
                    total = sum((c.claim.value for c in counts), ZERO)  # type: ignore[misc]
                    if total > w.claim.value:
                        yield self._f(
                            w,
                            [c.claim for c in counts],
                            total,
                            w.claim.value,
                            ZERO,
                            w.claim.unit or "",
                            "所列个数之和超过总数",
                            "the counts listed exceed the total",
                        )
                continue
            whole = claim_fig(w.claim)
            parts = money_parts(w)
            if whole is None or not parts or w.kind != "amount":
                continue
            checked += 1
            unit = whole.unit
            total = sum((claim_fig(p.claim).in_unit(unit) for p in parts), ZERO)  # type: ignore[union-attr]
            tol = whole.ulp(unit) + sum((claim_fig(p.claim).ulp(unit) for p in parts), ZERO)  # type: ignore[union-attr]
            diff = whole.value - total
            if diff == 0:
                continue
            keys = {res.key(p.subject) for p in parts}
            wk = res.key(w.subject)
            complete = complete_by_counts(w, views) or any(p <= keys for p in PARTITIONS.get(wk or "", ()))
            if total > whole.value + tol:
                which = ("所列各项之和超过总数", "the parts listed exceed the whole")
            elif complete:
                which = (
                    (
                        "所列个数之和等于总个数,金额之和应等于总金额",
                        "the counts listed make up the total count, so the amounts must make up the total",
                    )
                    if complete_by_counts(w, views)
                    else ("所列各项构成总数的全部,应等于总数", "the parts listed make up the whole")
                )
            else:
                continue
            yield self._f(
                w, [p.claim for p in parts], total, whole.value, tol, unit, *which, rounding=abs(diff) <= tol
            )
        if not checked:
            raise InsufficientData("“其中”列举的数字无法识读")

    def _f(
        self,
        w: ClaimView,
        parts: list,
        expected: Decimal,
        actual: Decimal,
        tol: Decimal,
        unit: str,
        which: str,
        which_en: str,
        rounding: bool = False,
    ) -> Finding:
        f = self.finding(
            expected=expected,
            actual=actual,
            tolerance=tol,
            unit=unit,
            rounding=rounding,
            whole_said=said(w.claim),
            which=which,
            which_en=which_en,
            parts=" + ".join(said(p) for p in parts),
        )
        return at_claim(f, w.claim)
