"""YS-NARR-003 share-not-part-over-whole: a printed 占X% differs from the part divided by the whole."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._narr import (
    HUNDRED,
    ClaimView,
    Fig,
    Resolver,
    amount_fig,
    at_claim,
    claim_fig,
    claim_views,
    fmt,
    percent_bound,
    percent_finding_values,
    require_claims,
)
from yusuan.extract.claims import normalise_text
from yusuan.model import Disclosure


@dataclass
class Share:
    view: ClaimView
    part: Fig
    whole: Fig
    whole_name: str
    part_view: ClaimView

    @property
    def exact(self) -> Decimal:
        unit = "万元" if "万元" in (self.part.unit, self.whole.unit) else "元"
        return HUNDRED * self.part.in_unit(unit) / self.whole.in_unit(unit)

    def bound(self) -> Decimal:
        unit = "万元" if "万元" in (self.part.unit, self.whole.unit) else "元"
        return percent_bound(
            self.view.claim.precision,
            self.part.in_unit(unit),
            self.part.ulp(unit),
            self.whole.in_unit(unit),
            self.whole.ulp(unit),
        )


def _part(v: ClaimView, views: list[ClaimView]) -> ClaimView | None:
    """The amount a share is of: printed just before it, in the same sentence, with its subject."""
    for u in reversed(views[: v.index]):
        if u.sentence_no != v.sentence_no:
            break
        if u.kind == "amount" and (u.subject == v.subject or not v.subject):
            return u
        if u.kind == "share":
            break
    return None


def _whole(v: ClaimView, views: list[ClaimView], res: Resolver) -> tuple[Fig, str] | None:
    """The whole a share is of: the amount the text names (占X) printed earlier in the section, else the
    table figure of that name; without a name, the figure its 其中 list belongs to."""
    ref = normalise_text(v.claim.reference or "")
    if ref:
        for u in reversed(views[: v.index]):
            if u.claim.section != v.claim.section:
                break
            # the whole is named exactly ("占预算收入的"), possibly with its year ("2024年预算收入")
            if u.kind == "amount" and re.sub(r"^\d{4}年度?", "", u.subject) == ref:
                fig = claim_fig(u.claim)
                if fig is not None:
                    return fig, u.subject
        cell = res.figure_of(ref, v.claim.section or "")
        if cell is not None:
            a = cell.amount
            fig = amount_fig(a) if a is not None else None
            if fig is not None:
                return fig, f"{ref}({cell.where()})"
        return None
    if v.whole is not None and v.whole.kind == "amount":
        fig = claim_fig(v.whole.claim)
        if fig is not None:
            return fig, v.whole.subject
    return None


def share_groups(found: list[Share]) -> list[list[Share]]:
    """Shares of one whole in one section (the list a 其中 / 主要用于 sentence gives)."""
    groups: dict[tuple[str | None, str, str], list[Share]] = {}
    for s in found:
        groups.setdefault((s.view.claim.section, s.whole_name, str(s.whole.value)), []).append(s)
    return list(groups.values())


def _groups_made_to_100(found: list[Share]) -> set[int]:
    out: set[int] = set()
    for g in share_groups(found):
        if len(g) >= 2 and sum(s.view.claim.value for s in g) == HUNDRED:  # type: ignore[misc]
            out.update(id(s) for s in g)
    return out


def shares(d: Disclosure) -> tuple[list[ClaimView], list[Share]]:
    """Every printed share, and those whose part and whole could be found."""
    res = Resolver(d)
    views = claim_views(d, res)
    printed = [v for v in views if v.kind == "share" and v.claim.value is not None]
    out = []
    for v in printed:
        pv = _part(v, views)
        part = claim_fig(pv.claim) if pv is not None else None
        whole = _whole(v, views, res)
        if pv is None or part is None or whole is None or whole[0].value == 0:
            continue
        out.append(Share(v, part, whole[0], whole[1], pv))
    return printed, out


class ShareNotPartOverWhole(Rule):
    id = "YS-NARR-003"
    slug = "share-not-part-over-whole"
    severity = "error"
    family = "NARR"
    title = "占比与部分除以整体不符"
    title_en = "Printed share differs from part / whole"
    message = (
        "“{subject}”{part}占{whole_name}{whole}的比例应为 {expected}%,叙述为 {actual}%,相差 {diff} 个百分点{n"
        "ote}"
    )
    message_en = (
        "'{subject}' {part} of {whole_name} {whole} is {expected}%, the narrative says {actual}%; difference "
        "{diff} points{note_en}"
    )
    rationale = (
        "叙述中的“占X%”等于部分除以整体,按印出的小数位核对(DOMAIN.md“Narrative against tables”:every 占X% equ"
        "als part / whole;DR-28)。部分取紧挨在前的同名金额,整体取“占”后所说的数(先找叙述中印出的,再找报表),未"
        "说明时取“其中”之前的总数。印出值等于准确比例按印出位数四舍五入的结果为通过;差额在百分比半个末位加两"
        "金额舍入误差所致的范围内为舍入提示,超出为错误。"
    )
    cases = [
        {"name": "sample shares are right", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "sample with 基本支出 占12.19%",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi", "patch": [{"claim": "12.09%", "value": "12.19"}]},
        },
        {
            "name": "a share off in the last digit because the amounts are rounded",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "支出预算",
                        "value": "3.0",
                        "unit": "万元",
                        "sentence": "s",
                    },
                    {
                        "kind": "amount",
                        "subject": "基本支出",
                        "value": "1.0",
                        "unit": "万元",
                        "sentence": "s",
                    },
                    {
                        "kind": "share",
                        "subject": "基本支出",
                        "value": "33.5",
                        "precision": 1,
                        "unit": "%",
                        "reference": "支出预算",
                        "sentence": "s",
                    },
                ]
            },
        },
        {
            "name": "one share a hundredth low so that the list adds up to 100%",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "claims": [
                    {"kind": "amount", "subject": "支出", "value": "307.82", "unit": "万元", "sentence": "s"},
                    {
                        "kind": "amount",
                        "subject": "一般公共服务支出",
                        "value": "278.41",
                        "unit": "万元",
                        "sentence": "s",
                    },
                    {
                        "kind": "share",
                        "subject": "一般公共服务支出",
                        "value": "90.45",
                        "precision": 2,
                        "unit": "%",
                        "reference": "支出",
                        "sentence": "s",
                    },
                    {
                        "kind": "amount",
                        "subject": "住房保障支出",
                        "value": "29.42",
                        "unit": "万元",
                        "sentence": "s",
                    },
                    {
                        "kind": "share",
                        "subject": "住房保障支出",
                        "value": "9.55",
                        "precision": 2,
                        "unit": "%",
                        "reference": "支出",
                        "sentence": "s",
                    },
                ]
            },
        },
        {
            "name": "no shares",
            "expect": "not_applicable",
            "doc": {"claims": [{"kind": "amount", "subject": "基本支出", "value": "1.00", "unit": "万元"}]},
        },
        {"name": "no narrative figures", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_claims(d)
        printed, found = shares(d)
        if not printed:
            raise NotApplicable("叙述中没有“占X%”")
        if not found:
            raise InsufficientData("找不到占比所对应的部分或整体金额")
        adjusted = _groups_made_to_100(found)
        for s in found:
            c = s.view.claim
            verdict = percent_finding_values(c.value, c.precision, s.exact, s.bound())  # type: ignore[arg-type]
            if verdict is None:
                continue
            kind, expected = verdict
            note = note_en = ""
            if (
                kind == "error"
                and id(s) in adjusted
                and abs(c.value - expected) == Decimal(1).scaleb(-c.precision)
            ):
                # one unit off in a list whose shares were evened out to add up to exactly 100%
                # (largest-remainder rounding): a rounding convention, not a wrong ratio
                kind = "rounding"
                note, note_en = "(各项占比调整为合计100%)", " (the shares were evened out to total 100%)"
            f = self.finding(
                expected=expected,
                actual=c.value,
                tolerance=s.bound(),
                unit="%",
                rounding=kind == "rounding",
                subject=c.subject,
                part=fmt(s.part.value) + s.part.unit,
                whole=fmt(s.whole.value) + s.whole.unit,
                whole_name=s.whole_name,
                note=note,
                note_en=note_en,
            )
            yield at_claim(f, c)
