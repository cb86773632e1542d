"""Rounding tolerance: when a difference is rounding and when it is an error (DOMAIN.md).

Published figures are rounded independently. A figure printed with ``p`` decimals can be off
from the true value by half a unit in its last place; a sum of ``n`` printed figures compared
with a printed total can differ by up to the sum of all their half-units. Within that bound the
difference is rounding (a notice); outside it, an error. Amounts in different units are
converted exactly (1 万元 = 10,000 元) before comparing, and the bound converted with them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from yusuan.model import Amount
from yusuan.model.amount import UNIT_FACTOR


@dataclass(frozen=True)
class Comparison:
    expected: Decimal
    actual: Decimal
    difference: Decimal
    tolerance: Decimal
    unit: str

    @property
    def equal(self) -> bool:
        return self.difference == 0

    @property
    def rounding(self) -> bool:
        """Different, but inside the rounding bound."""
        return self.difference != 0 and abs(self.difference) <= self.tolerance

    @property
    def error(self) -> bool:
        return abs(self.difference) > self.tolerance


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal:
    if from_unit == to_unit:
        return value
    return value * UNIT_FACTOR[from_unit] / UNIT_FACTOR[to_unit]


def common_unit(amounts: Iterable[Amount]) -> str:
    """The coarser unit among the amounts (万元 if any is in 万元): compare at the printed grain."""
    units = {a.unit for a in amounts}
    return "万元" if "万元" in units else "元"


def half_ulps(amounts: Iterable[Amount], unit: str) -> Decimal:
    return sum((a.half_ulp(unit) for a in amounts), Decimal(0))


def compare_sum(total: Amount, parts: list[Amount], unit: str | None = None) -> Comparison | None:
    """``total`` against the sum of ``parts``. None when any figure is unreadable.

    Expected is the sum of the parts, actual the printed total.
    """
    if total.value is None or any(p.value is None for p in parts):
        return None
    unit = unit or common_unit([total, *parts])
    expected = sum((convert(p.value, p.unit, unit) for p in parts), Decimal(0))  # type: ignore[arg-type]
    actual = convert(total.value, total.unit, unit)
    tol = half_ulps([total, *parts], unit)
    return Comparison(expected, actual, actual - expected, tol, unit)


def compare(expected: Amount, actual: Amount, unit: str | None = None) -> Comparison | None:
    """Two printings of what should be the same figure."""
    return compare_sum(actual, [expected], unit)


def compare_values(expected: Decimal, actual: Decimal, unit: str, tolerance: Decimal) -> Comparison:
    return Comparison(expected, actual, actual - expected, tolerance, unit)


def percent_tolerance(printed_precision: int) -> Decimal:
    """Half a unit of the last printed decimal of a percentage."""
    return Decimal(5) * Decimal(10) ** (-(printed_precision + 1))


def ratio_tolerance(part: Amount, whole: Amount, printed_precision: int) -> Decimal:
    """Tolerance for a printed percentage of ``part / whole``.

    Half a unit of the percentage's last printed decimal, plus how far the rounding of the two
    printed amounts can move the true ratio (first-order bound).
    """
    tol = percent_tolerance(printed_precision)
    if part.value is None or whole.value is None or whole.value == 0:
        return tol
    unit = common_unit([part, whole])
    p = abs(convert(part.value, part.unit, unit))
    w = abs(convert(whole.value, whole.unit, unit))
    hp, hw = part.half_ulp(unit), whole.half_ulp(unit)
    return tol + Decimal(100) * (hp / w + p * hw / (w * w))
