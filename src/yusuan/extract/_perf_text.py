"""Reading the labels of OCR'd performance-target tables (项目支出绩效目标表).

Scanned target tables come back from OCR with look-alike characters (財 for 财, 項 for 项, 孝文市 for
孝义市), labels split over cells, and junk cells from the scan's ruling lines. This module gives each
line a *tag* saying which row of the standard template it is, from patterns that tolerate those
look-alikes, and reads the small fixed vocabularies of the template (indicator categories, project
attributes, targets such as ``≥96%``) with rapidfuzz.

Tags are decided on a normalised copy of the line (look-alikes mapped, spaces dropped, tabs kept
between cells); nothing here changes the raw text that is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from rapidfuzz import fuzz, process

from yusuan.read.document import Line

# Traditional / Japanese forms that OCR returns for the simplified characters of the template.
_LOOKALIKE_FROM = (
    "財資項級單単結実實額總計劃標據設護報與門務會險険養屬開長準確時滿満對質數經濟態響續"
    "貼補勞動穩崗業轉運費預負責辦聯話區縣籌況為績體総関続経済効証発収県値対録"
)
_LOOKALIKE_TO = (
    "财资项级单单结实实额总计划标据设护报与门务会险险养属开长准确时满满对质数经济态响续"
    "贴补劳动稳岗业转运费预负责办联话区县筹况为绩体总关续经济效证发收县值对录"
)
_LOOKALIKE = {
    **dict(zip(_LOOKALIKE_FROM, _LOOKALIKE_TO, strict=True)),
    "（": "(",
    "）": ")",
    "：": ":",
    "，": ",",
    "．": ".",
    "【": "[",
    "】": "]",
    "\u3000": "",
    "\u00a0": "",
}
_LOOKALIKE_RX = re.compile("[" + re.escape("".join(_LOOKALIKE)) + "]")


def _lookalike(m: re.Match[str]) -> str:
    return _LOOKALIKE[m.group()]


def norm(text: str) -> str:
    """``text`` with look-alike characters mapped to simplified ones, full-width punctuation to ASCII
    and spaces removed. Used only to compare; never reported."""
    # A regex scan finds the few look-alikes; str.translate with a dict costs a lookup per character,
    # which is most of the time of tagging a section.
    text = text.replace(" ", "")
    return _LOOKALIKE_RX.sub(_lookalike, text) if _LOOKALIKE_RX.search(text) else text


# Line tags, one per row kind of the template.
TITLE, YEAR, NAME, DEPT, ATTR, FTOT = "title", "year", "name", "dept", "attr", "ftot"
FCEN, FPRO, FLOC, FSELF, FOTH, FNUM = "central", "provincial", "local", "self_raised", "other", "fnum"
TEXT, GOALH, GOAL, INDH, IND, FOOT = "text", "goal_header", "goal", "ind_header", "indicator", "footer"
SOURCES = (FCEN, FPRO, FLOC, FSELF, FOTH)
HEADER_TAGS = frozenset({TITLE, YEAR, NAME, DEPT, ATTR})
BODY_TAGS = frozenset({FCEN, FPRO, FLOC, FSELF, FOTH, FNUM, TEXT, GOALH, GOAL, INDH, IND})

# The 实施期资金总额 label must open a cell: on merged scans (several rows OCR'd into one line) the words
# appear inside other cells too, and only a cell that starts with them is the row's own label. OCR may
# split it over two cells (实施期资 ⇥ 金总额).
_FTOT = (
    r"(?:^|\t)[^\t]{0,4}施[期則则閲][^\t]{0,3}\t?[^\t]{0,2}总"
    r"|(?:^|\t)[^\t]{0,2}[资贷勞][金全]总"
)
_SOURCE_PATTERNS = {
    FCEN: r"中央[^\t]{0,3}\t?[^\t]{0,2}[政资财]|其中[:,。]",
    FPRO: r"省[级组与][^\t]{0,3}[财政资]?|省[^\t]{0,2}财政",
    FLOC: r"市县|市界|\((?:区|X|IX|ic|IC|14)\)",
    FSELF: r"[单作]位自|自[筹等第算導身]",
    FOTH: r"其他[^\t]{0,2}[资金会贷发]|其世|其他(?:\t|$)",
}
_SOURCE_RX = re.compile("|".join(f"(?P<{k}>{p})" for k, p in _SOURCE_PATTERNS.items()))
FTOT_RX = re.compile(_FTOT)
# Two short header cells (二级指标 … 指标值): OCR debris cells can hold the same words mid-paragraph.
_INDH_RX = re.compile(
    r"(?:^|\t)[^\t]{0,6}级指[^\t]{0,6}\t(?:.*\t)?(?:[^\t]{0,6}级指[^\t]{0,6}|[^\t]{0,2}[指排]标值)(?:\t|$)"
)
NAME_RX = re.compile(r"[项顺順頃][目日月川]?名[称科]|[目月]名[称科]|项目名")
# The lookahead (the first characters of the alternatives) changes no match; it lets the scan skip
# the other characters instead of trying every alternative there.
_DEPT_RX = re.compile(
    r"(?=[主部及没0-9施適单和])(?:主管部|部门及|[及没]代[码明]|[0-9]{3}[-\s]?孝|[施適]单位|单位孝|和社会保障局)"
)
_ATTR_RX = re.compile(r"项目属|项目[操减加]性|次性项|常性项|项目期")
_TITLE_RX = re.compile(r"预算部门|级预算|[支专达]出[绩缔]效|出[绩缔]效目标")
_YEAR_RX = re.compile(r"\(20[0-9][0-9]年|\(20[0-9][0-9](?:\t|$)")
_CEN_RX, _PRO_RX, _LOC_RX, _SELF_RX, _OTH_RX = (re.compile(_SOURCE_PATTERNS[k]) for k in SOURCES)
_GOALH_RX = re.compile(r"实施期目标|年度[目日]标")
_TEXT_RX = re.compile(r"项目概|项目[機模]|概况|立项|依据|必要性|措施|项目实施")
_IND_RX = re.compile(r"(?:数量|质量|时效|成本|效益|可持续|影响|满意度|产出)指")
_FOOT_RX = re.compile(r"负责人|经办人|联系电|填报|[日口]期(?:[:。,\t]|$)")
_FNUM_RX = re.compile(r"(?<![0-9])[0-9]{1,3}(?:[,.][0-9]{3}){1,3}(?![0-9])")
_DATE_RX = re.compile(r"(?<![0-9.])20[12][0-9]{9,11}(?![0-9])")
_ANNUAL_TOTAL_RX = re.compile(r"年度[资贷][金全]|度[资贷][金全]总")
_HAS_CJK = re.compile(r"[\u4e00-\u9fff]")


def tag_line(t: str) -> str | None:
    """The template row a normalised line is (see :func:`norm`), or None when no label is readable.

    Checks in priority order: indicator header, funds total, the header rows, indicator rows, title
    and year, the five source rows, goals, texts, footer; a line printing a thousands-grouped amount
    and nothing else is a funds row whose label OCR lost. Each regex runs only when a character it
    needs is in the line: this runs on every line of the section, and substring tests are cheap."""
    zhi = "指" in t
    if zhi and "级" in t and _INDH_RX.search(t):
        return INDH
    # FTOT_RX needs 总 and one of 施 / 资贷勞 (总体目标 rows have 总 only)
    if "总" in t and ("施" in t or "资" in t or "贷" in t or "勞" in t) and FTOT_RX.search(t):
        return FTOT
    if "名" in t and NAME_RX.search(t):
        return NAME
    if ("部" in t or "代" in t or "孝" in t or "单" in t or "局" in t) and _DEPT_RX.search(t):
        return DEPT
    if ("属" in t or "性" in t or "期" in t) and _ATTR_RX.search(t):
        return ATTR
    # Indicator rows are the most frequent; they print 产出指标, which would otherwise send them
    # through the title pattern.
    if zhi and _IND_RX.search(t):
        return IND
    if ("预" in t or "出" in t) and _TITLE_RX.search(t):
        return TITLE
    if "(" in t and _YEAR_RX.search(t):
        return YEAR
    if "中" in t and _CEN_RX.search(t):
        return FCEN
    if "省" in t and _PRO_RX.search(t):
        return FPRO
    if ("市" in t or "(" in t) and _LOC_RX.search(t):
        return FLOC
    if "自" in t and _SELF_RX.search(t):
        return FSELF
    if "其" in t and _OTH_RX.search(t):
        return FOTH
    if "标" in t and _GOALH_RX.search(t):
        return GOALH
    if "体目标" in t:
        return GOAL
    if _TEXT_RX.search(t):
        return TEXT
    if _FOOT_RX.search(t):
        return FOOT
    if ("," in t or "." in t) and _FNUM_RX.search(t):  # a match holds a separator
        return FNUM
    if "20" in t and _DATE_RX.search(t):
        return FOOT
    return None


@dataclass(slots=True)
class Rows:
    """The non-blank lines of one table with their text and tag, computed once per line.

    ``norms[i].split("\\t")`` gives the normalised cells of ``lines[i]``, index for index."""

    lines: list[Line] = field(default_factory=list)
    #: the cells joined by tabs, as printed
    raws: list[str] = field(default_factory=list)
    norms: list[str] = field(default_factory=list)
    tags: list[str | None] = field(default_factory=list)

    def reverse(self) -> None:
        self.lines.reverse()
        self.raws.reverse()
        self.norms.reverse()
        self.tags.reverse()

    def cells(self, i: int) -> list[str]:
        return self.norms[i].split("\t")

    def first(self, wanted: tuple[str, ...], start: int = 0, stop: int | None = None) -> int | None:
        """Index of the first line in ``[start, stop)`` tagged one of ``wanted``."""
        tags = self.tags
        for i in range(start, len(tags) if stop is None else stop):
            if tags[i] in wanted:
                return i
        return None


def source_of(text: str) -> str | None:
    """The fund source a funds-row label names, by its leftmost source label.

    Leftmost, not highest-priority: a merged scan line repeats the labels of the rows below it
    to the right of its own."""
    m = _SOURCE_RX.search(text)
    return m.lastgroup if m else None


def is_annual_total_label(text: str) -> bool:
    """True when a normalised cell is the 年度资金总额 label (the right half of the total row)."""
    return bool(_ANNUAL_TOTAL_RX.search(text))


def has_cjk(text: str) -> bool:
    # ASCII text (numbers, OCR debris) holds no CJK character: no regex call for it
    return not text.isascii() and _HAS_CJK.search(text) is not None


def cjk_count(text: str) -> int:
    return 0 if text.isascii() else len(_HAS_CJK.findall(text))


# --- fixed vocabularies ---------------------------------------------------------------------------

#: 二级指标 → 一级指标, as fixed by the template.
LEVEL1_OF: dict[str, str] = {
    "数量指标": "产出指标",
    "质量指标": "产出指标",
    "时效指标": "产出指标",
    "成本指标": "产出指标",
    "经济效益指标": "效益指标",
    "社会效益指标": "效益指标",
    "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标",
    "服务对象满意度指标": "满意度指标",
}
_LEVEL2 = list(LEVEL1_OF)
_MISSING = object()
ATTRIBUTES = ("一次性项目(1年结束)", "经常性项目(长期开展)")


def level2_of(cell: str, cache: dict[str, str | None]) -> str | None:
    """The 二级指标 category a cell names (``成木指标`` → 成本指标), or None when no category is
    close, or two are equally close (``效益指标`` could be any of three).

    ``cache`` is the caller's per-document memo: the same few cells repeat hundreds of times."""
    found = cache.get(cell, _MISSING)
    if found is not _MISSING:
        return found  # type: ignore[return-value]
    key = norm(cell).strip("。.:,·")
    found = None
    if key in LEVEL1_OF:
        found = key
    elif key.startswith("服务对象满意"):
        # printed without its 指标 suffix, or cut short (服务对象满意度指)
        found = "服务对象满意度指标"
    elif len(key) >= 3:
        best = process.extract(key, _LEVEL2, scorer=fuzz.ratio, score_cutoff=70, limit=2)
        if best and (len(best) == 1 or best[0][1] > best[1][1]):
            found = best[0][0]
    cache[cell] = found
    return found


