"""Standard tables: find them by title, read their header into column keys, read their rows.

Works on any :class:`~yusuan.read.document.Document` whose table rows are lines of cells: text
extracted from a PDF with tab-separated cells, a PDF text layer rebuilt into cells, a spreadsheet
or an HTML table. Handles: digits split by spaces (``35892. 39``), names wrapped inside a cell,
two-sided tables (收 and 支 on one line), rows continued after a page break with empty columns
dropped, merged header cells over several lines, empty tables ("本表无数据").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from yusuan.catalog.classification import function_class_code, level_of
from yusuan.catalog.tables import (
    KINDS_BY_KEY,
    TableKind,
    classify_title,
    column_role,
    excludes_carryover,
    looks_like_title,
)
from yusuan.extract.numbers import looks_numeric, parse_number
from yusuan.model import Amount, Column, ExtractionIssue, Project, Provenance, Row, Table
from yusuan.read.document import Line

_WS = re.compile(r"\s+")
_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_CODE_PREFIX = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*(\D.*)$")
_UNIT = re.compile(r"(?:金额)?单位\s*[:：]\s*(万元|元)")
_DEPT = re.compile(r"(?:(?:部门|单位)名称|编制(?:部门|单位)|预算单位|填报单位)\s*[:：]\s*([^\t]*?)\s*(?:(?:金额)?单位\s*[:：].*)?$")
_EMPTY_NOTE = re.compile(r"本表无数据|本表为空|为空表|无.{0,12}(收支|数据|支出|收入|安排)|空表")
_PRINTED_NO = re.compile(r"^(?:预算|部门|单位|决算)?公开\s*表?\s*\d+\s*表?$|^公开\d+表$|^表[一二三四五六七八九十\d]+$")
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
_HEADING = re.compile(r"^[一二三四五六七八九十]+、\S")
_TOTAL_LABEL = re.compile(r"^(?:合计|总计|部门合计|单位合计|本年收入合计|本年支出合计|收入总计|支出总计)$")
_CODE_PART_HEADER = re.compile(r"^(?:类|款|项|编码|科目编码|功能分类科目编码|经济分类科目编码)$")
_INDEX_ROW = re.compile(r"^\d{1,2}$")
_PLACEHOLDER = re.compile(r"^[-—_–~·.。,，*]+$")


def compact(text: str) -> str:
    """A printed name with all whitespace removed."""
    return "".join(text.split())


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
            if looks_like_title(text) and _followed_by_table(lines, i):
                kind = classify_title(text)
                if kind is not None:
                    if current:
                        blocks.append(current)
                    current = None
                    if kind.key != "performance":
                        current = _Block(kind, compact(text), line, _printed_no(lines, i))
                    continue
            # a heading ends the table; a row with one filled cell (tabs around it) does not
            if current and len(line.cells) == 1 and (_PART.match(compact(text)) or _HEADING.match(text)):
                blocks.append(current)
                current = None
                continue
            if current and _PRINTED_NO.match(compact(text)):
                continue  # the next table's number, printed above its title
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
        if _DEPT.search(ne[0]) or _UNIT.search(t) or _EMPTY_NOTE.search(t):
            return True
        if len(ne) >= 2 and not (len(ne) == 2 and _INDEX_ROW.match(compact(ne[1]))):
            return len(ne) >= 3 or not looks_like_title(ne[0])
        if len(ne) == 1 and looks_like_title(t) and classify_title(t) is not None:
            return False  # another title first: a list of titles
        if seen >= 6:
            break
    return False


def _printed_no(lines: list[Line], i: int) -> str | None:
    for j in range(i - 1, max(-1, i - 4), -1):
        cells = _nonempty(lines[j])
        if not cells:
            continue
        t = compact(cells[0])
        return t if len(cells) == 1 and _PRINTED_NO.match(t) else None
    return None


# ---------------------------------------------------------------------------------------------


def _is_index_row(cells: list[str]) -> bool:
    vals = [compact(c) for c in cells if c.strip()]
    return len(vals) >= 3 and all(_INDEX_ROW.match(v) for v in vals) and vals[0] == "1"


def _is_amount_shaped(cell: str) -> bool:
    t = compact(cell)
    if not t or not looks_numeric(cell):
        return False
    return "." in t or "," in t or len(t) >= 3


def _is_repeated_header(ne: list[str]) -> bool:
    if any(looks_numeric(c) for c in ne):
        return False
    roles = [column_role(c)[0] for c in ne]
    return sum(1 for r in roles if r != "unknown") >= 2 or all(_CODE_PART_HEADER.match(compact(c)) for c in ne)


def _is_data_line(cells: list[str]) -> bool:
    ne = [compact(c) for c in cells if c.strip()]
    if not ne:
        return False
    if _CODE.match(ne[0]) or _CODE_PREFIX.match(ne[0]):
        return True
    if len(ne) == 1 and _TOTAL_LABEL.match(ne[0]):
        return True
    if any(_is_amount_shaped(c) for c in cells[1:]):
        return True
    # a label row of a fixed-layout table, no header words in it: 一、一般公共服务支出 / 因公出国(境)费
    return not any(column_role(c)[0] != "unknown" for c in ne) and len(ne) <= 2 and len(cells) >= 2


@dataclass
class _Layout:
    width: int
    roles: list[tuple[str, str | None]]
    labels: list[str]
    #: index where the expenditure side begins (two-sided tables)
    split: int | None = None


def _layout(kind: TableKind, header: list[list[str]]) -> _Layout:
    width = max((len(h) for h in header), default=0)
    labels = []
    for i in range(width):
        parts = [compact(h[i]) for h in header if i < len(h) and h[i].strip()]
        labels.append("".join(parts))
    roles = []
    for i, lab in enumerate(labels):
        # the lowest header cell names the column; a group title above it (一般公共预算支出 over
        # 合计 / 基本支出 / 项目支出) only helps when the lowest cell says nothing by itself
        bottom = next((compact(h[i]) for h in reversed(header) if i < len(h) and h[i].strip()), "")
        role, whole = column_role(bottom), column_role(lab)
        if role[0] != "amount" and whole[0] == "amount":
            role = whole  # 经营收入 under 事业单位: the whole label names the column
        roles.append(role if role[0] != "unknown" else whole)
    for i in range(width):
        # a code column whose header is 类 / 款 / 项 under a spanning group title keeps its role
        parts = [compact(h[i]) for h in header if i < len(h) and h[i].strip()]
        if any(_CODE_PART_HEADER.match(p) for p in parts):
            roles[i] = ("code", None)
    split = None
    if kind.two_sided:
        names = [i for i, r in enumerate(roles) if r[0] == "name"]
        if len(names) >= 2:
            split = names[1]
        else:
            for h in header:
                for i, c in enumerate(h):
                    if i > 0 and compact(c) in ("支出", "支出项目"):
                        split = i
                        break
                if split:
                    break
    if split is not None:
        income_amounts = [i for i in range(split) if roles[i][0] == "amount"]
        if len(income_amounts) == 1:
            # the income side's single amount column (2024年 / 金额 / 预算数) is its "amount"
            roles[income_amounts[0]] = ("amount", "amount")
    return _Layout(width, roles, labels, split)


def _default_layout(kind: TableKind, width: int) -> _Layout:
    """When a table prints no usable header: code?, name, then amounts left to right as 合计 …"""
    roles: list[tuple[str, str | None]] = []
    if kind.coded:
        roles = [("code", None), ("name", None)]
    else:
        roles = [("name", None)]
    while len(roles) < width:
        roles.append(("unknown", None))
    return _Layout(width, roles, [""] * width, None)


def _align(cells: list[str], width: int, first_amount: int) -> tuple[list[str], bool]:
    """Put a short row's cells under the header's columns.

    Text extracted after a page break drops trailing empty columns, so a row can be shorter than
    the header. Cells up to the first empty amount cell keep their place; values after that gap
    are the table's right-hand columns and are moved right by the number of dropped columns.
    Returns the aligned cells and whether anything was moved (the caller flags those amounts).
    """
    if len(cells) >= width:
        return cells[:width] + [c for c in cells[width:] if c.strip()][:0], False
    pad = width - len(cells)
    last_label = max((i for i, c in enumerate(cells) if c.strip() and not looks_numeric(c)), default=-1)
    gap = None
    for i in range(max(first_amount, last_label + 1), len(cells)):
        if not cells[i].strip():
            gap = i
            break
    tail = [c for c in cells[gap:]] if gap is not None else []
    if gap is None or not any(c.strip() for c in tail) or not all(looks_numeric(c) for c in tail if c.strip()):
        return cells + [""] * pad, False
    return cells[:gap] + [""] * pad + cells[gap:], True


def _align_dense(cells: list[str], layout: _Layout) -> tuple[list[str] | None, bool]:
    """A short row with no empty cells: labels, then numbers (e.g. a 合计 row left alone at the
    top of a page, cut into cells on its own). The numbers are the table's right-most columns."""
    if len(cells) >= layout.width or any(not c.strip() for c in cells):
        return None, False
    k = next((i for i, c in enumerate(cells) if looks_numeric(c) and not _CODE.match(compact(c))), len(cells))
    labels, nums = cells[:k], cells[k:]
    amount_cols = [i for i, r in enumerate(layout.roles) if r[0] == "amount"]
    if not nums or not all(looks_numeric(c) for c in nums) or len(nums) > len(amount_cols) or len(labels) > 1:
        return None, False
    out = [""] * layout.width
    for i, c in zip(amount_cols[-len(nums) :], nums, strict=True):
        out[i] = c
    if labels:
        name_col = next((i for i, r in enumerate(layout.roles) if r[0] == "name"), 0)
        out[name_col] = labels[0]
    return out, True


