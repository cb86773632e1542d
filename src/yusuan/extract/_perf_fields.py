"""The non-money fields of one OCR'd performance-target table: header, texts, goals, indicators, date.

Works on the :class:`Rows` of one table (already split off and, for a page scanned upside down, put
back in order). Every field is read from the row the template puts it in; a field whose row cannot be
found is None, never filled in from elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from yusuan.extract._perf_funds import MAX_CELL, TokenMemo
from yusuan.extract._perf_text import (
    ATTR,
    DEPT,
    FNUM,
    FOOT,
    FTOT,
    GOALH,
    IND,
    INDH,
    LEVEL1_OF,
    NAME,
    NAME_RX,
    TITLE,
    YEAR,
    Rows,
    attribute_of,
    cjk_count,
    has_cjk,
    level2_of,
    norm,
    parse_target,
    source_of,
)
from yusuan.model.amount import Provenance
from yusuan.model.disclosure import Indicator
from yusuan.read.document import Line

# Both run on raw cells, so they allow OCR's spaces and look-alikes.
_CODE_RX = re.compile(r"[0-9]{3}\s*-?\s*孝")
_CODE_ONLY = re.compile(r"^\s*[0-9]{3}\s*$")
_UNIT_LABEL_RX = re.compile(r"(?:[实実實]\s*)?[施適]\s*[单單単]\s*位|以海华位|主演单位")
_PERIOD_RX = re.compile(r"(?:项目|页|剪)[期制開0-9]{0,3}期?[^0-9年]{0,3}([0-9]{1,3})年")
_LAST_PERIOD_RX = re.compile(r"^([0-9]{1,3})年$")
_DATE_AFTER_LABEL = re.compile(r"[日口]期[^0-9]{0,4}(20[12][0-9]{5,11})(?![0-9])")
_DATE_TOKEN = re.compile(r"(?<![0-9])20[12][0-9]{7,11}(?![0-9])")
_GOAL_LABEL = re.compile(r"体目标")
_ANNUAL_GOAL = re.compile(r"年.?[目日]标")
_VALUE_HEAD = re.compile(r"[指排]标值|标值")
_L3_HEAD = re.compile(r"三级指")
_L2_HEAD = re.compile(r"[二工]级指|级指标")
_SPACES = re.compile(r"\s+")
_JUNK_EDGE = ":：·.,，、;；-—_|!！'\"`~*#<>「」。 "
# Cells left of this column on the name row hold the row number, the label and its OCR spill-over.
_NAME_COL = 3

#: the five text rows in template order, with the words that identify their label
_TEXT_FIELDS = (
    ("overview", re.compile(r"概|项目[機模]")),
    ("basis", re.compile(r"立项|依据|依")),
    ("necessity", re.compile(r"必要|设立")),
    ("measures", re.compile(r"措施|制度|实施的|保证")),
    ("plan", re.compile(r"实施计|实施证|计划|划$|实施$|项目实施")),
)
_TEXT_ORDER = [f for f, _ in _TEXT_FIELDS]
_LABEL_CHARS = re.compile("[项目概况立依据设必要性保证实施的制度措计划機模]")
# three CJK characters or more (cjk_count(text) >= 3, without listing them all)
_THREE_CJK = re.compile("[\u4e00-\u9fff](?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){2}")


_NOT_NAME = frozenset({DEPT, FTOT, FOOT, INDH, IND, TITLE, YEAR})
#: (level1, level2, level3, target_raw, comparator, target value, target unit) of an indicator
_Side = tuple[str | None, str | None, str | None, str, object, object, object]
#: (period, 二级 col, 三级 col, 指标值 col) of one side of the indicator header
_Columns = tuple[str, int, int, int]


@dataclass(slots=True)
class Memo:
    """Per-document memo of readings that repeat from table to table (the same 数量指标 ⇥ 100% and
    其中: 中央财政资金 ⇥ 0 rows fill most tables)."""

    level2: dict[str, str | None] = field(default_factory=dict)
    sides: dict[tuple[str, tuple[_Columns, ...]], list[tuple[str, int, _Side]]] = field(default_factory=dict)
    #: (二级, 三级, 指标值 cell) → the side they read as: rows that differ elsewhere repeat these
    side_cells: dict[tuple[str, str, str], _Side | None] = field(default_factory=dict)
    funds_rows: TokenMemo = field(default_factory=dict)


@dataclass(slots=True)
class Fields:
    """What the rows of one table say, before money and matching."""

    name: str = ""
    name_line: Line | None = None
    department: str | None = None
    unit: str | None = None
    attribute: str | None = None
    period: str | None = None
    texts: dict[str, str] = field(default_factory=dict)
    goal_implementation: str | None = None
    goal_annual: str | None = None
    indicators: list[Indicator] = field(default_factory=list)
    filled_date: str | None = None


def _clean(cell: str) -> str:
    return cell.strip().strip(_JUNK_EDGE)


def rejoin(parts: list[str]) -> str:
    """Cells of one printed phrase joined back. OCR repeats the character where it split a cell
    (``就业补助资金`` ⇥ ``金中央级``), so a character that ends one part and starts the next is kept once."""
    out = ""
    for p in parts:
        p = "".join(p.split())  # _SPACES.sub("", p): str.split splits on the same white space as \s
        if out and p and out[-1] == p[0] and (p[0].isdigit() or "\u4e00" <= p[0] <= "\u9fff"):  # has_cjk
            p = p[1:]
        out += p
    return out


def funds_start(tags: list[str | None]) -> int | None:
    """Index of the funds block's total row: the 实施期资金总额 row, or, where OCR lost that label,
    the first row printing a thousands-grouped amount."""
    for wanted in (FTOT, FNUM):
        if wanted in tags:
            return tags.index(wanted)
    return None


def header_rows(tags: list[str | None], ftot: int) -> tuple[int | None, int | None, int | None]:
    """Indexes of the 项目名称, 主管部门 and 项目属性 rows above the funds block (None when absent).

    By tag first; a name row whose label OCR lost is the row just above 主管部门 (or 项目属性)."""
    dept = next((i for i in range(ftot - 1, -1, -1) if tags[i] == DEPT), None)
    attr = next((i for i in range(ftot - 1, -1 if dept is None else dept, -1) if tags[i] == ATTR), None)
    below = dept if dept is not None else attr
    top = below if below is not None else ftot
    name = next((i for i in range(top - 1, -1, -1) if tags[i] == NAME), None)
    # The name row often carries stray source words (芒保险省级, 中央数): any tag but another
    # header, a title or the body of the table above will do.
    if name is None and below is not None and below > 0 and tags[below - 1] not in _NOT_NAME:
        name = below - 1
    return name, dept, attr


def read_name(rows: Rows, i: int) -> str:
    """The project name of the 项目名称 row: the cells after the label, rejoined.

    Junk from the scan's ruling lines (``120``, ``T.``, a lone ``百``) is dropped; digits are kept
    when they start a year OCR split (``20`` ⇥ ``024年临县第一``, ``2024`` ⇥ ``年企业退休``)."""
    cells = rows.lines[i].cells
    ncells = rows.cells(i)
    start = next((ci + 1 for ci, n in enumerate(ncells) if NAME_RX.search(n)), 0)
    parts: list[str] = []
    for ci in range(start, len(cells)):
        c = _clean(cells[ci])
        if not c or len(c) > MAX_CELL:
            continue
        # The label's spill-over (``称``, ``10月``) sits left of the name column.
        if ci < _NAME_COL and cjk_count(c) < 4 and "年" not in c:
            continue
        nxt = _clean(cells[ci + 1]) if ci + 1 < len(cells) else ""
        if not has_cjk(c):
            if c.isdigit() and (nxt[:1].isdigit() or nxt[:1] == "年") and has_cjk(nxt):
                parts.append(c)
            continue
        # A lone character before the name is debris unless the name continues right after it.
        if len(c) == 1 and not parts and not has_cjk(nxt[:1]):
            continue
        parts.append(c)
    return rejoin(parts)


def read_department(rows: Rows, i: int, known: list[str]) -> tuple[str | None, str | None]:
    """(主管部门及代码, 实施单位) as printed on the 主管部门 row (spaces dropped).

    The department is the cell from the ``051-`` code on, plus its continuation cell; when the code
    cell is printed twice the copy closest to a known department name is taken. The unit is what
    follows the 实施单位 label."""
    cells: list[str] = []
    for c in rows.lines[i].cells:
        if not c.strip() or len(c) > MAX_CELL:
            continue
        if cells and _CODE_ONLY.match(cells[-1]):
            cells[-1] += c  # 051 ⇥ -孝义市人力资…
        else:
            cells.append(c)
    depts: list[str] = []
    dept_end = -1
    unit_at: int | None = None
    unit_head = ""
    for ci, c in enumerate(cells):
        if unit_at is None and (m := _UNIT_LABEL_RX.search(c)):
            unit_at, unit_head, c = ci, c[m.end() :], c[: m.start()]
        m = _CODE_RX.search(c)
        if m and (unit_at is None or unit_at == ci):
            text = c[m.start() :]
            nxt = cells[ci + 1] if ci + 1 < len(cells) else ""
            dept_end = ci
            continued = has_cjk(nxt) and not _CODE_RX.search(nxt) and not _UNIT_LABEL_RX.search(nxt)
            if "局" not in text and continued:
                text = rejoin([text, _clean(nxt)])
                dept_end = ci + 1
            depts.append(_SPACES.sub("", text))
    dept = None
    if depts:
        dept = max(depts, key=lambda d: fuzz.ratio(norm(d), norm(known[0]))) if known else max(depts, key=len)
    if unit_at is not None:
        parts = [_clean(unit_head)] + [_clean(c) for c in cells[unit_at + 1 :]]
    else:
        # The 实施单位 label was lost: the unit is the text right of the department.
        parts = [_clean(c) for c in cells[dept_end + 2 :]] if depts else []
    return dept, rejoin([p for p in parts if has_cjk(p)]) or None


def read_attribute(rows: Rows, i: int) -> tuple[str | None, str | None]:
    """(项目属性, 项目期) of the 项目属性 row. The period is read only where the row prints it
    (``项目期 1年``, a last cell ``99年``); the ``(1年结束)`` of the attribute is not a period."""
    text = rows.norms[i]
    attr = attribute_of(text)
    m = _PERIOD_RX.search(text.replace("(1年结束)", ""))
    if m:
        return attr, f"{m.group(1)}年"
    tail = [n for n in rows.cells(i) if n]
    last = tail[-1] if tail else ""
    if len(tail) >= 2 and last == "年" and tail[-2].isdigit():
        last = tail[-2] + last
    mm = _LAST_PERIOD_RX.match(last)
    return attr, f"{mm.group(1)}年" if mm else None


def read_texts(rows: Rows, start: int, stop: int) -> dict[str, str]:
    """项目概况 … 项目实施计划 from the rows between the funds block and the goals.

    A row's field is named by its label when readable, else it is the next field in template order."""
    out: dict[str, str] = {}
    nxt = 0
    for i in range(start, stop):
        if nxt >= len(_TEXT_ORDER):
            break
        label, text = _split_label(rows.lines[i].cells, rows.cells(i))
        # Leftovers of the funds block (其他 ⇥ 资金) are not a text.
        if _THREE_CJK.search(text) is None or (len(text) < 12 and source_of(norm(text)) is not None):
            continue
        fld = next((f for f, rx in _TEXT_FIELDS if label and rx.search(label)), None)
        if fld is None or _TEXT_ORDER.index(fld) < nxt:
            fld = _TEXT_ORDER[nxt]
        out[fld] = text
        nxt = _TEXT_ORDER.index(fld) + 1
    return out


