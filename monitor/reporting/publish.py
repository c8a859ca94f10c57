"""The daily report end to end: gather, render, archive, record, queue, send.

Each report is archived under ``MONITOR_DATA_DIR/reports/<date>/`` as HTML with its chart
PNGs beside it, and as the ``.eml`` that is (or would be) sent. Sending goes through the
outbox, so an SMTP failure loses nothing and a day's report reaches a recipient list once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from monitor.assessment.targets_file import load_targets, targets_path
from monitor.core.errors import StorageError
from monitor.core.settings import Settings
from monitor.reporting import outbox
from monitor.reporting.gather import gather
from monitor.reporting.mailer import build_message, cid
from monitor.storage.models import Report, utcnow
from reports.render import charts, render, with_images

__all__ = ["METHOD_URL", "ReportResult", "produce"]

METHOD_URL = "https://github.com/aiplus-monitor/aiplus-monitor/blob/main/docs/methodology.md"


@dataclass(frozen=True)
class ReportResult:
    report_id: int
    subject: str
    html_path: Path
    eml_path: Path
    queued: bool
    delivery: outbox.Delivery | None = None


def _write(folder: Path, files: dict[str, bytes]) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            (folder / name).write_bytes(content)
    except OSError as exc:
        raise StorageError(
            f"cannot archive the report in {folder}: {exc.strerror or exc}"
        ) from None


def produce(
    engine: Engine,
    settings: Settings,
    today: date,
    *,
    run_id: int | None = None,
    out: Path | None = None,
    send: bool | None = None,
) -> ReportResult:
    """Render today's report, archive it, record it, queue it and (if configured) send it.

    ``send`` None means: send when SMTP and recipients are configured.
    """
    declared = load_targets(targets_path(settings.targets_file))
    now = utcnow()
    data = gather(engine, declared, today, now)
    pngs = charts(data)
    language = settings.report_language
    rendered = render(data, language, method_url=METHOD_URL, charts_=pngs)
    recipients = settings.recipients
    message = build_message(
        subject=rendered.subject, html=with_images(rendered.html, lambda n: f"cid:{cid(n)}"),
        text=rendered.text, charts=pngs, sender=settings.mail_from, recipients=recipients,
    )  # fmt: skip
    file_html = with_images(rendered.html, lambda name: name)
    folder = out or settings.data_dir / "reports" / today.isoformat()
    html_name, eml_name = f"report-{language}.html", f"report-{language}.eml"
    _write(folder, {**pngs, html_name: file_html.encode(), eml_name: message,
                    f"report-{language}.txt": rendered.text.encode()})  # fmt: skip
    with Session(engine) as session:
        report = Report(
            report_date=today, language=language, created_at=now, run_id=run_id,
            subject=rendered.subject, html_path=str(folder / html_name),
            eml_path=str(folder / eml_name), statuses={a.id: a.status for a in data.assessments},
        )  # fmt: skip
        session.add(report)
        session.flush()
        assert report.id is not None
        queued = bool(recipients)
        if queued:
            outbox.queue(session, report.id, today, recipients, message)
        session.commit()
        report_id = report.id
    should_send = settings.can_send if send is None else send
    delivery = outbox.deliver(engine, settings) if should_send and queued else None
    return ReportResult(report_id, rendered.subject, folder / html_name, folder / eml_name,
                        queued, delivery)  # fmt: skip
