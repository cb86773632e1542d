"""The terminal report of a check (``yusuan check``), and the wording the other reports share.

The text report reads top to bottom the way a reviewer works: what the document is, how many
rules passed and failed, the findings (errors first) each with the place to look and the figures
compared, then the rules that could not run and why. Rounding notices are counted per rule, not
listed, unless the reviewer asks for every notice (``--min-severity notice``).

Lines are wrapped by display width (a Chinese character takes two columns), so the report stays
readable at 80 to 120 columns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from yusuan.check.engine import SEVERITY_ORDER, CheckResult, Finding, Outcome, Rule
from yusuan.i18n import tr
from yusuan.model import Disclosure, Meta, Row, Table

SEVERITIES = ("error", "warning", "notice")
SEVERITY_LABEL = {"error": ("错误", "error"), "warning": ("警告", "warning"), "notice": ("提示", "notice")}
SEVERITY_HEADING = {
    "error": ("错误", "Errors"),
    "warning": ("警告", "Warnings"),
    "notice": ("提示", "Notices"),
}
STATUS_LABEL = {
    "pass": ("通过", "pass"),
    "fail": ("未通过", "fail"),
    "not_applicable": ("不适用", "not applicable"),
    "insufficient_data": ("数据不足", "insufficient data"),
    "error": ("运行出错", "rule error"),
}
#: outcomes of rules that did not run to the end, in the order the reports list them
NOT_RUN = ("error", "insufficient_data", "not_applicable")
_KIND = {"budget": ("预算", "budget"), "final": ("决算", "final accounts")}
_SCOPE = {"department": ("部门", "department"), "unit": ("单位", "unit")}


def label(pair: tuple[str, str]) -> str:
    return tr(*pair)


# ---------------------------------------------------------------------------------------------
# What every report says the same way


@dataclass(frozen=True)
class ReportOptions:
    """What to show. ``min_severity`` None shows every finding with rounding notices counted per
    rule; ``notice`` lists each rounding notice too; ``warning``/``error`` hide the lower ones
    (the summary still counts them)."""

    min_severity: str | None = None
    debug: bool = False

    @property
    def list_rounding(self) -> bool:
        return self.min_severity == "notice"

    def shows(self, f: Finding) -> bool:
        if self.min_severity is None:
            return True
        return SEVERITY_ORDER[f.severity] <= SEVERITY_ORDER[self.min_severity]


def rule_index(rules: Iterable[Rule] | None = None) -> dict[str, Rule]:
    """Rules by id: the registry, plus (overriding it) the rules that were run."""
    from yusuan.check.rules import BY_ID

    out = dict(BY_ID)
    for r in rules or ():
        out[r.id] = r
    return out


def rule_title(rule_id: str, rules: dict[str, Rule]) -> str:
    r = rules.get(rule_id)
    return tr(r.title, r.title_en) if r is not None else ""


def message(f: Finding) -> str:
    return tr(f.message, f.message_en or f.message)


def document_line(m: Meta) -> str:
    """``孝义市人力资源和社会保障局 · 2024年 · 部门预算``: department, year, scope and kind."""
    unknown = tr("未识别", "not found")
    dept = m.department or tr("部门未识别", "department not found")
    year = tr(f"{m.year}年", str(m.year)) if m.year else tr("年度未识别", "year not found")
    scope = tr(*_SCOPE[m.scope]) if m.scope else ""
    kind = tr(*_KIND[m.kind]) if m.kind else ""
    if kind and scope:
        what = tr(f"{scope}{kind}", f"{scope} {kind}")
    elif kind:
        what = kind + tr("(范围未识别)", " (scope not found)")
    else:
        what = tr("类型", "kind") + unknown
    return " · ".join((dept, year, what))


def meta_fields(m: Meta) -> list[tuple[str, str]]:
    """The metadata a report header shows, as (label, value); absent values say so."""
    unknown = tr("未识别", "not found")
    return [
        (tr("标题", "Title"), m.title or unknown),
        (tr("部门", "Department"), m.department or unknown),
        (tr("年度", "Year"), str(m.year) if m.year else unknown),
        (tr("类型", "Kind"), tr(*_KIND[m.kind]) if m.kind else unknown),
        (tr("范围", "Scope"), tr(*_SCOPE[m.scope]) if m.scope else unknown),
        (tr("地区", "Region"), m.region or unknown),
        (tr("所含单位", "Units"), "、".join(m.units) if m.units else "—"),
        (tr("文件", "Files"), ", ".join(m.source_files) or "—"),
        ("doc_id", m.doc_id or "—"),
    ]


def dec(v: Decimal | None, signed: bool = False) -> str:
    if v is None:
        return ""
    s = format(v, "f")
    return "+" + s if signed and v > 0 else s


def column_name(key: str | None) -> str:
    from yusuan.catalog.tables import COLUMN_KEYS

    if not key:
        return ""
    return tr(*COLUMN_KEYS[key]) if key in COLUMN_KEYS else key


def find_table(d: Disclosure, number: Any) -> Table | None:
    for t in d.tables:
        if t.number == number:
            return t
    return None


def find_row(
    t: Table,
    *,
    code: str | None = None,
    name: str | None = None,
    key: str | None = None,
    line: int | None = None,
    file: str | None = None,
) -> Row | None:
    """The row a finding (or a related place) names: its printed line first (names repeat in
    two-sided tables), then its code, key and name."""

    def same_line(r: Row) -> bool:
        return (
            line is not None
            and r.source.line == line
            and (not file or not r.source.file or r.source.file == file)
        )

    on_line = [r for r in t.rows if same_line(r)]
    for r in on_line:
        if (code and r.code == code) or (key and r.key == key) or (name and r.name == name):
            return r
    if len(on_line) == 1 and not (code or key or name):
        return on_line[0]
    for attr, want in (("code", code), ("key", key), ("name", name)):
        if want:
            for r in t.rows:
                if getattr(r, attr) == want:
                    return r
    return on_line[0] if on_line else None


def place(
    d: Disclosure | None,
    *,
    table_no: Any = None,
    file: str | None = None,
    page: int | None = None,
    line: int | None = None,
    row: Row | None = None,
) -> str:
    """Where to look: ``表3 · tests/x.txt:160``, ``表3 · x.pdf 第5页 第12行``, or ``表3 第2行`` when the
    figure has no file line (built data)."""
    parts = []
    if table_no is not None:
        where = tr(f"表{table_no}", f"table {table_no}")
        if line is None and d is not None and row is not None:
            t = find_table(d, table_no)
            if t is not None and row in t.rows:
                n = t.rows.index(row) + 1
                where += tr(f" 第{n}行", f" row {n}")
        parts.append(where)
    if file or line is not None:
        f = file or ""
        if page is not None:
            loc = tr(f"第{page}页", f"page {page}") + (
                tr(f" 第{line}行", f" line {line}") if line is not None else ""
            )
            parts.append(f"{f} {loc}".strip())
        elif line is not None:
            parts.append(f"{f}:{line}" if f else tr(f"第{line}行", f"line {line}"))
        else:
            parts.append(f)
    elif page is not None:
        parts.append(tr(f"第{page}页", f"page {page}"))
    return " · ".join(parts)


def finding_row(d: Disclosure | None, f: Finding) -> tuple[Table | None, Row | None]:
    if d is None or f.table_no is None:
        return None, None
    t = find_table(d, f.table_no)
    if t is None:
        return None, None
    return t, find_row(t, code=f.row_code, name=f.row_name, line=f.line, file=f.file)


def short_file(d: Disclosure | None, file: str | None) -> str | None:
    """A file's base name when that is enough to tell it from the disclosure's other files (the
    report header names them in full); the path as given otherwise."""
    if not file or d is None:
        return file
    base = PurePath(file).name
    others = [PurePath(s).name for s in d.meta.source_files if s != file]
    return file if base in others else base


def finding_place(d: Disclosure | None, f: Finding) -> str:
    _, row = finding_row(d, f)
    return place(d, table_no=f.table_no, file=short_file(d, f.file), page=f.page, line=f.line, row=row)


def figures(f: Finding) -> str:
    """``应为 3287.52 · 实为 3288.52 · 相差 +1.00 万元 · 舍入容差 0.025``; empty when the finding has none."""
    parts = []
    unit = f" {f.unit}" if f.unit else ""
    if f.expected is not None:
        parts.append(tr("应为 ", "expected ") + dec(f.expected))
    if f.actual is not None:
        parts.append(tr("实为 ", "actual ") + dec(f.actual))
    if f.difference is not None:
        parts.append(tr("相差 ", "difference ") + dec(f.difference, signed=True) + unit)
    elif parts and unit:
        parts[-1] += unit
    if f.tolerance is not None:
        parts.append(tr("舍入容差 ", "rounding tolerance ") + dec(f.tolerance))
    return " · ".join(parts)


def related_text(d: Disclosure | None, rel: dict[str, Any]) -> str:
    """One related place of a finding in words.

    E.g. ``表1 208 社会保障和就业支出「合计」35268.06 万元 · x.txt:80`` or ``说明 “比上年增加XX万元”``.
    """
    bits = [str(rel[k]) for k in ("label", "where") if rel.get(k)]
    table_no = rel.get("table_no")
    if table_no is not None:
        title = rel.get("title")
        zh = f"表{table_no}" + (f"《{title}》" if title else "")
        bits.append(tr(zh, f"table {table_no}" + (f" «{title}»" if title else "")))
    code, name = rel.get("row_code") or rel.get("code"), rel.get("row_name") or rel.get("name")
    if not name and d is not None and table_no is not None and (t := find_table(d, table_no)) is not None:
        row = find_row(t, code=code, key=rel.get("row_key") or rel.get("key"), line=rel.get("line"))
        name = row.name if row is not None else None
    row_txt = " ".join(str(x) for x in (code, name) if x)
    col = column_name(rel.get("column"))
    if col:
        row_txt += tr(f"「{col}」", f" [{col}]")
    if row_txt:
        bits.append(row_txt)
    if rel.get("value") is not None:
        bits.append(f"{rel['value']}" + (f" {rel['unit']}" if rel.get("unit") else ""))
    if rel.get("text"):
        bits.append(f"“{rel['text']}”")
    if rel.get("basis"):
        bits.append(tr("依据: ", "basis: ") + str(rel["basis"]))
    file = rel.get("file")
    if not file and d is not None and len(d.meta.source_files) == 1 and rel.get("line") is not None:
        file = d.meta.source_files[0]  # one input: a line number can only be in it
    where = place(d, file=short_file(d, file), page=rel.get("page"), line=rel.get("line"))
    return " · ".join(x for x in (" ".join(bits), where) if x)


def reason(o: Outcome, debug: bool = False) -> str:
    """The outcome's reason; a rule's crash shows its first line unless debugging."""
    r = o.reason.strip()
    if o.status == "error" and not debug:
        r = r.splitlines()[0] if r else ""
    return r or "—"


def not_run(result: CheckResult) -> list[Outcome]:
    order = {s: i for i, s in enumerate(NOT_RUN)}
    return sorted(
        (o for o in result.outcomes if o.status in order), key=lambda o: (order[o.status], o.rule_id)
    )


def rounding_by_rule(findings: Iterable[Finding]) -> dict[str, int]:
    out: dict[str, int] = {}
    for f in findings:
        if f.rounding:
            out[f.rule_id] = out.get(f.rule_id, 0) + 1
    return out


def _n(n: int, word: str) -> str:
    """``1 error``, ``2 errors`` (English only)."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def verdict(result: CheckResult) -> str:
    c = result.counts()
    incomplete = c["insufficient_data"] + c["error"]
    if c["findings_error"]:
        v = tr(f"发现 {c['findings_error']} 处错误", _n(c["findings_error"], "error") + " found")
    else:
        v = tr("未发现错误", "no errors found")
    if c["error"]:
        v += tr(f";{c['error']} 条规则运行出错", "; " + _n(c["error"], "rule") + " crashed")
    if incomplete:
        v += tr(
            f";{incomplete} 条规则未能完成检查,结果不完整",
            "; " + _n(incomplete, "rule") + " could not complete, so the check is incomplete",
        )
    return v + tr("。", ".")


