"""The narrative outline of a disclosure, and what its sections state.

:func:`split_sections` turns the document's lines into sections (第一部分 概况, 一、本部门职责 …,
第三部分 情况说明 with 一、…十二、 and (一)/(二)/1、 sub-headings, 第四部分 名词解释, appended
documents) with their prose: page footers dropped, sentences broken by a page or line break
rejoined, table rows and table debris left out. The other functions read one kind of section:
"三公", 机关运行经费, 政府采购, 国有资产, 名词解释, and the appended 政府购买服务指导性目录.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from yusuan.extract.claims import claims_from_sections, normalise_text
from yusuan.model import (
    Amount,
    Claim,
    GlossaryEntry,
    ProcurementBudget,
    Provenance,
    PurchaseCatalogItem,
    Section,
    StateAssets,
    ThreePublicExplanation,
    VehicleCounts,
)
from yusuan.read.document import Line

__all__ = [
    "NarrativeSection",
    "extract_admin_running_costs",
    "extract_glossary",
    "extract_procurement",
    "extract_purchase_catalog",
    "extract_state_assets",
    "extract_three_public",
    "no_purchase_catalog_stated",
    "split_sections",
]


class NarrativeSection(Section):
    """A :class:`Section` that knows the source line of each part of ``text``: ``line_starts`` is
    ``(offset in text, line number, page)``, ascending; claims use it for their lines. Not
    serialised (a Disclosure stores a plain Section)."""

    line_starts: list[tuple[int, int, int | None]] = []


# --- line classification -------------------------------------------------------------------

_FOOTER_LINE = re.compile(
    r"^(?:[-－─—–~]+\s*\d{1,3}\s*[-－─—–~]+|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3}|\d{1,3})$"
)
# A footer the text layer put inside a line: "…收入35,892.39 ─ 13 ─ 万元…".
_FOOTER_INLINE = re.compile(
    r"\s*(?<!\d)[─—–]{1,2}\s*\d{1,3}\s*[─—–]{1,2}(?!\d)\s*|\s+[-－]\s*\d{1,3}\s*[-－]\s+"
)
_BULLET = re.compile(r"^\s*(?:[-*•]\s+)+")
# the dashes _FOOTER_INLINE needs: a line without any cannot hold one (the pattern, which may start
# with white space anywhere, is slow to rule out)
_FOOTER_DASHES = ("─", "—", "–", "-", "－")
# a table-of-contents entry's tail: dot leaders and/or a page number
_TOC_PAGE = re.compile(r"(?:\s*[.…·．_]{2,}\s*\d{0,3}|(?:\s+|[-]{2,}\s*)\d{1,3})$")


# unnumbered titles of the Shanghai layout: "XX(部门)主要职能", "其他相关情况说明"
def _toc_page(text: str) -> bool:
    """``_TOC_PAGE.search(text)``: a match ends the text with a digit, a leader or white space, so
    any other last character rules it out without the (slow) search."""
    c = text[-1:]
    return (c.isdecimal() or c in ".…·．_" or c.isspace()) and _TOC_PAGE.search(text) is not None


_TITLE = re.compile(
    r"^(?:名词解释|部门概况|单位概况|.+(?:主要职能|机构设置|名词解释|编制说明|情况说明|概况))$"
)
_PART = re.compile(r"^第([一二三四五六七八九十]+)部分[:、.]?(.*)$")
_L1 = re.compile(r"^([一二三四五六七八九十]{1,3})[、.](.+)$")
_L2 = re.compile(r"^\(([一二三四五六七八九十]{1,3})\)[、.]?(.+)$")
_L3 = re.compile(r"^(\d{1,2})[、.](?!\d)(.+)$")
_APPENDIX = re.compile(r"^(?:附件[0-9一二三四五六七八九十]*:?.{0,30}|.{2,24}文件)$")
_ENUM_START = re.compile(
    r"^(?:[-•*]|\d{1,2}[、.](?!\d)|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\)|[①-⑳]|第[一二三四五六七八九十]+部分)"
)
_TERMINAL = "。!?;:…"
# Words a title ends with: a line ending so is not half a sentence.
_TITLE_END = ("通知", "说明", "情况", "目录", "表", "文件", "决定", "办法", "意见", "》", "号", "图")
_HEADING_END = re.compile(r"(?:说明|情况|目标|职能|任务|构成|设置|预算|支出|收入|经费|解释|表|\([类款项]\))$")
_PROSE = re.compile(r"。|[,;].*[,;。]|[,;]")
_HEADING_PUNCT = re.compile(r"[。,;:!?、]")
_SENTENCE_PUNCT = re.compile(r"[。;,]")
_HEADING_AND_SENTENCE = re.compile(r"^([^。;,:]{2,24}):(.+)$")
_SHORT_PUNCT = re.compile(r"[。;,:]")
_TOTAL_WORDS = re.compile(r"总额|总金额|总计|合计")


@dataclass(slots=True)
class _Item:
    kind: str  # blank, footer, table, text
    text: str
    line: Line
    tabbed: bool = False


def _is_table_row(cells: list[str]) -> bool:
    """A filled cell after the first: a table row (``"".join(cells[1:]).strip()``, without building
    the stripped copy)."""
    if len(cells) < 2:
        return False
    rest = "".join(cells[1:])
    return rest != "" and not rest.isspace()


def _classify(line: Line) -> _Item:
    cells = line.cells
    if _is_table_row(cells):
        return _Item("table", "", line, tabbed=True)
    first = cells[0].strip() if cells else ""
    if not first:
        return _Item("blank", "", line)
    bare = first.replace("*", "").replace(" ", "")
    if _FOOTER_LINE.match(bare):
        return _Item("footer", first, line)
    text = _BULLET.sub("", first.replace("**", "")).strip()
    if not text:
        return _Item("blank", "", line)
    if any(d in text for d in _FOOTER_DASHES):
        text = _FOOTER_INLINE.sub("", text)
    # one filled cell followed by empty ones: text, but marked (TOC entries and table debris look so)
    return _Item("text", text, line, tabbed=len(cells) > 1)


@dataclass(slots=True)
class _Heading:
    level: int  # 0 part / appendix, 1 一、, 2 (一), 3 1、
    key: str
    text: str
    body: str = ""


def _parse_heading(text: str, *, sub: bool, l3: bool) -> _Heading | None:
    """The heading a line starts, or None. ``sub``: numbered headings allowed; ``l3``: 1、 too."""
    t = normalise_text(text)
    if len(t) > 60:
        return None
    m = _PART.match(t)
    if m and "。" not in t and len(t) <= 40:
        return _Heading(0, f"第{m.group(1)}部分", text)
    if _APPENDIX.match(t) and "。" not in t and "," not in t:
        return _Heading(0, "附件", text)
    if _TITLE.search(t) and len(t) <= 40 and not _ENUM_START.match(t) and not _HEADING_PUNCT.search(t):
        return _Heading(0, t, text)
    if not sub:
        return None
    for level, rx in ((1, _L1), (2, _L2), (3, _L3)):
        m = rx.match(t)
        if not m:
            continue
        if level == 3 and (not l3 or len(t) > 25):
            return None
        key = f"({m.group(1)})" if level == 2 else m.group(1)
        title = m.group(2)
        if not _SENTENCE_PUNCT.search(title):
            return _Heading(level, key, text)
        # "一、部门收支总体情况:2024年…": a heading with its first sentence on the same line.
        cm = _HEADING_AND_SENTENCE.match(title)
        if cm and level < 3:
            split = text.find(":") if ":" in text else text.find("：")
            return _Heading(level, key, text[:split].strip(), text[split + 1 :].strip())
        return None
    return None


# --- sections ------------------------------------------------------------------------------


class _Open:
    """A section being filled."""

    def __init__(self, heading: _Heading, path: list[str], line: Line, file: str) -> None:
        self.heading = heading
        self.path = path
        self.line = line
        self.file = file
        self.paragraphs: list[str] = []
        self.length = 0  # len("\n".join(paragraphs))
        self.line_starts: list[tuple[int, int, int | None]] = []
        self.last_line = line.lineno
        self.table_mode = False
        self.prev_text: str | None = None  # the last text line added
        if heading.body:
            self.add(heading.body, line, join=False)

    def add(self, text: str, line: Line, *, join: bool) -> None:
        if join and self.paragraphs:
            prev = self.paragraphs[-1]
            glue = " " if prev[-1:].isascii() and prev[-1:].isalnum() and text[:1].isascii() else ""
            self.paragraphs[-1] = prev + glue + text
        else:
            glue = "\n" if self.paragraphs else ""
            self.paragraphs.append(text)
        self.line_starts.append((self.length + len(glue), line.lineno, line.page))
        self.length += len(glue) + len(text)
        self.prev_text = text

    def close(self) -> NarrativeSection:
        return NarrativeSection(
            heading=self.heading.text,
            path=self.path,
            text="\n".join(self.paragraphs),
            source=Provenance(
                file=self.file, page=self.line.page, line=self.line.lineno, raw=self.heading.text
            ),
            end_line=self.last_line,
            line_starts=self.line_starts,
        )


def _should_join(prev: str, cur: str, *, gap: bool, page_break: bool) -> bool:
    """Whether ``cur`` continues the sentence ``prev`` left open."""
    p = normalise_text(prev)
    if not p or p[-1] in _TERMINAL:
        return False
    if p[0] == "(" and p[-1] == ")" and p.count("(") == 1 and p.count(")") == 1:
        return False  # a parenthesised note on its own line: "(项目绩效目标表公开情况见附件)"
    if _ENUM_START.match(normalise_text(cur)):
        return False
    if not gap or page_break:
        return True
    # Blank lines between: a paragraph ends there unless the line before is a long sentence cut off.
    return len(p) >= 20 and not p.endswith(_TITLE_END)


def split_sections(lines: Sequence[Line], file: str) -> list[Section]:
    """The narrative sections of a document, in order.

    Promises: one :class:`NarrativeSection` per heading (第X部分, unnumbered titles such as
    其他相关情况说明, 一、, (一), short 1、, appended documents as ``["附件"]``); ``path`` is the
    outline position (``["第三部分", "五", "(一)"]``); ``text`` the prose up to the next heading,
    paragraphs on lines, without page footers, table rows or table debris; ``source.line`` the
    heading's line, ``end_line`` the last line before the next heading. The contents are skipped.
    """
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    current: _Open | None = None
    preamble: list[_Item] = []
    toc = toc_styled = glossary = gap = page_break = skip_next = False
    toc_page_no: int | None = None
    toc_first: str | None = None
    toc_count = 0
    last_page: int | None = None

    for idx, line in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        cells = line.cells
        # _is_table_row(cells), inline: this runs on every line
        if (
            not toc
            and len(cells) > 1
            and ((c := cells[1]) and not c.isspace() or (c := "".join(cells[2:])) and not c.isspace())
        ):
            # The fast path of the "table" item below (most lines of a document are table rows):
            # the same effect without building an item.
            last_page = line.page
            if current is not None:
                current.table_mode = True
                current.prev_text = None
                current.last_line = line.lineno
            gap = page_break = False
            continue
        it = _classify(line)
        if it.kind == "blank":
            gap = True
            continue
        if it.kind == "footer":
            page_break = True
            if current is not None:
                current.last_line = it.line.lineno
            continue
        if it.line.page is not None and last_page is not None and it.line.page != last_page:
            page_break = True
        last_page = it.line.page

        if toc:
            # The contents end where a line stops looking like an entry: after entries with page
            # numbers, the first line without; else a repeat of the first entry, or prose.
            entry = normalise_text(_TOC_PAGE.sub("", it.line.cells[0].strip()))
            toc_count += 1
            if it.tabbed or _TOC_PAGE.search(it.text):
                toc_styled, toc_first = True, toc_first or entry
                continue
            is_prose = "。" in entry or len(entry) > 40
            if toc_first is None and not is_prose:
                toc_first = entry
                continue
            # contents without page numbers fit their page: the next page starts the body (Shanghai's
            # 财政局 opens with "上海市财政局(单位)主要职能", a heading that reads like an entry)
            new_page = toc_page_no is not None and it.line.page is not None and it.line.page != toc_page_no
            if not (is_prose or toc_styled or entry == toc_first or toc_count > 200 or new_page):
                continue
            toc = False
        if it.kind == "table":
            if current is not None:
                current.table_mode = True
                current.prev_text = None
                current.last_line = it.line.lineno
            gap = page_break = False
            continue

        text = it.text
        if "目" in text and normalise_text(text) == "目录":  # 目 has no look-alike that maps to it
            toc, toc_first, toc_count, toc_styled = True, None, 0, False
            toc_page_no = it.line.page
            continue
        in_table = current is not None and current.table_mode
        heading = None
        if not it.tabbed and not _toc_page(text):
            heading = _parse_heading(text, sub=not glossary, l3=not in_table)
            if heading is not None and heading.level > 0 and not heading.body:
                heading, skip_next = _confirm_heading(heading, lines, idx)
        elif not it.tabbed and _parse_heading(_TOC_PAGE.sub("", text), sub=True, l3=True):
            continue  # a table-of-contents entry without a 目录 line
        if heading is not None:
            if current is not None:
                sections.append(current.close())
            while stack and stack[-1][0] >= heading.level:
                stack.pop()
            stack.append((heading.level, heading.key))
            # numbered lines under 名词解释 are entries, not headings
            if heading.level <= 1:
                glossary = "名词解释" in normalise_text(heading.text) or (heading.level == 1 and glossary)
            current = _Open(heading, [k for _, k in stack], it.line, file)
            gap = page_break = False
            continue
        if current is None:
            preamble.append(it)
            continue
        current.last_line = it.line.lineno
        if current.table_mode:
            # After a table, keep only lines that read as prose: captions, 填报人, OCR debris and
            # rows with empty trailing cells go.
            if it.tabbed or len(text) < 12 or not _PROSE.search(normalise_text(text)):
                continue
            current.table_mode = False
        join = current.prev_text is not None and _should_join(
            current.prev_text, text, gap=gap, page_break=page_break
        )
        current.add(text, it.line, join=join)
        gap = page_break = False

    if current is not None:
        sections.append(current.close())
    if not sections and preamble:
        # No outline at all: the prose as one untitled section, so its figures are not lost.
        first = _Open(_Heading(0, "", ""), [], preamble[0].line, file)
        for it in preamble:
            first.add(it.text, it.line, join=False)
        sections.append(first.close())
    return sections


def _confirm_heading(h: _Heading, lines: Sequence[Line], idx: int) -> tuple[_Heading | None, bool]:
    """Tell a numbered heading from a numbered paragraph whose first printed line looks like one:
    the heading (None for a paragraph) and whether the next, short line was merged into it."""
    nxt = _classify(lines[idx + 1]) if idx + 1 < len(lines) else None
    if nxt is None or nxt.kind != "text" or len(normalise_text(h.text)) < 22:
        return h, False
    nt = normalise_text(nxt.text)
    nh = _parse_heading(nxt.text, sub=True, l3=False)
    if _ENUM_START.match(nt) or (nh is not None and nh.key != nt):  # numbered, or a part
        return h, False
    if len(nt) <= 12 and not _SHORT_PUNCT.search(nt):
        merged = _Heading(h.level, h.key, h.text + nxt.text)
        return merged, True
    # A long line running into prose is a heading only if it ends like a title does.
    return (h, False) if _HEADING_END.search(normalise_text(h.text)) else (None, False)


# --- reading particular sections -----------------------------------------------------------


def _find(sections: Sequence[Section], word: str) -> int | None:
    """The first section of the department's own narrative whose heading names ``word``."""
    for i, s in enumerate(sections):
        h = normalise_text(s.heading)
        if word in h and "名词解释" not in h and s.path[:1] != ["附件"]:
            return i
    return None


