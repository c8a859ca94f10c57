"""Pages that are not HTML: plain text and PDF documents, as blocks for the reader.

A PDF (a CNNIC report, say) is read with pdfplumber page by page; PDF text breaks lines in
the middle of sentences and scatters spaces inside figures, which the reader's normalisation
undoes. A plain-text page is a title line and paragraphs.
"""

from __future__ import annotations

import io
import logging
import re

import pdfplumber
from pdfminer.pdfexceptions import PDFException
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import PdfminerException

from monitor.core.errors import ParseError
from monitor.extract.normalise import join_broken_lines
from monitor.extract.reader import Block

__all__ = ["is_pdf", "pdf_text", "text_blocks"]

_MAX_PDF_PAGES = 400


def is_pdf(content: bytes, content_type: str = "", url: str = "") -> bool:
    return (
        content.startswith(b"%PDF")
        or "application/pdf" in content_type
        or url.lower().endswith(".pdf")
    )


def pdf_text(content: bytes) -> str:
    """The text of a PDF, pages in order; ParseError when it cannot be read."""
    # pdfminer logs every font it cannot map; that is noise for a reader of figures.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        with pdfplumber.open(io.BytesIO(content)) as pdf:
            pages = pdf.pages[:_MAX_PDF_PAGES]
            return "\n".join(page.extract_text() or "" for page in pages)
    except (PdfminerException, PDFException, PSException, ValueError, KeyError, TypeError,
            OSError) as exc:  # fmt: skip
        raise ParseError(f"not a readable PDF ({type(exc).__name__}: {exc})") from None


def text_blocks(text: str, *, running: bool = True) -> list[Block]:
    """A title line, paragraphs and tables; ``running`` joins lines cut inside a sentence.

    In PDF text a table is a run of lines of space-separated fields (杭州市 3 412.8 13.6)
    under a header line (地区 营业收入（亿元） 同比增速（%）), or a chart's columns above a
    row of periods (24900 51500 / 17.7% 36.5% / 2024.12 2025.06); the lines before it
    (表 2-1 …, 单位：万人) are its caption.
    """
    lines = [line.strip() for line in text.strip().splitlines()]
    if not lines:
        return []
    blocks = [Block(lines[0], "title")]
    prose: list[str] = []

    def flush() -> None:
        body = join_broken_lines("\n".join(prose)) if running else "\n".join(prose)
        blocks.extend(Block(line) for line in body.splitlines() if line.strip())
        prose.clear()

    index = 1
    while index < len(lines):
        table = _table_at(lines, index)
        if table is None:
            prose.append(lines[index])
            index += 1
            continue
        rows, end, caption_lines = table
        for _ in range(caption_lines):
            prose.pop()  # the caption goes with its table
        caption = " ".join(line for line in lines[index - caption_lines : index] if line)
        flush()
        blocks.append(Block(caption, "table", rows))
        index = end
    flush()
    return blocks


_NUMBER = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?[%％]?$|^\d{4}[.年]\d{1,2}月?$")
_PERIOD = re.compile(r"^(?:19|20)\d\d(?:[.年]\d{1,2}月?|年(?:底|末)?)?$")
_SENTENCE = re.compile(r"[。；，,：:]")


def _fields(line: str) -> list[str]:
    """The space-separated fields of a line, a period PDF text cut apart put back together
    (2023 年 -> 2023年, 2025 年 6 月 -> 2025年6月)."""
    fields: list[str] = []
    for field in line.split():
        if fields and (
            re.fullmatch(r"[年月日]|年[底末]|季度", field)
            and re.search(r"\d$", fields[-1])
            or re.fullmatch(r"\d{1,2}月[底末]?", field)
            and fields[-1].endswith("年")
        ):
            fields[-1] += field
        else:
            fields.append(field)
    return fields


def _data_row(line: str) -> bool:
    fields = _fields(line)
    return (
        2 <= len(fields) <= 12
        and len(line) <= 80
        and not _SENTENCE.search(line)
        and sum(bool(_NUMBER.match(f)) for f in fields) >= max(1, len(fields) - 1)
    )


def _header_row(line: str) -> bool:
    fields = _fields(line)
    return 2 <= len(fields) <= 12 and len(line) <= 80 and not _SENTENCE.search(line)


def _merged(fields: list[str], width: int) -> list[str]:
    """3 412.8 is one number: thousands groups a PDF set apart, merged back to the header's
    number of columns."""
    fields = list(fields)
    while len(fields) > width:
        for i in range(len(fields) - 1):
            if re.fullmatch(r"\d{1,3}", fields[i]) and re.fullmatch(
                r"\d{3}(?:\.\d+)?", fields[i + 1]
            ):
                fields[i : i + 2] = [fields[i] + fields[i + 1]]
                break
        else:
            break
    return fields


def _table_at(lines: list[str], index: int) -> tuple[tuple[tuple[str, ...], ...], int, int] | None:
    """The table starting at ``lines[index]`` (its header), its end, and how many lines before
    it are its caption; None when there is none."""
    header = _fields(lines[index])
    start = index + 1
    # A header's units on a line of their own: 算力规模 / (EFLOPS, FP32)
    units = _UNIT_GROUP.findall(lines[start]) if start < len(lines) else []
    if units and _UNIT_LINE.fullmatch(lines[start]) and 0 <= len(header) - len(units) <= 1:
        padded = [""] * (len(header) - len(units)) + units
        header = [h + u for h, u in zip(header, padded, strict=True)]
        start += 1
    end = start
    while end < len(lines) and _data_row(lines[end]):
        end += 1
    data = lines[start:end]
    if _header_row(lines[index]) and not _data_row(lines[index]) and len(data) >= 1:
        width = len(header)
        rows = [tuple(header)] + [tuple(_merged(_fields(r), width)) for r in data]
    else:
        # A chart: columns of values above a row of periods.
        end = index
        while end < len(lines) and _data_row(lines[end]):
            end += 1
        chart = lines[index:end]
        if len(chart) < 2 or not all(_PERIOD.match(f) for f in _fields(chart[-1])):
            return None
        rows = [tuple(_fields(chart[-1]))] + [("",) + tuple(_fields(r)) for r in chart[:-1]]
        rows[0] = ("",) + rows[0]
    # Up to two caption lines (表 2-1 …, 单位：万人) before it, a blank line apart or not.
    captions, found, back = 0, 0, index - 1
    while found < 2 and back >= 1:
        line = lines[back]
        if line and not (_CAPTION.match(line) or line.startswith("单位")):
            break
        if line:
            found += 1
            captions = index - back
        back -= 1
    return tuple(rows), end, captions


_CAPTION = re.compile(r"^(?:表|图|附表)\s*[\d一二三四五六七八九十]")
_UNIT_GROUP = re.compile(r"[（(][^）)]{1,20}[）)]")
_UNIT_LINE = re.compile(r"(?:\s*[（(][^）)]{1,20}[）)])+\s*")
