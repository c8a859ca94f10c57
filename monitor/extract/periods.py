"""The dates figures refer to: period expressions found in text, resolved against publication.

:func:`mentions` finds every period expression of a text with its position (截至2025年6月底,
上半年, 1-9月, 去年底, 目前...). :meth:`Mention.resolve` turns one into a date: explicit years
stand alone; a bare month, quarter or 年底 takes the publication year, or the year before when
that would fall after publication; 目前 is the publication date. A relative expression with
no publication date resolves to None: the caller holds the figure rather than guess.

Expressions that do not date a figure are left out: comparisons (较2023年底, 比上年, 同期),
periods inside book titles (《…（2024—2026年）》), starting points (2023年以来, 5月1日起).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

__all__ = ["Mention", "mentions", "resolve_as_of", "stated_period"]

_CN_MONTH = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9, "十": 10, "十一": 11, "十二": 12}  # fmt: skip
_QUARTER_END = {"一": 3, "1": 3, "二": 6, "2": 6, "三": 9, "3": 9, "四": 12, "4": 12}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month(text: str) -> int:
    return int(text) if text.isdigit() else _CN_MONTH[text]


Builder = Callable[[re.Match[str], int], date]
Resolve = Callable[[date | None], date | None]
Factory = Callable[[re.Match[str]], Resolve]


@dataclass(frozen=True)
class Mention:
    """One period expression: where it is, and how it resolves."""

    start: int
    end: int
    text: str
    # "explicit" (a year is written), "relative" (needs the publication date), "now",
    # "vague" (2023年初: a time with no day to date a figure by).
    kind: str
    # Statistical periods (截至…, …底, 季度, 1-9月) date the figures after them in a paragraph;
    # a bare day (10月22日，…举行发布会) dates only its own sentence.
    carries: bool
    _resolve: Resolve

    def resolve(self, published: date | None) -> date | None:
        """The date this period refers to; None when it needs a publication date that is
        missing, or names a day that does not exist (2月30日)."""
        try:
            return self._resolve(published)
        except ValueError:
            return None


_Y = r"(?P<y>(?:19|20)\d\d)\s*年"
_M = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二两三四五六七八九])"
_D = r"(?P<d>3[01]|[12]\d|0?[1-9])"
_Q = r"(?:第?(?P<q>[一二三四1234])季度)"
_RANGE = r"(?:1|一)\s*[-—–~～至到]\s*"


def _explicit(builder: Builder) -> Factory:
    return lambda m: lambda pub: builder(m, int(m["y"]))


def _latest(builder: Builder) -> Factory:
    """A bare period: the latest one ended by the publication date."""

    def make(m: re.Match[str]) -> Resolve:
        def resolve(pub: date | None) -> date | None:
            if pub is None:
                return None
            end = builder(m, pub.year)
            return end if end <= pub else builder(m, pub.year - 1)

        return resolve

    return make


def _this_year(builder: Builder) -> Factory:
    return lambda m: lambda pub: builder(m, pub.year) if pub else None


def _last_year(builder: Builder) -> Factory:
    return lambda m: lambda pub: builder(m, pub.year - 1) if pub else None


def _next_year(builder: Builder) -> Factory:
    return lambda m: lambda pub: builder(m, pub.year + 1) if pub else None


def _year_end(m: re.Match[str]) -> Resolve:
    """A bare 全年 or 年底: last year's early in a year (annual figures published then), this
    year's in its second half (an estimate for the year under way)."""
    return lambda pub: None if pub is None else date(pub.year - (pub.month <= 6), 12, 31)


def _day(m: re.Match[str], year: int) -> date:
    return date(year, _month(m["m"]), int(m["d"]))


def _month_of(m: re.Match[str], year: int) -> date:
    return _month_end(year, _month(m["m"]))


def _part_of_month(m: re.Match[str], year: int) -> date:
    """上旬 / 中旬 / 下旬: the 10th, the 15th, the month's end."""
    if m["part"] == "下旬":
        return _month_end(year, _month(m["m"]))
    return date(year, _month(m["m"]), 10 if m["part"] == "上旬" else 15)