def _subtree(sections: Sequence[Section], i: int) -> list[Section]:
    head = sections[i]
    out = [head]
    n = len(head.path)
    for s in sections[i + 1 :]:
        if len(s.path) > n and s.path[:n] == head.path:
            out.append(s)
        else:
            break
    return out


def _text(sub: Sequence[Section]) -> str:
    return "\n".join(s.text for s in sub if s.text)


def _to_amount(c: Claim) -> Amount | None:
    if c.unit not in ("万元", "元"):
        return None
    return Amount(
        value=c.value, unit=c.unit, precision=c.precision, raw=c.raw, source=c.source, flags=c.flags
    )


def _stated_amounts(claims: Sequence[Claim]) -> list[Claim]:
    """Amounts the text states for this year (not last year's base, not a threshold)."""
    skip = {"comparison_base", "threshold"}
    return [c for c in claims if c.kind == "amount" and c.unit in ("万元", "元") and not skip & set(c.flags)]


def extract_three_public(sections: Sequence[Section]) -> ThreePublicExplanation | None:
    """The "三公"经费 section (with its sub-sections) and every figure it states; None if absent."""
    i = _find(sections, "三公")
    if i is None:
        return None
    sub = _subtree(sections, i)
    return ThreePublicExplanation(
        text=_text(sub), claims=claims_from_sections(sub), source=sections[i].source
    )


