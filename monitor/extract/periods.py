"""The date a figure refers to, from the period words of its sentence and the publication date."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date

_Y = r"(?P<y>20\d\d)年"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _full(m: re.Match[str], pub: date | None) -> date:
    return date(int(m["y"]), int(m["m"]), int(m["d"]))


def _month(m: re.Match[str], pub: date | None) -> date:
    return _month_end(int(m["y"]), int(m["m"]))


def _this_year_day(m: re.Match[str], pub: date | None) -> date | None:
    return date(pub.year, int(m["m"]), int(m["d"])) if pub else None


def _this_year_month(m: re.Match[str], pub: date | None) -> date | None:
    return _month_end(pub.year, int(m["m"])) if pub else None


def _quarter(month: int) -> Callable[[re.Match[str], date | None], date]:
    return lambda m, pub: _month_end(int(m["y"]), month)


def _this_year_quarter(month: int) -> Callable[[re.Match[str], date | None], date | None]:
    return lambda m, pub: _month_end(pub.year, month) if pub else None


def _latest_quarter(month: int) -> Callable[[re.Match[str], date | None], date | None]:
    """A bare 一季度 or 上半年: the latest such period ended by the publication date."""

    def resolve(m: re.Match[str], pub: date | None) -> date | None:
        if pub is None:
            return None
        end = _month_end(pub.year, month)
        return end if end <= pub else _month_end(pub.year - 1, month)

    return resolve


def _year_end(m: re.Match[str], pub: date | None) -> date:
    return date(int(m["y"]), 12, 31)


def _last_year_end(m: re.Match[str], pub: date | None) -> date | None:
    return date(pub.year - 1, 12, 31) if pub else None


def _published(m: re.Match[str], pub: date | None) -> date | None:
    return pub


# Most specific first: the first rule that matches a sentence decides.
_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], date | None], date | None]], ...] = (
    (re.compile(_Y + r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日"), _full),
    (re.compile(r"今年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"), _this_year_day),
    (re.compile(_Y + r"(?:上半年|前两个?季度)"), _quarter(6)),
    (re.compile(_Y + r"前三季度"), _quarter(9)),
    (re.compile(_Y + r"(?:一季度|第一季度)"), _quarter(3)),
    (re.compile(r"今年(?:上半年|前两个?季度)"), _this_year_quarter(6)),
    (re.compile(r"今年前三季度"), _this_year_quarter(9)),
    (re.compile(r"今年(?:一季度|第一季度)"), _this_year_quarter(3)),
    (re.compile(r"(?<![年今])(?:上半年|前两个?季度)"), _latest_quarter(6)),
    (re.compile(r"(?<![年今])前三季度"), _latest_quarter(9)),
    (re.compile(r"(?<![年今第])(?:一季度|第一季度)"), _latest_quarter(3)),
    (re.compile(_Y + r"(?P<m>\d{1,2})月"), _month),
    (re.compile(r"今年(?P<m>\d{1,2})月"), _this_year_month),
    (re.compile(_Y + r"(?:底|末|全年)?"), _year_end),
    (re.compile(r"去年(?:底|末|全年|，|,)"), _last_year_end),
    (re.compile(r"截至目前|今年以来|年初以来|目前|当前|截至发稿"), _published),
)


def stated_period(text: str, published: date | None) -> date | None:
    """The reference date that ``text`` states, or None when it states none.

    Relative words (今年, 去年底, 目前) resolve against ``published``. A date that does not
    exist (2月30日) raises ValueError: the statement is unreliable and should be skipped.
    """
    for pattern, resolve in _RULES:
        match = pattern.search(text)
        if match:
            return resolve(match, published)
    return None


def resolve_as_of(text: str, published: date | None) -> date | None:
    """The reference date stated in ``text``, else the publication date (None if neither)."""
    return stated_period(text, published) or published
