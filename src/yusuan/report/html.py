"""The HTML report of a check: one self-contained file a reviewer can open offline and forward.

No external assets and no script: inline CSS, ``<details>`` for what is folded. Every text that
comes from the document (titles, names, messages, raw cells) is escaped.

Each finding is shown next to the figures it compares: the table row it points at, the rows of
``Finding.related``, and (when they explain the expected figure) the rows or cells that add up to
it, rendered as a small table with the checked cell and the compared cells highlighted.

``Finding.related`` entries are dicts naming a place; the keys read here are ``table_no``,
``row_code`` (or ``code``), ``row_name`` (or ``name``), ``row_key`` (or ``key``), ``column``, ``file``,
``page``, ``line``, and for display ``label``, ``value``, ``unit`` and ``text`` (a quoted sentence).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape
from typing import Any

from yusuan import __version__
from yusuan.check.engine import CheckResult, Finding, Rule
from yusuan.i18n import lang, tr
from yusuan.model import Amount, Disclosure, Row, Table
from yusuan.model.amount import UNIT_FACTOR
from yusuan.report.text import (
    SEVERITIES,
    SEVERITY_HEADING,
    SEVERITY_LABEL,
    STATUS_LABEL,
    ReportOptions,
    column_name,
    dec,
    document_line,
    find_row,
    find_table,
    finding_place,
    finding_row,
    message,
    meta_fields,
    not_run,
    reason,
    related_text,
    rounding_by_rule,
    rule_index,
    rule_title,
    short_file,
    verdict,
)

#: the most rows of one table shown beside a finding
MAX_CONTEXT_ROWS = 24


def e(s: object) -> str:
    return escape("" if s is None else str(s), quote=True)


# ---------------------------------------------------------------------------------------------
# The figures a finding compares


@dataclass
class _Context:
    """One table's rows shown beside a finding; ``marks[(row index, column)]`` is ``hit``
    (the checked figure), ``part`` (a figure that adds up to the expected one) or ``rel``
    (a related place)."""

    table: Table
    rows: set[int] = field(default_factory=set)
    marks: dict[tuple[int, str | None], str] = field(default_factory=dict)
    more: int = 0


def _in(a: Amount, unit: str | None) -> Decimal | None:
    if a.value is None:
        return None
    if unit in UNIT_FACTOR and unit != a.unit:
        return a.in_unit(unit)
    return a.value


def _sums_to(amounts: list[Amount], expected: Decimal, unit: str | None) -> bool:
    vals = [_in(a, unit) for a in amounts]
    return bool(vals) and None not in vals and sum(vals, Decimal(0)) == expected  # type: ignore[arg-type]


def _children(t: Table, row: Row) -> list[Row]:
    if row.code:
        return [
            r
            for r in t.rows
            if r is not row
            and r.code
            and (r.parent == row.code or (r.code.startswith(row.code) and len(r.code) == len(row.code) + 2))
        ]
    if row.role == "total":
        same_side = [r for r in t.rows if r is not row and r.side == row.side and r.role == "item"]
        top = [r for r in same_side if r.level in (None, 1)]
        return top
    return []


def _explain(t: Table, row: Row, f: Finding) -> tuple[list[Row], list[str]]:
    """Rows (same column) or columns (same row) whose figures add up to ``f.expected``."""
    if f.expected is None or f.column is None:
        return [], []
    kids = _children(t, row)
    parts = [k.values[f.column] for k in kids if f.column in k.values]
    if parts and _sums_to(parts, f.expected, f.unit):
        return [k for k in kids if f.column in k.values], []
    others = [k for k in row.values if k != f.column]
    if len(others) >= 2 and _sums_to([row.values[k] for k in others], f.expected, f.unit):
        return [], others
    return [], []


def contexts(d: Disclosure, f: Finding) -> tuple[list[_Context], list[dict[str, Any]]]:
    """The tables to show beside ``f``, and the related entries that name no table row."""
    out: dict[int, _Context] = {}

    def mark(t: Table, r: Row, col: str | None, role: str) -> None:
        c = out.setdefault(t.number, _Context(t))
        i = t.rows.index(r)
        c.rows.add(i)
        c.marks.setdefault((i, col), role)

    t, row = finding_row(d, f)
    if t is not None and row is not None:
        mark(t, row, f.column, "hit")
        # the rule named what it compares; otherwise show what adds up to the expected figure
        kids, cols = _explain(t, row, f) if not f.related else ([], [])
        for k in kids[:MAX_CONTEXT_ROWS]:
            mark(t, k, f.column, "part")
        out[t.number].more += max(0, len(kids) - MAX_CONTEXT_ROWS)
        for col in cols:
            mark(t, row, col, "part")
    loose = []
    for rel in f.related:
        rt = find_table(d, rel.get("table_no")) if rel.get("table_no") is not None else None
        rr = None
        if rt is not None:
            rr = find_row(
                rt,
                code=rel.get("row_code") or rel.get("code"),
                name=rel.get("row_name") or rel.get("name"),
                key=rel.get("row_key") or rel.get("key"),
                line=rel.get("line"),
                file=rel.get("file"),
            )
        if rt is not None and rr is not None:
            mark(rt, rr, rel.get("column"), "rel")
        else:
            loose.append(rel)
    return list(out.values()), loose


def _columns(c: _Context) -> list[tuple[str, str, str]]:
    """(key, name, header as printed) of the columns to show: the standard name of a known column
    (printed headers come out split or merged from some layouts), the printed header otherwise."""
    from yusuan.catalog.tables import COLUMN_KEYS

    rows = [c.table.rows[i] for i in sorted(c.rows)]
    sides = {r.side for r in rows}
    keys = [col.key for col in c.table.columns if col.side is None or col.side in sides]
    printed = {col.key: col.label for col in c.table.columns}
    for r in rows:  # built data and odd layouts may carry values the header list lacks
        keys += [k for k in r.values if k not in keys]
    keys += [col for (_, col) in c.marks if col and col not in keys]
    out = []
    for k in keys:
        label = printed.get(k) or ""
        out.append((k, column_name(k) if k in COLUMN_KEYS or not label else label, label))
    return out


def _cell(a: Amount | None) -> tuple[str, str]:
    """(text, tooltip) of an amount cell."""
    if a is None:
        return "", ""
    tip = tr("原文: ", "printed: ") + a.raw if a.raw else ""
    if a.flags:
        tip += f" [{', '.join(a.flags)}]"
    if a.value is None:
        return tr("无法读取", "unreadable") + f" ({a.raw})", tip
    return a.plain(), tip


def _context_html(d: Disclosure, c: _Context) -> str:
    t = c.table
    cols = _columns(c)
    unit = t.unit or tr("单位不明", "unit unknown")
    caption = tr(f"表{t.number}《{t.title}》 单位: {unit}", f"Table {t.number} «{t.title}», unit: {unit}")
    head = "".join(
        f'<th title="{te("原表头: ", "printed: ")}{e(label)}">{e(name)}</th>'
        if label and label != name
        else f"<th>{e(name)}</th>"
        for _, name, label in cols
    )
    paged = any(t.rows[i].source.page is not None for i in c.rows)
    line_head = te("页:行", "page:line") if paged else te("行", "line")
    body = []
    for i in sorted(c.rows):
        r = t.rows[i]
        src = r.source
        where = ""
        if src.line is not None:
            where = f"{src.page}:{src.line}" if src.page is not None else str(src.line)
        is_total = ' class="total"' if r.role in ("total", "subtotal") else ""
        cells = []
        for key, _, _ in cols:
            text, tip = _cell(r.values.get(key))
            role = c.marks.get((i, key))
            cls = f' class="{role}"' if role else ""
            title = f' title="{e(tip)}"' if tip else ""
            cells.append(f"<td{cls}{title}>{e(text)}</td>")
        row_mark = " hit-row" if any(m == "hit" for (j, _), m in c.marks.items() if j == i) else ""
        whole = c.marks.get((i, None))  # a related place naming a row but no column
        name_cls = f' class="name{row_mark}{" " + whole if whole else ""}"'
        name = e(r.name) + (f'<span class="alt"> / {e(r.alt_name)}</span>' if r.alt_name else "")
        body.append(
            f'<tr{is_total}><td class="ln">{e(where)}</td><td class="code">{e(r.code or "")}</td>'
            f"<td{name_cls}>{name}</td>{''.join(cells)}</tr>"
        )
    if c.more:
        body.append(
            f'<tr><td colspan="{len(cols) + 3}" class="more">'
            + e(tr(f"…另有 {c.more} 行未显示", f"… {c.more} more rows not shown"))
            + "</td></tr>"
        )
    return (
        '<div class="ctx"><table class="fig">'
        f"<caption>{e(caption)}</caption>"
        f"<thead><tr><th>{line_head}</th><th>{te('编码', 'code')}</th><th>{te('项目', 'item')}</th>"
        f"{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


# ---------------------------------------------------------------------------------------------
# The page


def _numbers_html(f: Finding) -> str:
    items = [
        (tr("应为", "expected"), dec(f.expected)),
        (tr("实为", "actual"), dec(f.actual)),
        (tr("相差", "difference"), dec(f.difference, signed=True)),
        (tr("舍入容差", "rounding tolerance"), dec(f.tolerance)),
        (tr("单位", "unit"), f.unit or ""),
    ]
    items = [(k, v) for k, v in items if v]
    if not items or items == [(tr("单位", "unit"), f.unit)]:
        return ""
    return (
        '<dl class="nums">'
        + "".join(f"<div><dt>{e(k)}</dt><dd>{e(v)}</dd></div>" for k, v in items)
        + "</dl>"
    )


def _finding_html(d: Disclosure, f: Finding, idx: dict[str, Rule], n: int) -> str:
    where = finding_place(d, f)
    ctxs, loose = contexts(d, f)
    parts = [
        f'<article class="finding {e(f.severity)}" id="f{n}">',
        f'<h3><span class="sev {e(f.severity)}">{e(tr(*SEVERITY_LABEL[f.severity]))}</span> '
        f'<code class="rid">{e(f.rule_id)}</code> <span class="rtitle">{e(rule_title(f.rule_id, idx))}</span>'
        + (f' <span class="tag">{e(tr("舍入", "rounding"))}</span>' if f.rounding else "")
        + "</h3>",
        f'<p class="msg">{e(message(f))}</p>',
    ]
    if where:
        parts.append(f'<p class="where">{e(tr("位置", "where"))}: {e(where)}</p>')
    parts.append(_numbers_html(f))
    parts += [_context_html(d, c) for c in ctxs]
    if any(related_text(d, rel) for rel in loose):
        items = "".join(f"<li>{e(txt)}</li>" for rel in loose if (txt := related_text(d, rel)))
        parts.append(f'<ul class="related"><li class="lh">{te("对照", "compare with")}</li>{items}</ul>')
    parts.append("</article>")
    return "\n".join(p for p in parts if p)


def te(zh: str, en: str) -> str:
    """Translated and escaped."""
    return e(tr(zh, en))


def _thead(*labels: tuple[str, str]) -> str:
    return "<thead><tr>" + "".join(f"<th>{te(zh, en)}</th>" for zh, en in labels) + "</tr></thead>"


def _rounding_html(d: Disclosure, findings: list[Finding], idx: dict[str, Rule]) -> str:
    note = te(
        "舍入差异:在各数字舍入误差之和以内,不算错误。点开查看每一处。",
        "Rounding differences: within the rounding of the printed figures, not errors. Open to see each one.",
    )
    out = [f'<p class="note">{note}</p>']
    for rid, n in rounding_by_rule(findings).items():
        rows = "".join(
            f"<tr><td>{e(finding_place(d, f))}</td><td>{e(message(f))}</td>"
            f'<td class="num">{e(dec(f.difference, True))}</td></tr>'
            for f in findings
            if f.rounding and f.rule_id == rid
        )
        out.append(
            f'<details class="rounding"><summary><code class="rid">{e(rid)}</code> '
            f"{e(rule_title(rid, idx))} — {te(f'{n} 处', str(n))}</summary>"
            f'<table class="list">{_thead(("位置", "where"), ("说明", "message"), ("相差", "difference"))}'
            f"<tbody>{rows}</tbody></table></details>"
        )
    return "\n".join(out)


_CSS = """
*{box-sizing:border-box}
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",system-ui,sans-serif;
 margin:0;color:#1d2329;background:#f4f5f7;line-height:1.5;font-size:14px}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:18px;margin:32px 0 12px;border-bottom:2px solid #d0d5dd;padding-bottom:4px}