def extract_admin_running_costs(sections: Sequence[Section]) -> Amount | None:
    """The 机关运行经费 amount the narrative states for this year, as printed; None if not stated.

    Taken from the 机关运行经费 section (the first amount named 机关运行经费 there, else its first
    amount); without such a section, from any section's amount named 机关运行经费.
    """
    i = _find(sections, "机关运行经费")
    if i is not None:
        amounts = _stated_amounts(claims_from_sections(_subtree(sections, i)))
        named = [c for c in amounts if "机关运行经费" in c.subject]
        pick = (named or amounts or [None])[0]
        return _to_amount(pick) if pick else None
    for c in _stated_amounts(claims_from_sections(sections)):
        if "机关运行经费" in c.subject:
            return _to_amount(c)
    return None


_NO_PROCUREMENT = re.compile(r"(?:无|没有|未安排|未编制|不涉及)(?:政府采购|采购预算)")


def extract_procurement(sections: Sequence[Section]) -> ProcurementBudget | None:
    """政府采购: total and 货物 / 工程 / 服务 amounts as printed; ``none_stated`` when the text says
    there is no procurement budget (无政府采购预算). None when there is no such section."""
    i = _find(sections, "政府采购")
    if i is None:
        return None
    sub = _subtree(sections, i)
    text = _text(sub)
    amounts = _stated_amounts(claims_from_sections(sub))
    parts = {"goods": "货物", "works": "工程", "services": "服务"}
    found: dict[str, Amount | None] = {}
    for key, word in parts.items():
        c = next((c for c in amounts if word in c.subject), None)
        found[key] = _to_amount(c) if c else None
    total_c = next((c for c in amounts if _TOTAL_WORDS.search(c.subject)), None)
    if total_c is None:
        total_c = next((c for c in amounts if not any(w in c.subject for w in parts.values())), None)
    return ProcurementBudget(
        total=_to_amount(total_c) if total_c else None,
        none_stated=bool(_NO_PROCUREMENT.search(normalise_text(text))),
        text=text,
        source=sections[i].source,
        **found,
    )


