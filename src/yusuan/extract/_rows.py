"""Table rows: a printed line of cells, under a :class:`~yusuan.extract._header.Layout`, becomes one
row per block (:class:`~yusuan.model.Row`), with its code, name and amounts by column key.

Handles rows shorter than the header (text extracted after a page break drops empty columns),
names wrapped onto a line of their own, codes printed in three columns (``201 ⇥ 05 ⇥ 07``), labels
spread over several columns with a group printed only on its first row (``一般公共预算资金 ⇥ 小计``
then `` ⇥ 公共财政拨款(补助)资金``), and the blocks of two-sided tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from yusuan.catalog.tables import TableKind
from yusuan.extract._header import Block, Layout, compact
from yusuan.extract.numbers import PLAIN_NUMBER, looks_numeric, parse_number
from yusuan.model import Amount, ExtractionIssue, Provenance, Row, Table
from yusuan.read.document import Line

CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_CODE_PREFIX = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*(\D.*)$")
TOTAL_LABEL = re.compile(r"^(?:合计|总计|部门合计|单位合计|本年收入合计|本年支出合计|收入总计|支出总计)$")
_SUBTOTAL = re.compile(r"^(?:小计|合计)$")
_PLACEHOLDER = re.compile(r"^[-—_–~·.。,，*]+$")
_TWO_DIGITS = re.compile(r"\d{2}")


class AmountReader:
    """Reads amount cells into :class:`Amount` with their provenance; records what it cannot read."""

    def __init__(self, file: str, issues: list[ExtractionIssue]):
        self.file = file
        self.issues = issues

    def amount(self, raw: str, line: Line, cell: int, unit: str, table_no: int) -> Amount | None:
        text = raw.strip()
        # plain digits (most amounts) pass these tests: skip them
        if not PLAIN_NUMBER.fullmatch(text) and (
            not text or _PLACEHOLDER.match(text) or not any(ch.isdigit() for ch in text)
        ):
            return None  # empty, a dash, or words (a heading that strayed into the block): no amount
        src = Provenance(line.file or self.file, line.page, line.lineno, cell, raw)
        p = parse_number(text)
        if p.value is None:
            kind = "malformed" if "malformed" in p.flags else "unreadable"
            self.issue(
                kind, f"表{table_no}第{line.lineno}行第{cell + 1}格无法读出金额: {raw!r}", src, table_no
            )
        return Amount(p.value, unit, p.precision, raw, src, list(p.flags))  # type: ignore[arg-type]

    def issue(self, kind: str, message: str, where: Provenance, table_no: int | None) -> None:
        self.issues.append(ExtractionIssue(kind=kind, message=message, where=where, table_no=table_no))  # type: ignore[arg-type]

    def unplaced(
        self, line: Line, i: int, raw: str, table_no: int, why: str = "不在任何已识别的列下"
    ) -> None:
        where = Provenance(file=line.file or self.file, page=line.page, line=line.lineno, cell=i, raw=raw)
        self.issue(
            "ambiguous", f"表{table_no}第{line.lineno}行第{i + 1}格的数字{why}: {raw!r}", where, table_no
        )

    def source(self, line: Line) -> Provenance:
        return Provenance(line.file or self.file, line.page, line.lineno, None, "\t".join(line.cells))


def align(cells: list[str], width: int, first_amount: int) -> tuple[list[str], bool]:
    """Put a short row's cells under the header's columns.

    Text extracted after a page break drops trailing empty columns, so a row can be shorter than
    the header. Cells up to the first empty amount cell keep their place; values after that gap
    are the table's right-hand columns and are moved right by the number of dropped columns.
    Returns the aligned cells and whether anything was moved (the caller flags those amounts).
    """
    if len(cells) >= width:
        return cells[:width], False
    pad = width - len(cells)
    last_label = max((i for i, c in enumerate(cells) if c.strip() and not looks_numeric(c)), default=-1)
    gap = None
    for i in range(max(first_amount, last_label + 1), len(cells)):
        if not cells[i].strip():
            gap = i
            break
    tail = cells[gap:] if gap is not None else []
    filled = [c for c in tail if c.strip()]
    if gap is None or not filled or not all(looks_numeric(c) for c in filled):
        return cells + [""] * pad, False
    return cells[:gap] + [""] * pad + cells[gap:], True


def align_dense(cells: list[str], layout: Layout) -> tuple[list[str] | None, bool]:
    """A short row with no empty cells: labels, then numbers (e.g. a 合计 row left alone at the
    top of a page, cut into cells on its own). The numbers are the table's right-most columns."""
    if len(cells) >= layout.width or any(not c.strip() for c in cells):
        return None, False
    k = next((i for i, c in enumerate(cells) if looks_numeric(c) and not CODE.match(compact(c))), len(cells))
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


