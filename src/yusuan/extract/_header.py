"""Table headers: what each column holds (a code, a name, an amount under a standard key), read
from the header lines above a table's rows.

A header is one or more lines of cells. The lowest cell over a column names it; a group title
above (一般公共预算支出 over 合计 / 基本支出 / 项目支出) only helps when the lowest cell says
nothing by itself. Merged cells are printed once, in the leftmost column they cover:
:func:`header_paths` follows those spans, for tables whose items are columns.

A layout also says how a printed line splits into rows (:class:`Layout.blocks`): one block for an
ordinary table; the income side and one or more expenditure blocks for two-sided tables (Jiangsu
prints 收入 | 支出 by function | 支出 by use); repeated column groups printed side by side (the
final-accounts economic table: 人员经费 block | 公用经费 block).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from yusuan.catalog.tables import TableKind, column_role

_CODE_PART_HEADER = re.compile(r"^(?:类|款|项|编码|科目编码|功能分类科目编码|经济分类科目编码)$")
_EXPENDITURE_HEAD = ("支出", "支出项目")
#: a header that names the rows (科目名称 under 人员经费 stays the name column of that block)
_ROW_NAME_HEADER = re.compile(r"名称|项目|科目|品目")


def compact(text: str) -> str:
    """A printed name with all whitespace removed."""
    return "".join(text.split())


@dataclass
class Block:
    """Columns ``lo``..``hi`` (exclusive) read as one row per printed line."""

    lo: int
    hi: int
    side: str | None = None


@dataclass
class Layout:
    """Per column: its role (``code`` / ``name`` / ``alt_name`` / ``amount`` with its key /
    ``unknown``) and its header text; and the blocks a line splits into."""

    width: int
    roles: list[tuple[str, str | None]]
    labels: list[str]
    #: index where the expenditure side begins (two-sided tables)
    split: int | None = None
    blocks: list[Block] = field(default_factory=list)

    def pad(self, width: int) -> None:
        """Widen to ``width`` columns (rows wider than the header)."""
        self.width = max(self.width, width, len(self.roles))
        while len(self.roles) < self.width:
            self.roles.append(("unknown", None))
        while len(self.labels) < self.width:
            self.labels.append("")
        if not self.blocks:
            self.blocks = [Block(0, self.width)]
        else:
            self.blocks[-1].hi = self.width


def _column_labels(header: list[list[str]], width: int) -> tuple[list[str], list[str]]:
    """Per column: all header cells joined top to bottom, and the lowest header cell."""
    labels, bottoms = [], []
    for i in range(width):
        parts = [compact(h[i]) for h in header if i < len(h) and h[i].strip()]
        labels.append("".join(parts))
        bottoms.append(parts[-1] if parts else "")
    return labels, bottoms


def build_layout(
    kind: TableKind,
    header: list[list[str]],
    column_role: Callable[[str], tuple[str, str | None]] = column_role,
) -> Layout:
    """The layout a table's header lines give. ``column_role`` may be a memo of
    :func:`yusuan.catalog.tables.column_role` (the same header words recur from table to table)."""
    width = max((len(h) for h in header), default=0)
    labels, bottoms = _column_labels(header, width)
    roles: list[tuple[str, str | None]] = []
    for lab, bottom in zip(labels, bottoms, strict=True):
        role, whole = column_role(bottom), column_role(lab)
        names_rows = role[0] == "name" and _ROW_NAME_HEADER.search(bottom)
        if role[0] != "amount" and whole[0] == "amount" and not names_rows:
            role = whole  # 经营收入 under 事业单位: the whole label names the column
        roles.append(role if role[0] != "unknown" else whole)
    for i in range(width):
        # a code column whose header is 类 / 款 / 项 under a spanning group title keeps its role
        if any(_CODE_PART_HEADER.match(compact(h[i])) for h in header if i < len(h) and h[i].strip()):
            roles[i] = ("code", None)
    if any(r == ("amount", "final") for r in roles):
        # 预算数 beside 决算数 is the budget, not the row's total
        for i, b in enumerate(bottoms):
            if b == "预算数" and roles[i] == ("amount", "total"):
                roles[i] = ("amount", "budget")
    layout = Layout(width, roles, labels)
    if kind.two_sided:
        layout.blocks = _two_sided_blocks(header, roles, width)
        if len(layout.blocks) > 1:
            layout.split = layout.blocks[1].lo
    else:
        layout.blocks = _repeated_blocks(roles) or [Block(0, width)]
    _single_amount_keys(layout)
    return layout


def default_layout(kind: TableKind, width: int) -> Layout:
    """When a table prints no usable header: code?, name, then amounts left to right as 合计 …"""
    roles: list[tuple[str, str | None]] = [("code", None), ("name", None)] if kind.coded else [("name", None)]
    while len(roles) < width:
        roles.append(("unknown", None))
    return Layout(width, roles, [""] * width, None, [Block(0, width)])


def _two_sided_blocks(
    header: list[list[str]], roles: list[tuple[str, str | None]], width: int
) -> list[Block]:
    """Income block, then one block per further name column (支出 by function, 支出 by use …)."""
    names = [i for i, r in enumerate(roles) if r[0] == "name"]
    starts: list[int] = []
    if len(names) >= 2:
        starts = names[1:]
    else:
        for h in header:
            at = next((i for i, c in enumerate(h) if i > 0 and compact(c) in _EXPENDITURE_HEAD), None)
            if at:
                starts = [at]
                break
    if not starts:
        return [Block(0, width)]
    bounds = [0, *starts, width]
    blocks = [Block(bounds[k], bounds[k + 1], "expenditure") for k in range(len(bounds) - 1)]
    blocks[0].side = "income"
    return blocks


def _repeated_blocks(roles: list[tuple[str, str | None]]) -> list[Block] | None:
    """Column groups printed side by side (code, name, amount | code, name, amount): a new block
    starts at each code or name column that follows an amount column, when every block has a name
    and an amount. None when the header has one group only."""
    kinds = [r[0] for r in roles]
    starts = [0]
    for i in range(1, len(kinds)):
        if kinds[i] in ("code", "name") and kinds[i - 1] == "amount":
            starts.append(i)
    if len(starts) < 2:
        return None
    bounds = [*starts, len(kinds)]
    blocks = [Block(bounds[k], bounds[k + 1]) for k in range(len(starts))]
    for b in blocks:
        group = kinds[b.lo : b.hi]
        if "name" not in group or "amount" not in group:
            return None
    return blocks


def _single_amount_keys(layout: Layout) -> None:
    """A block with a single amount column: on the income side of a two-sided table it is that
    side's ``amount``; anywhere else it is the row's ``total`` when its header says no more than
    金额 / 决算数 (the 决算数 of a one-amount final-accounts table is its total)."""
    for b in layout.blocks:
        cols = [i for i in range(b.lo, min(b.hi, layout.width)) if layout.roles[i][0] == "amount"]
        if len(cols) != 1:
            continue
        i = cols[0]
        if b.side == "income":
            layout.roles[i] = ("amount", "amount")
        elif layout.roles[i][1] in ("amount", "final"):
            layout.roles[i] = ("amount", "total")


# ---------------------------------------------------------------------------------------------
# Spanning header cells


def header_paths(header: list[list[str]], width: int) -> tuple[list[list[str]], list[int]]:
    """For each column, the header labels over it from top to bottom, and the column where the
    lowest of them is printed (-1 under no label).

    A label covers its own column and the empty columns to its right, up to the next label of the
    same line or the end of the label above it (merged cells are printed in their leftmost column).
    One pass over the header: O(lines × width).
    """
    paths: list[list[str]] = [[] for _ in range(width)]
    starts = [-1] * width
    spans = [(0, width)] * width  # the span of the lowest label so far over each column
    for h in header:
        filled = [i for i in range(min(len(h), width)) if h[i].strip()]
        new = list(spans)
        for k, p in enumerate(filled):
            lo, hi = spans[p]
            nxt = filled[k + 1] if k + 1 < len(filled) else width
            end = min(nxt, hi)
            label = compact(h[p])
            for c in range(p, end):
                paths[c].append(label)
                starts[c] = p
                new[c] = (p, end)
        spans = new
    return paths, starts
