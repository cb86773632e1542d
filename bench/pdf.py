"""End-to-end speed on the sample PDFs: read + extract + check, against pdfplumber's
``extract_tables`` on the same files in the same run.

    python bench/pdf.py [--repeat 3] [files...]

Prints one row per file (pages, yusuan pages/s end to end, pdfplumber extract_tables pages/s,
ratio) and the totals. One core, in-process; the best of ``--repeat`` runs for yusuan, one run
for pdfplumber (it is the slower one by far).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def yusuan_seconds(path: Path, repeat: int) -> tuple[int, float]:
    from yusuan.check.engine import run
    from yusuan.extract import extract
    from yusuan.read.errors import YusuanError
    from yusuan.read.pdf import read_pdf

    data = path.read_bytes()
    best, pages = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        doc = read_pdf(data, str(path), hashlib.sha256(data).hexdigest())
        # a file of narrative only raises NotADisclosureError: read and tried, as a user's run would
        with contextlib.suppress(YusuanError):
            run(extract(doc))
        best = min(best, time.perf_counter() - t0)
        pages = doc.pages or 0
    return pages, best


def pdfplumber_seconds(path: Path) -> float:
    import pdfplumber

    t0 = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    files = [Path(f) for f in args.files] or sorted(SAMPLES.glob("*.pdf"))
    import yusuan.check.rules  # noqa: F401 - import cost outside the timings

    rows = []
    for f in files:
        pages, ys = yusuan_seconds(f, args.repeat)
        pp = pdfplumber_seconds(f)
        rows.append((f.name, pages, ys, pp))
    w = max(len(r[0]) for r in rows)
    print(f"{'file':<{w}}  pages  yusuan p/s  pdfplumber p/s  ratio")
    for name, pages, ys, pp in rows:
        print(f"{name:<{w}}  {pages:>5}  {pages / ys:>10.1f}  {pages / pp:>14.1f}  {pp / ys:>5.1f}x")
    tp = sum(r[1] for r in rows)
    ty = sum(r[2] for r in rows)
    tpp = sum(r[3] for r in rows)
    print(f"{'total':<{w}}  {tp:>5}  {tp / ty:>10.1f}  {tp / tpp:>14.1f}  {tpp / ty:>5.1f}x")


if __name__ == "__main__":
    main()
