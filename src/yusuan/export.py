"""Flat exports of a disclosure: the facts table, performance targets, metadata.

Writers are atomic: they write a temporary file beside the target and move it into place, so a
failure never leaves a half-written file at the output path.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from yusuan.model import Disclosure

FACT_COLUMNS = (
    "doc_id",
    "table_no",
    "table_kind",
    "table_title",
    "row_code",
    "row_name",
    "parent",
    "column",
    "amount",
    "unit",
    "page",
    "line",
)
PERFORMANCE_COLUMNS = (
    "project",
    "implementing_unit",
    "competent_department",
    "attribute",
    "period",
    "total_yuan",
    "central_yuan",
    "provincial_yuan",
    "local_yuan",
    "self_raised_yuan",
    "other_yuan",
    "filled_date",
)
META_COLUMNS = ("doc_id", "title", "department", "unit", "year", "kind", "scope", "region", "source_files")

_PROJECT_KINDS = ("project_current", "project_carryover")


def fact_rows(d: Disclosure) -> list[dict[str, str]]:
    """One row per non-empty amount cell of every standard table, in printed order."""
    out: list[dict[str, str]] = []
    doc_id = d.meta.doc_id
    for t in d.tables:
        in_projects = t.kind in _PROJECT_KINDS
        for r in t.rows:
            parent = (r.parent or "") if in_projects and r.role == "project" else ""
            for key, a in r.values.items():
                out.append(
                    {
                        "doc_id": doc_id,
                        "table_no": str(t.number),
                        "table_kind": t.kind,
                        "table_title": t.title,
                        "row_code": r.code or "",
                        "row_name": r.name,
                        "parent": parent,
                        "column": key,
                        "amount": a.plain(),
                        "unit": a.unit if t.unit else "",
                        "page": "" if a.source.page is None else str(a.source.page),
                        "line": "" if a.source.line is None else str(a.source.line),
                    }
                )
    return out


def _yuan(target, period: str, source: str) -> str:
    a = target.funds.get(period, {}).get(source)
    return a.plain() if a is not None and a.value is not None else ""


def performance_rows(d: Disclosure) -> list[dict[str, str]]:
    """One row per performance-target table; funds in 元 (the annual figures, as budgeted this year)."""
    out = []
    for p in d.performance_targets:
        period = "annual" if p.funds.get("annual", {}).get("total") is not None else "implementation"
        out.append(
            {
                # the project table's spelling when the table was matched to its project (OCR
                # garbles names: 就业补助资金中央见习补贴T晋财社…); the OCR reading otherwise
                "project": p.matched_project or p.project,
                "implementing_unit": p.implementing_unit or "",
                "competent_department": p.competent_department or "",
                "attribute": p.attribute or "",
                "period": p.period or "",
                "total_yuan": _yuan(p, period, "total"),
                "central_yuan": _yuan(p, period, "central"),
                "provincial_yuan": _yuan(p, period, "provincial"),
                "local_yuan": _yuan(p, period, "local"),
                "self_raised_yuan": _yuan(p, period, "self_raised"),
                "other_yuan": _yuan(p, period, "other"),
                "filled_date": p.filled_date or "",
            }
        )
    return out


def meta_rows(d: Disclosure) -> list[dict[str, str]]:
    m = d.meta
    return [
        {
            "doc_id": m.doc_id,
            "title": m.title or "",
            "department": m.department or "",
            "unit": ";".join(m.units),
            "year": "" if m.year is None else str(m.year),
            "kind": m.kind or "",
            "scope": m.scope or "",
            "region": m.region or "",
            "source_files": ";".join(m.source_files),
        }
    ]


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` all at once: a temp file beside it, then a rename."""
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise FileNotFoundError(f"{parent}: output folder does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=parent)
    try:
        # mkstemp creates the file owner-only; give it the mode an ordinary new file gets
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def to_csv(rows: Iterable[dict[str, str]], columns: tuple[str, ...]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return buf.getvalue().encode("utf-8")


def to_json(rows: Iterable[dict[str, str]]) -> bytes:
    return json.dumps(list(rows), ensure_ascii=False, indent=1).encode("utf-8")


def to_xlsx(rows: Iterable[dict[str, str]], columns: tuple[str, ...], sheet: str) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.append(list(columns))
    for r in rows:
        ws.append([r[c] for c in columns])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def render(rows: list[dict[str, str]], columns: tuple[str, ...], fmt: str, sheet: str) -> bytes:
    if fmt == "csv":
        return to_csv(rows, columns)
    if fmt == "json":
        return to_json(rows)
    if fmt == "xlsx":
        return to_xlsx(rows, columns, sheet)
    raise ValueError(f"unknown format {fmt!r}")
