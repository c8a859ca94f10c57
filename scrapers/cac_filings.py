"""The filing lists CAC attaches to its announcements (.xlsx): count what they list.

Real attachments are messy: a title row above the header, columns in varying order (模型名称
and 备案单位 swap), 备案时间 values with a （补登） suffix, out-of-order 序号, repeated rows. The
reader finds the header by its names, counts distinct 备案号, and returns the count as a
cross-check of the announced total; it never emits an observation of its own.
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from monitor.core.contract import Crosscheck, ParseResult

__all__ = ["XLSX_TYPES", "is_spreadsheet", "read_filings"]

XLSX_TYPES = ("spreadsheetml", "ms-excel", "application/octet-stream")
_HEADER_WORDS = ("备案号", "模型名称")
_HEADER_SEARCH_ROWS = 10


def is_spreadsheet(url: str, content_type: str) -> bool:
    return url.lower().endswith(".xlsx") or any(t in content_type for t in XLSX_TYPES[:2])


def read_filings(content: bytes) -> ParseResult:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        return _unreadable(f"not a readable .xlsx ({type(exc).__name__}: {exc})")
    try:
        rows = [
            tuple(row) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)
        ]
    finally:
        workbook.close()
    numbers = _filing_numbers(rows)
    if not numbers:
        return _unreadable(
            f"no header naming {' and '.join(_HEADER_WORDS)} in the first {_HEADER_SEARCH_ROWS} "
            "rows, or no rows under it"
        )
    distinct = len(set(numbers))
    detail = f"attachment lists {len(numbers)} row(s), {distinct} distinct 备案号"
    check = Crosscheck(metric="genai_services_filed", value=Decimal(distinct), detail=detail)
    return ParseResult(crosschecks=(check,), notes=(detail,))


def _cells(row: tuple[Any, ...]) -> list[str]:
    return [str(c).strip() if c is not None else "" for c in row]


def _filing_numbers(rows: list[tuple[Any, ...]]) -> list[str]:
    """备案号 values under the header row, found by its names wherever the columns stand."""
    for index, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        cells = _cells(row)
        if all(word in cells for word in _HEADER_WORDS):
            column = cells.index("备案号")
            below = (_cells(r) for r in rows[index + 1 :])
            return [c[column] for c in below if column < len(c) and c[column]]
    return []


def _unreadable(problem: str) -> ParseResult:
    return ParseResult(notes=(problem,), alerts=(("attachment_unreadable", problem),))
