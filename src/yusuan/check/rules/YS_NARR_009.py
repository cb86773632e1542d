"""YS-NARR-009 year-word-mismatch: a year in the narrative contradicts the document's year (比2024年 in a
2024 budget, 2025年度…预算 in a 2024 one)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._narr import (
    all_claims,
    at_claim,
    own_sections,
    require_narrative,
    section_finding,
    snippet,
)
from yusuan.extract.claims import normalise_text
from yusuan.model import Disclosure

_YEAR = re.compile(r"(?P<pre>同比|比|较|与|截至|截止|至|到)?(?<!\d)(?P<y>(?:19|20)\d{2})(?!\d)年(?P<du>度)?")
_COMPARE = ("同比", "比", "较", "与")
# a sentence that opens with a year and then says whose budget it is: this year's statement
_FRAMING = re.compile(
    r"^(?:本部门|本单位|我局|我单位)?(?:[^,。;:]{0,30}?(?:局|委员会|委|办公室|办|中心|院|厅|部|队|站|馆|所|政府|会|处|社|校|单位))?"
    r"(?:部门|单位)?(?:预算|决算|收入|支出|财政拨款|一般公共预算|政府性基金|\"?三公|机关运行|政府采购|纳入|编报)"
)
_SENTENCE_START = re.compile(r"(?:^|[。\n])[\s(]*(?:\d{1,2}[、.]|[一二三四五六七八九十]{1,3}、)?\s*$")
_HEADING = re.compile(r"(?<!\d)((?:19|20)\d{2})年度?(?:部门|单位)?(?:预算|决算)")


class YearWordMismatch(Rule):
    id = "YS-NARR-009"
    slug = "year-word-mismatch"
    severity = "error"
    family = "NARR"
    title = "叙述中的年份与文件年度不符"
    title_en = "A year in the narrative contradicts the document's year"
    message = "{year_text}:{why}(文件为{doc_year}年{kind_zh})"
    message_en = "{year_text}: {why_en} (the document is the {doc_year} {kind_en})"
    rationale = (
        "叙述中的年份应与文件年度一致:预算与上年比较,“比{本年}年”“比{下年}年”是笔误;以年份开头说明本部门收支"
        "的句子、标题中的“XXXX年部门预算”、本年金额的主语年份都应为文件年度(DOMAIN.md“Narrative against table"
        "s”:year words match the document year;DR-28)。决算与本年预算比较(“与2023年预算相比”)是正常的。“截至"
        "上年12月31日”等不作判断。"
    )
    cases = [
        {"name": "sample years agree", "expect": "pass", "doc": {"base": "shanxi"}},
        {
            "name": "a 2025 budget comparing with 2025",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "meta": {"year": 2025},
                "sections": [
                    {
                        "heading": "一、收支预算总体情况",
                        "text": "2025年度示例局预算收入总计100.00万元,比2025年增加10.00万元。",
                    }
                ],
            },
        },
        {
            "name": "a 2025 budget opening with last year's year",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "meta": {"year": 2025},
                "sections": [
                    {
                        "heading": "一、收支预算总体情况",
                        "text": "2024年度示例局预算收入总计100.00万元,比上年增加10.00万元。",
                    }
                ],
            },
        },
        {
            "name": "final accounts compared with the same year's budget",
            "expect": "pass",
            "doc": {
                "meta": {"year": 2023, "kind": "final"},
                "sections": [
                    {
                        "heading": "一、收支决算总体情况",
                        "text": "2023年度示例局收入决算100.00万元,与2023年预算相比增加10.00万元。",
                    }
                ],
            },
        },
        {
            "name": "no year known",
            "expect": "insufficient_data",
            "doc": {"meta": {"year": None}, "sections": [{"heading": "一", "text": "x"}]},
        },
        {"name": "no narrative", "expect": "insufficient_data", "doc": {"claims": []}},
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_narrative(d)
        y = d.meta.year
        if y is None:
            raise InsufficientData("文件年度未知,无法核对年份")
        kind = d.meta.kind or "budget"
        fields = {
            "doc_year": y,
            "kind_zh": "决算" if kind == "final" else "预算",
            "kind_en": "final accounts" if kind == "final" else "budget",
        }
        for s in own_sections(d):
            for m in _HEADING.finditer(normalise_text(s.heading)):
                if int(m.group(1)) != y:
                    f = self.finding(
                        year_text=f"标题“{s.heading.strip()}”",
                        why="标题年份不是文件年度",
                        why_en="the heading names another year",
                        **fields,
                    )
                    yield section_finding(f, d, s, "")
            text = normalise_text(s.text)
            for m in _YEAR.finditer(text):
                yr, pre = int(m.group("y")), m.group("pre")
                why = self._why(text, m, yr, pre, y, kind)
                if why is None:
                    continue
                f = self.finding(
                    year_text=f"“{snippet(text, m.start(), 16)}”", why=why[0], why_en=why[1], **fields
                )
                yield section_finding(f, d, s, text[m.start() : m.end() + 8])
        for c in all_claims(d):
            m = re.match(r"^(\d{4})年", normalise_text(c.subject))
            if m and int(m.group(1)) > y and "comparison_base" not in c.flags:
                f = self.finding(
                    year_text=f"“{c.subject}{normalise_text(c.raw)}”",
                    why="本年金额的主语写成了以后的年份",
                    why_en="this year's figure is labelled with a later year",
                    **fields,
                )
                yield at_claim(f, c)

    @staticmethod
    def _why(
        text: str, m: re.Match[str], yr: int, pre: str | None, y: int, kind: str
    ) -> tuple[str, str] | None:
        if pre in _COMPARE:
            after = text[m.end() : m.end() + 6]
            if yr > y:
                return "与以后的年份比较", "compared with a later year"
            if yr == y and not (kind == "final" and re.search(r"预算|年初", after)):
                return "与本年度自身比较,应为上年", "compared with the document's own year (last year meant)"
            return None
        if pre is not None or yr == y:
            return None
        if _SENTENCE_START.search(text[: m.start()]) and _FRAMING.match(text[m.end() :]):
            return (
                "以年份开头说明本部门收支的句子不是文件年度",
                "a sentence stating this year's figures names another year",
            )
        return None
