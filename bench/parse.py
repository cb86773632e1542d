"""Parse the primary sample N times in-process; print documents/s, MB/s and peak memory.

    python bench/parse.py [-n 100] [FILE]

Also times a cold start of the ``yusuan parse`` command (a new process, once).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "2024_budget_shanxi-xiaoyi_renshe.txt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=100, help="parses to time (default 100)")
    ap.add_argument("file", nargs="?", default=str(SAMPLE))
    args = ap.parse_args()

    from yusuan.api import parse

    size = Path(args.file).stat().st_size
    parse(args.file)  # warm up imports and caches
    t0 = time.perf_counter()
    for _ in range(args.n):
        parse(args.file)
    dt = time.perf_counter() - t0
    tracemalloc.start()
    parse(args.file)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    t1 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "yusuan.cli", "parse", args.file], check=True, capture_output=True)
    cold = time.perf_counter() - t1

    rows = [
        ("file", Path(args.file).name),
        ("parses", str(args.n)),
        ("documents/s", f"{args.n / dt:.1f}"),
        ("ms/document", f"{dt / args.n * 1000:.2f}"),
        ("MB/s", f"{size * args.n / dt / 1e6:.2f}"),
        ("peak memory of one parse (MB)", f"{peak / 1e6:.1f}"),
        ("cold start `yusuan parse` (s)", f"{cold:.2f}"),
    ]
    w = max(len(k) for k, _ in rows)
    print(f"{'measure':<{w}}  value")
    print(f"{'-' * w}  -----")
    for k, v in rows:
        print(f"{k:<{w}}  {v}")


if __name__ == "__main__":
    main()
