"""YS-XTAB-005 summary-income-item-differs-from-income-table: an income source in the 收支总表 differs
from the same column's 合计 in the 收入总表."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.catalog.tables import COLUMN_KEYS
from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._arith import (
    ALL_INCOME_SOURCES,
    SOURCE_PARTS,
    Tally,
    columns_of,
    other,
    related,
    side_col,
    total_row,
)
from yusuan.model import Disclosure, Row


def _docs(lines: list[tuple[str, str | None]], total: dict[str, str], unit: str = "万元") -> dict:
    """A 收支总表 with these income lines and a 收入总表 whose 合计 row has these columns."""
    rows = [{"side": "income", "key": k, "name": k, "values": {"amount": v} if v else {}} for k, v in lines]
    income = [{"key": "total", "role": "total", "name": "合计", "values": total}]
    return {
        "tables": [
            {"kind": "summary", "unit": unit, "rows": rows},
            {"kind": "income", "unit": unit, "rows": income, "columns": list(total)},
        ]
    }


class SummaryIncomeItemDiffersFromIncomeTable(Rule):
    id = "YS-XTAB-005"
    slug = "summary-income-item-differs-from-income-table"
    severity = "error"
    family = "XTAB"
    title = "收支总表各项收入与收入总表各来源列不一致"
    title_en = "Summary income by source differs from the income table's source columns"
    message = (
        "表{table_no}《{title}》{where}为 {actual},表{other_no}《{other_title}》收入方“{source}”为 "
        "{expected},相差 {diff}{unit}"
    )
    message_en = (
        "table {table_no} ({title}) {where_en} is {actual}, table {other_no} ({other_title}) income line "
        "'{source}' is {expected}; difference {diff} {unit}"
    )
    rationale = (
        "收支总表收入方逐项列示的一般公共预算、政府性基金预算、国有资本经营预算、财政专户管理资金、单位资金等"
        ",等于收入总表合计行同名来源列的金额;收入总表按行列示来源时(江苏),等于同名来源行(DOMAIN.md“"
        "Identities / Across tables”:收支总表 income items vs 收入总表 columns;DR-28)。只比较两表都印出的"
        "来源:两表都列有该来源(行或列)时,金额空白按 0 比较;一方只印小计(如上海和决算收入表的“财政拨款收入”)"
        "、另一方印出其全部分项(一般公共预算、政府性基金、国有资本经营预算)时,小计与分项之和比较;一方根本没有"
        "印出的来源不比较。"
    )
    cases = [
        {"name": "sample (一般公共预算 35892.39; others blank)", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "收支总表 shows 单位资金 the 收入总表 lacks",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "summary", "row": "income:unit_funds", "column": "amount", "value": "12.00"}
                ],
            },
        },
        {
            "name": "收入总表 一般公共预算 合计 printed as 35982.39",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "base": "shanxi",
                "patch": [
                    {"table": "income", "row": "total", "column": "general_budget", "value": "35982.39"}
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
                    {"table": "income", "row": "total", "column": "general_budget", "value": "35892.38"}
                ],
            },
        },
        {
            "name": "Shanghai: 财政拨款收入 column against its line; 一般公共预算 line not compared",
            "expect": "pass",
            "doc": _docs(
                [
                    ("income:fiscal_appropriation", "189767551"),
                    ("income:general_budget", "189767551"),
                    ("income:gov_fund", None),
                    ("income:state_capital", None),
                    ("income:business_income", None),
                ],
                {"total": "189767551", "fiscal_appropriation": "189767551", "business_income": "0"},
                unit="元",
            ),
        },
        {
            "name": "final: 财政拨款收入 column against the three appropriation lines",
            "expect": "fail",
            "findings": 1,
            "doc": _docs(
                [
                    ("income:general_budget", "307.82"),
                    ("income:gov_fund", "5.00"),
                    ("income:state_capital", None),
                    ("income:from_higher", None),
                ],
                {"total": "307.82", "fiscal_appropriation": "307.82"},
            ),
        },
        {
            "name": "no 收支总表",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop_table": "summary"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        s = ctx.require_table("summary")
        i = ctx.require_table("income")
        col = side_col(s, "income", ("amount", "total")) or "amount"
        # the summary's income lines by source (a line is printed even when its amount is blank)
        lines = {
            r.key.split(":", 1)[1]: r
            for r in s.rows
            if r.side == "income" and (r.key or "").startswith("income:")
        }
        # the income table's figure for each source it prints: a column of its 合计 row, or a line
        # of its own when it lists the sources as rows (Jiangsu)
        by_rows = {
            r.key.split(":", 1)[1]: r
            for r in i.rows
            if (r.key or "").startswith("income:") and r.role != "total"
        }
        itot = total_row(i)
        cells: dict[str, tuple[Row, str]]
        if by_rows:
            cells = {k: (r, "total") for k, r in by_rows.items()}
        else:
            if itot is None:
                raise InsufficientData("收入总表没有合计行")
            cells = {k: (itot, k) for k in columns_of(i) if k in ALL_INCOME_SOURCES}
        tally = Tally(self)
        for src in ALL_INCOME_SOURCES:
            pair = _pair(src, lines, cells)
            if pair is None:
                continue
            srows, icells = pair
            ia = [row.values.get(c) for row, c in icells]
            sa = [r.values.get(col) for r in srows]
            if by_rows:
                names = "、".join(f"“{row.name}”" for row, _ in icells)
                where, where_en = f"{names}行", f"line {names}"
            else:
                keys = [c for _, c in icells]
                where = "合计行「" + "+".join(COLUMN_KEYS[c][0] for c in keys) + "」"
                where_en = "total row [" + " + ".join(COLUMN_KEYS[c][1] for c in keys) + "]"
            irow, icol = icells[0]
            f = tally.equal(
                ia,
                sa,
                table=i,
                row=irow,
                column=icol if len(icells) == 1 else None,
                where=where,
                where_en=where_en,
                source="+".join(r.name for r in srows),
                **other(s),
                related=[related(s, r, col, r.values.get(col)) for r in srows],
            )
            if f:
                yield f
        tally.done("收入来源")


def _pair(
    src: str, lines: dict[str, Row], cells: dict[str, tuple[Row, str]]
) -> tuple[list[Row], list[tuple[Row, str]]] | None:
    """The summary lines and income-table cells that print ``src``: the same source on both sides;
    or a subtotal (财政拨款, 单位资金) on one side against all of its parts on the other. None when
    one side does not print it in any form (nothing printed to compare with)."""
    if src in lines and src in cells:
        return [lines[src]], [cells[src]]
    parts = SOURCE_PARTS.get(src)
    if not parts:
        return None
    in_lines = [p in lines for p in parts]
    in_cells = [p in cells for p in parts]
    if src in cells and all(in_lines) and not any(in_cells):
        return [lines[p] for p in parts], [cells[src]]
    if src in lines and all(in_cells) and not any(in_lines):
        return [lines[src]], [cells[p] for p in parts]
    return None
