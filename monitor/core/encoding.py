"""Decoding fetched bytes to text: the HTTP header, then ``<meta charset>``, then detection.

Each declared charset is tried strictly, because Chinese government sites often declare one
encoding and serve another (a GBK page behind a ``charset=utf-8`` header). GB2312 and GBK
labels are read as GB18030, their superset, as browsers do.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

__all__ = ["Decoded", "decode", "header_charset", "is_textual", "meta_charset", "normalise"]

_META = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE | re.DOTALL
)
_HEADER = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}
_TEXTUAL = ("text/", "application/json", "application/xhtml", "application/xml", "+xml", "+json")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    # Where the encoding came from: "header", "meta", "bom", "detected" or "fallback".
    basis: str


def is_textual(content_type: str) -> bool:
    ctype = content_type.split(";")[0].strip().lower()
    return not ctype or any(marker in ctype for marker in _TEXTUAL)


def normalise(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, _SUPERSETS.get(label.strip().lower(), name))


def header_charset(content_type: str | None) -> str | None:
    match = _HEADER.search(content_type or "")
    return match.group(1) if match else None


def meta_charset(body: bytes) -> str | None:
    match = _META.search(body[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def _strict(body: bytes, label: str | None) -> str | None:
    encoding = normalise(label)
    if encoding is None:
        return None
    try:
        return body.decode(encoding)
    except UnicodeDecodeError:
        return None


def decode(body: bytes, content_type: str | None = None) -> Decoded:
    """Text of ``body``; never raises, and says which rule chose the encoding."""
    if body.startswith(codecs.BOM_UTF8):
        return Decoded(body[len(codecs.BOM_UTF8) :].decode("utf-8", "replace"), "utf-8", "bom")
    for basis, label in (("header", header_charset(content_type)), ("meta", meta_charset(body))):
        text = _strict(body, label)
        if text is not None:
            return Decoded(text, normalise(label) or "utf-8", basis)
    best = from_bytes(body).best()
    if best is not None and best.encoding:
        encoding = normalise(best.encoding) or best.encoding
        text = _strict(body, encoding)
        if text is not None:
            return Decoded(text, encoding, "detected")
    return Decoded(body.decode("utf-8", "replace"), "utf-8", "fallback")