@dataclass
class _LabelTree:
    """Labels spread over several columns: the first filled one is the row's name, its column the
    row's depth; later ones are a second name (or 小计, which makes the row its group's subtotal)."""

    cols: list[int]
    firsts: list[int] = field(default_factory=list)
    parents: dict[int, str] = field(default_factory=dict)

    def level(self, col: int) -> int:
        if col not in self.firsts:
            self.firsts.append(col)
            self.firsts.sort()
        return 1 + self.firsts.index(col)


@dataclass
class RowReader:
    """Reads the lines of one table into rows; one instance per table."""

    table: Table
    kind: TableKind
    layout: Layout
    reader: AmountReader
    unit: str
    #: rows read so far, per block (repeated column groups are read block by block)
    rows: dict[int, list[Row]] = field(default_factory=dict)
    trees: dict[int, _LabelTree] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for k, b in enumerate(self.layout.blocks):
            self.rows[k] = []
            first = next((i for i in range(b.lo, b.hi) if self.layout.roles[i][0] == "amount"), None)
            if first is None or self.kind.two_sided:
                continue
            roles = self.layout.roles
            if any(roles[i][0] == "code" for i in range(b.lo, b.hi)):
                continue
            cols = [i for i in range(b.lo, first) if roles[i][0] in ("name", "unknown")]
            if len(cols) >= 2 and roles[cols[0]][0] == "name":
                self.trees[k] = _LabelTree(cols)

    def first_amount(self) -> int:
        return next((i for i, r in enumerate(self.layout.roles) if r[0] == "amount"), 1)

    def read(self, line: Line, cells: list[str], moved: bool) -> None:
        if self.kind.two_sided and self.layout.split is not None:
            self.rows[0].extend(self._two_sided_rows(line, cells, moved))
            return
        for k, b in enumerate(self.layout.blocks):
            tree = self.trees.get(k)
            row = self._tree_row(line, cells, b, moved, tree) if tree else self._row(line, cells, b, moved, k)
            if row is not None:
                self.rows[k].append(row)

    def all_rows(self) -> list[Row]:
        return [r for k in sorted(self.rows) for r in self.rows[k]]

    # ------------------------------------------------------------------------------------------

    def values(self, line: Line, cells: list[str], lo: int, hi: int, moved: bool) -> dict[str, Amount]:
        values: dict[str, Amount] = {}
        roles = self.layout.roles
        for i in range(lo, min(hi, len(cells))):
            c = cells[i]
            if not c or c.isspace():
                continue  # most cells of a table are empty
            role, key = roles[i] if i < len(roles) else ("unknown", None)
            if role != "amount" or key is None:
                if role == "unknown" and looks_numeric(c):
                    self.reader.unplaced(line, i, c, self.table.number)
                continue
            a = self.reader.amount(c, line, i, self.unit, self.table.number)
            if a is None:
                continue
            if moved:
                a.flags.append("column_realigned")
            if key in values:  # two columns mapped to one key: keep the first, never sum silently
                self.reader.unplaced(line, i, c, self.table.number, "与同一行另一列同属一个列键")
                continue
            values[key] = a
        return values

    def _row(self, line: Line, cells: list[str], b: Block, moved: bool, k: int) -> Row | None:
        kind, roles = self.kind, self.layout.roles
        code = None
        names: list[str] = []
        alt = None
        lo, coded = b.lo, kind.coded
        for i in range(lo, min(b.hi, len(cells))):
            t = cells[i]
            if not t or t.isspace():
                continue  # t.strip() would be empty: most cells of a table are
            t = t.strip()
            role = roles[i][0] if i < len(roles) else "unknown"
            ct = compact(t) if role == "code" or (i == lo and coded) else ""
            is_code = ct != "" and CODE.match(ct) is not None  # read once, used twice below
            if role == "code" or (i == lo and coded and is_code):
                if code and len(code) < 7 and _TWO_DIGITS.fullmatch(ct):
                    code += ct  # codes printed in three columns: 201 ⇥ 05 ⇥ 07
                elif is_code:
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
            elif role == "unknown" and not looks_numeric(t) and i - b.lo < 3:
                names.append(t)
        name = compact("".join(names))
        if not code:
            m = _CODE_PREFIX.match(name)
            if m and kind.coded:
                code, name = m.group(1), m.group(2)
        values = self.values(line, cells, b.lo, b.hi, moved)
        if not name and not code and not values:
            return None
        rows = self.rows[k]
        if name and not code and not values and rows and not TOTAL_LABEL.match(name) and kind.coded:
            # a wrapped name's tail on its own line (PDF text layers): rejoin it to the row above
            prev = rows[-1]
            if not prev.values or prev.code:
                prev.name += name
                return None
        return Row(code=code, name=name, alt_name=alt, values=values, source=self.reader.source(line))

    def _tree_row(self, line: Line, cells: list[str], b: Block, moved: bool, tree: _LabelTree) -> Row | None:
        texts = [
            (i, compact(cells[i]))
            for i in tree.cols
            if i < len(cells) and cells[i].strip() and not looks_numeric(cells[i])
        ]
        values = self.values(line, cells, b.lo, b.hi, moved)
        if not texts:
            if not values:
                return None
            return Row(name="", values=values, source=self.reader.source(line))
        col, name = texts[0]
        rest = [t for _, t in texts[1:]]
        level = tree.level(col)
        row = Row(
            name=name,
            level=level,
            parent=tree.parents.get(level - 1),
            values=values,
            source=self.reader.source(line),
        )
        if rest and _SUBTOTAL.match(rest[-1]) and len(rest) == 1:
            row.role = "subtotal"  # 一般公共预算资金 ⇥ 小计: the group's own line
        elif rest:
            row.alt_name = "/".join(rest)
        tree.parents[level] = name
        for deeper in [lv for lv in tree.parents if lv > level]:
            del tree.parents[deeper]
        return row

    # ------------------------------------------------------------------------------------------

    def _two_sided_rows(self, line: Line, cells: list[str], moved: bool) -> list[Row]:
        """One row per block of a two-sided table; a label whose amount stands in the next block
        of the same side (当年支出小计 over two expenditure blocks, its figure in the last
        column) is one row."""
        roles = self.layout.roles
        out: list[Row] = []
        pending: Row | None = None
        for b in self.layout.blocks:
            name_parts = [
                cells[i].strip()
                for i in range(b.lo, min(b.hi, len(cells)))
                if cells[i].strip() and roles[i][0] in ("name", "unknown") and not looks_numeric(cells[i])
            ]
            name = compact("".join(name_parts))
            values = self.values(line, cells, b.lo, b.hi, moved)
            if pending is not None and pending.side == b.side and not name and values:
                pending.values = values
                pending = None
                continue
            pending = None
            if not name and not values:
                continue
            row = Row(name=name, side=b.side, values=values, source=self.reader.source(line))  # type: ignore[arg-type]
            out.append(row)
            if name and not values:
                pending = row
        return out