def attribute_of(text: str) -> str | None:
    """项目属性 in its template form, when the printed words are close to one of the two kinds."""
    key = norm(text)
    if "次性" in key:
        return ATTRIBUTES[0]
    if "常性" in key:
        return ATTRIBUTES[1]
    hit = process.extractOne(key, ATTRIBUTES, scorer=fuzz.partial_ratio, score_cutoff=70)
    return hit[0] if hit else None


_TARGET = re.compile(
    r"^(≥|>=|＞=|≤|<=|＜=|>|＞|<|＜|=)?([0-9]+(?:\.[0-9]+)?)"
    r"(%|％|元|万元|人次|人|个|次|天|日|年|月|户|份|项|家|名|辆|台|套|场)?$"
)
_COMPARATOR = {
    "≥": ">=",
    ">=": ">=",
    "＞=": ">=",
    "≤": "<=",
    "<=": "<=",
    "＜=": "<=",
    ">": ">",
    "＞": ">",
    "<": "<",
    "＜": "<",
    "=": "=",
    None: "=",
}


def parse_target(raw: str) -> tuple[str | None, Decimal | None, str | None]:
    """``≥96%`` → (">=", 96, "%"); ``100`` → ("=", 100, None); anything else → (None, None, None).

    Only a target that is wholly a comparator, a number and a known unit is read; OCR debris such as
    ``IOA`` or ``≥ ufA`` stays unread (the raw text is kept by the caller)."""
    m = _TARGET.match(raw.replace(" ", "").replace("％", "%"))
    if not m:
        return None, None, None
    return _COMPARATOR[m.group(1)], Decimal(m.group(2)), m.group(3)