h3{font-size:15px;margin:0 0 6px}
.top{background:#fff;border:1px solid #d0d5dd;border-radius:6px;padding:16px 20px}
.doc{font-size:17px;margin:0 0 12px;color:#344054}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0 0 12px;font-size:13px}
dl.meta dt{color:#667085}dl.meta dd{margin:0;word-break:break-all}
.counts{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.count{border:1px solid #d0d5dd;border-radius:6px;padding:6px 12px;background:#f9fafb;min-width:84px}
.count b{display:block;font-size:20px}.count span{font-size:12px;color:#667085}
.count.error b{color:#b42318}.count.warning b{color:#b54708}.count.notice b{color:#175cd3}
.verdict{font-weight:bold;margin:12px 0 0;padding:8px 12px;border-radius:4px}
.verdict.bad{background:#fef3f2;color:#b42318}.verdict.ok{background:#ecfdf3;color:#067647}
nav{margin:12px 0 0;font-size:13px}nav a{margin-right:12px}
.finding{background:#fff;border:1px solid #d0d5dd;border-left:5px solid #98a2b3;border-radius:4px;
 padding:12px 16px;margin:0 0 12px;page-break-inside:avoid}
.finding.error{border-left-color:#d92d20}.finding.warning{border-left-color:#f79009}
.finding.notice{border-left-color:#2e90fa}
.sev,.st{display:inline-block;font-size:12px;padding:0 6px;border-radius:3px;color:#fff;background:#98a2b3}
.sev{vertical-align:1px}
.sev.error,.st.fail{background:#d92d20}.sev.warning{background:#f79009}.sev.notice{background:#2e90fa}
.st.pass{background:#12b76a}.st.insufficient_data{background:#f79009}.st.error{background:#7a271a}
.tag{font-size:12px;color:#175cd3;border:1px solid #84caff;border-radius:3px;padding:0 4px}
code.rid{font-family:ui-monospace,Consolas,monospace;font-size:13px;color:#344054}
.msg{margin:4px 0;font-size:14.5px}.where{margin:4px 0;color:#475467;font-size:13px}
dl.nums{display:flex;flex-wrap:wrap;gap:4px 20px;margin:6px 0;font-size:13px}
dl.nums div{display:flex;gap:6px}dl.nums dt{color:#667085}
dl.nums dd{margin:0;font-variant-numeric:tabular-nums;font-weight:600}
.ctx{overflow-x:auto;margin:8px 0}
table{border-collapse:collapse;font-size:13px}
table.fig caption{text-align:left;color:#475467;font-size:12.5px;padding:0 0 4px}
table.fig th,table.fig td{border:1px solid #d0d5dd;padding:3px 8px;white-space:nowrap}
table.fig th{background:#f2f4f7;font-weight:600}
table.fig td{text-align:right;font-variant-numeric:tabular-nums}
table.fig td.ln,table.fig td.code{color:#667085;text-align:left;font-size:12px}
table.fig td.name{text-align:left;white-space:normal;min-width:10em}
table.fig tr.total td{font-weight:600}
td.hit{background:#fedf89;outline:2px solid #dc6803;outline-offset:-2px;font-weight:700}
td.part{background:#d1e9ff}td.rel{background:#fcceee;outline:2px solid #c11574;outline-offset:-2px}
td.name.hit-row{font-weight:700}
td.more{text-align:left;color:#667085;font-style:italic}
.legend{font-size:12px;color:#667085;margin:4px 0 16px}
.legend i{display:inline-block;width:12px;height:12px;vertical-align:-1px;margin:0 4px 0 10px;
 border:1px solid #98a2b3}
.legend i.hit{background:#fedf89}.legend i.part{background:#d1e9ff}.legend i.rel{background:#fcceee}
ul.related{margin:6px 0;padding-left:18px;font-size:13px}
ul.related li.lh{list-style:none;margin-left:-18px;color:#667085}
details.rounding{background:#fff;border:1px solid #d0d5dd;border-radius:4px;padding:6px 12px;margin:0 0 8px}
details.rounding summary{cursor:pointer}
table.list{width:100%;margin:8px 0}
table.list th,table.list td{border-top:1px solid #eaecf0;padding:4px 8px;text-align:left;vertical-align:top}
table.list th{background:#f9fafb;font-weight:600;border-top:0}
table.list td.num{text-align:right;white-space:nowrap}
section.box{background:#fff;border:1px solid #d0d5dd;border-radius:4px;padding:8px 12px}
p.note{color:#475467;font-size:13px;margin:4px 0 8px}
p.empty{color:#667085}
footer{color:#98a2b3;font-size:12px;margin:32px 0 0;text-align:center}
@media print{body{background:#fff}main{padding:0}.finding,.top,section.box{border-color:#999}
 nav{display:none}}
"""


def _status(status: str) -> str:
    return f'<span class="st {e(status)}">{e(tr(*STATUS_LABEL[status]))}</span>'


def _header(result: CheckResult, nav: list[str]) -> str:
    m = result.disclosure.meta
    c = result.counts()

    def box(n: int, text: str, cls: str = "") -> str:
        return f'<div class="count {cls}"><b>{n}</b><span>{e(text)}</span></div>'

    findings = "".join(box(c[f"findings_{s}"], tr(*SEVERITY_HEADING[s]), s) for s in SEVERITIES)
    if c["findings_rounding"]:
        findings += box(c["findings_rounding"], tr("其中舍入差异", "of which rounding"))
    rules = "".join(box(c[s], tr("规则", "rules") + " · " + tr(*STATUS_LABEL[s])) for s in STATUS_LABEL)
    bad = c["findings_error"] or c["error"] or c["insufficient_data"]
    meta = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in meta_fields(m))
    return (
        f'<header class="top">\n<h1>{te("检查报告", "Check report")}</h1>\n'
        f'<p class="doc">{e(document_line(m))}</p>\n<dl class="meta">{meta}</dl>\n'
        f'<div class="counts">{findings}</div>\n<div class="counts">{rules}</div>\n'
        f'<p class="verdict {"bad" if bad else "ok"}">{e(tr("结论: ", "Result: ") + verdict(result))}</p>\n'
        f"<nav>{''.join(nav)}</nav>\n</header>\n"
    )


def render_html(
    result: CheckResult,
    rules: Iterable[Rule] | None = None,
    options: ReportOptions | None = None,
) -> str:
    """The report as one HTML page. ``rules`` are the rules that were run (for titles and the list)."""
    opts = options or ReportOptions()
    idx = rule_index(rules)
    d = result.disclosure
    findings = result.findings
    nav: list[str] = []
    body: list[str] = []
    n = 0
    for sev in SEVERITIES:
        group = [f for f in findings if f.severity == sev]
        if not group:
            continue
        heading = e(f"{tr(*SEVERITY_HEADING[sev])} ({len(group)})")
        nav.append(f'<a href="#{sev}">{heading}</a>')
        body.append(f'<h2 id="{sev}">{heading}</h2>')
        if not opts.shows(group[0]):
            hidden = te(
                f"未列出(用 --min-severity {sev} 显示)", f"Not listed (show them with --min-severity {sev})."
            )
            body.append(f'<p class="empty">{hidden}</p>')
            continue
        listed = group if opts.list_rounding else [f for f in group if not f.rounding]
        for f in listed:
            n += 1
            body.append(_finding_html(d, f, idx, n))
        if not opts.list_rounding and any(f.rounding for f in group):
            body.append(_rounding_html(d, group, idx))
    if not findings:
        body.append(f'<h2 id="findings">{te("发现", "Findings")}</h2>')
        body.append(f'<p class="empty">{te("没有发现问题。", "Nothing found.")}</p>')

    skipped = not_run(result)
    heading = te("未能运行的规则", "Rules that could not run") + f" ({len(skipped)})"
    nav.append(f'<a href="#not-run">{heading}</a>')
    body.append(f'<h2 id="not-run">{heading}</h2>')
    if skipped:
        note = te(
            "这些规则没有检查本文件:不适用(文件中没有规则所针对的内容),数据不足(缺少或无法读取所需的表和数字),"
            "运行出错(规则本身的问题)。数据不足和运行出错意味着检查不完整。",
            "These rules did not check this document: not applicable (nothing the rule is about), "
            "insufficient data (a table or figure it needs is missing or unreadable), rule error (a fault in "
            "the rule). Insufficient data and rule errors leave the check incomplete.",
        )
        rows = "".join(
            f'<tr><td><code class="rid">{e(o.rule_id)}</code></td><td>{e(rule_title(o.rule_id, idx))}</td>'
            f"<td>{_status(o.status)}</td><td>{e(reason(o, opts.debug))}</td></tr>"
            for o in skipped
        )
        head = _thead(("规则", "rule"), ("名称", "title"), ("结果", "outcome"), ("原因", "reason"))
        body.append(
            f'<section class="box"><p class="note">{note}</p>'
            f'<table class="list">{head}<tbody>{rows}</tbody></table></section>'
        )
    else:
        body.append(f'<p class="empty">{te("所有规则都已运行。", "Every rule ran.")}</p>')

    heading = te("全部规则", "All rules") + f" ({len(result.outcomes)})"
    nav.append(f'<a href="#rules">{heading}</a>')
    rows_html = []
    for o in result.outcomes:
        r = idx.get(o.rule_id)
        sev = tr(*SEVERITY_LABEL[r.severity]) if r else ""
        rows_html.append(
            f'<tr><td><code class="rid">{e(o.rule_id)}</code></td><td>{e(sev)}</td>'
            f"<td>{e(r.family if r else '')}</td><td>{e(rule_title(o.rule_id, idx))}</td>"
            f'<td>{_status(o.status)}</td><td class="num">{len(o.findings)}</td></tr>'
        )
    head = _thead(
        ("规则", "rule"),
        ("严重程度", "severity"),
        ("类别", "family"),
        ("名称", "title"),
        ("结果", "outcome"),
        ("发现", "findings"),
    )
    body.append(
        f'<h2 id="rules">{heading}</h2><section class="box"><table class="list">{head}'
        f"<tbody>{''.join(rows_html)}</tbody></table></section>"
    )
    legend = (
        f'<p class="legend">{te("图例", "Legend")}:'
        f'<i class="hit"></i>{te("被检查的数字", "the figure checked")}'
        f'<i class="part"></i>{te("相加得出应有数的数字", "figures that add up to the expected value")}'
        f'<i class="rel"></i>{te("对照的数字", "the figure compared with")}</p>\n'
    )
    title = e(tr("检查报告 — ", "Check report — ") + document_line(d.meta))
    files = e(", ".join(short_file(d, f) or "" for f in d.meta.source_files))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"en" if lang() == "en" else "zh-CN"}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="yusuan {e(__version__)}">\n'
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
        + _header(result, nav)
        + (legend if n else "")
        + "\n".join(body)
        + f"\n<footer>yusuan {e(__version__)} · {files}</footer>\n</main>\n</body>\n</html>\n"
    )
