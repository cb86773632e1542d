"""YS-STRUCT-002 empty-table-not-explained: a table prints no figures and does not say it is empty."""

from __future__ import annotations

import re
from collections.abc import Iterable

from yusuan.catalog.tables import KINDS_BY_KEY
from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._struct_util import (
    EMPTY_STATEMENT,
    compact,
    content_tables,
    has_data,
    narrative_extracted,
    narrative_parts,
    narrative_text,
    sentences,
    table_doubtful,
)
from yusuan.model import Disclosure, Table

# Tables the extractor keeps that are not amount tables.
_NOT_AMOUNT_TABLES = {"performance"}


def _named_empty_in_narrative(t: Table, d: Disclosure) -> bool:
    """The narrative says this table (named by its kind's title patterns) is empty: in one sentence,
    or in a section about it ("十、政府性基金预算支出预算情况说明 … 本部门无此项支出")."""
    kind = KINDS_BY_KEY.get(t.kind)
    if kind is None:
        return False

    def names(text: str) -> bool:
        return any(re.search(p, text) for p in kind.patterns)

    if any(EMPTY_STATEMENT.search(s) and names(s) for s in sentences(narrative_text(d))):
        return True
    return any(names(compact(h)) and EMPTY_STATEMENT.search(compact(x)) for h, x, _ in narrative_parts(d))


class EmptyTableNotExplained(Rule):
    id = "YS-STRUCT-002"
    slug = "empty-table-not-explained"
    severity = "warning"
    family = "STRUCT"
    title = "空表未说明无数据"
    title_en = "An empty table does not say it is empty"
    message = "表{table_no}《{title}》没有任何金额(空白或为0),但未注明“本表无数据”等说明,叙述中也未说明"
    message_en = (
        "table {table_no} ({title}) shows no amount (all blank or 0) and neither the table nor the narrative "
        "says it is empty"
    )
    rationale = (
        "没有数据的表也应公开,并注明本表无数据(DR-09;财预〔2016〕143号及各地公开目录的做法)。表中或表下有"
        "“本表无数据/空表/无…收支”等说明,或叙述部分说明该表为空的,视为已说明。完全缺失的表由 YS-STRUCT-001"
        "报告,不在此重复。叙述尚未提取而表本身无说明时,无法判断叙述是否说明,结果为数据不足。"
    )
    cases = [
        {
            "name": "Shanxi: the three empty tables carry 本表无数据",
            "expect": "pass",
            "doc": {"base": "shanxi"},
        },
        {
            "name": "empty 政府性基金 table without a note, narrative silent",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "tables": [
                    {
                        "kind": "three_public",
                        "rows": [{"key": "total", "role": "total", "values": {"total": "1.00"}}],
                    },
                    {
                        "kind": "gov_fund_expenditure",
                        "title": "2024年政府性基金预算支出表",
                        "rows": [{"key": "total", "role": "total", "values": {"total": "0.00"}}],
                    },
                ],
                "sections": [{"heading": "二、收入预算情况说明", "text": "收入合计1.00万元。"}],
            },
        },
        {
            "name": "empty table explained in the narrative",
            "expect": "pass",
            "doc": {
                "tables": [{"kind": "gov_fund_expenditure", "rows": [{"key": "total", "role": "total"}]}],
                "sections": [
                    {
                        "heading": "五、其他",
                        "text": "本部门2024年无政府性基金预算收支,政府性基金预算支出表为空表。",
                    }
                ],
            },
        },
        {
            "name": "empty table, the section about it says there is no such spending",
            "expect": "pass",
            "doc": {
                "tables": [{"kind": "gov_fund_expenditure", "rows": [{"key": "total", "role": "total"}]}],
                "sections": [
                    {
                        "heading": "十、政府性基金预算支出预算情况说明",
                        "text": "2019年政府性基金支出预算支出万元。主要原因是本部门无此项支出。",
                    }
                ],
            },
        },
        {
            "name": "empty table without a note, narrative not extracted",
            "expect": "insufficient_data",
            "doc": {
                "tables": [{"kind": "gov_fund_expenditure", "rows": [{"key": "total", "role": "total"}]}]
            },
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        tables = [t for t in content_tables(d) if t.kind not in _NOT_AMOUNT_TABLES]
        # a table with no rows at all was not read (or is a listing): it says nothing about data
        candidates = [t for t in tables if t.rows and not t.empty_note and not has_data(t)]
        candidates = [t for t in candidates if not table_doubtful(d, t)]
        if not candidates:
            if not any(t.rows or t.empty_note for t in tables):
                raise InsufficientData("未能读出任何报表的内容")
            return
        if not narrative_extracted(d):
            raise InsufficientData(
                "表"
                + "、".join(str(t.number) for t in candidates)
                + "没有数据也无说明;叙述部分尚未提取,无法确认是否在叙述中说明"
            )
        for t in candidates:
            if not _named_empty_in_narrative(t, d):
                yield self.finding(table=t)
