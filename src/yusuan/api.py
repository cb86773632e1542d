"""The small public API: read and extract a disclosure in one call."""

from __future__ import annotations

from yusuan.extract import extract
from yusuan.model import Disclosure
from yusuan.read import load


def parse(paths: list[str] | str) -> Disclosure:
    """Read one disclosure (one file, or several files of one disclosure) into the model.

    Raises :class:`yusuan.read.errors.YusuanError` (ReadError, NotADisclosureError) on unusable input.
    """
    return extract(load(paths))
