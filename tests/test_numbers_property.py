"""Property tests: any number written the Chinese way parses back to itself."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from monitor.extract.numerals import canonical, chinese_integer, number

DIGITS = "零一二三四五六七八九"


def _group(n: int, leading: bool) -> str:
    """0 < n < 10000 as Chinese; ``leading`` when nothing bigger stands before it."""
    out, zero = [], False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            zero = bool(out) or not leading
            continue
        if zero and (out or not leading):
            out.append("零")
        zero = False
        out.append("" if (unit == "十" and digit == 1 and leading and not out) else DIGITS[digit])
        out.append(unit)
    return "".join(out)


def chinese(n: int) -> str:
    """The usual written form: 205000000 -> 二亿零五百万, 12 -> 十二, 1001 -> 一千零一."""
    if n == 0:
        return "零"
    parts, started, gap = [], False, False
    for factor, unit in ((10**8, "亿"), (10**4, "万"), (1, "")):
        group = n // factor % 10**4 if factor < 10**8 else n // factor
        if group == 0:
            gap = started
            continue
        text = chinese(group) if group >= 10**4 else _group(group, leading=not started)
        if gap and not text.startswith("零"):
            parts.append("零")
        parts.append(text + unit)
        started, gap = True, False
    return "".join(parts)


@given(st.integers(min_value=0, max_value=10**12))
def test_chinese_numerals_round_trip(n: int) -> None:
    """Formatting an integer in Chinese numerals and parsing it gives it back."""
    assert chinese_integer(chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**12))
def test_two_for_two_is_accepted(n: int) -> None:
    """两 in place of 二 (两千, 两亿) parses the same."""
    written = chinese(n).replace("二千", "两千").replace("二亿", "两亿").replace("二万", "两万")
    assert chinese_integer(written) == n


@given(
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from([("", 1), ("万", 10**4), ("亿", 10**8), ("万亿", 10**12)]),
)
def test_arabic_with_scale_round_trips(value: Decimal, scale: tuple[str, int]) -> None:
    """An Arabic number with a scale word converts to value x scale, exactly."""
    name, factor = scale
    assert number(f"{value:,}") == value
    converted, unit = canonical(str(value), name, "元")
    assert (converted, unit) == (value * factor, "CNY")
