"""YS-SUM-005 expenditure-subtotal-not-sum-of-classes: 本年支出合计 differs from the sum of the 类 lines."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import TWO_SIDED, Tally, summing_lines, two_sided
from yusuan.check.rules._casedocs import summary as _summary
from yusuan.model import Disclosure


def _grand_only(grand: str) -> dict:
    rows = [
        {"side": "expenditure", "key": "exp:208", "values": {"total": "110.00"}},
        {"side": "expenditure", "key": "exp:221", "values": {"total": "20.00"}},
        {"side": "expenditure", "key": "exp_grand_total", "role": "total", "values": {"total": grand}},
    ]
    return {"tables": [{"kind": "summary", "rows": rows}]}


def _with_uses(basic: str, project: str) -> dict:
    """The balanced synthetic summary (本年支出合计 130.00) with lines by use added."""
    doc = _summary()
    rows = doc["tables"][0]["rows"]
    at = next(i for i, r in enumerate(rows) if r["key"] == "exp_current_total")
    for key, value in (("use:project", project), ("use:basic", basic)):
        rows.insert(
            at, {"side": "expenditure", "key": key, "role": "item", "name": key, "values": {"total": value}}
        )
    return doc


class ExpenditureSubtotalNotSumOfClasses(Rule):
    id = "YS-SUM-005"
    slug = "expenditure-subtotal-not-sum-of-classes"
    severity = "error"
    family = "SUM"
    title = "本年支出合计不等于各类支出之和"
    title_en = "Current-year expenditure total is not the sum of the expenditure classes"
    message = (
        "表{table_no}《{title}》{line}「{column}」为 {actual},上列{what}之和为 {expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {line_en} [{column}] is {actual}, the {what_en} above it sum to "
        "{expected}; difference {diff} {unit}"
    )
    rationale = (
        "收支总表和财政拨款收支总表的支出方,本年支出合计等于其上所列各功能类支出之和,逐列核对(DOMAIN.md“Iden"
        "tities”:本年支出合计 = Σ expenditure 类 rows;DR-28)。“其中”行不重复计入。同时按支出用途(基本支出、"
        "项目支出、单位预留机动经费)列示的(江苏),各用途之和也等于本年支出合计。只印“支出总计”、没有本年支出"
        "合计行的(上海),支出总计等于各类支出与年终结转等行之和。差额在各数字舍入误差之和以内的,作为舍入提示"
        "。"
    )
    cases = [
        {"name": "sample (tables 1 and 4)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "收支总表 208 current year off by 1.00",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "summary", "row": "exp:208", "column": "current_year", "value": "35212.06"}
                ],
            },
        },
        {"name": "synthetic balanced summary", "expect": "pass", "doc": _summary()},
        {
            "name": "rounding",
            "expect": "pass",
            "rounding": 1,
            "doc": _summary(exp_current_total={"total": "130.01"}),
        },
        {
            "name": "Shanghai: only 支出总计, equal to the classes",
            "expect": "pass",
            "doc": _grand_only("130.00"),
        },
        {
            "name": "Shanghai: only 支出总计, not the sum of the classes",
            "expect": "fail",
            "findings": 1,
            "doc": _grand_only("131.00"),
        },
        {
            "name": "Jiangsu: by use, 基本 + 项目 ≠ 当年支出小计",
            "expect": "fail",
            "findings": 1,
            "doc": _with_uses("100.00", "20.00"),
        },
        {"name": "Jiangsu: by use, adds up", "expect": "pass", "doc": _with_uses("100.00", "30.00")},
        {"name": "no summary table", "expect": "insufficient_data", "doc": {"tables": []}},
        {
            "name": "summary without 本年支出合计 line",
            "expect": "insufficient_data",
            "doc": {
                "tables": [
                    {
                        "kind": "summary",
                        "rows": [{"side": "expenditure", "key": "exp:208", "values": {"total": "1.00"}}],
                    }
                ]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tables = [t for t in d.tables if t.kind in TWO_SIDED]
        if not tables:
            raise InsufficientData("缺少收支总表,无法检查")
        tally = Tally(self)
        for t in tables:
            items, sub, _, grand = two_sided(t, "expenditure")
            if sub is not None:
                total, line, line_en = sub, "本年支出合计", "current-year expenditure total"
                keep = _CLASS
            elif grand is not None:
                # only 支出总计 printed (Shanghai): the classes and any year-end lines add up to it
                total, line, line_en = grand, "支出总计", "expenditure grand total"
                keep = _CLASS + _CARRIED
            else:
                continue
            parts = summing_lines([r for r in items if r.key is None or r.key.startswith(keep)])
            uses = [r for r in items if (r.key or "").startswith("use:")]
            for group, what, what_en in (
                (parts, "各类支出", "expenditure lines"),
                (uses, "按用途列示的各项支出", "lines by use"),
            ):
                if not group:
                    continue
                # the lines by use print one amount column (Jiangsu): compare the columns they print
                own = [k for r in group for k in r.values]
                cols = own if group is uses else [*total.values, *own]
                for col in dict.fromkeys(cols):
                    f = tally.equal(
                        [total.values.get(col)],
                        [r.values.get(col) for r in group],
                        table=t,
                        row=total,
                        column=col,
                        line=line,
                        line_en=line_en,
                        what=what,
                        what_en=what_en,
                    )
                    if f:
                        yield f
        tally.done("本年支出合计")


_CLASS = ("exp:",)
_CARRIED = ("exp_carry_forward", "exp_balance_distribution")
