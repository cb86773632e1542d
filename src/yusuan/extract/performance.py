"""Project performance-target tables (项目支出绩效目标表) → :class:`PerformanceTarget`.

The tables are usually scanned pages run through OCR, so every label may carry look-alike characters,
a row may be split over several cells and an amount over two, a page may come back upside down, and
junk from the ruling lines fills the margins. The extraction goes:

1. :func:`find_performance_section` — the lines from the first table to the next numbered heading;
2. split into tables on the structure (title / 项目名称 / 主管部门 rows open a table, the 填报日期
   footer closes it; a table whose indicators come before its funds is a page scanned upside down);
3. read each table's rows (:mod:`._perf_fields`) and its funds block (:mod:`._perf_funds`);
4. match each table to a project of the project tables by name and amount, one table per project;
5. resolve each table's amounts from the readings that agree, with the project amount as one more
   reading, and report every conflict.

Money is never guessed: see :mod:`._perf_funds`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz, process

from yusuan.extract import _perf_fields as F
from yusuan.extract._perf_funds import FundsBlock, amounts, read_block, resolve_block
from yusuan.extract._perf_text import (
    BODY_TAGS,
    FCEN,
    FLOC,
    FNUM,
    FOOT,
    FPRO,
    FSELF,
    FTOT,
    FTOT_RX,
    GOAL,
    GOALH,
    HEADER_TAGS,
    IND,
    INDH,
    NAME,
    TEXT,
    TITLE,
    YEAR,
    Rows,
    norm,
    tag_line,
)
from yusuan.model.amount import Amount, Provenance
from yusuan.model.disclosure import ExtractionIssue, PerformanceTarget, Project
from yusuan.read.document import Line

__all__ = ["extract_performance", "find_performance_section"]

_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十]+部分)")
_HEADING_START = tuple("一二三四五六七八九十第 ")
_DEPT_CODE = re.compile(r"([0-9]{3})[-\s]?(.*)$")
# How many non-blank lines above the first 实施期资金总额 row a table's header can take.
_HEADER_SPAN = 8


def find_performance_section(lines: list[Line]) -> tuple[int, int]:
    """``(start, end)``: indexes into ``lines`` of the performance-target tables, end exclusive.

    Start is the header of the table holding the first 实施期资金总额 row (title, year, name,
    department and attribute rows above it); end is the next numbered heading of the narrative
    (``十一、国有资产占有使用情况``) or the end of ``lines``. ``start == end`` when there is no table."""
    first = None
    for i, line in enumerate(lines):
        # The label needs 总; testing the raw text first keeps this cheap on a whole document (the
        # joined cells hold 总 where a cell does: a tab cannot make one).
        if len(line.cells) > 1:
            text = "\t".join(line.cells)
            if ("总" in text or "總" in text) and FTOT_RX.search(norm(text)) and _sources_follow(lines, i):
                first = i
                break
    if first is None:
        return len(lines), len(lines)
    start, seen = first, 0
    for i in range(first - 1, -1, -1):
        text = "\t".join(lines[i].cells)
        if not text or text.isspace():
            continue
        seen += 1
        single = sum(1 for c in lines[i].cells if c.strip()) == 1
        tag = tag_line(norm(text))
        if seen > _HEADER_SPAN or _HEADING.match(text) or (single and tag not in (TITLE, YEAR)):
            break
        start = i
    for i in range(first + 1, len(lines)):
        cells = lines[i].cells
        # Cheap test first: this runs over every line of the section.
        heading = cells[0][:1] in _HEADING_START and _HEADING.match(cells[0])
        if heading and not any(c.strip() for c in cells[1:]):
            return start, i
    return start, len(lines)


def _sources_follow(lines: list[Line], i: int) -> bool:
    """True when a fund-source row (其中: 中央财政资金 …) follows line ``i`` within three lines: a
    资金总额 label elsewhere in a document is not a target table."""
    seen = 0
    for line in lines[i + 1 :]:
        text = "\t".join(line.cells)
        if not text or text.isspace():
            continue
        if tag_line(norm(text)) in (FCEN, FPRO, FLOC, FSELF):
            return True
        seen += 1
        if seen == 3:
            break
    return False


@dataclass(slots=True)
class _Table:
    rows: Rows
    reversed: bool = False


def _split(lines: list[Line]) -> list[_Table]:
    """The section's tables, each with its non-blank lines, normalised texts and tags.

    A table opens at a title or year line, or at a header row (项目名称, 主管部门, 项目属性) once the
    current table has its funds block; it closes at its footer (负责人 … 填报日期). Lines after a
    footer wait: a further footer line belongs to the closed table, a header or body line opens the
    next one with them. A run with neither funds nor name rows is debris of the table before it."""
    kept: list[Line] = []
    raws: list[str] = []
    for line in lines:
        raw = "\t".join(line.cells)
        if raw and not raw.isspace():
            kept.append(line)
            raws.append(raw)
    norms = [norm(r) for r in raws]
    tags = [tag_line(t) for t in norms]
    starts = [0]
    has_funds = has_ftot = closed = False
    last_sig: str | None = None
    waiting: int | None = None  # first line after a footer not yet given to a table
    for i, tag in enumerate(tags):
        if closed and tag is None:
            if waiting is None:
                waiting = i
            continue
        if closed and tag == FOOT:
            waiting = None
        if i == 0:
            start_new = False
        elif closed:
            start_new = tag != FOOT
        elif tag in (TITLE, YEAR):
            start_new = has_funds
        elif tag in HEADER_TAGS:
            # An upside-down page prints its header rows just after its funds block.
            start_new = has_funds and last_sig not in (FTOT, *HEADER_TAGS)
        else:
            start_new = tag == FTOT and has_ftot
        if start_new:
            starts.append(i if waiting is None else waiting)
            has_funds = has_ftot = closed = False
            waiting = None
        has_funds = has_funds or tag in (FTOT, FNUM)
        has_ftot = has_ftot or tag == FTOT
        closed = closed or tag == FOOT
        last_sig = tag or last_sig
    bounds: list[list[int]] = []
    for a, b in zip(starts, [*starts[1:], len(tags)], strict=True):
        part = tags[a:b]
        if bounds and not any(t in (FTOT, FNUM, NAME) for t in part):
            bounds[-1][1] = b  # debris of the table before
        elif any(t in BODY_TAGS or t == FTOT for t in part):
            bounds.append([a, b])
    out: list[_Table] = []
    for a, b in bounds:
        t = _Table(Rows(kept[a:b], raws[a:b], norms[a:b], tags[a:b]))
        ftot = F.funds_start(t.rows.tags)
        head = t.rows.first((INDH,))
        if ftot is not None and head is not None and head < ftot and t.rows.first((FOOT,)) is None:
            t.rows.reverse()
            t.reversed = True
        out.append(t)
    return out


@dataclass(slots=True)
class _Parsed:
    table: _Table
    fields: F.Fields
    block: FundsBlock | None
    where: str


def _parse(t: _Table, no: int, file: str, known_depts: list[str], memo: F.Memo) -> _Parsed:
    rows = t.rows
    f = F.Fields()
    ftot = F.funds_start(rows.tags)
    block = None
    body = 0
    if ftot is not None:
        name_i, dept_i, attr_i = F.header_rows(rows.tags, ftot)
        if name_i is not None:
            f.name, f.name_line = F.read_name(rows, name_i), rows.lines[name_i]
        if dept_i is not None:
            f.department, f.unit = F.read_department(rows, dept_i, known_depts)
        if attr_i is not None:
            f.attribute, f.period = F.read_attribute(rows, attr_i)
        stop = rows.first((TEXT, GOALH, GOAL, INDH, IND), ftot + 1)
        block, body = read_block(rows, ftot, len(rows.tags) if stop is None else stop, memo.funds_rows)
    goals_at = rows.first((GOALH, GOAL, INDH), body)
    goals_at = len(rows.tags) if goals_at is None else goals_at
    f.texts = F.read_texts(rows, body, goals_at)
    f.indicators, ind_at = F.read_indicators(rows, body, file, memo)
    f.goal_implementation, f.goal_annual = F.read_goals(rows, goals_at, ind_at)
    f.filled_date = F.read_date(rows, min(ind_at, len(rows.tags)))
    return _Parsed(t, f, block, f"绩效目标表 #{no} (line {rows.lines[0].lineno})")


# --- matching --------------------------------------------------------------------------------------


def _yuan(p: Project) -> tuple[Decimal, Decimal] | None:
    """A project's amount in 元 and the rounding tolerance of its printed figure."""
    a = p.amounts.get("total")
    if a is None or a.value is None:
        return None
    return a.in_unit("元"), a.half_ulp("元")  # type: ignore[return-value]


