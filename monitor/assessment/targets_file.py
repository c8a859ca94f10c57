"""Loading targets.toml: the declared policy targets, checked whole before any is used.

A malformed file fails with the file, the target id and the problem (unknown metric, a unit
that does not fit the metric, comparator missing, deadline not a date, duplicate id...), and
nothing is half-loaded. ``[[metric]]`` tables may add metrics or override a catalogue
metric's cadence or plausible range.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from monitor.core.catalogue import KINDS, METRICS, Metric
from monitor.core.errors import ConfigError, ParseError
from monitor.core.places import SLUG
from monitor.core.targets import COMPARATORS, TARGET_KINDS, PolicySource, Target, TargetSet
from monitor.core.units import CANONICAL_UNITS, quantity

__all__ = ["BUNDLED", "load_targets", "targets_path"]


# The project's own targets.toml, shipped with the package (a link to the repository's copy).
BUNDLED = Path(__file__).with_name("targets.toml")


def targets_path(configured: Path | None) -> Path:
    """The targets file to read: the configured one; else ./targets.toml when there is one;
    else the copy shipped with the package, so the service runs from any directory."""
    if configured is not None:
        return configured
    local = Path("targets.toml")
    return local if local.exists() else BUNDLED


class _Problem(Exception):
    """One thing wrong with one table; turned into a ConfigError naming file and target."""


def load_targets(path: Path) -> TargetSet:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the targets file: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    metrics = dict(METRICS)
    for index, table in enumerate(raw.get("metric", []), 1):
        try:
            metric = _metric(table, metrics)
        except _Problem as exc:
            raise ConfigError(f"{path}: metric #{index} {table.get('id', '?')!r}: {exc}") from None
        metrics[metric.id] = metric
    targets: list[Target] = []
    for index, table in enumerate(raw.get("target", []), 1):
        name = table.get("id") or f"#{index}"
        try:
            target = _target(table, metrics)
        except _Problem as exc:
            raise ConfigError(f"{path}: target {name!r}: {exc}") from None
        if any(t.id == target.id for t in targets):
            raise ConfigError(f"{path}: target {name!r}: duplicate id")
        targets.append(target)
    unknown = set(raw) - {"metric", "target"}
    if unknown:
        raise ConfigError(f"{path}: unknown top-level table(s): {', '.join(sorted(unknown))}")
    return TargetSet(tuple(targets), metrics)


def _need(table: dict[str, Any], key: str, kind: type | tuple[type, ...], what: str) -> Any:
    if key not in table:
        raise _Problem(f"{key} missing ({what})")
    value = table[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        raise _Problem(f"{key} must be {what}, got {value!r}")
    return value


def _metric(table: dict[str, Any], metrics: dict[str, Metric]) -> Metric:
    metric_id = _need(table, "id", str, "a metric id")
    known = metrics.get(metric_id)
    if known is None:
        for key in ("unit", "kind"):
            _need(table, key, str, f"a new metric needs its {key}")
        known = Metric(metric_id, metric_id, metric_id, table["unit"], table["kind"], 365,
                       Decimal(0), Decimal("1e30"))  # fmt: skip
    updated = replace(
        known,
        name_zh=str(table.get("name_zh", known.name_zh)),
        name_en=str(table.get("name_en", known.name_en)),
        unit=str(table.get("unit", known.unit)),
        kind=str(table.get("kind", known.kind)),
        cadence_days=int(table.get("cadence_days", known.cadence_days)),
        low=Decimal(str(table.get("low", known.low))),
        high=Decimal(str(table.get("high", known.high))),
    )
    if updated.unit not in CANONICAL_UNITS:
        raise _Problem(f"unit must be one of {', '.join(CANONICAL_UNITS)}")
    if updated.kind not in KINDS:
        raise _Problem(f"kind must be one of {', '.join(KINDS)}")
    if updated.cadence_days <= 0:
        raise _Problem("cadence_days must be positive")
    return updated


def _source(table: dict[str, Any]) -> PolicySource:
    source = _need(table, "source", dict, "a [target.source] table")
    published = source.get("published")
    if published is not None and not isinstance(published, date):
        raise _Problem(f"source.published must be a date like 2025-08-26, got {published!r}")
    return PolicySource(
        title=_need(source, "title", str, "the document title"),
        issuer=_need(source, "issuer", str, "the issuing body"),
        number=source.get("number"),
        url=source.get("url"),
        published=published,
        reported_in=source.get("reported_in"),
    )


def _converted(value: Any, unit: Any, metric: Metric, what: str) -> Decimal:
    try:
        amount, canonical = quantity(value, unit)
    except ParseError as exc:
        raise _Problem(f"{what}: {exc}") from None
    if canonical != metric.unit:
        written = f"{value}{unit or ''}"
        raise _Problem(f"{what} {written!r} is in {canonical}, but {metric.id} is in {metric.unit}")
    return amount


def _target(table: dict[str, Any], metrics: dict[str, Metric]) -> Target:
    target_id = _need(table, "id", str, "a target id")
    kind = table.get("kind", "numeric")
    if kind not in TARGET_KINDS:
        raise _Problem(f"kind must be one of {', '.join(TARGET_KINDS)}, got {kind!r}")
    metric_id = _need(table, "metric", str, "a metric id")
    if metric_id not in metrics:
        raise _Problem(f"unknown metric {metric_id!r}")
    jurisdiction = _need(table, "jurisdiction", str, "a jurisdiction slug")
    if not SLUG.fullmatch(jurisdiction):
        raise _Problem(f"jurisdiction {jurisdiction!r} is not a slug like cn or cn-sc-chengdu")
    deadline = _need(table, "deadline", date, "a date like 2027-12-31")
    description = str(table.get("description", ""))
    if kind != "numeric" and not description:
        raise _Problem(f"a {kind} target needs a description")
    proxy = table.get("proxy")
    if proxy is not None and proxy not in metrics:
        raise _Problem(f"unknown proxy metric {proxy!r}")
    target = Target(target_id, metric_id, jurisdiction, kind, deadline, _source(table),
                    description=description, proxy=proxy)  # fmt: skip
    if kind == "qualitative":
        return target
    series = metrics[proxy or metric_id]
    if kind == "directional":
        return target
    comparator = _need(table, "comparator", str, f"one of {' '.join(COMPARATORS)}")
    if comparator not in COMPARATORS:
        raise _Problem(f"comparator must be one of {' '.join(COMPARATORS)}, got {comparator!r}")
    value = _converted(_need(table, "value", (int, float, str), "a number or '2000亿元'"),
                       table.get("unit"), series, "value")  # fmt: skip
    baseline_value, baseline_as_of = None, None
    if "baseline" in table:
        baseline = _need(table, "baseline", dict, "a [target.baseline] table")
        baseline_value = _converted(
            _need(baseline, "value", (int, float, str), "a number"),
            baseline.get("unit"),
            series,
            "baseline value",
        )
        baseline_as_of = _need(baseline, "as_of", date, "a date")
    return replace(target, comparator=comparator, value=value, unit=series.unit,
                   baseline_value=baseline_value, baseline_as_of=baseline_as_of)  # fmt: skip
