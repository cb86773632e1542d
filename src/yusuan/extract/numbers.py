"""Reading printed numbers: amounts, percentages, counts.

A printed number is read exactly or not at all. ``35892. 39`` (digits split by a space in the
text layer) reads as 35892.39 with the flag ``digits_split``; ``35.949.39`` is malformed and
reads as None with the flag ``malformed``: the raw text is kept, the value never guessed.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

# A cell that is a number, perhaps with thousands separators, spaces between digit groups,
# a sign, and full-width digits already normalised.
_NUMBERISH = re.compile(r"^[-+]?[\d\s,，.．]*\d[\d\s,，.．]*$")
_CLEAN = re.compile(r"^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_SPLIT = re.compile(r"\d\s+[\d.,]|[.,]\s+\d")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－＋", "0123456789.,-+")
# Plain ASCII digits, perhaps with decimals, perhaps split by one space after the point (``35892. 39``):
# most printed amounts. parse_number reads them without the general path below, to the same result
# (nothing to normalise or strip; no flag but ``digits_split`` for the split ones).
PLAIN_NUMBER = re.compile(r"[0-9]+(?:\.( )?[0-9]+)?")


class Parsed(NamedTuple):
    value: Decimal | None
    precision: int
    flags: tuple[str, ...]


def normalise(text: str) -> str:
    """Full-width digits and punctuation to ASCII; non-breaking spaces to spaces."""
    return text.translate(_FULLWIDTH).replace("\u00a0", " ").replace("\u3000", " ")


_NUMBER_START = frozenset("-+－＋,，.．")


def looks_numeric(text: str) -> bool:
    """True when the cell is meant as a number (digits, separators, spaces only)."""
    # normalise maps characters one to one and white space to white space, so stripping before
    # or after it is the same; and the pattern can only start with a sign, a separator or a digit
    # (\d is str.isdecimal). Most cells tested are empty, names or labels: they fail at once.
    t = text.strip()
    if not t or not (t[0].isdecimal() or t[0] in _NUMBER_START):
        return False
    return bool(_NUMBERISH.match(t if t.isascii() else normalise(t)))


def parse_number(raw: str) -> Parsed:
    """Read a printed number exactly. See the module docstring for the flags."""
    m = PLAIN_NUMBER.fullmatch(raw)
    if m is not None:
        i = raw.find(".")
        if i < 0:
            return Parsed(Decimal(raw), 0, ())
        if m.group(1) is None:
            return Parsed(Decimal(raw), len(raw) - i - 1, ())
        return Parsed(Decimal(raw[: i + 1] + raw[i + 2 :]), len(raw) - i - 2, ("digits_split",))
    # ASCII text has nothing to normalise (the table maps full-width characters only)
    text = raw.strip() if raw.isascii() else normalise(raw).strip()
    flags: list[str] = []
    if not _NUMBERISH.match(text):
        return Parsed(None, 0, ("not_a_number",))
    if " " in text or "\t" in text:
        if _SPLIT.search(text):
            flags.append("digits_split")
        compact = "".join(text.split()).replace("，", ",")
    else:
        compact = text.replace("，", ",")
    if not _CLEAN.match(compact):
        return Parsed(None, 0, (*flags, "malformed"))
    if "," in compact:
        flags.append("thousands")
    compact = compact.replace(",", "")
    try:
        value = Decimal(compact)
    except InvalidOperation:  # pragma: no cover - guarded by the regex
        return Parsed(None, 0, (*flags, "malformed"))
    precision = len(compact.split(".", 1)[1]) if "." in compact else 0
    return Parsed(value, precision, tuple(flags))


_PERCENT = re.compile(r"([-+]?\d+(?:\.\d+)?)\s*[%％]")


def parse_percent(raw: str) -> Parsed:
    """``13.33%`` → (13.33, 2). Without a % sign → None with ``no_percent_sign``."""
    m = _PERCENT.search(normalise(raw))
    if not m:
        return Parsed(None, 0, ("no_percent_sign",))
    s = m.group(1)
    return Parsed(Decimal(s), len(s.split(".", 1)[1]) if "." in s else 0, ())
