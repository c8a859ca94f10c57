"""Units and quantities: the canonical units (DESIGN section 3), written units, and quantities.

Canonical units are ``count``, ``persons``, ``percent``, ``CNY`` (yuan) and ``FLOPS``. A written
quantity is a number, a scale (万, 亿, 万亿) and a written unit (元, 人, 家, EFLOPS, P...):
7000亿元 is 7e11 CNY, 90EFLOPS is 9e19 FLOPS. :func:`quantity` reads the forms targets.toml
and CSV imports use; :func:`human_value` writes a canonical value back in the same terms.
Reading numerals in running Chinese text is the extractor's job (``monitor.extract``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from monitor.core.errors import ParseError

__all__ = [
    "CANONICAL_UNITS",
    "SCALES",
    "WRITTEN_UNITS",
    "human_value",
    "quantity",
    "to_canonical",
]

CANONICAL_UNITS = ("count", "persons", "percent", "CNY", "FLOPS")
SCALES: dict[str, Decimal] = {
    "": Decimal(1),
    "万": Decimal(10) ** 4,
    "亿": Decimal(10) ** 8,
    "万亿": Decimal(10) ** 12,
}
# Canonical unit and factor for each written unit.
WRITTEN_UNITS: dict[str, tuple[str, Decimal]] = {
    "元": ("CNY", Decimal(1)),
    "人": ("persons", Decimal(1)),
    "家": ("count", Decimal(1)),
    "款": ("count", Decimal(1)),
    "个": ("count", Decimal(1)),
    "项": ("count", Decimal(1)),
    "%": ("percent", Decimal(1)),
    "EFLOPS": ("FLOPS", Decimal(10) ** 18),
    "PFLOPS": ("FLOPS", Decimal(10) ** 15),
    "P": ("FLOPS", Decimal(10) ** 15),
    "百亿亿次/秒": ("FLOPS", Decimal(10) ** 18),
}


def to_canonical(amount: Decimal, scale: str, unit: str) -> tuple[Decimal, str]:
    """``amount`` ``scale`` ``unit`` in its canonical unit, and that unit (EFlops = EFLOPS)."""
    if unit.upper() in ("EFLOPS", "PFLOPS"):
        unit = unit.upper()
    if unit not in WRITTEN_UNITS:
        raise ParseError(f"unknown unit {unit!r}")
    if scale not in SCALES:
        raise ParseError(f"unknown scale {scale!r}")
    canonical_unit, factor = WRITTEN_UNITS[unit]
    return amount * SCALES[scale] * factor, canonical_unit


_WRITTEN = re.compile(
    r"^\s*(?P<num>[-+]?\d+(?:,\d{3})*(?:\.\d+)?)?\s*(?P<scale>万亿|万|亿)?\s*"
    r"(?P<unit>元|人|家|款|个|项|%|EFLOPS|PFLOPS|P|百亿亿次/秒)?\s*$",
    re.IGNORECASE,
)


def quantity(value: object, unit: str | None = None) -> tuple[Decimal, str]:
    """A quantity as targets.toml writes it, in its canonical unit.

    ("2000亿元") or (2000, "亿元") or (70, "%"); a bare number is a count. Raises ParseError
    naming what cannot be read.
    """
    written = f"{value}{unit or ''}" if not isinstance(value, str) else value + (unit or "")
    match = _WRITTEN.match(written.replace("％", "%"))
    if not match or not match["num"]:
        raise ParseError(f"cannot read the quantity {written!r}")
    try:
        amount = Decimal(match["num"].replace(",", ""))
    except InvalidOperation:
        raise ParseError(f"cannot read the number in {written!r}") from None
    if not match["unit"]:
        return amount * SCALES[match["scale"] or ""], "count"
    return to_canonical(amount, match["scale"] or "", match["unit"])


def _short(number: float) -> str:
    """Up to four significant digits, never in exponent form."""
    text = f"{number:.4g}"
    return f"{number:,.0f}" if "e" in text else text


def human_value(value: Any, unit: str, *, western: bool = False) -> str:
    """9e19 FLOPS -> 90 EFLOPS; 1.123e9 persons -> 11.23亿 persons (or 1.123 bn persons)."""
    number = float(value)
    if unit == "FLOPS" and number >= 1e15:
        return (
            f"{_short(number / 1e18)} EFLOPS"
            if number >= 1e18
            else f"{_short(number / 1e15)} PFLOPS"
        )
    scaled = unit in ("persons", "CNY", "count")
    steps = (
        ((1e12, " tn"), (1e9, " bn"), (1e6, " m"))
        if western
        else ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
    )
    for size, word in steps:
        if scaled and number >= size and (unit != "count" or size <= 1e4 or western):
            return f"{_short(number / size)}{word} {unit}"
    return f"{_short(number)} {unit}"
