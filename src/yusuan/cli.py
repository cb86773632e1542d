"""The ``yusuan`` command: a thin layer over the packages."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from yusuan.i18n import set_lang, tr

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help=(
        "yusuan 预算: 读取、检查部门预算/决算公开文件并转为数据 / read, check and export budget disclosures."
    ),
)

_state = {"debug": False}


@app.callback()
def _main(
    lang: Annotated[str, typer.Option("--lang", help="输出语言 zh|en / output language")] = "",
    debug: Annotated[bool, typer.Option("--debug", help="出错时显示完整调用栈 / show tracebacks")] = False,
) -> None:
    if lang:
        set_lang(lang)
    _state["debug"] = debug


def _fail(err: BaseException, code: int = 2) -> typer.Exit:
    if _state["debug"]:
        raise err
    typer.echo(f"yusuan: {err}", err=True)
    return typer.Exit(code)


def _parse(paths: list[str]):
    from yusuan.api import parse
    from yusuan.read.errors import YusuanError

    try:
        return parse(paths)
    except YusuanError as e:
        raise _fail(e) from None


def _write(path: str, data: bytes) -> None:
    from yusuan.export import atomic_write

    try:
        atomic_write(path, data)
    except OSError as e:
        raise _fail(
            OSError(f"{path}: {tr('无法写入输出文件', 'cannot write the output file')}: {e}")
        ) from None


@app.command()
def parse(
    files: Annotated[
        list[str], typer.Argument(help="公开文件(可多个文件组成一份公开) / the disclosure's files")
    ],
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="写出模型JSON / write the model as JSON")
    ] = None,
) -> None:
    """读取公开文件并显示摘要 / read a disclosure and show a summary.

    给出一个文件夹时逐份读取其中的公开文件 / given a folder, reads every disclosure in it.
    """
    if _folder(files):
        _parse_folder(files[0], output)
        return
    d = _parse(files)
    if output:
        _write(output, d.model_dump_json(indent=1).encode("utf-8"))
    from yusuan.report.summary import summary_text

    typer.echo(summary_text(d))


class Format(StrEnum):
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


class ExportSection(StrEnum):
    facts = "facts"
    performance = "performance"
    meta = "meta"


@app.command()
def export(
    files: Annotated[list[str], typer.Argument(help="公开文件 / the disclosure's files")],
    output: Annotated[str, typer.Option("-o", "--output", help="输出文件 / output file")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="csv | json | xlsx")] = Format.csv,
    section: Annotated[
        ExportSection,
        typer.Option("--section", help="facts(报表金额) | performance(绩效目标) | meta(元数据)"),
    ] = ExportSection.facts,
) -> None:
    """导出为数据表 / export the facts, performance targets or metadata as a table."""
    from yusuan import export as ex

    pick = {
        ExportSection.facts: (ex.fact_rows, ex.FACT_COLUMNS),
        ExportSection.performance: (ex.performance_rows, ex.PERFORMANCE_COLUMNS),
        ExportSection.meta: (ex.meta_rows, ex.META_COLUMNS),
    }
    make, cols = pick[section]
    if _folder(files):
        # every disclosure of the folder in one table: doc_id tells them apart
        rows = []
        for item in _each_in_folder(files[0]):
            if item.disclosure is not None:
                rows.extend(make(item.disclosure))
    else:
        rows = make(_parse(files))
    _write(output, ex.render(rows, cols, fmt.value, section.value))
    typer.echo(tr(f"已写出 {len(rows)} 行到 {output}", f"wrote {len(rows)} rows to {output}"), err=True)


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"
    html = "html"


class MinSeverity(StrEnum):
    error = "error"
    warning = "warning"
    notice = "notice"


_FORMAT_BY_SUFFIX = {".txt": "text", ".json": "json", ".csv": "csv", ".html": "html", ".htm": "html"}


def _select_rules(specs: list[str] | None):
    """The rules named by ``--rules`` (ids, slugs or families, comma-separated); all when none."""
    from yusuan.check.engine import select_rules
    from yusuan.check.rules import BY_ID, RETIRED, RULES

    slugs = {r.slug for r in RULES}
    wanted = []
    for spec in specs or []:
        for item in spec.split(","):
            item = item.strip()
            if not item:
                continue
            item = item if item in slugs else item.upper()
            if item in RETIRED and item not in BY_ID:
                new = RETIRED[item]
                if new not in BY_ID:
                    raise _fail(ValueError(tr(f"{item} 已停用: {new}", f"{item} is retired: {new}")))
                typer.echo(tr(f"{item} 已停用,改用 {new}", f"{item} is retired, using {new}"), err=True)
                item = new
            wanted.append(item)
    try:
        return select_rules(RULES, wanted)
    except KeyError as e:
        msg = tr(
            f"未知的规则: {e.args[0]}(用 yusuan rules 查看全部规则编号)",
            f"unknown rules: {e.args[0]} (list them with `yusuan rules`)",
        )
        raise _fail(ValueError(msg)) from None


def _width() -> int:
    import shutil

    if not sys.stdout.isatty():
        return 100
    return max(80, min(120, shutil.get_terminal_size((100, 24)).columns))


_FILES_HELP = "公开文件(可多个文件组成一份公开) / the disclosure's files"
_FORMAT_HELP = "text | json | csv | html;默认按 -o 的扩展名 / default: from -o, else text"
_RULES_HELP = "只运行这些规则:编号、slug或类别,逗号分隔 / ids, slugs or families, comma-separated"
_MIN_SEVERITY_HELP = (
    "只列出此级别及以上的发现;notice 逐条列出舍入差异 / list findings at this level and above; "
    "notice lists each rounding difference"
)


@app.command()
def check(
    files: Annotated[list[str], typer.Argument(help=_FILES_HELP)],
    fmt: Annotated[CheckFormat | None, typer.Option("--format", "-f", help=_FORMAT_HELP)] = None,
    output: Annotated[str | None, typer.Option("-o", "--output", help="写出报告 / write the report")] = None,
    rule_ids: Annotated[list[str] | None, typer.Option("--rules", help=_RULES_HELP)] = None,
    min_severity: Annotated[
        MinSeverity | None, typer.Option("--min-severity", help=_MIN_SEVERITY_HELP)
    ] = None,
) -> None:
    """检查公开文件并报告问题 / check a disclosure and report what is wrong.

    退出码 / exit code: 0 无错误 / no errors; 1 有错误或规则出错 / errors found or a rule failed;
    2 输入无法使用或参数错误 / unusable input or bad arguments.
    """
    from yusuan.check.engine import run
    from yusuan.report.text import ReportOptions

    rules = _select_rules(rule_ids)
    opts = ReportOptions(min_severity=min_severity.value if min_severity else None, debug=_state["debug"])
    if _folder(files):
        _check_folder(files[0], rules, opts, fmt.value if fmt else "html", output)
        return
    if fmt is not None:
        kind = fmt.value
    else:
        kind = _FORMAT_BY_SUFFIX.get(Path(output).suffix.lower(), "text") if output else "text"
    d = _parse(files)
    result = run(d, rules)
    data = _render(kind, result, rules, opts, output)
    if output:
        _write(output, data)
        c = result.counts()
        e, w, n = c["findings_error"], c["findings_warning"], c["findings_notice"]
        typer.echo(
            tr(
                f"已写出{kind}报告到 {output}: 错误 {e} · 警告 {w} · 提示 {n}",
                f"wrote the {kind} report to {output}: {e} errors, {w} warnings, {n} notices",
            ),
            err=True,
        )
    else:
        typer.echo(data, nl=False)
    if result.has_errors or any(o.status == "error" for o in result.outcomes):
        raise typer.Exit(1)


@app.command("rules")
def rules_(
    rule_id: Annotated[str | None, typer.Argument(help="规则编号或slug / a rule id or slug")] = None,
    markdown: Annotated[bool, typer.Option("--markdown", help="输出规则参考 / print the reference")] = False,
) -> None:
    """列出检查规则,或显示一条规则 / list the rules, or show one."""
    from yusuan.check.rules import BY_ID, RETIRED, RULES
    from yusuan.report import ruledoc

    if rule_id is None:
        typer.echo((ruledoc.generate() if markdown else ruledoc.catalogue_text()).encode("utf-8"), nl=False)
        return
    rid = rule_id.upper()
    rule = BY_ID.get(rid) or next((r for r in RULES if r.slug == rule_id), None)
    if rule is None:
        if rid in RETIRED:
            msg = tr(f"规则 {rid} 已停用: {RETIRED[rid]}", f"rule {rid} is retired: {RETIRED[rid]}")
        else:
            msg = tr(f"没有规则 {rule_id}(见 yusuan rules)", f"no rule {rule_id} (see `yusuan rules`)")
        raise _fail(ValueError(msg))
    text = ruledoc.rule_markdown(rule) if markdown else ruledoc.rule_text(rule, _width())
    typer.echo(text.encode("utf-8"), nl=False)


def _render(kind: str, result, rules, opts, output: str | None) -> bytes:
    if kind == "json":
        from yusuan.report.jsonout import render_json

        return render_json(result, opts)
    if kind == "csv":
        from yusuan.report.csvout import render_csv

        return render_csv(result, opts)
    if kind == "html":
        from yusuan.report.html import render_html

        return render_html(result, rules, opts).encode("utf-8")
    from yusuan.report.text import render_text

    return render_text(result, rules, opts, width=_width() if not output else 100).encode("utf-8")


def _folder(files: list[str]) -> bool:
    """One argument that is a folder: a run over every disclosure in it."""
    if any(Path(f).is_dir() for f in files):
        if len(files) > 1:
            raise _fail(
                ValueError(
                    tr("文件夹只能单独给出,不能与其他文件同用", "give a folder alone, not with other files")
                )
            )
        return True
    return False


def _each_in_folder(folder: str):
    from yusuan.batch import discover, parse_all

    groups = discover(folder)
    if not groups:
        raise _fail(
            ValueError(f"{folder}: {tr('文件夹中没有可读取的文件', 'no readable files in the folder')}")
        )
    for item in parse_all(groups):
        if item.error:
            typer.echo(f"yusuan: {item.error}", err=True)
        yield item


def _parse_folder(folder: str, output: str | None) -> None:
    import json

    docs = []
    for item in _each_in_folder(folder):
        d = item.disclosure
        if d is None:
            continue
        m = d.meta
        typer.echo(
            f"{m.doc_id}  {m.department or '?'}  {m.year or '?'}  {m.kind or '?'}  "
            + tr(f"报表 {len(d.tables)} 张", f"{len(d.tables)} tables")
            + f"  {', '.join(item.files)}"
        )
        docs.append(json.loads(d.model_dump_json()))
    if output:
        _write(output, json.dumps(docs, ensure_ascii=False, indent=1).encode("utf-8"))


def _check_folder(folder: str, rules, opts, kind: str, output: str | None) -> None:
    """Check every disclosure in a folder: a summary line each; with -o, a report each in that folder."""
    from yusuan.check.engine import run

    outdir = Path(output) if output else None
    if outdir is not None:
        outdir.mkdir(parents=True, exist_ok=True)
    suffix = {"text": "txt"}.get(kind, kind)
    worst = 0
    header = tr("错误 警告 提示  文件", "errors warnings notices  file")
    typer.echo(header)
    for item in _each_in_folder(folder):
        if item.disclosure is None:
            worst = max(worst, 2)
            typer.echo(f"  -    -    -   {', '.join(item.files)}  [{tr('无法读取', 'unreadable')}]")
            continue
        result = run(item.disclosure, rules)
        c = result.counts()
        if result.has_errors:
            worst = max(worst, 1)
        counts = f"{c['findings_error']:>4} {c['findings_warning']:>4} {c['findings_notice']:>4}"
        line = f"{counts}   {', '.join(item.files)}"
        if outdir is not None:
            target = outdir / f"{item.name}.{suffix}"
            _write(str(target), _render(kind, result, rules, opts, str(target)))
            line += f"  → {target}"
        typer.echo(line)
    if worst:
        raise typer.Exit(1)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
