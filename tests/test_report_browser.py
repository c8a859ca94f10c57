"""The archived report opened in a real headless Chromium: it renders and shows every section.

Chromium is Debian's package (`.ci/run` installs it when missing); the test is skipped only
where no `chromium` binary exists at all.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from sqlalchemy import Engine

from monitor.core.settings import Settings
from monitor.crawl.cycle import CycleOptions
from monitor.mirror import MirrorServer
from monitor.reporting.publish import produce
from tests.support.registered import run_cycle
from tests.test_report import DAY, ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None
    profile = tmp_path / "chromium-profile"
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip


def png_pixels(data: bytes) -> tuple[int, int, set[bytes]]:
    """Width, height and a sample of distinct pixels of an 8-bit RGB(A) PNG, without Pillow."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    chunks, pos = [], 8
    while pos < len(data):
        length = struct.unpack(">I", data[pos : pos + 4])[0]
        if data[pos + 4 : pos + 8] == b"IDAT":
            chunks.append(data[pos + 8 : pos + 8 + length])
        pos += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    channels = {2: 3, 6: 4}[colour]
    stride = width * channels + 1
    rows = range(0, height, max(height // 200, 1))
    pixels = {raw[r * stride + 1 + c : r * stride + 1 + c + 3]
              for r in rows for c in range(0, width * channels, channels * 7)}  # fmt: skip
    assert depth == 8
    return width, height, pixels


@pytest.fixture
def archived(engine: Engine, db_settings: Settings, mirror: MirrorServer) -> Path:
    settings = db_settings.model_copy(update={
        "mirror_url": mirror.url, "targets_file": ROOT / "targets.toml", "report_language": "en",
    })  # fmt: skip
    run_cycle(engine, settings, CycleOptions(force=True))
    return produce(engine, settings, DAY).html_path


def test_report_renders_in_chromium(archived: Path, tmp_path: Path) -> None:
    """A screenshot of the archived HTML has the window's size and real content on it."""
    shot = tmp_path / "report.png"
    result = chromium(tmp_path, "--window-size=800,3000", f"--screenshot={shot}", archived.as_uri())
    assert shot.exists(), result.stderr.decode(errors="replace")[-2000:]
    width, height, pixels = png_pixels(shot.read_bytes())
    assert (width, height) == (800, 3000)
    assert len(pixels) > 20  # text, badges, bars and charts, not a blank page


def test_chromium_sees_every_section_and_loads_the_charts(archived: Path, tmp_path: Path) -> None:
    """The DOM Chromium builds holds every section and each chart image resolves to a file."""
    dom = chromium(tmp_path, "--dump-dom", archived.as_uri()).stdout.decode()
    headings = ("Summary", "What changed", "Targets", "Data health", "Waiting for review",
                "Source conflicts", "Failing sources", "gap-to-target methodology")  # fmt: skip
    for heading in headings:
        assert heading in dom
    assert "<script" not in dom.lower()
    charts = [line.split('src="')[1].split('"')[0] for line in dom.split("<img")[1:]]
    assert charts and all((archived.parent / name).is_file() for name in charts)