class _Reader:
    def __init__(self, file: str, issues: list[ExtractionIssue]):
        self.file = file
        self.issues = issues

    def amount(self, raw: str, line: Line, cell: int, unit: str, table_no: int) -> Amount | None:
        text = raw.strip()
        if not text or _PLACEHOLDER.match(text) or not any(ch.isdigit() for ch in text):
            return None  # empty, a dash, or words (a heading that strayed into the block): no amount
        src = Provenance(
            file=line.file or self.file, page=line.page, line=line.lineno, cell=cell, raw=raw
        )
        p = parse_number(text)
        if p.value is None:
            kind = "malformed" if "malformed" in p.flags else "unreadable"
            self.issues.append(
                ExtractionIssue(
                    kind=kind,
                    message=f"表{table_no}第{line.lineno}行第{cell + 1}格无法读出金额: {raw!r}",
                    where=src,
                    table_no=table_no,
                )
            )
        return Amount(
            value=p.value, unit=unit, precision=p.precision, raw=raw, source=src, flags=list(p.flags)
        )


def extract_tables(lines: list[Line], file: str) -> TableResult:
    """Find and read every standard table; also build the projects of the project tables."""
    issues: list[ExtractionIssue] = []
    reader = _Reader(file, issues)
    tables: list[Table] = []
    departments: list[str] = []
    blocks = find_table_blocks(lines)
    printed_units: list[str | None] = []
    for block in blocks:
        unit = None
        for line in block.lines:
            for c in line.cells:
                if "单位" not in c and "名称" not in c and "部门" not in c:
                    continue
                m = _UNIT.search(compact(c))
                if m:
                    unit = m.group(1)
                m = _DEPT.search(c.strip())
                if m and m.group(1).strip():
                    departments.append(compact(m.group(1)))
        printed_units.append(unit)
    known = [u for u in printed_units if u]
    doc_unit = max(set(known), key=known.count) if known else None

    for number, (block, unit) in enumerate(zip(blocks, printed_units, strict=True), start=1):
        table_unit = unit or doc_unit
        table = _read_block(block, number, table_unit or "万元", reader)
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
            projects.extend(_projects_of(t, department, issues))
    return TableResult(tables, projects, issues, department)


