"""Folders: one disclosure per file, the files of one disclosure grouped, bad files reported."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

from yusuan.batch import discover, group_key

FIX = Path(__file__).parent / "fixtures"


def test_group_key_strips_role_words():
    assert group_key(Path("2019_budget_jiangsu_renda-bangongting_narrative.pdf")) == group_key(
        Path("2019_budget_jiangsu_renda-bangongting_tables.pdf")
    )
    assert group_key(Path("某局2024年预算(说明).pdf")) == group_key(Path("某局2024年预算(报表).pdf"))
    assert group_key(Path("a.txt")) != group_key(Path("b.txt"))


def test_folder_run(tmp_path):
    for name in (
        "2024_budget_shanxi-xiaoyi_renshe.txt",
        "2019_budget_jiangsu_renda-bangongting_narrative.pdf",
        "2019_budget_jiangsu_renda-bangongting_tables.pdf",
    ):
        shutil.copy(FIX / name, tmp_path / name)
    (tmp_path / "notes.txt").write_text("床前明月光\n", encoding="utf-8")
    (tmp_path / "ignored.docx").write_bytes(b"PK")
    groups = discover(tmp_path)
    assert [len(g) for g in groups] == [2, 1, 1]
    assert groups[0][0].endswith("_narrative.pdf")  # the narrative (cover, title) first

    meta = tmp_path / "out" / "meta.csv"
    meta.parent.mkdir()
    r = subprocess.run(
        [sys.executable, "-m", "yusuan.cli", "export", str(tmp_path), "--section", "meta", "-o", str(meta)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert "notes.txt" in r.stderr and "不是预算或决算公开文件" in r.stderr
    rows = list(csv.DictReader(meta.read_text(encoding="utf-8").splitlines()))
    assert [(x["department"], x["year"], x["kind"]) for x in rows] == [
        ("江苏省人大常委会办公厅", "2019", "budget"),
        ("孝义市人力资源和社会保障局", "2024", "budget"),
    ]

    out = tmp_path / "reports"
    r = subprocess.run(
        [sys.executable, "-m", "yusuan.cli", "check", str(tmp_path), "-o", str(out), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 1  # the Shanxi sample has errors; notes.txt is unreadable
    assert sorted(p.name for p in out.iterdir()) == [
        "2019_budget_jiangsu_renda-bangongting.json",
        "2024_budget_shanxi-xiaoyi_renshe.json",
    ]
