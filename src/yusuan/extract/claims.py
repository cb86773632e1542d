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
from decimal import Decimal

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
_ASCII = "0123456789.,-+%():;!?\"\"''\"\""
_TABLE = str.maketrans(
    _TRAD[0::2] + _FULLWIDTH + "\u00a0\u3000",
    _TRAD[1::2] + _ASCII + "  ",
)
_SPACE = re.compile(r"[ \t\r\f\v]+")


class _Norm:
    """Normalised text with a map back to the original offsets."""

    __slots__ = ("orig_text", "text", "_norm_starts", "_orig_starts")

    def __init__(self, original: str) -> None:
        self.orig_text = original
        translated = original.translate(_TABLE)
        parts: list[str] = []
        self._norm_starts: list[int] = [0]
        self._orig_starts: list[int] = [0]
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
    return _Norm(text).text


# --- patterns ------------------------------------------------------------------------------

_SENTENCE = re.compile(r"[^。!?\n]+[。!?]*")
_CLAUSE = re.compile(r"[^;]+;?")
_NUM = r"\d+(?:,\d{3}(?!\d))*(?:\.\d+)*"
_COUNT_UNITS = "个|家|辆|台|套|人次|名|人(?![力民社员大])|项|批次|次|团组|件|期|所|处|户"
_TOKEN = re.compile(
    r"(?P<same>与(?P<sref>上年度?|上一年度?|去年|\d{4}年度?)[^,;。\d]{0,8}?(?:相同|持平|一致|无变化))"
    r"|(?P<csame>(?:比|较|同比)(?P<cref>上年度?|去年|\d{4}年度?)?[^,;。\d]{0,6}?(?:持平|无变化|没有变化))"
    r"|(?P<marker>其中|主要包括|主要用于|包括|分别为|分别是)"
    r"|(?P<ph>(?<![A-Za-z])[Xx×*]{1,4})(?P<phunit>万元|元|%)"
    r"|(?P<miss>(?<=[出入算费额计])(?:万元|元(?!旦)))"
    rf"|(?<![\d.A-Za-z])(?P<num>{_NUM})"
    rf"(?P<unit>万元|亿元|元|万(?![元人户次个名亩吨件册辆套台\d])|%|‰|平方米|㎡|m²|{_COUNT_UNITS})?"
)
_MONEY = {"万元", "亿元", "元", "万"}
_AREA = {"平方米", "㎡", "m²"}
_BOUNDARY_AMOUNT = re.compile(r"[,:、\n]")
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
    r"|主要原因是|原因是|涉及|共计)[:,]?"
)
_TRAIL_WORDS = re.compile(r"(?:为|是|达到|达|约|共计|各|分别为|分别|增加到|增长到|增长至|增加至|预计)$")
_STRIP = " ,:;、-•*\n"

_REASON = re.compile(r"(?:主要原因是|主要原因为|主要原因|原因是|原因为|主要是由于|主要是因为)[:,]?\n?(?P<r>[^。;\n]*)")
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
    if i >= 0 and len(s) - i - 1 >= 2:
        s = s[i + 1 :]
    return s.strip(_STRIP)


# --- extraction ----------------------------------------------------------------------------


class _Clause:
    """What one ;-clause has said so far."""

    __slots__ = ("first_amount", "marker_whole", "claims")

    def __init__(self) -> None:
        self.first_amount: Claim | None = None
        self.marker_whole: Claim | None = None
        self.claims: list[Claim] = []