def _read_block(block: _Block, number: int, unit: str, reader: _Reader) -> Table:
    kind = block.kind
    src = Provenance(
        file=block.title_line.file or reader.file,
        page=block.title_line.page,
        line=block.title_line.lineno,
        raw=block.title_line.text,
    )
    table = Table(
        kind=kind.key,
        number=number,
        printed_no=block.printed_no,
        title=block.title,
        unit=unit,  # type: ignore[arg-type]
        source=src,
        excludes_carryover=excludes_carryover(block.title),
    )
    header: list[list[str]] = []
    data: list[Line] = []
    for line in block.lines:
        cells = line.cells
        ne = _nonempty(line)
        if not ne:
            continue
        if len(ne) == 1:
            t = compact(ne[0])
            if _UNIT.search(t) or _DEPT.search(ne[0].strip()) or _PRINTED_NO.match(t):
                continue
            if t.startswith(("注", "备注", "说明")) or (_EMPTY_NOTE.search(t) and len(t) < 80):
                if _EMPTY_NOTE.search(t):
                    table.empty_note = t
                continue
        if _is_index_row(cells):
            continue
        joined = "".join(ne)
        if (
            ("单位" in joined or "部门" in joined or "名称" in joined)
            and any(_UNIT.search(compact(c)) or _DEPT.search(c.strip()) for c in ne)
            and not any(_is_amount_shaped(c) for c in ne)
        ):
            continue  # 编制部门:… ⇥ 单位:元 on one line
        if not data and not _is_data_line(cells):
            header.append(cells)
            continue
        if data and _is_repeated_header(ne):
            continue  # the header printed again at the top of the next page
        data.append(line)
    width = max([len(h) for h in header] + [0])
    layout = _layout(kind, header) if header else _default_layout(kind, max((len(d.cells) for d in data), default=0))
    if not any(r[0] == "amount" for r in layout.roles):
        reader.issues.append(
            ExtractionIssue(
                kind="ambiguous",
                message=f"表{number}《{block.title}》表头无法识别列含义",
                where=src,
                table_no=number,
            )
        )
    layout.width = max(width, layout.width)
    layout.width = max(layout.width, len(layout.roles))
    while len(layout.roles) < layout.width:
        layout.roles.append(("unknown", None))
    while len(layout.labels) < layout.width:
        layout.labels.append("")
    table.columns = [
        Column(
            key=r[1] or "",
            label=lab,
            side=(None if layout.split is None else ("income" if i < layout.split else "expenditure")),
        )
        for i, (r, lab) in enumerate(zip(layout.roles, layout.labels, strict=True))
        if r[0] == "amount"
    ]
    rows: list[Row] = []
    first_amount = next((i for i, r in enumerate(layout.roles) if r[0] == "amount"), 1)
    for line in data:
        cells, moved = _align_dense(list(line.cells), layout) if not kind.two_sided else (None, False)
        if cells is None:
            cells, moved = _align(list(line.cells), layout.width, first_amount)
        if kind.two_sided and layout.split is not None:
            rows.extend(_two_sided_rows(table, layout, line, cells, moved, reader, unit))
        else:
            row = _one_sided_row(table, kind, layout, line, cells, moved, reader, unit, rows)
            if row is not None:
                rows.append(row)
    table.rows = rows
    _assign_structure(table, kind)
    return table


