"""YS-NARR-008 same-as-last-year-but-changed: "与上年相同" said of a figure that changed."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._narr import (
    THREE_PUBLIC_ROW,
    ZERO,
    Fig,
    Resolver,
    amount_fig,
    at_claim,
    claim_views,
    fmt,
    printed_base,
    require_claims,
    this_year,
)
from yusuan.model import Disclosure


class SameAsLastYearButChanged(Rule):
    id = "YS-NARR-008"
    slug = "same-as-last-year-but-changed"
    severity = "error"
    family = "NARR"
    title = "称“与上年相同”但数字有变化"
    title_en = "Said to be the same as last year, but the figures changed"
    message = "“{subject}”称{said},但{why}"
    message_en = "'{subject}' is said to be the same as last year, but {why_en}"
    rationale = (
        "“与上年相同/持平”意味着增减为零(DOMAIN.md“Narrative against tables”;DR-16“三公”经费增减、DR-24、DR-2"
        "8)。同一句又写出非零的增减额或增减率、比较基数印出的上年数与本年数不同、或“三公”经费表的上年数列与本"
        "年数不同,均为错误。既无上年数也无增减数时无法核对(数据不足)。"
    )
    cases = [
        {
            "name": "三公 same as last year, and the table's last-year column agrees",
            "expect": "pass",
            "doc": {
                "tables": [
                    {
                        "kind": "three_public",
                        "rows": [
                            {
                                "key": "total",
                                "role": "total",
                                "values": {"total": "13.20", "last_year": "13.20"},
                            }
                        ],
                    }
                ],
                "claims": [
                    {
                        "kind": "amount",
                        "subject": '"三公"经费预算',
                        "value": "13.20",
                        "unit": "万元",
                        "sentence": "s",
                    },
                    {
                        "kind": "same",
                        "subject": '"三公"经费预算',
                        "direction": 0,
                        "reference": "2023年预算数",
                        "sentence": "s",
                    },
                ],
            },
        },
        {
            "name": "same, but last year's figure printed is different",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "公务接待费",
                        "value": "2.00",
                        "unit": "万元",
                        "sentence": "s",
                    },
                    {
                        "kind": "same",
                        "subject": "公务接待费",
                        "direction": 0,
                        "reference": "上年预算数1.50万元",
                        "sentence": "s",
                    },
                ]
            },
        },
        {
            "name": "same, and an increase in the same sentence",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "公务接待费",
                        "value": "2.00",
                        "unit": "万元",
                        "sentence": "s",
                    },
                    {
                        "kind": "same",
                        "subject": "公务接待费",
                        "direction": 0,
                        "reference": "上年",
                        "sentence": "s",
                    },
                    {
                        "kind": "change",
                        "subject": "公务接待费",
                        "value": "0.50",
                        "unit": "万元",
                        "direction": 1,
                        "reference": "上年",
                        "sentence": "s",
                    },
                ]
            },
        },
        {
            "name": "sample: nothing printed to compare with",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi"},
        },
        {
            "name": "no 'same' statements",
            "expect": "not_applicable",
            "doc": {"claims": [{"kind": "amount", "subject": "基本支出", "value": "1.00", "unit": "万元"}]},
        },
        {"name": "no narrative figures", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_claims(d)
        res = Resolver(d)
        views = claim_views(d, res)
        same = [v for v in views if v.kind == "same"]
        if not same:
            raise NotApplicable("叙述中没有“与上年相同”")
        checked = 0
        for v in same:
            c = v.claim
            said = f"与{c.reference or '上年'}相同"
            moved = [
                u
                for u in views
                if u.sentence_no == v.sentence_no
                and u.kind in ("change", "rate")
                and u.subject == v.subject
                and u.claim.value not in (None, ZERO)
            ]
            this, _ = this_year(v, views, res)
            last, unit_printed = printed_base(c.reference)
            if last is not None and not unit_printed and this is not None:
                last = Fig(last.value, this.unit, last.precision)
            if last is None and this is not None:
                last = self._table_last_year(res, v.subject)
            if moved or (this is not None and last is not None):
                checked += 1
            if moved:
                m = moved[0].claim
                f = self.finding(
                    expected=ZERO,
                    actual=m.value,
                    unit=m.unit,
                    subject=c.subject,
                    said=said,
                    why=f"同一句又写{'增加' if m.direction == 1 else '减少'} {fmt(m.value)}{m.unit or ''}",
                    why_en=f"the same sentence states a change of {fmt(m.value)} {m.unit or ''}",
                )
                yield at_claim(f, c)
                continue
            if this is None or last is None:
                continue
            unit = this.unit
            last_v = last.in_unit(unit)
            tol = this.ulp(unit) + last.ulp(unit)
            if abs(this.in_unit(unit) - last_v) <= tol:
                continue
            f = self.finding(
                expected=last_v,
                actual=this.in_unit(unit),
                unit=unit,
                subject=c.subject,
                said=said,
                why=f"本年 {fmt(this.value)}{this.unit},上年 {fmt(last_v)}{unit}",
                why_en=f"this year {fmt(this.value)}, last year {fmt(last_v)} {unit}",
            )
            yield at_claim(f, c)
        if not checked:
            raise InsufficientData("“与上年相同”的说明既无上年数也无增减数,无法核对")

    @staticmethod
    def _table_last_year(res: Resolver, subject: str) -> Fig | None:
        """Last year's figure from the 三公 table's 上年数 column, when the table prints one."""
        k = res.key(subject)
        t = res.tables.get("three_public")
        if k not in THREE_PUBLIC_ROW or t is None:
            return None
        row = t.row_by_key(THREE_PUBLIC_ROW[k])
        a = row.values.get("last_year") if row is not None else None
        return amount_fig(a) if a is not None else None