def _is_label(n: str) -> bool:
    """True for a cell made mostly of the words of the five text labels (项目概况 … 项目实施计划)."""
    return len(n) <= 13 and 2 * len(_LABEL_CHARS.findall(n)) >= cjk_count(n)


def _split_label(cells: list[str], ncells: list[str]) -> tuple[str, str]:
    """(label, text) of a text row: leading cells made of label characters are the label."""
    label: list[str] = []
    text: list[str] = []
    for c, n in zip(cells, ncells, strict=False):
        if not n:
            continue
        if not text and _is_label(n):
            label.append(n)
            continue
        if not text and not label and " " in c.strip():
            # "立项依据 本专项资金…" printed in one cell
            head, _, rest = c.strip().partition(" ")
            if _is_label(head):
                label.append(head)
                c = rest
        if len(c) <= 3 * MAX_CELL and has_cjk(c):
            text.append(c.strip())
    return "".join(label), rejoin(text) if text else ""


def read_goals(rows: Rows, start: int, stop: int) -> tuple[str | None, str | None]:
    """(实施期目标, 年度目标) of the 总体目标 rows, split at the 年度目标 column of the goal header."""
    head = rows.first((GOALH,), start, stop)
    if head is None:
        return None, None
    annual_col = next((ci for ci, n in enumerate(rows.cells(head)) if _ANNUAL_GOAL.search(n)), None)
    impl: list[str] = []
    annual: list[str] = []
    for i in range(head + 1, stop):
        if rows.tags[i] in (INDH, IND):
            break
        for ci, (c, n) in enumerate(zip(rows.lines[i].cells, rows.cells(i), strict=False)):
            if not n or len(c) > 3 * MAX_CELL or not has_cjk(n) or _GOAL_LABEL.search(n):
                continue
            (annual if annual_col is not None and ci >= annual_col else impl).append(_clean(c))
    return rejoin(impl) or None, rejoin(annual) or None


