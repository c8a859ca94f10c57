"""Jurisdictions: the slug format (DESIGN section 3) and the place names that map to slugs.

A slug is ``cn`` for the country, ``cn-`` plus the ISO 3166-2:CN code for a province
(``cn-gd``), and a province's slug plus the pinyin for a city or zone (``cn-gd-shenzhen``).
"""

from __future__ import annotations

import re

__all__ = ["PLACES", "SLUG", "place_of"]

SLUG = re.compile(r"cn(-[a-z]+)*")  # use SLUG.fullmatch

# Place names, most specific first: a city before its province, a zone before its city.
PLACES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), slug)
    for pattern, slug in (
        (r"北京经开区|北京经济技术开发区|亦庄", "cn-bj-etown"),
        (r"成都", "cn-sc-chengdu"),
        (r"杭州", "cn-zj-hangzhou"),
        (r"深圳", "cn-gd-shenzhen"),
        (r"广州", "cn-gd-guangzhou"),
        (r"北京", "cn-bj"),
        (r"上海", "cn-sh"),
        (r"天津", "cn-tj"),
        (r"广东", "cn-gd"),
        (r"四川", "cn-sc"),
        (r"浙江", "cn-zj"),
        (r"江苏", "cn-js"),
        (r"我国|全国|中国", "cn"),
    )
)


def place_of(text: str) -> str | None:
    """The most specific place ``text`` names (a publisher's name, say), or None."""
    for pattern, slug in PLACES:
        if pattern.search(text):
            return slug
    return None
