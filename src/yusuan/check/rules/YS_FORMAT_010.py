"""YS-FORMAT-010 digits-split-in-number: a space inside a number in the narrative (``441. 28``)."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._narr import all_claims, at_claim, require_claims
from yusuan.model import Disclosure


class DigitsSplitInNumber(Rule):
    id = "YS-FORMAT-010"
    slug = "digits-split-in-number"
    severity = "notice"
    family = "FORMAT"
    title = "数字中间有空格"
    title_en = "Space inside a number"
    message = "数字“{raw}”中间有空格,按 {value} 读取"
    message_en = "the number '{raw}' has a space inside; read as {value}"
    rationale = (
        "“441. 28”这样数字中间断开,通常是排版或转换造成的;读取时去掉空格照常核对,但复制或检索时会读错,列为提"
        "示(DOMAIN.md“Text-layer traps”:digits come out with spaces)。"
    )
    cases = [
        {
            "name": "sample: 441. 28万元 and 73. 8%",
            "expect": "fail",
            "findings": 2,
            "doc": {"base": "shanxi"},
        },
        {
            "name": "no split digits",
            "expect": "pass",
            "doc": {
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "基本支出",
                        "value": "1.00",
                        "unit": "万元",
                        "raw": "1.00万元",
                    }
                ]
            },
        },
        {"name": "no narrative figures", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_claims(d)
        for c in all_claims(d):
            if "digits_split" in c.flags:
                f = self.finding(raw=c.raw, value=format(c.value, "f") if c.value is not None else "?")
                yield at_claim(f, c)
