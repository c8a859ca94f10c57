"""Plain-text tables for the terminal (the JSON forms need no help)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any


def width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clip(text: str, limit: int) -> str:
    if width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).replace("\n", " ")


def table(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], limits: dict[str, int] | None = None
) -> str:
    """Left-aligned columns separated by two spaces."""
    limits = limits or {}
    body = [
        [clip(cell(v), limits.get(h, 80)) for h, v in zip(headers, row, strict=True)]
        for row in rows
    ]
    widths = [max([width(h)] + [width(r[i]) for r in body]) for i, h in enumerate(headers)]
    lines = []
    for row in [list(headers), *body]:
        lines.append(
            "  ".join(v + " " * (w - width(v)) for v, w in zip(row, widths, strict=True)).rstrip()
        )
    return "\n".join(lines)


def human_value(value: Any, unit: str) -> str:
    """9e19 FLOPS -> 90 EFLOPS; 1115000000 persons -> 11.15亿 persons."""
    number = float(value)
    if unit == "FLOPS" and number >= 1e15:
        return f"{number / 1e18:g} EFLOPS" if number >= 1e18 else f"{number / 1e15:g} PFLOPS"
    if unit in ("persons", "CNY") and number >= 1e8:
        return f"{number / 1e8:g}亿 {unit}"
    if unit in ("persons", "CNY", "count") and number >= 1e4:
        return f"{number / 1e4:g}万 {unit}"
    return f"{number:g} {unit}"
