"""Figures stated in the narrative: amounts, shares, changes, rates, counts, "same as last year".

Extraction is faithful, never judging: a figure is read as printed (``35.949.39万元`` stays
unreadable with the flag ``malformed``; ``占99.84`` without ``%`` keeps its value with the flag
``no_percent_sign``), and whether it agrees with the tables is the checker's business.

The text is first normalised without moving characters around (one character in, one
character out, except whitespace, which is dropped between Chinese characters and digits
because PDF text layers insert it at line wraps: ``本 年收入``, ``441. 28``, ``万 元``):
full-width digits and punctuation become ASCII, traditional characters (mirror sites convert
pages to 繁體) become simplified. An offset map keeps ``raw`` and ``sentence`` as printed.

What each claim's fields mean:

- ``subject``: the thing named right before the figure, cleaned of framing (the opening
  "2024年度XX局", 其中, 主要包括, everything up to the last 的). A year printed with the thing
  ("2023年收入") is kept: it says which year the figure is for.
- ``reference``: for shares, the whole (``预算收入``, or the ``X`` of ``占X的``); for changes and
  rates, the base of the comparison (``上年``, ``2023年预算``), followed by its figure when the
  text prints it (``2023年预算56.26万元``, ``2023年收入256.54万元``).
- ``flags``: ``malformed``, ``digits_split``, ``thousands`` (from
  :func:`yusuan.extract.numbers.parse_number`), ``no_percent_sign``, ``no_unit`` (a bare number
  where an amount is expected), ``unit_abbreviated`` (``209万``), ``placeholder`` (``XX万元``),
  ``missing_number`` (``支出万元``), ``ambiguous_direction`` (``增加(减少)0万元``),
  ``comparison_base`` (the figure after 比/较: last year's, not this year's), ``threshold``
  (``50万元以上``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import NamedTuple

from yusuan.extract.numbers import parse_number
from yusuan.model import Claim, Provenance, Section

__all__ = [
    "claims_from_sections",
    "extract_claims",
    "normalise_text",
    "stated_reasons",
    "year_mentions",
]

# --- normalisation -------------------------------------------------------------------------

# Traditional → simplified, one character each, limited to the words budget narratives use.
_TRAD = (
    "萬万佔占長长減减較较與与數数無无採采購购貨货務务輛辆臺台個个預预經经費费結结轉转撥拨項项"
    "機机關关運运車车編编製制實实領领導导執执業业辦办築筑總总積积設设備备單单門门為为財财說说"
    "況况變变動动億亿額额達达兩两對对會会當当體体點点時时開开專专戶户帳账資资產产權权劃划計计"
    "類类級级職职責责構构礎础衛卫險险農农區区縣县鎮镇報报員员養养療疗醫医災灾儲储圖图書书館馆"
    "義义傳传規规範范繼继續续參参於于從从來来後后這这還还進进選选據据並并將将屬属歸归擬拟統统"
    "籌筹處处廳厅稅税舊旧轄辖縮缩餘余補补貼贴獎奖勵励環环節节約约標标準准證证錄录詞词釋释說说"
    "內内網网訂订條条維维護护場场價价際际應应決决審审檢检聯联組组織织黨党團团協协議议紀纪監监"
    "銷销競竞爭争談谈詢询質质線线貸贷債债銀银錢钱現现幣币匯汇損损虧亏營营狀状態态週周圍围齊齐"
    "雙双廣广鄉乡歲岁學学習习雜杂藥药壓压歷历寫写級级"
)
_FULLWIDTH = "０１２３４５６７８９．，－＋％（）：；！？“”‘’「」"
_ASCII = '0123456789.,-+%():;!?""\'\'""'
_TABLE = str.maketrans(
    _TRAD[0::2] + _FULLWIDTH + "\u00a0\u3000",
    _TRAD[1::2] + _ASCII + "  ",
)
_SPACE = re.compile(r"[ \t\r\f\v]+")
# The characters normalisation changes. Most texts hold none: a regex scan says so much faster
# than str.translate, which looks up every character of a non-ASCII string in the table.
_TRANSLATED = re.compile("[" + re.escape(_TRAD[0::2] + _FULLWIDTH + "\u00a0\u3000") + "]")
_CHANGED = re.compile("[" + re.escape(_TRAD[0::2] + _FULLWIDTH + "\u00a0\u3000") + " \t\r\f\v]")


class _Norm:
    """Normalised text with a map back to the original offsets."""

    __slots__ = ("orig_text", "text", "_norm_starts", "_orig_starts")

    def __init__(self, original: str) -> None:
        self.orig_text = original
        translated = original.translate(_TABLE) if _TRANSLATED.search(original) else original
        self._norm_starts: list[int] = [0]
        self._orig_starts: list[int] = [0]
        if not _SPACE.search(translated):
            self.text = translated  # no whitespace to drop: offsets map one to one
            return
        parts: list[str] = []
        pos = 0
        length = 0
        for m in _SPACE.finditer(translated):
            before = translated[m.start() - 1] if m.start() else ""
            after = translated[m.end()] if m.end() < len(translated) else ""
            # Spaces between two Latin letters are words apart; any other space is a wrap artefact.
            if before.isascii() and before.isalpha() and after.isascii() and after.isalpha():
                continue
            parts.append(translated[pos : m.start()])
            length += m.start() - pos
            pos = m.end()
            self._norm_starts.append(length)
            self._orig_starts.append(pos)
        parts.append(translated[pos:])
        self.text = "".join(parts)

    def orig(self, i: int) -> int:
        """The original offset of normalised offset ``i``."""
        k = bisect_right(self._norm_starts, i) - 1
        return self._orig_starts[k] + (i - self._norm_starts[k])

    def raw(self, start: int, end: int) -> str:
        """The original text of the normalised span ``[start, end)``, as printed."""
        if end <= start:
            return ""
        return self.orig_text[self.orig(start) : self.orig(end - 1) + 1]


def normalise_text(text: str) -> str:
    """The text as the extractors match it: ASCII digits and punctuation, simplified
    characters, no whitespace except newlines and spaces between Latin words."""
    if not _CHANGED.search(text):
        return text  # the common case (headings, clean prose): nothing to map or drop
    return _Norm(text).text


# --- patterns ------------------------------------------------------------------------------

_SENTENCE = re.compile(r"[^。!?\n]+[。!?]*")
_CLAUSE = re.compile(r"[^;]+;?")
_NUM = r"\d+(?:,\d{3}(?!\d))*(?:\.\d+)*"
_COUNT_UNITS = "个|家|辆|台|套|人次|名|人(?![力民社员大])|项|批次|次|团组|件|期|所|处|户"
_TOKEN = re.compile(
    # The lookahead lets the scan skip, in one test, the characters no alternative starts with.
    r"(?=[与比较同其主包分Xx×*万元\d])"
    r"(?:(?P<same>与(?P<sref>上年度?|上一年度?|去年|\d{4}年度?)[^,;。\d]{0,8}?(?:相同|持平|一致|无变化))"
    r"|(?P<csame>(?:比|较|同比)(?P<cref>上年度?|去年|\d{4}年度?)?[^,;。\d]{0,6}?(?:持平|无变化|没有变化))"
    r"|(?P<marker>其中|主要包括|主要用于|包括|分别为|分别是)"
    r"|(?P<ph>(?<![A-Za-z])[Xx×*]{1,4})(?P<phunit>万元|元|%)"
    r"|(?P<miss>(?<=[出入算费额计])(?:万元|元(?!旦)))"
    rf"|(?<![\d.A-Za-z])(?P<num>{_NUM})"
    rf"(?P<unit>万元|亿元|元|万(?![元人户次个名亩吨件册辆套台\d])|%|‰|平方米|㎡|m²|{_COUNT_UNITS})?)"
)
_MONEY = {"万元", "亿元", "元", "万"}
_AREA = {"平方米", "㎡", "m²"}
# 、 separates listed items, except in 收、支 ("财政拨款收、支总预算")
_BOUNDARY_AMOUNT = re.compile(r"[,:\n]|(?<!收)、(?!支)")
_BOUNDARY_CLAUSE = re.compile(r"[,:\n]")
_VERB_END = re.compile(r"(增加|增长|上升|提高|减少|下降|降低|压减|压缩|缩减)了?$")
_UP = {"增加", "增长", "上升", "提高"}
_RATE_VERBS = {"增长", "下降", "上升", "降低"}
_TRAILING_PAREN = re.compile(r"\([^()]*\)$")
_COMPARE_WITH = re.compile(r"与(?P<ref>[^,与]+?)(?:相比|比较)较?")
_COMPARE_BI = re.compile(r"(?:同比|(?<![对占])比(?![例重率较])|较(?![大小多少好高低为]))(?P<ref>.*)$")
_THRESHOLD_AFTER = re.compile(r"^(?:\([^()]*\))?(?:及|或)?(?:以上|以下|以内)")
_FOLLOWING_NOUN = re.compile(
    r"^[\u4e00-\u9fff]{0,8}?(?:事业单位|行政单位|单位|股室|科室|处室|部门|机构|项目|团组|人员)"
)
# a short name right after the count, up to a clause end or a verb: "4个专门委员会、"
_FOLLOWING_RUN = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?=[,、。;:(\n]|$|编报|实行|涉及|包括|纳入|参与|开展)")
_GENERIC_AMOUNT = re.compile(r"^(?:涉及|共计|合计)?(?:项目)?(?:金额|资金)$")
_SAME_WORDS = re.compile(r"^(?:与|比|较|同比)|(?:相同|持平|一致|无变化|没有变化)$")
_EITHER_WAY = re.compile(r"增|减|上升|下降")
_SHARE_REF_TRIM = re.compile(r"(?:的)?(?:比重|比例)?(?:为|是|达)?$")
_SHARE_WORD = re.compile(r"(?:比重|比例)(?:为|是|达)?$")
_CLASS_MARK = re.compile(r"\([类款项]\)")
_VERB_START = re.compile(r"^(增加了?|减少了?|压减|削减|新增)")
_HAS_FIGURE = re.compile(r"\d(?:万元|亿元|元|%)?$")
_YEAR_ONLY = re.compile(r"^\d{4}年度?$")
_YEAR_PREFIX = re.compile(r"^(\d{4})年度?")

_LEAD_ENUM = re.compile(
    r"^(?:[-•*]+)?(?:\(\d{1,2}\)|\d{1,2}[、.](?!\d)|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)"
)
_FRAMING = re.compile(
    r"^(?P<self>本部门|本单位|我局|我单位|我委|我办)?(?:\d{4}年度?)?(?P<self2>本部门|本单位)?"
    r"(?P<org>[^,:;。]{0,30}?(?:局|委员会|委|办公室|办公厅|办|中心|院|厅|部|大队|支队|队|站|馆|所|政府|会"
    r"|处|署|社|校|团|室|单位))?"
    r"(?:\d{4}年度?)?"
    r'(?=财政拨款|一般公共|政府性基金|国有资本|预算|部门|支出|收入|本年|当年|上年|年初|政府采购|机关运行|"三公"'
    r"|三公|使用|占有|共有|纳入|编报|公开|所属|全年|基本支出|项目支出)"
)
_LEAD_WORDS = re.compile(
    r"^(?:其中|主要包括|主要用于以下方面|主要用于|包括|分别为|分别是|具体为|具体包括|共有|另有|以及|此外|及|和|是|为|即"
    r"|主要原因是|主要原因|原因是|涉及|共计)[:,]?"
)
_TRAIL_WORDS = re.compile(r"(?:为|是|达到|达|约|共计|各|分别为|分别|增加到|增长到|增长至|增加至|预计)$")
_STRIP = " ,:;、-•*\n"

_REASON = re.compile(
    r"(?:主要原因是|主要原因为|主要原因|原因是|原因为|主要是由于|主要是因为)[:,]?\n?(?P<r>[^。;\n]*)"
)
_YEAR = re.compile(r"(?P<pre>同比|比|较|与|截至|截止|至)?(?<!\d)(?P<y>(?:19|20)\d{2})(?!\d)年(?P<du>度)?")


def _clean_subject(phrase: str) -> str:
    """The name of what a figure is about, from the words printed before it."""
    s = phrase.strip(_STRIP)
    s = _LEAD_ENUM.sub("", s).strip(_STRIP)
    m = _FRAMING.match(s)
    if m and (m.group("org") or m.group("self") or m.group("self2")):
        s = s[m.end() :]
    for _ in range(3):
        t = _LEAD_WORDS.sub("", s).strip(_STRIP)
        if t == s:
            break
        s = t
    s = _TRAIL_WORDS.sub("", s).strip(_STRIP)
    s = s.removesuffix("的")
    i = s.rfind("的")
    # "纳入绩效目标管理的二级项目" → 二级项目; but a classification name keeps its 的
    # ("未归口管理的行政单位离退休支出(项)").
    if i >= 0 and len(s) - i - 1 >= 2 and not _CLASS_MARK.search(s):
        s = s[i + 1 :]
    return s.strip(_STRIP)


# --- extraction ----------------------------------------------------------------------------


class _Clause:
    """What one ;-clause has said so far."""

    __slots__ = ("first_amount", "marker_whole", "since_marker", "claims")

    def __init__(self) -> None:
        self.first_amount: Claim | None = None
        self.marker_whole: Claim | None = None
        self.since_marker: list[Claim] = []  # amounts listed after 其中
        self.claims: list[Claim] = []


class _Fig(NamedTuple):
    """A printed figure: its span in the normalised text and how it reads."""

    start: int
    end: int
    value: Decimal | None
    precision: int
    unit: str | None
    flags: list[str]


class _Extractor:
    def __init__(
        self, text: str, section: str | None, source: Provenance, lines: Sequence[tuple[int, ...]] | None
    ) -> None:
        self.norm = _Norm(text)
        self.section = section
        self.source = source
        self.lines = lines or []
        self.offsets = [t[0] for t in self.lines]
        self.out: list[Claim] = []
        # the whole that shares refer to (set at 其中 / 主要包括 …), kept across sentences
        self.whole: Claim | None = None
        self.last_amount: Claim | None = None
        self.prev_sentence_first: Claim | None = None
        self.sentence_first: Claim | None = None
        self.sentence_raw = ""
        # the base of a comparison named before its change: 与上年相比, / 比2023年预算56.26万元,
        self.pending_ref: str | None = None

    def run(self) -> list[Claim]:
        text = self.norm.text
        for sm in _SENTENCE.finditer(text):
            self.sentence_raw = self.norm.raw(sm.start(), sm.end()).strip()
            self.sentence_first = self.pending_ref = None
            for cm in _CLAUSE.finditer(text, sm.start(), sm.end()):
                self._clause(cm.start(), cm.end())
            if self.sentence_first is not None:
                self.prev_sentence_first = self.sentence_first
        return self.out

    def _emit(self, clause: _Clause, kind: str, subject: str, fig: _Fig, **extra: object) -> Claim:
        line, page = self.source.line, self.source.page
        k = bisect_right(self.offsets, self.norm.orig(fig.start)) - 1
        if k >= 0:
            line = self.lines[k][1]
            page = self.lines[k][2] if len(self.lines[k]) > 2 else page
        raw = self.norm.raw(fig.start, fig.end)
        claim = Claim(
            kind=kind,  # type: ignore[arg-type]
            subject=subject,
            value=fig.value,
            unit=fig.unit,
            precision=fig.precision,
            raw=raw,
            sentence=self.sentence_raw,
            section=self.section,
            source=Provenance(file=self.source.file, page=page, line=line, raw=raw),
            flags=fig.flags,
            **extra,  # type: ignore[arg-type]
        )
        self.out.append(claim)
        clause.claims.append(claim)
        return claim

    def _clause(self, c_start: int, c_end: int) -> None:
        text = self.norm.text
        clause = _Clause()
        prev_end = c_start
        for m in _TOKEN.finditer(text, c_start, c_end):
            left = text[prev_end : m.start()]
            if "与" in left:
                for part in _BOUNDARY_CLAUSE.split(left):
                    cw = _COMPARE_WITH.search(part)
                    if cw:
                        self.pending_ref = cw.group("ref")
            if m.group("marker"):
                self._marker(clause)
            elif m.group("same") or m.group("csame"):
                ref = _SAME_WORDS.sub("", m.group(0)) or m.group("sref") or m.group("cref") or "上年"
                prior = clause.claims[-1] if clause.claims else None
                prior = prior or self.last_amount
                subject = _clean_subject(left.rsplit(",", 1)[-1]) or (prior.subject if prior else "")
                fig = _Fig(m.start(), m.end(), None, 0, None, [])
                self._emit(clause, "same", subject, fig, direction=0, reference=ref)
            elif m.group("ph") or m.group("miss"):
                unit = m.group("phunit") or m.group(0)
                local = _local(left, _BOUNDARY_AMOUNT)
                kind = ("share" if "占" in local else "rate") if unit == "%" else "amount"
                flag = "placeholder" if m.group("ph") else "missing_number"
                fig = _Fig(m.start(), m.end(), None, 0, unit, [flag])
                claim = self._emit(clause, kind, _clean_subject(local), fig)
                if kind == "amount":
                    self._note_amount(clause, claim)
            elif not self._figure(m, left, clause):
                continue
            prev_end = m.end()

    def _marker(self, clause: _Clause) -> None:
        if self.sentence_first is not None and self.last_amount is not None:
            self.whole = self.last_amount
        else:
            self.whole = self.prev_sentence_first
        clause.marker_whole = self.whole
        clause.since_marker = []

    def _head(self, clause: _Clause) -> Claim | None:
        """What a change without a named subject is about: after 其中 and one item, that item
        ("其中:购置费15万元,比上年减少10万元"); after several, the whole named before 其中
        ("总计X,其中:本年A,结转B,比上年增加C"); else the clause's first amount, else the last."""
        if clause.marker_whole is not None:
            return clause.since_marker[0] if len(clause.since_marker) == 1 else clause.marker_whole
        return clause.first_amount or self.sentence_first or self.last_amount

    def _note_amount(self, clause: _Clause, claim: Claim) -> None:
        self.last_amount = claim
        if clause.marker_whole is not None:
            clause.since_marker.append(claim)
        if clause.first_amount is None:
            clause.first_amount = claim
        if self.sentence_first is None:
            self.sentence_first = claim

    def _figure(self, m: re.Match[str], left: str, clause: _Clause) -> bool:
        """Classify one printed number; False when it is not a figure (a year, a code, 表1)."""
        text = self.norm.text
        num_s, unit = m.group("num"), m.group("unit")
        start, end = m.start("num"), m.end()
        local_clause, ambiguous = _strip_parens(_local(left, _BOUNDARY_CLAUSE))
        verb_m = _VERB_END.search(local_clause)
        share_pre, share_ref = _share_parts(local_clause)
        if unit is None:
            nxt = text[end : end + 1]
            if nxt in ("年", "月", "日", "号", "周", "岁"):
                return False
            before = text[start - 1 : start] if start > 0 else ""
            # A bare number counts only where an amount stands: after a name, before a clause
            # end, with decimals (integers stand for too many things: 表1, 第3, 1、).
            if (
                share_pre is None
                and not verb_m
                and (
                    nxt not in ("", ",", ";", "。", "、", "\n")
                    or not _is_cjk(before)
                    or ("." not in num_s and "," not in num_s)
                )
            ):
                return False
        parsed = parse_number(self.norm.raw(start, m.end("num")))
        flags = list(parsed.flags)
        percent = unit in ("%", "‰") or (
            unit is None
            and (share_pre is not None or (verb_m is not None and verb_m.group(1) in _RATE_VERBS))
        )
        if unit is None:
            flags.append("no_percent_sign" if percent else "no_unit")
        elif unit == "万":
            unit = "万元"
            flags.append("unit_abbreviated")
        fig = _Fig(start, end, parsed.value, parsed.precision, unit or ("%" if percent else None), flags)
        if percent and share_pre is not None:
            self._share(clause, fig, share_pre, share_ref)
        elif verb_m:
            self._change(clause, fig, local_clause, verb_m, "rate" if percent else "change", ambiguous)
        elif percent:
            self._emit(clause, "rate", _clean_subject(_local(left, _BOUNDARY_AMOUNT)), fig)
        else:
            self._amount(clause, fig, _local(left, _BOUNDARY_AMOUNT), num_s)
        return True

    def _amount(self, clause: _Clause, fig: _Fig, local: str, num_s: str) -> None:
        text = self.norm.text
        stripped = local.strip(_STRIP)
        vs = _VERB_START.match(stripped)
        if vs and fig.unit is not None:
            # "增加综合管理费209万元": the verb before the thing; the figure is the change.
            direction = -1 if vs.group(1).removesuffix("了") in ("减少", "压减", "削减") else 1
            self._emit(clause, "change", _clean_subject(stripped[vs.end() :]), fig, direction=direction)
            return
        comparison = stripped[:1] in ("比", "较")
        if comparison:
            fig.flags.append("comparison_base")
            local = stripped[1:]
        if _THRESHOLD_AFTER.match(text[fig.end : fig.end + 12]):
            fig.flags.append("threshold")
        if fig.unit is None or fig.unit in _MONEY or fig.unit in _AREA:
            kind, subject = "amount", self._amount_subject(local, clause)
        else:
            after = text[fig.end : fig.end + 16]
            following = _FOLLOWING_NOUN.match(after) or _FOLLOWING_RUN.match(after)
            kind, subject = "count", following.group(0) if following else _clean_subject(local)
        claim = self._emit(clause, kind, subject, fig)
        if comparison:
            self.pending_ref = f"{subject}{num_s}{fig.unit or ''}"
        elif kind == "amount" and "threshold" not in fig.flags:
            self._note_amount(clause, claim)

    def _amount_subject(self, local: str, clause: _Clause) -> str:
        prior = clause.claims[-1] if clause.claims else None
        light = local.strip(_STRIP)
        if _GENERIC_AMOUNT.match(light) and prior is not None and prior.kind == "count":
            # "二级项目37个,共计金额…": the amount belongs to the counted items.
            return prior.subject + light
        subject = _clean_subject(local)
        if _YEAR_ONLY.match(subject) and prior is not None and prior.kind == "amount":
            # "2024年收入…,2023年27555.26万元": the same thing, another year.
            rest = _YEAR_PREFIX.sub("", prior.subject)
            return f"{subject.rstrip('度')}{rest}" if rest else subject
        return subject

    def _share(self, clause: _Clause, fig: _Fig, pre: str, ref: str | None) -> None:
        subject = _clean_subject(pre)
        if not subject:
            prior = next((c for c in reversed(clause.claims) if c.kind in ("amount", "count")), None)
            subject = prior.subject if prior else ""
        reference = _clean_subject(ref) if ref else None
        if not reference and self.whole is not None and self.whole.subject != subject:
            reference = self.whole.subject
        self._emit(clause, "share", subject, fig, reference=reference or None)

    def _change(
        self, clause: _Clause, fig: _Fig, local: str, verb_m: re.Match[str], kind: str, ambiguous: bool
    ) -> None:
        pre = local[: verb_m.start()]
        direction: int | None = 1 if verb_m.group(1) in _UP else -1
        if ambiguous:
            direction = None
            fig.flags.append("ambiguous_direction")
        ref: str | None = None
        cw, cb = _COMPARE_WITH.search(pre), _COMPARE_BI.search(pre)
        if cw:
            ref = cw.group("ref")
            subject = _clean_subject(pre[: cw.start()]) or _clean_subject(pre[cw.end() :])
        elif cb:
            ref = cb.group("ref").strip(_STRIP) or "上年"
            subject = _clean_subject(pre[: cb.start()])
        else:
            subject = _clean_subject(pre)
        prior = clause.claims[-1] if clause.claims else None
        if kind == "rate" and not subject and prior is not None and prior.kind == "change":
            subject, ref = prior.subject, ref or prior.reference
        ref = ref or self.pending_ref
        head = None
        if not subject:
            head = self._head(clause)
            subject = head.subject if head else ""
        if ref and not _HAS_FIGURE.search(ref):
            ref = self._printed_base(clause, ref, head) or ref
        self._emit(clause, kind, subject, fig, direction=direction, reference=ref)

    def _printed_base(self, clause: _Clause, ref: str, head: Claim | None) -> str | None:
        """Last year's figure when the clause prints it: ``2023年收入256.54万元``."""
        want: str | None = ref if _YEAR_PREFIX.match(ref) else None
        if want is None and ref in ("上年", "上年度", "去年") and head is not None:
            hy = _YEAR_PREFIX.match(head.subject)
            want = f"{int(hy.group(1)) - 1}年" if hy else None
        if want is None:
            return None
        for c in reversed(clause.claims):
            if c.kind == "amount" and c is not head and c.subject.startswith(want) and c.value is not None:
                return f"{c.subject}{normalise_text(c.raw)}"
        return None


