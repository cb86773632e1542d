"""YS-NARR-013 unit-count-differs: the number of budget units the narrative states differs from the
units the disclosure covers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._narr import Resolver, at_claim, claim_views, require_claims
from yusuan.model import Disclosure

# "机关及下属预算单位4个", "所属预算单位3个", "二级预算单位2家"; not 行政单位 / 事业单位 (a subset)
_UNITS = re.compile(
    r"^(?P<self>机关及|包括机关在内的?|含机关的?|本部门)?(?:下属|所属|二级)?(?:预算)?单位(?:共)?$"
)
_WITH_SELF = re.compile(r"机关|本级|包括|含")
# words that say the count is the department's make-up, not the units that did something
# ("本部门3个预算单位开展了绩效目标编报" counts a subset)
_COMPOSITION = re.compile(r"下属|所属|包括|包含|构成|共有|机关及|二级")


class UnitCountDiffers(Rule):
    id = "YS-NARR-013"
    slug = "unit-count-differs"
    severity = "warning"
    family = "NARR"
    title = "叙述的预算单位个数与文件所含单位不符"
    title_en = "Stated number of budget units differs from the units covered"
    message = "叙述“{said}”为 {actual} 个,文件所含单位为 {expected} 个({units})"
    message_en = "the narrative states {actual} units ('{said}'), the disclosure covers {expected} ({units})"
    rationale = (
        "部门预算由本级和所属单位合并编制,说明中的单位个数应与单位构成、报表中的单位一致(DOMAIN.md“Narrative "
        "against tables”:the number of units stated vs meta.units;REQUIREMENTS.md DR-30、DR-28)。写明含机关的"
        "与全部单位数比较;只说“下属/所属单位”的,不含机关或含机关两种读法任一相符即通过。单位名单未能取得时为"
        "数据不足。"
    )
    cases = [
        {"name": "sample: 机关及下属预算单位4个, 4 units", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "sample with 5 stated",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "meta": {
                            "units": [
                                "孝义市人力资源和社会保障局",
                                "孝义市创业就业服务中心",
                                "孝义市社会保险中心",
                            ]
                        }
                    }
                ],
            },
        },
        {
            "name": "所属单位 counted without the department itself",
            "expect": "pass",
            "doc": {
                "meta": {"department": "示例局", "units": ["示例局", "甲中心", "乙站"]},
                "claims": [{"kind": "count", "subject": "所属预算单位", "value": "2", "unit": "个"}],
            },
        },
        {
            "name": "no unit list",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"meta": {"units": []}}]},
        },
        {
            "name": "no unit count stated",
            "expect": "not_applicable",
            "doc": {
                "meta": {"units": ["示例局"]},
                "claims": [{"kind": "amount", "subject": "基本支出", "value": "1.00", "unit": "万元"}],
            },
        },
        {"name": "no narrative figures", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_claims(d)
        views = claim_views(d, Resolver(d))
        # a count listed under another count ("4个单位,其中3个单位编报了…") is a subset, not the total
        stated = [
            v
            for v in views
            if v.kind == "count"
            and v.claim.value is not None
            and _UNITS.match(v.subject)
            and not (v.whole is not None and v.whole.kind == "count")
            and _COMPOSITION.search(v.subject + v.clause_prefix[-12:])
        ]
        if not stated:
            raise NotApplicable("叙述中没有说明预算单位个数")
        units = list(dict.fromkeys(d.meta.units))
        if not units:
            raise InsufficientData("未能取得文件所含单位名单")
        n = len(units)
        has_self = d.meta.department in units if d.meta.department else True
        for v in stated:
            said = int(v.claim.value)  # type: ignore[arg-type]
            # "机关及下属…" counts the department itself; "下属单位" may or may not
            ok = {n} if _WITH_SELF.search(v.subject) or not has_self else {n, n - 1}
            if said in ok:
                continue
            f = self.finding(
                expected=Decimal(n),
                actual=Decimal(said),
                unit="个",
                said=f"{v.subject}{said}{v.claim.unit or ''}",
                units="、".join(units),
            )
            yield at_claim(f, v.claim)
