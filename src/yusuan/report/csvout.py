"""The CSV report of a check: a reviewer's worksheet, one finding per row.

Errors come first. The last column, ``reviewer_note``, is left empty for the reviewer. The file
is UTF-8 with a byte-order mark so that Excel opens the Chinese text correctly.
"""

from __future__ import annotations

import csv
import io

from yusuan.check.engine import CheckResult, Finding
from yusuan.i18n import tr
from yusuan.report.text import ReportOptions, column_name, dec, message

COLUMNS = (
    "rule_id",
    "severity",
    "message",
    "table_no",
    "row_code",
    "row_name",
    "column",
    "page",
    # with several input files a line number needs its file
    "file",
    "line",
    "expected",
    "actual",
    "difference",
    "tolerance",
    "unit",
    "rounding",
    "reviewer_note",
)


def _row(f: Finding) -> dict[str, str]:
    def s(v: object) -> str:
        return "" if v is None else str(v)

    return {
        "rule_id": f.rule_id,
        "severity": f.severity,
        "message": message(f),
        "table_no": s(f.table_no),
        "row_code": s(f.row_code),
        "row_name": s(f.row_name),
        "column": column_name(f.column),
        "page": s(f.page),
        "file": s(f.file),
        "line": s(f.line),
        "expected": dec(f.expected),
        "actual": dec(f.actual),
        "difference": dec(f.difference),
        "tolerance": dec(f.tolerance),
        "unit": s(f.unit),
        "rounding": tr("是", "yes") if f.rounding else "",
        "reviewer_note": "",
    }


def render_csv(result: CheckResult, options: ReportOptions | None = None) -> bytes:
    opts = options or ReportOptions()
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS)
    w.writeheader()
    for f in result.findings:
        if opts.shows(f):
            w.writerow(_row(f))
    return buf.getvalue().encode("utf-8-sig")
