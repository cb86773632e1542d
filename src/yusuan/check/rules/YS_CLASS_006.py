"""YS-CLASS-006 economic-name-unknown: an economic classification name no known list has."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.catalog.classification import default_registry
from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._class_util import ECONOMIC_KINDS, compact_name, entries_by_name, is_legacy, norm_code
from yusuan.check.rules._struct_util import content_tables, has_data
from yusuan.model import Disclosure

# department scheme codes start with 3 (301 工资福利支出), government scheme codes with 5 (501 …)
_SCHEME_BY_DIGIT = {"3": "economic", "5": "economic_government"}
_SCHEME_ZH = {"economic": "部门预算支出经济分类", "economic_government": "政府预算支出经济分类"}


class EconomicNameUnknown(Rule):
    id = "YS-CLASS-006"
    slug = "economic-name-unknown"
    severity = "notice"
    family = "CLASS"
    title = "经济分类科目名称未见于科目名录"
    title_en = "Economic classification name not in the known lists"
    message = "表{table_no}《{title}》经济分类“{econ_name}”{problem}"
    message_en = "table {table_no} ({title}) economic class name '{econ_name}' {problem_en}"
    rationale = (
        "基本支出经济分类表的科目名称应为部门预算支出经济分类(301 工资福利支出、30101 基本工资……)和政府预算"
        "支出"
        "经济分类(501 机关工资福利支出、50101 工资奖金津补贴……)的现行名称(DR-12;政府收支分类科目)。随附名录"
        "不完整(catalog/data/SOURCES.md),未收录的名称不一定错误,故只作提示:名录没有的名称、只见于2018年以前"
        "旧科目的名称、编码在名录中但名称不同的,都请人工核对。两种分类的名称都在两份名录中查找。"
    )
    cases = [
        {
            "name": "names all in the lists",
            "expect": "pass",
            "doc": {
                "tables": [
                    {
                        "kind": "general_budget_basic_economic",
                        "rows": [
                            {"name": "工资福利支出", "level": 1, "values": {"total": "10.00"}},
                            {
                                "name": "基本工资",
                                "alt_name": "工资奖金津补贴",
                                "level": 2,
                                "values": {"total": "10.00"},
                            },
                        ],
                    }
                ]
            },
        },
        {
            "name": "Shanxi: 离退休费 (government scheme 50905) is not in the partial lists",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi"},
        },
        {
            "name": "an old-scheme name and a misspelt name",
            "expect": "fail",
            "findings": 2,
            "doc": {
                "tables": [
                    {
                        "kind": "general_budget_basic_economic",
                        "rows": [
                            {"name": "工资福利支出", "level": 1, "values": {"total": "10.00"}},
                            {"name": "招待费", "level": 2, "values": {"total": "4.00"}},
                            {"name": "基本工资资", "level": 2, "values": {"total": "6.00"}},
                        ],
                    }
                ]
            },
        },
        {
            "name": "coded row whose name differs from the list",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "general_budget_basic_economic",
                        "rows": [
                            {"code": "302", "name": "商品和服务支出", "values": {"total": "1.00"}},
                            {"code": "30201", "name": "办公经费", "values": {"total": "1.00"}},
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
        rows = [(t, r) for t in tables if has_data(t) for r in t.rows if r.role == "item"]
        if not rows:
            raise NotApplicable("经济分类表无数据")
        reg = default_registry()
        by_name = entries_by_name(("economic", "economic_government", "economic_legacy"), reg)
        reported: set[str] = set()
        for t, r in rows:
            code = norm_code(r.code)
            scheme = _SCHEME_BY_DIGIT.get(code[:1]) if code else None
            current = [e for e in reg.lookup(scheme, code) if not is_legacy(e)] if scheme else []
            for raw, is_alt in ((r.name, False), (r.alt_name, True)):
                name = compact_name(raw)
                if not name or name in reported:
                    continue
                if current and not is_alt:
                    if name in {compact_name(e.name) for e in current}:
                        continue
                    reported.add(name)
                    e = current[0]
                    yield self.finding(
                        table=t,
                        row=r,
                        econ_name=name,
                        problem=f"与{_SCHEME_ZH[scheme or 'economic']}名录中 {code} 的名称“{e.name}”不同",
                        problem_en=f"differs from the list's name for {code}, '{e.name}'",
                    )
                    continue
                known = by_name.get(name, [])
                if any(not is_legacy(e) for e in known):
                    continue
                reported.add(name)
                if known:
                    yield self.finding(
                        table=t,
                        row=r,
                        econ_name=name,
                        problem=f"只见于2018年以前的旧科目(旧编码 {known[0].code}),请核对是否应使用现行名称",
                        problem_en=f"is known only from the pre-2018 scheme (old code {known[0].code})",
                    )
                else:
                    yield self.finding(
                        table=t,
                        row=r,
                        econ_name=name,
                        problem="未见于已知的经济分类名录(名录不完整,请人工核对)",
                        problem_en="is in none of the known lists (the lists are partial: check by hand)",
                    )