def rule_counts_line(c: dict[str, int]) -> str:
    parts = " · ".join(f"{tr(*STATUS_LABEL[s])} {c[s]}" for s in STATUS_LABEL)
    return tr(f"规则 {c['rules']} 条: ", f"Rules ({c['rules']}): ") + parts


def finding_counts_line(c: dict[str, int]) -> str:
    total = c["findings_error"] + c["findings_warning"] + c["findings_notice"]
    parts = " · ".join(f"{tr(*SEVERITY_LABEL[s])} {c['findings_' + s]}" for s in SEVERITIES)
    line = tr(f"发现 {total} 处: ", f"Findings ({total}): ") + parts
    if c["findings_rounding"]:
        line += tr(
            f"(其中舍入差异 {c['findings_rounding']} 处)", f" (of which {c['findings_rounding']} rounding)"
        )
    return line


# ---------------------------------------------------------------------------------------------
# Display width and wrapping


def cwidth(s: str) -> int:
    """Columns the text takes on a terminal: wide and full-width characters count two."""
    return sum(
        2 if unicodedata.east_asian_width(ch) in "WF" else (0 if unicodedata.combining(ch) else 1) for ch in s
    )


# Latin words, numbers and paths stay whole; every other character (CJK) may break.
_TOKEN = re.compile(r"[A-Za-z0-9_.,:;!?%+\-/\\()\[\]{}<>|=~#@&*'\"`]+|\s+|.")


