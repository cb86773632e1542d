"""YS-CLASS-003 code-name-inconsistent: one code printed with different names in the same document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._class_util import coded_rows, compact_name
from yusuan.model import Disclosure, Row, Table


class CodeNameInconsistent(Rule):
    id = "YS-CLASS-003"
    slug = "code-name-inconsistent"
    severity = "warning"
    family = "CLASS"
    title = "同一科目编码在文件中名称不一致"
    title_en = "One code, different names in the document"
    message = "科目 {code} 在表{table_no}《{title}》中名为“{name}”,在表{other_table}中名为“{other_name}”"
    message_en = (
        "code {code} is named '{name}' in table {table_no} ({title}) "
        "but '{other_name}' in table {other_table}"
    )
    rationale = (
        "同一文件中一个科目编码只能有一个名称(政府收支分类科目;DR-28“内容准确”)。名称不同多为抄录错误或新旧"
        "科目名称混用,读者无法确定金额属于哪个科目。比较前去掉空白、全半角括号差异、页脚和序号——印刷时长"
        "名称在单元格内折行,文本层会在名称中插入空格。以出现次数最多的名称为准,报告其余写法。"
    )
    cases = [
        {"name": "Shanxi: each code has one name in all tables", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "wrapped name with a space is the same name",
            "expect": "pass",
            "doc": {
                "tables": [
                    {
                        "kind": "income",
                        "rows": [{"code": "2130599", "name": "其他巩固脱贫攻坚成果衔接乡村振兴支 出"}],
                    },
                    {
                        "kind": "expenditure",
                        "rows": [{"code": "2130599", "name": "其他巩固脱贫攻坚成果衔接乡村振兴支出"}],
                    },
                ]
            },
        },
        {
            "name": "210 named with the old and the new name",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {"kind": "income", "rows": [{"code": "210", "name": "卫生健康支出"}]},
                    {"kind": "expenditure", "rows": [{"code": "210", "name": "卫生健康支出"}]},
                    {
                        "kind": "general_budget_expenditure",
                        "rows": [{"code": "210", "name": "医疗卫生与计划生育支出"}],
                    },
                ]
            },
        },
        {"name": "no coded table", "expect": "insufficient_data", "doc": {"tables": [{"kind": "summary"}]}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        by_code: dict[str, list[tuple[Table, Row, str]]] = {}
        for t, r, code in coded_rows(d):
            name = compact_name(r.name)
            if name:
                by_code.setdefault(code, []).append((t, r, name))
        if not by_code:
            raise InsufficientData("没有带功能分类编码和名称的行")
        for code, items in by_code.items():
            counts = Counter(n for _, _, n in items)
            if len(counts) < 2:
                continue
            usual = counts.most_common(1)[0][0]
            ref_t = next(t for t, _, n in items if n == usual)
            reported: set[str] = set()
            for t, r, name in items:
                if name == usual or name in reported:
                    continue
                reported.add(name)
                f = self.finding(
                    table=t, row=r, code=code, name=name, other_table=ref_t.number, other_name=usual
                )
                f.related = [
                    {"table_no": ot.number, "line": orow.source.line, "name": on}
                    for ot, orow, on in items
                    if on != name
                ]
                yield f
