"""Shared look-ups of the STRUCT rules: which tables carry content, and what the narrative says.

The narrative (``d.sections`` and the parsed parts: glossary, 三公, procurement, state assets, claims)
is filled by a separate extractor. When none of it is present the rules cannot tell "the document
does not say it" from "nobody read it", so they ask :func:`narrative_extracted` and answer
insufficient_data instead of passing or failing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan.model import Disclosure, Provenance, Section, Table

#: the document states that a table, or a kind of funds, is empty (DR-09 accepts this as the note)
EMPTY_STATEMENT = re.compile(
    r"本表无数据|无数据|本表为空|为空表|空表|"
    r"(?:无|没有|未安排|不涉及)[^。；;，,]{0,20}(?:收支|收入|支出|安排|经费|资金|预算|数据)|"
    # "政府性基金拨款支出预算为0" tells the reader the same thing
    r"(?:为|是)(?:0|零)(?:\.0+)?(?:万?元)?(?![\d.])"
)
#: content withheld as a state secret (DR-29)
WITHHELD = re.compile(r"涉密|不予公开|不宜公开|保密规定|国家秘密")
#: extraction issues that mean a table was not read completely
_DOUBT_KINDS = ("unreadable", "malformed", "ambiguous")


def compact(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def has_data(t: Table) -> bool:
    """Some amount cell of the table holds a non-zero figure (or a figure that could not be read)."""
    return any(a.value is None or a.value != 0 for r in t.rows for a in r.values.values())


def content_tables(d: Disclosure, kind: str | None = None) -> list[Table]:
    """The tables of a kind (all kinds when None) that are the printed tables themselves.

    A table of contents lists the titles again; the extractor keeps such a title as a table with no
    rows. When another table of the same kind has rows, the row-less one is a listing, not a table.
    """
    out: list[Table] = []
    kinds = [kind] if kind else list(dict.fromkeys(t.kind for t in d.tables))
    for k in kinds:
        same = [t for t in d.tables if t.kind == k]
        real = [t for t in same if t.rows or t.empty_note]
        out.extend(real or same)
    out.sort(key=lambda t: t.number)
    return out


def table_doubtful(d: Disclosure, t: Table) -> bool:
    """The extractor recorded that it could not read part of this table."""
    return any(i.table_no == t.number and i.kind in _DOUBT_KINDS for i in d.issues)


def narrative_extracted(d: Disclosure) -> bool:
    """Any part of the narrative has been extracted (sections or one of the parsed explanations)."""
    return bool(
        d.sections
        or d.glossary
        or d.claims
        or (d.three_public and d.three_public.text)
        or (d.procurement and (d.procurement.text or d.procurement.total or d.procurement.none_stated))
        or (d.state_assets and d.state_assets.text)
    )


def narrative_parts(d: Disclosure) -> Iterator[tuple[str, str, Provenance]]:
    """(heading, text, where) of every narrative part the extractor produced."""
    for s in d.sections:
        yield s.heading, s.text, s.source
    if d.three_public and d.three_public.text:
        yield '"三公"经费', d.three_public.text, d.three_public.source
    if d.procurement and d.procurement.text:
        yield "政府采购", d.procurement.text, d.procurement.source
    if d.state_assets and d.state_assets.text:
        yield "国有资产", d.state_assets.text, d.state_assets.source


def narrative_text(d: Disclosure) -> str:
    """All narrative text, whitespace removed (PDF text layers break words with spaces)."""
    return "\n".join(compact(h) + "\n" + compact(t) for h, t, _ in narrative_parts(d))


def sections_matching(d: Disclosure, heading: str) -> list[Section]:
    """Sections whose heading matches the regex, with the subsections under them.

    Whitespace is removed before matching. A part split into subsections (十一、国有资产占有使用情况 →
    1、车辆情况 …) keeps its prose in the subsections, found through their outline ``path``.
    """
    rx = re.compile(heading)
    hits = [s for s in d.sections if rx.search(compact(s.heading))]
    prefixes = [tuple(s.path) for s in hits if s.path]
    out = []
    for s in d.sections:
        p = tuple(s.path)
        if s in hits or any(len(p) > len(q) and p[: len(q)] == q for q in prefixes):
            out.append(s)
    return out


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"[。；;\n]", text) if s]


def doc_file(d: Disclosure) -> str | None:
    return d.meta.source_files[0] if d.meta.source_files else None


#: a case patch that removes every extracted part of the narrative (rule cases: "not extracted")
NARRATIVE_DROPPED: list[dict[str, str]] = [
    {"drop": k} for k in ("sections", "glossary", "claims", "three_public", "procurement", "state_assets")
]