class _Extractor:
    def __init__(
        self,
        text: str,
        section: str | None,
        source: Provenance,
        line_starts: Sequence[tuple[int, int]] | None,
    ) -> None:
        self.norm = _Norm(text)
        self.section = section
        self.source = source
        self.line_offsets = [o for o, _ in line_starts] if line_starts else None
        self.line_numbers = [n for _, n in line_starts] if line_starts else None
        self.out: list[Claim] = []
        # the whole that shares refer to (set at 其中 / 主要包括 …), kept across sentences
        self.whole: Claim | None = None
        self.last_amount: Claim | None = None
        self.prev_sentence_first: Claim | None = None

    # provenance ------------------------------------------------------------------------
    def _prov(self, start: int, end: int) -> Provenance:
        line = self.source.line
        if self.line_offsets is not None and self.line_numbers is not None:
            k = bisect_right(self.line_offsets, self.norm.orig(start)) - 1
            if k >= 0:
                line = self.line_numbers[k]
        return Provenance(file=self.source.file, page=self.source.page, line=line, raw=self.norm.raw(start, end))

    def run(self) -> list[Claim]:
        text = self.norm.text
        for sm in _SENTENCE.finditer(text):
            self._sentence(sm.start(), sm.end())
        return self.out

    def _sentence(self, s_start: int, s_end: int) -> None:
        text = self.norm.text
        sentence_raw = self.norm.raw(s_start, s_end).strip()
        self.sentence_raw = sentence_raw
        self.sentence_first: Claim | None = None
        self.pending_ref: str | None = None
        for cm in _CLAUSE.finditer(text, s_start, s_end):
            self._clause(cm.start(), cm.end())
        if self.sentence_first is not None:
            self.prev_sentence_first = self.sentence_first

    def _add(self, clause: _Clause, claim: Claim) -> Claim:
        self.out.append(claim)
        clause.claims.append(claim)
        return claim

    def _make(self, kind: str, subject: str, start: int, end: int, **kw: object) -> Claim:
        prov = self._prov(start, end)
        return Claim(
            kind=kind,  # type: ignore[arg-type]
            subject=subject,
            raw=prov.raw,
            sentence=self.sentence_raw,
            section=self.section,
            source=prov,
            **kw,  # type: ignore[arg-type]
        )

    def _clause(self, c_start: int, c_end: int) -> None:
        text = self.norm.text
        clause = _Clause()
        prev_end = c_start
        for m in _TOKEN.finditer(text, c_start, c_end):
            left = text[prev_end : m.start()]
            # A comparison named between figures (与上年相比, / 比2023年预算) holds for what follows.
            self._note_comparison(left)
            if m.group("marker"):
                self._marker(clause)
                prev_end = m.end()
                continue
            if m.group("same") or m.group("csame"):
                ref = m.group("sref") or m.group("cref") or "上年"
                tail = m.group(0)
                ref_full = re.sub(r"^(?:与|比|较|同比)", "", tail)
                ref_full = re.sub(r"(?:相同|持平|一致|无变化|没有变化)$", "", ref_full) or ref
                prior = clause.claims[-1] if clause.claims else None
                subject = _clean_subject(left.rsplit(",", 1)[-1]) or (prior.subject if prior else "")
                self._add(clause, self._make("same", subject, m.start(), m.end(), direction=0, reference=ref_full))
                prev_end = m.end()
                continue
            if m.group("ph") or m.group("miss"):
                unit = m.group("phunit") or m.group(0)
                flag = "placeholder" if m.group("ph") else "missing_number"
                local = _local(left, _BOUNDARY_AMOUNT)
                kind = "share" if unit == "%" and "占" in local else ("rate" if unit == "%" else "amount")
                self._add(
                    clause,
                    self._make(kind, _clean_subject(local), m.start(), m.end(), unit=unit, flags=[flag]),
                )
                prev_end = m.end()
                continue
            if self._figure(m, left, clause):
                prev_end = m.end()

    def _note_comparison(self, left: str) -> None:
        for part in _BOUNDARY_CLAUSE.split(left):
            cw = _COMPARE_WITH.search(part)
            if cw:
                self.pending_ref = cw.group("ref")

    def _marker(self, clause: _Clause) -> None:
        whole = None
        if self.sentence_first is not None and self.last_amount is not None:
            whole = self.last_amount
        elif self.prev_sentence_first is not None:
            whole = self.prev_sentence_first
        self.whole = whole
        clause.marker_whole = whole

    def _head(self, clause: _Clause) -> Claim | None:
        return clause.marker_whole or clause.first_amount or self.whole or self.last_amount

    def _figure(self, m: re.Match[str], left: str, clause: _Clause) -> bool:
        """Classify one printed number; return False when it is not a figure (a year, a code)."""
        text = self.norm.text
        num_s, unit = m.group("num"), m.group("unit")
        nstart, end = m.start("num"), m.end()
        raw_num = self.norm.raw(nstart, m.end("num"))
        local_clause = _local(left, _BOUNDARY_CLAUSE)
        local_clause, ambiguous = _strip_parens(local_clause)
        verb_m = _VERB_END.search(local_clause)
        share_pre, share_ref = _share_parts(local_clause)
        flags: list[str] = []

        if unit is None:
            nxt = text[end : end + 1]
            if nxt in ("年", "月", "日", "号", "周", "岁") or not num_s[0].isdigit():
                return False
            before = text[nstart - 1 : nstart] if nstart > 0 else ""
            is_share = share_pre is not None
            if not (is_share or verb_m):
                # A bare number counts only where an amount stands: after a name, before a clause end.
                if nxt not in ("", ",", ";", "。", "、", "\n") or not _is_cjk(before):
                    return False
                if re.fullmatch(r"\d{1,2}", num_s) and nxt == "、":
                    return False
        parsed = parse_number(raw_num)
        flags.extend(parsed.flags)
        value = parsed.value
        precision = parsed.precision

        if unit in ("%", "‰") or (unit is None and (share_pre is not None or (verb_m and verb_m.group(1) in _RATE_VERBS))):
            if unit is None:
                flags.append("no_percent_sign")
            unit_out = unit or "%"
            if share_pre is not None:
                self._share(clause, m, share_pre, share_ref, value, precision, unit_out, flags)
            elif verb_m:
                self._change(clause, m, local_clause, verb_m, "rate", value, precision, unit_out, flags, ambiguous)
            else:
                subject = _clean_subject(_local(left, _BOUNDARY_AMOUNT))
                self._add(clause, self._make("rate", subject, nstart, end, value=value, unit=unit_out,
                                             precision=precision, flags=flags))
            return True

        if unit == "万":
            unit, flags = "万元", [*flags, "unit_abbreviated"]
        if unit is None:
            flags.append("no_unit")
        if verb_m:
            self._change(clause, m, local_clause, verb_m, "change", value, precision, unit, flags, ambiguous)
            return True

        local = _local(left, _BOUNDARY_AMOUNT)
        comparison = bool(re.match(r"^(?:比|较)", local.strip(_STRIP)))
        if comparison:
            flags.append("comparison_base")
            local = re.sub(r"^[" + re.escape(_STRIP) + r"]*(?:比|较)", "", local)
        if _THRESHOLD_AFTER.match(text[end : end + 12]):
            flags.append("threshold")
        kind = "amount" if unit is None or unit in _MONEY or unit in _AREA else "count"
        if kind == "count":
            after = text[end : end + 16]
            following = _FOLLOWING_NOUN.match(after) or _FOLLOWING_RUN.match(after)
            subject = following.group(0) if following else _clean_subject(local)
        else:
            subject = self._amount_subject(local, clause)
        claim = self._add(
            clause,
            self._make(kind, subject, nstart, end, value=value, unit=unit, precision=precision, flags=flags),
        )
        if comparison:
            self.pending_ref = f"{subject}{num_s}{unit or ''}"
        elif kind == "amount" and "threshold" not in flags:
            self.last_amount = claim
            if clause.first_amount is None:
                clause.first_amount = claim
            if self.sentence_first is None:
                self.sentence_first = claim
        return True

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

    def _share(
        self,
        clause: _Clause,
        m: re.Match[str],
        pre: str,
        ref: str | None,
        value: Decimal | None,
        precision: int,
        unit: str,
        flags: list[str],
    ) -> None:
        subject = _clean_subject(pre)
        if not subject:
            prior = next((c for c in reversed(clause.claims) if c.kind in ("amount", "count")), None)
            subject = prior.subject if prior else ""
        reference = _clean_subject(ref) if ref else None
        if not reference and self.whole is not None and self.whole.subject != subject:
            reference = self.whole.subject
        self._add(
            clause,
            self._make("share", subject, m.start(), m.end(), value=value, unit=unit, precision=precision,
                       reference=reference or None, flags=flags),
        )

    def _change(
        self,
        clause: _Clause,
        m: re.Match[str],
        local: str,
        verb_m: re.Match[str],
        kind: str,
        value: Decimal | None,
        precision: int,
        unit: str | None,
        flags: list[str],
        ambiguous: bool,
    ) -> None:
        verb = verb_m.group(1)
        pre = local[: verb_m.start()]
        direction: int | None = 1 if verb in _UP else -1
        if ambiguous:
            direction = None
            flags = [*flags, "ambiguous_direction"]
        subject, ref = "", None
        cw = _COMPARE_WITH.search(pre)
        cb = _COMPARE_BI.search(pre)
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
        if ref is None:
            ref = self.pending_ref
        head = None
        if not subject:
            head = self._head(clause)
            subject = head.subject if head else ""
        if ref and not _HAS_FIGURE.search(ref):
            ref = self._printed_base(clause, ref, head) or ref
        self._add(
            clause,
            self._make(kind, subject, m.start(), m.end(), value=value, unit=unit, precision=precision,
                       direction=direction, reference=ref, flags=flags),
        )

    def _printed_base(self, clause: _Clause, ref: str, head: Claim | None) -> str | None:
        """Last year's figure when the clause prints it: ``2023年收入256.54万元``."""
        year = _YEAR_PREFIX.match(ref)
        want: str | None = None
        if year:
            want = ref
        elif ref in ("上年", "上年度", "去年") and head is not None:
            hy = _YEAR_PREFIX.match(head.subject)
            if hy:
                want = f"{int(hy.group(1)) - 1}年"
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
        if re.search(r"增|减|上升|下降", inner):
            ambiguous = True
        else:
            return local, ambiguous
        local = local[: m.start()]


def _share_parts(local: str) -> tuple[str | None, str | None]:
    """For ``…占X的`` / ``…占比为`` return (words before 占, X); (None, None) if not a share."""
    i = local.rfind("占")
    if i >= 0 and local[i + 1 : i + 2] not in ("有", "用"):
        ref = local[i + 1 :]
        ref = re.sub(r"^比", "", ref)
        ref = re.sub(r"(?:的)?(?:比重|比例)?(?:为|是|达)?$", "", ref)
        return local[:i].removesuffix("所"), ref.strip(_STRIP) or None
    m = re.search(r"(?:比重|比例)(?:为|是|达)?$", local)
    if m:
        return local[: m.start()], None
    return None, None


def extract_claims(
    text: str,
    *,
    section: str | None = None,
    source: Provenance | None = None,
    line_starts: Sequence[tuple[int, int]] | None = None,
) -> list[Claim]:
    """Every figure stated in ``text``, in reading order.

    ``source`` gives file, page and line of the text's start; with ``line_starts`` (pairs of
    text offset → source line number, ascending) each claim gets the line it was printed on.
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
                source=s.source.model_copy(update={"raw": ""}),
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
