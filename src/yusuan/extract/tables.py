"""Standard tables: find them by title, read their header into column keys, read their rows.

Works on any :class:`~yusuan.read.document.Document` whose table rows are lines of cells: text
extracted from a PDF with tab-separated cells, a PDF text layer rebuilt into cells, a spreadsheet
or an HTML table. Handles: digits split by spaces (``35892. 39``), names wrapped inside a cell,
two-sided tables (收 and 支 on one line, in two or three blocks), column groups repeated side by
side, horizontal "三公" tables (items as columns), rows continued after a page break with empty
columns dropped, merged header cells over several lines, empty tables ("本表无数据"), tables of
contents (a title is a table's only when its table follows), table numbers printed before or after
the title (``预算公开表1``, ``公开表一``), and units per table (元 tables beside a 万元 one).

The work is split: :mod:`._header` reads headers into a layout, :mod:`._rows` reads lines into
rows, :mod:`._horizontal` reads horizontal 三公 tables, :mod:`._structure` assigns levels and row
keys, :mod:`._projects` builds the projects of the project tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from yusuan.catalog.tables import (
    KINDS_BY_KEY,
    TableKind,
    classify_title,
    column_role,
    excludes_carryover,
    looks_like_title,
)
from yusuan.extract._header import build_layout, compact, default_layout
from yusuan.extract._horizontal import is_data_line as is_horizontal_data
from yusuan.extract._horizontal import is_horizontal, read_horizontal
from yusuan.extract._projects import projects_of
from yusuan.extract._rows import CODE, TOTAL_LABEL, AmountReader, RowReader, align, align_dense
from yusuan.extract._structure import assign_structure
from yusuan.extract.numbers import looks_numeric
from yusuan.model import Column, ExtractionIssue, Project, Provenance, Row, Table
from yusuan.read.document import Line

__all__ = ["TableResult", "compact", "extract_tables", "find_table_blocks", "table_kind_name"]

_UNIT = re.compile(r"(?:金额)?单位\s*[:：]?\s*[(（]?\s*(万元|元)(?![\u4e00-\u9fff])")
_CONTINUED = re.compile(r"[(（]?续(?:表)?[)）]?$")
_DEPT = re.compile(
    r"(?:(?:部门|单位)名称|编制(?:部门|单位)|预算(?:主管)?(?:部门|单位)|填报单位|^部门)\s*[:：]\s*"
    r"([^\t]*?)\s*(?:(?:金额)?单位\s*[:：].*)?$"
)
_EMPTY_NOTE = re.compile(r"本表无数据|本表为空|为空表|无.{0,12}(收支|数据|支出|收入|安排)|空表")
_STRONG_EMPTY = re.compile(r"本表无数据|本表为空|为空表|空表|无数据")
_NUM = r"[0-9〇零一二三四五六七八九十]+"
_PRINTED_NO = re.compile(rf"^(?:预算|部门|单位|决算)?公开\s*表?\s*{_NUM}\s*表?$|^附?表\s*{_NUM}$")
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
_HEADING = re.compile(r"^[一二三四五六七八九十]+、\S")
_SECTION = re.compile(r"^(?!注|说明|备注).{0,30}(?:情况说明|编制说明|名词解释)$")
_INDEX_ROW = re.compile(r"^\d{1,2}$")
_CODE_PREFIX = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*(\D.*)$")
_CODE_PART_HEADER = re.compile(r"^(?:类|款|项|编码|科目编码|功能分类科目编码|经济分类科目编码)$")


@dataclass
class _Block:
    kind: TableKind
    title: str
    title_line: Line
    printed_no: str | None
    lines: list[Line] = field(default_factory=list)


@dataclass
class TableResult:
    tables: list[Table]
    projects: list[Project]
    issues: list[ExtractionIssue]
    department: str | None


def _nonempty(line: Line) -> list[str]:
    return [c for c in line.cells if c and not c.isspace()]


def _title_like(text: str) -> bool:
    """:func:`looks_like_title`, answering at once for text without 表 (a title ends in 表):
    most one-cell lines of a document are prose."""
    return "表" in text and looks_like_title(text)


def find_table_blocks(lines: list[Line]) -> list[_Block]:
    """Split the document into standard-table blocks, from each title to the next boundary."""
    blocks: list[_Block] = []
    current: _Block | None = None
    for i, line in enumerate(lines):
        if current is None and len(line.cells) > 2:
            continue  # a row outside any table; titles stand alone (or beside a page number)
        cells = _nonempty(line)
        if len(cells) == 1:
            text = cells[0].strip()
            if _title_like(text) and _followed_by_table(lines, i):
                kind = classify_title(text)
                continued = current is not None and _CONTINUED.search(compact(text))
                if kind is not None and continued and kind.key == current.kind.key:  # type: ignore[union-attr]
                    continue  # 续表: the same table goes on
                if kind is not None:
                    if current:
                        blocks.append(current)
                    current = None
                    if kind.key != "performance":
                        current = _Block(kind, compact(text), line, _printed_no(lines, i))
                    continue
            ct = compact(text)
            # a heading ends the table; a row with one filled cell (tabs around it) does not
            if (
                current
                and len(line.cells) == 1
                and (_PART.match(ct) or _HEADING.match(text) or _SECTION.match(ct))
            ):
                blocks.append(current)
                current = None
                continue
            if current and _PRINTED_NO.match(ct):
                continue  # a table's number, printed above its title or below it
        if current is not None:
            current.lines.append(line)
    if current:
        blocks.append(current)
    return blocks


def _followed_by_table(lines: list[Line], i: int) -> bool:
    """A title is a table's when a table follows it, not another entry of a table of contents.

    Contents entries are followed by more entries (one cell each, or with a page number); a
    table's title is followed, within a few lines, by its 部门名称 / 单位 line, its header or rows
    (two or more filled cells), or its empty-table note — before any other title.
    """
    seen = 0
    for line in lines[i + 1 : i + 16]:
        ne = _nonempty(line)
        if not ne:
            continue
        seen += 1
        t = compact(ne[0])
        if _DEPT.search(ne[0].strip()) or _UNIT.search(t) or _EMPTY_NOTE.search(t):
            return True
        if len(ne) >= 2 and not (len(ne) == 2 and _INDEX_ROW.match(compact(ne[1]))):
            return len(ne) >= 3 or not _title_like(ne[0])
        if len(ne) == 1 and _title_like(t) and classify_title(t) is not None:
            return False  # another title first: a list of titles
        if seen >= 6:
            break
    return False


def _printed_no(lines: list[Line], i: int) -> str | None:
    """The table number printed on the line above the title, else on the line below it."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and abs(j - i) <= 3:
            cells = _nonempty(lines[j])
            if cells:
                t = compact(cells[0])
                if len(cells) == 1 and _PRINTED_NO.match(t):
                    return t
                break
            j += step
    return None