def _values(
    layout: _Layout,
    line: Line,
    cells: list[str],
    lo: int,
    hi: int,
    moved: bool,
    reader: _Reader,
    unit: str,
    table_no: int,
) -> dict[str, Amount]:
    values: dict[str, Amount] = {}
    for i in range(lo, min(hi, len(cells))):
        if not cells[i] or cells[i].isspace():
            continue  # most cells of a table are empty
        role, key = layout.roles[i] if i < len(layout.roles) else ("unknown", None)
        if role != "amount" or key is None:
            if role == "unknown" and cells[i].strip() and looks_numeric(cells[i]) and i >= lo:
                reader.issues.append(
                    ExtractionIssue(
                        kind="ambiguous",
                        message=f"表{table_no}第{line.lineno}行第{i + 1}格的数字不在任何已识别的列下: {cells[i]!r}",
                        where=Provenance(file=line.file, page=line.page, line=line.lineno, cell=i, raw=cells[i]),
                        table_no=table_no,
                    )
                )
            continue
        a = reader.amount(cells[i], line, i, unit, table_no)
        if a is None:
            continue
        if moved:
            a.flags.append("column_realigned")
        if key in values:  # two columns mapped to one key: keep the first, never sum silently
            continue
        values[key] = a
    return values


def _one_sided_row(
    table: Table,
    kind: TableKind,
    layout: _Layout,
    line: Line,
    cells: list[str],
    moved: bool,
    reader: _Reader,
    unit: str,
    rows: list[Row],
) -> Row | None:
    code = None
    names: list[str] = []
    alt = None
    for i, c in enumerate(cells):
        role = layout.roles[i][0] if i < len(layout.roles) else "unknown"
        t = c.strip()
        if not t:
            continue
        if role == "code" or (i == 0 and kind.coded and _CODE.match(compact(t))):
            ct = compact(t)
            if code and len(code) < 7 and re.fullmatch(r"\d{2}", ct):
                code += ct  # codes printed in three columns: 201 ⇥ 05 ⇥ 07
            elif _CODE.match(ct):
                code = ct
            else:
                m = _CODE_PREFIX.match(t)
                if m:
                    code, names = m.group(1), [m.group(2)]
                else:
                    names.append(t)
        elif role == "name":
            names.append(t)
        elif role == "alt_name":
            alt = compact(t)
        elif role == "unknown" and not looks_numeric(t) and i < 3:
            names.append(t)
    name = compact("".join(names))
    if not code:
        m = _CODE_PREFIX.match(name)
        if m and kind.coded:
            code, name = m.group(1), m.group(2)
    values = _values(layout, line, cells, 0, len(cells), moved, reader, unit, table.number)
    if not name and not code and not values:
        return None
    if not name and not code and rows:
        return None
    if name and not code and not values and rows and not _TOTAL_LABEL.match(name) and kind.coded:
        # a wrapped name's tail on its own line (PDF text layers): rejoin it to the row above
        prev = rows[-1]
        if not prev.values or prev.code:
            prev.name += name
            return None
    return Row(
        code=code,
        name=name,
        alt_name=alt,
        values=values,
        source=Provenance(file=line.file or reader.file, page=line.page, line=line.lineno, raw=line.text),
    )


