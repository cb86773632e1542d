"""Benchmark OCR (the extra ``yusuan[ocr]``) on rendered pages of the sample PDFs.

Prints one row per page: its size in pixels, the best of ``--repeat`` runs of
:func:`yusuan.read.ocr.ocr_image` in seconds and as pages/s, the lines read, and how many of the
page's numeric cells (from its text layer, the ground truth) OCR gives back. A last row reads a
whole PDF whose table pages were replaced by images, through :func:`yusuan.read.pdf.read_pdf`
(render + OCR + the text pages). The engine's one-off start-up (loading the models) is timed
apart. All runs use every core the engine finds (ONNX Runtime's default).

    python bench/ocr.py [--repeat 2]
"""

from __future__ import annotations

import argparse
import collections
import io
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

from yusuan.read import ocr
from yusuan.read._pdf_layout import is_numeric
from yusuan.read.pdf import read_pdf

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
PAGES = [
    ("2024_final_shanghai-putuo_shehui-gongzuobu.pdf", 12),
    ("2024_final_shanghai-putuo_shehui-gongzuobu.pdf", 13),
    ("2025_unitbudget_shanghai_caizhengju.pdf", 7),
    ("2025_budget_shanghai-putuo_wanli-jiedao.pdf", 10),
    ("2019_budget_jiangsu_renda-bangongting_tables.pdf", 1),
]


def _numbers(cells: list[list[str]]) -> collections.Counter:
    return collections.Counter(c.replace(" ", "") for row in cells for c in row if is_numeric(c))


def _scanned(path: Path, pages: set[int], scale: float = 2.0) -> bytes:
    """``path`` with ``pages`` (1-based) replaced by images of themselves (no text layer)."""
    src = pdfium.PdfDocument(path)
    out = pdfium.PdfDocument.new()
    for index in range(len(src)):
        if index + 1 in pages:
            buf = io.BytesIO()
            src[index].render(scale=scale, grayscale=True).to_pil().save(buf, "PDF", resolution=72 * scale)
            out.import_pages(pdfium.PdfDocument(buf.getvalue()))
        else:
            out.import_pages(src, [index])
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=2, help="runs per page; the best is shown")
    args = ap.parse_args(argv)
    if not ocr.available():
        print("OCR extra not installed: pip install 'yusuan[ocr]'", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    ocr._engine()
    print(f"engine start-up: {time.perf_counter() - t0:.2f} s")
    print(f"{'page':<52} {'pixels':>11} {'s/page':>7} {'pages/s':>8} {'lines':>6} {'numbers':>9}")
    total_time = 0.0
    for name, pageno in PAGES:
        data = (FIXTURES / name).read_bytes()
        truth = [ln.cells for ln in read_pdf(data, name, "0").lines if ln.page == pageno]
        pdf = pdfium.PdfDocument(data)
        page = pdf[pageno - 1]
        scale = ocr.render_scale(*page.get_size())
        gray = page.render(scale=scale, grayscale=True).to_numpy().copy()
        best = float("inf")
        lines = []
        for _ in range(max(1, args.repeat)):
            t0 = time.perf_counter()
            lines = ocr.ocr_image(gray, page=pageno, file=name, scale=scale)
            best = min(best, time.perf_counter() - t0)
        total_time += best
        want, got = _numbers(truth), _numbers([ln.cells for ln in lines])
        label = f"{name[:-4]} p{pageno}"
        print(
            f"{label:<52} {gray.shape[1]:>5}x{gray.shape[0]:<5} {best:>7.2f} {1 / best:>8.2f} {len(lines):>6}"
            f" {sum((want & got).values()):>4}/{sum(want.values()):<4}"
        )
    mean = total_time / len(PAGES)
    print(f"{'mean over the pages':<52} {'':>11} {mean:>7.2f} {1 / mean:>8.2f}")

    name = "2024_final_shanghai-putuo_shehui-gongzuobu.pdf"
    blob = _scanned(FIXTURES / name, {12, 13})
    t0 = time.perf_counter()
    doc = read_pdf(blob, "scanned.pdf", "0")
    took = time.perf_counter() - t0
    ocred = [n for n in doc.notes if "read by OCR" in n]
    pages = doc.pages or 0
    print(f"read_pdf, {pages} pages of which {len(ocred)} scanned: {took:.2f} s ({pages / took:.1f} pages/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