def _department(cells: list[str]) -> str | None:
    """The department named on a table's 部门名称 line (``部门: ⇥ 江苏省… ⇥ 单位:万元`` too)."""
    for k, c in enumerate(cells):
        if "部门" not in c and "单位" not in c and "名称" not in c:
            continue
        m = _DEPT.search(c.strip())
        if not m:
            continue
        name = m.group(1).strip()
        if not name:
            nxt = next((x for x in cells[k + 1 :] if x.strip()), "")
            if nxt and not _UNIT.search(compact(nxt)):
                name = nxt
        return compact(name) or None
    return None


# ---------------------------------------------------------------------------------------------


def _is_index_row(cells: list[str]) -> bool:
    # The row numbers under a header (1 ⇥ 2 ⇥ 3 …) start at 1: most rows fail that first test.
    first = next((c for c in cells if c.strip()), None)
    if first is None or compact(first) != "1":
        return False
    vals = [compact(c) for c in cells if c.strip()]
    return len(vals) >= 3 and all(_INDEX_ROW.match(v) for v in vals)


def _is_amount_shaped(cell: str) -> bool:
    t = compact(cell)
    if not t or not looks_numeric(cell):
        return False
    return "." in t or "," in t or len(t) >= 3


_Role = Callable[[str], tuple[str, str | None]]


def _role_memo() -> _Role:
    """:func:`column_role` remembered for one document: its tables repeat the same header words
    (合计, 基本支出 …), and each reading tries some thirty patterns."""
    memo: dict[str, tuple[str, str | None]] = {}

    def role(label: str) -> tuple[str, str | None]:
        r = memo.get(label)
        if r is None:
            r = memo[label] = column_role(label)
        return r

    return role


