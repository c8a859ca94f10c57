"""A scriptable HTTP server on 127.0.0.1 for fetch tests: real sockets, behaviour per route.

Routes are keyed by (Host header, path). Each request is logged with its headers and its
start and end times, and the server tracks how many requests per host were in flight at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

Behaviour = Callable[["Handler"], None]


@dataclass
class Request:
    host: str
    path: str
    headers: dict[str, str]
    started: float
    ended: float = 0.0


@dataclass
class State:
    routes: dict[tuple[str, str], Behaviour] = field(default_factory=dict)
    log: list[Request] = field(default_factory=list)
    active: dict[str, int] = field(default_factory=dict)
    max_active: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        state = self.server.state
        host = (self.headers.get("Host") or "").split(":")[0]
        path = urlsplit(self.path).path
        record = Request(
            host, path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic()
        )
        with state.lock:
            state.log.append(record)
            state.active[host] = state.active.get(host, 0) + 1
            state.max_active[host] = max(state.max_active.get(host, 0), state.active[host])
        try:
            behaviour = state.routes.get((host, path))
            if behaviour is None:
                self.reply(404, b"no such route")
            else:
                behaviour(self)
        finally:
            record.ended = time.monotonic()
            with state.lock:
                state.active[host] -= 1

    def reply(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        headers = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    state: State


class ScriptedServer:
    def __init__(self) -> None:
        self.state = State()
        self._server = _Server(("127.0.0.1", 0), Handler)
        self._server.state = self.state
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def route(self, host: str, path: str, behaviour: Behaviour) -> None:
        self.state.routes[(host, path)] = behaviour

    def page(self, host: str, path: str, body: bytes, status: int = 200, **headers: str) -> None:
        named = {k.replace("_", "-"): v for k, v in headers.items()}
        self.route(host, path, lambda h: h.reply(status, body, named))

    def requests(self, host: str, path: str | None = None) -> list[Request]:
        return [r for r in self.state.log if r.host == host and (path is None or r.path == path)]

    def start(self) -> ScriptedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