_AS_OF = re.compile(r"截[至止](\d{4})年(\d{1,2})月(\d{1,2})日")
_QUOTA = re.compile(r"编制(?:数)?(?:为)?(\d+)辆")
_ACTUAL = re.compile(r"(?:实有|共有)(?:公务用?车|车辆)?(?:数)?(?:为)?(\d+)辆")
_EQUIPMENT = re.compile(r"(\d+)万元(?:\([^)]*\))?(?:及)?以上的?(?:通用)?设备(?:\([^)]*\))?(\d+)台")


def extract_state_assets(sections: Sequence[Section]) -> StateAssets | None:
    """国有资产占有使用情况: the date, official vehicles (编制 / 实有 / by category), office floor
    area (m²) and counts of equipment above a value, as printed. None when there is no such section."""
    i = _find(sections, "国有资产")
    if i is None:
        return None
    sub = _subtree(sections, i)
    text, claims = _text(sub), claims_from_sections(sub)
    norm = normalise_text(text)
    m = _AS_OF.search(norm)
    as_of = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None
    vehicles = None
    cars = [c for c in claims if c.unit == "辆" and c.value is not None and c.subject.endswith("用车")]
    categories: dict[str, int] = {}
    for c in cars:  # the first mention: a later one may be this year's purchases
        if "编制" not in c.subject and c.subject != "公务用车":
            categories.setdefault(c.subject, int(c.value))  # type: ignore[arg-type]
    quota, actual = _QUOTA.search(norm), _ACTUAL.search(norm)
    if quota or actual or categories:
        vehicles = VehicleCounts(
            quota=int(quota.group(1)) if quota else None,
            actual=int(actual.group(1)) if actual else None,
            by_category=categories,
        )
    areas = [c for c in claims if c.unit in ("平方米", "㎡", "m²") and "面积" in c.subject]
    area = next((c for c in areas if "办公用房" in c.subject), areas[0] if areas else None)
    return StateAssets(
        as_of=as_of,
        vehicles=vehicles,
        office_floor_area_m2=area.value if area else None,
        equipment_over={th: int(n) for th, n in reversed(_EQUIPMENT.findall(norm))},
        text=text,
        source=sections[i].source,
    )


