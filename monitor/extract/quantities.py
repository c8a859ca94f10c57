"""Quantities in running Chinese text: number, scale, unit and the qualifier around them.

5.15亿人, 超过1500家, 1200余家, 三百多款, 约2.5万亿元, 246EFLOPS, 8000P, 每秒1.97万亿亿次浮点运算,
36.5%, 超过五成. Each becomes a :class:`Quantity` with its position, its value in the written
unit's canonical unit (or, for a bare 5.15亿, the scaled number and no unit), and a qualifier:
``gt`` (超过 突破 逾 余 多 以上 不低于), ``approx`` (近 约 左右), ``lt`` (不足 不到), else ``eq``.
Changes (个百分点, 倍) and visits (人次) are kept with units of their own that no metric takes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from monitor.core.errors import ParseError
from monitor.extract.numerals import chinese_integer

__all__ = ["Quantity", "quantities"]

_CN = "零〇一二两三四五六七八九十百千"
_ANY_NUMERAL = re.compile(rf"[\d{_CN}]")
_BEFORE = (
    r"(?P<before>至少|不低于|不少于|超过了|超过|超出|突破了|突破|多达|高达|逾|超|过"
    r"|接近|将近|近|大约|约为|约|不足|不到|低于|少于)?"
)
_NUMBER = (
    r"(?<![几数])(?P<arabic>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"|(?<![几数上成])(?P<chinese>[{_CN}]+(?:[万亿][{_CN}]*)*)"
)
# 兆元 (Taiwan: 10^12 yuan) and 京次 (10^16 operations) only before their unit.
_SCALE = (
    r"(?P<scale>万亿亿|百亿亿|千万亿|亿亿|万亿|千亿|百亿|十亿|千万|百万|十万|万|亿|千"
    r"|兆(?=元)|京(?=次))?"
)
_UNIT = (
    r"(?P<unit>EFLOPS|EFlops|Eflops|EFLOP|E(?![A-Za-z])|PFLOPS|PFlops|Pflops|P(?![A-Za-z])"
    r"|TFLOPS|次浮点运算每秒|次浮点运算/秒|次/秒|次浮点运算|次每秒|次"
    r"|个百分点|百分点|人次|元|人|户|家|间|款|个|项|座|所|部|套|台|种|%|成|倍)"
)
_AFTER = r"(?P<after>余|多|几)?"
# A qualifier may stand before the verb that introduces the number: 至少发布了284个.
_VERB_QUALIFIED = re.compile(
    r"(至少|不少于|超过|接近|约)(?:有|拥有|发布|建成|培育|落地|上线|完成|聚集|集聚)了?$"
)
_AFTER2 = r"(?P<after2>余|多)?"
_TAIL = r"(?P<tail>以上|左右|上下|之多|有余)?"
_QUANTITY = re.compile(
    _BEFORE + r"(?:了)?(?P<core>(?P<persec>每秒)?(?:" + _NUMBER + ")" + _AFTER + _SCALE + _AFTER2
    + _UNIT + r"?)" + _TAIL
)  # fmt: skip

_SCALES = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8, "兆": 10**12, "京": 10**16}
# written unit -> (canonical unit, factor)
_UNITS: dict[str, tuple[str, Decimal]] = {
    "元": ("CNY", Decimal(1)),
    "人": ("persons", Decimal(1)),
    "%": ("percent", Decimal(1)),
    "成": ("percent", Decimal(10)),
    "EFLOPS": ("FLOPS", Decimal(10) ** 18),
    "E": ("FLOPS", Decimal(10) ** 18),
    "PFLOPS": ("FLOPS", Decimal(10) ** 15),
    "P": ("FLOPS", Decimal(10) ** 15),
    "TFLOPS": ("FLOPS", Decimal(10) ** 12),
    "户": ("accounts", Decimal(1)),
    "人次": ("visits", Decimal(1)),
    "个百分点": ("points", Decimal(1)),
    "百分点": ("points", Decimal(1)),
    "倍": ("times", Decimal(1)),
    **{
        u: ("count", Decimal(1))
        for u in ("家", "间", "款", "个", "项", "座", "所", "部", "套", "台", "种")
    },
}
_QUALIFIERS = {
    **dict.fromkeys(
        ("至少", "不低于", "不少于", "超过了", "超过", "超出", "突破了", "突破", "逾", "超", "过"),
        "gt",
    ),
    **dict.fromkeys(("多达", "高达"), "eq"),
    **dict.fromkeys(("接近", "将近", "近", "大约", "约为", "约"), "approx"),
    **dict.fromkeys(("不足", "不到", "低于", "少于"), "lt"),
}


@dataclass(frozen=True)
class Quantity:
    """One quantity of a text: where it is, what it is worth, and how it is qualified."""

    start: int  # qualifier words included
    end: int
    core_start: int  # the number itself, with its scale and unit
    value: Decimal  # in ``unit`` (scaled but unit-less when ``unit`` is None)
    unit: str | None  # canonical unit, or None when the text gives only a number and a scale
    scaled: bool  # 万/亿 written
    qualifier: str
    text: str
    written: str = ""  # the unit as written: 家, 款, 亿元' unit word, EFLOPS...

    @property
    def bare(self) -> bool:
        """A number with neither a unit nor a scale: a year, an index, a rank."""
        return self.unit is None and not self.scaled


def _scale(word: str) -> int:
    factor = 1
    for char in word:
        factor *= _SCALES[char]
    return factor


def _flops_unit(match: re.Match[str], unit: str) -> str | None:
    """次 counts floating-point operations only as a rate: 每秒…次 or …次/秒."""
    if unit in ("次浮点运算每秒", "次浮点运算/秒", "次/秒", "次每秒"):
        return "FLOPS"
    if unit in ("次", "次浮点运算") and match["persec"]:
        return "FLOPS"
    return None


def _qualifier(text: str, match: re.Match[str]) -> str:
    """gt, approx, lt or eq, from the words around the number (or before its verb)."""
    if match["tail"] in ("左右", "上下"):
        return "approx"
    qualifier = _QUALIFIERS.get(match["before"] or "", "eq")
    if not match["before"]:
        verb = _VERB_QUALIFIED.search(text, max(0, match.start() - 6), match.start())
        qualifier = _QUALIFIERS[verb[1]] if verb else qualifier
    if qualifier == "eq" and (match["after"] or match["after2"] or match["tail"] in
                              ("以上", "之多", "有余")):  # fmt: skip
        qualifier = "gt"
    return qualifier


def quantities(text: str) -> Iterator[Quantity]:
    """Every quantity in ``text`` that has a unit or a scale, or is an Arabic number."""
    if _ANY_NUMERAL.search(text) is None:
        return
    for match in _QUANTITY.finditer(text):
        written = match["unit"]
        if match["chinese"] and not (written or match["scale"]):
            continue  # 一是, 十四五: words, not quantities
        try:
            number = (
                Decimal(match["arabic"].replace(",", ""))
                if match["arabic"]
                else Decimal(chinese_integer(match["chinese"]))
            )
        except (InvalidOperation, ParseError):
            continue
        if number == 0:
            continue  # 零的突破: a milestone, not a count
        if match["chinese"] and number == 1 and not match["scale"]:
            continue  # 一款, 一家: an article, not a count
        scale = _scale(match["scale"]) if match["scale"] else 1
        unit: str | None = None
        factor = Decimal(1)
        if written:
            flops = _flops_unit(match, written)
            if flops:
                unit = flops
            elif written.startswith("次"):
                unit = "times"
            else:
                unit, factor = _UNITS[written.upper() if "FLOP" in written.upper() else written]
        qualifier = _qualifier(text, match)
        yield Quantity(
            start=match.start(),
            end=match.end(),
            core_start=match.start("core"),
            value=number * scale * factor,
            unit=unit,
            scaled=bool(match["scale"]),
            qualifier=qualifier,
            text=match.group(),
            written=written or "",
        )
