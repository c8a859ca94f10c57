"""The project's exceptions: one small tree, so the CLI can map any of them to a clean message.

    MonitorError                 anything the service reports to a user as a one-line error
    ├── ConfigError              bad settings, unknown source id, unusable targets file
    ├── StorageError             database unreachable or invalid, data directory unwritable
    ├── FetchError               one fetch attempt failed; ``outcome`` is its recorded class
    │   ├── HTTPStatusError      a 4xx/5xx answer (``http_error``)
    │   ├── FetchTimeout         connect or read timeout (``timeout``)
    │   ├── RobotsBlocked        robots.txt forbids the URL (``blocked_by_robots``)
    │   ├── TooLarge             body or decompressed body over the cap (``too_large``)
    │   └── RefusedRedirect      off the allowed hosts, or private (``refused_redirect``)
    └── ParseError               a scraper could not read a page it was given

Fetch errors never escape a run: the fetcher turns them into recorded outcomes. They exist
as exceptions only so the code that classifies an attempt can stop early in one place.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "FetchError",
    "FetchTimeout",
    "HTTPStatusError",
    "MonitorError",
    "ParseError",
    "RefusedRedirect",
    "RobotsBlocked",
    "StorageError",
    "TooLarge",
]


class MonitorError(Exception):
    """Base of every error the service reports to a user."""


class ConfigError(MonitorError):
    """Settings, source ids or configuration files that cannot be used."""


class StorageError(MonitorError):
    """The database or the data directory cannot be used."""


class FetchError(MonitorError):
    """A fetch attempt that ended in one of the recorded outcome classes."""

    outcome = "network_error"

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class RobotsBlocked(FetchError):
    outcome = "blocked_by_robots"


class TooLarge(FetchError):
    outcome = "too_large"


class RefusedRedirect(FetchError):
    outcome = "refused_redirect"


class HTTPStatusError(FetchError):
    outcome = "http_error"


class FetchTimeout(FetchError):
    outcome = "timeout"


class ParseError(MonitorError):
    """A scraper could not make sense of a page (recorded on the fetch, never fatal)."""