def _match(parsed: list[_Parsed], units: list[str | None], projects: list[Project]) -> list[Project | None]:
    """One project per table, at most one table per project.

    A pair scores its name similarity (rapidfuzz ratio on normalised names; a table whose name row
    is unreadable uses its 项目概况 / 立项依据), plus 100 when a clean amount of the table equals the
    project's within rounding, plus 15 when the implementing unit is the project's, minus 10 for a
    carried-over project; pairs are taken best first. A pair needs the amount to agree or a name score
    of 75."""
    names = [norm(p.name) for p in projects]
    money = sorted((m[0], m[1], pi) for pi, p in enumerate(projects) if (m := _yuan(p)) is not None)
    keys_sorted = [m[0] for m in money]
    widest = max((m[1] for m in money), default=Decimal(0))
    scored: list[tuple[float, int, int]] = []
    for ti, pt in enumerate(parsed):
        f = pt.fields
        agree: set[int] = set()
        for v in pt.block.clean_values() if pt.block else ():
            top = v + widest
            for k in range(bisect.bisect_left(keys_sorted, v - widest), len(money)):
                amount, tol, pi = money[k]
                if amount > top:
                    break
                if abs(v - amount) <= tol:
                    agree.add(pi)
        unit = units[ti]
        keys = [norm(f.name)] if len(f.name) >= 4 else []
        keys += [norm(f.texts[k]) for k in ("overview", "basis") if len(f.texts.get(k, "")) in range(4, 41)]
        best: dict[int, float] = {}
        for key in keys:
            for pi in agree:
                best[pi] = max(best.get(pi, 0.0), fuzz.ratio(key, names[pi]))
            hit = process.extractOne(key, names, scorer=fuzz.ratio, score_cutoff=75)
            if hit is not None:
                best[hit[2]] = max(best.get(hit[2], 0.0), hit[1])
        for pi in agree | best.keys():
            p = projects[pi]
            score = best.get(pi, 0.0) + (100 if pi in agree else 0) + (15 if unit == p.unit else 0)
            scored.append((score - (10 if p.period == "carryover" else 0), ti, pi))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    out: list[Project | None] = [None] * len(parsed)
    taken: set[int] = set()
    for _, ti, pi in scored:
        if out[ti] is None and pi not in taken:
            out[ti] = projects[pi]
            taken.add(pi)
    return out