def _is_repeated_header(ne: list[str], seen: set[str], column_role: _Role = column_role) -> bool:
    """The header printed again at the top of a page: its words, and mostly the same cells as the
    header read at the top (年初结转和结余 ⇥ 年末结转和结余 is a row, though its words name columns)."""
    if any(looks_numeric(c) for c in ne):
        return False
    cells = [compact(c) for c in ne]
    same = sum(1 for c in cells if c in seen)
    if same == len(cells):
        return True
    if 2 * same < len(cells):
        return False  # the test below needs this too; the column roles cost more
    roles = [column_role(c)[0] for c in ne]
    known = sum(1 for r in roles if r != "unknown")
    header_like = known >= 2 or all(_CODE_PART_HEADER.match(c) for c in cells)
    return header_like and 2 * same >= len(cells)


def _is_data_line(cells: list[str], column_role: _Role = column_role) -> bool:
    ne = [compact(c) for c in cells if c.strip()]
    if not ne:
        return False
    if CODE.match(ne[0]) or _CODE_PREFIX.match(ne[0]):
        return True
    if len(ne) == 1 and TOTAL_LABEL.match(ne[0]):
        return True
    if any(_is_amount_shaped(c) for c in cells[1:]):
        return True
    # a label row of a fixed-layout table, no header words in it: 一、一般公共服务支出 / 因公出国(境)费
    return len(ne) <= 2 and len(cells) >= 2 and not any(column_role(c)[0] != "unknown" for c in ne)


def _is_meta_line(line: Line, ne: list[str]) -> bool:
    """编制部门 / 单位 / the table number: printed around the table, not part of it."""
    if len(ne) == 1:
        t = compact(ne[0])
        return bool(_UNIT.search(t) or _DEPT.search(ne[0].strip()) or _PRINTED_NO.match(t))
    joined = "".join(ne)
    return (
        ("单位" in joined or "部门" in joined or "名称" in joined)
        and any(_UNIT.search(compact(c)) or _DEPT.search(c.strip()) for c in ne)
        and not any(_is_amount_shaped(c) for c in ne)
    )


def _note(ne: list[str]) -> str | None:
    """A note under or over the table (注: …, 说明: …, 本表无数据), or None."""
    if len(ne) != 1:
        return None
    t = compact(ne[0])
    if t.startswith(("注", "备注", "说明")) or (_EMPTY_NOTE.search(t) and len(t) < 80):
        return t
    return None


# ---------------------------------------------------------------------------------------------


def extract_tables(lines: list[Line], file: str) -> TableResult:
    """Find and read every standard table; also build the projects of the project tables."""
    issues: list[ExtractionIssue] = []
    reader = AmountReader(file, issues)
    tables: list[Table] = []
    departments: list[str] = []
    blocks = find_table_blocks(lines)
    role = _role_memo()
    printed_units: list[str | None] = []
    for block in blocks:
        unit = None
        for line in block.lines:
            joined = "\t".join(line.cells)  # the words hold no tab: found in the joined cells iff in a cell
            if "单位" not in joined and "名称" not in joined and "部门" not in joined:
                continue
            for c in line.cells:
                m = _UNIT.search(compact(c)) if "单位" in c else None
                if m:
                    unit = m.group(1)
            dept = _department(line.cells)
            if dept:
                departments.append(dept)
        printed_units.append(unit)
    known = [u for u in printed_units if u]
    doc_unit = max(set(known), key=known.count) if known else None

    for number, (block, unit) in enumerate(zip(blocks, printed_units, strict=True), start=1):
        table_unit = unit or doc_unit
        table = _read_block(block, number, table_unit or "万元", reader, role)
        table.unit = table_unit  # type: ignore[assignment]
        table.unit_source = "printed" if unit else ("document" if doc_unit else "unknown")
        if table_unit is None:
            issues.append(
                ExtractionIssue(
                    kind="missing",
                    message=f"表{number}《{block.title}》未标明金额单位,全文也无可参照的单位",
                    where=table.source,
                    table_no=number,
                )
            )
            for r in table.rows:
                for a in r.values.values():
                    a.flags.append("unit_unknown")
        tables.append(table)

    department = max(set(departments), key=departments.count) if departments else None
    projects: list[Project] = []
    for t in tables:
        if t.kind in ("project_current", "project_carryover"):
            projects.extend(projects_of(t, department, issues))
    return TableResult(tables, projects, issues, department)


