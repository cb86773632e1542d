"""YS-NARR-001 narrative-amount-differs-from-table: an amount the narrative states differs from the
table figure it names."""

from __future__ import annotations

from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._narr import (
    Concept,
    Match,
    Resolver,
    at_claim,
    claim_fig,
    claim_views,
    iter_money_amounts,
    match,
    require_claims,
    said,
)
from yusuan.model import Disclosure


def judge(stated, concepts: list[Concept]) -> tuple[bool, Concept, list[Match]] | None:
    """(agrees, concept, matches) for the alternative that fits best; None when no table prints it.

    An alternative fits when the figure equals every one of its cells within rounding; when none
    fits, the one agreeing with the most cells is reported (a figure that equals one table but not
    another that must print the same figure is still wrong).
    """
    best: tuple[int, Concept, list[Match]] | None = None
    for concept in concepts:
        cells = [c for c in concept.cells if c.readable]
        if not cells:
            continue
        ms = [match(stated, c) for c in cells]
        if all(m.ok for m in ms):
            return True, concept, ms
        score = sum(m.ok for m in ms)
        if best is None or score > best[0]:
            best = (score, concept, ms)
    if best is None:
        return None
    return False, best[1], best[2]


def tie_candidates(d: Disclosure) -> Iterable[tuple[object, list[Concept]]]:
    """Amount claims the resolver can tie, with their concepts: this year's figures of a known
    subject, outside stated reasons, and not a part of a whole the resolver does not know."""
    res = Resolver(d)
    for v in iter_money_amounts(claim_views(d, res)):
        if v.in_reason:
            continue  # a unit's or a project's figure inside 主要原因是 …
        w = v.whole
        if w is not None and (w.in_reason or w.kind != "amount" or res.key(w.subject) is None):
            # "涉及部门预算资金31603.71万元,其中基本支出0.85万元": the part of something the tables
            # do not print under that name, so its subject means something else here
            continue
        concepts = res.resolve(v)
        if concepts is not None:
            yield v, concepts


