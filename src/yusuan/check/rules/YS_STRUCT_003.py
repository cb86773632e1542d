"""YS-STRUCT-003 empty-table-contradicted: a table marked empty while elsewhere reports an amount for it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from yusuan.catalog.tables import COLUMN_KEYS
from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule
from yusuan.check.rules._class_util import compact_name
from yusuan.check.rules._struct_util import content_tables, has_data, table_doubtful
from yusuan.model import Amount, Claim, Disclosure, Provenance, Row, Table

# What each kind of empty-able table is about, as the narrative names it, and which fund column or
# summary row of the other tables carries its money.
_SUBJECT = {
    "three_public": r"三公|因公出国|公务接待|公务用车",
    "gov_fund_income": r"政府性基金",
    "gov_fund_expenditure": r"政府性基金",
    "state_capital": r"国有资本经营",
    "admin_running": r"机关运行经费",
}
_FUND = {"gov_fund_income": "gov_fund", "gov_fund_expenditure": "gov_fund", "state_capital": "state_capital"}
# rows of the basic-expenditure economic table that are 三公 spending, matched on the whole name so a
# row whose name swallowed a neighbouring cell (side-by-side layouts) is not taken for one
_THREE_PUBLIC_ECON = re.compile(r"^(?:因公出国\(境\)费用?|公务接待费|公务用车(?:购置|运行维护费|运行费))$")
# a figure that is not this year's amount of the thing (last year's, a threshold, unreadable)
_NOT_THIS_YEAR = {"comparison_base", "threshold", "placeholder", "missing_number", "malformed"}
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


@dataclass
class _Evidence:
    where: str
    where_en: str
    value: Decimal
    unit: str
    source: Provenance


def _positive(a: Amount | None) -> Decimal | None:
    """The amount's value when it is a readable figure above zero."""
    return a.value if a is not None and a.value is not None and a.value > 0 else None


def _first_positive(r: Row) -> Amount | None:
    return next((a for a in r.values.values() if _positive(a) is not None), None)


def _table_evidence(d: Disclosure, empty: Table) -> Iterator[_Evidence]:
    if empty.empty_note:
        for r in empty.rows:
            if (a := _first_positive(r)) is not None and a.value is not None:
                yield _Evidence(f"本表“{r.name}”", f"this table's row {r.name}", a.value, a.unit, a.source)
                break
    fund = _FUND.get(empty.kind)
    for t in content_tables(d):
        if t is empty or t.kind == empty.kind:
            continue
        for r in t.rows:
            hit: Amount | None = None
            col = ""
            if fund and r.key == f"income:{fund}":
                hit = _first_positive(r)
            elif fund and r.key and r.key.startswith("carryover:"):
                continue  # last year's carry-over is outside a 不含上年结转 table
            elif fund and _positive(r.values.get(fund)) is not None:
                hit, col = r.values[fund], COLUMN_KEYS[fund][0]
            elif (
                empty.kind == "three_public"
                and t.kind == "general_budget_basic_economic"
                and (
                    _THREE_PUBLIC_ECON.match(compact_name(r.name))
                    or _THREE_PUBLIC_ECON.match(compact_name(r.alt_name))
                )
            ):
                hit = _first_positive(r)
            if hit is not None and hit.value is not None:
                yield _Evidence(
                    f"表{t.number}《{t.title}》“{r.name}”" + (f"的“{col}”列" if col else ""),
                    f"table {t.number} ({t.title}) row {r.name}" + (f" column {fund}" if col else ""),
                    hit.value,
                    hit.unit,
                    hit.source,
                )
                break


def _claim_about(c: Claim, subject_rx: str, year: int | None) -> bool:
    """An amount the narrative states for this year, about the table's subject.

    The subject must name it: a section such as Jiangsu's "三公经费、会议费、培训费" also states
    会议费 and 培训费, which are not 三公.
    """
    if c.kind != "amount" or c.value is None or c.value <= 0 or _NOT_THIS_YEAR & set(c.flags):
        return False
    if not re.search(subject_rx, c.subject):
        return False
    years = {int(y) for y in _YEAR.findall(c.subject)}
    return not years or years == {year}


def _claim_evidence(d: Disclosure, empty: Table) -> Iterator[_Evidence]:
    rx = _SUBJECT[empty.kind]
    claims = list(d.claims) + (list(d.three_public.claims) if d.three_public else [])
    seen: set[tuple[str, int | None]] = set()
    for c in claims:
        if c.value is None or (c.raw, c.source.line) in seen or not _claim_about(c, rx, d.meta.year):
            continue
        seen.add((c.raw, c.source.line))
        said = f"{c.subject}{c.raw}" if c.raw else (c.sentence or c.subject)
        yield _Evidence(f"叙述“{said}”中的金额", f"the narrative's '{said}'", c.value, c.unit or "", c.source)
    a = d.admin_running_costs
    if empty.kind == "admin_running" and a is not None and (v := _positive(a)) is not None:
        yield _Evidence(
            "叙述中的机关运行经费", "the narrative's administrative running costs", v, a.unit, a.source
        )


