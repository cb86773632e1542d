"""Check reports (text, JSON, CSV, HTML) and the ``check`` and ``rules`` commands.

The text and HTML reports are snapshot-tested on a small built disclosure; the snapshots live in
tests/snapshots/. After a deliberate change, regenerate them and read the diff::

    UPDATE_SNAPSHOTS=1 pytest tests/test_reports.py
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import os
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from yusuan import i18n
from yusuan.check.cases import build
from yusuan.check.engine import Context, Finding, InsufficientData, Rule, run
from yusuan.check.tolerance import compare_sum
from yusuan.cli import app
from yusuan.model import Disclosure, Provenance
from yusuan.report.csvout import COLUMNS, render_csv
from yusuan.report.html import render_html
from yusuan.report.jsonout import render_json
from yusuan.report.text import ReportOptions, cwidth, place, render_text, wrap

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"


@pytest.fixture(autouse=True)
def _restore_language():
    before = i18n.lang()
    yield
    i18n.set_lang(before)


def assert_snapshot(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(
            f"no snapshot {path}; create it with UPDATE_SNAPSHOTS=1 pytest tests/{Path(__file__).name}"
        )
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), f"snapshots/{name}", "rendered now", lineterm="", n=2
        )
        shown = list(diff)
        more = f"\n… {len(shown) - 150} more diff lines" if len(shown) > 150 else ""
        pytest.fail(
            f"{name} differs from its snapshot (if the change is intended: UPDATE_SNAPSHOTS=1 pytest "
            f"tests/{Path(__file__).name}):\n" + "\n".join(shown[:150]) + more,
            pytrace=False,
        )


# ---------------------------------------------------------------------------------------------
# A small disclosure and rules of every outcome, defined here so the snapshots change only
# when the reports do (not when a registered rule's wording changes).

DOC = {
    "meta": {"department": "示例市<人社>局 & 测试", "region": "示例市", "source_files": ["样例/示例.pdf"]},
    "tables": [
        {
            "kind": "summary",
            "title": "2024年预算收支总表",
            "columns": ["total"],
            "rows": [
                {
                    "key": "exp:208",
                    "name": "社会保障和就业支出",
                    "side": "expenditure",
                    "values": {"total": "110.00"},
                },
                {
                    "key": "total",
                    "name": "支出总计",
                    "role": "total",
                    "side": "expenditure",
                    "values": {"total": "110.00"},
                },
            ],
        },
        {
            "kind": "expenditure",
            "title": "2024年预算支出总表",
            "columns": ["total", "basic", "project"],
            "rows": [
                {
                    "key": "total",
                    "name": "合计",
                    "role": "total",
                    "values": {"total": "100.01", "basic": "60.00", "project": "40.01"},
                },
                {
                    "code": "208",
                    "name": "社会保障和就业支出",
                    "level": 1,
                    "values": {"total": "100.01", "basic": "60.00", "project": "40.01"},
                },
                {
                    "code": "20801",
                    "parent": "208",
                    "name": "人力资源和社会保障管理事务",
                    "level": 2,
                    "values": {"total": "61.00", "basic": "60.00", "project": "1.00"},
                },
                {
                    "code": "2080101",
                    "parent": "20801",
                    "name": "行政运行",
                    "level": 3,
                    "values": {"total": "50.00", "basic": "50.00"},
                },
                {
                    "code": "2080102",
                    "parent": "20801",
                    "name": "一般行政管理事务<i>&",
                    "level": 3,
                    "values": {"total": "10.00", "basic": "10.00"},
                },
                {
                    "code": "20802",
                    "parent": "208",
                    "name": "民政管理事务",
                    "level": 2,
                    "values": {"total": "39.00", "project": "39.00"},
                },
            ],
        },
    ],
}


def sample_doc() -> Disclosure:
    """DOC, with provenance as a PDF reader would give it (page and line within the page)."""
    d = build(DOC)
    for page, t in enumerate(d.tables, start=3):
        t.source = Provenance(file="样例/示例.pdf", page=page, line=2, raw=t.title)
        for i, r in enumerate(t.rows, start=5):
            r.source = Provenance(file="样例/示例.pdf", page=page, line=i, raw=r.name)
            for cell, a in enumerate(r.values.values(), start=2):
                a.source = Provenance(file="样例/示例.pdf", page=page, line=i, cell=cell, raw=a.raw)
    return d


class ChildrenSum(Rule):
    id = "YS-SUM-901"
    slug = "test-children-sum"
    severity = "error"
    family = "SUM"
    title = "上级科目不等于下级科目之和"
    title_en = "Parent is not the sum of its children"
    message = "表{table_no} {code} {name}「{column}」为 {actual},下级合计 {expected},相差 {diff}{unit}"
    message_en = "table {table_no} {code} {name} [{column}] is {actual}, children sum to {expected}"
    rationale = "test"

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        t = ctx.require_table("expenditure")
        coded = [r for r in t.rows if r.code]
        for parent in coded:
            kids = [r for r in coded if r.parent == parent.code]
            for col, total in parent.values.items():
                parts = [k.values[col] for k in kids if col in k.values]
                cmp = compare_sum(total, parts) if parts else None
                if cmp is not None and not cmp.equal:
                    yield self.finding(
                        table=t,
                        row=parent,
                        column=col,
                        amount=total,
                        expected=cmp.expected,
                        actual=cmp.actual,
                        tolerance=cmp.tolerance,
                        unit=cmp.unit,
                        rounding=cmp.rounding,
                    )


class SummaryAgrees(Rule):
    id = "YS-XTAB-901"
    slug = "test-summary-agrees"
    severity = "warning"
    family = "XTAB"
    title = "收支总表与支出总表的类金额不一致"
    title_en = "Summary and expenditure table disagree"
    message = "收支总表「{name}」为 {actual},支出总表为 {expected}"
    message_en = "summary [{name}] is {actual}, expenditure table says {expected}"
    rationale = "test"

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        s, t = ctx.require_table("summary"), ctx.require_table("expenditure")
        a, b = s.row_by_key("exp:208"), t.row_by_code("208")
        if a.values["total"].value != b.values["total"].value:
            yield self.finding(
                table=s,
                row=a,
                column="total",
                amount=a.values["total"],
                expected=b.values["total"].value,
                actual=a.values["total"].value,
                unit="万元",
                related=[
                    {
                        "table_no": t.number,
                        "row_code": "208",
                        "column": "total",
                        "line": b.source.line,
                        "page": b.source.page,
                        "file": b.source.file,
                        "value": "100.01",
                        "unit": "万元",
                    }
                ],
            )


class PlaceholderText(Rule):
    id = "YS-NARR-901"
    slug = "test-placeholder"
    severity = "notice"
    family = "NARR"
    title = "说明中有占位文字"
    title_en = "Placeholder text in the narrative"
    message = "说明文字中有占位符「XX」"
    message_en = "the narrative has the placeholder 'XX'"
    rationale = "test"

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        yield self.finding(related=[{"label": "说明", "text": "比上年增加XX万元<script>"}])


class NeedsThreePublic(Rule):
    id = "YS-STRUCT-901"
    slug = "test-needs-three-public"
    severity = "error"
    family = "STRUCT"
    title = "缺少三公经费表"
    title_en = "No three-public table"
    message = message_en = rationale = "test"

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        ctx.require_table("three_public")
        return []


class FinalOnly(Rule):
    id = "YS-PERF-901"
    slug = "test-final-only"
    family = "PERF"
    title = "决算专用规则"
    title_en = "Final accounts only"
    message = message_en = rationale = "test"
    applies_to = ("final",)

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        return []


class Broken(Rule):
    id = "YS-FORMAT-901"
    slug = "test-broken"
    family = "FORMAT"
    title = "出错的规则"
    title_en = "A broken rule"
    message = message_en = rationale = "test"

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        raise ZeroDivisionError("division by zero")


class InsufficientOnly(Rule):
    id = "YS-SUM-902"
    slug = "test-insufficient"
    family = "SUM"
    title = "数据不足的规则"
    title_en = "Always insufficient"
    message = message_en = rationale = "test"

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        raise InsufficientData("一个数字无法读取")


class AlwaysPasses(Rule):
    id = "YS-CLASS-901"
    slug = "test-passes"
    family = "CLASS"
    title = "总是通过"
    title_en = "Always passes"
    message = message_en = rationale = "test"

    def check(self, d: Disclosure, ctx: Context) -> Iterable[Finding]:
        return []


TEST_RULES = [
    ChildrenSum(),
    SummaryAgrees(),
    PlaceholderText(),
    NeedsThreePublic(),
    FinalOnly(),
    Broken(),
    InsufficientOnly(),
    AlwaysPasses(),
]


@pytest.fixture
def result():
    return run(sample_doc(), TEST_RULES)


# ---------------------------------------------------------------------------------------------
# Snapshots


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_snapshot(result, lang):
    i18n.set_lang(lang)
    assert_snapshot(f"check_report.{lang}.txt", render_text(result, TEST_RULES))


def test_text_snapshot_every_notice(result):
    i18n.set_lang("zh")
    assert_snapshot(
        "check_report.notice.zh.txt", render_text(result, TEST_RULES, ReportOptions("notice"), 80)
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_snapshot(result, lang):
    i18n.set_lang(lang)
    assert_snapshot(f"check_report.{lang}.html", render_html(result, TEST_RULES))


# ---------------------------------------------------------------------------------------------
# What the reports must say, whatever they look like


def test_text_report_content(result):
    i18n.set_lang("zh")
    text = render_text(result, TEST_RULES)
    assert "示例市<人社>局 & 测试 · 2024年 · 部门预算" in text
    assert "规则 8 条: 通过 1 · 未通过 3 · 不适用 1 · 数据不足 2 · 运行出错 1" in text
    assert "发现 5 处: 错误 1 · 警告 1 · 提示 3(其中舍入差异 2 处)" in text
    # errors first, then warnings, then notices; the could-not-run section last
    order = [text.index(s) for s in ("错误 (1)", "警告 (1)", "提示 (3)", "未能运行的规则 (4)", "结论:")]
    assert order == sorted(order)
    assert "位置: 表2 · 示例.pdf 第4页 第7行" in text
    assert "应为 60.00 · 实为 61.00 · 相差 +1.00 万元 · 舍入容差 0.015" in text
    # rounding notices collapsed to a count per rule, the other notice listed
    assert re.search(r"YS-SUM-901 +2 处", text) and "说明文字中有占位符" in text
    assert "下级合计 100.00" not in text  # 208's rounding differences are not listed one by one
    # a crashed rule shows its error, not its traceback
    assert "ZeroDivisionError: division by zero" in text and "Traceback" not in text
    assert "结论: 发现 1 处错误;1 条规则运行出错;3 条规则未能完成检查,结果不完整。" in text


def test_min_severity(result):
    i18n.set_lang("zh")
    every = render_text(result, TEST_RULES, ReportOptions("notice"))
    assert every.count("YS-SUM-901") == 3  # 1 error + 2 rounding notices
    assert "舍入差异(在各数字" not in every
    errors_only = render_text(result, TEST_RULES, ReportOptions("error"))
    assert "收支总表「社会保障和就业支出」" not in errors_only
    assert "警告 1 处未列出" in errors_only and "提示 3 处未列出" in errors_only
    assert "发现 5 处" in errors_only  # the summary still counts everything


def test_text_fits_the_terminal(result):
    i18n.set_lang("zh")
    for width in (80, 100, 120):
        text = render_text(result, TEST_RULES, ReportOptions("notice", debug=True), width)
        too_wide = [ln for ln in text.splitlines() if cwidth(ln) > width]
        assert not too_wide, too_wide


def test_wrap_keeps_numbers_whole():
    lines = wrap(
        "表2《2024年预算支出总表》208 社会保障和就业支出「合计」为 35268.06,下级科目合计为 35269.05", 40
    )
    assert all(cwidth(ln) <= 40 for ln in lines)
    assert "35268.06" in "\n".join(lines) and "35269.05" in "\n".join(lines)
    lines = wrap("对照: 表2《2024年预算收入总表》 208 社会保障和就业支出「上年结转」 57.00", 62, 4)
    assert lines[1] == "    年结转」 57.00"  # a closing bracket never starts a line
    text = "表6《2024年一般公共预算安排基本支出分经济科目表》合计为 1030.05,表5《2024年一般公共预算》「合计」"
    for width in range(16, 70):
        for ln in wrap(text, width):
            assert cwidth(ln) <= width and ln[-1] not in "《「" and ln[0] not in "》」", (width, ln)


def test_place():
    assert place(None, table_no=3, file="a.txt", line=160) == "表3 · a.txt:160"
    assert place(None, table_no=3, file="a.pdf", page=5, line=12) == "表3 · a.pdf 第5页 第12行"
    d = build(DOC)
    t = d.tables[1]
    assert place(d, table_no=2, row=t.rows[2]) == "表2 第3行"  # built data: no file line
    i18n.set_lang("en")
    assert place(None, table_no=3, file="a.pdf", page=5, line=12) == "table 3 · a.pdf page 5 line 12"


def test_english_text(result):
    i18n.set_lang("en")
    text = render_text(result, TEST_RULES)
    assert "Check report  示例市<人社>局 & 测试 · 2024 · department budget" in text
    assert "is 61.00, children sum to 60.00" in text and "difference +1.00 万元" in text
    assert "Result: 1 error found; 1 rule crashed; 3 rules could not complete" in text


def test_json_report(result):
    data = json.loads(render_json(result))
    assert set(data) == {"document", "summary", "findings", "outcomes"}
    assert data["document"]["department"] == "示例市<人社>局 & 测试" and data["document"]["year"] == 2024
    assert data["summary"]["rules"] == {
        "total": 8,
        "pass": 1,
        "fail": 3,
        "not_applicable": 1,
        "insufficient_data": 2,
        "error": 1,
    }
    assert data["summary"]["findings"] == {
        "total": 5,
        "error": 1,
        "warning": 1,
        "notice": 3,
        "rounding": 2,
        "shown": 5,
    }
    assert data["summary"]["has_errors"] is True
    first = data["findings"][0]
    assert first["severity"] == "error" and first["expected"] == "60.00" and first["difference"] == "1.00"
    assert {o["rule_id"]: o["status"] for o in data["outcomes"]}["YS-FORMAT-901"] == "error"
    only_errors = json.loads(render_json(result, ReportOptions("error")))
    assert [f["severity"] for f in only_errors["findings"]] == ["error"]
    assert only_errors["summary"]["findings"]["shown"] == 1


def test_csv_worksheet(result):
    i18n.set_lang("zh")
    data = render_csv(result)
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS and COLUMNS[-1] == "reviewer_note"
    assert [r["severity"] for r in rows] == ["error", "warning", "notice", "notice", "notice"]
    err = rows[0]
    assert (err["rule_id"], err["table_no"], err["row_code"], err["column"]) == (
        "YS-SUM-901",
        "2",
        "20801",
        "合计",
    )
    assert (err["page"], err["line"], err["expected"], err["actual"], err["difference"]) == (
        "4",
        "7",
        "60.00",
        "61.00",
        "1.00",
    )
    assert all(r["reviewer_note"] == "" for r in rows)
    assert sum(r["rounding"] == "是" for r in rows) == 2


def test_html_escapes_and_shows_the_figures(result):
    i18n.set_lang("zh")
    page = render_html(result, TEST_RULES)
    assert "<人社>" not in page and "&lt;人社&gt;局 &amp; 测试" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<i>" not in page and "一般行政管理事务&lt;i&gt;&amp;" in page
    assert not re.search(r"<(link|script|img)\b|https?://", page), "the page must be self-contained"
    # the error sits next to its row (checked cell highlighted) and the children that add up to the expected
    err = page[page.index('id="f1"') : page.index("</article>", page.index('id="f1"'))]
    assert '<td class="hit" title="原文: 61.00">61.00</td>' in err
    assert err.count('<td class="part"') == 2 and "行政运行" in err and "一般行政管理事务" in err
    # the cross-table warning shows both tables, the compared cell marked
    warn = page[page.index('id="f2"') : page.index("</article>", page.index('id="f2"'))]
    assert "表1《2024年预算收支总表》" in warn and "表2《2024年预算支出总表》" in warn
    assert '<td class="rel" title="原文: 100.01">100.01</td>' in warn
    # rounding notices folded, the rules that could not run listed with their reason, every rule listed
    assert page.count("<details") == 1 and "一个数字无法读取" in page
    for r in TEST_RULES:
        assert r.id in page


# ---------------------------------------------------------------------------------------------
# The commands

runner = CliRunner()


@pytest.fixture
def broken_sample(shanxi_path, tmp_path):
    """The sample with one 款 changed so that it no longer adds up (an error for YS-SUM-001)."""
    lines = shanxi_path.read_text(encoding="utf-8").split("\n")
    assert lines[160].startswith("20801\t") and "3287. 52" in lines[160]
    lines[160] = lines[160].replace("3287. 52", "3288. 52")
    p = tmp_path / "broken.txt"
    p.write_text("\n".join(lines), encoding="utf-8")
    return p


def test_check_clean_sample(shanxi_path):
    r = runner.invoke(app, ["check", str(shanxi_path), "--rules", "YS-SUM-001"])
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("检查报告  孝义市人力资源和社会保障局 · 2024年 · 部门预算")
    assert "规则 1 条: 通过 1" in r.stdout and "结论: 未发现错误。" in r.stdout


def test_check_errors_exit_1_and_write_html(broken_sample, tmp_path):
    out = tmp_path / "report.html"
    r = runner.invoke(
        app, ["check", str(broken_sample), "--rules", "ys-sum-001,parent-not-sum-of-children", "-o", str(out)]
    )
    assert r.exit_code == 1
    assert r.stdout == "" and f"已写出html报告到 {out}: 错误 2" in r.stderr
    page = out.read_text(encoding="utf-8")
    assert (
        page.startswith("<!DOCTYPE html>")
        and '<td class="hit" title="原文: 3288. 52 [digits_split]">3288.52</td>' in page
    )
    r = runner.invoke(app, ["--lang", "en", "check", str(broken_sample), "--rules", "YS-SUM-001"])
    assert r.exit_code == 1 and "Errors (2)" in r.stdout and "Result: 2 errors found." in r.stdout


@pytest.mark.parametrize("fmt", ["json", "csv", "text", "html"])
def test_check_formats_to_stdout(shanxi_path, fmt):
    r = runner.invoke(app, ["check", str(shanxi_path), "--rules", "YS-SUM-001", "--format", fmt])
    assert r.exit_code == 0, r.stderr
    if fmt == "json":
        assert json.loads(r.stdout)["summary"]["rules"]["pass"] == 1
    elif fmt == "csv":
        assert r.stdout_bytes.startswith(b"\xef\xbb\xbfrule_id,severity,message")
    elif fmt == "html":
        assert r.stdout.startswith("<!DOCTYPE html>")


def test_check_unknown_rule(shanxi_path):
    r = runner.invoke(app, ["check", str(shanxi_path), "--rules", "YS-SUM-001,YS-NOPE-999"])
    assert r.exit_code == 2
    assert "YS-NOPE-999" in r.stderr and "yusuan rules" in r.stderr and "Traceback" not in r.stderr


def test_check_unusable_input(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    out = tmp_path / "out.json"
    out.write_text("previous report", encoding="utf-8")
    r = runner.invoke(app, ["check", str(empty), "-o", str(out)])
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1 and str(empty) in r.stderr and "Traceback" not in r.stderr
    assert out.read_text(encoding="utf-8") == "previous report"  # nothing half-written, nothing replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.pdf", "out.json"]
    r = runner.invoke(app, ["--debug", "check", str(empty)])
    assert r.exit_code != 0 and type(r.exception).__name__ == "ReadError"


def test_check_output_folder_missing(shanxi_path, tmp_path):
    r = runner.invoke(
        app, ["check", str(shanxi_path), "--rules", "SUM", "-o", str(tmp_path / "no" / "r.csv")]
    )
    assert r.exit_code == 2 and "r.csv" in r.stderr


def test_check_counts_a_crashed_rule(shanxi_path, monkeypatch):
    import yusuan.check.rules as registry

    monkeypatch.setattr(registry, "RULES", [Broken()])
    r = runner.invoke(app, ["check", str(shanxi_path)])
    assert r.exit_code == 1
    assert "YS-FORMAT-901  运行出错  ZeroDivisionError: division by zero" in r.stdout


def test_rules_commands():
    from yusuan.check.rules import RULES
    from yusuan.report.ruledoc import generate

    r = runner.invoke(app, ["rules"])
    assert r.exit_code == 0
    for rule in RULES:
        assert re.search(rf"^{rule.id}\s+\S+\s+{rule.family}\s+{re.escape(rule.title)}$", r.stdout, re.M)
    rule = RULES[0]
    r = runner.invoke(app, ["rules", rule.id.lower()])
    assert r.exit_code == 0
    assert rule.slug in r.stdout and rule.rationale.strip()[:20] in r.stdout
    for case in rule.cases:
        assert case["name"] in r.stdout
    r = runner.invoke(app, ["rules", "--markdown"])
    assert r.exit_code == 0 and r.stdout == generate()
    r = runner.invoke(app, ["rules", "YS-NOPE-999"])
    assert r.exit_code == 2 and "YS-NOPE-999" in r.stderr


def test_help_lists_the_commands():
    r = runner.invoke(app, ["--help"])
    assert r.exit_code == 0 and "check" in r.stdout and "rules" in r.stdout
    r = runner.invoke(app, ["check", "--help"])
    for opt in ("--format", "--output", "--rules", "--min-severity"):
        assert opt in r.stdout


def test_findings_sorted_errors_first(result):
    sev = [f.severity for f in result.findings]
    assert sev == sorted(sev, key=["error", "warning", "notice"].index)
    assert result.findings[0].difference == Decimal("1.00")
