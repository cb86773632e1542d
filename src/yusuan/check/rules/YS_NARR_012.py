"""YS-NARR-012 procurement-split-not-total: 政府采购 goods + works + services differ from the stated total
(or from the procurement table)."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import total_row
from yusuan.check.rules._narr import ZERO, Fig, all_claims, amount_fig, claim_fig, fmt, require_narrative
from yusuan.model import Amount, Disclosure, Provenance

_PARTS = (("goods", "货物"), ("works", "工程"), ("services", "服务"))


def _from_claims(d: Disclosure) -> dict[str, tuple[Fig, Provenance]]:
    """The four amounts read from the narrative's claims when the extractor built no 政府采购 record."""
    out: dict[str, tuple[Fig, Provenance]] = {}
    for c in all_claims(d):
        if c.kind != "amount" or "政府采购" not in c.subject + (c.section or ""):
            continue
        fig = claim_fig(c)
        if fig is None:
            continue
        for key, word in _PARTS:
            if word in c.subject and key not in out:
                out[key] = (fig, c.source)
                break
        else:
            if ("总" in c.subject or "政府采购预算" in c.subject) and "total" not in out:
                out["total"] = (fig, c.source)
    return out


def _amount(a: Amount | None) -> tuple[Fig, Provenance] | None:
    if a is None:
        return None
    fig = amount_fig(a)
    return (fig, a.source) if fig is not None else None


class ProcurementSplitNotTotal(Rule):
    id = "YS-NARR-012"
    slug = "procurement-split-not-total"
    severity = "error"
    family = "NARR"
    title = "政府采购货物、工程、服务之和不等于采购总额"
    title_en = "Procurement goods + works + services differ from the total"
    message = "政府采购{what}为 {actual}{unit},{against} {expected}{unit},相差 {diff}{unit}"
    message_en = (
        "government procurement {what_en} is {actual} {unit}, {against_en} {expected} {unit}; difference {dif"
        "f} {unit}"
    )
    rationale = (
        "预算公开说明政府采购预算总额及货物、工程、服务三类金额,三类之和等于总额(REQUIREMENTS.md DR-19:goods "
        "+ works + services = total within rounding;DR-28);有政府采购预算表时,说明的总额应等于表中合计。明确"
        "说明“无政府采购预算”的通过;未说明或分类不全由 YS-STRUCT-013 报告,这里为数据不足。"
    )
    cases = [
        {"name": "sample: 5.05 + 0 + 9.78 = 14.83", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "split short by 1.00",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "procurement": {
                    "total": {"value": "15.83", "unit": "万元"},
                    "goods": {"value": "5.05", "unit": "万元"},
                    "works": {"value": "0", "unit": "万元", "precision": 0},
                    "services": {"value": "9.78", "unit": "万元"},
                }
            },
        },
        {
            "name": "read from the narrative's figures",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "claims": [
                    {"kind": "amount", "subject": "政府采购预算总额", "value": "14.83", "unit": "万元"},
                    {"kind": "amount", "subject": "政府采购货物预算", "value": "5.05", "unit": "万元"},
                    {"kind": "amount", "subject": "政府采购工程预算", "value": "1.00", "unit": "万元"},
                    {"kind": "amount", "subject": "政府采购服务预算", "value": "9.78", "unit": "万元"},
                ]
            },
        },
        {
            "name": "no procurement stated",
            "expect": "pass",
            "doc": {"procurement": {"none_stated": True, "text": "本部门无政府采购预算。"}},
        },
        {
            "name": "total without the split",
            "expect": "insufficient_data",
            "doc": {"procurement": {"total": {"value": "14.83", "unit": "万元"}}},
        },
        {"name": "no narrative", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        p = d.procurement
        if p is None:
            require_narrative(d)
        if p is not None and p.none_stated:
            return
        got: dict[str, tuple[Fig, Provenance]] = {}
        if p is not None:
            for key in ("total", "goods", "works", "services"):
                a = _amount(getattr(p, key))
                if a is not None:
                    got[key] = a
        for key, val in _from_claims(d).items():
            got.setdefault(key, val)
        if "total" not in got:
            raise InsufficientData("未说明政府采购总额(由 YS-STRUCT-013 报告)")
        total, where = got["total"]
        checked = False
        if all(k in got for k, _ in _PARTS):
            checked = True
            figs = [got[k][0] for k, _ in _PARTS]
            unit = total.unit
            s = sum((f.in_unit(unit) for f in figs), ZERO)
            tol = total.ulp(unit) + sum((f.ulp(unit) for f in figs), ZERO)
            if s != total.value:
                parts = "、".join(f"{w}{fmt(f.value)}" for (_, w), f in zip(_PARTS, figs, strict=True))
                f = self.finding(
                    expected=s,
                    actual=total.value,
                    tolerance=tol,
                    unit=unit,
                    rounding=abs(total.value - s) <= tol,
                    what="总额",
                    what_en="total",
                    against=f"三类之和({parts})为",
                    against_en="goods + works + services are",
                )
                yield self._at(f, where)
        t = d.table("procurement")
        tr = total_row(t) if t is not None else None
        a = tr.values.get("total") if tr is not None else None
        tf = amount_fig(a) if a is not None else None
        if tf is not None:
            checked = True
            unit = "万元" if "万元" in (tf.unit, total.unit) else "元"
            diff = total.in_unit(unit) - tf.in_unit(unit)
            tol = total.ulp(unit) + tf.ulp(unit)
            if diff != 0:
                f = self.finding(
                    expected=tf.in_unit(unit),
                    actual=total.in_unit(unit),
                    tolerance=tol,
                    unit=unit,
                    rounding=abs(diff) <= tol,
                    what="总额",
                    what_en="total",
                    against=f"表{t.number}《{t.title}》合计为",
                    against_en=f"table {t.number} total is",
                )  # type: ignore[union-attr]
                yield self._at(f, where)
        if not checked:
            raise InsufficientData("未分别说明政府采购货物、工程、服务金额(由 YS-STRUCT-013 报告)")

    @staticmethod
    def _at(f: Finding, where: Provenance) -> Finding:
        f.file, f.page, f.line = where.file or f.file, where.page, where.line
        return f
