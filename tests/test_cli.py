"""The command line: parse, export, and every kind of bad input."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from yusuan.model import Disclosure


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "yusuan.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_parse_summary_and_json(shanxi_path, tmp_path):
    out = tmp_path / "d.json"
    r = run("parse", str(shanxi_path), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "孝义市人力资源和社会保障局" in r.stdout and "2024" in r.stdout
    assert "项目: 本年 37 个(4 个单位), 上年结转 2 个" in r.stdout
    d = Disclosure.model_validate_json(out.read_text(encoding="utf-8"))
    assert (d.meta.department, d.meta.year, d.meta.kind, d.meta.scope) == (
        "孝义市人力资源和社会保障局",
        2024,
        "budget",
        "department",
    )


def test_parse_in_english(shanxi_path):
    r = run("--lang", "en", "parse", str(shanxi_path))
    assert r.returncode == 0 and "Department: 孝义市人力资源和社会保障局" in r.stdout


def test_export_facts_csv(shanxi_path, tmp_path):
    out = tmp_path / "facts.csv"
    r = run("export", str(shanxi_path), "--format", "csv", "-o", str(out))
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert list(rows[0]) == [
        "doc_id", "table_no", "table_kind", "table_title", "row_code", "row_name",
        "parent", "column", "amount", "unit", "page", "line",
    ]  # fmt: skip
    first = rows[0]
    assert first["table_no"] == "1" and first["amount"] == "35892.39" and first["unit"] == "万元"
    assert len(first["doc_id"]) == 12
    p = [r for r in rows if r["row_name"] == "2023年、2024年实习大学生生活补贴"]
    assert [(r["table_no"], r["parent"], r["column"], r["amount"]) for r in p] == [
        ("12", "孝义市创业就业服务中心", "total", "163.40"),
        ("12", "孝义市创业就业服务中心", "general_budget", "163.40"),
    ]
    codes = [r for r in rows if r["table_no"] == "3" and r["row_code"] == "2080799"]
    assert [(r["column"], r["amount"]) for r in codes] == [("total", "58.27"), ("project", "58.27")]


def test_export_json_xlsx_and_meta(shanxi_path, tmp_path):
    out = tmp_path / "facts.json"
    assert run("export", str(shanxi_path), "--format", "json", "-o", str(out)).returncode == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 451
    x = tmp_path / "facts.xlsx"
    assert run("export", str(shanxi_path), "--format", "xlsx", "-o", str(x)).returncode == 0
    from openpyxl import load_workbook

    wb = load_workbook(x, read_only=True)
    rows = list(wb.active.iter_rows(values_only=True))
    wb.close()
    assert len(rows) == 452 and rows[1][8] == "35892.39"
    m = tmp_path / "meta.csv"
    assert run("export", str(shanxi_path), "--section", "meta", "-o", str(m)).returncode == 0
    (row,) = list(csv.DictReader(m.read_text(encoding="utf-8").splitlines()))
    assert (row["department"], row["year"], row["kind"], row["scope"]) == (
        "孝义市人力资源和社会保障局",
        "2024",
        "budget",
        "department",
    )


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    empty = tmp / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    notable = tmp / "notable.txt"
    notable.write_text(
        "孝义市人力资源和社会保障局2024年度部门预算公开\n\n本文只有说明文字,没有报表。\n", encoding="utf-8"
    )
    other = tmp / "poem.txt"
    other.write_text("床前明月光\n疑是地上霜\n", encoding="utf-8")
    folder = tmp / "empty-folder"
    folder.mkdir()
    blank = tmp / "blank.txt"
    blank.write_text("\n \n\t\n", encoding="utf-8")
    return {
        "missing": tmp / "no-such-file.txt",
        "empty": empty,
        "binary": binary,
        "no table": notable,
        "not a disclosure": other,
        "blank": blank,
        "folder": folder,
    }


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("missing", "文件不存在"),
        ("empty", "文件为空"),
        ("binary", "不是可识别的文件格式"),
        ("no table", "未找到任何可识别的标准报表"),
        ("not a disclosure", "不是预算或决算公开文件"),
        ("blank", "只有空白"),
        ("folder", "文件夹中没有可读取的文件"),
    ],
)
@pytest.mark.parametrize("command", ["parse", "export"])
def test_bad_input_one_line_exit_2_nothing_written(tmp_path, case, words, command):
    path = _bad_inputs(tmp_path)[case]
    out = tmp_path / "out" / "result.csv"
    out.parent.mkdir()
    r = run(command, str(path), "-o", str(out))
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and str(path) in lines[0] and words in lines[0]
    assert list(out.parent.iterdir()) == []


def test_debug_shows_the_traceback(tmp_path):
    r = run("--debug", "parse", str(tmp_path / "missing.txt"))
    assert r.returncode != 0 and "Traceback" in r.stderr


def test_unwritable_output_leaves_nothing(shanxi_path, tmp_path):
    r = run("export", str(shanxi_path), "-o", str(tmp_path / "no" / "such" / "dir" / "x.csv"))
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_export_performance(shanxi_path, tmp_path):
    out = tmp_path / "perf.csv"
    r = run("export", str(shanxi_path), "--section", "performance", "-o", str(out))
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert len(rows) == 36
    assert list(rows[0]) == [
        "project", "implementing_unit", "competent_department", "attribute", "period", "total_yuan",
        "central_yuan", "provincial_yuan", "local_yuan", "self_raised_yuan", "other_yuan", "filled_date",
    ]  # fmt: skip
    by = {x["project"]: x for x in rows}
    # printed "1, 634, 000" (line 532) for 163.40 万元 in the project table
    first = by["2023年、2024年实习大学生生活补贴"]
    assert (first["total_yuan"], first["implementing_unit"], first["filled_date"]) == (
        "1634000",
        "孝义市创业就业服务中心",
        "20240227154252",
    )
    # line 601: "实施期资金总额: 17,500"; line 604: 市县(区)財政资金 17, 500
    nurse = by["护工(护理)培训就业工作经费"]
    assert (nurse["total_yuan"], nurse["local_yuan"], nurse["central_yuan"]) == ("17500", "17500", "0")
    assert nurse["attribute"] == "一次性项目(1年结束)" and nurse["period"] == "1年"
    # line 569-570: 475, 200 of central funds (OCR split the annual figure as "47 ⇥ 75, 200")
    trainee = by["就业补助资金中央见习补贴晋财社(2023)312号)"]
    assert (trainee["total_yuan"], trainee["central_yuan"]) == ("475200", "475200")
    assert "专项业务经费" not in by  # the one project of the table without a target table
