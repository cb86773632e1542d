"""YS-STRUCT-016 content-withheld: a table or section is replaced by 涉密 / 不予公开 — for human review."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._struct_util import (
    NARRATIVE_DROPPED,
    WITHHELD,
    compact,
    narrative_extracted,
    narrative_parts,
    sentences,
)
from yusuan.model import Disclosure


class ContentWithheld(Rule):
    id = "YS-STRUCT-016"
    slug = "content-withheld"
    severity = "notice"
    family = "STRUCT"
    title = "有内容以涉密为由未公开,请人工复核"
    title_en = "Content withheld as secret: review by hand"
    message = "{place}称“{said}”,请人工复核是否属于依法可不公开的国家秘密"
    message_en = (
        "{place_en} says '{said}': check by hand that it is a state secret that may lawfully be withheld"
    )
    rationale = (
        "除涉及国家秘密的内容外,预决算均应公开(DR-29,《预算法》第十四条,财预〔2016〕143号第三条)。报表或"
        "叙述中写明“涉密”“不予公开”的,程序无法判断理由是否成立,提示人工复核而不判为错误;该表也不再由"
        "YS-STRUCT-001 报缺失。报表已查而叙述尚未提取时为数据不足。"
    )
    cases = [
        {
            "name": "nothing withheld",
            "expect": "pass",
            "doc": {
                "tables": [{"kind": "three_public", "empty_note": "本表无数据"}],
                "sections": [{"heading": "七、三公经费", "text": "三公经费预算13.20万元。"}],
            },
        },
        {
            "name": "三公 table replaced by a secrecy note",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [{"kind": "three_public", "empty_note": "本表涉密,不予公开"}],
                "sections": [{"heading": "七、三公经费", "text": "见表10。"}],
            },
        },
        {
            "name": "narrative says a table is withheld",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [{"kind": "summary"}],
                "sections": [{"heading": "九、政府采购情况", "text": "本部门政府采购预算涉密,不予公开。"}],
            },
        },
        {
            "name": "tables clean, narrative not extracted",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": NARRATIVE_DROPPED},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        found = False
        for t in d.tables:
            for text in (t.title, t.empty_note or ""):
                if WITHHELD.search(text):
                    found = True
                    yield self.finding(
                        table=t,
                        place=f"表{t.number}《{t.title}》",
                        place_en=f"table {t.number}",
                        said=compact(text),
                    )
                    break
        for heading, text, src in narrative_parts(d):
            for s in sentences(compact(text)):
                if WITHHELD.search(s):
                    found = True
                    f = self.finding(
                        place=f"“{compact(heading)}”部分", place_en=f"section '{compact(heading)}'", said=s
                    )
                    f.file, f.line = src.file or None, src.line
                    yield f
        if not found and not narrative_extracted(d):
            raise InsufficientData("报表中未见涉密说明;叙述部分尚未提取")
