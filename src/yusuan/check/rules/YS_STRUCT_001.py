"""YS-STRUCT-001 required-table-missing: a table the document's template requires is not printed."""

from __future__ import annotations

import re
from collections.abc import Iterable

from yusuan.catalog.tables import KINDS_BY_KEY, normalise_title
from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.profiles import Profile, TableRequirement, select_profile
from yusuan.check.rules._struct_util import WITHHELD, doc_file, narrative_text, sentences
from yusuan.model import Disclosure

_LEVEL = {"must": ("必须公开", "required"), "should": ("应当公开", "expected")}


def _name(req: TableRequirement) -> tuple[str, str]:
    kind = KINDS_BY_KEY.get(req.kind)
    zh = req.name_zh or (kind.name_zh if kind else req.kind)
    en = req.name_en or (kind.name_en if kind else req.kind)
    return zh, en


def _mentions(req: TableRequirement, sentence: str) -> bool:
    kind = KINDS_BY_KEY.get(req.kind)
    return bool(kind and any(re.search(p, sentence) for p in kind.patterns))


class RequiredTableMissing(Rule):
    id = "YS-STRUCT-001"
    slug = "required-table-missing"
    severity = "error"
    family = "STRUCT"
    title = "缺少应公开的报表"
    title_en = "A required table is missing"
    message = "缺少《{table_name}》({level},{basis};适用:{profile})"
    message_en = "missing table: {table_name_en} ({level_en}, {basis}; profile: {profile_en})"
    rationale = (
        "预算公开须包含8张核心报表(DR-05:收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、"
        "一般公共预算基本支出表、一般公共预算“三公”经费支出表、政府性基金预算支出表),国有资本经营预算支出表"
        "应当公开(DR-06,叙述中说明无此项资金的可不列);决算须包含9张决算表(DR-07);地方模板另有要求的表"
        "(项目支出表、机关运行经费表、政府采购表等)按地区模板检查(DR-08)。依据《预算法》第十四条、"
        "财预〔2016〕143号。应公开表按 check/profiles.py 中的地区/年度模板选择;缺“必须”表为错误,缺“应当”表"
        "为警告。叙述说明某表因涉密不予公开的,不在此报缺失,由 YS-STRUCT-016 提示人工复核(DR-29)。"
    )
    cases = [
        {
            "name": "Shanxi sample has all 13 tables of its template",
            "expect": "pass",
            "doc": {"base": "shanxi"},
        },
        {
            "name": "三公 table dropped",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi", "patch": [{"drop_table": "three_public"}]},
        },
        {
            "name": "Shanxi local extra (机关运行经费表) dropped: a warning",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi", "patch": [{"drop_table": "admin_running"}]},
        },
        {
            "name": "national budget without 国有资本经营 table, narrative says there are no such funds",
            "expect": "pass",
            "doc": {
                "tables": [
                    {"kind": k}
                    for k in (
                        "summary",
                        "income",
                        "expenditure",
                        "fiscal_summary",
                        "general_budget_expenditure",
                        "general_budget_basic_economic",
                        "three_public",
                        "gov_fund_expenditure",
                    )
                ],
                "sections": [
                    {
                        "heading": "四、财政拨款收支预算总体情况说明",
                        "text": "本部门无国有资本经营预算拨款收支。",
                    }
                ],
            },
        },
        {
            "name": "final accounts missing two of the nine tables",
            "expect": "fail",
            "findings": 2,
            "doc": {
                "meta": {"kind": "final"},
                "tables": [
                    {"kind": k}
                    for k in (
                        "summary",
                        "income",
                        "expenditure",
                        "fiscal_summary",
                        "general_budget_expenditure",
                        "general_budget_basic_economic",
                        "three_public",
                    )
                ],
            },
        },
        {
            "name": "Shanghai: 机关运行经费 printed in the 三公 table satisfies the local requirement",
            "expect": "pass",
            "doc": {
                "meta": {"region": "上海市", "department": "上海市普陀区万里街道办事处"},
                "tables": [
                    {"kind": k}
                    for k in (
                        "summary",
                        "income",
                        "expenditure",
                        "fiscal_summary",
                        "general_budget_expenditure",
                        "general_budget_basic_economic",
                        "gov_fund_expenditure",
                        "state_capital",
                    )
                ]
                + [{"kind": "three_public", "title": "2025年部门“三公”经费和机关运行经费预算表"}],
            },
        },
        {
            "name": "kind unknown: no profile can be chosen",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"meta": {"kind": None}}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        profile = select_profile(d.meta)
        if profile is None:
            raise InsufficientData("无法识别文件类型(预算/决算),无法确定应公开的报表")
        present = {t.kind for t in d.tables}
        titles = [normalise_title(t.title) for t in d.tables]
        narrative = narrative_text(d)
        withheld = [s for s in sentences(narrative) if WITHHELD.search(s)]
        for req in profile.tables:
            if req.kind in present:
                continue
            if any(re.search(p, t) for p in req.also_titles for t in titles):
                continue
            if any(_mentions(req, s) for s in withheld):
                continue  # withheld as a secret: YS-STRUCT-016 asks for review (DR-29)
            if req.excused_by and re.search(req.excused_by, narrative):
                continue
            yield self._missing(d, req, profile)

    def _missing(self, d: Disclosure, req: TableRequirement, profile: Profile) -> Finding:
        zh, en = _name(req)
        level_zh, level_en = _LEVEL[req.level]
        f = self.finding(
            severity="error" if req.level == "must" else "warning",
            table_name=zh,
            table_name_en=en,
            level=level_zh,
            level_en=level_en,
            basis=req.basis,
            profile=profile.name_zh,
            profile_en=profile.name_en,
        )
        f.file = doc_file(d)
        f.related = [{"profile": profile.key, "table_kind": req.kind, "level": req.level, "basis": req.basis}]
        return f
