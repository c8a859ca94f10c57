"""Trajectory charts for numeric targets, rendered to PNG bytes.

One chart per target (DESIGN.md section 8): the observations, the required path from the baseline
to the target, the projection to the deadline, the target marker and a line at the deadline.

The chart carries only numbers and years; every word (title, legend, unit) belongs to the HTML
around it, so no CJK font is needed and nothing on the chart can be in the wrong language.

Rendering is pure and leaves matplotlib's global state alone: no pyplot, no ``matplotlib.use``;
a ``Figure`` is drawn by ``FigureCanvasAgg`` directly, and the fonts and styles that matter are set
on the artists themselves. The PNG carries no software/version metadata, so the same input always
gives the same bytes.

For speed (a report renders a chart per target) the plot is drawn with figure-level artists on a
hand-made data transform rather than an ``Axes``: an Axes and its tick machinery cost several
times more than everything else together.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from io import BytesIO
from typing import Any, Literal

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import (
    Bbox,
    BboxTransformFrom,
    BboxTransformTo,
    Transform,
    TransformedBbox,
    blended_transform_factory,
    offset_copy,
)

__all__ = [
    "BASELINE_COLOR",
    "DEADLINE_COLOR",
    "OBSERVATION_COLOR",
    "PROJECTION_COLOR",
    "REQUIRED_COLOR",
    "TARGET_COLOR",
    "compact_labels",
    "trajectory_figure",
    "trajectory_png",
]

OBSERVATION_COLOR = "#1f3b73"  # dark blue: points joined by a thin line
REQUIRED_COLOR = "#8a8a8a"  # grey, dashed: baseline -> (deadline, target)
BASELINE_COLOR = REQUIRED_COLOR  # open circle at the start of the required path
PROJECTION_COLOR = "#e8750a"  # orange, dotted: last -> (deadline, projected)
TARGET_COLOR = "#c81e1e"  # red diamond at (deadline, target)
DEADLINE_COLOR = "#c8c8c8"  # light grey vertical line
AXIS_COLOR = "#666666"
GRID_COLOR = "#ececec"

_FONT = FontProperties(family="DejaVu Sans", size=7.0)
_DPI = 100
_MINUS = "\u2212"
# (smallest largest-tick, divisor, suffix): 9,500 stays as is, 12,500 becomes 12.5k.
_SUFFIXES = (
    (1e18, 1e18, "E"),
    (1e15, 1e15, "P"),
    (1e12, 1e12, "T"),
    (1e9, 1e9, "G"),
    (1e6, 1e6, "M"),
    (1e4, 1e3, "k"),
)
_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)

# Margins in pixels, so the plot area keeps its shape at any requested size.
_LEFT_PX, _RIGHT_PX, _TOP_PX, _BOTTOM_PX = 42, 10, 8, 18
_TICK_PX = 3.0
_NO_LINE: dict[str, Any] = {"linestyle": "none"}


def _year_fraction(day: date) -> float:
    """Calendar position of ``day`` as a fractional year (1 January 2027 -> 2027.0)."""
    start = date(day.year, 1, 1).toordinal()
    length = date(day.year + 1, 1, 1).toordinal() - start
    return day.year + (day.toordinal() - start) / length


def compact_labels(values: Sequence[float]) -> list[str]:
    """Tick labels sharing one precision and suffix: ``0``, ``2.5``, ``1,500``, ``12.5k``."""
    biggest = max((abs(v) for v in values), default=0.0)
    divisor, suffix = next(((d, s) for t, d, s in _SUFFIXES if biggest >= t), (1.0, ""))
    steps = [abs(b - a) for a, b in zip(values, values[1:], strict=False) if b != a]
    step = min(steps) / divisor if steps else 1.0
    decimals = next(
        (d for d in range(10) if abs(step * 10**d - round(step * 10**d)) < 1e-6 * 10**d), 10
    )
    labels = []
    for value in values:
        text = f"{value / divisor:,.{decimals}f}"
        if float(text.replace(",", "")) == 0:
            labels.append("0")
        else:
            labels.append(text.replace("-", _MINUS) + suffix)
    return labels


def _year_ticks(low: float, high: float, axis_px: float) -> tuple[list[float], list[int]]:
    """Year boundaries for tick marks, and the years to label (at the middle of their span)."""
    first, last = math.floor(low), math.floor(high)
    years = [y for y in range(first, last + 1) if low <= y + 0.5 <= high]
    max_labels = max(2, int(axis_px // 70))
    step = next(
        (s for s in _YEAR_STEPS if len([y for y in years if y % s == 0]) <= max_labels),
        _YEAR_STEPS[-1],
    )
    boundaries = [float(y) for y in range(first, last + 2) if low <= y <= high]
    if len(boundaries) > 3 * max_labels:
        boundaries = [b for b in boundaries if int(b) % step == 0]
    return boundaries, [y for y in years if y % step == 0]


def _value_limits(core: Sequence[float], projected: float | None) -> tuple[float, float]:
    """Y limits around the core values; a far-off projection runs off the chart instead."""
    low, high = min(core), max(core)
    if high == low:
        half = abs(high) * 0.1 or 1.0
        low, high = low - half, high + half
    span = high - low
    if projected is not None:
        low = min(low, max(projected, low - span))
        high = max(high, min(projected, high + span))
    pad = (high - low) * 0.08
    bottom = low - pad
    if min(core) >= 0 and bottom < 0 and (projected is None or projected >= 0):
        bottom = 0.0
    return bottom, high + pad


def _line(fig: Figure, xs: Sequence[float], ys: Sequence[float], **style: Any) -> Line2D:
    line = Line2D(xs, ys, **style)
    fig.add_artist(line)
    return line


def _text(
    fig: Figure,
    x: float,
    y: float,
    label: str,
    transform: Transform,
    ha: Literal["left", "center", "right"],
    va: Literal["top", "center", "bottom"],
) -> None:
    text = Text(
        x, y, label,
        color=AXIS_COLOR, fontproperties=_FONT, usetex=False, parse_math=False,
        horizontalalignment=ha, verticalalignment=va,
    )  # fmt: skip
    text.set_transform(transform)
    fig.add_artist(text)


def trajectory_figure(
    observations: Sequence[tuple[date, float]],
    *,
    target: float,
    deadline: date,
    baseline: tuple[date, float] | None,
    projected: float | None,
    last: tuple[date, float] | None = None,
    scale: float = 1.0,
    width_px: int = 560,
    height_px: int = 240,
) -> Figure:
    """Build the chart as a Figure with an Agg canvas attached (see ``trajectory_png``)."""
    if not (math.isfinite(scale) and scale > 0):
        raise ValueError(f"scale must be a positive finite number, got {scale!r}")
    if not math.isfinite(target):
        raise ValueError(f"target must be a finite number, got {target!r}")
    if width_px < 80 or height_px < 60:
        raise ValueError(f"chart too small: {width_px}x{height_px} px")

    def point(day: date, value: float) -> tuple[float, float]:
        return _year_fraction(day), value / scale

    points = sorted(point(d, v) for d, v in observations if math.isfinite(v))
    goal = point(deadline, target)
    start = point(*baseline) if baseline is not None and math.isfinite(baseline[1]) else None
    if last is not None and math.isfinite(last[1]):
        origin: tuple[float, float] | None = point(*last)
    else:
        origin = points[-1] if points else None
    end = None
    if projected is not None and math.isfinite(projected) and origin is not None:
        end = (goal[0], projected / scale)

    # Data limits: years across, values up.
    xs = [goal[0]] + [p[0] for p in points] + [q[0] for q in (start, origin) if q is not None]
    ys = [goal[1]] + [p[1] for p in points] + [q[1] for q in (start, origin) if q is not None]
    x_low, x_high = min(xs), max(xs)
    x_low = min(x_low, x_high - 2.0)
    x_pad = max(0.15, 0.03 * (x_high - x_low))
    x_low, x_high = x_low - x_pad, x_high + x_pad
    y_low, y_high = _value_limits(ys, end[1] if end is not None else None)

    fig = Figure(figsize=(width_px / _DPI, height_px / _DPI), dpi=_DPI, facecolor="white")
    FigureCanvasAgg(fig)
    area = Bbox.from_extents(
        _LEFT_PX / width_px,
        _BOTTOM_PX / height_px,
        1 - _RIGHT_PX / width_px,
        1 - _TOP_PX / height_px,
    )
    to_area = BboxTransformTo(TransformedBbox(area, fig.transFigure))  # (0..1, 0..1) -> pixels
    to_data = BboxTransformFrom(Bbox.from_extents(x_low, y_low, x_high, y_high)) + to_area
    clip = TransformedBbox(Bbox.unit(), to_area)
    x_in_data = blended_transform_factory(to_data, to_area)  # x: year, y: 0..1 of the area
    y_in_data = blended_transform_factory(to_area, to_data)  # x: 0..1 of the area, y: value

    # Frame: y grid and ticks, x ticks at year boundaries, left and bottom spines.
    y_ticks = [
        float(v)
        for v in MaxNLocator(
            nbins=max(2, (height_px - _TOP_PX - _BOTTOM_PX) // 40), steps=[1, 2, 2.5, 5, 10]
        ).tick_values(y_low, y_high)
        if y_low <= v <= y_high
    ]
    tick_x = _TICK_PX / (width_px - _LEFT_PX - _RIGHT_PX)
    tick_y = _TICK_PX / (height_px - _TOP_PX - _BOTTOM_PX)
    grid_xs = [x for _ in y_ticks for x in (0.0, 1.0, math.nan)]
    grid_ys = [y for v in y_ticks for y in (v, v, math.nan)]
    _line(fig, grid_xs, grid_ys, color=GRID_COLOR, linewidth=0.6, transform=y_in_data, zorder=0.5)
    marks_xs = [x for _ in y_ticks for x in (-tick_x, 0.0, math.nan)]
    _line(fig, marks_xs, grid_ys, color=AXIS_COLOR, linewidth=0.6, transform=y_in_data)
    boundaries, years = _year_ticks(x_low, x_high, width_px - _LEFT_PX - _RIGHT_PX)
    marks_xs = [x for b in boundaries for x in (b, b, math.nan)]
    marks_ys = [y for _ in boundaries for y in (0.0, -tick_y, math.nan)]
    _line(fig, marks_xs, marks_ys, color=AXIS_COLOR, linewidth=0.6, transform=x_in_data)
    _line(fig, [0, 0, 1], [1, 0, 0], color=AXIS_COLOR, linewidth=0.6, transform=to_area)

    labels_y = offset_copy(y_in_data, fig=fig, x=-(_TICK_PX + 2), units="dots")
    for value, label in zip(y_ticks, compact_labels(y_ticks), strict=True):
        _text(fig, 0.0, value, label, labels_y, "right", "center")
    labels_x = offset_copy(x_in_data, fig=fig, y=-3, units="dots")
    for year in years:
        _text(fig, year + 0.5, 0.0, str(year), labels_x, "center", "top")

    # Content, clipped to the plot area (a projection far off the scale runs off the edge).
    drawn: dict[str, Any] = {"transform": to_data, "clip_box": clip, "clip_on": True}
    _line(fig, [goal[0], goal[0]], [0, 1], color=DEADLINE_COLOR, linewidth=0.8,
          transform=x_in_data, zorder=1)  # fmt: skip
    if start is not None:
        _line(fig, [start[0], goal[0]], [start[1], goal[1]], color=REQUIRED_COLOR,
              linestyle=(0, (5, 3)), linewidth=1.0, zorder=2, **drawn)  # fmt: skip
        _line(fig, [start[0]], [start[1]], marker="o", markersize=3.5, markerfacecolor="white",
              markeredgecolor=BASELINE_COLOR, markeredgewidth=1.0, zorder=3,
              **_NO_LINE, **drawn)  # fmt: skip
    if end is not None and origin is not None:
        _line(fig, [origin[0], end[0]], [origin[1], end[1]], color=PROJECTION_COLOR,
              linestyle=(0, (1, 1.6)), linewidth=1.6, zorder=3, **drawn)  # fmt: skip
    if points:
        _line(fig, [p[0] for p in points], [p[1] for p in points], color=OBSERVATION_COLOR,
              linewidth=0.9, marker="o", markersize=3.8, markeredgewidth=0, zorder=4,
              **drawn)  # fmt: skip
    _line(fig, [goal[0]], [goal[1]], marker="D", markersize=6, color=TARGET_COLOR,
          markeredgewidth=0, zorder=5, transform=to_data, **_NO_LINE)  # fmt: skip
    return fig


def trajectory_png(
    observations: Sequence[tuple[date, float]],
    *,
    target: float,
    deadline: date,
    baseline: tuple[date, float] | None,
    projected: float | None,
    last: tuple[date, float] | None = None,
    scale: float = 1.0,
    width_px: int = 560,
    height_px: int = 240,
) -> bytes:
    """Render one target's trajectory as PNG bytes of exactly ``width_px`` x ``height_px``.

    ``observations`` are the points used (canonical unit); ``baseline`` starts the required path
    to (``deadline``, ``target``); ``projected`` is the value projected for the deadline, drawn
    from ``last`` (default: the latest observation). Values are divided by ``scale`` for display.
    Non-finite values are left out. Only numbers and years are drawn.
    """
    fig = trajectory_figure(
        observations,
        target=target,
        deadline=deadline,
        baseline=baseline,
        projected=projected,
        last=last,
        scale=scale,
        width_px=width_px,
        height_px=height_px,
    )
    buffer = BytesIO()
    # print_png rather than savefig: savefig would apply rcParams["savefig.*"] (bbox, colours).
    # backend_agg has no type annotations, hence the ignore.
    FigureCanvasAgg(fig).print_png(buffer, metadata={"Software": None})  # type: ignore[no-untyped-call]
    return buffer.getvalue()
