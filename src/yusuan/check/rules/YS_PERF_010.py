"""YS-PERF-010 target-table-unreadable: amounts (or the project name) of a target table could not be read,
so a reviewer knows where to look at the scan."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._perf import (
    PERIOD_EN,
    PERIOD_ZH,
    PERIODS,
    SLOT_EN,
    SLOT_ZH,
    case_doc,
    case_target,
    label,
    label_en,
    pairs,
    place,
    require_targets,
)
from yusuan.model import Disclosure


class TargetTableUnreadable(Rule):
    id = "YS-PERF-010"
    slug = "target-table-unreadable"
    severity = "notice"
    family = "PERF"
    title = "绩效目标表部分金额无法识别"
    title_en = "Amounts of a performance-target table could not be read"
    message = "{tbl}(第{first}行起)有内容无法识别,请核对原件:{what}"
    message_en = "{tbl_en} (from line {first}): could not be read, check the scan: {what_en}"
    rationale = (
        "绩效目标表多为扫描件,经 OCR 识别;提取器从不猜测金额,读不出或几处读数矛盾又无法由总额判定的金额"
        "留空,并记为提取问题(d.issues 中绩效目标表的 unreadable / conflict)。这些金额参与不了 "
        "YS-PERF-003/004/005/006 的核对,"
        "逐表列出其位置和印出的原文,供人工核对原件(DR-22;DR-31 文件应为可读文本)。项目名称读不出、找不到资金"
        "表块的表一并列出。"
    )
    applies_to = ("budget",)
    cases = [
        {"name": "every amount read", "expect": "pass", "doc": case_doc()},
        {
            "name": "project name unreadable",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单位A", "15000", project=""),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {
            "name": "no funds block found",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单位A", "15000", funds={}),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {
            "name": "sample: OCR left 13 amounts of 8 tables unresolved, and the names of 2 tables "
            "(one of them among the 8)",
            "expect": "fail",
            "findings": 9,
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
        # what the extractor said about each unreadable slot: its issue names the line and the slot
        issues: dict[int, list[str]] = {}
        for i in d.issues:
            if i.kind in ("unreadable", "conflict") and i.where.line is not None:
                issues.setdefault(i.where.line, []).append(i.message)
        for x in pairs(d):
            t = x.target
            what: list[str] = []
            what_en: list[str] = []
            lines: list[int] = []
            related: list[dict[str, object]] = []
            if not t.project.strip():
                what.append("项目名称")
                what_en.append("the project name")
                related += [
                    {"line": t.source.line, "issue": m}
                    for m in issues.get(t.source.line or -1, [])
                    if "项目名称" in m
                ]
            if not t.funds:
                what.append("项目资金表块")
                what_en.append("the funds block")
            for period in reversed(PERIODS):  # as printed: 实施期 first
                for key, a in t.funds.get(period, {}).items():
                    if a.value is not None:
                        continue
                    at = f"第{a.source.line}行" if a.source.line is not None else ""
                    printed = " ".join(a.raw.split())
                    raw = f"印作“{printed}”" if printed else "空白或无法识别"
                    what.append(f"{PERIOD_ZH[period]}{SLOT_ZH.get(key, key)}({at}{raw})")
                    what_en.append(
                        f"{PERIOD_EN[period]} {SLOT_EN.get(key, key)} (line {a.source.line}, "
                        f"printed {printed!r})"
                    )
                    if a.source.line is not None:
                        lines.append(a.source.line)
                        said = f"{PERIOD_ZH[period]}{SLOT_ZH.get(key, key)}"
                        for msg in issues.get(a.source.line, []):
                            if said in msg:
                                related.append({"line": a.source.line, "issue": msg})
            if not what:
                continue
            f = self.finding(
                tbl=label(x),
                tbl_en=label_en(x),
                first=t.source.line,
                what="、".join(what),
                what_en="; ".join(what_en),
            )
            place(f, t, line=min(lines) if lines else None)
            f.related = related
            yield f
