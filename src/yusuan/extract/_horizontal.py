"""Horizontal "三公" tables: the items are columns and the data is one unlabelled line.

Shanghai prints 合计 | 因公出国(境)费 | 公务接待费 | 公务用车购置及运行费 (小计 / 购置费 / 运行费) |
机关运行经费预算数 over one line of figures; Jiangsu adds 会议费 and 培训费 beside the "三公"
group; final accounts give each item a 预算数 / 决算数 pair. Each column's header path (the labels
over it, spans followed) names the item (a row key of the vertical table) and the column key.
"""

from __future__ import annotations

import re

from yusuan.extract._header import compact, header_paths
from yusuan.extract._rows import AmountReader
from yusuan.extract.numbers import looks_numeric
from yusuan.model import Amount, Column, Row, Table
from yusuan.read.document import Line

_ITEM_WORDS = re.compile(r"因公出国|公务接待|公务用车")
_SUB = {"预算数": "budget", "决算数": "final"}
_SUBTOTAL = re.compile(r"^(?:小计|合计|总计)$")
#: row order of the output, as in the vertical table
ORDER = (
    "total",
    "abroad",
    "reception",
    "vehicle",
    "vehicle_purchase",
    "vehicle_operation",
    "meeting",
    "training",
    "grand_total",
    "admin_running",
)


def is_horizontal(lines: list[Line]) -> bool:
    """A header line names two or more of the items in separate cells."""
    for ln in lines:
        if sum(1 for c in ln.cells if _ITEM_WORDS.search(c)) >= 2:
            return True
    return False


def _item(labels: list[str]) -> str | None:
    """The item a column's labels name, reading from the lowest label up."""
    for k in range(len(labels) - 1, -1, -1):
        lab = labels[k]
        if _SUBTOTAL.match(lab):
            above = labels[:k]
            if not above:
                return "plain_total"
            up = _item(above)
            if up in ("vehicle", "vehicle_purchase", "vehicle_operation"):
                return "vehicle"
            if any("三公" in x for x in above):
                return "total"
            return up
        if "因公出国" in lab:
            return "abroad"
        if "公务接待" in lab:
            return "reception"
        if "机关运行经费" in lab:
            return "admin_running"
        if re.search(r"购置及运行|购置和运行", lab):
            return "vehicle"
        if "购置" in lab:
            return "vehicle_purchase"
        if "运行" in lab:
            return "vehicle_operation"
        if "公务用车" in lab:
            return "vehicle"
        if "会议费" in lab:
            return "meeting"
        if "培训费" in lab:
            return "training"
        if "三公" in lab:
            return "total"
    return None


def _name(labels: list[str]) -> str:
    """The printed name of a column's item: its lowest label, with the group above a 小计."""
    if not labels:
        return ""
    if _SUBTOTAL.match(labels[-1]) and len(labels) > 1:
        return re.sub(r"(预算数|决算数)$", "", labels[-2]) + labels[-1]
    return labels[-1]


def read_horizontal(
    table: Table, header: list[list[str]], data: list[Line], reader: AmountReader, unit: str
) -> None:
    """Fill ``table.rows`` and ``table.columns`` from a horizontal 三公 table."""
    width = max([len(h) for h in header] + [len(d.cells) for d in data] + [0])
    paths = header_paths(header, width)
    mapping: dict[int, tuple[str, str, str]] = {}  # column → (item, column key, name)
    for c, path in enumerate(paths):
        labels = list(path)
        sub = "total"
        if len(labels) > 1 and labels[-1] in _SUB:
            sub = _SUB[labels.pop()]
        item = _item(labels) if labels else None
        if item is not None:
            mapping[c] = (item, sub, _name(labels))
    items = {m[0] for m in mapping.values()}
    for c, (item, sub, name) in list(mapping.items()):
        if item == "plain_total":
            # 合计 beside a "三公" group that has its own 小计: the total of everything printed
            mapping[c] = ("grand_total" if "total" in items else "total", sub, name)
    rows: dict[str, Row] = {}
    for c in sorted(mapping):
        item, _, name = mapping[c]
        if item not in rows:
            rows[item] = Row(name=name, key=item, source=table.source)
    for line in data:
        for i, cell in enumerate(line.cells):
            if not cell.strip():
                continue
            if i not in mapping or not looks_numeric(cell):
                reader.unplaced(line, i, cell, table.number)
                continue
            item, sub, _ = mapping[i]
            row = rows[item]
            if sub in row.values:
                reader.unplaced(line, i, cell, table.number, "与同一项目的另一格重复")
                continue
            a: Amount | None = reader.amount(cell, line, i, unit, table.number)
            if a is None:
                continue
            if not row.values:
                row.source = reader.source(line)
            row.values[sub] = a
    for key, row in rows.items():
        if key == "total":
            row.role = "total"
    table.rows = sorted(rows.values(), key=lambda r: ORDER.index(r.key) if r.key in ORDER else len(ORDER))
    subs = list(dict.fromkeys(m[1] for m in mapping.values()))
    labels = {"total": compact(paths[0][0]) if paths and paths[0] else "", "budget": "预算数", "final": "决算数"}
    table.columns = [Column(key=s, label=labels.get(s, s)) for s in subs]
