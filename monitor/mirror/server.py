"""A real HTTP server on 127.0.0.1 that serves ``sites/<host>/<path>`` like the live sites.

The fetcher sends the live host in the ``Host`` header, so the same paths work unchanged.
A browser can also open ``http://127.0.0.1:PORT/<host>/<path>``. Files get an ETag and
Last-Modified (conditional GETs answer 304), HTML is gzip-compressed when the client accepts
it, and a ``<file>.headers.json`` sidecar overrides the status and headers.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import mimetypes
import threading
from email.utils import formatdate
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import unquote, urlsplit

SITES = Path(__file__).parent / "sites"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".shtml": "text/html; charset=utf-8",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pdf": "application/pdf",
}


class MirrorHandler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "aiplus-mirror/1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        if self.server.verbose:
            super().log_message(format, *args)

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET(head=True)

    def do_GET(self, head: bool = False) -> None:  # noqa: N802
        path = self.resolve()
        if path is None:
            self.send_text(HTTPStatus.NOT_FOUND, "not in the mirror\n", head)
            return
        self.send_file(path, head)

    def resolve(self) -> Path | None:
        """The file for this request, never outside the mirror root."""
        root = self.server.root.resolve()
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        url_path = unquote(urlsplit(self.path).path)
        if not (root / host).is_dir():
            host, _, rest = url_path.lstrip("/").partition("/")
            url_path = "/" + rest
        candidate = (root / host / url_path.lstrip("/")).resolve()
        if url_path.endswith("/") or candidate.is_dir():
            candidate = candidate / "index.html"
        if not candidate.is_relative_to(root / host) or not candidate.is_file():
            return None
        if candidate.name.endswith(".headers.json"):
            return None
        return candidate

    def send_file(self, path: Path, head: bool) -> None:
        body = path.read_bytes()
        status, extra = _sidecar(path)
        headers = {
            "Content-Type": CONTENT_TYPES.get(
                path.suffix, mimetypes.guess_type(path.name)[0] or ""
            ),
            "ETag": '"' + hashlib.sha256(body).hexdigest()[:32] + '"',
            "Last-Modified": formatdate(path.stat().st_mtime, usegmt=True),
        }
        if path.name == "robots.txt":
            headers["Content-Type"] = "text/plain; charset=utf-8"
        headers.update(extra)
        if status == 200 and self._not_modified(headers):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", headers["ETag"])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if "gzip" in self.headers.get("Accept-Encoding", "") and "html" in headers["Content-Type"]:
            body = gzip.compress(body, mtime=0)
            headers["Content-Encoding"] = "gzip"
        self.send_response(status)
        for name, value in headers.items():
            if value:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _not_modified(self, headers: dict[str, str]) -> bool:
        etag = self.headers.get("If-None-Match")
        if etag is not None:
            return etag == headers["ETag"]
        return self.headers.get("If-Modified-Since") == headers["Last-Modified"]

    def send_text(self, status: int, text: str, head: bool = False) -> None:
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)


def _sidecar(path: Path) -> tuple[int, dict[str, str]]:
    sidecar = path.with_name(path.name + ".headers.json")
    if not sidecar.is_file():
        return 200, {}
    meta = json.loads(sidecar.read_text(encoding="utf-8"))
    return int(meta.get("status", 200)), {
        str(k): str(v) for k, v in meta.get("headers", {}).items()
    }


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    root: Path
    verbose: bool


class MirrorServer:
    """The mirror on ``127.0.0.1``; ``port=0`` picks a free port. Use as a context manager."""

    def __init__(
        self,
        root: Path = SITES,
        port: int = 0,
        *,
        handler: type[MirrorHandler] = MirrorHandler,
        verbose: bool = False,
    ) -> None:
        self._server = _Server(("127.0.0.1", port), handler)
        self._server.root = root
        self._server.verbose = verbose
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> MirrorServer:
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self._server.serve_forever()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> MirrorServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
