"""Declared policy targets as the rest of the service sees them (loaded from targets.toml).

A target belongs to a document (:class:`PolicySource`) and says: this metric, in this
jurisdiction, compared so with this value, by this deadline. ``kind`` is ``numeric``,
``directional`` (assessed on its growth rate) or ``qualitative`` (listed, never scored).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from monitor.core.catalogue import Metric

__all__ = ["COMPARATORS", "TARGET_KINDS", "PolicySource", "Target", "TargetSet"]

COMPARATORS = (">", ">=", "<", "<=", "=")
TARGET_KINDS = ("numeric", "directional", "qualitative")


@dataclass(frozen=True)
class PolicySource:
    title: str
    issuer: str
    number: str | None = None
    url: str | None = None
    published: date | None = None
    reported_in: str | None = None


@dataclass(frozen=True)
class Target:
    id: str
    metric: str
    jurisdiction: str
    kind: str
    deadline: date
    source: PolicySource
    comparator: str | None = None
    value: Decimal | None = None
    unit: str | None = None
    proxy: str | None = None
    description: str = ""
    baseline_value: Decimal | None = None
    baseline_as_of: date | None = None

    @property
    def series_metric(self) -> str:
        """The metric whose observations assess this target (its proxy when it has one)."""
        return self.proxy or self.metric


@dataclass(frozen=True)
class TargetSet:
    targets: tuple[Target, ...]
    metrics: dict[str, Metric]
