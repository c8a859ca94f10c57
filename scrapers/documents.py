"""Pages that are not HTML: plain text and PDF documents, as blocks for the reader.

A PDF (a CNNIC report, say) is read with pdfplumber page by page; PDF text breaks lines in
the middle of sentences and scatters spaces inside figures, which the reader's normalisation
undoes. A plain-text page is a title line and paragraphs.
"""

from __future__ import annotations

import io
import logging

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
    """A title line and paragraphs; ``running`` joins lines cut inside a sentence (PDF text)."""
    lines = [line.strip() for line in text.strip().splitlines()]
    if not lines:
        return []
    title, rest = lines[0], "\n".join(lines[1:])
    body = join_broken_lines(rest) if running else rest
    return [Block(title, "title")] + [Block(line) for line in body.splitlines() if line.strip()]
