"""YS-STRUCT-012 admin-running-costs-unexplained: the narrative gives no 机关运行经费 figure."""

from __future__ import annotations

import re
from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._struct_util import doc_file, narrative_extracted, narrative_text, sentences
from yusuan.model import Disclosure

# a sentence about 机关运行经费 with an amount, or saying there is none
_STATED = re.compile(
    r"机关运行经费[^。；;]*?\d[\d,，.]*\s*万?元|"
    r"(?:无|没有|未安排|不涉及)[^。；;]{0,12}机关运行经费|机关运行经费[^。；;]{0,20}(?:无|没有|未安排|不涉及|为零)"
)


class AdminRunningCostsUnexplained(Rule):
    id = "YS-STRUCT-012"
    slug = "admin-running-costs-unexplained"
    severity = "error"
    family = "STRUCT"
    title = "未说明机关运行经费"
    title_en = "Administrative running costs not explained"
    message = "叙述部分未说明机关运行经费的金额(也未说明没有机关运行经费)"
    message_en = "the narrative states no amount of administrative running costs (nor that there are none)"
    rationale = (
        "部门预决算公开应说明机关运行经费的安排(使用)情况及增减变化(DR-18,《预算法》第十四条,财预〔2016〕"
        "143号)。本规则只查是否说明了金额(或说明没有);金额是否与机关运行经费表一致、增减是否算对,由叙述"
        "核对规则检查。叙述部分尚未提取时为数据不足。"
    )
    cases = [
        {
            "name": "section with the amount",
            "expect": "pass",
            "doc": {
                "tables": [{"kind": "admin_running"}],
                "sections": [
                    {
                        "heading": "八、机关运行经费增减变动原因说明",
                        "text": (
                            "本部门2024年机关运行经费财政拨款预算52.68万元,比2023年预算56.26万元,减少3.58万"
                            "元。"
                        ),
                    }
                ],
            },
        },
        {
            "name": "amount extracted",
            "expect": "pass",
            "doc": {"tables": [{"kind": "admin_running"}], "admin_running_costs": "52.68"},
        },
        {
            "name": "no word of 机关运行经费",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [{"kind": "admin_running"}],
                "sections": [{"heading": "九、政府采购情况", "text": "政府采购预算总额14.83万元。"}],
            },
        },
        {
            "name": "narrative not extracted",
            "expect": "insufficient_data",
            "doc": {"tables": [{"kind": "admin_running"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        if d.admin_running_costs is not None:
            return
        if any("机关运行经费" in c.subject and c.kind == "amount" for c in d.claims):
            return
        if not narrative_extracted(d):
            raise InsufficientData("叙述部分尚未提取,无法判断是否说明机关运行经费")
        if any(_STATED.search(s) for s in sentences(narrative_text(d))):
            return
        f = self.finding()
        f.file = doc_file(d)
        yield f
