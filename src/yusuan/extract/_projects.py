"""Projects of the project tables: department → unit → project, from the order of rows and their sums."""

from __future__ import annotations

import re

from yusuan.extract._rows import TOTAL_LABEL
from yusuan.model import ExtractionIssue, Project, Row, Table


def projects_of(table: Table, department: str | None, issues: list[ExtractionIssue]) -> list[Project]:
    """Department → unit → project, from the order of rows and their sums.

    The first row is the department total. A unit row is followed by its projects, and its amount
    equals their sum (within rounding); a row named like an organisation (…局, …中心, …队) whose
    amount is confirmed by the rows after it is a unit. Rows are tagged in place.
    """
    rows = [r for r in table.rows if r.name or r.values]
    if not rows:
        return []
    period = "carryover" if table.kind == "project_carryover" else "current"
    start = 0
    first = rows[0]
    repeated = len(rows) > 1 and first.name == rows[1].name
    if (department and first.name == department) or repeated or TOTAL_LABEL.match(first.name):
        first.role, first.key = "total", "total"
        start = 1
    body = rows[start:]
    is_unit = [False] * len(body)
    i = 0
    while i < len(body):
        total = _val(body[i])
        if total is not None and _org_like(body[i].name):
            acc = 0
            j = i + 1
            ok = False
            while j < len(body):
                v = _val(body[j])
                if v is None:
                    j += 1
                    continue
                acc += v
                j += 1
                if abs(acc - total) <= 0.005 * (j - i) + 0.0051:
                    nxt = body[j] if j < len(body) else None
                    if nxt is None or _org_like(nxt.name):
                        ok = True
                        break
                if acc > total + 1:
                    break
            if ok:
                is_unit[i] = True
                i = j
                continue
        i += 1
    if not any(is_unit):
        issues.append(
            ExtractionIssue(
                kind="ambiguous",
                message=f"表{table.number}《{table.title}》中未能识别单位行,项目归属不明",
                where=table.source,
                table_no=table.number,
            )
        )
    projects: list[Project] = []
    unit_name = department or ""
    for row, unit_flag in zip(body, is_unit, strict=True):
        if unit_flag:
            row.role, row.level, row.parent = "unit", 1, department
            unit_name = row.name
            continue
        row.role, row.level, row.parent = "project", 2, unit_name
        projects.append(
            Project(
                name=row.name,
                unit=unit_name,
                department=department,
                period=period,  # type: ignore[arg-type]
                amounts=dict(row.values),
                table_no=table.number,
                source=row.source,
            )
        )
    return projects


_ORG = re.compile(
    r"(局|厅|委员会|委|办公室|办|中心|大队|支队|队|所|站|院|馆|校|学校|处|部|会|街道|政府|公司|社)$"
)


_NOT_ORG = re.compile(r"费|金|补|贴|资金|经费|项目|\d{4}")


def _org_like(name: str) -> bool:
    return bool(_ORG.search(name)) and not _NOT_ORG.search(name)


def _val(row: Row) -> float | None:
    a = row.values.get("total")
    if a is None or a.value is None:
        return None
    return float(a.value)
