"""YS-NARR-010 performance-projects-differ-from-project-table: the count or amount of projects with
performance targets stated in the narrative differs from the project tables."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._arith import total_row
from yusuan.check.rules._narr import (
    MONEY,
    ZERO,
    ClaimView,
    Fig,
    Resolver,
    amount_fig,
    at_claim,
    claim_fig,
    claim_views,
    fmt,
    require_claims,
)
from yusuan.check.rules.YS_NARR_011 import complete_by_counts, money_parts
from yusuan.model import Disclosure

# what the narrative counts: projects under performance management / with published targets
_PROJECTS = re.compile(r"项目|绩效目标")
_TARGET_TABLES = re.compile(r"公开|绩效目标表")


@dataclass
class Scope:
    """Projects of one or both project tables: how many and how much."""

    name: str
    name_en: str
    count: int
    total: Fig | None


def scopes(d: Disclosure) -> list[Scope]:
    """本年, 上年结转, and both together, as the project tables print them."""
    cur = [p for p in d.projects if p.period == "current"]
    carry = [p for p in d.projects if p.period == "carryover"]
    tot_cur = _table_total(d, "project_current", cur)
    tot_carry = _table_total(d, "project_carryover", carry)
    out = [Scope("本年项目", "this year's projects", len(cur), tot_cur)]
    if carry:
        out.append(Scope("上年结转项目", "carried-over projects", len(carry), tot_carry))
        both = None
        if tot_cur is not None and tot_carry is not None:
            both = Fig(
                tot_cur.in_unit("万元") + tot_carry.in_unit("万元"),
                "万元",
                max(tot_cur.precision, tot_carry.precision),
            )
        out.append(
            Scope("本年与上年结转项目", "this year's and carried-over projects", len(cur) + len(carry), both)
        )
    return out


def _table_total(d: Disclosure, kind: str, projects: list) -> Fig | None:
    t = d.table(kind)
    tr = total_row(t) if t is not None else None
    a = tr.values.get("total") if tr is not None else None
    if a is not None:
        return amount_fig(a)
    figs = [amount_fig(p.amounts["total"]) for p in projects if "total" in p.amounts]
    if not figs or any(f is None for f in figs):
        return None
    return Fig(sum((f.in_unit("万元") for f in figs), ZERO), "万元", 2)  # type: ignore[union-attr]


def statements(views: list[ClaimView]) -> list[tuple[ClaimView, ClaimView]]:
    """(count, amount) pairs that state how many projects and how much: "二级项目37个,共计金额…"."""
    out = []
    for i, v in enumerate(views):
        if (
            v.kind != "count"
            or v.whole is not None
            or v.claim.value is None
            or not _PROJECTS.search(v.subject)
        ):
            continue
        if not ("绩效" in (v.claim.section or "") or "绩效" in v.subject or "绩效" in v.claim.sentence):
            continue
        nxt = views[i + 1] if i + 1 < len(views) else None
        if (
            nxt is not None
            and nxt.kind == "amount"
            and nxt.sentence_no == v.sentence_no
            and nxt.claim.unit in MONEY
            and nxt.claim.value is not None
        ):
            out.append((v, nxt))
    return out


class PerformanceProjectsDifferFromProjectTable(Rule):
    id = "YS-NARR-010"
    slug = "performance-projects-differ-from-project-table"
    severity = "error"
    family = "NARR"
    title = "绩效目标项目的个数或金额与项目支出表不符"
    title_en = "Count or amount of projects with performance targets differs from the project tables"
    message = "叙述“{count_said},{amount_said}”{why}"
    message_en = "the narrative's '{count_said}, {amount_said}' {why_en}"
    rationale = (
        "纳入绩效目标管理(公开绩效目标)的项目个数和金额应与项目支出表一致(DOMAIN.md“Narrative against tables”"
        ":counts and totals of projects with performance targets match the project table;REQUIREMENTS.md DR-2"
        "2、DR-28)。个数与某一口径(本年、上年结转、两者合计)的项目个数相同时,金额应等于该口径的合计;完整列出"
        "的分类金额之和与该口径合计的差额在舍入范围内为舍入提示。已提取绩效目标表时,公开的绩效目标个数应等于"
        "目标表张数(警告)。"
    )
    cases = [
        {
            "name": "sample: 37 projects (本年) but 31,603.71 (本年 + 结转), twice; 37 targets, 36 tables",
            "expect": "fail",
            "findings": 3,
            "rounding": 2,
            "doc": {"base": "shanxi"},
        },
        {
            "name": "count and amount of this year's projects",
            "expect": "pass",
            "doc": {
                "projects": [
                    {"name": "a", "unit": "u", "amounts": {"total": "10.00"}},
                    {"name": "b", "unit": "u", "amounts": {"total": "5.00"}},
                ],
                "claims": [
                    {
                        "kind": "count",
                        "subject": "二级项目",
                        "value": "2",
                        "unit": "个",
                        "sentence": "s",
                        "section": "2、项目绩效目标",
                    },
                    {
                        "kind": "amount",
                        "subject": "二级项目共计金额",
                        "value": "15.00",
                        "unit": "万元",
                        "sentence": "s",
                        "section": "2、项目绩效目标",
                    },
                ],
            },
        },
        {
            "name": "three projects stated, two in the table",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "projects": [
                    {"name": "a", "unit": "u", "amounts": {"total": "10.00"}},
                    {"name": "b", "unit": "u", "amounts": {"total": "5.00"}},
                ],
                "claims": [
                    {
                        "kind": "count",
                        "subject": "二级项目",
                        "value": "3",
                        "unit": "个",
                        "sentence": "s",
                        "section": "2、项目绩效目标",
                    },
                    {
                        "kind": "amount",
                        "subject": "二级项目共计金额",
                        "value": "16.00",
                        "unit": "万元",
                        "sentence": "s",
                        "section": "2、项目绩效目标",
                    },
                ],
            },
        },
        {
            "name": "no project tables",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop": "projects"}]},
        },
        {
            "name": "no project statements",
            "expect": "not_applicable",
            "doc": {"claims": [{"kind": "amount", "subject": "基本支出", "value": "1.00", "unit": "万元"}]},
        },
        {"name": "no narrative figures", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_claims(d)
        views = claim_views(d, Resolver(d))
        found = statements(views)
        if not found:
            raise NotApplicable("叙述中没有绩效目标项目的个数和金额")
        if not d.projects:
            raise InsufficientData("没有项目支出表(或未能读出项目),无法核对项目个数和金额")
        sc = scopes(d)
        for count_v, amount_v in found:
            yield from self._statement(d, views, sc, count_v, amount_v)

    def _statement(
        self, d: Disclosure, views: list[ClaimView], sc: list[Scope], count_v: ClaimView, amount_v: ClaimView
    ) -> Iterable[Finding]:
        n = int(count_v.claim.value)  # type: ignore[arg-type]
        stated = claim_fig(amount_v.claim)
        assert stated is not None
        base = {
            "count_said": f"{count_v.subject}{n}{count_v.claim.unit or ''}",
            "amount_said": f"{amount_v.subject}{fmt(stated.value)}{stated.unit}",
        }

        def close(s: Scope) -> tuple[Decimal, Decimal] | None:
            if s.total is None:
                return None
            return stated.in_unit("万元") - s.total.in_unit("万元"), stated.ulp("万元") + s.total.ulp("万元")

        by_count = [s for s in sc if s.count == n]
        by_amount = [s for s in sc if (c := close(s)) is not None and abs(c[0]) <= c[1]]
        both = [s for s in by_count if s in by_amount]
        if both:
            s = both[0]
            diff, tol = close(s)  # type: ignore[misc]
            if diff:
                yield self._f(
                    amount_v,
                    s.total.in_unit("万元"),
                    stated.in_unit("万元"),
                    tol,
                    True,  # type: ignore[union-attr]
                    f"与{s.name}合计在舍入范围内一致",
                    f"agrees with {s.name_en} within rounding",
                    base,
                )
            yield from self._parts(views, amount_v, s)
        elif by_count:
            s = by_count[0]
            other = (
                ",而等于" + "、".join(f"{x.name}({x.count}个)合计" for x in by_amount) if by_amount else ""
            )
            other_en = (
                f" (it equals the total of the {by_amount[0].count} {by_amount[0].name_en})"
                if by_amount
                else ""
            )
            if s.total is None:
                return
            diff, tol = close(s)  # type: ignore[misc]
            yield self._f(
                amount_v,
                s.total.in_unit("万元"),
                stated.in_unit("万元"),
                tol,
                False,
                f"的个数是{s.name}的个数({s.count}个),但金额不是{s.name}合计 {fmt(s.total.value)}万元{other}",
                f"counts {s.name_en} ({s.count}) but its amount is not their total {fmt(s.total.value)}"
                f"{other_en}",
                base,
            )
            yield from self._parts(views, amount_v, s)
        else:
            s = by_amount[0] if by_amount else sc[0]
            f = self.finding(
                expected=Decimal(s.count),
                actual=Decimal(n),
                unit="个",
                why=f"的个数与项目支出表{s.name}个数({s.count}个)不符",
                why_en=f"does not match the {s.count} {s.name_en} of the project tables",
                **base,
            )
            yield at_claim(f, count_v.claim)
        if (
            d.performance_targets
            and _TARGET_TABLES.search(count_v.subject)
            and len(d.performance_targets) != n
        ):
            f = self.finding(
                severity="warning",
                expected=Decimal(len(d.performance_targets)),
                actual=Decimal(n),
                unit="个",
                why=f"与文件所附绩效目标表张数({len(d.performance_targets)}张)不符",
                why_en=f"differs from the {len(d.performance_targets)} target tables attached",
                **base,
            )
            yield at_claim(f, count_v.claim)

    def _parts(self, views: list[ClaimView], amount_v: ClaimView, s: Scope) -> Iterable[Finding]:
        """A complete breakdown (其中 A类n个…; B类m个…) against the project table's total of the scope."""
        parts = money_parts(amount_v)
        if not parts or s.total is None or not complete_by_counts(amount_v, views):
            return
        figs = [claim_fig(p.claim) for p in parts]
        total = sum((f.in_unit("万元") for f in figs if f is not None), ZERO)
        tol = s.total.ulp("万元") + sum((f.ulp("万元") for f in figs if f is not None), ZERO)
        diff = total - s.total.in_unit("万元")
        if diff == 0:
            return
        f = self.finding(
            expected=s.total.in_unit("万元"),
            actual=total,
            tolerance=tol,
            unit="万元",
            rounding=abs(diff) <= tol,
            count_said=" + ".join(f"{p.subject}" for p in parts),
            amount_said=f"合计{fmt(total)}万元",
            why=f"与项目支出表{s.name}合计 {fmt(s.total.value)}万元相差 {fmt(diff)}万元",
            why_en=f"differs from the {s.name_en} total {fmt(s.total.value)} by {fmt(diff)}",
        )
        yield at_claim(f, parts[0].claim)

    def _f(
        self,
        v: ClaimView,
        expected: Decimal,
        actual: Decimal,
        tol: Decimal,
        rounding: bool,
        why: str,
        why_en: str,
        base: dict[str, str],
    ) -> Finding:
        f = self.finding(
            expected=expected,
            actual=actual,
            tolerance=tol,
            unit="万元",
            rounding=rounding,
            why=why,
            why_en=why_en,
            **base,
        )
        return at_claim(f, v.claim)
