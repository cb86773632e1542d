"""Classification registry: 支出功能分类 and 经济分类 code lists.

Ships the partial lists in ``catalog/data`` (see ``data/SOURCES.md`` for where each came from and
what it lacks) and accepts any user-supplied CSV with the columns
``code,name,level,parent_code,edition_year`` (e.g. the official 政府收支分类科目 of a year).
No list is complete, so structural checks (code length, parent prefix, one name per code) never
depend on it; a name is checked against the registry only when a list covers the year.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

_DATA_FILES = {
    "function": (
        "function_classification_observed_2024_2025.csv",
        "function_classification_legacy_gfmis.csv",
    ),
    "economic": ("economic_classification_department_partial.csv",),
    "economic_government": ("economic_classification_government_partial.csv",),
    "economic_legacy": ("economic_classification_department_legacy_gfmis.csv",),
}


@dataclass(frozen=True, slots=True)
class Entry:
    code: str
    name: str
    level: int
    parent_code: str | None
    edition: str
    source: str


@dataclass
class Registry:
    """Code lists by scheme (``function``, ``economic``, ``economic_government`` …)."""

    entries: dict[str, dict[str, list[Entry]]] = field(default_factory=dict)

    def add_csv(self, scheme: str, text: str, source: str) -> int:
        """Add the rows of a CSV (``code,name,level,parent_code,edition_year``); returns the count."""
        n = 0
        reader = csv.DictReader(io.StringIO(text))
        missing = {"code", "name"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{source}: missing columns {', '.join(sorted(missing))}")
        for i, row in enumerate(reader, start=2):
            code = (row.get("code") or "").strip()
            name = (row.get("name") or "").strip()
            if not code or not name:
                continue
            if not code.isalnum():
                raise ValueError(f"{source}:{i}: bad code {code!r}")
            level = int(row["level"]) if (row.get("level") or "").strip().isdigit() else level_of(code)
            entry = Entry(
                code,
                name,
                level,
                (row.get("parent_code") or "").strip() or None,
                (row.get("edition_year") or "").strip(),
                source,
            )
            self.entries.setdefault(scheme, {}).setdefault(code, []).append(entry)
            n += 1
        return n

    def add_file(self, scheme: str, path: str | Path) -> int:
        p = Path(path)
        return self.add_csv(scheme, p.read_text(encoding="utf-8-sig"), str(p))

    def names(self, scheme: str, code: str) -> list[str]:
        """All names the lists give for a code (editions differ)."""
        return [e.name for e in self.entries.get(scheme, {}).get(code, [])]

    def lookup(self, scheme: str, code: str) -> list[Entry]:
        return list(self.entries.get(scheme, {}).get(code, []))

    def current_editions(self, scheme: str) -> set[str]:
        return {e.edition for es in self.entries.get(scheme, {}).values() for e in es}


def level_of(code: str) -> int | None:
    """类/款/项 level of a function or economic code from its length (3/5/7 digits)."""
    return {3: 1, 5: 2, 7: 3}.get(len(code)) if code.isdigit() else None


_DEFAULT: Registry | None = None


def default_registry() -> Registry:
    """The registry with the bundled lists (loaded once)."""
    global _DEFAULT
    if _DEFAULT is None:
        reg = Registry()
        base = resources.files("yusuan.catalog") / "data"
        for scheme, files in _DATA_FILES.items():
            for name in files:
                reg.add_csv(scheme, (base / name).read_text(encoding="utf-8"), name)
        _DEFAULT = reg
    return _DEFAULT


# 支出功能分类 类 (2019+ names and earlier ones still seen), for tables that print names only
# (the expenditure side of 收支总表). Source: 2024 政府收支分类科目 类 list as printed in the
# Shanxi sample's summary table (30 classes), which matches the national template.
FUNCTION_CLASSES: tuple[tuple[str, str], ...] = (
    ("201", "一般公共服务"),
    ("202", "外交"),
    ("203", "国防"),
    ("204", "公共安全"),
    ("205", "教育"),
    ("206", "科学技术"),
    ("207", "文化旅游体育与传媒|文化体育与传媒|文化和旅游"),
    ("208", "社会保障和就业"),
    ("209", "社会保险基金"),
    ("210", "卫生健康|医疗卫生与计划生育|医疗卫生"),
    ("211", "节能环保"),
    ("212", "城乡社区"),
    ("213", "农林水"),
    ("214", "交通运输"),
    ("215", "资源勘探工业信息|资源勘探信息"),
    ("216", "商业服务业"),
    ("217", "金融"),
    ("219", "援助其他地区"),
    ("220", "自然资源海洋气象|国土海洋气象"),
    ("221", "住房保障"),
    ("222", "粮油物资储备"),
    ("223", "国有资本经营预算"),
    ("224", "灾害防治及应急管理"),
    ("227", "预备费"),
    ("229", "其他支出"),
    ("230", "转移性支出"),
    ("231", "债务还本"),
    ("232", "债务付息"),
    ("233", "债务发行费用"),
    ("234", "抗疫特别国债"),
)
_CLASS_PATTERNS = tuple((code, re.compile(p)) for code, p in FUNCTION_CLASSES)
_ORDINAL = re.compile(r"^[(（]?[一二三四五六七八九十]+[)）、.．]\s*")


def function_class_code(name: str) -> str | None:
    """The 类 code of a printed class name (``八、社会保障和就业支出`` → ``208``), or None."""
    t = _ORDINAL.sub("", re.sub(r"\s+", "", name))
    for code, p in _CLASS_PATTERNS:
        if p.search(t):
            return code
    return None
