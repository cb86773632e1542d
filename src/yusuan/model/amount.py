"""Money: a Decimal with its unit, printed precision and provenance."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

Unit = Literal["元", "万元"]

#: 元 per unit.
UNIT_FACTOR: dict[str, Decimal] = {"元": Decimal(1), "万元": Decimal(10000)}


# Amount and Provenance are plain dataclasses, not pydantic models: a document holds thousands of
# them and building them is the extractor's hot path. Pydantic still validates and serialises them
# as fields of the models in disclosure.py, and they appear in the JSON Schema.


@dataclass(slots=True)
class Provenance:
    """Where a value was read: file, page (when the input has pages), line, cell, raw text."""

    file: str = ""
    page: int | None = None
    line: int | None = None
    cell: int | None = None
    raw: str = ""


@dataclass(slots=True)
class Amount:
    """A printed amount.

    ``value`` is None when the printed text could not be read as a number (``raw`` keeps it and
    ``flags`` says why); a value is never guessed. ``precision`` is the number of decimals as
    printed (``35892.39`` → 2, ``189767551`` → 0); rounding tolerances derive from it.
    """

    value: Decimal | None
    unit: Unit
    precision: int = 2
    raw: str = ""
    source: Provenance = field(default_factory=Provenance)
    #: e.g. ``digits_split`` (``35892. 39``), ``malformed`` (``35.949.39``),
    #: ``ocr_separators`` (``17, 225, 82``), ``ocr_conflict`` (two readings disagree).
    flags: list[str] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return self.value is not None

    def in_unit(self, unit: str) -> Decimal | None:
        """The value converted to ``unit`` (元 or 万元), exactly."""
        if self.value is None:
            return None
        if unit == self.unit:
            return self.value
        return self.value * UNIT_FACTOR[self.unit] / UNIT_FACTOR[unit]

    def half_ulp(self, unit: str | None = None) -> Decimal:
        """Half a unit in the last printed place, in ``unit`` (default: the amount's own).

        The most a correctly rounded printed figure can differ from the true figure.
        """
        h = Decimal(5) * Decimal(10) ** (-(self.precision + 1))
        if unit and unit != self.unit:
            h = h * UNIT_FACTOR[self.unit] / UNIT_FACTOR[unit]
        return h

    def plain(self) -> str:
        """The printed decimal as a plain string, no separators: ``35892.39``."""
        return "" if self.value is None else format(self.value, "f")
