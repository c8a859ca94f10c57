"""The bundled mirror serves the sites by Host header, with validators, sidecars and gzip."""

from __future__ import annotations

import gzip

import httpx
import pytest

from monitor.mirror import SITES, MirrorServer


def get(mirror: MirrorServer, host: str, path: str, **headers: str) -> httpx.Response:
    return httpx.get(f"{mirror.url}{path}", headers={"Host": host, **headers})


def test_serves_by_host_header(mirror: MirrorServer) -> None:
    """The live host in the Host header selects the site directory."""
    response = get(mirror, "www.cnnic.net.cn", "/6/86/88/index.html")
    assert response.status_code == 200
    assert "c88-11328" in response.text


def test_serves_by_path_prefix_for_browsers(mirror: MirrorServer) -> None:
    """http://127.0.0.1:PORT/<host>/<path> works for a person with a browser."""
    response = httpx.get(f"{mirror.url}/www.cnnic.net.cn/6/86/88/index.html")
    assert response.status_code == 200 and "c88-11328" in response.text


def test_directory_serves_index(mirror: MirrorServer) -> None:
    """A path ending in / is served from its index.html."""
    assert get(mirror, "www.gov.cn", "/zhengce/zuixin/").status_code == 200


def test_etag_gives_304(mirror: MirrorServer) -> None:
    """A request with the file's ETag answers 304 Not Modified."""
    first = get(mirror, "www.cac.gov.cn", "/wxzw/wxfb/A093702index_1.htm")
    again = get(
        mirror,
        "www.cac.gov.cn",
        "/wxzw/wxfb/A093702index_1.htm",
        **{"If-None-Match": first.headers["etag"]},
    )
    assert again.status_code == 304 and again.content == b""


def test_sidecar_overrides_headers(mirror: MirrorServer) -> None:
    """The GBK page is served with the (wrong) utf-8 header its sidecar declares."""
    path = "/scjxt/wjfb/2025/3/20/4d8e2b7c1a9f4e0b8c3d5f6a7b2e1c9d.shtml"
    response = get(mirror, "jxt.sc.gov.cn", path, **{"Accept-Encoding": "identity"})
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.content == (SITES / "jxt.sc.gov.cn" / path.lstrip("/")).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        response.content.decode("utf-8")


def test_html_is_gzipped_when_accepted(mirror: MirrorServer) -> None:
    """HTML goes out gzip-compressed to clients that accept it."""
    with httpx.Client() as client:
        request = client.build_request(
            "GET", f"{mirror.url}/", headers={"Host": "www.gov.cn", "Accept-Encoding": "gzip"}
        )
        response = client.send(request, stream=True)
        raw = b"".join(response.iter_raw())
        response.close()
    assert response.headers["content-encoding"] == "gzip"
    assert gzip.decompress(raw) == (SITES / "www.gov.cn" / "index.html").read_bytes()


@pytest.mark.parametrize(
    "path",
    ["/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/robots.txt.headers.json", "/nope.html"],
)
def test_unknown_or_escaping_paths_are_404(mirror: MirrorServer, path: str) -> None:
    """Nothing outside a site directory (nor a sidecar) is ever served."""
    assert get(mirror, "www.gov.cn", path).status_code == 404