class NarrativeAmountDiffersFromTable(Rule):
    id = "YS-NARR-001"
    slug = "narrative-amount-differs-from-table"
    severity = "error"
    family = "NARR"
    title = "叙述中的金额与报表不一致"
    title_en = "Narrative amount differs from the table figure it names"
    message = "叙述“{said}”与{where}的 {expected}{unit} 不一致,相差 {diff}{unit}{note}"
    message_en = (
        "the narrative's '{said}' differs from {where_en}, {expected} {unit}; difference {diff} {unit}{note_e"
        "n}"
    )
    rationale = (
        "情况说明复述报表:所说的每一个金额都应等于它所指的报表数字(DOMAIN.md“Narrative against tables”:every "
        "amount stated equals the table figure it names;REQUIREMENTS.md DR-28 内容准确,DR-18 机关运行经费与机"
        "关运行经费表一致)。按主语把金额对到报表单元格:收入总计、本年收入、上年结转、各项拨款收入、支出总计、"
        "基本支出、项目支出、人员经费、公用经费、一般公共预算当年支出、财政拨款收支总预算、各支出功能类、“三"
        "公”经费及各项、机关运行经费;按恒等式应印同一数字的几处(如一般公共预算基本支出=表5基本支出=表6合计)都"
        "要相等。单位换算后差额在两数舍入误差之和以内的为舍入提示。说明原因中的单位数字、未知整体的“其中”部分"
        "(如名为“公用经费”的项目)不对表,主语无法识别的金额不作判断;找不到对应报表数字的由 YS-NARR-002 提示。"
    )
    cases = [
        {
            "name": "sample: 一般公共预算基本支出 1,030.05 vs 表5 4,345.68",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi"},
        },
        {
            "name": "sample with table 6 and section 六 carrying 4,345.68 (the 0.85 of 十/1 is not tied)",
            "expect": "pass",
            "doc": {
                "base": "shanxi",
                "patch": [
                    {
                        "table": "general_budget_basic_economic",
                        "row": "total",
                        "column": "total",
                        "value": "4345.68",
                    },
                    {"claim": "1,030.05", "value": "4345.68"},
                ],
            },
        },
        {
            "name": "a 类 stated 1.00 off",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "expenditure",
                        "rows": [
                            {
                                "key": "total",
                                "role": "total",
                                "values": {"total": "30.00", "basic": "10.00", "project": "20.00"},
                            },
                            {"code": "208", "name": "社会保障和就业支出", "values": {"total": "30.00"}},
                        ],
                    }
                ],
                "claims": [
                    {"kind": "amount", "subject": "社会保障和就业支出", "value": "31.00", "unit": "万元"},
                    {"kind": "amount", "subject": "基本支出", "value": "10.00", "unit": "万元"},
                ],
            },
        },
        {
            "name": "stated in 元, and in 万元 with one decimal rounded the wrong way (30.05 → 30.0)",
            "expect": "pass",
            "rounding": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "expenditure",
                        "rows": [
                            {
                                "key": "total",
                                "role": "total",
                                "values": {"total": "30.05", "basic": "10.00", "project": "20.05"},
                            }
                        ],
                    }
                ],
                "claims": [
                    {"kind": "amount", "subject": "支出总计", "value": "30.0", "unit": "万元"},
                    {"kind": "amount", "subject": "基本支出", "value": "100000", "unit": "元"},
                ],
            },
        },
        {
            "name": "a project named 公用经费 inside a whole the tables do not print",
            "expect": "pass",
            "doc": {
                "tables": [
                    {
                        "kind": "expenditure",
                        "rows": [
                            {
                                "key": "total",
                                "role": "total",
                                "values": {"total": "30.00", "basic": "10.00", "project": "20.00"},
                            }
                        ],
                    }
                ],
                "claims": [
                    {
                        "kind": "amount",
                        "subject": "部门预算资金",
                        "value": "20.85",
                        "unit": "万元",
                        "raw": "20.85万元",
                        "sentence": "涉及部门预算资金20.85万元,其中基本支出0.85万元,项目支出20.00万元。",
                    },
                    {
                        "kind": "amount",
                        "subject": "基本支出",
                        "value": "0.85",
                        "unit": "万元",
                        "raw": "0.85万元",
                        "sentence": "涉及部门预算资金20.85万元,其中基本支出0.85万元,项目支出20.00万元。",
                    },
                    {
                        "kind": "amount",
                        "subject": "项目支出",
                        "value": "20.00",
                        "unit": "万元",
                        "raw": "20.00万元",
                        "sentence": "涉及部门预算资金20.85万元,其中基本支出0.85万元,项目支出20.00万元。",
                    },
                    {
                        "kind": "amount",
                        "subject": "基本支出",
                        "value": "10.00",
                        "unit": "万元",
                        "raw": "10.00万元",
                        "sentence": "支出预算30.00万元,其中基本支出10.00万元。",
                    },
                ],
            },
        },
        {
            "name": "no narrative figures",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop": "claims"}, {"drop": "three_public"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_claims(d)
        tied = 0
        for v, concepts in tie_candidates(d):
            stated = claim_fig(v.claim)
            verdict = judge(stated, concepts)
            if verdict is None:
                continue  # nothing printed to compare with: YS-NARR-002
            tied += 1
            ok, concept, ms = verdict
            off = [m for m in ms if m.difference != 0]
            if not off:
                continue
            first = next((m for m in off if not m.ok), off[0])
            agree = [m.cell for m in ms if m.ok]
            note = note_en = ""
            if not ok and agree:
                note = ",与" + "、".join(f"表{c.table.number}" for c in agree) + "一致(表间不一致)"
                note_en = " (it agrees with " + ", ".join(f"table {c.table.number}" for c in agree) + ")"
            f = self.finding(
                expected=first.expected,
                actual=first.actual,
                tolerance=first.tolerance,
                unit=first.unit,
                rounding=ok,
                said=said(v.claim),
                where=first.cell.where(),
                where_en=first.cell.where_en(),
                note=note,
                note_en=note_en,
                related=[m.cell.related() for m in ms],
            )
            yield at_claim(f, v.claim)
        if not tied:
            raise InsufficientData("叙述中没有能对到报表的金额")