# Closing brackets and punctuation never start a line (kinsoku).
_NO_LINE_START = frozenset("」』》〉】)）],，。;；:：!！?？、”’%")
# Opening brackets never end one.
_NO_LINE_END = frozenset("「『《〈【(（[“‘")


def wrap(text: str, width: int, indent: int = 0, first: int | None = None) -> list[str]:
    """Wrap by display width. ``first`` is the room on the first line (default ``width - indent``)."""
    room = first if first is not None else width - indent
    lines: list[str] = []
    for para in text.split("\n"):
        cur, cur_w = "", 0
        for tok in _TOKEN.findall(para):
            w = cwidth(tok)
            if tok.isspace():
                if cur:  # kept as printed, except at the start of a line
                    cur, cur_w = cur + tok, cur_w + len(tok)
                continue
            while w > room:  # a token longer than a whole line: cut it
                if cur.strip():
                    lines.append(cur.rstrip())
                    room, cur, cur_w = width - indent, "", 0
                cut, cw = "", 0
                for ch in tok:
                    if cw + cwidth(ch) > room:
                        break
                    cut, cw = cut + ch, cw + cwidth(ch)
                lines.append(cut)
                room = width - indent
                tok, w = tok[len(cut) :], w - cw
            if cur_w + w > room:
                carry = ""
                if tok[0] in _NO_LINE_START and len(cur.strip()) > 1 and not cur[-1].isspace():
                    # a closing mark does not start a line: take a character along
                    carry, cur = cur[-1], cur[:-1]
                while len(cur.strip()) > 1 and cur[-1] in _NO_LINE_END:
                    # an opening mark goes with what it opens
                    carry, cur = cur[-1] + carry, cur[:-1]
                lines.append(cur.rstrip())
                room, cur, cur_w = width - indent, carry, cwidth(carry)
            cur, cur_w = cur + tok, cur_w + w
        lines.append(cur.rstrip())
        room = width - indent
    return [(" " * indent + ln if i else ln) for i, ln in enumerate(lines)]


