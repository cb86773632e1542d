"""Required-table profiles: which standard tables a disclosure must or should print, by kind and region.

REQUIREMENTS.md asks for the required set to be "a per-region / per-year profile, not one hard-coded
list": the national templates are the floor (DR-05 budget, DR-07 final accounts), the 国有资本经营 table
is "should" (DR-06), and local templates add their own tables (DR-08). A profile is plain data; a rule
(YS-STRUCT-001) reports each required table a document lacks. ``select_profile`` picks the most
specific profile for a document from its metadata (kind, region, year); a document whose region no
profile names is held to the national profile of its kind.

Table kinds are the keys of :mod:`yusuan.catalog.tables`; a profile may give the canonical name a
kind has in its template (final accounts call 收支总表 收入支出决算总表).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from yusuan.model import Meta

Level = Literal["must", "should"]

#: the narrative says the department has no such funds (DR-06 accepts this instead of the table)
_NO_STATE_CAPITAL = (
    r"(?:无|没有|未安排|不涉及)[^。；;]{0,20}国有资本经营"
    r"|国有资本经营[^。；;]{0,30}(?:无|没有|未安排|为空|不涉及|(?<![\d.])0(?:\.0+)?万?元)"
)


@dataclass(frozen=True, slots=True)
class TableRequirement:
    """One table a profile requires."""

    kind: str
    level: Level
    #: the requirement it implements (REQUIREMENTS.md id)
    basis: str
    #: canonical name in this template, when it differs from the catalog's generic name
    name_zh: str | None = None
    name_en: str | None = None
    #: a table of another kind whose normalised title matches one of these also satisfies the
    #: requirement (Shanghai prints 机关运行经费 in one table with "三公")
    also_titles: tuple[str, ...] = ()
    #: a narrative statement that excuses the table's absence (regex on the narrative text)
    excused_by: str | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    key: str
    name_zh: str
    name_en: str
    kind: Literal["budget", "final"]
    tables: tuple[TableRequirement, ...]
    #: regexes searched in the region, department and title; empty = national (any region)
    regions: tuple[str, ...] = ()
    #: first and last year the profile applies to (None = open)
    years: tuple[int | None, int | None] = (None, None)
    #: where the required set comes from
    source: str = ""

    def applies(self, year: int | None) -> bool:
        lo, hi = self.years
        if lo is None and hi is None:
            return True
        if year is None:
            return False
        return (lo is None or year >= lo) and (hi is None or year <= hi)


def _must(kind: str, basis: str, name_zh: str | None = None, name_en: str | None = None) -> TableRequirement:
    return TableRequirement(kind, "must", basis, name_zh, name_en)


# DR-05: the 8 core budget tables (S5b, S13).
NATIONAL_BUDGET_TABLES: tuple[TableRequirement, ...] = (
    _must("summary", "DR-05"),
    _must("income", "DR-05"),
    _must("expenditure", "DR-05"),
    _must("fiscal_summary", "DR-05"),
    _must("general_budget_expenditure", "DR-05"),
    _must("general_budget_basic_economic", "DR-05", "一般公共预算基本支出表"),
    _must("three_public", "DR-05", '一般公共预算"三公"经费支出表'),
    _must("gov_fund_expenditure", "DR-05"),
    # DR-06: the central 9th table, in most local templates; "should", and a narrative statement
    # that there are no such funds is accepted instead
    TableRequirement("state_capital", "should", "DR-06", excused_by=_NO_STATE_CAPITAL),
)

# DR-07: the 9 final-accounts tables (S18), 8 "must" and 国有资本经营 "should".
NATIONAL_FINAL_TABLES: tuple[TableRequirement, ...] = (
    _must("summary", "DR-07", "收入支出决算总表", "income and expenditure final accounts summary"),
    _must("income", "DR-07", "收入决算表", "income final accounts"),
    _must("expenditure", "DR-07", "支出决算表", "expenditure final accounts"),
    _must(
        "fiscal_summary", "DR-07", "财政拨款收入支出决算总表", "fiscal appropriation final accounts summary"
    ),
    _must(
        "general_budget_expenditure",
        "DR-07",
        "一般公共预算财政拨款支出决算表",
        "general public budget appropriation expenditure final accounts",
    ),
    _must(
        "general_budget_basic_economic",
        "DR-07",
        "一般公共预算财政拨款基本支出决算表",
        "general public budget appropriation basic expenditure final accounts",
    ),
    _must("three_public", "DR-07", '财政拨款"三公"经费支出决算表', "'three public' expenses final accounts"),
    _must(
        "gov_fund_expenditure",
        "DR-07",
        "政府性基金预算财政拨款收入支出决算表",
        "government fund appropriation final accounts",
    ),
    TableRequirement(
        "state_capital",
        "should",
        "DR-07",
        "国有资本经营预算财政拨款收入支出决算表",
        "state capital operations appropriation final accounts",
        excused_by=_NO_STATE_CAPITAL,
    ),
)

_ADMIN_RUNNING = TableRequirement("admin_running", "should", "DR-08", also_titles=(r"机关运行经费",))

# Place names are searched at the start of the region / department / title ("中共" allowed first), so
# 普陀区 of Zhoushan is not taken for Shanghai's. Shanxi lists the province, its 11 prefecture-level
# cities and its 11 county-level cities, because county departments title themselves by their city
# alone (孝义市人力资源和社会保障局).
_LEAD = r"^(?:中共|中国共产党)?"
_SHANXI = (
    _LEAD + r"(?:山西|太原|大同|阳泉|长治|晋城|朔州|晋中|运城|忻州|临汾|吕梁"
    r"|古交|高平|介休|永济|河津|原平|侯马|霍州|孝义|汾阳|怀仁)",
)
_SHANGHAI = (_LEAD + r"上海",)
_JIANGSU = (_LEAD + r"(?:江苏|南京|无锡|徐州|常州|苏州|南通|连云港|淮安|盐城|扬州|镇江|泰州|宿迁)",)
_BEIJING = (_LEAD + r"北京",)

PROFILES: tuple[Profile, ...] = (
    Profile(
        "shanxi-budget",
        "山西省部门预算公开模板(13张表)",
        "Shanxi department budget template (13 tables)",
        "budget",
        NATIONAL_BUDGET_TABLES
        + (
            TableRequirement("gov_fund_income", "should", "DR-08"),
            _ADMIN_RUNNING,
            TableRequirement("project_current", "should", "DR-08"),
            TableRequirement("project_carryover", "should", "DR-08"),
        ),
        regions=_SHANXI,
        source="the 13 tables of the 2024 孝义市 sample (DOMAIN.md table list)",
    ),
    Profile(
        "shanghai-budget",
        "上海市部门预算公开模板(9张表)",
        "Shanghai department budget template (9 tables)",
        "budget",
        NATIONAL_BUDGET_TABLES + (_ADMIN_RUNNING,),
        regions=_SHANGHAI,
        source="the 2025 普陀区 and 市级 samples: 9 tables, 三公 and 机关运行经费 in one table",
    ),
    Profile(
        "jiangsu-budget",
        "江苏省部门预算公开模板(公开01-12表)",
        "Jiangsu department budget template (tables 01-12)",
        "budget",
        NATIONAL_BUDGET_TABLES + (_ADMIN_RUNNING, TableRequirement("procurement", "should", "DR-08")),
        regions=_JIANGSU,
        source="the 2019 江苏省人大常委会办公厅 sample: 12 tables incl. 机关运行经费 and 政府采购",
    ),
    Profile(
        "beijing-budget",
        "北京市部门预算公开模板",
        "Beijing department budget template",
        "budget",
        NATIONAL_BUDGET_TABLES
        + (
            TableRequirement("procurement", "should", "DR-08"),
            TableRequirement("performance", "should", "DR-08"),
        ),
        regions=_BEIJING,
        source="DOMAIN.md: Beijing adds 政府采购预算明细表 and 绩效目标表",
    ),
    Profile(
        "national-budget",
        "全国部门预算公开基本要求(8张核心表+国有资本经营)",
        "national budget minimum (8 core tables + state capital)",
        "budget",
        NATIONAL_BUDGET_TABLES,
        source="REQUIREMENTS.md DR-05, DR-06",
    ),
    Profile(
        "national-final",
        "全国部门决算公开基本要求(9张表)",
        "national final-accounts minimum (9 tables)",
        "final",
        NATIONAL_FINAL_TABLES,
        source="REQUIREMENTS.md DR-07",
    ),
)

PROFILES_BY_KEY = {p.key: p for p in PROFILES}


def _place_texts(meta: Meta) -> list[str]:
    return [re.sub(r"\s+", "", t) for t in (meta.region, meta.department, meta.title) if t]


def select_profile(meta: Meta, profiles: tuple[Profile, ...] = PROFILES) -> Profile | None:
    """The profile for a document: the first regional profile of its kind whose region matches and
    whose years cover the document's, else the national profile of the kind; None when the kind is
    unknown."""
    if meta.kind is None:
        return None
    texts = _place_texts(meta)
    fallback: Profile | None = None
    for p in profiles:
        if p.kind != meta.kind:
            continue
        if not p.regions:
            fallback = fallback or p
            continue
        if p.applies(meta.year) and any(re.search(rx, t) for rx in p.regions for t in texts):
            return p
    return fallback
