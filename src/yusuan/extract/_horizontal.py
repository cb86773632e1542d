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
_VEHICLE = re.compile(r"购置及运行|购置和运行")
_SUB_SUFFIX = re.compile(r"(预算数|决算数)$")
_YEAR_LABEL = re.compile(r"((?:19|20)\d{2})年")
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
    return any(sum(1 for c in ln.cells if _ITEM_WORDS.search(c)) >= 2 for ln in lines)


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
        if _VEHICLE.search(lab):
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
    """The printed name of a column's item: its lowest label, with the group above a 小计 or
    above a bare 购置费 / 运行费."""
    if not labels:
        return ""
    last = labels[-1]
    if len(labels) > 1 and (_SUBTOTAL.match(last) or ("公务用车" in labels[-2] and "公务用车" not in last)):
        group = _SUB_SUFFIX.sub("", labels[-2])
        return (group if _SUBTOTAL.match(last) else "公务用车") + last
    return last


def is_data_line(line: Line) -> bool:
    """A line of figures: numbers in most of its filled cells (a label such as 预算数 may lead)."""
    ne = [c for c in line.cells if c.strip()]
    nums = sum(1 for c in ne if looks_numeric(c))
    return nums > 0 and 2 * nums > len(ne)


def _line_keys(data: list[Line]) -> list[str | None]:
    """The column key each data line's own label gives (决算数, 上年数, 预算数 beside 决算数), if any."""
    labels = [next((compact(c) for c in ln.cells if c.strip() and not looks_numeric(c)), "") for ln in data]
    has_final = any("决算" in lab for lab in labels)
    years = [int(m.group(1)) if (m := _YEAR_LABEL.search(lab)) else None for lab in labels]
    latest = max((y for y in years if y is not None), default=None)
    keys: list[str | None] = []
    for lab, year in zip(labels, years, strict=True):
        if year is not None and latest is not None and year < latest and "决算" not in lab:
            keys.append("last_year")  # 2024年预算数 above 2025年预算数
        elif "决算" in lab:
            keys.append("final")
        elif "上年" in lab:
            keys.append("last_year")
        elif "年初预算" in lab:
            keys.append("budget_initial")
        elif "预算" in lab and has_final:
            keys.append("budget")
        else:
            keys.append(None)
    return keys


def read_horizontal(
    table: Table, header: list[list[str]], data: list[Line], reader: AmountReader, unit: str
) -> None:
    """Fill ``table.rows`` and ``table.columns`` from a horizontal 三公 table."""
    width = max([len(h) for h in header] + [len(d.cells) for d in data] + [0])
    paths, starts = header_paths(header, width)
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
    for line, own in zip(data, _line_keys(data), strict=True):
        for i, cell in enumerate(line.cells):
            if not cell.strip() or not looks_numeric(cell):
                continue  # empty, or the line's label
            if i not in mapping:
                reader.unplaced(line, i, cell, table.number)
                continue
            if starts[i] != i:
                # a figure must stand under the label that names it: text without cell positions
                # can shift the two apart, and a guess would invent a figure
                reader.unplaced(line, i, cell, table.number, "不在表头所在的列,无法确定所属项目")
                continue
            item, sub, _ = mapping[i]
            if own is not None and sub == "total":
                sub = own  # one line per figure kind: 预算数 / 决算数 printed as row labels
            row = rows[item]
            if sub in row.values:
                reader.unplaced(line, i, cell, table.number, "与同一项目的另一列重复")
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
    subs = list(dict.fromkeys(k for r in table.rows for k in r.values)) or list(
        dict.fromkeys(m[1] for m in mapping.values())
    )
    labels = {
        "total": compact(paths[0][0]) if paths and paths[0] else "",
        "budget": "预算数",
        "final": "决算数",
    }
    table.columns = [Column(key=s, label=labels.get(s, s)) for s in subs]
