"""YS-STRUCT-005 title-incomplete: the title does not name the unit, the year and budget/final."""

from __future__ import annotations

import re
from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._struct_util import compact, doc_file
from yusuan.model import Disclosure

_YEAR = re.compile(r"(?:19|20)\d{2}\s*年")
_KIND = re.compile(r"预算|决算")
# the end of an organisation's name (局, 委员会, 中心, 街道办事处 …)
_ORG_END = re.compile(
    r"(?:局|厅|委员会|委|办公室|办公厅|办事处|中心|院|馆|所|站|队|部|会|政府|法院|检察院|学校|大学|幼儿园|"
    r"街道|社|处|署|园|台|室|团|联)"
)


class TitleIncomplete(Rule):
    id = "YS-STRUCT-005"
    slug = "title-incomplete"
    severity = "notice"
    family = "STRUCT"
    title = "标题未写明单位、年度或预算/决算"
    title_en = "Title lacks the unit, the year or budget/final"
    message = "标题《{doc_title}》未写明{part}"
    message_en = "the title '{doc_title}' does not state the {part_en}"
    rationale = (
        "公开文件的标题应写明单位名称、年度和“预算”或“决算”(DR-31,用户友好性评价的做法,非法定要求,"
        "故为提示)。单位名称以报表“部门名称”所写的名称或以局、委、办、中心等结尾的机构名称为准。"
        "找不到标题行时同样提示。"
    )
    cases = [
        {"name": "Shanxi title names unit, year and 预算", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "title without the unit name",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "meta": {
                    "title": "上海市普陀区2025年区级部门预算",
                    "department": "上海市普陀区万里街道办事处",
                },
                "tables": [{"kind": "summary"}],
            },
        },
        {
            "name": "no title line found",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi", "patch": [{"meta": {"title": None}}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        title = compact(d.meta.title)
        if not title:
            yield self._f(
                d,
                "",
                "",
                "",
                message="未找到文件标题:首页没有写明单位、年度和预算/决算的标题行",
                message_en=(
                    "no title found: the first page has no line naming the unit, the year and budget/final"
                ),
            )
            return
        m = _YEAR.search(title)
        if m is None:
            yield self._f(d, title, "年度", "year")
        if not _KIND.search(title):
            yield self._f(d, title, "是预算还是决算", "kind (budget / final accounts)")
        before = title[: m.start()] if m else title
        dept = compact(d.meta.department)
        if not ((dept and dept in title) or _ORG_END.search(before)):
            yield self._f(d, title, "单位名称", "unit name")

    def _f(self, d: Disclosure, title: str, part: str, part_en: str, **kw: str) -> Finding:
        f = self.finding(doc_title=title, part=part, part_en=part_en, **kw)
        ev = d.meta.evidence.get("title")
        f.file, f.line = (ev.file, ev.line) if ev else (doc_file(d), None)
        return f