_ENTRY = re.compile(
    r"^\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[、.．])\s*(.*)$"
)
_TERM_VERB = re.compile(r"是指|系指|是对|指|是")


def _split_term(rest: str) -> tuple[str, str]:
    for sep in (":", "："):
        k = rest.find(sep)
        if 0 < k <= 30:
            return rest[:k].strip(), rest[k + 1 :].strip()
    m = _TERM_VERB.search(rest, 0, 31)
    if m and m.start() > 0:
        return rest[: m.start()].strip(), rest[m.start() :].strip()
    return rest.strip(), ""


def extract_glossary(sections: Sequence[Section]) -> list[GlossaryEntry]:
    """The 名词解释 entries ("一、财政拨款收入：…"), term and definition as printed.

    A definition continued on following paragraphs is joined; an entry whose number stands on a
    line of its own takes its term from the next line.
    """
    out: list[GlossaryEntry] = []
    for s in sections:
        if "名词解释" not in normalise_text(s.heading):
            continue
        starts = getattr(s, "line_starts", None) or []
        entries: list[list] = []  # [term, definition, line]
        offset = 0
        for para in s.text.split("\n"):
            line = next((ln for o, ln, _ in reversed(starts) if o <= offset), s.source.line)
            offset += len(para) + 1
            m = _ENTRY.match(para)
            if m:
                entries.append([*(_split_term(m.group(1)) if m.group(1) else ("", "")), line])
            elif entries:
                e = entries[-1]
                if not e[0]:
                    e[0], e[1] = _split_term(para)
                else:
                    e[1] = (e[1] + para).strip()
        for term, definition, line in entries:
            if term:
                out.append(
                    GlossaryEntry(
                        term=term.strip(" :：*"),
                        definition=definition,
                        source=Provenance(file=s.source.file, page=s.source.page, line=line),
                    )
                )
    return out


