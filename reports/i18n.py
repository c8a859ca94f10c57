"""Translations for the report templates: gettext message catalogs (.po), per language.

The templates are written with English msgids through Jinja's i18n extension; ``zh`` (the
default report language) is a catalog like any other. The active catalog is a context
variable, so the one Environment renders any language without being reconfigured.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

LOCALES = Path(__file__).parent / "locale"
LANGUAGES = ("zh", "en")
_ACTIVE: ContextVar[dict[str, str] | None] = ContextVar("report_catalog", default=None)
_LANGUAGE: ContextVar[str] = ContextVar("report_language", default="zh")
_ENTRY = re.compile(r'^msgid\s+(".*")\s*\nmsgstr\s+(".*")\s*$', re.MULTILINE)


@cache
def catalog(language: str) -> dict[str, str]:
    """msgid -> msgstr of ``locale/<language>.po``; English needs none."""
    if language == "en":
        return {}
    text = (LOCALES / f"{language}.po").read_text(encoding="utf-8")
    entries = {ast.literal_eval(k): ast.literal_eval(v) for k, v in _ENTRY.findall(text)}
    return {k: v for k, v in entries.items() if k and v}


def gettext(message: str) -> str:
    active = _ACTIVE.get()
    if active is None:
        active = catalog(_LANGUAGE.get())
    return active.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def current() -> str:
    return _LANGUAGE.get()


@contextmanager
def language(name: str) -> Iterator[None]:
    token, named = _ACTIVE.set(catalog(name)), _LANGUAGE.set(name)
    try:
        yield
    finally:
        _ACTIVE.reset(token)
        _LANGUAGE.reset(named)