def _indicator_columns(ncells: list[str], cells: list[str]) -> list[_Columns]:
    """(period, 二级 col, 三级 col, 指标值 col) for each side of the indicator header row."""
    l2: list[int] = []
    l3: list[int] = []
    val: list[int] = []
    for ci, n in enumerate(ncells):
        if not n or len(cells[ci]) > MAX_CELL:
            continue
        if _VALUE_HEAD.search(n):
            val.append(ci)
        elif _L3_HEAD.search(n):
            l3.append(ci)
        elif _L2_HEAD.search(n) and n != "一级指标":
            l2.append(ci)
    out: list[_Columns] = []
    lo = -1
    for period, v in zip(("implementation", "annual"), val, strict=False):
        c3 = max((c for c in l3 if lo < c < v), default=None)
        c2 = max((c for c in l2 if lo < c < (v if c3 is None else c3)), default=None)
        if c3 is None and c2 is not None:
            c3 = c2 + 1
        if c2 is None and c3 is not None:
            c2 = c3 - 1
        if c2 is not None and c3 is not None:
            out.append((period, c2, c3, v))
        lo = v
    return out


def _side(l2: str, l3: str, tv: str, level2: dict[str, str | None]) -> _Side | None:
    """(level1, level2, level3, target_raw, comparator, value, unit) of one side of an indicator row,
    or None when it has neither a 三级指标 nor a target."""
    l2 = l2 if len(l2) <= MAX_CELL else ""
    l3 = _clean(l3) if len(l3) <= MAX_CELL else ""
    tv = tv.strip() if len(tv) <= MAX_CELL else ""
    if "指标" in tv:
        tv = ""  # the next side's 二级指标, shifted into this side's value column
    l2_filled = l2 and not l2.isspace()  # l2.strip(), without building the string
    if not (l3 or tv) or not (l2_filled or has_cjk(l3)):
        return None
    cat = level2_of(l2, level2) if l2_filled else None
    comp, value, unit = parse_target(tv) if tv else (None, None, None)  # "" is no target
    return LEVEL1_OF[cat] if cat else None, cat or (_clean(l2) or None), l3 or None, tv, comp, value, unit