_NO_CATALOG = re.compile(r"(?:无|没有|未编制)政府购买服务指导性目录")


def no_purchase_catalog_stated(sections: Sequence[Section]) -> bool:
    """True when the narrative says the department has no 政府购买服务指导性目录 of its own."""
    return any(_NO_CATALOG.search(normalise_text(s.text)) for s in sections)


_CODE = re.compile(r"^([A-Z](?:\d{2}){0,3})$")
_CODE_AND_NAME = re.compile(r"^([A-Z](?:\d{2}){0,3})\s+(\S.*)$")
_CJK = re.compile(r"[\u4e00-\u9fff()（）]+")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_NEXT_CODE = re.compile(r"\s[A-Z]\d{2,6}\s")
_DIGITS3 = re.compile(r"\d{3,}")


def _code_of(cell: str) -> tuple[str | None, str, bool]:
    """(code, name printed in the same cell, whether later rows ran into the cell)."""
    c = cell.strip()
    compact = c.replace(" ", "")
    if _CODE.match(compact):
        return compact, "", False
    m = _CODE_AND_NAME.match(c)
    if m:
        name = m.group(2)
        nxt = _NEXT_CODE.search(" " + name + " ")
        if nxt:  # the text layer ran several rows together: keep this row's part only
            return m.group(1), name[: max(0, nxt.start() - 1)].strip(), True
        return m.group(1), name.strip(), False
    return None, "", False