def _read_block(
    block: _Block, number: int, unit: str, reader: AmountReader, role: _Role = column_role
) -> Table:
    kind = block.kind
    tl = block.title_line
    src = Provenance(file=tl.file or reader.file, page=tl.page, line=tl.lineno, raw=tl.text)
    table = Table(
        kind=kind.key,
        number=number,
        printed_no=block.printed_no,
        title=block.title,
        unit=unit,  # type: ignore[arg-type]
        source=src,
        excludes_carryover=excludes_carryover(block.title),
    )
    body: list[Line] = []
    for line in block.lines:
        ne = _nonempty(line)
        if not ne or _is_meta_line(line, ne) or _is_index_row(line.cells):
            continue
        note = _note(ne)
        if note is not None:
            if _EMPTY_NOTE.search(note) and not (table.empty_note and _STRONG_EMPTY.search(table.empty_note)):
                table.empty_note = note
            continue
        body.append(line)
    if kind.key == "three_public" and is_horizontal(body):
        header = [ln.cells for ln in body if not is_horizontal_data(ln)]
        data = [ln for ln in body if is_horizontal_data(ln)]
        read_horizontal(table, header, data, reader, unit)
        return table
    header_lines: list[list[str]] = []
    data: list[Line] = []
    seen: set[str] = set()
    for line in body:
        if not data and not _is_data_line(line.cells, role):
            header_lines.append(line.cells)
            seen.update(compact(c) for c in line.cells if c.strip())
        elif data and _is_repeated_header(_nonempty(line), seen, role):
            continue  # the header printed again at the top of the next page
        else:
            data.append(line)
    _read_rows(table, kind, header_lines, data, reader, unit, role)
    return table


def _read_rows(
    table: Table,
    kind: TableKind,
    header: list[list[str]],
    data: list[Line],
    reader: AmountReader,
    unit: str,
    role: _Role = column_role,
) -> None:
    if header:
        layout = build_layout(kind, header, role)
    else:
        layout = default_layout(kind, max((len(d.cells) for d in data), default=0))
    if not any(r[0] == "amount" for r in layout.roles):
        reader.issue(
            "ambiguous", f"表{table.number}《{table.title}》表头无法识别列含义", table.source, table.number
        )
    layout.pad(max([len(h) for h in header] + [0]))
    block_side = {i: b.side for b in layout.blocks for i in range(b.lo, b.hi)}
    table.columns = [
        Column(key=r[1] or "", label=lab, side=block_side.get(i) if layout.split is not None else None)  # type: ignore[arg-type]
        for i, (r, lab) in enumerate(zip(layout.roles, layout.labels, strict=True))
        if r[0] == "amount"
    ]
    rows = RowReader(table, kind, layout, reader, unit)
    first_amount = rows.first_amount()
    for line in data:
        for i in range(layout.width, len(line.cells)):
            if looks_numeric(line.cells[i]):
                reader.unplaced(line, i, line.cells[i], table.number)
        # neither function changes the cells it is given, and both return a new list
        cells, moved = align_dense(line.cells, layout) if not kind.two_sided else (None, False)
        if cells is None:
            cells, moved = align(line.cells, layout.width, first_amount)
        rows.read(line, cells, moved)
    table.rows = rows.all_rows()
    _total_in_header(table, header, layout.roles)
    assign_structure(table, kind)


def _total_in_header(table: Table, header: list[list[str]], roles: list[tuple[str, str | None]]) -> None:
    """合计 printed on the header's last line, under the code and name columns, is the empty total
    row of a table with no rows (final-accounts fund tables print their header that way)."""
    if table.rows or not header:
        return
    last = header[-1]
    i = next((k for k, c in enumerate(last) if c.strip()), None)
    if i is not None and roles[i][0] in ("code", "name") and TOTAL_LABEL.match(compact(last[i])):
        table.rows = [Row(name=compact(last[i]), key="total", role="total", source=table.source)]


def table_kind_name(key: str) -> str:
    k = KINDS_BY_KEY.get(key)
    return k.name_zh if k else key
