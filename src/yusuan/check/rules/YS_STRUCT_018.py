"""YS-STRUCT-018 unreadable-content: places the reader could not read, listed so the report shows them."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.model import Disclosure

_KINDS = ("unreadable", "malformed")
_KIND_ZH = {"unreadable": "无法读出", "malformed": "格式错误"}


class UnreadableContent(Rule):
    id = "YS-STRUCT-018"
    slug = "unreadable-content"
    severity = "warning"
    family = "STRUCT"
    title = "文件中有无法读出的内容"
    title_en = "Part of the document could not be read"
    message = "{kind_zh}:{detail}"
    message_en = "{kind_en}: {detail_en}"
    rationale = (
        "读取时无法识别或格式错误的地方(如“35.949.39”这样的数字、无法识别的单元格)不能参与核对,涉及它们的"
        "规则只能给出数据不足。把每一处列为警告,报告才能完整显示哪里没有核对、需要人工查看(DESIGN.md"
        "“Unknown is not pass”;DR-28 内容准确)。来源:读取器记录的 unreadable / malformed 问题,以及表中读不出"
        "数值的金额格(值为空或不是有限数)。"
    )
    cases = [
        {"name": "Shanxi sample: every cell read", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            # the case builder has no way to add reader issues; a cell whose value is not a finite
            # number stands for an unreadable cell
            "name": "a cell that holds no number",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [{"table": "income", "row": "208", "column": "total", "value": "NaN"}],
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        seen: set[tuple[str, int | None, int | None]] = set()
        for issue in d.issues:
            if issue.kind not in _KINDS or issue.section == "performance":
                continue  # OCR gaps in the scanned target tables: the PERF family reports them
            w = issue.where
            seen.add((w.file, w.line, w.cell))
            f = self.finding(
                kind_zh=_KIND_ZH[issue.kind],
                kind_en=issue.kind,
                detail=issue.message,
                detail_en=issue.message,
            )
            f.file, f.page, f.line, f.table_no = w.file or None, w.page, w.line, issue.table_no
            yield f
        for t in d.tables:
            for r in t.rows:
                for key, a in r.values.items():
                    if a.value is not None and a.value.is_finite():
                        continue
                    s = a.source
                    if (s.file, s.line, s.cell) in seen:
                        continue
                    seen.add((s.file, s.line, s.cell))
                    yield self.finding(
                        table=t,
                        row=r,
                        column=key,
                        amount=a,
                        kind_zh=_KIND_ZH["unreadable"],
                        kind_en="unreadable",
                        detail=f"表{t.number}《{t.title}》“{r.name}”的金额“{a.raw}”",
                        detail_en=f"table {t.number} ({t.title}) row {r.name}: amount '{a.raw}'",
                    )
