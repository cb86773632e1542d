"""YS-PERF-006 target-fund-source-differs-from-project: a target table's fund sources contradict the
fund columns of its project in the project table."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from yusuan.check.engine import Context, Finding, InsufficientData, Rule
from yusuan.check.rules._perf import (
    GOVERNMENT,
    SLOT_EN,
    SLOT_ZH,
    Pair,
    case_doc,
    case_target,
    label,
    label_en,
    pairs,
    place,
    readable,
    require_projects,
    require_targets,
    slot,
    yuan,
)
from yusuan.model import Disclosure, Project

# Project-table columns by the kind of money. 财政拨款 is money the government budgets; the unit's own
# money (单位资金 and its parts) is not. 财政专户管理资金, 上级补助收入 and any other column are left out:
# which side of the target table they land on varies by place.
FISCAL = {
    "general_budget": ("一般公共预算", "general budget"),
    "gov_fund": ("政府性基金预算", "government funds"),
    "state_capital": ("国有资本经营预算", "state capital"),
    "fiscal_appropriation": ("财政拨款", "fiscal appropriation"),
}
OWN = {
    "unit_funds": ("单位资金", "unit funds"),
    "business_income": ("事业收入", "public-service income"),
    "operating_income": ("经营收入", "business income"),
    "other_income": ("其他收入", "other income"),
    "from_subsidiaries": ("附属单位上缴收入", "remittances from subsidiaries"),
}
#: the target table's non-fiscal sources
NON_FISCAL = ("self_raised", "other")


def _kind(p: Project) -> str | None:
    """``fiscal`` when every non-zero fund column of the project is 财政拨款, ``own`` when every one is the
    unit's own money; None when mixed, unreadable, or printed without fund columns."""
    cols = {k: a for k, a in p.amounts.items() if k != "total"}
    if any(a.value is None for a in cols.values()):
        return None
    nonzero = {k for k, a in cols.items() if a.value != 0}
    if not nonzero:
        return None
    if nonzero <= FISCAL.keys():
        return "fiscal"
    if nonzero <= OWN.keys():
        return "own"
    return None


def _own_doc() -> dict:
    return case_doc(
        projects=[
            {"name": "技能培训经费", "unit": "单位A", "amounts": {"total": "1.50", "unit_funds": "1.50"}}
        ],
        targets=[case_target("技能培训经费", "单位A", "15000")],
    )


def _self_raised(total: str) -> dict[str, dict[str, str]]:
    f = {"total": total, "central": "0", "provincial": "0", "local": "0", "self_raised": total, "other": "0"}
    return {"implementation": dict(f), "annual": dict(f)}


class TargetFundSourceDiffersFromProject(Rule):
    id = "YS-PERF-006"
    slug = "target-fund-source-differs-from-project"
    severity = "warning"
    family = "PERF"
    title = "绩效目标表资金来源与项目支出表不一致"
    title_en = "Target table fund sources contradict the project table"
    message = "{tbl}年度资金列{target_side},而项目支出表中该项目{project_side}"
    message_en = (
        "{tbl_en}: the annual funds list {target_side_en}, but the project table funds it {project_side_en}"
    )
    rationale = (
        "绩效目标表的资金来源应与项目支出表的资金列一致(DOMAIN.md“Performance targets”:its fund sources "
        "agree "
        "with the project table's columns;Real defects:a project whose funding source differs from the "
        "project table)。两种分类并不对应:目标表的中央/省级/市县(区)财政资金是拨款的政府层级,项目表的"
        "一般公共预算/政府性基金/国有资本经营预算是预算类型,三个层级的钱都可以是任一种财政拨款。只报告确定矛盾"
        "的两种情形:项目表全部为财政拨款,而目标表列有单位自筹或其他资金;项目表全部为单位资金,而目标表列有"
        "各级财政资金。财政专户管理资金、混合来源的项目不判断。金额超过项目表金额的舍入范围(50 元)才算列有。"
    )
    applies_to = ("budget",)
    cases = [
        {"name": "一般公共预算 project, 市县 funds", "expect": "pass", "doc": case_doc()},
        {
            "name": "一般公共预算 project, 单位自筹 funds",
            "expect": "fail",
            "findings": 1,
            "doc": case_doc(
                targets=[
                    case_target("技能培训经费", "单位A", "15000", funds=_self_raised("15000")),
                    case_target("设备购置经费", "单位B", "20000"),
                ]
            ),
        },
        {"name": "单位资金 project, 市县财政 funds", "expect": "fail", "findings": 1, "doc": _own_doc()},
        {
            "name": "mixed project: not decidable",
            "expect": "insufficient_data",
            "doc": case_doc(
                projects=[
                    {
                        "name": "技能培训经费",
                        "unit": "单位A",
                        "amounts": {"total": "1.50", "general_budget": "1.00", "unit_funds": "0.50"},
                    }
                ],
                targets=[case_target("技能培训经费", "单位A", "15000", funds=_self_raised("15000"))],
            ),
        },
        {
            "name": "sample: 单位运转经费 is 一般公共预算 1.72 万元 in the project table, 单位自筹 "
            "17,225.82 元 in its target",
            "expect": "fail",
            "findings": 1,
            "doc": {"base": "shanxi"},
        },
        {
            "name": "no target tables (YS-STRUCT-015)",
            "expect": "insufficient_data",
            "doc": {"base": "shanxi", "patch": [{"drop": "performance_targets"}]},
        },
    ]

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        require_targets(d)
        require_projects(d)
        checked = 0
        for x in pairs(d):
            if x.project is None or (kind := _kind(x.project)) is None:
                continue
            wrong = NON_FISCAL if kind == "fiscal" else GOVERNMENT
            annual = x.target.funds.get("annual", {})
            if not any(readable(annual.get(k)) for k in (*GOVERNMENT, *NON_FISCAL)):
                continue
            checked += 1
            f = self._check(x, x.project, kind, wrong)
            if f is not None:
                yield f
        if not checked:
            raise InsufficientData(
                "没有资金来源可以确定比较的项目(项目表全部为财政拨款或全部为单位资金,且目标表来源可读)"
            )

    def _check(self, x: Pair, p: Project, kind: str, wrong: tuple[str, ...]) -> Finding | None:
        tol = p.amounts["total"].half_ulp("元")
        found = [
            (k, a)
            for k in wrong
            if (a := slot(x.target, "annual", k)) is not None and a.value is not None and a.value > tol
        ]
        if not found:
            return None
        names = FISCAL if kind == "fiscal" else OWN
        cols = [(k, a) for k, a in p.amounts.items() if k in names and a.value != Decimal(0)]
        what = "财政拨款" if kind == "fiscal" else "单位资金"
        what_en = (
            "entirely from fiscal appropriations"
            if kind == "fiscal"
            else "entirely from the unit's own money"
        )
        f = self.finding(
            amount=found[0][1],
            tbl=label(x),
            tbl_en=label_en(x),
            target_side="、".join(f"{SLOT_ZH[k]} {yuan(a.value)}元" for k, a in found),  # type: ignore[arg-type]
            target_side_en=", ".join(f"{SLOT_EN[k]} {yuan(a.value)} 元" for k, a in found),  # type: ignore[arg-type]
            project_side=f"全部为{what}("
            + "、".join(f"{names[k][0]} {a.plain()}万元" for k, a in cols)
            + ")",
            project_side_en=f"{what_en} ("
            + ", ".join(f"{names[k][1]} {a.plain()} 万元" for k, a in cols)
            + ")",
            related=[{"table_no": p.table_no, "line": p.source.line, "row_name": p.name}],
        )
        return place(f, x.target, line=f.line)
