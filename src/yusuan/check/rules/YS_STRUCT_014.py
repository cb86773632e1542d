"""YS-STRUCT-014 state-assets-not-disclosed: no 国有资产占有使用 section, or one without figures."""

from __future__ import annotations

import re
from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._struct_util import (
    NARRATIVE_DROPPED,
    compact,
    doc_file,
    narrative_extracted,
    sections_matching,
)
from yusuan.model import Disclosure

_HEADING = r"国有资产|资产占用|资产占有|资产情况"
# vehicles (车辆数), floor area, or an asset value: what DR-21 expects the section to report
_FIGURES = re.compile(
    r"\d+\s*辆|车辆[^。]{0,20}\d|\d[\d,.]*\s*平方米|资产[^。]{0,20}\d[\d,.]*\s*万?元|\d+\s*台"
)


class StateAssetsNotDisclosed(Rule):
    id = "YS-STRUCT-014"
    slug = "state-assets-not-disclosed"
    severity = "warning"
    family = "STRUCT"
    title = "未说明国有资产占有使用情况"
    title_en = "State assets not disclosed"
    message = "未见国有资产占有使用情况的说明"
    message_en = "no section on the state assets the department holds and uses"
    rationale = (
        "部门预决算公开应说明国有资产占有使用情况,至少包括车辆数或资产价值(DR-21,财预〔2016〕143号分步"
        "推进的事项、中央部门公开说明项目,故为“应当”,警告)。有该部分但没有任何车辆数、面积或资产金额的"
        "同样警告。叙述部分尚未提取时为数据不足。"
    )
    cases = [
        {
            "name": "section with vehicles",
            "expect": "pass",
            "doc": {
                "tables": [{"kind": "summary"}],
                "sections": [
                    {
                        "heading": "十一、国有资产占有使用情况",
                        "text": (
                            "截至2023年12月31日,共有公务用车编制10辆,实有10辆。办公用房建筑总面积317.52平方"
                            "米。"
                        ),
                    }
                ],
            },
        },
        {
            "name": "section without any figure",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [{"kind": "summary"}],
                "sections": [{"heading": "十一、国有资产占有使用情况", "text": "本部门资产管理规范。"}],
            },
        },
        {
            "name": "no such section",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [{"kind": "summary"}],
                "sections": [{"heading": "九、政府采购情况", "text": "政府采购预算总额14.83万元。"}],
            },
        },
        {
            "name": "narrative not extracted",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": NARRATIVE_DROPPED},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        sa = d.state_assets
        if sa is not None and (sa.vehicles or sa.office_floor_area_m2 is not None or sa.equipment_over):
            return
        texts = [compact(s.text) for s in sections_matching(d, _HEADING)]
        if sa is not None and sa.text:
            texts.append(compact(sa.text))
        if any(_FIGURES.search(t) for t in texts):
            return
        if not texts and not narrative_extracted(d):
            raise InsufficientData("叙述部分尚未提取,无法判断是否说明国有资产占有使用情况")
        if texts:
            f = self.finding(
                message="国有资产占有使用情况部分没有车辆数、房屋面积或资产金额",
                message_en="the state-assets section gives no vehicle count, floor area or asset value",
            )
        else:
            f = self.finding()
        f.file = doc_file(d)
        yield f
