"""YS-CLASS-007 economic-subclass-under-wrong-class: an economic 款 listed under another 类."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.catalog.classification import Entry, default_registry
from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._class_util import ECONOMIC_KINDS, compact_name, entries_by_name, is_legacy, norm_code
from yusuan.check.rules._struct_util import content_tables, has_data
from yusuan.model import Disclosure, Row

_SCHEMES = ("economic", "economic_government")


class EconomicSubclassUnderWrongClass(Rule):
    id = "YS-CLASS-007"
    slug = "economic-subclass-under-wrong-class"
    severity = "warning"
    family = "CLASS"
    title = "经济分类款列在不属于它的类下"
    title_en = "Economic subclass listed under the wrong class"
    message = (
        "表{table_no}《{title}》“{name}”列在“{under}”下,按现行经济分类应属 {expected_code} {expected_name}"
    )
    message_en = (
        "table {table_no} ({title}) '{name}' is listed under '{under}'; in the current economic "
        "classification "
        "it belongs to {expected_code} {expected_name}"
    )
    rationale = (
        "经济分类的款属于固定的类(30113 住房公积金属 301 工资福利支出,30302 退休费属 303 对个人和家庭的补助;"
        "2018年改革前住房公积金曾在303下)。款列错类会使类的小计失真,也常是沿用旧科目的迹象(DR-12)。有编码的"
        "按编码前3位判断;只有名称的按现行名录(部门和政府经济分类)判断,名录中没有的名称不判断。"
    )
    cases = [
        {"name": "Shanxi: every 款 under its own 类", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "住房公积金 under 对个人和家庭的补助 (the pre-2018 place)",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "general_budget_basic_economic",
                        "rows": [
                            {"name": "工资福利支出", "level": 1, "values": {"total": "10.00"}},
                            {
                                "name": "基本工资",
                                "level": 2,
                                "parent": "工资福利支出",
                                "values": {"total": "10.00"},
                            },
                            {"name": "对个人和家庭的补助", "level": 1, "values": {"total": "5.00"}},
                            {
                                "name": "住房公积金",
                                "level": 2,
                                "parent": "对个人和家庭的补助",
                                "values": {"total": "3.00"},
                            },
                            {
                                "name": "退休费",
                                "level": 2,
                                "parent": "对个人和家庭的补助",
                                "values": {"total": "2.00"},
                            },
                        ],
                    }
                ]
            },
        },
        {
            "name": "coded 款 whose prefix is another 类",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "general_budget_basic_economic",
                        "rows": [
                            {"code": "301", "name": "工资福利支出", "values": {"total": "2.00"}},
                            {"code": "30201", "name": "办公费", "values": {"total": "2.00"}},
                        ],
                    }
                ]
            },
        },
        {
            "name": "no economic table",
            "expect": "insufficient_data",
            "doc": {"tables": [{"kind": "summary"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tables = [t for k in ECONOMIC_KINDS for t in content_tables(d, k)]
        if not tables:
            raise InsufficientData("没有基本支出经济分类表")
        if not any(has_data(t) for t in tables):
            raise NotApplicable("经济分类表无数据")
        reg = default_registry()
        by_name = {n: [e for e in es if not is_legacy(e)] for n, es in entries_by_name(_SCHEMES, reg).items()}
        classes = {n: es for n, es in by_name.items() if any(e.level == 1 for e in es)}
        compared = 0
        for t in tables:
            under: Row | None = None  # the 类 row the following rows sit under, as printed
            for r in t.rows:
                if r.role != "item":
                    continue
                code, name = norm_code(r.code), compact_name(r.name)
                if len(code) == 3 or r.level == 1 or (not code and r.level is None and name in classes):
                    under = r
                    continue
                parent = self._class_code(r, under, classes)
                if parent is None:
                    continue
                if len(code) == 5:
                    expected = [code[:3]]
                else:
                    expected = [
                        e.parent_code
                        for e in by_name.get(name, [])
                        if e.level == 2 and e.parent_code and e.parent_code[:1] == parent[:1]
                    ]
                if not expected:
                    continue
                compared += 1
                if parent in expected:
                    continue
                exp = expected[0]
                exp_name = next((e.name for e in reg.lookup(self._scheme(exp), exp)), "")
                yield self.finding(
                    table=t,
                    row=r,
                    under=(r.parent or (under.name if under else "")) or parent,
                    expected_code=exp,
                    expected_name=exp_name,
                )
        if not compared:
            raise InsufficientData("经济分类表中没有能与名录对照的款")

    @staticmethod
    def _scheme(code: str) -> str:
        return "economic_government" if code.startswith("5") else "economic"

    @staticmethod
    def _class_code(r: Row, under: Row | None, classes: dict[str, list[Entry]]) -> str | None:
        """The 类 code the row is printed under: its parent's code, or the code of its parent's name."""
        ref = r.parent or (under.code or under.name if under else None)
        if not ref:
            return None
        ref_code = norm_code(ref)
        if ref_code.isdigit() and len(ref_code) == 3:
            return ref_code
        es = [e for e in classes.get(compact_name(ref), []) if e.level == 1]
        return es[0].code if es else None
