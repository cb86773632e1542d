"""The ``yusuan`` command: a thin layer over the packages."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from yusuan.i18n import set_lang, tr

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="yusuan 预算: 读取、检查部门预算/决算公开文件并转为数据 / read, check and export budget disclosures.",
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
        raise _fail(OSError(f"{path}: {tr('无法写入输出文件', 'cannot write the output file')}: {e}")) from None


@app.command()
def parse(
    files: Annotated[list[str], typer.Argument(help="公开文件(可多个文件组成一份公开) / the disclosure's files")],
    output: Annotated[str | None, typer.Option("-o", "--output", help="写出模型JSON / write the model as JSON")] = None,
) -> None:
    """读取公开文件并显示摘要 / read a disclosure and show a summary."""
    d = _parse(files)
    if output:
        _write(output, d.model_dump_json(indent=1).encode("utf-8"))
    from yusuan.report.summary import summary_text

    typer.echo(summary_text(d))


class Format(str, Enum):
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


class ExportSection(str, Enum):
    facts = "facts"
    performance = "performance"
    meta = "meta"


@app.command()
def export(
    files: Annotated[list[str], typer.Argument(help="公开文件 / the disclosure's files")],
    output: Annotated[str, typer.Option("-o", "--output", help="输出文件 / output file")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="csv | json | xlsx")] = Format.csv,
    section: Annotated[
        ExportSection, typer.Option("--section", help="facts(报表金额) | performance(绩效目标) | meta(元数据)")
    ] = ExportSection.facts,
) -> None:
    """导出为数据表 / export the facts, performance targets or metadata as a table."""
    from yusuan import export as ex

    d = _parse(files)
    if section is ExportSection.facts:
        rows, cols = ex.fact_rows(d), ex.FACT_COLUMNS
    elif section is ExportSection.performance:
        rows, cols = ex.performance_rows(d), ex.PERFORMANCE_COLUMNS
    else:
        rows, cols = ex.meta_rows(d), ex.META_COLUMNS
    _write(output, ex.render(rows, cols, fmt.value, section.value))
    typer.echo(tr(f"已写出 {len(rows)} 行到 {output}", f"wrote {len(rows)} rows to {output}"), err=True)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
