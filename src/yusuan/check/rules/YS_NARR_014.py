"""YS-NARR-014 three-public-change-unexplained: the "三公" explanation states no change against last
year, or a change without its reason."""

from __future__ import annotations

import re
from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._narr import ZERO, all_claims, own_sections, require_narrative
from yusuan.extract.claims import normalise_text, stated_reasons
from yusuan.model import Claim, Disclosure, Provenance

_SECTION = re.compile(r"三公")
# "未安排“三公”经费" / "三公经费为0": nothing this year, so nothing changed to explain beyond that
_NONE = re.compile(
    r"(?:无|没有|未安排|不涉及)[^。;]{0,10}三公|三公[^。;]{0,16}(?:均为0|为零|为0(?:\.0+)?万?元)"
)


def three_public_text(d: Disclosure) -> tuple[str, list[Claim], Provenance] | None:
    """The 三公 explanation: its text, its claims and where it starts."""
    if d.three_public is not None and d.three_public.text:
        claims = [
            c for c in all_claims(d) if c.section and _SECTION.search(c.section)
        ] or d.three_public.claims
        return d.three_public.text, claims, d.three_public.source
    secs = [s for s in own_sections(d) if _SECTION.search(s.heading)]
    if not secs:
        return None
    heads = {s.heading for s in secs}
    return "\n".join(s.text for s in secs), [c for c in all_claims(d) if c.section in heads], secs[0].source


class ThreePublicChangeUnexplained(Rule):
    id = "YS-NARR-014"
    slug = "three-public-change-unexplained"
    severity = "error"
    family = "NARR"
    title = "“三公”经费未说明增减变化或原因"
    title_en = "'Three public' expenses: change or its reason not stated"
    message = "“三公”经费说明{what}"
    message_en = "the 'three public' explanation {what_en}"
    rationale = (
        "“三公”经费说明应写明与上年相比的增减(或与上年相同)并说明增减原因(REQUIREMENTS.md DR-16:change and re"
        "ason present;财预〔2016〕143号)。写明“与上年相同/持平”或本年未安排的,无需原因;原因留空(“主要原因是。"
        "”)由 YS-FORMAT-005 报告。数字是否与“三公”经费表一致由 YS-NARR-001、YS-NARR-005/006 检查。"
    )
    cases = [
        {"name": "sample: same as last year", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "a decrease with its reason",
            "expect": "pass",
            "doc": {
                "sections": [
                    {
                        "heading": '七、"三公"经费增减变动原因说明',
                        "text": '"三公"经费预算13.20万元,比上年减少2.00万元,主要原因是公务用车运行费压减。',
                    }
                ],
                "claims": [
                    {
                        "kind": "change",
                        "subject": '"三公"经费预算',
                        "value": "2.00",
                        "unit": "万元",
                        "direction": -1,
                        "section": '七、"三公"经费增减变动原因说明',
                    }
                ],
            },
        },
        {
            "name": "a decrease without a reason",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "sections": [
                    {
                        "heading": '七、"三公"经费增减变动原因说明',
                        "text": '"三公"经费预算13.20万元,比上年减少2.00万元。',
                    }
                ],
                "claims": [
                    {
                        "kind": "change",
                        "subject": '"三公"经费预算',
                        "value": "2.00",
                        "unit": "万元",
                        "direction": -1,
                        "section": '七、"三公"经费增减变动原因说明',
                    }
                ],
            },
        },
        {
            "name": "amount only, no comparison with last year",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "sections": [{"heading": '七、"三公"经费预算情况说明', "text": '"三公"经费预算13.20万元。'}],
                "claims": [
                    {
                        "kind": "amount",
                        "subject": '"三公"经费预算',
                        "value": "13.20",
                        "unit": "万元",
                        "section": '七、"三公"经费预算情况说明',
                    }
                ],
            },
        },
        {
            "name": "no 三公 explanation",
            "expect": "insufficient_data",
            "doc": {"sections": [{"heading": "九、政府采购情况", "text": "政府采购预算总额14.83万元。"}]},
        },
        {"name": "no narrative", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_narrative(d)
        found = three_public_text(d)
        if found is None:
            raise InsufficientData("没有“三公”经费说明(缺失由 YS-STRUCT 规则报告)")
        text, claims, where = found
        norm = normalise_text(text)
        moved = [c for c in claims if c.kind in ("change", "rate") and c.value not in (None, ZERO)]
        stated = moved or [c for c in claims if c.kind in ("same", "change", "rate")]
        if not stated and not _NONE.search(norm) and not re.search(r"持平|相同|无变化|一致", norm):
            yield self._f(d, where, "未说明与上年相比的增减变化", "states no change against last year")
            return
        if moved and not stated_reasons(text) and "原因" not in norm:
            c = moved[0]
            f = self._f(d, where, "写明了增减变化,但未说明原因", "states a change but no reason for it")
            f.line = c.source.line or f.line
            yield f

    def _f(self, d: Disclosure, where: Provenance, what: str, what_en: str) -> Finding:
        f = self.finding(what=what, what_en=what_en)
        f.file = where.file or (d.meta.source_files[0] if d.meta.source_files else None)
        f.page, f.line = where.page, where.line
        return f