def _quarter(m: re.Match[str], year: int) -> date:
    return _month_end(year, _QUARTER_END[m["q"]])


def _fixed(month: int) -> Builder:
    return lambda m, year: _month_end(year, month)


def _now(m: re.Match[str]) -> Resolve:
    return lambda pub: pub


def _vague(m: re.Match[str]) -> Resolve:
    """2023年初, "十四五"初期: a time, but no day a figure could be dated to."""
    return lambda pub: None


_HALF = r"(?:上半年|前两个?季度|1\s*[-—–至到]\s*6\s*月|前六个月|前6个月)"
_NINE = r"(?:前三季度|1\s*[-—–至到]\s*9\s*月|前九个月|前9个月)"
_END = r"(?:年底|年末|底|末|全年|年度)"

# (pattern, kind, carries, resolver factory); earlier patterns win overlaps.
_RULES: tuple[tuple[str, str, bool, Factory], ...] = (
    (_Y + r"\s*" + _M + r"\s*月\s*" + _D + r"\s*日", "explicit", False, _explicit(_day)),
    (_Y + r"\s*" + _RANGE + _M + r"\s*月", "explicit", True, _explicit(_month_of)),
    (_Y + r"\s*" + _HALF, "explicit", True, _explicit(_fixed(6))),
    (_Y + r"\s*" + _NINE, "explicit", True, _explicit(_fixed(9))),
    (_Y + r"\s*(?:下半年|全年)", "explicit", True, _explicit(_fixed(12))),
    (_Y + r"\s*" + _Q, "explicit", True, _explicit(_quarter)),
    (_Y + r"\s*" + _M + r"\s*月(?:份|底|末)?", "explicit", True, _explicit(_month_of)),
    (_Y + r"\s*(?:初|年初|前后)(?!以来)", "vague", False, _vague),
    (r"“?十[一二三四五六]五”?(?:初期|期初|开局)|起步之初", "vague", False, _vague),
    # 2024.12 in a chart or a table heading
    (r"(?P<y>(?:19|20)\d\d)\.(?P<m>1[0-2]|0?[1-9])(?![\d.])", "explicit", True,
     _explicit(_month_of)),
    (_Y + _END + "?", "explicit", True, _explicit(_fixed(12))),
    (r"(?:今年|本年)\s*" + _M + r"\s*月\s*" + _D + r"\s*日", "relative", True, _this_year(_day)),
    (r"(?:今年|本年)\s*" + _HALF, "relative", True, _this_year(_fixed(6))),
    (r"(?:今年|本年)\s*" + _NINE, "relative", True, _this_year(_fixed(9))),
    (r"(?:今年|本年)\s*" + _Q, "relative", True, _this_year(_quarter)),
    (r"(?:今年|本年)\s*" + _RANGE + _M + r"\s*月", "relative", True, _this_year(_month_of)),
    (r"(?:今年|本年)\s*" + _M + r"\s*月(?:份|底|末)?", "relative", True, _this_year(_month_of)),
    (r"(?:去年|上年|上一年)(?:年底|年末|底|末|全年)?", "relative", True, _last_year(_fixed(12))),
    (r"(?:今年|本年)(?:以来)?|截至目前|截至发稿|目前|当前|现阶段|迄今|至今|年初以来|如今|当下"
     r"|现在|今天", "now",
     True, _now),
    (_M + r"\s*月\s*" + _D + r"\s*日", "relative", False, _latest(_day)),
    (_RANGE + _M + r"\s*月", "relative", True, _latest(_month_of)),
    (_HALF, "relative", True, _latest(_fixed(6))),
    (_NINE, "relative", True, _latest(_fixed(9))),
    (_Q, "relative", True, _latest(_quarter)),
    (_M + r"\s*月(?:份|底|末)", "relative", True, _latest(_month_of)),
    (_M + r"\s*月\s*(?P<part>上旬|中旬|下旬)", "relative", True, _latest(_part_of_month)),
    (r"(?<=[至止])\s*" + _M + r"\s*月", "relative", True, _latest(_month_of)),
    (r"明年|下一年", "relative", True, _next_year(_fixed(12))),
    (r"(?:全年|年底|年末)", "relative", True, _year_end),
)  # fmt: skip


