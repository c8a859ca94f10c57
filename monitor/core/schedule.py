"""Reading MONITOR_SCHEDULE: standard 5-field cron, or 6 fields with seconds first."""

from __future__ import annotations

from datetime import datetime, timedelta

from apscheduler.triggers.cron import CronTrigger

__all__ = ["cron_trigger", "latest_fire"]

_FIELDS = ("minute", "hour", "day", "month", "day_of_week")


def cron_trigger(expression: str, timezone: str) -> CronTrigger:
    """A CronTrigger, or ValueError saying what is wrong with ``expression``."""
    parts = expression.split()
    if len(parts) == 5:
        values = dict(zip(_FIELDS, parts, strict=True))
        values["second"] = "0"
    elif len(parts) == 6:
        values = dict(zip(("second", *_FIELDS), parts, strict=True))
    else:
        raise ValueError(f"cron needs 5 fields (or 6 with seconds first), got {expression!r}")
    try:
        return CronTrigger(timezone=timezone, **values)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"invalid cron {expression!r}: {exc}") from None


def latest_fire(trigger: CronTrigger, now: datetime) -> datetime | None:
    """The most recent time the trigger fired at or before ``now`` (within 8 days)."""
    latest: datetime | None = None
    for horizon in (timedelta(days=1), timedelta(days=8)):
        moment: datetime | None = trigger.get_next_fire_time(None, now - horizon)
        while moment is not None and moment <= now:
            latest = moment
            moment = trigger.get_next_fire_time(moment, moment + timedelta(microseconds=1))
        if latest is not None:
            return latest
    return None
