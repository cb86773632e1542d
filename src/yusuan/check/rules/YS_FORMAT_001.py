"""YS-FORMAT-001 malformed-number: a figure in the narrative is printed in a form that is not a number
(``35.949.39万元``)."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._narr import Resolver, at_claim, claim_views, fmt, require_claims
from yusuan.extract.claims import normalise_text
from yusuan.model import Disclosure


class MalformedNumber(Rule):
    id = "YS-FORMAT-001"
    slug = "malformed-number"
    severity = "error"
    family = "FORMAT"
    title = "叙述中的数字格式错误"
    title_en = "Malformed number in the narrative"
    message = "“{subject}{raw}”不是有效的数字{hint}"
    message_en = "'{subject}{raw}' is not a valid number{hint_en}"
    rationale = (
        "公开的数字必须可读、无歧义:“35.949.39”有两个小数点,读者无法确定其值,也无法与报表核对(DOMAIN.md“Real "
        "defects”:malformed numbers;DR-28 内容准确)。读取时不猜测其值;它所指的报表数字能找到时作为预期值一并"
        "列出,供改正时参考。"
    )
    cases = [
        {
            "name": "sample: 预算收入总计35.949.39万元",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi"},
        },
        {
            "name": "well-formed figures",
            "expect": "pass",
            "doc": {
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "收入总计",
                        "value": "35949.39",
                        "unit": "万元",
                        "raw": "35,949.39万元",
                        "flags": ["thousands"],
                    }
                ]
            },
        },
        {"name": "no narrative figures", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_claims(d)
        res = Resolver(d)
        for v in claim_views(d, res):
            c = v.claim
            if "malformed" not in c.flags:
                continue
            cells = [] if v.in_reason else res.first_cells(v)
            expected = cells[0].fig().value if cells else None
            hint = hint_en = ""
            if cells:
                hint = f"(所指的{cells[0].where()}为 {fmt(expected)}{cells[0].fig().unit})"
                hint_en = f" ({cells[0].where_en()} is {fmt(expected)})"
            f = self.finding(
                expected=expected,
                unit=c.unit,
                subject=c.subject,
                raw=normalise_text(c.raw),
                hint=hint,
                hint_en=hint_en,
            )
            yield at_claim(f, c)
