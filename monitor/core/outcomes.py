"""The words the crawl records, in one place: fetch outcomes, page results, source and run states.

Every consumer (the cycle, the history views, the report, the console) asks these sets rather
than spelling its own, so "failed" means the same everywhere.
"""

from __future__ import annotations

__all__ = [
    "CHECKED_SOURCE_OUTCOMES",
    "FAILED_SOURCE_OUTCOMES",
    "FETCH_OUTCOMES",
    "GOOD_FETCH_OUTCOMES",
    "PAGE_RESULTS",
    "RUN_STATES",
    "SOURCE_OUTCOMES",
]

# One per HTTP attempt (see monitor.crawl.fetch).
FETCH_OUTCOMES = (
    "ok",
    "not_modified",
    "http_error",
    "timeout",
    "network_error",
    "blocked_by_robots",
    "too_large",
    "refused_redirect",
)
# Attempts that gave us the page (fresh, or the stored copy confirmed by a 304).
GOOD_FETCH_OUTCOMES = ("ok", "not_modified")
# What parsing a fetched page gave.
PAGE_RESULTS = ("parsed", "empty", "unchanged", "error", "skipped")
# One per source per run. ``aborted``: the run was stopped while the source worked.
SOURCE_OUTCOMES = ("ok", "partial", "failed", "skipped", "aborted")
FAILED_SOURCE_OUTCOMES = ("failed", "partial", "aborted")
# The source was reached and read (a partial run still counts as checked for dueness).
CHECKED_SOURCE_OUTCOMES = ("ok", "partial")
RUN_STATES = ("running", "completed", "failed", "aborted")
