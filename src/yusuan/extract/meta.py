"""Metadata: department, year, kind (budget/final), scope (department/unit), region.

Found from the title lines and the tables' 部门名称 lines, never defaulted: a field that cannot
be found stays None and the caller reports it.
"""

from __future__ import annotations

import re

from yusuan.catalog.tables import looks_like_title
from yusuan.model import Meta, Provenance
from yusuan.read.document import Line

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年\s*度?")
_ORG_NAME = re.compile(
    r"^(.{2,40}?(?:局|厅|委员会|委|办公室|办公厅|办事处|中心|院|馆|所|站|队|部|会|政府|法院|检察院|学校|大学|"
    r"街道|社|处|署|园|台|室))"
)
_PLACE = re.compile(r"^(.{1,12}?(?:自治区|省|自治州|市|地区|盟|自治县|县|区|旗))")
_DEPT_LABEL = re.compile(
    r"(?:(?:部门|单位)名称|编制(?:部门|单位)|预算(?:主管)?(?:部门|单位)|填报单位|(?:^|\t)部门)\s*[:：]"
)
#: the label of a table's 部门名称 line says whose tables they are: a department's or a unit's
_SCOPE_LABEL = (
    (re.compile(r"(?:部门名称|编制部门|预算主管部门|(?:^|\t)部门)\s*[:：]"), "department"),
    (re.compile(r"(?:单位名称|编制单位|预算单位)\s*[:：]"), "unit"),
)


def _kind(text: str) -> str | None:
    if "决算" in text:
        return "final"
    if "预算" in text:
        return "budget"
    return None


_UNIT_SCOPE = re.compile(r"单位(?:预算|决算)")
_DEPT_SCOPE = re.compile(r"部门(?:预算|决算)|部门\s*\d{4}\s*年")
_WS = re.compile(r"\s+")
_PARTY = re.compile(r"^(?:中共|中国共产党)")


def _scope(text: str) -> str | None:
    if _UNIT_SCOPE.search(text):
        return "unit"
    if _DEPT_SCOPE.search(text):
        return "department"
    return None


_PART_PREFIX = re.compile(r"^第[一二三四五六七八九十]+部分|^[一二三四五六七八九十]+、|^目\s*录")
_ORG_END = re.compile(
    r"(?:局|厅|委员会|委|办公室|办公厅|办事处|中心|院|馆|所|站|队|部|会|政府|法院|检察院|学校|大学|街道|社|处|署|园|台|室)$"
)


def _title_candidates(head: list[Line]) -> list[tuple[str, Line]]:
    """The cover's title, often printed over two or three lines: windows of 1–3 consecutive
    one-cell lines, with part headings and contents entries left out."""
    singles = [ln for ln in head[:40] if len([c for c in ln.cells if c.strip()]) == 1]
    out = []
    for i, ln in enumerate(singles):
        for k in (1, 2, 3):
            window = singles[i : i + k]
            if len(window) < k or any(_PART_PREFIX.match(_WS.sub("", w.text)) for w in window):
                break
            if k > 1 and (window[-1].page != ln.page or window[-1].lineno - window[0].lineno > k + 1):
                break
            text = "".join(_WS.sub("", w.text) for w in window)
            if len(text) <= 80:
                out.append((text, ln))
    return out


def _by_file(lines: list[Line], files: list[str]) -> list[list[Line]]:
    """The first lines of each input file, in the order given (one file: the document's head)."""
    if len(files) <= 1:
        return [[ln for ln in lines[:400] if not ln.is_blank]]
    heads: dict[str, list[Line]] = {f: [] for f in files}
    for ln in lines:
        head = heads.setdefault(ln.file, [])
        if len(head) < 400 and not ln.is_blank:
            head.append(ln)
    return [h for h in heads.values() if h]


def _src(ln: Line) -> Provenance:
    return Provenance(file=ln.file, page=ln.page, line=ln.lineno, raw=ln.text)


def extract_meta(lines: list[Line], files: list[str], department_hint: str | None) -> Meta:
    """Read the metadata from the first lines (the cover and the title) and the tables.

    With several files (a narrative and its tables published apart), the title is taken from the
    first file whose opening lines carry one; with the tables alone, the year comes from a table
    title that prints it, the department and scope from the tables' 部门名称 line.
    """
    meta = Meta(source_files=list(files))
    evidence: dict[str, Provenance] = {}
    heads = _by_file(lines, files)
    title_line = None
    title = ""
    for head in heads:
        for text, ln in _title_candidates(head):
            if _YEAR.search(text) and _kind(text):
                title_line, title = ln, text
                break
        if title_line is not None:
            break
    head = [ln for h in heads for ln in h]
    if title_line is not None:
        meta.title = title
        src = _src(title_line)
        evidence["title"] = src
        m = _YEAR.search(title)
        if m:
            meta.year = int(m.group(1))
            evidence["year"] = src
        meta.kind = _kind(title)  # type: ignore[assignment]
        evidence["kind"] = src
        if scope := _scope(title):
            meta.scope = scope  # type: ignore[assignment]
            evidence["scope"] = src
        before_year = title[: m.start()] if m else title
        if _ORG_END.search(before_year) and len(before_year) >= 4:
            meta.department = before_year
            evidence["department"] = src
        elif org := _ORG_NAME.match(before_year):
            meta.department = org.group(1)
            evidence["department"] = src
    dept_line = next((ln for ln in lines if _DEPT_LABEL.search(ln.text)), None)
    if department_hint and (meta.department is None or meta.department != department_hint):
        # the 部门名称 printed on the tables is authoritative over a title that abbreviates
        meta.department = department_hint
        for ln in lines:
            if _DEPT_LABEL.search(ln.text) and department_hint in _WS.sub("", ln.text):
                evidence["department"] = _src(ln)
                break
    if meta.year is None:
        for ln in head[:80]:
            if (m := _YEAR.search(ln.text)) and _kind(ln.text):
                meta.year = int(m.group(1))
                evidence["year"] = _src(ln)
                break
    if meta.year is None:
        # the tables alone: a table title that prints the year (2019年政府采购预算表)
        for ln in lines:
            if len(ln.cells) > 2 or not (m := _YEAR.search(ln.text)):
                continue
            text = _WS.sub("", ln.text)
            if _kind(text) and looks_like_title(text):
                meta.year = int(m.group(1))
                evidence["year"] = _src(ln)
                break
    if meta.kind is None:
        for ln in head[:80]:
            if k := _kind(ln.text):
                meta.kind = k  # type: ignore[assignment]
                evidence["kind"] = _src(ln)
                break
    if meta.scope is None:
        for ln in head[:120]:
            if s := _scope(_WS.sub("", ln.text)):
                meta.scope = s  # type: ignore[assignment]
                evidence["scope"] = _src(ln)
                break
    if meta.scope is None and dept_line is not None:
        for rx, scope in _SCOPE_LABEL:
            if rx.search(dept_line.text):
                meta.scope = scope  # type: ignore[assignment]
                evidence["scope"] = _src(dept_line)
                break
    if meta.department and (p := _PLACE.match(_PARTY.sub("", meta.department))):
        meta.region = p.group(1)
    meta.evidence = evidence
    return meta
