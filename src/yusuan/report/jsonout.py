"""The JSON report of a check: for scripts, batch runs and the web service.

Shape (stable; add fields, never rename them)::

    {"document": {title, department, units, year, kind, scope, region, source_files, doc_id},
     "summary": {"rules": {total, pass, fail, not_applicable, insufficient_data, error},
                 "findings": {total, error, warning, notice, rounding, shown},
                 "has_errors": bool, "min_severity": str | null},
     "findings": [Finding.as_dict(), ...],      # the findings shown (--min-severity), errors first
     "outcomes": [{rule_id, status, reason, findings}, ...]}

Amounts are strings (exact decimals), never floats. Counts in ``summary`` cover every finding,
including those ``min_severity`` leaves out of ``findings``.
"""

from __future__ import annotations

import json
from typing import Any

from yusuan.check.engine import STATUSES, CheckResult
from yusuan.report.text import ReportOptions

_META_FIELDS = ("title", "department", "units", "year", "kind", "scope", "region", "source_files", "doc_id")


def report_dict(result: CheckResult, options: ReportOptions | None = None) -> dict[str, Any]:
    opts = options or ReportOptions()
    m = result.disclosure.meta
    c = result.counts()
    shown = [f for f in result.findings if opts.shows(f)]
    return {
        "document": {k: getattr(m, k) for k in _META_FIELDS},
        "summary": {
            "rules": {"total": c["rules"], **{s: c[s] for s in STATUSES}},
            "findings": {
                "total": c["findings_error"] + c["findings_warning"] + c["findings_notice"],
                "error": c["findings_error"],
                "warning": c["findings_warning"],
                "notice": c["findings_notice"],
                "rounding": c["findings_rounding"],
                "shown": len(shown),
            },
            "has_errors": result.has_errors,
            "min_severity": opts.min_severity,
        },
        "findings": [f.as_dict() for f in shown],
        "outcomes": [
            {"rule_id": o.rule_id, "status": o.status, "reason": o.reason, "findings": len(o.findings)}
            for o in result.outcomes
        ],
    }


def render_json(result: CheckResult, options: ReportOptions | None = None) -> bytes:
    return (
        json.dumps(report_dict(result, options), ensure_ascii=False, indent=1, default=str) + "\n"
    ).encode("utf-8")
