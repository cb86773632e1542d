"""YS-CLASS-002 code-not-under-parent: a 款 or 项 is not printed under its own 类 or 款."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._class_util import coded_rows
from yusuan.model import Disclosure, Row, Table


class CodeNotUnderParent(Rule):
    id = "YS-CLASS-002"
    slug = "code-not-under-parent"
    severity = "error"
    family = "CLASS"
    title = "科目未列在其上级科目之下"
    title_en = "A code is not printed under its parent"
    message = "表{table_no}《{title}》{code} {name} {problem}"
    message_en = "table {table_no} ({title}) {code} {name} {problem_en}"
    rationale = (
        "功能分类下级科目的编码以上级科目编码开头(20801 属 208,2080101 属 20801),并紧列在上级科目之下"
        "(DOMAIN.md“Classifications”)。上级科目未列出、或下级科目排在别的科目下面,读者会把金额归错类,"
        "上下级汇总也无从核对。只查编码格式正确(3/5/7位)的行;格式问题见 YS-CLASS-001。"
    )
    cases = [
        {"name": "Shanxi: every 款 and 项 under its parent", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "a 项 printed under another 类, and a 款 whose 类 is missing",
            "expect": "fail",
            "findings": 2,
            "doc": {
                "tables": [
                    {
                        "kind": "expenditure",
                        "rows": [
                            {"code": "208", "name": "社会保障和就业支出", "values": {"total": "3.00"}},
                            {
                                "code": "20801",
                                "name": "人力资源和社会保障管理事务",
                                "values": {"total": "3.00"},
                            },
                            {"code": "2080101", "name": "行政运行", "values": {"total": "1.00"}},
                            {"code": "210", "name": "卫生健康支出", "values": {"total": "2.00"}},
                            {"code": "2080105", "name": "劳动保障监察", "values": {"total": "2.00"}},
                            {"code": "22102", "name": "住房改革支出", "values": {"total": "1.00"}},
                            {"code": "2210201", "name": "住房公积金", "values": {"total": "1.00"}},
                        ],
                    }
                ]
            },
        },
        {"name": "no coded table", "expect": "insufficient_data", "doc": {"tables": [{"kind": "summary"}]}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        rows = list(coded_rows(d))
        if not rows:
            raise InsufficientData("没有带功能分类编码的表")
        by_table: dict[int, list[tuple[Table, Row, str]]] = {}
        for t, r, code in rows:
            by_table.setdefault(id(t), []).append((t, r, code))
        for items in by_table.values():
            codes = {c for _, _, c in items}
            # the code last printed at each length: the 类 and 款 a row is currently "under"
            open_at: dict[int, str] = {}
            for t, r, code in items:
                if not code.isdigit() or len(code) not in (3, 5, 7):
                    continue
                if len(code) > 3:
                    parent = code[:-2]
                    if parent not in codes:
                        yield self.finding(
                            table=t,
                            row=r,
                            code=code,
                            problem=f"的上级科目 {parent} 未在表中列出",
                            problem_en=f"has no parent row {parent} in the table",
                        )
                    elif open_at.get(len(code) - 2) != parent:
                        # the nearest row it does sit under (the 款, else the 类)
                        under = open_at.get(len(code) - 2) or open_at.get(len(code) - 4) or "表头"
                        yield self.finding(
                            table=t,
                            row=r,
                            code=code,
                            problem=f"排在 {under} 之下,未列在其上级科目 {parent} 之下",
                            problem_en=f"is printed under {under}, not under its parent {parent}",
                        )
                open_at[len(code)] = code
                for longer in (5, 7):
                    if longer > len(code):
                        open_at.pop(longer, None)
