"""What the CLI modules share: the app, the database context, JSON output, date options."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

import typer
from sqlalchemy import Engine

from monitor.core.errors import ConfigError
from monitor.core.settings import Settings, load_settings
from monitor.service import logs
from monitor.storage.database import open_database

app = typer.Typer(
    help='Track China\'s "AI+" policy targets: fetch official pages, extract figures, report.',
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON array and nothing else.")]


@contextlib.contextmanager
def database() -> Iterator[tuple[Settings, Engine]]:
    """Settings and the migrated database for one command; the engine is closed afterwards."""
    settings = load_settings()
    logs.setup(settings.log_level, settings.log_format)
    engine = open_database(settings)
    try:
        yield settings, engine
    finally:
        engine.dispose()


def print_json(rows: Any) -> None:
    typer.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option}: expected YYYY-MM-DD, got {value!r}") from None
