"""Trajectory charts: valid PNGs of the requested size, deterministic, numbers and years only."""

from __future__ import annotations

import re
import struct
from datetime import date
from io import BytesIO
from typing import Any

import matplotlib
import numpy as np
import pytest
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.image import imread
from matplotlib.lines import Line2D
from matplotlib.text import Text

from reports.charts import (
    OBSERVATION_COLOR,
    PROJECTION_COLOR,
    REQUIRED_COLOR,
    TARGET_COLOR,
    compact_labels,
    trajectory_figure,
    trajectory_png,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ALLOWED_TEXT = re.compile(r"[0-9.,\-\u2212kMGTPE]*")
DEADLINE = date(2027, 12, 31)
OBSERVATIONS = [
    (date(2021, 12, 31), 500e18),
    (date(2022, 12, 31), 900e18),
    (date(2023, 12, 31), 1600e18),
    (date(2024, 12, 31), 2300e18),
]
FULL: dict[str, Any] = {
    "target": 5000e18,
    "deadline": DEADLINE,
    "baseline": OBSERVATIONS[0],
    "projected": 4100e18,
    "scale": 1e18,
}


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which must come first."""
    assert png[:8] == PNG_SIGNATURE
    length, kind = struct.unpack(">I4s", png[8:16])
    assert (length, kind) == (13, b"IHDR")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def colours(png: bytes) -> set[tuple[int, int, int]]:
    """Every distinct RGB colour in the image, as 0..255 triples."""
    pixels = np.asarray(imread(BytesIO(png)))[..., :3]
    rgb = np.rint(pixels * 255).astype(np.uint8).reshape(-1, 3)
    return {(int(r), int(g), int(b)) for r, g, b in np.unique(rgb, axis=0)}


def rgb255(colour: str) -> tuple[int, int, int]:
    """A matplotlib colour as a 0..255 triple."""
    r, g, b = (round(c * 255) for c in to_rgb(colour))
    return r, g, b


def drawn_texts(fig: Figure) -> list[Text]:
    """The visible, non-empty Text artists of a drawn figure."""
    fig.canvas.draw()
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def lines_in(fig: Figure, colour: str) -> list[Line2D]:
    """The Line2D artists drawn in ``colour``."""
    return [line for line in fig.findobj(Line2D) if line.get_color() == colour]


@pytest.mark.parametrize(("width", "height"), [(560, 240), (333, 177), (900, 360)])
def test_png_has_the_requested_pixel_size(width: int, height: int) -> None:
    """The result is a PNG of exactly the requested width and height."""
    png = trajectory_png(OBSERVATIONS, **FULL, width_px=width, height_px=height)
    assert png_size(png) == (width, height)
    assert np.asarray(imread(BytesIO(png))).shape[:2] == (height, width)


def test_full_chart_shows_every_element() -> None:
    """Observations, required path, projection and target all appear in their colours."""
    found = colours(trajectory_png(OBSERVATIONS, **FULL))
    assert len(found) > 10
    for colour in (OBSERVATION_COLOR, REQUIRED_COLOR, PROJECTION_COLOR, TARGET_COLOR):
        assert rgb255(colour) in found, colour


def test_no_observations() -> None:
    """With no observations only the target, the deadline line and the baseline path are drawn."""
    png = trajectory_png(
        [], target=70, deadline=DEADLINE, baseline=(date(2023, 1, 1), 30.0), projected=55.0
    )
    assert png_size(png) == (560, 240)
    found = colours(png)
    assert rgb255(TARGET_COLOR) in found
    assert rgb255(REQUIRED_COLOR) in found
    assert rgb255(OBSERVATION_COLOR) not in found
    assert rgb255(PROJECTION_COLOR) not in found  # nothing to project from


def test_no_observations_and_no_baseline() -> None:
    """The bare minimum still renders: a target marker at the deadline."""
    png = trajectory_png([], target=70, deadline=DEADLINE, baseline=None, projected=None)
    assert png_size(png) == (560, 240)
    found = colours(png)
    assert len(found) > 3
    assert rgb255(TARGET_COLOR) in found


def test_one_observation() -> None:
    """A single observation is drawn as a point."""
    png = trajectory_png(
        [(date(2024, 6, 30), 40.0)],
        target=70,
        deadline=DEADLINE,
        baseline=(date(2023, 1, 1), 30.0),
        projected=None,
    )
    found = colours(png)
    assert rgb255(OBSERVATION_COLOR) in found
    assert rgb255(TARGET_COLOR) in found
    assert rgb255(PROJECTION_COLOR) not in found


def test_no_projection() -> None:
    """Without a projected value no projection line is drawn."""
    found = colours(trajectory_png(OBSERVATIONS, **{**FULL, "projected": None}))
    assert rgb255(OBSERVATION_COLOR) in found
    assert rgb255(PROJECTION_COLOR) not in found
    assert not lines_in(
        trajectory_figure(OBSERVATIONS, **{**FULL, "projected": None}), PROJECTION_COLOR
    )


def test_non_finite_projection_is_left_out() -> None:
    """An overflowed projection (inf or nan) is treated as no projection."""
    for bad in (float("inf"), float("nan")):
        fig = trajectory_figure(OBSERVATIONS, **{**FULL, "projected": bad})
        assert not lines_in(fig, PROJECTION_COLOR)


def test_projection_starts_at_the_last_observation_by_default() -> None:
    """The dotted line runs from the latest observation to (deadline, projected)."""
    shuffled = [OBSERVATIONS[3], OBSERVATIONS[0], OBSERVATIONS[2], OBSERVATIONS[1]]
    fig = trajectory_figure(shuffled, **FULL)
    (observed,) = lines_in(fig, OBSERVATION_COLOR)
    (projection,) = lines_in(fig, PROJECTION_COLOR)
    xs, ys = np.asarray(projection.get_xdata()), np.asarray(projection.get_ydata())
    assert xs[0] == np.asarray(observed.get_xdata())[-1]
    assert list(ys) == [2300.0, 4100.0]


def test_projection_starts_at_last_when_given() -> None:
    """An explicit ``last`` point is where the projection starts."""
    fig = trajectory_figure(OBSERVATIONS, **FULL, last=(date(2024, 6, 30), 2000e18))
    (projection,) = lines_in(fig, PROJECTION_COLOR)
    assert list(np.asarray(projection.get_ydata())) == [2000.0, 4100.0]


def test_same_input_same_bytes() -> None:
    """Rendering is deterministic: no date or version in the PNG."""
    first = trajectory_png(OBSERVATIONS, **FULL)
    assert trajectory_png(OBSERVATIONS, **FULL) == first
    assert b"Software" not in first and b"matplotlib" not in first.lower()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"observations": OBSERVATIONS, **FULL},
        {"observations": [], "target": 70.0, "deadline": DEADLINE, "baseline": None,
         "projected": None},
        {"observations": [(date(2020 + i, 12, 31), 1e4 * i) for i in range(12)],
         "target": 5e7, "deadline": date(2035, 12, 31), "baseline": None, "projected": -3e7},
        {"observations": [(date(2023, 12, 31), 0.0002)], "target": 0.0005, "deadline": DEADLINE,
         "baseline": None, "projected": None},
    ],
    ids=["full", "empty", "large-and-negative", "tiny"],
)  # fmt: skip
def test_only_numbers_and_years_are_drawn(kwargs: dict[str, Any]) -> None:
    """Every piece of text on the chart is a number: no words, no letters beyond unit suffixes."""
    texts = drawn_texts(trajectory_figure(**kwargs))
    years = [t.get_text() for t in texts if re.fullmatch(r"(19|20)\d\d", t.get_text())]
    assert years, "the x axis shows years"
    assert len(texts) > len(years), "the y axis shows numbers"
    for text in texts:
        assert ALLOWED_TEXT.fullmatch(text.get_text()), repr(text.get_text())


def test_values_are_divided_by_scale() -> None:
    """With scale 1e18 the axis shows thousands, not 1e21s."""
    texts = drawn_texts(trajectory_figure(OBSERVATIONS, **FULL))
    values = [t.get_text() for t in texts if t.get_horizontalalignment() == "right"]
    assert "2,000" in values and "4,000" in values


def test_runaway_projection_does_not_squash_the_chart() -> None:
    """A projection far off the scale runs off the edge instead of stretching the y axis."""
    fig = trajectory_figure(
        [(date(2022, 12, 31), 20.0), (date(2024, 12, 31), 60.0)],
        target=80.0,
        deadline=DEADLINE,
        baseline=None,
        projected=1e12,
    )
    labels = [t.get_text() for t in drawn_texts(fig) if t.get_horizontalalignment() == "right"]
    assert labels
    assert max(float(label.replace(",", "")) for label in labels) <= 200


@pytest.mark.parametrize(
    ("ticks", "labels"),
    [
        ([0.0, 2.5, 5.0, 7.5], ["0", "2.5", "5.0", "7.5"]),
        ([0.0, 500.0, 1000.0, 1500.0], ["0", "500", "1,000", "1,500"]),
        ([0.0, 5000.0, 10000.0, 15000.0], ["0", "5k", "10k", "15k"]),
        ([-1e6, 0.0, 1e6, 2e6], ["\u22121M", "0", "1M", "2M"]),
        ([0.0001, 0.0002], ["0.0001", "0.0002"]),
    ],
)
def test_compact_labels(ticks: list[float], labels: list[str]) -> None:
    """Tick labels share one precision, use k/M suffixes and a proper minus sign."""
    assert compact_labels(ticks) == labels


def test_rendering_leaves_matplotlib_global_state_alone() -> None:
    """No rcParams change (backend included) after rendering."""
    # dict.items: RcParams.__getitem__ would itself resolve the "auto" backend.
    before = dict(dict.items(matplotlib.rcParams))
    trajectory_png(OBSERVATIONS, **FULL)
    assert dict(dict.items(matplotlib.rcParams)) == before


def test_bad_scale_or_target_is_rejected() -> None:
    """A zero, negative or non-finite scale, or a non-finite target, is a caller error."""
    for scale in (0.0, -1.0, float("nan")):
        with pytest.raises(ValueError, match="scale"):
            trajectory_png(OBSERVATIONS, **{**FULL, "scale": scale})
    with pytest.raises(ValueError, match="target"):
        trajectory_png(OBSERVATIONS, **{**FULL, "target": float("inf")})
