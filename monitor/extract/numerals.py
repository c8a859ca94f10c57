"""Numerals as Chinese text writes them: Arabic with separators, or Chinese (两千, 三万五千).

Scales and units belong to :mod:`monitor.core.units`; :func:`canonical` combines the two for a
quantity as a sentence writes it (两千 亿 元 -> 2e11 CNY).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from monitor.core.errors import ParseError
from monitor.core.units import to_canonical

__all__ = ["canonical", "chinese_integer", "number"]

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
    """The value of numeral ``value``, ``scale`` and written ``unit`` in its canonical unit."""
    return to_canonical(number(value), scale, unit)
