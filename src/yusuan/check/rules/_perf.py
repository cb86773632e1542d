"""What the PERF rules share: each target table paired with its project, its funds, its indicators.

A performance-target table (项目支出绩效目标表, :class:`PerformanceTarget`) prints its funds in 元; the
project tables print the project in 万元. A table is paired with the project the extractor matched it
to (``matched_project``, by name and amount); when two projects share that name (2024年遗属补助 of two
units) the implementing unit, then the amount, decides. A table with no ``matched_project`` (a case
built by hand, or another extractor) pairs with a project of exactly the same name. Pairing is one to
one, in the order the tables are printed.

The tables are mostly scanned pages read by OCR (``target.ocr``): a blank cell and a cell OCR lost
look the same, and indicator names come back garbled. The rules therefore only report what the model
states for certain; what OCR may have lost is never a failure (see each rule).

Every rule applies to budgets only (targets are published with the budget; final accounts publish
evaluation results, DR-23) and answers insufficient_data when the document has no target tables:
that a budget publishes no targets is YS-STRUCT-015's finding, not repeated here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from yusuan.check.engine import Finding, InsufficientData
from yusuan.check.tolerance import Comparison, compare
from yusuan.model import Amount, Disclosure, Indicator, PerformanceTarget, Project

PERIODS = ("annual", "implementation")
PERIOD_ZH = {"annual": "年度", "implementation": "实施期"}
PERIOD_EN = {"annual": "annual", "implementation": "implementation-period"}
#: fund sources of a target table, in printed order: three levels of government, then non-fiscal money
SOURCES = ("central", "provincial", "local", "self_raised", "other")
GOVERNMENT = ("central", "provincial", "local")
SLOT_ZH = {
    "total": "资金总额",
    "central": "中央财政资金",
    "provincial": "省级财政资金",
    "local": "市县(区)财政资金",
    "self_raised": "单位自筹",
    "other": "其他资金",
}
SLOT_EN = {
    "total": "total funds",
    "central": "central funds",
    "provincial": "provincial funds",
    "local": "city/county funds",
    "self_raised": "self-raised funds",
    "other": "other funds",
}
NO_TARGETS = "文件没有项目支出绩效目标表(预算未公开绩效目标由 YS-STRUCT-015 报告)"
NO_PROJECTS = "没有项目支出表(或未能读出项目),无法与项目核对"

# --- pairing ----------------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")
# NFKC folds （） and ［］ but not the lenticular brackets of document numbers (晋财社【2023】282号)
_BRACKETS = str.maketrans({"【": "[", "】": "]", "〔": "[", "〕": "]"})


def name_key(name: str | None) -> str:
    """A project name for comparison: full-width forms folded (NFKC), spaces and brackets unified."""
    s = unicodedata.normalize("NFKC", name or "")
    s = _SPACE.sub("", s)
    return s.translate(_BRACKETS)


@dataclass(frozen=True, slots=True)
class Pair:
    """A target table (``no``: its 1-based position among the tables) and the project it belongs to."""

    no: int
    target: PerformanceTarget
    project: Project | None
    #: the table that already took the project this one names (a second table for one project)
    duplicate_of: int | None = None


def require_targets(d: Disclosure) -> list[PerformanceTarget]:
    if not d.performance_targets:
        raise InsufficientData(NO_TARGETS)
    return d.performance_targets


def require_projects(d: Disclosure) -> list[Project]:
    if not d.projects:
        raise InsufficientData(NO_PROJECTS)
    return d.projects


def pairs(d: Disclosure) -> list[Pair]:
    """Every target table with its project (None when no project of the project tables is its)."""
    projects = d.projects
    by_name: dict[str, list[int]] = {}
    for i, p in enumerate(projects):
        by_name.setdefault(p.name, []).append(i)
    by_key: dict[str, list[int]] | None = None  # built only when a name is not found as printed
    taken: dict[int, int] = {}
    out: list[Pair] = []
    for no, t in enumerate(d.performance_targets, start=1):
        cands = by_name.get(t.matched_project or "", [])
        if not cands:
            if by_key is None:
                by_key = {}
                for i, p in enumerate(projects):
                    by_key.setdefault(name_key(p.name), []).append(i)
            key = name_key(t.matched_project or t.project)
            cands = by_key.get(key, []) if key else []
        if not cands:
            out.append(Pair(no, t, None))
            continue

        def rank(i: int, t: PerformanceTarget = t) -> tuple[bool, bool, bool, bool]:
            p = projects[i]
            cmp = funds_vs_project(t, p)
            return (
                i in taken,
                bool(t.implementing_unit) and p.unit != t.implementing_unit,
                cmp is None or cmp.error,
                p.period != "current",
            )

        best = cands[0] if len(cands) == 1 else min(cands, key=rank)
        if best in taken:
            out.append(Pair(no, t, None, duplicate_of=taken[best]))
        else:
            taken[best] = no
            out.append(Pair(no, t, projects[best]))
    return out


def label(pair: Pair) -> str:
    """绩效目标表#n「name」: the project's name as the project table prints it when paired (OCR garbles
    the table's own), else the table's."""
    name = pair.project.name if pair.project is not None else (pair.target.project or "(项目名称无法识别)")
    return f"绩效目标表#{pair.no}「{name}」"


def label_en(pair: Pair) -> str:
    name = pair.project.name if pair.project is not None else (pair.target.project or "(name unreadable)")
    return f"target table #{pair.no} ({name})"


def place(f: Finding, t: PerformanceTarget, line: int | None = None, name: str | None = None) -> Finding:
    """Place a finding at the target table (or at ``line`` inside it)."""
    f.file = f.file or t.source.file or None
    f.page = f.page if f.page is not None else t.source.page
    f.line = line if line is not None else (f.line if f.line is not None else t.source.line)
    f.row_name = name or t.matched_project or t.project or None
    return f


# --- funds ------------------------------------------------------------------------------------------


def slot(t: PerformanceTarget, period: str, source: str) -> Amount | None:
    return t.funds.get(period, {}).get(source)


def readable(a: Amount | None) -> bool:
    return a is not None and a.value is not None


def funds_vs_project(t: PerformanceTarget, p: Project) -> Comparison | None:
    """The table's annual total (元) against the project's amount (万元), compared in 元.

    The project's figure is rounded to 0.01 万元, so it stands for any amount within 0.005 万元 = 50
    元 of it: the tolerance is that half-unit (plus the table's own, 0.5 元 for whole 元). None when
    either figure is missing or unreadable."""
    a = slot(t, "annual", "total")
    b = p.amounts.get("total")
    if not readable(a) or not readable(b):
        return None
    return compare(b, a, "元")  # type: ignore[arg-type]


def yuan(x: Decimal) -> str:
    """An amount in 元 for messages: thousands separators, no trailing zeros (15,000; 17,225.82; 50.5)."""
    return f"{x.normalize():,f}"


# --- indicators ------------------------------------------------------------------------------------

CATEGORY_ZH = {"output": "产出指标", "benefit": "效益指标", "satisfaction": "满意度指标", "cost": "成本指标"}
CATEGORY_EN = {"output": "output", "benefit": "benefit", "satisfaction": "satisfaction", "cost": "cost"}
#: the level-1 categories every target must cover (DOMAIN.md; 财预〔2020〕10号 template)
REQUIRED = ("output", "benefit", "satisfaction")
_LEVEL1 = (("满意", "satisfaction"), ("产出", "output"), ("效益", "benefit"), ("成本", "cost"))
# The level-2 names of the template, by the level-1 category they sit under (成本 sits under 产出 in the
# 2020 template; the 2021 evaluation framework makes 成本 a level-1 category of its own).
_LEVEL2 = (
    ("满意", "satisfaction"),
    ("数量", "output"),
    ("质量", "output"),
    ("时效", "output"),
    ("成本", "output"),
    ("效益", "benefit"),
    ("可持续", "benefit"),
    ("影响", "benefit"),
)
#: the template's category names without 指标: a level-3 indicator so named says nothing of its own.
#: A bare 满意度 is left out: under 服务对象满意度 it names what is measured (the satisfaction rate).
TEMPLATE_STEMS = frozenset(
    {
        "产出",
        "效益",
        "数量",
        "质量",
        "时效",
        "成本",
        "经济效益",
        "社会效益",
        "生态效益",
        "可持续影响",
        "服务对象满意度",
    }
)


def category(ind: Indicator) -> str | None:
    """The level-1 category of an indicator: its printed level 1, else what its level 2 belongs to."""
    return _category(ind.level1 or "", ind.level2 or "")


# Indicator names repeat across a document's tables (数量指标 …): the string functions are memoised to
# keep every rule within its time budget.
@lru_cache(maxsize=4096)
def _category(level1: str, level2: str) -> str | None:
    for text, table in ((level1, _LEVEL1), (level2, _LEVEL2)):
        s = "".join(text.split())
        for word, cat in table:
            if word in s:
                return cat
    return None


@lru_cache(maxsize=4096)
def stem(name: str | None) -> str:
    """An indicator name without spaces and without a trailing 指标."""
    s = "".join((name or "").split())
    return s[:-2] if s.endswith("指标") else s


def is_hundred(ind: Indicator) -> bool:
    """The target reads 100% (or a bare 100, as the template's placeholder is often printed)."""
    return (
        ind.target_value is not None
        and ind.target_value == 100
        and ind.target_unit in (None, "%")
        and ind.comparator in (None, "=", ">=")
    )


def has_target(ind: Indicator) -> bool:
    return bool(ind.target_raw.strip())


def case_target(name: str, unit: str, yuan_total: str, **over: Any) -> dict[str, Any]:
    """A well-formed target table for rule cases: local funds only, three categories with real targets."""
    funds = {
        "total": yuan_total,
        "central": "0",
        "provincial": "0",
        "local": yuan_total,
        "self_raised": "0",
        "other": "0",
    }
    spec: dict[str, Any] = {
        "project": name,
        "matched_project": name,
        "implementing_unit": unit,
        "funds": {"implementation": dict(funds), "annual": dict(funds)},
        "indicators": [
            {
                "level1": "产出指标",
                "level2": "数量指标",
                "level3": "培训人数",
                "target_raw": "≥200人",
                "comparator": ">=",
                "target_value": "200",
                "target_unit": "人",
            },
            {"level1": "产出指标", "level2": "时效指标", "level3": "完成时间", "target_raw": "2024年12月前"},
            {
                "level1": "效益指标",
                "level2": "社会效益指标",
                "level3": "就业率",
                "target_raw": "≥85%",
                "comparator": ">=",
                "target_value": "85",
                "target_unit": "%",
            },
            {
                "level1": "满意度指标",
                "level2": "服务对象满意度指标",
                "level3": "学员满意度",
                "target_raw": "≥95%",
                "comparator": ">=",
                "target_value": "95",
                "target_unit": "%",
            },
        ],
        "source": {"file": "case", "line": 100},
    }
    spec.update(over)
    return spec


def case_doc(
    targets: list[dict[str, Any]] | None = None, projects: list[dict[str, Any]] | None = None, **over: Any
) -> dict[str, Any]:
    """A small budget for rule cases: two current projects and one carried over, each 一般公共预算, and a
    target table for each current project (1.50 万元 = 15,000 元; 2.00 万元 = 20,000 元)."""
    if projects is None:
        projects = [
            {"name": "技能培训经费", "unit": "单位A", "amounts": {"total": "1.50", "general_budget": "1.50"}},
            {"name": "设备购置经费", "unit": "单位B", "amounts": {"total": "2.00", "general_budget": "2.00"}},
            {
                "name": "结转项目",
                "unit": "单位A",
                "period": "carryover",
                "amounts": {"total": "0.50", "general_budget": "0.50"},
            },
        ]
    if targets is None:
        targets = [
            case_target("技能培训经费", "单位A", "15000"),
            case_target("设备购置经费", "单位B", "20000"),
        ]
    return {"projects": projects, "performance_targets": targets, **over}