def _closest(raw: str | None, choices: list[str], cutoff: float) -> str | None:
    """The one of ``choices`` (names as the project table prints them) closest to ``raw`` once its
    look-alikes are mapped, if close enough."""
    if not raw or not choices:
        return None
    hit = process.extractOne(norm(raw), choices, scorer=fuzz.ratio, score_cutoff=cutoff)
    return hit[0] if hit else None


def _department(raw: str | None, depts: list[str]) -> str | None:
    """``051-孝义市人力资源和社会保障局``: the printed code with the department name as the project
    table prints it, when the OCR'd name is close to it; else as printed."""
    if not raw:
        return None
    m = _DEPT_CODE.match(raw)
    code, name = (m.group(1), m.group(2)) if m else (None, raw)
    name = _closest(name, depts, 70) or name
    return f"{code}-{name}" if code else name


# --- public ----------------------------------------------------------------------------------------


def extract_performance(
    lines: list[Line], projects: list[Project], file: str
) -> tuple[list[PerformanceTarget], list[ExtractionIssue]]:
    """Every performance-target table in ``lines`` (the section, or the whole document), in order.

    ``projects`` are the project-table projects; each target's ``matched_project`` names the one it
    belongs to (None when no project agrees in name or amount). Funds are in 元 and their values come
    only from agreeing readings (see :mod:`._perf_funds`); every unreadable or conflicting reading,
    every table without a readable name or funds block, and every unmatched table is reported as an
    ExtractionIssue. Texts and names are kept as OCR printed them; the department and implementing
    unit take the project table's spelling when fuzzily close (``孝文市`` → ``孝义市``)."""
    start, end = find_performance_section(lines)
    units = list(dict.fromkeys(p.unit for p in projects if p.unit))
    depts = list(dict.fromkeys(p.department for p in projects if p.department))
    depts = depts or [u for u in units if u.endswith("局")][:1]
    memo = F.Memo()
    parsed = [_parse(t, i + 1, file, depts, memo) for i, t in enumerate(_split(lines[start:end]))]
    unit_of = [_closest(pt.fields.unit, units, 60) for pt in parsed]
    targets: list[PerformanceTarget] = []
    issues: list[ExtractionIssue] = []
    for pt, unit, proj in zip(parsed, unit_of, _match(parsed, unit_of, projects), strict=True):
        target, found = _target(pt, unit, proj, file, depts)
        targets.append(target)
        issues.extend(found)
    return targets, issues


