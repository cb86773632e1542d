"""Benchmark the PDF reader on the sample PDFs.

Prints one row per file: pages, seconds and pages/s for :func:`yusuan.read.pdf.read_pdf`
(best of ``--repeat`` runs, one core), and pdfplumber's ``extract_tables`` time on the same
file for comparison (skip it with ``--no-pdfplumber``). With ``--fuzz N`` it also reads N
truncated or byte-flipped copies of each file (fixed seed) and checks that each one either
reads or raises ReadError.

    python bench/pdf_read.py [--repeat 3] [--no-pdfplumber] [--fuzz 1000] [files...]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from pathlib import Path

from yusuan.read.errors import ReadError
from yusuan.read.pdf import read_pdf

SAMPLES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
FALLBACK = Path("/work/shared/samples")


def _files(args: list[str]) -> list[Path]:
    if args:
        return [Path(a) for a in args]
    found = sorted(SAMPLES.glob("*.pdf"))
    return found or sorted(FALLBACK.glob("*.pdf"))


def _time_read(data: bytes, name: str, repeat: int) -> tuple[int, float]:
    best = float("inf")
    pages = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        doc = read_pdf(data, name, hashlib.sha256(data).hexdigest())
        best = min(best, time.perf_counter() - t0)
        pages = doc.pages or 0
    return pages, best


def _time_pdfplumber(path: Path) -> float | None:
    try:
        import pdfplumber
    except ImportError:
        return None
    t0 = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
    return time.perf_counter() - t0


def mutate(data: bytes, rng: random.Random) -> bytes:
    """A truncated copy, or a copy with a few bytes overwritten / a run of bytes scrambled."""
    kind = rng.randrange(3)
    if kind == 0:
        return data[: rng.randrange(len(data))]
    buf = bytearray(data)
    if kind == 1:
        for _ in range(rng.randint(1, 20)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    else:
        start = rng.randrange(len(buf))
        for k in range(start, min(len(buf), start + rng.randint(1, 2000))):
            buf[k] = rng.randrange(256)
    return bytes(buf)


def fuzz(path: Path, n: int, seed: int = 20250101) -> tuple[int, int, float, float]:
    """Read ``n`` mutated copies; return (read, ReadError, total seconds, slowest seconds).
    Any other exception propagates."""
    data = path.read_bytes()
    rng = random.Random(seed)
    ok = bad = 0
    slowest = 0.0
    t_all = time.perf_counter()
    for _ in range(n):
        blob = mutate(data, rng)
        t0 = time.perf_counter()
        try:
            read_pdf(blob, path.name, "")
            ok += 1
        except ReadError:
            bad += 1
        slowest = max(slowest, time.perf_counter() - t0)
    return ok, bad, time.perf_counter() - t_all, slowest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-pdfplumber", action="store_true")
    ap.add_argument("--fuzz", type=int, default=0, metavar="N")
    opts = ap.parse_args(argv)
    files = _files(opts.files)
    if not files:
        print("no PDF files found", file=sys.stderr)
        return 1
    print(f"{'file':<56} {'pages':>5} {'seconds':>8} {'pages/s':>8} {'pdfplumber s':>12}")
    total_pages = 0
    total_s = 0.0
    for path in files:
        data = path.read_bytes()
        pages, secs = _time_read(data, path.name, opts.repeat)
        total_pages += pages
        total_s += secs
        plumber = None if opts.no_pdfplumber else _time_pdfplumber(path)
        ptxt = f"{plumber:12.2f}" if plumber is not None else f"{'-':>12}"
        print(f"{path.name:<56} {pages:>5} {secs:8.3f} {pages / secs:8.0f} {ptxt}")
    print(f"{'total':<56} {total_pages:>5} {total_s:8.3f} {total_pages / total_s:8.0f}")
    if opts.fuzz:
        print(f"\nfuzz: {opts.fuzz} mutated copies per file (truncated / bytes overwritten)")
        for path in files:
            ok, bad, secs, slowest = fuzz(path, opts.fuzz)
            print(f"{path.name:<56} read {ok:>5}  ReadError {bad:>5}  {secs:7.1f} s  slowest {slowest:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
