"""YS-CLASS-001 function-code-malformed: a 支出功能分类 code is not a 3/5/7-digit code of a real 类."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.catalog.classification import FUNCTION_CLASSES
from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._class_util import coded_rows
from yusuan.model import Disclosure

_CLASSES = {code for code, _ in FUNCTION_CLASSES}
_LEVEL_LEN = {1: 3, 2: 5, 3: 7}


def _problem(code: str, level: int | None) -> tuple[str, str] | None:
    """What is wrong with a code, in Chinese and English; None when it is well formed."""
    if not code.isdigit():
        return "含非数字字符", "contains characters other than digits"
    if len(code) not in (3, 5, 7):
        return (
            f"为{len(code)}位(类/款/项应为3/5/7位)",
            f"has {len(code)} digits (class/subclass/item have 3/5/7)",
        )
    if code[:3] not in _CLASSES:
        return (
            f"的类“{code[:3]}”不是支出功能分类的类(201–234)",
            f"starts with '{code[:3]}', which is no class of the function classification (201-234)",
        )
    if level in _LEVEL_LEN and _LEVEL_LEN[level] != len(code):
        return (
            f"位数与所在层级不符(表中为第{level}级)",
            f"length does not match its printed level ({level})",
        )
    return None


class FunctionCodeMalformed(Rule):
    id = "YS-CLASS-001"
    slug = "function-code-malformed"
    severity = "error"
    family = "CLASS"
    title = "功能分类科目编码格式错误"
    title_en = "Malformed function classification code"
    message = "表{table_no}《{title}》科目编码“{code}”{problem}({name})"
    message_en = "table {table_no} ({title}) code '{code}' {problem_en} ({name})"
    rationale = (
        "支出功能分类科目编码类3位、款5位、项7位,类为201–234中的现行类(政府收支分类科目;DOMAIN.md"
        "“Classifications”)。编码位数错误、含非数字或类不存在的,多为印刷或录入错误,会使上下级汇总和跨表核对"
        "失去依据。分三栏印的编码(201 05 07)先合并再检查。只查按功能分类编列的表。"
    )
    cases = [
        {"name": "Shanxi codes are well formed", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "a 4-digit code, a letter O for a zero and an unknown class",
            "expect": "fail",
            "findings": 3,
            "doc": {
                "tables": [
                    {
                        "kind": "expenditure",
                        "rows": [
                            {"code": "2O8", "name": "社会保障和就业支出", "values": {"total": "1.00"}},
                            {
                                "code": "2080",
                                "name": "人力资源和社会保障管理事务",
                                "values": {"total": "1.00"},
                            },
                            {"code": "250", "name": "其他", "values": {"total": "1.00"}},
                            {"code": "221 02 01", "name": "住房公积金", "values": {"total": "1.00"}},
                        ],
                    }
                ]
            },
        },
        {
            "name": "no coded table",
            "expect": "insufficient_data",
            "doc": {"tables": [{"kind": "three_public"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        rows = list(coded_rows(d))
        if not rows:
            raise InsufficientData("没有带功能分类编码的表")
        for t, r, code in rows:
            p = _problem(code, r.level)
            if p is not None:
                yield self.finding(table=t, row=r, code=code, problem=p[0], problem_en=p[1])