_INCOME_KEYS = (
    (r"^财政拨款(收入)?$|^财政拨款收入合计$", "fiscal_appropriation"),
    (r"一般公共预算", "general_budget"),
    (r"政府性基金", "gov_fund"),
    (r"国有资本经营", "state_capital"),
    (r"财政专户", "fiscal_special"),
    (r"单位资金", "unit_funds"),
    (r"事业单位经营收入", "operating_income"),
    (r"事业收入", "business_income"),
    (r"其他收入", "other_income"),
    (r"上级补助", "from_higher"),
    (r"附属单位上缴", "from_subsidiaries"),
    (r"用事业基金弥补|使用非财政拨款结余", "use_of_balance"),
)


def _two_sided_rows(
    table: Table,
    layout: _Layout,
    line: Line,
    cells: list[str],
    moved: bool,
    reader: _Reader,
    unit: str,
) -> list[Row]:
    out: list[Row] = []
    split = layout.split or 0
    for side, lo, hi in (("income", 0, split), ("expenditure", split, len(cells))):
        name_parts = [
            cells[i].strip()
            for i in range(lo, min(hi, len(cells)))
            if cells[i].strip() and (layout.roles[i][0] in ("name", "unknown")) and not looks_numeric(cells[i])
        ]
        name = compact("".join(name_parts))
        values = _values(layout, line, cells, lo, hi, moved, reader, unit, table.number)
        if not name and not values:
            continue
        out.append(
            Row(
                name=name,
                side=side,  # type: ignore[arg-type]
                values=values,
                source=Provenance(file=line.file or reader.file, page=line.page, line=line.lineno, raw=line.text),
            )
        )
    return out


_ECON_CLASS = re.compile(
    r"^(工资福利支出|商品和服务支出|对个人和家庭的补助|对企业补助|对社会保障基金补助|债务利息及费用支出|"
    r"资本性支出(（基本建设）|\(基本建设\))?|其他支出|机关工资福利支出|机关商品和服务支出|机关资本性支出.*|"
    r"对事业单位经常性补助|对事业单位资本性补助)$"
)
_THREE_PUBLIC = (
    (r"购置及运行|购置和运行", "vehicle"),
    (r"购置费", "vehicle_purchase"),
    (r"运行(维护|维修)?费", "vehicle_operation"),
    (r"因公出国", "abroad"),
    (r"公务接待", "reception"),
    (r"^合计$|^总计$", "total"),
)


def _assign_structure(table: Table, kind: TableKind) -> None:
    """Levels, parents, roles and row keys, from codes where printed, else from names."""
    if kind.two_sided:
        _summary_keys(table)
        return
    current_class: str | None = None
    for r in table.rows:
        if _TOTAL_LABEL.match(r.name) and not r.code:
            r.role = "total"
            r.key = "total"
            continue
        if r.code:
            r.level = level_of(r.code)
            if len(r.code) > 3:
                r.parent = r.code[:-2]
        elif kind.key == "general_budget_basic_economic":
            if _ECON_CLASS.match(r.name) and not r.alt_name:
                r.level, current_class = 1, r.name
            else:
                r.level, r.parent = 2, current_class
        elif kind.key == "three_public":
            for pat, key in _THREE_PUBLIC:
                if re.search(pat, re.sub(r"^[①②③④⑤⑥1-9][.、]?", "", r.name)):
                    r.key = key
                    if key == "total":
                        r.role = "total"
                    break
        elif kind.key == "admin_running":
            r.role = "unit"


