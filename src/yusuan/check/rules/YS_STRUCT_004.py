"""YS-STRUCT-004 metadata-missing: who, which year, budget or final, department or unit not found."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, Rule
from yusuan.check.rules._struct_util import doc_file
from yusuan.model import Disclosure

# field → (Chinese name, English name)
_FIELDS = {
    "department": ("部门(单位)名称", "department name"),
    "year": ("年度", "year"),
    "kind": ("文件类型(预算/决算)", "kind (budget / final accounts)"),
    "scope": ("公开主体(部门/单位)", "scope (department / unit)"),
}


class MetadataMissing(Rule):
    id = "YS-STRUCT-004"
    slug = "metadata-missing"
    severity = "warning"
    family = "STRUCT"
    title = "未能确定文件的基本信息"
    title_en = "Basic metadata of the disclosure not found"
    message = "文件中找不到{field_zh}:标题、封面和报表表头均未写明(或未能识别)"
    message_en = (
        "no {field_en} found: neither the title, the cover nor the table headers state it "
        "(or it was not recognised)"
    )
    rationale = (
        "公开文件应写明公开主体、年度和是预算还是决算(DR-31;《预算法》第十四条要求按部门、单位公开),"
        "否则读者无法知道数字属于谁、哪一年,其他规则也无法选择适用的模板和年度(如 YS-STRUCT-001 的应公开表、"
        "YS-CLASS-004 的科目名录年度)。查找范围:封面/标题行和各表的“部门名称”行。"
    )
    cases = [
        {
            "name": "Shanxi: department, year, kind, scope all found",
            "expect": "pass",
            "doc": {"base": "shanxi"},
        },
        {
            "name": "department and scope not found",
            "expect": "fail",
            "findings": 2,
            "doc": {"base": "shanxi", "patch": [{"meta": {"department": None, "scope": None}}]},
        },
        {
            "name": "year not found",
            "expect": "fail",
            "findings": 1,
            "doc": {"meta": {"year": None}, "tables": [{"kind": "summary"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        for name, (zh, en) in _FIELDS.items():
            if getattr(d.meta, name) in (None, ""):
                f = self.finding(field_zh=zh, field_en=en)
                f.file = doc_file(d)
                f.related = [{"field": name}]
                yield f
