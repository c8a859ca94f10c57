"""Decoding fetched bytes: header, then meta, then detection; GB2312 read as GB18030."""

from __future__ import annotations

import codecs

import pytest

from monitor.core.encoding import decode, is_textual, normalise

CHINESE = "四川省人工智能核心产业规模达到1200亿元，同比增长18%。" * 3


def html(charset: str, text: str = CHINESE) -> str:
    return f'<html><head><meta charset="{charset}"></head><body><p>{text}</p></body></html>'


@pytest.mark.parametrize(
    ("body", "content_type", "encoding", "basis"),
    [
        (html("utf-8").encode(), "text/html; charset=utf-8", "utf-8", "header"),
        (html("gb2312").encode("gb18030"), "text/html; charset=GBK", "gb18030", "header"),
        (html("gb2312").encode("gb18030"), "text/html", "gb18030", "meta"),
        (html("gb2312").encode("gb18030"), "text/html; charset=utf-8", "gb18030", "meta"),
        (html("utf-8").encode("gb18030"), "text/html", "gb18030", "detected"),
        (codecs.BOM_UTF8 + html("gbk").encode(), "text/html; charset=gbk", "utf-8", "bom"),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>'
            + CHINESE.encode("gb18030"),
            "",
            "gb18030",
            "meta",
        ),
    ],
    ids=["header", "gbk-header", "gbk-meta", "header-lies", "no-declaration", "bom", "http-equiv"],
)
def test_decode_picks_the_right_encoding(
    body: bytes, content_type: str, encoding: str, basis: str
) -> None:
    """The text comes back intact and the rule that chose the encoding is reported."""
    decoded = decode(body, content_type)
    assert CHINESE in decoded.text
    assert (decoded.encoding, decoded.basis) == (encoding, basis)


def test_undecodable_bytes_never_raise() -> None:
    """Bytes valid in no declared encoding still decode, with replacement characters."""
    decoded = decode(b"\xff\xfe\xfa" * 3, "text/html; charset=ascii")
    assert isinstance(decoded.text, str)


@pytest.mark.parametrize(
    ("label", "expected"),
    [("GB2312", "gb18030"), ("gbk", "gb18030"), ("UTF8", "utf-8"), ("no-such", None), ("", None)],
)
def test_normalise_labels(label: str, expected: str | None) -> None:
    """Charset labels are canonicalised and GB2312/GBK widened to GB18030."""
    assert normalise(label) == expected


@pytest.mark.parametrize(
    ("content_type", "textual"),
    [
        ("text/html; charset=utf-8", True),
        ("application/json", True),
        ("application/pdf", False),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", False),
    ],
)
def test_is_textual(content_type: str, textual: bool) -> None:
    """Attachments are kept as bytes; HTML and JSON are decoded."""
    assert is_textual(content_type) is textual
