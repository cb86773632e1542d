"""YS-NARR-002 narrative-amount-unverifiable: the narrative states an amount of a known subject that
no table prints."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._narr import at_claim, require_claims, said
from yusuan.check.rules.YS_NARR_001 import tie_candidates
from yusuan.model import Disclosure


class NarrativeAmountUnverifiable(Rule):
    id = "YS-NARR-002"
    slug = "narrative-amount-unverifiable"
    severity = "notice"
    family = "NARR"
    title = "叙述中的金额在报表中找不到对应数字"
    title_en = "Narrative amount has no table figure to check it against"
    message = "叙述“{said}”说的是{concept},但报表中没有这个数字(缺表、缺行或无法识读),未能核对"
    message_en = (
        "the narrative's '{said}' is the {concept}, but no table prints that figure (table or row missing, or"
        " unreadable): not checked"
    )
    rationale = (
        "叙述中的金额应能在报表中核对(DR-28 内容准确)。主语能识别(如“三公”经费、机关运行经费、某一支出功能类)"
        "而对应的报表或行缺失、数字无法识读时,不能当作通过,列为提示供人工核对(DESIGN.md“Unknown is not pass”)"
        "。主语无法识别的金额不提示。"
    )
    cases = [
        {"name": "sample: every known amount has its table", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "三公 and its four items stated, no 三公 table",
            "expect": "fail",
            "findings": 5,
            "doc": {"base": "shanxi", "patch": [{"drop_table": "three_public"}]},
        },
        {
            "name": "an unknown subject is not reported",
            "expect": "insufficient_data",
            "doc": {
                "claims": [{"kind": "amount", "subject": "就业补助资金", "value": "1.00", "unit": "万元"}]
            },
        },
        {"name": "no narrative figures", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_claims(d)
        known = 0
        missing: dict[str, int] = {}
        for v, concepts in tie_candidates(d):
            known += 1
            if any(c.readable for concept in concepts for c in concept.cells):
                continue
            # one notice per subject and line: a sentence that repeats the figure is one gap
            k = f"{concepts[0].key}:{v.line}"
            if k in missing:
                continue
            missing[k] = 1
            f = self.finding(said=said(v.claim), concept=concepts[0].name)
            yield at_claim(f, v.claim)
        if not known:
            raise InsufficientData("叙述中没有能识别所指报表数字的金额")