def _needs(pattern: str) -> str:
    """A word every match of ``pattern`` contains, so a text without it is not searched."""
    depth, alternatives = 0, False
    for char in pattern.replace("\\(", "").replace("\\)", ""):
        depth += {"(": 1, ")": -1}.get(char, 0)
        alternatives = alternatives or (char == "|" and depth == 0)
    if alternatives:
        return ""
    if pattern.startswith((_Y, "(?:今年|本年)", "(?:去年", "明年", "(?:全年|年底|年末)")):
        return "年"
    if pattern.startswith((_M, _RANGE + _M, "(?<=[至止])")):
        return "月"
    return "季度" if pattern.startswith(_Q) else ""


_COMPILED = tuple(
    (re.compile(p), _needs(p), kind, carries, make) for p, kind, carries, make in _RULES
)

# Text whose periods date nothing: comparisons, titles, starting points.
_NOT_DATING = re.compile(
    r"《[^》]{0,80}》"
    r"|(?:较|比)(?!重|例)[^，。；,;！？]{0,14}?(?:末|底|年|月|日|季度|同期)"
    r"|(?:与|同|和|相对于)[^，。；,;！？]{0,16}?相比"
    r"|同期"
)
_CUTOFF = re.compile(r"(?:截至|截止|截止到|到)\s*$")
# 2024年出台《…》, 2018年率先制定: the date of an event, not of a figure.
_EVENT = re.compile(
    r"[，,]?\s*(?:率先|先后|相继|正式|首次)?(?:出台|印发|制定|发布|召开|举办|成立|启动|实施|施行|提出"
    r"|部署|列入|设立|获批|签署|开幕|举行|上线|开通|批复|出版|登陆|上市|挂牌|落户|揭牌)"
)
_START = re.compile(r"\s*(?:以来|起|开始|前后|之前|以前)")


def mentions(text: str) -> list[Mention]:
    """Every period expression in ``text`` that dates a figure, in order of position."""
    return list(_mentions(text))


# Every rule's match holds one of these: a text without any has no period (most clauses).
_ANY_PERIOD = re.compile(
    r"[\d年月季]|目前|当前|现阶段|迄今|至今|如今|当下|现在|今天|截至发稿|起步之初|十[一二三四五六]五"
)


@lru_cache(maxsize=4096)
def _mentions(text: str) -> tuple[Mention, ...]:
    if _ANY_PERIOD.search(text) is None:
        return ()
    masked = [(m.start(), m.end()) for m in _NOT_DATING.finditer(text)]
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    for pattern, needs, kind, carries, make in _COMPILED:
        if needs not in text:
            continue
        for match in pattern.finditer(text):
            span = match.span()
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            taken.append(span)
            if any(a <= span[0] < b for a, b in masked):
                continue
            if kind != "now" and (_START.match(text, span[1]) or _EVENT.match(text, span[1])):
                continue
            # 截至4月30日 is a statistical cut-off, whatever the form of the date.
            cutoff = carries or _CUTOFF.search(text, max(0, span[0] - 3), span[0]) is not None
            found.append(Mention(span[0], span[1], match.group(), kind, cutoff, make(match)))
    return tuple(sorted(found, key=lambda m: m.start))


def stated_period(text: str, published: date | None) -> date | None:
    """The date the first period of ``text`` resolves to (None if none, or unresolvable)."""
    for mention in mentions(text):
        return mention.resolve(published)
    return None


def resolve_as_of(text: str, published: date | None) -> date | None:
    """The reference date stated in ``text``, else the publication date (None if neither)."""
    return stated_period(text, published) or published