def _is_cjk(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def _local(left: str, boundary: re.Pattern[str]) -> str:
    """The words after the last boundary: what names the next figure."""
    parts = boundary.split(left)
    return parts[-1] if parts else left


def _strip_parens(local: str) -> tuple[str, bool]:
    """Drop trailing bracketed words (``增加(减少)``); say whether they named the other direction."""
    ambiguous = False
    while True:
        m = _TRAILING_PAREN.search(local)
        if not m:
            return local, ambiguous
        inner = m.group(0)
        if _EITHER_WAY.search(inner):
            ambiguous = True
        else:
            return local, ambiguous
        local = local[: m.start()]


def _share_parts(local: str) -> tuple[str | None, str | None]:
    """For ``…占X的`` / ``…占比为`` return (words before 占, X); (None, None) if not a share."""
    i = local.rfind("占")
    if i >= 0 and local[i + 1 : i + 2] not in ("有", "用"):
        ref = local[i + 1 :]
        ref = _SHARE_REF_TRIM.sub("", ref.removeprefix("比"))
        return local[:i].removesuffix("所"), ref.strip(_STRIP) or None
    m = _SHARE_WORD.search(local)
    if m:
        return local[: m.start()], None
    return None, None


def extract_claims(
    text: str,
    *,
    section: str | None = None,
    source: Provenance | None = None,
    line_starts: Sequence[tuple[int, ...]] | None = None,
) -> list[Claim]:
    """Every figure stated in ``text``, in reading order.

    ``source`` gives file, page and line of the text's start; with ``line_starts`` (tuples of
    text offset, source line number and optionally page, ascending by offset) each claim gets
    the line it was printed on.
    Pure and fast: no I/O, precompiled patterns.
    """
    return _Extractor(text, section, source or Provenance(), line_starts).run()


def claims_from_sections(sections: Iterable[Section]) -> list[Claim]:
    """The claims of every section of the department's own narrative, in document order.

    Appended documents (sections whose path starts with ``附件``) are left out: their figures
    are not the department's statements.
    """
    out: list[Claim] = []
    for s in sections:
        if s.path and s.path[0] == "附件":
            continue
        if not s.text:
            continue
        out.extend(
            extract_claims(
                s.text,
                section=s.heading,
                source=replace(s.source, raw=""),
                line_starts=getattr(s, "line_starts", None),
            )
        )
    return out


def year_mentions(text: str) -> list[tuple[int, str]]:
    """Every year named in ``text`` with the words around it, normalised:
    ``[(2024, "2024年度"), (2023, "比2023年"), (2023, "截至2023年")]``."""
    norm = normalise_text(text)
    return [(int(m.group("y")), m.group(0)) for m in _YEAR.finditer(norm)]


def stated_reasons(text: str) -> list[str]:
    """The reason given after each 主要原因是 / 原因是 …, up to the end of its clause.

    An empty string means the reason was left blank (``主要原因是。``).
    """
    norm = normalise_text(text)
    return [m.group("r").strip(_STRIP) for m in _REASON.finditer(norm)]
