"""Written quantities to canonical values.

3.5万 -> 35000, 1.2万亿元 -> 1.2e12 yuan, 90EFLOPS -> 9e19 FLOPS.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from monitor.errors import ParseError

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
SCALES: dict[str, Decimal] = {
    "": Decimal(1),
    "万": Decimal(10) ** 4,
    "亿": Decimal(10) ** 8,
    "万亿": Decimal(10) ** 12,
}
# Canonical unit and factor for each written unit (DESIGN section 3).
UNITS: dict[str, tuple[str, Decimal]] = {
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


def _below_wan(text: str) -> int:
    """A numeral below 一万: 一千四百 -> 1400, 十二 -> 12, 三百零五 -> 305."""
    total, current = 0, 0
    for char in text:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char in _SMALL_UNITS:
            total += (current or 1) * _SMALL_UNITS[char]
            current = 0
        else:
            raise ParseError(f"not a Chinese numeral: {text!r}")
    return total + current


def chinese_integer(text: str) -> int:
    """两千 -> 2000, 一千四百 -> 1400, 三万五千 -> 35000, 两亿零五百万 -> 205000000."""
    if not text:
        raise ParseError("empty numeral")
    total = 0
    rest = text
    for unit, factor in (("亿", 10**8), ("万", 10**4)):
        if unit in rest:
            head, _, rest = rest.partition(unit)
            total += chinese_integer(head) * factor if head else factor
    return total + (_below_wan(rest) if rest else 0)


def number(text: str) -> Decimal:
    """An Arabic (with thousands separators) or Chinese numeral as a Decimal."""
    cleaned = text.replace(",", "").replace("，", "").strip()
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return Decimal(chinese_integer(cleaned))


def canonical(value: str, scale: str, unit: str) -> tuple[Decimal, str]:
    """The value of ``value`` ``scale`` ``unit`` in the canonical unit, and that unit."""
    if unit not in UNITS:
        raise ParseError(f"unknown unit {unit!r}")
    if scale not in SCALES:
        raise ParseError(f"unknown scale {scale!r}")
    canonical_unit, factor = UNITS[unit]
    return number(value) * SCALES[scale] * factor, canonical_unit


# Written units as policy texts and targets.toml give them, split into scale and unit.
_WRITTEN = re.compile(
    r"^\s*(?P<num>[-+]?\d+(?:,\d{3})*(?:\.\d+)?)?\s*(?P<scale>万亿|万|亿)?\s*"
    r"(?P<unit>元|人|家|款|个|项|%|EFLOPS|PFLOPS|P|百亿亿次/秒)?\s*$",
    re.IGNORECASE,
)


def quantity(value: object, unit: str | None = None) -> tuple[Decimal, str]:
    """A target-style quantity in its canonical unit: ("2000亿元") or (2000, "亿元") or (70, "%").

    Raises ParseError naming what cannot be read.
    """
    written = f"{value}{unit or ''}" if not isinstance(value, str) else value + (unit or "")
    match = _WRITTEN.match(written.replace("％", "%"))
    if not match or not match["num"]:
        raise ParseError(f"cannot read the quantity {written!r}")
    name = match["unit"] or ""
    if name.upper() in ("EFLOPS", "PFLOPS"):
        name = name.upper()
    if not name:
        return number(match["num"]) * SCALES[match["scale"] or ""], "count"
    return canonical(match["num"], match["scale"] or "", name)
