"""1,000 truncated or byte-flipped copies of the sample PDFs (fixed seed) through the whole
pipeline — read, extract, check — never crash: each gives a result or a clear YusuanError that
names the file."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest

from yusuan.check.engine import run
from yusuan.extract import extract
from yusuan.read import sniff
from yusuan.read.errors import YusuanError
from yusuan.read.pdf import read_pdf

FIXTURES = Path(__file__).parent / "fixtures"
PDFS = sorted(FIXTURES.glob("*.pdf"))
PER_FILE = 200  # × 5 sample PDFs = 1,000 copies


def mutate(data: bytes, rng: random.Random) -> bytes:
    """Truncate, overwrite a few bytes, or scramble a run of up to 2,000 bytes."""
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


def test_five_sample_pdfs_are_the_corpus():
    assert len(PDFS) == 5


@pytest.mark.parametrize("path", PDFS, ids=[p.stem for p in PDFS])
def test_mutated_copies_parse_or_fail_clearly(path):
    data = path.read_bytes()
    rng = random.Random(f"yusuan-fuzz-{path.name}")
    parsed = failed = 0
    for i in range(PER_FILE):
        blob = mutate(data, rng)
        name = f"{path.stem}-mutant-{i}.pdf"
        try:
            if sniff(blob) != "pdf":
                continue  # truncated before the header: the loader refuses it as not a PDF
            d = extract(read_pdf(blob, name, hashlib.sha256(blob).hexdigest()))
            result = run(d)
        except YusuanError as e:
            assert name in str(e)
            failed += 1
        else:
            assert not [o for o in result.outcomes if o.status == "error"], name
            parsed += 1
    assert parsed + failed > PER_FILE * 0.9