def _row_sides(cells: list[str], cols: list[_Columns], memo: Memo) -> list[tuple[str, int, _Side]]:
    """(period, value column, side) of each side of an indicator row that prints something."""
    n = len(cells)
    out = []
    known = memo.side_cells
    for period, c2, c3, cv in cols:
        if cv >= n and c3 >= n:
            continue
        key = (cells[c2] if c2 < n else "", cells[c3] if c3 < n else "", cells[cv] if cv < n else "")
        if key in known:
            side = known[key]
        else:
            side = known[key] = _side(*key, memo.level2)
        if side is not None:
            out.append((period, cv, side))
    return out


def read_indicators(rows: Rows, start: int, file: str, memo: Memo) -> tuple[list[Indicator], int]:
    """Indicators of both periods below the first usable indicator header at or after ``start``, and
    that header's index (``len(rows.tags)`` when there is none).

    A row side with neither a 三级指标 nor a target is skipped (the template lists every category,
    filled or not). 一级指标 follows from the 二级指标 category, as the template fixes it."""
    head = None
    cols: list[_Columns] = []
    for i in range(start, len(rows.tags)):
        if rows.tags[i] == INDH:
            cols = _indicator_columns(rows.cells(i), rows.lines[i].cells)
            if cols:
                head = i
                break
    if head is None:
        return [], len(rows.tags)
    out: list[Indicator] = []
    key_cols = tuple(cols)
    for i in range(head + 1, len(rows.tags)):
        if rows.tags[i] == FOOT:
            continue
        # The same rows (数量指标 ⇥ 数量指标 ⇥ 100%) fill most tables: read each once.
        key = (rows.raws[i], key_cols)
        got = memo.sides.get(key)
        if got is None:
            got = memo.sides[key] = _row_sides(rows.lines[i].cells, cols, memo)
        line = rows.lines[i].lineno
        for period, cv, (level1, level2, level3, tv, comp, value, unit) in got:
            # positional: the fields in declaration order (period, level1 … target_unit, source)
            out.append(
                Indicator(
                    period,  # type: ignore[arg-type]
                    level1,
                    level2,
                    level3,
                    tv,
                    comp,  # type: ignore[arg-type]
                    value,  # type: ignore[arg-type]
                    unit,  # type: ignore[arg-type]
                    Provenance(file, None, line, cv, tv),
                )
            )
    return out, head


def read_date(rows: Rows, start: int) -> str | None:
    """填报日期, digits as printed, from the footer rows at or after ``start``.

    A number right after a 填报日期 label wins; else a bare 20xx… date cell on a footer row (phone
    numbers start with 1 and never match)."""
    fallback = None
    for i in range(start, len(rows.tags)):
        text = rows.norms[i]
        if "20" not in text:
            continue
        m = _DATE_AFTER_LABEL.search(text)
        if m:
            return m.group(1)
        if rows.tags[i] not in (FOOT, IND, None):
            continue
        ncells = rows.cells(i)
        for ci, n in enumerate(ncells):
            d = _DATE_TOKEN.search(n)
            if d is None:
                continue
            label = n[: d.start()] or (ncells[ci - 1] if ci else "")
            if label and fuzz.partial_ratio("填报日期", label) >= 50:
                return d.group()
            fallback = fallback or d.group()
    return fallback