def _summary_keys(table: Table) -> None:
    in_carryover = False
    for r in table.rows:
        n = re.sub(r"^[(（]?[一二三四五六七八九十]+[)）、.．]", "", r.name)
        if r.side == "income":
            if "本年收入合计" in n or n == "收入合计":
                r.key, r.role, in_carryover = "income_current_total", "subtotal", False
            elif "收入总计" in n or n == "总计":
                r.key, r.role = "income_grand_total", "total"
            elif "结转" in n or "结余" in n:
                r.key, r.role, in_carryover = "carryover_total", "subtotal", True
            else:
                for pat, key in _INCOME_KEYS:
                    if re.search(pat, n):
                        r.key = ("carryover:" if in_carryover else "income:") + key
                        break
        else:
            if "本年支出合计" in n or n == "支出合计":
                r.key, r.role = "exp_current_total", "subtotal"
            elif "支出总计" in n or n == "总计":
                r.key, r.role = "exp_grand_total", "total"
            elif "年终结转" in n or "年末结转" in n or "结转下年" in n:
                r.key = "exp_carry_forward"
            else:
                code = function_class_code(n)
                if code:
                    r.key, r.level = f"exp:{code}", 1


def _projects_of(table: Table, department: str | None, issues: list[ExtractionIssue]) -> list[Project]:
    """Department → unit → project, from the order of rows and their sums.

    The first row is the department total. A unit row is followed by its projects, and its amount
    equals their sum (within rounding); a row named like an organisation (…局, …中心, …队) whose
    amount is confirmed by the rows after it is a unit. Rows are tagged in place.
    """
    rows = [r for r in table.rows if r.name or r.values]
    if not rows:
        return []
    period = "carryover" if table.kind == "project_carryover" else "current"
    start = 0
    first = rows[0]
    if department and first.name == department or len(rows) > 1 and first.name == rows[1].name:
        first.role, first.key = "total", "total"
        start = 1
    elif _TOTAL_LABEL.match(first.name):
        first.role, first.key = "total", "total"
        start = 1
    body = rows[start:]
    is_unit = [False] * len(body)
    i = 0
    while i < len(body):
        total = _val(body[i])
        if total is not None and _org_like(body[i].name):
            acc = 0
            j = i + 1
            ok = False
            while j < len(body):
                v = _val(body[j])
                if v is None:
                    j += 1
                    continue
                acc += v
                j += 1
                if abs(acc - total) <= 0.005 * (j - i) + 0.0051:
                    nxt = body[j] if j < len(body) else None
                    if nxt is None or _org_like(nxt.name):
                        ok = True
                        break
                if acc > total + 1:
                    break
            if ok:
                is_unit[i] = True
                i = j
                continue
        i += 1
    if not any(is_unit):
        issues.append(
            ExtractionIssue(
                kind="ambiguous",
                message=f"表{table.number}《{table.title}》中未能识别单位行,项目归属不明",
                where=table.source,
                table_no=table.number,
            )
        )
    projects: list[Project] = []
    unit_name = department or ""
    for row, unit_flag in zip(body, is_unit, strict=True):
        if unit_flag:
            row.role, row.level, row.parent = "unit", 1, department
            unit_name = row.name
            continue
        row.role, row.level, row.parent = "project", 2, unit_name
        projects.append(
            Project(
                name=row.name,
                unit=unit_name,
                department=department,
                period=period,  # type: ignore[arg-type]
                amounts=dict(row.values),
                table_no=table.number,
                source=row.source,
            )
        )
    return projects


_ORG = re.compile(r"(局|厅|委员会|委|办公室|办|中心|大队|支队|队|所|站|院|馆|校|学校|处|部|会|街道|政府|公司|社)$")


def _org_like(name: str) -> bool:
    return bool(_ORG.search(name)) and not re.search(r"费|金|补|贴|资金|经费|项目|\d{4}", name)


def _val(row: Row) -> float | None:
    a = row.values.get("total")
    if a is None or a.value is None:
        return None
    return float(a.value)


def table_kind_name(key: str) -> str:
    k = KINDS_BY_KEY.get(key)
    return k.name_zh if k else key
