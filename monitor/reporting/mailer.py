"""Building the report email (HTML with inline charts, plain-text alternative) and sending it.

The message is multipart/alternative (text, then HTML); the HTML part is multipart/related
with one PNG per chart, referenced from the HTML as ``cid:<name>``.
"""

from __future__ import annotations

import smtplib
import ssl
from email import policy
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from monitor.core.settings import Settings

__all__ = ["CID_DOMAIN", "build_message", "cid", "send"]

CID_DOMAIN = "aiplus-monitor"


def cid(name: str) -> str:
    """The Content-ID of a chart file name (without angle brackets)."""
    return f"{name.removesuffix('.png')}@{CID_DOMAIN}"


def build_message(
    *,
    subject: str,
    html: str,
    text: str,
    charts: dict[str, bytes],
    sender: str,
    recipients: tuple[str, ...],
) -> bytes:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = ", ".join(recipients) if recipients else "undisclosed-recipients:;"
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = make_msgid(domain=CID_DOMAIN)
    # Quoted-printable keeps lines under SMTP's 998-character limit whatever the HTML is.
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    html_part = message.get_payload()[1]  # type: ignore[index]
    assert isinstance(html_part, EmailMessage)
    for name, png in charts.items():
        html_part.add_related(png, "image", "png", cid=f"<{cid(name)}>", filename=name)
    # SMTP wants CRLF line ends; smtplib does not convert a bytes message for us.
    return message.as_bytes(policy=policy.SMTP)


def send(settings: Settings, message: bytes, recipients: tuple[str, ...]) -> None:
    """Hand the message to the SMTP server; raises OSError or SMTPException on failure."""
    host, port, timeout = settings.smtp_host or "", settings.smtp_port, settings.smtp_timeout
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if settings.smtp_security == "ssl":
        client = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
    else:
        client = smtplib.SMTP(host, port, timeout=timeout)
    with client:
        if settings.smtp_security == "starttls":
            client.starttls(context=context)
        if settings.smtp_user:
            password = settings.smtp_password.get_secret_value() if settings.smtp_password else ""
            client.login(settings.smtp_user, password)
        client.sendmail(settings.mail_from, list(recipients), message)
