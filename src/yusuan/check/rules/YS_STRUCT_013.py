"""YS-STRUCT-013 procurement-not-stated: 政府采购 total, goods/works/services split or SME share missing."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from yusuan.check.engine import Context, Finding, InsufficientData, Rule, Severity
from yusuan.check.rules._struct_util import (
    NARRATIVE_DROPPED,
    doc_file,
    narrative_extracted,
    narrative_text,
    sentences,
)
from yusuan.model import Disclosure, ProcurementBudget

_AMOUNT = r"[^。；;]{0,30}?\d[\d,，.]*\s*万?元"
_TOTAL = re.compile(
    r"政府采购[^。；;]{0,20}(?:预算|支出|合同)?总?(?:额|金额|计)"
    + _AMOUNT
    + r"|政府采购[^。；;，,]{0,12}?\d[\d,，.]*\s*万?元"
)
_NONE = re.compile(
    r"(?:无|没有|未安排|不涉及)[^。；;]{0,12}政府采购|政府采购[^。；;]{0,20}(?:无|没有|未安排|不涉及|为零|(?<![\d.])0(?:\.0+)?万?元)"
)
_SPLIT = {
    "goods": ("货物", "goods", re.compile(r"货物" + _AMOUNT)),
    "works": ("工程", "works", re.compile(r"工程" + _AMOUNT)),
    "services": ("服务", "services", re.compile(r"服务" + _AMOUNT)),
}
_SME = re.compile(r"中小企业" + _AMOUNT)
_NUMBER = re.compile(r"\d[\d,，]*(?:\.\d+)?")


def _number(text: str) -> Decimal | None:
    """The last number of a matched phrase ("政府采购预算总额2,416.43万元" → 2416.43)."""
    nums = _NUMBER.findall(text)
    if not nums:
        return None
    try:
        return Decimal(re.sub(r"[,，]", "", nums[-1]))
    except InvalidOperation:
        return None


class ProcurementNotStated(Rule):
    id = "YS-STRUCT-013"
    slug = "procurement-not-stated"
    severity = "error"
    family = "STRUCT"
    title = "未说明政府采购情况"
    title_en = "Government procurement not stated"
    message = "叙述部分未说明{what}"
    message_en = "the narrative does not state {what_en}"
    rationale = (
        "预算公开应说明政府采购预算总额及货物、工程、服务三类金额,没有政府采购的应明确说明(DR-19);决算公开"
        "应说明政府采购支出总额、三类金额和授予中小企业合同金额(DR-20)。依据财预〔2016〕143号及各地公开目录。"
        "本规则只查是否说明;分项之和、中小企业占比是否算对由叙述核对规则检查。叙述尚未提取时为数据不足。"
    )
    cases = [
        {
            "name": "total and split stated",
            "expect": "pass",
            "doc": {
                "tables": [{"kind": "summary"}],
                "sections": [
                    {
                        "heading": "九、政府采购情况",
                        "text": (
                            "2024年孝义市人力资源和社会保障局政府采购预算总额14.83万元。其中:政府采购货物预算5.05万元、"
                            "政府采购工程预算0万元、政府采购服务预算9.78万元。"
                        ),
                    }
                ],
            },
        },
        {
            "name": "no procurement, said so",
            "expect": "pass",
            "doc": {
                "tables": [{"kind": "summary"}],
                "sections": [{"heading": "九、政府采购情况", "text": "本部门2024年无政府采购预算。"}],
            },
        },
        {
            "name": "total without the split",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [{"kind": "summary"}],
                "sections": [{"heading": "九、政府采购情况", "text": "2024年政府采购预算总额14.83万元。"}],
            },
        },
        {
            "name": "works left out, goods + services = total: a notice",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [{"kind": "summary"}],
                "sections": [
                    {
                        "heading": "十二、政府采购支出预算情况说明",
                        "text": (
                            "2019年度本部门政府采购支出预算总额2416.43万元,其中:拟采购货物支出233.1万元、"
                            "拟购买服务支出2183.33万元。"
                        ),
                    }
                ],
            },
        },
        {
            "name": "final accounts without the SME amount",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "meta": {"kind": "final"},
                "tables": [{"kind": "summary"}],
                "procurement": {
                    "total": {"value": "20", "unit": "万元"},
                    "goods": {"value": "5", "unit": "万元"},
                    "works": {"value": "0", "unit": "万元"},
                    "services": {"value": "15", "unit": "万元"},
                },
            },
        },
        {
            "name": "nothing about procurement",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [{"kind": "summary"}],
                "sections": [{"heading": "八、机关运行经费", "text": "机关运行经费52.68万元。"}],
            },
        },
        {
            "name": "narrative not extracted",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": NARRATIVE_DROPPED},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        p = d.procurement
        if not narrative_extracted(d):
            raise InsufficientData("叙述部分尚未提取,无法判断是否说明政府采购")
        if p is not None and p.none_stated:
            return
        about = [s for s in sentences(narrative_text(d)) if "采购" in s]
        has_total = (p is not None and p.total is not None) or any(_TOTAL.search(s) for s in about)
        if not has_total:
            if any(_NONE.search(s) for s in about):
                return  # "无政府采购预算" is an explicit statement (DR-19)
            yield self._f(
                d,
                "政府采购总额(或说明没有政府采购)",
                "the total of government procurement (or that there is none)",
            )
            return
        text = "。".join(about)
        missing = [
            (zh, en)
            for key, (zh, en, rx) in _SPLIT.items()
            if not (p is not None and getattr(p, key) is not None) and not rx.search(text)
        ]
        if missing:
            # the stated parts already make up the total: the one left out is zero (Jiangsu 2019
            # states goods and services only) — a notice that it should be written, not an error
            implicit_zero = self._parts_make_total(p, about)
            yield self._f(
                d,
                "政府采购中"
                + "、".join(z for z, _ in missing)
                + "类的金额"
                + ("(已列各类之和等于总额,应为0,宜写明)" if implicit_zero else ""),
                "the procurement amounts for "
                + ", ".join(e for _, e in missing)
                + (" (the parts stated add up to the total, so it is zero; say so)" if implicit_zero else ""),
                severity="notice" if implicit_zero else None,
            )
        if d.meta.kind == "final" and not _SME.search(narrative_text(d)):
            yield self._f(
                d, "授予中小企业的合同金额", "the contract amount awarded to small and medium enterprises"
            )

    @staticmethod
    def _parts_make_total(p: ProcurementBudget | None, about: list[str]) -> bool:
        """The goods / works / services amounts found add up to the total (within a cent each)."""
        total = p.total.value if p is not None and p.total is not None else None
        if total is None:
            total = next(
                (v for s in about if (m := _TOTAL.search(s)) and (v := _number(m.group(0))) is not None), None
            )
        parts: list[Decimal] = []
        for key, (_, _, rx) in _SPLIT.items():
            a = getattr(p, key) if p is not None else None
            if a is not None and a.value is not None:
                parts.append(a.value)
            elif (m := rx.search("。".join(about))) and (v := _number(m.group(0))) is not None:
                parts.append(v)
        return total is not None and bool(parts) and abs(sum(parts) - total) <= Decimal("0.01") * len(parts)

    def _f(self, d: Disclosure, what: str, what_en: str, severity: Severity | None = None) -> Finding:
        f = self.finding(what=what, what_en=what_en, severity=severity)
        f.file = doc_file(d)
        return f