def pad(s: str, w: int) -> str:
    return s + " " * max(0, w - cwidth(s))


def _heading(title: str) -> list[str]:
    return ["", title, "-" * cwidth(title)]


# ---------------------------------------------------------------------------------------------
# The text report

_ID_W = 15  # "YS-FORMAT-001" and two spaces


def indented(text: str, width: int, indent: int) -> list[str]:
    """Wrapped, every line indented by ``indent`` columns."""
    lines = wrap(text, width, indent)
    lines[0] = " " * indent + lines[0]
    return lines


def _finding_lines(result: CheckResult, f: Finding, width: int) -> list[str]:
    d = result.disclosure
    out = wrap(message(f), width, indent=_ID_W)
    out[0] = pad(f.rule_id, _ID_W) + out[0]
    where = finding_place(d, f)
    extras = [tr("位置: ", "where: ") + where if where else "", figures(f)]
    extras += [tr("对照: ", "compare: ") + txt for r in f.related if (txt := related_text(d, r))]
    for extra in extras:
        if extra:
            out += indented(extra, width, _ID_W)
    return out


def render_text(
    result: CheckResult,
    rules: Iterable[Rule] | None = None,
    options: ReportOptions | None = None,
    width: int = 100,
) -> str:
    """The terminal report. ``rules`` are the rules that were run (for their titles)."""
    opts = options or ReportOptions()
    idx = rule_index(rules)
    d = result.disclosure
    c = result.counts()
    m = d.meta
    files = tr("文件: ", "Files: ")
    out = [
        *wrap(tr("检查报告  ", "Check report  ") + document_line(m), width, 2),
        *wrap(
            files + (", ".join(m.source_files) or "—") + (f"  (doc_id {m.doc_id})" if m.doc_id else ""),
            width,
            cwidth(files),
        ),
        "",
        rule_counts_line(c),
        finding_counts_line(c),
    ]
    findings = result.findings
    for sev in SEVERITIES:
        group = [f for f in findings if f.severity == sev]
        if not group:
            continue
        if not opts.shows(group[0]):
            out += [
                "",
                tr(
                    f"({tr(*SEVERITY_LABEL[sev])} {len(group)} 处未列出;用 --min-severity {sev} 显示)",
                    f"({len(group)} {sev}s not listed; show them with --min-severity {sev})",
                ),
            ]
            continue
        listed = group if opts.list_rounding else [f for f in group if not f.rounding]
        rounding = {} if opts.list_rounding else rounding_by_rule(group)
        out += _heading(f"{tr(*SEVERITY_HEADING[sev])} ({len(group)})")
        for i, f in enumerate(listed):
            if i:
                out.append("")
            out += _finding_lines(result, f, width)
        if rounding:
            if listed:
                out.append("")
            out += wrap(
                tr(
                    "舍入差异(在各数字舍入误差之和以内,不算错误;用 --min-severity notice 逐条列出):",
                    "Rounding differences (within the rounding of the printed figures, not errors; "
                    "list each with --min-severity notice):",
                ),
                width,
            )
            for rid, n in rounding.items():
                head = "  " + pad(rid, _ID_W) + tr(f"{n:>4} 处  ", f"{n:>4}  ")
                block = wrap(rule_title(rid, idx), width, cwidth(head))
                block[0] = head + block[0]
                out += block
    skipped = not_run(result)
    if skipped:
        out += _heading(tr(f"未能运行的规则 ({len(skipped)})", f"Rules that could not run ({len(skipped)})"))
        status_w = max(cwidth(tr(*STATUS_LABEL[o.status])) for o in skipped) + 2
        for o in skipped:
            head = pad(o.rule_id, _ID_W) + pad(tr(*STATUS_LABEL[o.status]), status_w)
            block = wrap(reason(o, opts.debug), width, _ID_W + status_w, width - cwidth(head))
            out.append(head + block[0])
            out += block[1:]
    out += ["", tr("结论: ", "Result: ") + verdict(result)]
    return "\n".join(out) + "\n"
