"""The table catalog: standard table kinds, their title aliases, and column semantics.

Tables are identified by their titles (and, where titles are ambiguous, by their columns), never
by page number or position. Aliases cover the national template and the regional variants in
DOMAIN.md: Shanxi (13 tables), Shanghai (9 tables, amounts in 元), the national 决算 set,
Jiangsu (公开01表…公开12表), Tianjin (部门收支总体情况表 …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TableKind:
    key: str
    name_zh: str
    name_en: str
    #: regexes matched against the normalised title (year, numbering and spaces removed)
    patterns: tuple[str, ...]
    #: income on the left, expenditure on the right
    two_sided: bool = False
    #: rows carry classification codes (类/款/项)
    coded: bool = False
    #: which classification the codes belong to
    classification: str | None = None


# Order matters: the first kind whose pattern matches wins, so specific titles come first.
TABLE_KINDS: tuple[TableKind, ...] = (
    TableKind("performance", "项目支出绩效目标表", "project performance targets", (r"绩效目标表",)),
    TableKind(
        "three_public",
        '"三公"经费支出表',
        "'three public' expenses",
        (r"三公", r"因公出国"),
    ),
    TableKind("admin_running", "机关运行经费表", "administrative running costs", (r"机关运行经费",)),
    TableKind(
        "procurement", "政府采购预算表", "government procurement", (r"政府采购(预算)?(明细)?表", r"政府采购")
    ),
    TableKind(
        "project_carryover",
        "项目支出表(上年结转)",
        "project expenditure (carried over)",
        (r"项目支出.*(上年结转|结转)", r"结转项目"),
    ),
    TableKind(
        "project_current",
        "项目支出表(本年)",
        "project expenditure (this year)",
        (r"项目支出(预算|决算)?(明细|情况)?表", r"项目支出.*本年", r"项目(预算)?表$"),
    ),
    TableKind(
        "gov_fund_income",
        "政府性基金预算收入表",
        "government fund income",
        (r"政府性基金.*收入表",),
        coded=True,
        classification="revenue",
    ),
    TableKind(
        "gov_fund_expenditure",
        "政府性基金预算支出表",
        "government fund expenditure",
        (r"政府性基金.*(支出|收入支出|收支)",),
        coded=True,
        classification="function",
    ),
    TableKind(
        "state_capital",
        "国有资本经营预算支出表",
        "state capital operations budget",
        (r"国有资本经营",),
        coded=True,
        classification="function",
    ),
    TableKind(
        "fiscal_basic_economic",
        "财政拨款基本支出表(经济分类)",
        "fiscal appropriation basic expenditure by economic class",
        (r"^财政拨款(安排)?(的)?基本支出",),
        coded=True,
        classification="economic",
    ),
    TableKind(
        "general_budget_basic_economic",
        "一般公共预算基本支出表(经济分类)",
        "general public budget basic expenditure by economic class",
        (r"一般公共预算.*基本支出", r"基本支出.*经济", r"经济分类.*基本支出"),
        coded=True,
        classification="economic",
    ),
    TableKind(
        "fiscal_summary",
        "财政拨款收支总表",
        "fiscal appropriation summary",
        (r"财政拨款收(入)?(支出|支)", r"财政拨款.*总(体情况)?表"),
        two_sided=True,
    ),
    TableKind(
        "fiscal_expenditure",
        "财政拨款支出表(功能分类)",
        "fiscal appropriation expenditure by function",
        (r"^财政拨款(安排)?(的)?支出(预算|决算)?(明细|情况)?表",),
        coded=True,
        classification="function",
    ),
    TableKind(
        "general_budget_expenditure",
        "一般公共预算支出表",
        "general public budget expenditure",
        (r"一般公共预算.*支出",),
        coded=True,
        classification="function",
    ),
    TableKind(
        "summary",
        "收支总表",
        "income and expenditure summary",
        (r"收支.*总", r"收入支出.*总表", r"收支预算总表", r"收支总体情况表"),
        two_sided=True,
    ),
    TableKind(
        "income",
        "收入总表",
        "income",
        (r"收入(预算|决算)?(总)?表", r"收入总体情况表", r"收入预算总表"),
        coded=True,
        classification="function",
    ),
    TableKind(
        "expenditure",
        "支出总表",
        "expenditure",
        (r"支出(预算|决算)?(总)?表", r"支出总体情况表", r"支出预算总表"),
        coded=True,
        classification="function",
    ),
)

KINDS_BY_KEY = {k.key: k for k in TABLE_KINDS}
_COMPILED = tuple((k, tuple(re.compile(p) for p in k.patterns)) for k in TABLE_KINDS)

# Title prefixes and decorations that say nothing about the kind.
_TITLE_NOISE = re.compile(
    r"^(?:(?:部门|单位|预算)?公开\s*\d+\s*表|表\s*[一二三四五六七八九十\d]+\s*[:：、.．]?|\d+\s*[.．、]|"
    r"[（(]?[一二三四五六七八九十]+[)）、])\s*"
)
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?:度)?")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": '"', "’": '"', "《": "", "》": "", "〈": "", "〉": ""})


def normalise_title(title: str) -> str:
    """Strip numbering, year, brackets and spaces: ``预算公开表1 2024年预算收支总表`` → ``预算收支总表``."""
    t = re.sub(r"\s+", "", title.translate(_QUOTES))
    t = _TITLE_NOISE.sub("", t)
    t = _YEAR.sub("", t)
    return t


_TITLE_SHAPE = re.compile(r"(表|情况表|总表)(?:[(（][^)）]{0,12}[)）])?$")
_NOT_TITLE = re.compile(r"[，,。；;：:]|见附件|情况说明|^注")


def looks_like_title(text: str) -> bool:
    """A table title: short, ends in 表 (perhaps with a bracketed qualifier), not prose."""
    t = re.sub(r"\s+", "", text)
    if not 4 <= len(t) <= 60 or _NOT_TITLE.search(t.replace("部门名称", "")):
        return False
    return bool(_TITLE_SHAPE.search(t.translate(_QUOTES)))


def classify_title(title: str) -> TableKind | None:
    """The kind of table a title names, or None when it names none of the standard kinds."""
    t = normalise_title(title)
    for kind, patterns in _COMPILED:
        if any(p.search(t) for p in patterns):
            return kind
    return None


def excludes_carryover(title: str) -> bool:
    return bool(re.search(r"不含上年结转|不含结转", re.sub(r"\s+", "", title)))


# ---------------------------------------------------------------------------------------------
# Columns

#: standard column keys with their Chinese and English names
COLUMN_KEYS: dict[str, tuple[str, str]] = {
    "total": ("合计", "total"),
    "current_year": ("当年预算安排", "this year's appropriation"),
    "carryover": ("上年结转", "carried over from last year"),
    "fiscal_appropriation": ("财政拨款", "fiscal appropriation"),
    "general_budget": ("一般公共预算", "general public budget"),
    "gov_fund": ("政府性基金预算", "government funds"),
    "state_capital": ("国有资本经营预算", "state capital operations"),
    "fiscal_special": ("财政专户管理资金", "special fiscal account funds"),
    "unit_funds": ("单位资金", "unit's own funds"),
    "business_income": ("事业收入", "public-service income"),
    "operating_income": ("事业单位经营收入", "business income of public institutions"),
    "other_income": ("其他收入", "other income"),
    "from_higher": ("上级补助收入", "grants from the higher level"),
    "from_subsidiaries": ("附属单位上缴收入", "remittances from subsidiary units"),
    "basic": ("基本支出", "basic expenditure"),
    "project": ("项目支出", "project expenditure"),
    "personnel": ("人员经费", "personnel costs"),
    "public": ("公用经费", "public (office) costs"),
    "business_expenditure": ("经营支出", "business expenditure"),
    "subsidy_to_subsidiaries": ("对附属单位补助支出", "grants to subsidiary units"),
    "to_higher": ("上缴上级支出", "remitted to higher level"),
    "budget": ("预算数", "budget"),
    "budget_initial": ("年初预算数", "budget as first approved"),
    "final": ("决算数", "final"),
    "amount": ("金额", "amount"),
    "last_year": ("上年数", "last year"),
    "opening_balance": ("年初结转和结余", "opening carry-over and balance"),
    "closing_balance": ("年末结转和结余", "closing carry-over and balance"),
    "current_income": ("本年收入", "this year's income"),
    "reserve": ("单位预留机动经费", "unit's reserve for contingencies"),
    "carry_forward": ("结转下年资金", "carried forward to next year"),
}

# (pattern, key), first match wins; applied to the header text of one column, spaces removed.
_COLUMN_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), k)
    for p, k in (
        (r"年初结转和?结余", "opening_balance"),
        (r"年末结转和?结余", "closing_balance"),
        (r"结转下年|下年结转|年终结转", "carry_forward"),
        (r"上年结转|上年财政拨款结转|结转安排", "carryover"),
        (r"当年(预算)?(安排|拨款)|本年(预算)?安排", "current_year"),
        (r"^财政拨款(收入|资金)?(小计|合计)?$", "fiscal_appropriation"),
        (r"预留机动|机动经费", "reserve"),
        (r"一般公共预算", "general_budget"),
        (r"政府性基金", "gov_fund"),
        (r"国有资本经营", "state_capital"),
        (r"财政专户", "fiscal_special"),
        (r"单位资金", "unit_funds"),
        (r"事业单位经营收入|^经营收入$", "operating_income"),
        (r"事业收入", "business_income"),
        (r"其他收入", "other_income"),
        (r"上级补助", "from_higher"),
        (r"附属单位上缴", "from_subsidiaries"),
        (r"基本支出", "basic"),
        (r"项目支出", "project"),
        (r"人员经费", "personnel"),
        (r"公用经费", "public"),
        (r"经营支出", "business_expenditure"),
        (r"对附属单位补助", "subsidy_to_subsidiaries"),
        (r"上缴上级", "to_higher"),
        (r"年初预算", "budget_initial"),
        (r"全年预算|调整(后)?预算", "budget"),
        (r"决算数", "final"),
        (r"上年(预算)?数|\d{4}年预算数.*上年", "last_year"),
        (r"合计|小计|总计", "total"),
        (r"预算数", "total"),
        (r"机关运行经费", "total"),
        (r"^本年收入$", "current_income"),
        (r"金额|\d{4}年$|^本年$", "amount"),
    )
)

_CODE_HEADER = re.compile(r"编码|代码|科目编号|^类$|^款$|^项$")
_ALT_NAME_HEADER = re.compile(r"政府预算支出经济")
_NAME_HEADER = re.compile(r"名称|^项目$|项目$|^科目$|收入$|^支出$|单位$|品目")


def column_role(label: str) -> tuple[str, str | None]:
    """Classify one column's header text.

    Returns ``("code", None)``, ``("name", None)``, ``("alt_name", None)``, ``("amount", key)`` or
    ``("unknown", None)``.
    """
    t = re.sub(r"\s+|[-—_]", "", label)
    if not t:
        return ("unknown", None)
    if _ALT_NAME_HEADER.search(t):
        return ("alt_name", None)
    if _CODE_HEADER.search(t):
        return ("code", None)
    for pattern, key in _COLUMN_RULES:
        if pattern.search(t):
            return ("amount", key)
    if _NAME_HEADER.search(t):
        return ("name", None)
    return ("unknown", None)