def _target(
    pt: _Parsed, unit: str | None, proj: Project | None, file: str, depts: list[str]
) -> tuple[PerformanceTarget, list[ExtractionIssue]]:
    """The PerformanceTarget of one parsed table and the issues of reading it."""
    f = pt.fields
    head = f.name_line or pt.table.rows.lines[0]
    where = Provenance(file=file, line=head.lineno, raw=f.name)
    issues: list[ExtractionIssue] = []
    funds: dict[str, dict[str, Amount]] = {}
    if pt.block is not None:
        money = _yuan(proj) if proj is not None else None
        results = resolve_block(pt.block, *(money or (None, Decimal(0))))
        funds, issues = amounts(pt.block, results, file, pt.where)
    else:
        issues.append(ExtractionIssue(kind="missing", where=where, message=f"{pt.where}: no 项目资金 block"))
    if not f.name:
        issues.append(ExtractionIssue(kind="unreadable", where=where, message=f"{pt.where}: no 项目名称"))
    if proj is None:
        issues.append(
            ExtractionIssue(
                kind="ambiguous",
                where=where,
                message=f"{pt.where}: no project of the project tables matches {f.name!r} in name or amount",
            )
        )
    if pt.table.reversed:
        issues.append(
            ExtractionIssue(
                kind="note", where=where, message=f"{pt.where}: page scanned upside down; rows read bottom-up"
            )
        )
    target = PerformanceTarget(
        project=f.name,
        matched_project=proj.name if proj is not None else None,
        competent_department=_department(f.department, depts),
        implementing_unit=unit or f.unit,
        attribute=f.attribute,
        period=f.period,
        funds=funds,
        overview=f.texts.get("overview"),
        basis=f.texts.get("basis"),
        necessity=f.texts.get("necessity"),
        measures=f.texts.get("measures"),
        plan=f.texts.get("plan"),
        goal_implementation=f.goal_implementation,
        goal_annual=f.goal_annual,
        indicators=f.indicators,
        filled_date=f.filled_date,
        ocr=True,
        source=Provenance(file=file, line=head.lineno, raw="\t".join(head.cells)),
    )
    return target, issues
