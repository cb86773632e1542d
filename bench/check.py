"""Benchmark parse and check on one disclosure, in-process, on one core.

Parses the sample N times, checks one parsed copy N times, then parses and checks N times, and
prints documents/s for each (from the median call, so a busy machine's stalls do not decide it;
the 90th percentile shows them), with the peak memory: the process's peak resident size, and the
Python heap peak of one parse + check (tracemalloc, measured apart from the timed runs because
tracing slows them down). The target is 30 documents/s for parse + check.

    python bench/check.py [-n 50] [--rules IDS] [--render text|json|csv|html] [FILE ...]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from yusuan.api import parse
from yusuan.check.engine import run, select_rules
from yusuan.check.rules import RULES

SAMPLE = (
    Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "2024_budget_shanxi-xiaoyi_renshe.txt"
)
TARGET = 30.0


def _rate(n: int, fn) -> tuple[float, float, float]:
    """(documents/s, median ms, 90th-percentile ms) over ``n`` calls of ``fn``.

    The rate is from the median call, so that a busy machine's stalls do not decide the result;
    the 90th percentile shows how large they were.
    """
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    times.sort()
    med = statistics.median(times)
    return 1 / med, 1000 * med, 1000 * times[min(len(times) - 1, int(0.9 * len(times)))]


def _render(fmt: str):
    if fmt == "text":
        from yusuan.report.text import render_text

        return lambda r, rules: render_text(r, rules)
    if fmt == "json":
        from yusuan.report.jsonout import render_json

        return lambda r, rules: render_json(r)
    if fmt == "csv":
        from yusuan.report.csvout import render_csv

        return lambda r, rules: render_csv(r)
    from yusuan.report.html import render_html

    return lambda r, rules: render_html(r, rules)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", help="the disclosure's files (default: the Shanxi sample)")
    ap.add_argument("-n", type=int, default=50, help="runs of each measurement (default 50)")
    ap.add_argument("--rules", default="", help="rule ids, slugs or families, comma-separated (default: all)")
    ap.add_argument(
        "--render", choices=["text", "json", "csv", "html"], help="also time rendering this report"
    )
    args = ap.parse_args(argv)
    files = args.files or [str(SAMPLE)]
    try:
        rules = select_rules(RULES, args.rules.split(","))
    except KeyError as e:
        ap.error(f"unknown rules: {e.args[0]} (list them with `yusuan rules`)")
    n = max(1, args.n)

    d = parse(files)  # warm up: imports, regex compilation, catalog loading
    run(d, rules)
    rows = [
        ("parse", *_rate(n, lambda: parse(files))),
        ("check", *_rate(n, lambda: run(d, rules))),
        ("parse + check", *_rate(n, lambda: run(parse(files), rules))),
    ]
    if args.render:
        render = _render(args.render)
        result = run(d, rules)
        rows.append((f"render {args.render}", *_rate(n, lambda: render(result, rules))))
        rows.append(
            (f"parse + check + {args.render}", *_rate(n, lambda: render(run(parse(files), rules), rules)))
        )

    tracemalloc.start()
    run(parse(files), rules)
    heap_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    # ru_maxrss is in KiB on Linux, bytes on macOS
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (
        1024 * 1024 if sys.platform == "darwin" else 1024
    )

    result = run(d, rules)
    c = result.counts()
    print(f"input: {', '.join(files)}")
    py = sys.version.split()[0]
    print(f"rules: {len(rules)}   findings: {len(result.findings)}   runs: {n}   python {py}")
    print()
    print(f"{'':<28}{'documents/s':>12}{'ms median':>12}{'ms p90':>10}")
    for name, rate, ms, p90 in rows:
        print(f"{name:<28}{rate:>12.1f}{ms:>12.2f}{p90:>10.2f}")
    print()
    print(
        f"peak memory: {rss:.0f} MiB resident (whole process); {heap_peak / 1048576:.1f} MiB Python heap "
        "for one parse + check"
    )
    pc = rows[2][1]
    verdict = "met" if pc >= TARGET else "NOT met"
    print(f"target ≥ {TARGET:.0f} documents/s for parse + check: {verdict} ({pc:.1f})")
    if c["error"]:
        print(f"warning: {c['error']} rules crashed on this input", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
