"""YS-STRUCT-017 unit-scope-mismatch: units named in 机构设置 differ from the units in the tables."""

from __future__ import annotations

import re
from collections.abc import Iterable

from yusuan.check.engine import Context, Finding, InsufficientData, NotApplicable, Rule, Severity
from yusuan.check.rules._struct_util import (
    NARRATIVE_DROPPED,
    compact,
    doc_file,
    narrative_extracted,
    sections_matching,
)
from yusuan.model import Disclosure, Section

_ORG_HEADING = r"机构设置|单位构成|机构情况|部门构成|预算单位"
# the list of budget units (预算单位构成 … 包括:) and, failing that, of subordinate units
# (局属三个事业单位: / 下属单位包括:): the first says what the consolidated budget covers
_BUDGET_UNITS = re.compile(r"(?:预算单位|单位构成)[^。:：]{0,30}?(?:包括|为|有)[:：]?([^。]+)")
_SUB_UNITS = re.compile(r"(?:局属|所属|下属|直属|下设|二级)[^。:：]{0,12}?单位[^。:：]{0,8}?[:：]([^。]+)")
_ONLY_SELF = re.compile(
    r"仅含本级|只含本级|仅包括本级|只有本级|无下属(?:预算)?单位|无所属(?:预算)?单位|没有下属"
)
_BRACKETS = re.compile(r"[(（][^)）]*[)）]")
_NUMBERING = re.compile(r"^(?:\d+[.、．)）]|[(（]\d+[)）]|[①-⑳])")
_SPLIT = re.compile(r"[、,，;；]")
_NEAR = 0.6  # share of the shorter name's characters found in the other: same unit, renamed or abbreviated
# the department itself as a list item: 本级, 机关, 江苏省人大常委会办公厅部门本级
_SELF = re.compile(r"(?:本级|机关)$")


def _listed_units(text: str) -> list[str]:
    out: list[str] = []
    for rx in (_BUDGET_UNITS, _SUB_UNITS):
        for m in rx.finditer(text):
            for item in _SPLIT.split(_BRACKETS.sub("", m.group(1))):
                name = _NUMBERING.sub("", item).strip().removesuffix("等")
                if 2 <= len(name) <= 30 and not _SELF.search(name) and name not in out:
                    out.append(name)
        if rx is _BUDGET_UNITS and _BUDGET_UNITS.search(text):
            break  # the budget-unit list is the scope; subordinate units outside it are not budget units
    return out


def _overlap(a: str, b: str) -> float:
    short, long_ = sorted((a, b), key=len)
    return len(set(short) & set(long_)) / len(set(short)) if short else 0.0


