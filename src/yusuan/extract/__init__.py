"""Extractors: Document → Disclosure (metadata, tables, projects, narrative, performance targets)."""

from __future__ import annotations

import re

from yusuan.extract.claims import claims_from_sections
from yusuan.extract.meta import extract_meta
from yusuan.extract.performance import extract_performance
from yusuan.extract.sections import (
    extract_admin_running_costs,
    extract_glossary,
    extract_procurement,
    extract_purchase_catalog,
    extract_state_assets,
    extract_three_public,
    split_sections,
)
from yusuan.extract.tables import extract_tables
from yusuan.model import Disclosure, ExtractionIssue
from yusuan.read.document import Document
from yusuan.read.errors import NotADisclosureError

__all__ = ["extract"]

_DISCLOSURE_WORDS = re.compile(r"预算|决算")


def extract(doc: Document) -> Disclosure:
    """Turn a read document into the disclosure model.

    Raises NotADisclosureError when the document holds no standard table of a disclosure.
    """
    file = doc.files[0] if doc.files else ""
    result = extract_tables(doc.lines, file)
    if not result.tables:
        sample = " ".join(line.text for line in doc.lines[:200])
        if not _DISCLOSURE_WORDS.search(sample):
            raise NotADisclosureError(
                ", ".join(doc.files),
                "not a budget or final-account disclosure",
                message_zh="不是预算或决算公开文件(未见“预算”“决算”字样,也无标准报表)",
            )
        raise NotADisclosureError(
            ", ".join(doc.files),
            "no recognisable standard table",
            message_zh="未找到任何可识别的标准报表(如预算收支总表)",
        )
    meta = extract_meta(doc.lines, doc.files, result.department)
    meta.doc_id = doc.sha256[:12]
    units: list[str] = []
    for p in result.projects:
        if p.unit and p.unit not in units:
            units.append(p.unit)
    meta.units = units
    issues = list(result.issues)
    for field in ("department", "year", "kind", "scope"):
        if getattr(meta, field) is None:
            issues.append(ExtractionIssue(kind="missing", message=f"未能从文件中识别元数据字段 {field}"))
    for note in doc.notes:
        issues.append(ExtractionIssue(kind="note", message=note))
    sections = split_sections(doc.lines, file)
    targets, perf_issues = extract_performance(doc.lines, result.projects, file)
    for i in perf_issues:
        i.section = "performance"
    issues.extend(perf_issues)
    return Disclosure(
        meta=meta,
        tables=result.tables,
        projects=result.projects,
        performance_targets=targets,
        sections=sections,
        claims=claims_from_sections(sections),
        three_public=extract_three_public(sections),
        admin_running_costs=extract_admin_running_costs(sections),
        procurement=extract_procurement(sections),
        state_assets=extract_state_assets(sections),
        glossary=extract_glossary(sections),
        purchase_catalog=extract_purchase_catalog(doc.lines, file),
        issues=issues,
    )
