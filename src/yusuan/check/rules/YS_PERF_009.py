"""YS-PERF-009 placeholder-indicators: a target table's indicators are template placeholders (every
target 100%, indicators named after their category, targets left blank)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._perf import (
    TEMPLATE_STEMS,
    case_doc,
    case_target,
    is_hundred,
    label,
    label_en,
    pairs,
    place,
    require_targets,
    stem,
)
from yusuan.model import Disclosure, PerformanceTarget

#: at least this many indicators, and this share of them readable, before "every target is 100%" is said
MIN_READ = 3
MIN_SHARE = 0.75


def _ind(
    l1: str, l2: str, l3: str, raw: str, value: str | None = None, unit: str | None = None
) -> dict[str, Any]:
    return {
        "level1": l1,
        "level2": l2,
        "level3": l3,
        "target_raw": raw,
        "comparator": "=" if value else None,
        "target_value": value,
        "target_unit": unit,
    }


_ALL_100 = [
    _ind("产出指标", "数量指标", "培训人数", "100%", "100", "%"),
    _ind("产出指标", "质量指标", "合格率", "100%", "100", "%"),
    _ind("效益指标", "社会效益指标", "就业率", "100%", "100", "%"),
    _ind("满意度指标", "服务对象满意度指标", "学员满意度", "100", "100"),
]
_TEMPLATE_NAMES = [
    _ind("产出指标", "数量指标", "数量指标", "≥200人", "200", "人"),
    _ind("效益指标", "社会效益指标", "就业率", "≥85%", "85", "%"),
    _ind("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥95%", "95", "%"),
]
_BLANK = [
    _ind("产出指标", "数量指标", "培训人数", "≥200人", "200", "人"),
    _ind("效益指标", "社会效益指标", "就业率", ""),
    _ind("满意度指标", "服务对象满意度指标", "学员满意度", "≥95%", "95", "%"),
]


def placeholders(t: PerformanceTarget) -> tuple[bool, int, int]:
    """(every readable target is 100%, indicators named after their category, blank targets).

    "Every target 100%" needs MIN_READ readable targets making up MIN_SHARE of the indicators, so a
    scan whose real values OCR could not read is not called a placeholder. An indicator is named after
    its category when its level-3 name, less 指标, is a template category (TEMPLATE_STEMS) or its own
    level-2 name. Blank targets are counted only in text-layer tables: OCR loses cells."""
    inds = t.indicators
    read = named = blank = 0
    every = True
    for i in inds:
        if i.target_value is not None:
            read += 1
            every = every and is_hundred(i)
        if i.level3:
            s3 = stem(i.level3)
            named += bool(s3) and (s3 in TEMPLATE_STEMS or s3 == stem(i.level2))
            if not t.ocr and not i.target_raw.strip() and i.level3.strip():
                blank += 1
    all_100 = every and read >= MIN_READ and read >= MIN_SHARE * len(inds)
    return all_100, named, blank


class PlaceholderIndicators(Rule):
    id = "YS-PERF-009"
    slug = "placeholder-indicators"
    severity = "notice"
    family = "PERF"
    title = "绩效指标为模板占位内容"
    title_en = "Performance indicators are template placeholders"
    message = "{tbl}的绩效指标像是模板占位:{what}"
    message_en = "{tbl_en}: the indicators look like template placeholders: {what_en}"
    rationale = (
        "指标值全部为“100%”、三级指标直接照抄类别名称(三级“数量指标”在二级“数量指标”下)、指标值空白,都不违法,"
        "但说明绩效目标没有实际内容,值得提示(DOMAIN.md“Performance targets”:placeholder targets are legal "
        "but "
        "worth a quality notice;DR-22)。“全部 100%”(含不带 % 的 100)要求至少 3 个、且不少于四分之三的指标值"
        "能读出;空白指标值只统计文本层的表(OCR 会丢失单元格)。"
    )
    applies_to = ("budget",)
    cases = [
        {"name": "real targets", "expect": "pass", "doc": case_doc()},
        {
            "name": "every target 100%",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单位A", "15000", indicators=_ALL_100),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {
            "name": "indicators named after their category",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单位A", "15000", indicators=_TEMPLATE_NAMES),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {
            "name": "a blank target",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单位A", "15000", indicators=_BLANK),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {
            "name": "a blank target in an OCR'd table is not counted",
            "expect": "pass",
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单位A", "15000", indicators=_BLANK, ocr=True),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {"name": "sample: template tables", "expect": "fail", "doc": {"base": "shanxi"}},
        {
            "name": "no target tables (YS-STRUCT-015)",
            "expect": "insufficient_data",
            "doc": case_doc(targets=[]),
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_targets(d)
        for x in pairs(d):
            all_100, named, blank = placeholders(x.target)
            what: list[str] = []
            what_en: list[str] = []
            if all_100:
                n = sum(1 for i in x.target.indicators if i.target_value is not None)
                what.append(f"读出的{n}个指标值全部为100%")
                what_en.append(f"all {n} readable targets are 100%")
            if named:
                what.append(f"{named}个三级指标以类别命名(如“数量指标”)")
                what_en.append(f"{named} indicators are named after their category (e.g. 数量指标)")
            if blank:
                what.append(f"{blank}个指标未填指标值")
                what_en.append(f"{blank} indicators have no target value")
            if what:
                f = self.finding(
                    tbl=label(x), tbl_en=label_en(x), what=";".join(what), what_en="; ".join(what_en)
                )
                yield place(f, x.target)
