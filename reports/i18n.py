"""Translations for the report templates: gettext catalogues (.po), compiled by Babel.

The templates are written with English msgids through Jinja's i18n extension; ``zh`` (the
default report language) is a catalogue like any other, plural forms included. Each ``.po``
is read and compiled once per process (no build step, no stale ``.mo`` file). The active
translations are a context variable, so the one Environment renders any language without
being reconfigured.
"""

from __future__ import annotations

import gettext as stdlib_gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

__all__ = ["LANGUAGES", "catalog", "current", "gettext", "language", "ngettext", "translations"]

LOCALES = Path(__file__).parent / "locale"
LANGUAGES = ("zh", "en")
_ACTIVE: ContextVar[stdlib_gettext.NullTranslations | None] = ContextVar(
    "report_translations", default=None
)
_LANGUAGE: ContextVar[str] = ContextVar("report_language", default="zh")


@cache
def catalog(language: str) -> Catalog:
    """The message catalogue of ``locale/<language>.po`` (English, the msgid language: empty)."""
    if language == "en":
        return Catalog(locale="en")
    with (LOCALES / f"{language}.po").open("rb") as po:
        return read_po(po, locale=language)


@cache
def translations(language: str) -> stdlib_gettext.NullTranslations:
    """``language``'s catalogue compiled to gettext translations."""
    if language == "en":
        return stdlib_gettext.NullTranslations()
    compiled = io.BytesIO()
    write_mo(compiled, catalog(language))
    compiled.seek(0)
    return stdlib_gettext.GNUTranslations(compiled)


def _active() -> stdlib_gettext.NullTranslations:
    return _ACTIVE.get() or translations(_LANGUAGE.get())


def gettext(message: str) -> str:
    return _active().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _active().ngettext(singular, plural, n)


def current() -> str:
    return _LANGUAGE.get()


@contextmanager
def language(name: str) -> Iterator[None]:
    token, named = _ACTIVE.set(translations(name)), _LANGUAGE.set(name)
    try:
        yield
    finally:
        _ACTIVE.reset(token)
        _LANGUAGE.reset(named)
