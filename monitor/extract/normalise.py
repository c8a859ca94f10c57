"""Text as the reader expects it, whatever the page did to it.

- Full-width digits, Latin letters and signs become ASCII (１２．５％ -> 12.5%); Chinese
  punctuation stays, because a Chinese comma between numbers is not a thousands separator.
- Traditional characters become simplified (OpenCC ``t2s``): 網信辦 -> 网信办, 億 -> 亿.
- Whitespace between Chinese characters, digits and units goes (PDF text: 截至 2024 年底,
  302 款, 约 2.5 亿), as do non-breaking and ideographic spaces; Latin words keep theirs.
- ASCII punctuation in Chinese text becomes Chinese (达11.25亿人,互联网 -> 达11.25亿人，互联网);
  between digits it stays (2,400).
- Pinyin that some reprint sites put after a character (網(wǎng)民規(guī)模達(dá)) goes.
- In running text (plain or PDF), a line break inside a sentence is removed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import opencc

__all__ = ["join_broken_lines", "normalise"]

# Full-width forms to fold, except the punctuation Chinese text keeps: ，：；（）！？ and 、.
_KEEP = set("，：；（）！？、《》“”‘’")
_WIDTH = {
    code: unicodedata.normalize("NFKC", chr(code))
    for code in range(0xFF01, 0xFF5F)
    if chr(code) not in _KEEP
}
_WIDTH.update({0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x200B: ""})
# Small forms some pages use as separators (﹔﹐﹑): their Chinese punctuation.
_WIDTH.update({0xFE50: "，", 0xFE51: "、", 0xFE52: ".", 0xFE54: "；", 0xFE55: "：", 0xFE56: "？",
               0xFE57: "！"})  # fmt: skip
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_TIGHT = rf"[{_CJK}\d%.,，。；：、（）《》“”]"
_SPACE = re.compile(rf"(?<={_TIGHT})[ \t]+(?=[{_CJK}\d%A-Za-z(（])|(?<=[A-Za-z])[ \t]+(?=[{_CJK}])")
# 5 732.6: a thousands group set apart; two numbers side by side (a table row) stay apart.
_DIGIT_SPACE = re.compile(r"(?<=\d) (?=\d{3}(?:\.\d+)?(?!\d))|(?<=\d) ?\. ?(?=\d)")
_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_ASCII_MARK = re.compile(rf"(?<=[{_CJK}%)）”])[,;:!?]|[,;:!?](?=[{_CJK}“（])")
_HAN = re.compile("[\u3400-\u9fff]")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = re.compile(rf"(?<=[{_CJK}])\([a-zü]*[{_TONED}][a-zü]*\)")
_SENTENCE_END = re.compile(r"[。！？；：:\]】)）”]$")


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _traditional() -> frozenset[str]:
    """The characters OpenCC changes (about 4,200): text without any is left as it is, which
    spares the conversion on the simplified pages that are most of them."""
    chars = "".join(
        chr(code)
        for start, stop in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
        for code in range(start, stop)
    )
    return frozenset(a for a, b in zip(chars, _converter().convert(chars), strict=True) if a != b)


def normalise(text: str) -> str:
    """Width-folded, simplified, with the spaces PDF extraction leaves inside figures removed."""
    text = text.translate(_WIDTH)
    if "(" in text:
        text = _PINYIN.sub("", text)
    if _HAN.search(text):
        if not _traditional().isdisjoint(text):
            text = _converter().convert(text)
        text = _ASCII_MARK.sub(lambda m: _FULL[m.group()], text)
    text = _DIGIT_SPACE.sub(lambda m: "." if "." in m.group() else "", text)
    return _SPACE.sub("", text)


def join_broken_lines(text: str) -> str:
    """Lines of running text joined where a sentence was cut (PDF columns, fixed-width text).

    A line that ends without sentence punctuation continues on the next one, unless the next
    is blank or looks like a heading (short and without punctuation) or a table row.
    """
    out: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            out.append("")
            continue
        if out and out[-1] and not _SENTENCE_END.search(out[-1]) and not _heading(out[-1]):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def _heading(line: str) -> bool:
    """A title or a numbered heading: short, and without a sentence's punctuation."""
    return len(line) <= 16 and not re.search(r"[，。,]", line)