def extract_purchase_catalog(lines: Sequence[Line], file: str) -> list[PurchaseCatalogItem]:
    """The appended 政府购买服务指导性目录: every code row (``A``, ``A15``, ``A1502``, ``A150201``)
    with its name, level (1–4), parent code and the department group it is listed under.

    The catalog starts at its first ``代码 一级目录 …`` header and ends at the first prose line
    after it; repeated headers and page footers are skipped, a row the text layer repeated is kept
    once per group, and rows whose code is unreadable (``160601``, ``406``) are left out.
    """
    out: list[PurchaseCatalogItem] = []
    append = out.append
    group: str | None = None
    # codes seen, per group: sets of strings, not of (group, code) tuples, which the garbage
    # collector would have to track by the thousand
    seen: dict[str | None, set[str]] = {}
    start = len(lines)
    for i, line in enumerate(lines):
        cells = line.cells
        # cheap test first: most of a document comes before the catalog
        head = cells[0]
        is_header = "代码" in head and head.replace(" ", "").startswith("代码")
        if is_header and any("目录" in c for c in cells[1:]):
            start = i + 1
            break
    # the loop below runs once per catalog row (thousands): names looked up once
    cjk, item, provenance = _CJK.search, PurchaseCatalogItem, Provenance
    for line in lines[start:]:
        cells = line.cells
        first = cells[0].strip()
        if len(cells) == 1:
            if not first or _FOOTER_LINE.match(first.replace("*", "").strip()):
                continue
            break  # a prose line: the catalog is over
        # the hot path: thousands of rows whose first cell is a bare code (what _code_of tells first)
        compact = first.replace(" ", "") if " " in first else first
        # _CODE.match(compact) without the regex call: A, A15, A1502, A150201 (\d is isdecimal;
        # compact, from a stripped cell, has no trailing newline for $ to stop before)
        n = len(compact)
        if n in (1, 3, 5, 7) and "A" <= compact[0] <= "Z" and (n == 1 or compact[1:].isdecimal()):
            code, name, run_on = compact, "", False
        else:
            code, name, run_on = _code_of(first) if first else (None, "", False)
        if code is not None:
            codes = seen.get(group)
            if codes is None:
                codes = seen[group] = set()
            elif code in codes:
                continue
            codes.add(code)
            level = 1 + (len(code) - 1) // 2
            if not name:
                by_level = cells[level].strip() if level < len(cells) else ""
                name = (
                    by_level if cjk(by_level) else next((c.strip() for c in cells[1:] if _CJK.search(c)), "")
                )
            elif not run_on:  # the rest of a name wrapped into the next cell
                name = name + "".join(c.strip() for c in cells[1:] if _CJK.search(c))
            if " " in name or "\u3000" in name:
                name = _CJK_GAP.sub("", name).strip()
            append(
                item(
                    code,
                    name,
                    level,
                    code[:-2] if level > 1 else None,
                    group,
                    provenance(file, line.page, line.lineno, None, "\t".join(cells)),  # line.text
                )
            )
            continue
        nonempty = [c.strip() for c in cells if c.strip()]
        if not nonempty or (
            first.replace(" ", "").startswith("代码") and any("目录" in c for c in cells[1:])
        ):
            continue  # an empty row, or the header printed again on a new page
        # A department group line, its name often split over cells by the text layer.
        if not first or _DIGITS3.search(line.text):
            continue
        joined = "".join("".join(_CJK.findall(c)) for c in nonempty)
        if len(joined) >= 2:
            group = joined
    return out
