"""Shared helpers of the CLASS rules: codes and names as printed, and which registry entries are current.

The bundled code lists are partial (catalog/data/SOURCES.md). An entry is *current* for a year when
its list's edition covers that year; the legacy vendor lists (content c. 2008–2010) are never current
and serve only to say "this code is known from the old scheme". A user-supplied list (the official
政府收支分类科目 of a year) is current for the years its ``edition_year`` column names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan.catalog.classification import Entry, Registry, default_registry
from yusuan.catalog.tables import TABLE_KINDS
from yusuan.model import Disclosure, Row, Table

#: table kinds whose rows carry 支出功能分类 codes
FUNCTION_KINDS: tuple[str, ...] = tuple(k.key for k in TABLE_KINDS if k.classification == "function")
#: table kinds whose rows carry 经济分类 codes or names
ECONOMIC_KINDS: tuple[str, ...] = tuple(k.key for k in TABLE_KINDS if k.classification == "economic")

# Years each bundled list's names are attested for (SOURCES.md): the observed function list comes
# from one sub-district's 2024 and 2025 budgets; the partial economic lists follow the 2018 reform
# of the economic classification (department scheme, edition 2020/2025; government scheme 2020).
_BUNDLED_SPANS: dict[str, tuple[int, int]] = {
    "function_classification_observed_2024_2025.csv": (2024, 2025),
    "economic_classification_department_partial.csv": (2018, 2025),
    "economic_classification_government_partial.csv": (2018, 2025),
}
_EDITION = re.compile(r"^(\d{4})(?:\s*[-/–~至]\s*(\d{4}))?$")
_FULL_TO_ASCII = str.maketrans({"（": "(", "）": ")", "【": "[", "】": "]", "，": ",", "、": "、", "　": ""})
_FOOTER = re.compile(r"[─—–-]+\d{1,3}[─—–-]+")
_ORDINAL = re.compile(r"^(?:[(]?[一二三四五六七八九十]+[)、.．]|[(]?\d{1,2}[)、.．]|[①-⑳])")
_INNER_ORDINAL = re.compile(r"[一二三四五六七八九十]+、")


def norm_code(code: str | None) -> str:
    """A printed code without the spaces of three-column layouts (``201 05 07`` → ``2010507``)."""
    return "".join((code or "").split())


def compact_name(name: str | None) -> str:
    """A printed name reduced to what must agree between printings.

    Whitespace (PDF wraps put spaces and line breaks inside long names), full-width brackets, page
    footers caught inside a wrapped cell, list ordinals (八、 / (一) / ①) and a stray fragment of the
    previous row's wrapped name before an ordinal (``算支出二十三、灾害防治…``) are removed.
    """
    t = re.sub(r"\s+", "", name or "").translate(_FULL_TO_ASCII)
    t = _FOOTER.sub("", t)
    m = _INNER_ORDINAL.search(t)
    if m and 0 < m.start() <= 6:
        t = t[m.start() :]
    t = _ORDINAL.sub("", t)
    # a second ordinal further on starts the next cell of a side-by-side layout
    # ("一般公共服务支出一、基本支出"): the name ends before it
    m = _INNER_ORDINAL.search(t)
    if m and m.start() >= 2:
        t = t[: m.start()]
    return t


def is_legacy(e: Entry) -> bool:
    return "legacy" in e.source or e.edition.lower().startswith("c")


def entry_span(e: Entry) -> tuple[int, int] | None:
    """First and last year an entry's name is attested for; None for legacy or undated entries."""
    if is_legacy(e):
        return None
    base = e.source.replace("\\", "/").rsplit("/", 1)[-1]
    if base in _BUNDLED_SPANS:
        return _BUNDLED_SPANS[base]
    m = _EDITION.match(e.edition.strip())
    if not m:
        return None
    lo = int(m.group(1))
    return lo, int(m.group(2) or lo)


def covers(e: Entry, year: int) -> bool:
    span = entry_span(e)
    return span is not None and span[0] <= year <= span[1]


def current_entries(scheme: str, code: str, year: int, reg: Registry | None = None) -> list[Entry]:
    """Entries of the code whose list covers the year."""
    return [e for e in (reg or default_registry()).lookup(scheme, code) if covers(e, year)]


def known_current(scheme: str, code: str, reg: Registry | None = None) -> bool:
    """Some non-legacy list has the code (whatever its year)."""
    return any(not is_legacy(e) for e in (reg or default_registry()).lookup(scheme, code))


def legacy_entries(scheme: str, code: str, reg: Registry | None = None) -> list[Entry]:
    return [e for e in (reg or default_registry()).lookup(scheme, code) if is_legacy(e)]


def entries_by_name(schemes: tuple[str, ...], reg: Registry | None = None) -> dict[str, list[Entry]]:
    """Compacted name → entries, over the given schemes (lists are small; built per call)."""
    reg = reg or default_registry()
    out: dict[str, list[Entry]] = {}
    for scheme in schemes:
        for entries in reg.entries.get(scheme, {}).values():
            for e in entries:
                out.setdefault(compact_name(e.name), []).append(e)
    return out


def coded_rows(d: Disclosure, kinds: tuple[str, ...] = FUNCTION_KINDS) -> Iterator[tuple[Table, Row, str]]:
    """(table, row, code) for every row with a code, in tables of the given kinds, in printed order."""
    for t in d.tables:
        if t.kind not in kinds:
            continue
        for r in t.rows:
            c = norm_code(r.code)
            # the income side of a two-sided fund table carries revenue codes (103…), not function codes
            if c and r.side != "income":
                yield t, r, c
