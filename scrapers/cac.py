"""CAC (www.cac.gov.cn): 网信发布 list pages, filing announcements and their attachments."""

from __future__ import annotations

import re

from monitor.page import Page, ParseResult
from scrapers._html import article, listing, select_links, soup
from scrapers.cac_filings import is_spreadsheet, read_filings

NAME = "cac"
VERSION = "0.3"
_LIST = re.compile(r"/A\d+index_\d+\.htm$")
_ATTACHMENTS = "a[href$='.xlsx'], a[href$='.xls'], a[href$='.docx'], a[href$='.pdf']"


def parse(page: Page) -> ParseResult:
    if is_spreadsheet(page.url, page.content_type):
        return read_filings(page.content)
    if not page.is_text:
        return ParseResult(notes=("attachment stored, not read (only .xlsx filing lists are)",))
    doc = soup(page)
    if _LIST.search(page.url):
        # The live list uses protocol-relative, unquoted hrefs: urljoin resolves both.
        return listing(select_links(doc, "div#loadingInfoPage li h5 a", page.url), NAME)
    return article(
        page,
        doc,
        body=("div#BodyLabel", "#BodyLabel", ".TRS_Editor", "div.main-content"),
        dates=("span#pubtime", "meta[name=publishdate]"),
        attachments=_ATTACHMENTS,
    )