class EmptyTableContradicted(Rule):
    id = "YS-STRUCT-003"
    slug = "empty-table-contradicted"
    severity = "error"
    family = "STRUCT"
    title = "标为空表的表在别处有金额"
    title_en = "A table marked empty has an amount elsewhere"
    message = "表{table_no}《{title}》{state},但{where}为 {value}{unit_name}"
    message_en = "table {table_no} ({title}) {state_en}, but {where_en} is {value} {unit_name}"
    rationale = (
        "空表说明不得与其他地方的数字矛盾(DR-10,“内容准确”,财预〔2016〕143号):“三公”经费表注明无数据而叙述或"
        "基本支出经济分类表列有“三公”支出,政府性基金/国有资本经营预算表为空而收入总表、收支总表或项目表的"
        "相应资金列大于0,机关运行经费表为空而叙述列出金额,均为错误。只比较本年数(上年数、门槛数不计)。"
        "没有标为空的表时不适用;表间无矛盾而叙述数字尚未提取时为数据不足。"
    )
    cases = [
        {
            "name": "empty 三公 table, narrative states 三公 = 0",
            "expect": "pass",
            "doc": {
                "tables": [{"kind": "three_public", "empty_note": "注:本表无数据", "rows": []}],
                "claims": [{"kind": "amount", "subject": '"三公"经费', "value": "0", "unit": "万元"}],
            },
        },
        {
            "name": "empty 三公 table while the narrative reports 13.20",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [{"kind": "three_public", "empty_note": "注:本表无数据", "rows": []}],
                "claims": [
                    {
                        "kind": "amount",
                        "subject": '"三公"经费预算',
                        "value": "13.20",
                        "unit": "万元",
                        "raw": "13.20万元",
                    },
                    {"kind": "amount", "subject": "2023年三公经费", "value": "15.00", "unit": "万元"},
                ],
            },
        },
        {
            "name": "Shanxi: 政府性基金 tables empty but the income table's 政府性基金 column shows 10.00",
            "expect": "fail",
            "findings": 2,
            "doc": {
                "base": "shanxi",
                "patch": [{"table": "income", "row": "total", "column": "gov_fund", "value": "10.00"}],
            },
        },
        {
            "name": "tables agree; narrative figures not extracted",
            "expect": "insufficient_data",
            "doc": {
                "tables": [
                    {
                        "kind": "income",
                        "columns": ["total", "general_budget", "gov_fund"],
                        "rows": [
                            {
                                "key": "total",
                                "role": "total",
                                "values": {"total": "5.00", "general_budget": "5.00"},
                            }
                        ],
                    },
                    {"kind": "gov_fund_expenditure", "empty_note": "注:本表无数据", "rows": []},
                ]
            },
        },
        {
            "name": "no table is marked empty",
            "expect": "not_applicable",
            "doc": {
                "tables": [
                    {
                        "kind": "three_public",
                        "rows": [{"key": "total", "role": "total", "values": {"total": "1.00"}}],
                    }
                ]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        # a table "shows no data" only when its header and cells were read: a table the reader could
        # not place its figures in is not evidence of emptiness
        empties = [
            t
            for t in content_tables(d)
            if t.kind in _SUBJECT
            and (t.empty_note or (t.rows and t.columns and not has_data(t) and not table_doubtful(d, t)))
        ]
        if not empties:
            raise NotApplicable("没有标为空表或无数据的表")
        found = False
        for t in empties:
            evidence = list(_table_evidence(d, t)) + list(_claim_evidence(d, t))
            if not evidence:
                continue
            found = True
            first = evidence[0]
            state = "注明“" + t.empty_note.strip() + "”" if t.empty_note else "没有数据"
            f = self.finding(
                table=t,
                state=state,
                state_en="is marked empty" if t.empty_note else "shows no data",
                where=first.where,
                where_en=first.where_en,
                value=first.value,
                unit_name=first.unit,
            )
            f.related = [
                {
                    "where": e.where,
                    "value": format(e.value, "f"),
                    "unit": e.unit,
                    "file": e.source.file,
                    "page": e.source.page,
                    "line": e.source.line,
                }
                for e in evidence
            ]
            yield f
        if not found and not (
            d.claims or (d.three_public and d.three_public.claims) or d.admin_running_costs
        ):
            raise InsufficientData("表间未见矛盾;叙述中的数字尚未提取,无法核对叙述")
