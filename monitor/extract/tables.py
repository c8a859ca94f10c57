"""Tables as statements: each figure cell becomes the sentence a table abbreviates.

NBS-style and provincial tables put the indicator in the row label (网民规模（亿人）), the
periods in the column headings (2023年 | 2024年 | 2025年6月), and the unit in a label, a 单位
column or a 单位：亿元 caption; others are transposed, or list places against indicators. For
each numeric cell this module writes "{period}，{place}{indicator}为{value}{unit}。" and the
reader reads it like any sentence, so the same wording, traps (a 同比增长 column is an
increment) and periods apply. The evidence is the caption, the row and the column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from monitor.core.places import PLACES, names_of
from monitor.extract.normalise import normalise
from monitor.extract.periods import mentions

__all__ = ["table_statements"]

_NUMBER = re.compile(r"^[<>≥≤约近超]?\s*-?\d[\d,]*(?:\.\d+)?\s*(?:万亿|亿|万)?\s*[^\d\s]{0,6}$")
_UNIT_IN_LABEL = re.compile(r"[（(]\s*(?:单位[:：]\s*)?([^）)]{1,12})[）)]")
_UNIT_CAPTION = re.compile(r"单位[:：]\s*([^\s，。；)）]{1,10})")
_UNIT_HEADER = re.compile(r"^(?:单位|计量单位)$")
_CELL = re.compile(
    r"^(?P<num>[<>≥≤约近超]?\s*-?\d+(?:\.\d+)?(?:万亿|亿|万)?)(?P<more>余|多)?"
    r"(?P<tail>以上|左右)?(?P<unit>.*)$"
)
_NUMBERING = re.compile(r"^\s*(?:附表|表|图)\s*[\d一二三四五六七八九十]+(?:[-－.]\d+)?\s*")
_BARE_YEAR = re.compile(r"(?:19|20)\d\d")
_OTHER = re.compile(r"^(?:其他|其它|其余)")
_SERIAL = re.compile(r"序号|编号|排名|名次|No\.?")
_LABEL_HEADER = re.compile(r"指标|项目|名称|类别|地区|省份|城市")


def _unit_of(text: str) -> str:
    """亿元 of 营业收入（亿元）, EFLOPS of 算力规模(EFLOPS, FP32); not a year or a precision."""
    found = _UNIT_IN_LABEL.search(text)
    if found is None:
        return ""
    parts = [p.strip() for p in re.split(r"[,，、;；]", found.group(1))]
    return next((p for p in parts if p and not re.search(r"\d{4}|FP\d|INT\d", p)), "")


def _strip_unit(text: str) -> str:
    return _UNIT_IN_LABEL.sub("", text).strip()


def _is_number(cell: str) -> bool:
    return bool(_NUMBER.match(cell)) and not re.match(r"^(?:19|20)\d\d年", cell)


# Every name of the gazetteer.
_PLACE_NAMES = frozenset(name for pattern, _ in PLACES for name in names_of(pattern))


def _is_place(text: str) -> bool:
    return text.rstrip("省市") in _PLACE_NAMES


def _sentence(period: str, texts: Sequence[str], about: str, cell: str, unit: str) -> str:
    """The sentence a cell abbreviates: 2024年，杭州市人工智能产业营业收入为3412.8亿元。"""
    parts = {"period": period, "place": "", "words": about.strip()}
    for text in texts:
        text = text + "年" if _BARE_YEAR.fullmatch(text) else text
        found = mentions(text)
        if found:
            # 截至2025年6月底智能算力规模（EFLOPS）: a period and the indicator in one heading
            parts["period"] = found[0].text
            rest = re.sub(r"^(?:截至|截止|到)|^[的，,\s]+", "", text.replace(found[0].text, "", 1))
            if rest.strip() and not _LABEL_HEADER.fullmatch(rest.strip()):
                parts["words"] += rest.strip()
        elif _is_place(text):
            parts["place"] = text
        elif not _LABEL_HEADER.fullmatch(text):
            parts["words"] += text
    value = cell.replace(",", "")
    number = _CELL.match(value)
    if number and not number["unit"] and unit:
        # 2400余 in a 家 column: 2400余家; 5000以上: 5000家以上
        value = number["num"] + (number["more"] or "") + unit + (number["tail"] or "")
    return f"{parts['period']}，{parts['place']}{parts['words']}为{value}。"


def table_statements(rows: Sequence[Sequence[str]], caption: str = "") -> Iterator[tuple[str, str]]:
    """(statement, evidence) for every figure cell of a table given as rows of cells."""
    cells = [[normalise(c).strip() for c in row] for row in rows if any(c.strip() for c in row)]
    if len(cells) < 2:
        return
    caption = normalise(_NUMBERING.sub("", caption))
    header, body = cells[0], cells[1:]
    caption_unit = _UNIT_CAPTION.search(caption) or _UNIT_CAPTION.search(" ".join(header))
    default_unit = caption_unit.group(1) if caption_unit else ""
    unit_column = next((i for i, h in enumerate(header) if _UNIT_HEADER.match(h)), None)
    skipped = {i for i, h in enumerate(header) if _SERIAL.fullmatch(h)} | {unit_column}
    caption_period = " ".join(m.text for m in mentions(caption)[:1])
    # What the caption says the table is about (表2-1 2024年各设区市人工智能产业营业收入),
    # named before each row's own words so that a row without a label still names something.
    about = _UNIT_CAPTION.sub("", caption)
    for mention in mentions(about):
        about = about.replace(mention.text, "")
    for raw in body:
        # A short row (合计 spanning two columns) lines up with the header's right end.
        row = [""] * (len(header) - len(raw)) + list(raw) if len(raw) < len(header) else raw
        if any(_OTHER.match(c) for c in row if c):
            continue  # 其他地区: a remainder, not a place
        labels = [c for i, c in enumerate(row) if c and i not in skipped and not _is_number(c)]
        row_unit = next((u for u in map(_unit_of, labels) if u), "") or (
            row[unit_column] if unit_column is not None and unit_column < len(row) else ""
        )
        for column, cell in enumerate(row[: len(header)]):
            if column in skipped or not _is_number(cell):
                continue
            heading = header[column]
            unit = _unit_of(heading) or row_unit or default_unit
            texts = [*map(_strip_unit, labels), _strip_unit(heading)]
            evidence = " | ".join(p for p in (caption, *labels, heading) if p) + f": {cell}"
            yield _sentence(caption_period, texts, about, cell, unit), evidence
