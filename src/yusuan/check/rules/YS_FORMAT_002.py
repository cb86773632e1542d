"""YS-FORMAT-002 amount-without-unit: an amount printed without 万元 / 元."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._narr import at_claim, require_claims
from yusuan.extract.claims import normalise_text
from yusuan.model import Disclosure


class AmountWithoutUnit(Rule):
    id = "YS-FORMAT-002"
    slug = "amount-without-unit"
    severity = "warning"
    family = "FORMAT"
    title = "金额未写单位"
    title_en = "Amount printed without a unit"
    message = "“{subject}{raw}”未写单位(万元/元){hint}"
    message_en = "'{subject}{raw}' has no unit (万元/元){hint_en}"
    rationale = (
        "金额必须写明单位:万元与元相差一万倍,同一文件中报表、说明和绩效目标表常用不同单位(DOMAIN.md“Units and"
        " rounding”;“Real defects”;DR-28)。核对时按同一句中其他金额的单位理解,但单位本身缺失仍需改正。"
    )
    cases = [
        {
            "name": "sample: 2023年收入2789.34 (printed twice: one finding that says so)",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi"},
        },
        {
            "name": "units printed",
            "expect": "pass",
            "doc": {
                "claims": [{"kind": "amount", "subject": "2023年收入", "value": "2789.34", "unit": "万元"}]
            },
        },
        {"name": "no narrative figures", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        claims = require_claims(d)
        for i, c in enumerate(claims):
            if c.kind != "amount" or "no_unit" not in c.flags:
                continue
            # the unit the sentence's other amounts use
            near = [
                x.unit
                for x in claims[max(0, i - 3) : i + 3]
                if x.sentence == c.sentence and x.unit in ("万元", "元")
            ]
            hint = f",同句其他金额为{near[0]}" if near else ""
            hint_en = f"; the sentence's other amounts are in {near[0]}" if near else ""
            f = self.finding(
                actual=c.value, subject=c.subject, raw=normalise_text(c.raw), hint=hint, hint_en=hint_en
            )
            yield at_claim(f, c)