class UnitScopeMismatch(Rule):
    id = "YS-STRUCT-017"
    slug = "unit-scope-mismatch"
    severity = "warning"
    family = "STRUCT"
    title = "机构设置所列单位与报表中的单位不一致"
    title_en = "Units in the organisation section differ from the units in the tables"
    message = "机构设置所列单位“{listed}”不在报表的单位中,可能未纳入部门预算(决算)"
    message_en = (
        "the unit '{listed}' named in the organisation section is not among the tables' units: "
        "it may be outside the consolidated budget"
    )
    rationale = (
        "部门预决算应包括本级和单位构成中的全部所属单位(DR-30,《预算法》第八条)。把概况“机构设置/单位构成”"
        "列出的所属单位与项目支出表、机关运行经费表等按单位列示的单位比较:所列单位不在报表中为警告(合并范围"
        "可能不全);报表中的单位未见于机构设置、或两处名称不一致(如更名、简称)为提示。说明“仅含本级”的"
        "接受。单位预算不适用;叙述尚未提取或报表未按单位列示时为数据不足。"
    )
    cases = [
        {
            "name": "units agree (names abbreviated without the city)",
            "expect": "pass",
            "doc": {
                "meta": {"department": "孝义市人力资源和社会保障局", "region": "孝义市"},
                "projects": [
                    {"name": "公岗期满社保补贴", "unit": "孝义市创业就业服务中心"},
                    {"name": "城乡居民养老保险系统运行费", "unit": "孝义市社会保险中心"},
                ],
                "sections": [
                    {
                        "heading": "二、机构设置情况",
                        "text": "局属两个事业单位:创业就业服务中心(原人才中心、就业中心)、社会保险中心。",
                    }
                ],
            },
        },
        {
            "name": "a listed unit has no figures in the tables",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "meta": {"department": "孝义市人力资源和社会保障局", "region": "孝义市"},
                "projects": [{"name": "公岗期满社保补贴", "unit": "孝义市创业就业服务中心"}],
                "sections": [
                    {
                        "heading": "二、机构设置情况",
                        "text": "局属两个事业单位:创业就业服务中心、社会保险中心。",
                    }
                ],
            },
        },
        {
            "name": "the same unit under an older name: a notice",
            "expect": "fail",
            "findings": 1,
            "doc": {
                "meta": {"department": "孝义市人力资源和社会保障局", "region": "孝义市"},
                "projects": [{"name": "专项业务经费", "unit": "孝义市劳动保障监察综合行政执法队"}],
                "sections": [{"heading": "二、机构设置情况", "text": "局属一个事业单位:劳动监察大队。"}],
            },
        },
        {
            "name": "only the department itself, and it says so",
            "expect": "pass",
            "doc": {
                "meta": {"department": "示例局"},
                "projects": [{"name": "项目A", "unit": "示例局"}],
                "sections": [{"heading": "二、机构设置", "text": "本部门预算仅含本级,内设办公室等3个科室。"}],
            },
        },
        {
            "name": "budget units: 本级 only, subordinate units outside the budget",
            "expect": "pass",
            "doc": {
                "meta": {"department": "江苏省人大常委会办公厅"},
                "projects": [{"name": "项目A", "unit": "江苏省人大常委会办公厅"}],
                "sections": [
                    {
                        "heading": "二、部门机构设置及预算单位构成情况",
                        "text": (
                            "本部门下属单位包括:江苏议事园、江苏省人大干部培训中心。2.从预算单位构成看,纳入本部门2018年"
                            "部门汇总预算编制范围的预算单位共计一家,具体包括:江苏省人大常委会办公厅部门本级。"
                        ),
                    }
                ],
            },
        },
        {"name": "unit budget", "expect": "not_applicable", "doc": {"meta": {"scope": "unit"}}},
        {
            "name": "narrative not extracted",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": NARRATIVE_DROPPED},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        if d.meta.scope == "unit":
            raise NotApplicable("单位预决算没有合并范围")
        if not narrative_extracted(d):
            raise InsufficientData("叙述部分尚未提取,无法取得机构设置所列单位")
        org = sections_matching(d, _ORG_HEADING)
        if not org:
            raise InsufficientData("未见机构设置/单位构成部分(缺失由 YS-STRUCT-011 报告)")
        text = "".join(compact(s.text) for s in org)
        table_units = self._table_units(d)
        if table_units is None:
            raise InsufficientData("报表中没有按单位列示的表(项目支出表、机关运行经费表)")
        listed = _listed_units(text)
        if not listed and not table_units:
            return  # the department alone, and no other unit named
        if not table_units and _ONLY_SELF.search(text):
            return  # "本部门预算仅含本级" accepted (DR-30)
        prefixes = [p for p in (compact(d.meta.region), compact(d.meta.department)) if p]
        short = {u: self._strip(u, prefixes) for u in table_units}
        paired: set[str] = set()
        for u, s in short.items():
            if s in text or any(s in x or x in s for x in listed):
                paired.update(x for x in listed if s in x or x in s)
                continue
            near = max(listed, key=lambda x: _overlap(x, s), default=None)
            if near is not None and near not in paired and _overlap(near, s) >= _NEAR:
                paired.add(near)
                yield self._f(
                    d,
                    org[0],
                    "notice",
                    "机构设置写作“{listed}”,报表中为“{unit_name}”,名称不一致(更名或简称?)",
                    "the organisation section names '{listed}', the tables '{unit_name}': "
                    "renamed or abbreviated?",
                    listed=near,
                    unit_name=u,
                )
                continue
            yield self._f(
                d,
                org[0],
                "notice",
                "报表中的单位“{unit_name}”未见于机构设置",
                "the tables' unit '{unit_name}' is not named in the organisation section",
                unit_name=u,
            )
        for x in listed:
            if x not in paired:
                yield self._f(d, org[0], None, None, None, listed=x)

    @staticmethod
    def _table_units(d: Disclosure) -> list[str] | None:
        """Units of the unit-level tables and projects, without the department itself; None when the
        document has no unit-level table."""
        names = [r.name for t in d.tables for r in t.rows if r.role == "unit"] + [p.unit for p in d.projects]
        if not names:
            return None
        dept = compact(d.meta.department)
        out: list[str] = []
        for n in (compact(x) for x in names):
            if n and n != dept and not (dept and n.startswith(dept) and _SELF.search(n)) and n not in out:
                out.append(n)
        return out

    @staticmethod
    def _strip(unit: str, prefixes: list[str]) -> str:
        for p in sorted(prefixes, key=len, reverse=True):
            if unit.startswith(p) and len(unit) > len(p) + 1:
                return unit[len(p) :]
        return unit

    def _f(
        self,
        d: Disclosure,
        section: Section,
        severity: Severity | None,
        message: str | None,
        message_en: str | None,
        **fields: str,
    ) -> Finding:
        f = self.finding(severity=severity, message=message, message_en=message_en, **fields)
        f.file, f.line = section.source.file or doc_file(d), section.source.line
        return f
