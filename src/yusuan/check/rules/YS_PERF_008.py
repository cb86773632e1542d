"""YS-PERF-008 indicator-category-missing: a target table has no 产出, 效益 or 满意度 indicator with a
target value."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._perf import (
    CATEGORY_EN,
    CATEGORY_ZH,
    REQUIRED,
    case_doc,
    case_target,
    category,
    has_target,
    label,
    label_en,
    pairs,
    place,
    require_targets,
)
from yusuan.model import Disclosure

_NO_SATISFACTION = [
    {"level1": "产出指标", "level2": "数量指标", "level3": "培训人数", "target_raw": "≥200人"},
    {"level1": "效益指标", "level2": "社会效益指标", "level3": "就业率", "target_raw": "≥85%"},
]
_EMPTY_SATISFACTION = [
    *_NO_SATISFACTION,
    {"level1": "满意度指标", "level2": "服务对象满意度指标", "level3": "学员满意度", "target_raw": ""},
]


class IndicatorCategoryMissing(Rule):
    id = "YS-PERF-008"
    slug = "indicator-category-missing"
    severity = "warning"
    family = "PERF"
    title = "绩效目标缺少产出、效益或满意度指标"
    title_en = "Performance target lacks output, benefit or satisfaction indicators"
    message = "{tbl}没有填了指标值的{missing}"
    message_en = "{tbl_en} has no {missing_en} indicator with a target value"
    rationale = (
        "绩效目标应包括产出、效益、满意度三类一级指标,每类至少一个填有指标值的三级指标(DOMAIN.md“Performance "
        "targets”:indicators cover 产出 / 效益 / 满意度;REQUIREMENTS.md DR-22;财预〔2020〕10号项目支出绩效"
        "目标表样式)。一级指标未印或读不出时按二级指标归类(数量/质量/时效/成本→产出,经济/社会/生态效益、可持续"
        "影响→效益)。OCR 识别的表,一行读错或落到表外就会“缺”一类,无法确定是文件缺:这些表不报告;没有一张表能"
        "确定时为数据不足,原因中列出这些表。"
    )
    applies_to = ("budget",)
    cases = [
        {"name": "all three categories with targets", "expect": "pass", "doc": case_doc()},
        {
            "name": "no satisfaction indicator",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单位A", "15000", indicators=_NO_SATISFACTION),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {
            "name": "satisfaction indicator without a target value",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单位A", "15000", indicators=_EMPTY_SATISFACTION),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {
            "name": "no indicators at all",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单位A", "15000", indicators=[]),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {
            "name": "OCR'd table: a category may have been lost",
            "expect": "insufficient_data",
            "doc": case_doc(
                targets=[case_target("技能培训经费", "单位A", "15000", indicators=_NO_SATISFACTION, ocr=True)]
            ),
        },
        {
            "name": "sample: OCR lost rows of some tables (table 8's 满意度 row falls after its footer)",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi"},
        },
        {
            "name": "no target tables (YS-STRUCT-015)",
            "expect": "insufficient_data",
            "doc": case_doc(targets=[]),
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_targets(d)
        doubtful: list[str] = []
        found: list[Finding] = []
        for x in pairs(d):
            t = x.target
            if t.ocr:
                # An OCR'd row may have lost its value or its level-1 cell: any mention counts as present.
                present = {category(i) for i in t.indicators}
            else:
                present = {category(i) for i in t.indicators if has_target(i)}
            missing = [c for c in REQUIRED if c not in present]
            if not missing:
                continue
            if t.ocr:
                doubtful.append(
                    f"#{x.no}(第{t.source.line}行,未见{'、'.join(CATEGORY_ZH[c] for c in missing)})"
                )
                continue
            f = self.finding(
                tbl=label(x),
                tbl_en=label_en(x),
                missing="、".join(CATEGORY_ZH[c] for c in missing),
                missing_en=" / ".join(CATEGORY_EN[c] for c in missing),
            )
            found.append(place(f, t))
        if not found and doubtful:
            raise InsufficientData(
                f"OCR 识别的 {len(doubtful)} 张绩效目标表读不出某类指标,可能是识别遗漏,请核对原件:"
                + ";".join(doubtful)
            )
        yield from found
