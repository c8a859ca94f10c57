"""Rendering the daily report: one Jinja2 Environment, autoescaped, in the chosen language.

HTML exists only in templates. The same template renders the archived file (charts as PNG
files beside it) and the email (charts as ``cid:`` parts); css-inline then moves the styles
into ``style`` attributes, which is what mail clients honour.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import css_inline
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from monitor.core.assessments import OFF_TRACK
from monitor.core.catalogue import METRICS
from monitor.core.units import human_value
from reports import i18n
from reports.charts import trajectory_png
from reports.data import ReportData

__all__ = [
    "CHART_SIZE",
    "Rendered",
    "charts",
    "environment",
    "metric_name",
    "render",
    "with_images",
]

ImageSource = Callable[[str], str]
_SCALES = {"FLOPS": (1e18, "EFLOPS")}
# Shown at 280 x 120: half again as many pixels keeps them sharp on dense screens.
CHART_SIZE = (420, 180)


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("reports", "templates"),
        autoescape=select_autoescape(["html"], default_for_string=True),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters["amount"] = _amount
    env.filters["rate"] = _rate
    env.filters["percent"] = lambda v: "-" if v is None else f"{v * 100:.0f}%"
    return env


def _amount(value: float | None, unit: str | None) -> str:
    if value is None or unit is None:
        return "-"
    return human_value(value, unit, western=i18n.current() == "en")


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.3g}"


def metric_name(metric_id: str, language: str) -> str:
    metric = METRICS.get(metric_id)
    if metric is None:
        return metric_id
    return metric.name_en if language == "en" else metric.name_zh


@dataclass(frozen=True)
class Rendered:
    subject: str
    html: str
    text: str
    charts: dict[str, bytes]


def charts(data: ReportData) -> dict[str, bytes]:
    """One trajectory PNG per numeric target that has data, keyed by a file-safe name."""
    out = {}
    for a in data.assessments:
        if a.kind != "numeric" or not a.series or a.target_value is None:
            continue
        scale = _SCALES.get(a.unit or "", (1.0, ""))[0]
        points = [(date.fromisoformat(d), v) for d, v in a.series]
        baseline = (
            (date.fromisoformat(a.baseline_as_of), a.baseline_value)
            if a.baseline_as_of and a.baseline_value is not None else None
        )  # fmt: skip
        out[f"chart-{a.id}.png"] = trajectory_png(
            points, target=a.target_value, deadline=date.fromisoformat(a.deadline),
            baseline=baseline, projected=a.projected_value, scale=scale,
            width_px=CHART_SIZE[0], height_px=CHART_SIZE[1],
        )  # fmt: skip
    return out


_IMAGE_TOKEN = "aiplus-image:"


def render(
    data: ReportData, language: str, *, method_url: str, charts_: dict[str, bytes]
) -> Rendered:
    """Subject, inlined HTML and plain text of the report; images as ``aiplus-image:NAME``.

    The HTML is rendered and inlined once; :func:`with_images` points the images at files or
    at ``cid:`` parts afterwards.
    """
    env = environment()
    context: dict[str, Any] = {
        "data": data,
        "lang": language,
        "image_src": lambda name: f"{_IMAGE_TOKEN}{name}",
        "charts": charts_,
        "metric_name": lambda m: metric_name(m, language),
        "off_track_statuses": OFF_TRACK,
        "method_url": method_url,
    }
    with i18n.language(language):
        subject = env.get_template("subject.txt").render(context).strip()
        html = env.get_template("report.html").render(context)
        text = env.get_template("report.txt").render(context)
    return Rendered(subject, css_inline.inline(html), text, charts_)


def with_images(html: str, image_src: ImageSource) -> str:
    """The rendered HTML with each chart pointing where ``image_src`` says."""
    return re.sub(
        rf'src="{re.escape(_IMAGE_TOKEN)}([^"]+)"', lambda m: f'src="{image_src(m.group(1))}"', html
    )
