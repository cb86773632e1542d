"""YS-XTAB-009 basic-expenditure-differs-from-economic-table: the 一般公共预算支出表's 基本支出 differs
from the 基本支出经济分类表's 合计."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import Tally, by_key, combine, current_total, other, related, total_row
from yusuan.model import Disclosure, Row, Table


def _jiangsu(exp_total: str, economic_total: str) -> dict:
    """一般公共预算支出表 with one 金额 column (18330.37), 支出总表 合计 ``exp_total`` with 基本支出
    9312.90, economic table 合计 ``economic_total``."""

    def total(values: dict) -> dict:
        return {"key": "total", "role": "total", "name": "合计", "values": values}

    return {
        "tables": [
            {"kind": "general_budget_expenditure", "rows": [total({"total": "18330.37"})]},
            {"kind": "expenditure", "rows": [total({"total": exp_total, "basic": "9312.90"})]},
            {"kind": "general_budget_basic_economic", "rows": [total({"total": economic_total})]},
        ]
    }


def _basic_elsewhere(d: Disclosure, gtot: Row | None) -> tuple[Table, Row] | None:
    """The 基本支出 of the 支出总表 (合计 row) or of a summary (基本支出 line by use), when that table's
    total is printed equal to the 一般公共预算支出表's total."""
    if gtot is None or gtot.values.get("total") is None:
        return None
    gt = gtot.values["total"]
    candidates: list[tuple[Table, Row | None, Row | None]] = []
    x = d.table("expenditure")
    if x is not None:
        xt = total_row(x)
        candidates.append((x, xt, xt))
    for kind in ("fiscal_summary", "summary"):
        t = d.table(kind)
        if t is not None:
            keyed = by_key(t)
            candidates.append((t, keyed.get("use:basic"), current_total(t, "expenditure")))
    for t, basic_row, total in candidates:
        if basic_row is None or total is None:
            continue
        col = "basic" if basic_row is total else "total"
        if col not in basic_row.values or total.values.get("total") is None:
            continue
        c = combine([total.values["total"]], [gt])
        if c is not None and c.difference == 0:
            return t, basic_row
    return None


class BasicExpenditureDiffersFromEconomicTable(Rule):
    id = "YS-XTAB-009"
    slug = "basic-expenditure-differs-from-economic-table"
    severity = "error"
    family = "XTAB"
    title = "一般公共预算基本支出与基本支出经济分类表合计不一致"
    title_en = "General budget basic expenditure differs from the economic classification table"
    message = (
        "表{table_no}《{title}》合计为 {actual},表{other_no}《{other_title}》的基本支出合计为 {expected},相差"
        " {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) total is {actual}, the basic expenditure total of table {other_no} ("
        "{other_title}) is {expected}; difference {diff} {unit}"
    )
    rationale = (
        "一般公共预算基本支出经济分类表把一般公共预算支出表中的基本支出按经济科目展开,两表的基本支出合计相等"
        "(DOMAIN.md“Identities / Across tables”:一般公共预算支出表 基本支出 total = 基本支出经济分类表 合计;"
        "REQUIREMENTS.md DR-28)。经济分类表合计行缺失时用人员经费与公用经费之和。消息的 related 中附支出总表"
        "的基本支出,便于判断是哪一张表有误。一般公共预算支出表不分列基本支出(江苏)时,若支出总表或财政拨款收"
        "支总表、收支总表印出的支出合计与一般公共预算支出表合计相等(全部支出都是一般公共预算),取该表的基本支"
        "出。"
    )
    cases = [
        {
            "name": "sample: table 6 合计 1030.05, tables 3 and 5 基本支出 4345.68",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi"},
        },
        {
            "name": "sample with table 6 carrying the full basic expenditure",
            "expect": "pass",
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "general_budget_basic_economic",
                        "row": "total",
                        "column": "total",
                        "value": "4345.68",
                    }
                ],
            },
        },
        {
            "name": "a cent apart",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "general_budget_basic_economic",
                        "row": "total",
                        "column": "total",
                        "value": "4345.69",
                    }
                ],
            },
        },
        {
            "name": "economic table without 合计 row: personnel + public",
            "expect": "pass",
            "doc": {
                "tables": [
                    {
                        "kind": "general_budget_expenditure",
                        "rows": [
                            {
                                "key": "total",
                                "role": "total",
                                "name": "合计",
                                "values": {"total": "50.00", "basic": "30.00", "project": "20.00"},
                            }
                        ],
                    },
                    {
                        "kind": "general_budget_basic_economic",
                        "rows": [
                            {
                                "name": "工资福利支出",
                                "level": 1,
                                "values": {"total": "20.00", "personnel": "20.00"},
                            },
                            {
                                "name": "商品和服务支出",
                                "level": 1,
                                "values": {"total": "10.00", "public": "10.00"},
                            },
                        ],
                    },
                ]
            },
        },
        {
            "name": "Jiangsu: no 基本支出 column; the 支出总表 total equals it, so its 基本支出 is used",
            "expect": "pass",
            "doc": _jiangsu("18330.37", "9312.90"),
        },
        {
            "name": "Jiangsu: economic table differs from the 支出总表 基本支出",
            "expect": "fail",
            "findings": 1,
            "doc": _jiangsu("18330.37", "9321.90"),
        },
        {
            "name": "Jiangsu: the 支出总表 has other money too: nothing to compare",
            "expect": "insufficient_data",
            "doc": _jiangsu("18400.00", "9312.90"),
        },
        {
            "name": "no economic table",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "general_budget_basic_economic"}]},
        },
        {
            "name": "no general budget expenditure table",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "general_budget_expenditure"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        g = ctx.require_table("general_budget_expenditure")
        e = ctx.require_table("general_budget_basic_economic")
        gtot = total_row(g)
        src, src_row = g, gtot
        if gtot is None or "basic" not in gtot.values:
            # No 基本支出 column (Jiangsu): another table's 基本支出 is the general budget's when that
            # table's whole total equals the general budget's (all its money is general budget).
            found = _basic_elsewhere(d, gtot)
            if found is None:
                raise InsufficientData("一般公共预算支出表没有基本支出合计(也无法从其他表得出)")
            src, src_row = found
        basic = src_row.values["basic"] if "basic" in src_row.values else src_row.values["total"]
        etot = total_row(e)
        if etot is not None and "total" in etot.values:
            actual = [etot.values["total"]]
        else:
            # No printed total: the classes add up to it (YS-SUM-017 checks that they do).
            classes = [r for r in e.rows if r.level == 1 or (r.code and len(r.code) == 3)]
            if not classes:
                raise InsufficientData("基本支出经济分类表没有合计行也没有类级科目")
            actual = [r.values.get("total") for r in classes]
        rel = [related(src, src_row, "basic", basic)]
        x = d.table("expenditure")
        xt = total_row(x) if x is not None else None
        if x is not None and x is not src and xt is not None and "basic" in xt.values:
            rel.append(related(x, xt, "basic", xt.values["basic"]))
        tally = Tally(self)
        f = tally.equal(actual, [basic], table=e, row=etot, column="total", **other(src), related=rel)
        if f:
            yield f
        tally.done("基本支出合计")
