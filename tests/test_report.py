"""The daily report: content, languages, escaping, email structure and delivery (real SMTP)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from monitor.core.settings import Settings
from monitor.crawl.cycle import CycleOptions
from monitor.mirror import MirrorServer
from monitor.reporting import outbox
from monitor.reporting.publish import produce
from monitor.storage.csv_import import import_observations
from monitor.storage.models import OutboxMessage
from reports import i18n
from reports.i18n import catalog
from tests.support.registered import run_cycle
from tests.support.smtp import SMTPServer, free_port

ROOT = Path(__file__).parent.parent
DAY = date(2026, 11, 23)
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")
LATIN_TARGETS = """
[[target]]
id = "filings-2027"
metric = "genai_services_filed"
jurisdiction = "cn"
comparator = ">="
value = 1000
unit = "款"
deadline = 2027-12-31
description = "Generative AI services filed"
[target.source]
title = "Test policy"
issuer = "Test"
published = 2024-06-30

[[target]]
id = "growth"
kind = "directional"
metric = "ai_core_industry_scale"
jurisdiction = "cn"
deadline = 2027-12-31
description = "Core industry grows fast"
[target.source]
title = "Test policy"
issuer = "Test"
"""
CSV = """metric,jurisdiction,value,unit,as_of,qualifier,source,note
genai_services_filed,cn,302,款,2024-12-31,,test,<script>alert('x')</script> &amp; 5 > 3
genai_services_filed,cn,439,款,2025-06-30,,test,
ai_core_industry_scale,cn,9000,亿元,2024-12-31,,test,
ai_core_industry_scale,cn,9800,亿元,2025-12-31,,test,
"""


@pytest.fixture
def smtp() -> Iterator[SMTPServer]:
    server = SMTPServer().start()
    yield server
    server.stop()


@pytest.fixture
def latin(db_settings: Settings, engine: Engine, tmp_path: Path) -> Settings:
    """A database with Latin-only targets and hand-entered figures (one with HTML in it)."""
    (tmp_path / "targets.toml").write_text(LATIN_TARGETS, encoding="utf-8")
    (tmp_path / "manual.csv").write_text(CSV, encoding="utf-8")
    import_observations(engine, tmp_path / "manual.csv")
    return db_settings.model_copy(update={"targets_file": tmp_path / "targets.toml"})


def mailing(settings: Settings, port: int, **extra: object) -> Settings:
    return settings.model_copy(update={
        "smtp_host": "127.0.0.1", "smtp_port": port, "smtp_security": "none",
        "mail_to": "analyst@example.org, ops@example.org", **extra,
    })  # fmt: skip


def test_email_is_multipart_with_inline_charts(
    engine: Engine, latin: Settings, smtp: SMTPServer
) -> None:
    """The sent message has text and HTML parts, every cid: resolves, styles are inline."""
    result = produce(engine, mailing(latin, smtp.port), DAY)
    assert result.delivery is not None and result.delivery.sent == 1
    (message,) = smtp.inbox.messages
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",))
    html_part = message.get_body(("html",))
    assert text is not None and html_part is not None
    html = html_part.get_content()
    assert "<script" not in html.lower() and "<style" not in html and 'style="' in html
    images = {p["Content-ID"].strip("<>"): p for p in message.walk()
              if p.get_content_type() == "image/png"}  # fmt: skip
    cids = set(re.findall(r'src="cid:([^"]+)"', html))
    assert cids and cids == set(images)
    assert all(p.get_content().startswith(b"\x89PNG") for p in images.values())
    assert smtp.inbox.envelopes[0][1] == ["analyst@example.org", "ops@example.org"]
    assert "2026-11-23" in message["Subject"]


def test_scraped_text_is_escaped(engine: Engine, latin: Settings) -> None:
    """Evidence containing <script> and entities reaches the report escaped, in every form."""
    result = produce(engine, latin.model_copy(update={"report_language": "en"}), DAY)
    html = result.html_path.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(" in html and "&lt;/script&gt; &amp;amp; 5 &gt; 3" in html


def test_english_changes_every_label(engine: Engine, latin: Settings) -> None:
    """In English no Chinese is left (labels, statuses, metric names, subject, text part)."""
    result = produce(engine, latin.model_copy(update={"report_language": "en"}), DAY)
    folder = result.html_path.parent
    for name in ("report-en.html", "report-en.txt"):
        content = (folder / name).read_text(encoding="utf-8")
        assert CJK.findall(content) == [], name
    assert not CJK.search(result.subject)


def test_chinese_is_complete(engine: Engine, latin: Settings) -> None:
    """Every label used by the templates has a Chinese translation, and none is left English."""
    used: set[str] = set()
    for template in (ROOT / "reports" / "templates").iterdir():
        used |= set(re.findall(r'(?:\b_|ngettext)\(\s*"((?:[^"\\]|\\.)*)"', template.read_text()))
    translated: set[str] = set()
    for message in catalog("zh"):
        if message.id and all(
            message.string if isinstance(message.string, tuple) else [message.string]
        ):
            translated.update(message.id if isinstance(message.id, tuple) else (message.id,))
    assert used - translated == set()
    result = produce(engine, latin, DAY)
    html = result.html_path.read_text(encoding="utf-8")
    for english in ("What changed", "Data health", "Waiting for review", "On track", "Summary"):
        assert english not in html


def test_every_section_in_order(engine: Engine, latin: Settings) -> None:
    """The report holds the sections of DESIGN section 8, in that order."""
    result = produce(engine, latin.model_copy(update={"report_language": "en"}), DAY)
    html = result.html_path.read_text(encoding="utf-8")
    headings = ["Summary", "What changed", "New observations", "Status changes", "New alerts",
                "Targets", "Deadline 2027", "Data health", "Stale series", "Failing sources",
                "Open alerts", "Waiting for review", "Source conflicts", "Method:"]  # fmt: skip
    positions = [html.index(h) for h in headings]
    assert positions == sorted(positions)
    assert (
        "chart-filings-2027.png" in html
        and (result.html_path.parent / "chart-filings-2027.png").exists()
    )


def test_status_changes_since_the_previous_report(
    engine: Engine, latin: Settings, tmp_path: Path
) -> None:
    """A second report lists the targets whose status changed since the first."""
    produce(engine, latin, date(2025, 7, 1))
    (tmp_path / "more.csv").write_text(
        "metric,jurisdiction,value,unit,as_of,qualifier,source,note\n"
        "genai_services_filed,cn,1100,款,2025-12-31,,test,\n", encoding="utf-8")  # fmt: skip
    import_observations(engine, tmp_path / "more.csv")
    result = produce(engine, latin.model_copy(update={"report_language": "en"}), DAY)
    html = result.html_path.read_text(encoding="utf-8")
    assert "filings-2027" in html and "→ Achieved" in html
    assert "Since the report of 2025-07-01." in html


def test_smtp_down_then_up_delivers_once(engine: Engine, latin: Settings) -> None:
    """A report queued while SMTP is down is sent once when it is back, never twice."""
    port = free_port()
    settings = mailing(latin, port, smtp_timeout=2.0)
    first = produce(engine, settings, DAY)
    assert first.delivery is not None and (first.delivery.sent, first.delivery.failed) == (0, 1)
    with Session(engine) as session:
        (queued,) = session.exec(select(OutboxMessage)).all()
        assert queued.status == "queued" and "Connection refused" in (queued.last_error or "")
    server = SMTPServer(port).start()
    try:
        assert outbox.deliver(engine, settings, now_only=True).sent == 1
        assert outbox.deliver(engine, settings, now_only=True).sent == 0
        again = produce(engine, settings, DAY)
        assert again.delivery is not None and again.delivery.sent == 0
    finally:
        server.stop()
    assert len(server.inbox.messages) == 1


def test_failed_sends_back_off(engine: Engine, latin: Settings) -> None:
    """Each failure pushes the next attempt further out; retries before then do nothing."""
    settings = mailing(latin, free_port(), smtp_timeout=2.0)
    produce(engine, settings, DAY)
    assert outbox.deliver(engine, settings).failed == 0  # not due yet
    with Session(engine) as session:
        (entry,) = session.exec(select(OutboxMessage)).all()
        delay = entry.next_attempt_at - entry.queued_at
    assert delay.total_seconds() >= 290
    assert outbox.deliver(engine, settings, now_only=True).failed == 1
    with Session(engine) as session:
        (entry,) = session.exec(select(OutboxMessage)).all()
        assert entry.attempts == 2 and entry.next_attempt_at - entry.queued_at > delay


def test_full_report_stays_under_two_megabytes(
    engine: Engine, db_settings: Settings, mirror: MirrorServer
) -> None:
    """The report of every declared target over the whole mirror is under 2 MB as an email."""
    settings = db_settings.model_copy(
        update={"mirror_url": mirror.url, "targets_file": ROOT / "targets.toml"}
    )
    run_cycle(engine, settings, CycleOptions(force=True))
    result = produce(engine, settings, DAY)
    assert result.eml_path.stat().st_size < 2 * 1024 * 1024
    message = result.eml_path.read_bytes()
    assert message.count(b"Content-Type: image/png") >= 5


def _text_of(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def test_plain_text_has_the_same_facts(engine: Engine, latin: Settings, smtp: SMTPServer) -> None:
    """The text alternative carries the statuses, values and proxy notes of the HTML."""
    produce(engine, mailing(latin, smtp.port, report_language="en"), DAY)
    (message,) = smtp.inbox.messages
    text = _text_of(message)
    for fact in ("filings-2027", "439 count", "Rising", "Data health"):
        assert fact in text


@pytest.mark.parametrize(
    ("language", "n", "expected"),
    [("zh", 1, "连续 1 次"), ("zh", 3, "连续 3 次"), ("en", 1, "1 run in a row"),
     ("en", 3, "3 runs in a row")],
)  # fmt: skip
def test_plural_forms_come_from_the_catalogue(language: str, n: int, expected: str) -> None:
    """ngettext picks the catalogue's plural form: one form in Chinese, two in English."""
    with i18n.language(language):
        text = i18n.ngettext("%(num)s run in a row", "%(num)s runs in a row", n)
    assert text % {"num": n} == expected
