"""The terminal summary of a parsed disclosure (``yusuan parse``)."""

from __future__ import annotations

from yusuan.catalog.tables import KINDS_BY_KEY
from yusuan.i18n import tr
from yusuan.model import Disclosure, Table

_KIND = {"budget": ("预算", "budget"), "final": ("决算", "final accounts")}
_SCOPE = {"department": ("部门", "department"), "unit": ("单位", "unit")}


def _table_total(t: Table) -> str:
    row = t.total_row("expenditure") if any(r.side for r in t.rows) else t.total_row()
    if row is None:
        return "—"
    a = row.values.get("total") or row.values.get("amount") or next(iter(row.values.values()), None)
    if a is None:
        return tr("无数据", "no data")
    return (
        f"{a.plain()} {a.unit}" if a.value is not None else tr(f"无法读取({a.raw})", f"unreadable ({a.raw})")
    )


def summary_text(d: Disclosure) -> str:
    m = d.meta
    unknown = tr("未识别", "not found")
    kind = tr(*_KIND[m.kind]) if m.kind else unknown
    scope = tr(*_SCOPE[m.scope]) if m.scope else unknown
    out = [
        tr("文件", "File") + f": {', '.join(m.source_files)}  (doc_id {m.doc_id})",
        tr("标题", "Title") + f": {m.title or unknown}",
        tr("部门", "Department")
        + f": {m.department or unknown}   "
        + tr("年度", "Year")
        + f": {m.year or unknown}   "
        + tr("类型", "Kind")
        + f": {kind}   "
        + tr("范围", "Scope")
        + f": {scope}   "
        + tr("地区", "Region")
        + f": {m.region or unknown}",
    ]
    if m.units:
        out.append(tr("所含单位", "Units") + f" ({len(m.units)}): " + "、".join(m.units))
    out.append("")
    out.append(tr(f"报表 {len(d.tables)} 张:", f"{len(d.tables)} tables:"))
    for t in d.tables:
        k = KINDS_BY_KEY.get(t.kind)
        kname = tr(k.name_zh, k.name_en) if k else t.kind
        unit = t.unit or tr("单位不明", "unit unknown")
        empty = tr(" [空表]", " [empty]") if t.empty_note else ""
        out.append(
            f"  {t.number:>2}. {t.title}  [{kname}, {unit}]  "
            + tr(f"{len(t.rows)} 行, 合计 {_table_total(t)}", f"{len(t.rows)} rows, total {_table_total(t)}")
            + empty
        )
    cur = [p for p in d.projects if p.period == "current"]
    carry = [p for p in d.projects if p.period == "carryover"]
    if d.projects:
        out.append("")
        out.append(
            tr(
                f"项目: 本年 {len(cur)} 个({len({p.unit for p in cur})} 个单位), 上年结转 {len(carry)} 个",
                f"Projects: {len(cur)} this year ({len({p.unit for p in cur})} units), "
                f"{len(carry)} carried over",
            )
        )
    if d.performance_targets:
        matched = sum(1 for p in d.performance_targets if p.matched_project)
        out.append(
            tr(
                f"绩效目标表: {len(d.performance_targets)} 张, 其中 {matched} 张对应到项目",
                f"Performance targets: {len(d.performance_targets)} tables, {matched} matched to projects",
            )
        )
    if d.claims:
        out.append(
            tr(f"说明文字中的数字: {len(d.claims)} 处", f"Figures stated in the narrative: {len(d.claims)}")
        )
    problems = [
        i for i in d.issues if i.kind in ("unreadable", "malformed", "conflict", "missing", "ambiguous")
    ]
    if problems:
        out.append("")
        out.append(tr(f"读取问题 {len(problems)} 处:", f"{len(problems)} reading problems:"))
        for i in problems[:20]:
            w = i.where
            place = f"{w.file}:{w.line}" if w.line else (w.file or "")
            out.append(f"  - [{i.kind}] {place} {i.message}")
        if len(problems) > 20:
            out.append(tr(f"  … 另有 {len(problems) - 20} 处", f"  … and {len(problems) - 20} more"))
    return "\n".join(out)
