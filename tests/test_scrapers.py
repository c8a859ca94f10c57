"""Every scraper on the bundled mirror pages, seen under their live URLs.

A page is built as the pipeline builds it: the file's bytes, the content type of its sidecar
(else the mirror server's default for the extension), text decoded by ``monitor.encoding``
only for textual types, and the source's id and jurisdiction from ``monitor.sources``.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from monitor.encoding import Decoded, decode, is_textual
from monitor.mirror import SITES
from monitor.page import Page, ParseResult
from monitor.sources import SOURCES, SourceSpec
from scrapers import REGISTRY

D = Decimal
Obs = tuple[str, str, Decimal, date, str]

HTML = "text/html; charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The mirror server's content types when a file has no sidecar (monitor/mirror/sites/README.md).
DEFAULT_TYPES = {
    ".html": HTML,
    ".htm": HTML,
    ".shtml": HTML,
    ".xlsx": XLSX,
    ".pdf": "application/pdf",
}
# Canonical unit of each catalogue metric (DESIGN section 3).
METRIC_UNITS = {
    "genai_services_filed": "count",
    "genai_services_registered": "count",
    "genai_users": "persons",
    "genai_penetration_rate": "percent",
    "internet_users": "persons",
    "internet_penetration_rate": "percent",
    "ai_core_industry_scale": "CNY",
    "ai_industry_scale": "CNY",
    "ai_enterprises": "count",
    "compute_total": "FLOPS",
    "compute_intelligent": "FLOPS",
    "large_models_released": "count",
    "smart_factories_basic": "count",
    "smart_factories_advanced": "count",
    "smart_factories_excellent": "count",
    "smart_factories_leading": "count",
    "industry_models": "count",
}
MIIT_API = (
    "https://www.miit.gov.cn/api-gateway/jpaas-publish-server/front/page/build/unit"
    "?webId=8d828e408d90447786ddbe128d495e9e&pageId=1b56e5adc362428299dfc3eb444fe23a"
    "&parseType=buildstatic&pagesize=10&tpl=235&unitId=a996a3da1da54b4e9f5b2ab7df8a8e8b"
)
MIIT_ART = "https://www.miit.gov.cn/xwfb/gxdt/sjdt/art/2025/art_{}.html"
MIIT_COMPUTE = MIIT_ART.format("3d9a0e5b7c1f4a2e9b6d8c0f1a3e5b79")
MIIT_FACTORIES = MIIT_ART.format("8f2b6c1d4e7a49b0a3c5d9e1f0b2a7c4")
CAC_2024 = "https://www.cac.gov.cn/2025-01/08/c_1738034725920930.htm"
CAC_2025Q1 = "https://www.cac.gov.cn/2025-04/30/c_1747000000000002.htm"
CAC_XLSX = "https://www.cac.gov.cn/cms/file/2025/01/08/genai_filings_2024.xlsx"
CNNIC_55 = "https://www.cnnic.net.cn/n4/2025/0117/c88-11229.html"
CNNIC_56 = "https://www.cnnic.net.cn/n4/2025/0717/c88-11328.html"
CNNIC_PDF = "https://www.cnnic.net.cn/NMediaFile/2025/0717/MAIN1752000000000001.pdf"
GOV_POLICY = "https://www.gov.cn/zhengce/content/202508/content_7037861.htm"
GOV_BRIEFING = "https://www.gov.cn/lianbo/fabu/202508/content_7038012.htm"
NBS_2024 = "https://www.stats.gov.cn/sj/zxfb/202501/t20250117_1958332.html"
NBS_H1 = "https://www.stats.gov.cn/sj/zxfb/202507/t20250715_1960403.html"
BEIJING = "https://jxj.beijing.gov.cn/jxdt/gzdt/202509/t20250915_4190001.html"
SICHUAN_LIST = "https://jxt.sc.gov.cn/scjxt/wjfb/common_list.shtml"
SICHUAN = "https://jxt.sc.gov.cn/scjxt/wjfb/2025/3/20/4d8e2b7c1a9f4e0b8c3d5f6a7b2e1c9d.shtml"
SHANGHAI = "https://www.sheitc.sh.gov.cn/xwfb/20250612/abcdef0123456789.html"
GUANGDONG = "https://gdii.gd.gov.cn/gkmlpt/content/4/4712/post_4712345.html"
HANGZHOU = "https://jxj.hangzhou.gov.cn/art/2025/6/5/art_1229416425_58925001.html"
CHENGDU = "https://cdjx.chengdu.gov.cn/cdjx/c115217/2025-05/20/content_3a5b7c9d.shtml"


def source_for(url: str) -> SourceSpec:
    host = urlsplit(url).hostname or ""
    (spec,) = [s for s in SOURCES if host in s.allowed_hosts]
    return spec


def mirror_file(url: str) -> Path:
    """The mirror file serving a live URL: query and fragment dropped, ``/`` -> index.html."""
    parts = urlsplit(url)
    path = parts.path + ("index.html" if parts.path.endswith("/") else "")
    return SITES / (parts.hostname or "") / path.lstrip("/")


def content_type(file: Path) -> str:
    sidecar = file.with_name(file.name + ".headers.json")
    if sidecar.is_file():
        return str(json.loads(sidecar.read_text(encoding="utf-8"))["headers"]["Content-Type"])
    return DEFAULT_TYPES[file.suffix]


def load(url: str) -> tuple[Page, Decoded | None]:
    """The page a scraper is given for ``url``, and how its text was decoded."""
    file = mirror_file(url)
    body, ctype = file.read_bytes(), content_type(file)
    decoded = decode(body, ctype) if is_textual(ctype) else None
    spec = source_for(url)
    page = Page(
        url=url,
        source_id=spec.id,
        jurisdiction=spec.jurisdiction,
        content=body,
        content_type=ctype,
        text=decoded.text if decoded else None,
        encoding=decoded.encoding if decoded else None,
    )
    return page, decoded


def parse(url: str) -> ParseResult:
    page, _ = load(url)
    return REGISTRY[source_for(url).scraper].parse(page)


def observed(result: ParseResult) -> list[Obs]:
    return sorted(
        (c.metric, c.jurisdiction, c.value, c.as_of, c.qualifier) for c in result.candidates
    )


LIST_PAGES = [
    pytest.param(
        "https://www.cac.gov.cn/wxzw/wxfb/A093702index_1.htm",
        {
            "https://www.cac.gov.cn/2025-11/03/c_1763000000000001.htm",  # a 404 on the mirror
            CAC_2025Q1,
            CAC_2024,
        },
        id="cac-protocol-relative-unquoted",
    ),
    pytest.param(
        "https://www.cnnic.net.cn/6/86/88/index.html", {CNNIC_56, CNNIC_55}, id="cnnic-list"
    ),
    pytest.param(
        "https://www.miit.gov.cn/xwfb/gxdt/sjdt/index.html", {MIIT_API}, id="miit-script-shell"
    ),
    pytest.param(MIIT_API, {MIIT_COMPUTE, MIIT_FACTORIES}, id="miit-json-endpoint"),
    pytest.param(
        "https://www.gov.cn/zhengce/zuixin/", {GOV_BRIEFING, GOV_POLICY}, id="govcn-dotdot-links"
    ),
    pytest.param("https://www.stats.gov.cn/sj/zxfb/", {NBS_H1, NBS_2024}, id="nbs-dot-links"),
    pytest.param("https://jxj.beijing.gov.cn/jxdt/gzdt/", {BEIJING}, id="beijing-list"),
    pytest.param(SICHUAN_LIST, {SICHUAN}, id="sichuan-gbk-list"),
    pytest.param("https://www.sheitc.sh.gov.cn/xwfb/index.html", {SHANGHAI}, id="shanghai-list"),
    pytest.param(
        "https://gdii.gd.gov.cn/gkmlpt/index", {GUANGDONG}, id="guangdong-fragment-dropped"
    ),
    pytest.param(
        "https://jxj.hangzhou.gov.cn/col/col1229416425/index.html", {HANGZHOU}, id="hangzhou-cdata"
    ),
    pytest.param(
        "https://cdjx.chengdu.gov.cn/cdjx/c115217/jsj_list.shtml", {CHENGDU}, id="chengdu-list"
    ),
]


@pytest.mark.parametrize(("url", "links"), LIST_PAGES)
def test_list_page_links(url: str, links: set[str]) -> None:
    """A list page yields exactly its list items' absolute links, once each, and no figures."""
    result = parse(url)
    assert set(result.links) == links
    assert len(result.links) == len(set(result.links))
    assert result.candidates == ()


ARTICLES = [
    pytest.param(
        CAC_2024,
        [
            ("genai_services_filed", "cn", D(302), date(2024, 12, 31), "eq"),
            ("genai_services_registered", "cn", D(105), date(2024, 12, 31), "eq"),
        ],
        {CAC_XLSX},
        id="cac-bodylabel-filings",
    ),
    pytest.param(
        CAC_2025Q1,
        [("genai_services_filed", "cn", D(346), date(2025, 3, 31), "eq")],
        set(),
        id="cac-trs-editor-older-layout",
    ),
    pytest.param(
        CNNIC_55,
        [
            ("genai_penetration_rate", "cn", D("17.7"), date(2024, 12, 31), "eq"),
            ("genai_users", "cn", D("2.49e8"), date(2024, 12, 31), "eq"),
            ("internet_penetration_rate", "cn", D("78.6"), date(2024, 12, 31), "eq"),
            ("internet_users", "cn", D("1.108e9"), date(2024, 12, 31), "eq"),
        ],
        set(),
        id="cnnic-55th",
    ),
    pytest.param(
        CNNIC_56,
        [
            ("genai_penetration_rate", "cn", D("36.5"), date(2025, 6, 30), "eq"),
            ("genai_users", "cn", D("5.15e8"), date(2025, 6, 30), "eq"),
            ("internet_penetration_rate", "cn", D("79.7"), date(2025, 6, 30), "eq"),
            ("internet_users", "cn", D("1.123e9"), date(2025, 6, 30), "eq"),
        ],
        {CNNIC_PDF},
        id="cnnic-56th-increments-skipped",
    ),
    pytest.param(
        MIIT_COMPUTE,
        [
            ("compute_intelligent", "cn", D("9e19"), date(2025, 6, 30), "eq"),
            ("compute_total", "cn", D("2.8e20"), date(2025, 6, 30), "eq"),
        ],
        set(),
        id="miit-compute-target-skipped",
    ),
    pytest.param(
        MIIT_FACTORIES,
        [
            ("ai_enterprises", "cn", D(5300), date(2025, 7, 23), "gt"),
            ("smart_factories_advanced", "cn", D(1200), date(2025, 7, 23), "gt"),
            ("smart_factories_basic", "cn", D(30000), date(2025, 7, 23), "gt"),
            ("smart_factories_excellent", "cn", D(230), date(2025, 7, 23), "gt"),
        ],
        set(),
        id="miit-smart-factories",
    ),
    pytest.param(GOV_POLICY, [], set(), id="govcn-policy-targets-only"),
    pytest.param(
        GOV_BRIEFING,
        [
            ("ai_core_industry_scale", "cn", D("1e12"), date(2024, 12, 31), "approx"),
            ("large_models_released", "cn", D(1500), date(2025, 8, 28), "gt"),
        ],
        set(),
        id="govcn-briefing-distractors-skipped",
    ),
    pytest.param(NBS_2024, [], set(), id="nbs-macro-distractors"),
    pytest.param(NBS_H1, [], set(), id="nbs-robots-blocked-page"),
    pytest.param(
        BEIJING,
        [("compute_intelligent", "cn-bj-etown", D("6e18"), date(2025, 8, 31), "eq")],
        set(),
        id="beijing-etown-6000p",
    ),
    pytest.param(
        SICHUAN,
        [("ai_core_industry_scale", "cn-sc", D("1.2e11"), date(2024, 12, 31), "eq")],
        set(),
        id="sichuan-gbk-target-skipped",
    ),
    pytest.param(
        SHANGHAI,
        [("compute_intelligent", "cn-sh", D("6e19"), date(2025, 5, 31), "gt")],
        set(),
        id="shanghai-observation-beside-target",
    ),
    pytest.param(
        GUANGDONG,
        [
            ("ai_core_industry_scale", "cn-gd", D("2.2e11"), date(2024, 12, 31), "gt"),
            ("ai_enterprises", "cn-gd", D(1500), date(2025, 9, 30), "gt"),
        ],
        set(),
        id="guangdong-json-escaped",
    ),
    pytest.param(
        HANGZHOU,
        [("industry_models", "cn-zj-hangzhou", D(20), date(2025, 6, 5), "eq")],
        set(),
        id="hangzhou-target-and-vouchers-skipped",
    ),
    pytest.param(CHENGDU, [], set(), id="chengdu-layout-drift"),
]


@pytest.mark.parametrize(("url", "expected", "links"), ARTICLES)
def test_article_candidates(url: str, expected: list[Obs], links: set[str]) -> None:
    """An article yields exactly its stated observations and its attachment links, no nav links."""
    result = parse(url)
    assert observed(result) == expected
    assert set(result.links) == links


PUBLISHED = [
    pytest.param(CAC_2024, date(2025, 1, 8), id="cac-pubtime"),
    pytest.param(CAC_2025Q1, date(2025, 4, 30), id="cac-older-layout"),
    pytest.param(CNNIC_55, date(2025, 1, 17), id="cnnic-55th"),
    pytest.param(CNNIC_56, date(2025, 7, 17), id="cnnic-56th"),
    pytest.param(MIIT_COMPUTE, date(2025, 8, 5), id="miit-con-time"),
    pytest.param(MIIT_FACTORIES, date(2025, 7, 23), id="miit-factories"),
    pytest.param(
        GOV_POLICY,
        date(2025, 8, 26),
        id="govcn-policy",
    ),
    pytest.param(GOV_BRIEFING, date(2025, 8, 28), id="govcn-briefing"),
    pytest.param(NBS_2024, date(2025, 1, 17), id="nbs-2024"),
    pytest.param(NBS_H1, date(2025, 7, 15), id="nbs-h1"),
    pytest.param(BEIJING, date(2025, 9, 15), id="beijing"),
    pytest.param(SICHUAN, date(2025, 3, 20), id="sichuan"),
    pytest.param(SHANGHAI, date(2025, 6, 12), id="shanghai"),
    pytest.param(GUANGDONG, date(2025, 10, 10), id="guangdong-publish-time-in-json"),
    pytest.param(HANGZHOU, date(2025, 6, 5), id="hangzhou"),
    pytest.param(CHENGDU, date(2025, 5, 20), id="chengdu"),
]


@pytest.mark.parametrize(("url", "published"), PUBLISHED)
def test_article_published_at(url: str, published: date) -> None:
    """An article's publication date is read from the page and stamped on its candidates."""
    result = parse(url)
    assert result.published_at == published
    assert all(c.published_at == published for c in result.candidates)


ARTICLE_URLS = [pytest.param(p.values[0], id=p.id) for p in ARTICLES]


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_candidates_are_well_formed(url: str) -> None:
    """Every candidate is a Decimal in its metric's canonical unit, with its evidence sentence."""
    for candidate in parse(url).candidates:
        assert isinstance(candidate.value, Decimal)
        assert candidate.unit == METRIC_UNITS[candidate.metric]
        assert candidate.evidence.strip()
        assert "\n" not in candidate.evidence


def test_miit_compute_keeps_precision() -> None:
    """MIIT's intelligent-compute figure keeps its FP16 basis; the total has none."""
    precision = {c.metric: c.precision for c in parse(MIIT_COMPUTE).candidates}
    assert precision == {"compute_total": None, "compute_intelligent": "FP16"}


def test_miit_shell_to_endpoint_to_articles() -> None:
    """MIIT's script shell points at the JSON endpoint, whose fragment lists the articles."""
    (endpoint,) = parse("https://www.miit.gov.cn/xwfb/gxdt/sjdt/index.html").links
    assert urlsplit(endpoint).path == "/api-gateway/jpaas-publish-server/front/page/build/unit"
    page, _ = load(endpoint)
    assert page.content_type.startswith("application/json")
    articles = parse(endpoint).links
    assert set(articles) == {MIIT_COMPUTE, MIIT_FACTORIES}
    metrics = {c.metric for url in articles for c in parse(url).candidates}
    assert {"compute_total", "compute_intelligent", "smart_factories_basic"} <= metrics


def test_miit_endpoint_with_bad_json_is_a_note() -> None:
    """An endpoint answer that is not the expected JSON is a note, not an exception."""
    page = Page(
        url=MIIT_API,
        source_id="miit",
        jurisdiction="cn",
        content=b'{"success": false}',
        content_type="application/json",
        text='{"success": false}',
        encoding="utf-8",
    )
    result = REGISTRY["miit"].parse(page)
    assert (result.links, result.candidates) == ((), ())
    assert result.notes


def test_guangdong_json_escaped_article_is_read() -> None:
    """The gkmlpt article HTML sits JSON-escaped in a script; its sentences are read unescaped."""
    page, _ = load(GUANGDONG)
    assert "全省人工智能核心产业规模" not in (page.text or "")  # only \\uXXXX escapes
    evidence = [c.evidence for c in parse(GUANGDONG).candidates]
    assert any(e.startswith("2024年，全省人工智能核心产业规模超过2200亿元") for e in evidence)


@pytest.mark.parametrize(
    ("url", "needles"),
    [
        pytest.param(SICHUAN_LIST, ("四川",), id="list-header-without-charset"),
        pytest.param(SICHUAN, ("四川", "全省"), id="article-header-says-utf8"),
    ],
)
def test_sichuan_gbk_decoded_by_meta(url: str, needles: tuple[str, ...]) -> None:
    """GBK pages whose header has no or a wrong charset are decoded by their meta charset."""
    page, decoded = load(url)
    assert decoded is not None
    assert decoded.basis == "meta"
    assert decoded.encoding == "gb18030"
    assert all(needle in decoded.text for needle in needles)
    assert "\ufffd" not in decoded.text
    assert page.text == decoded.text


def test_govcn_policy_targets_only_yield_nothing() -> None:
    """The State Council policy page holds only targets (到2027/2030/2035年): no candidates."""
    page, _ = load(GOV_POLICY)
    assert "普及率超70%" in (page.text or "")
    result = parse(GOV_POLICY)
    assert result.candidates == ()
    assert result.notes == ()


def test_chengdu_layout_drift_is_noted() -> None:
    """Chengdu's moved article body yields no candidates and the note "article body not found"."""
    result = parse(CHENGDU)
    assert result.candidates == ()
    assert [kind for kind, _ in result.alerts] == ["layout_drift"]
    assert result.notes[0].startswith("article body not found")


@pytest.mark.parametrize(
    "url",
    [
        pytest.param(CAC_XLSX, id="cac-xlsx"),
        pytest.param(CNNIC_PDF, id="cnnic-pdf"),
    ],
)
def test_binary_attachment_yields_nothing(url: str) -> None:
    """A non-text attachment is given without text and yields nothing, without an error."""
    page, decoded = load(url)
    assert decoded is None
    assert not page.is_text
    assert page.content
    result = parse(url)
    assert (result.candidates, result.links) == ((), ())


ALL_PAGES = [
    *(p.values[0] for p in LIST_PAGES),
    *(p.values[0] for p in ARTICLES),
    CAC_XLSX,
    CNNIC_PDF,
]


@pytest.mark.parametrize("url", ALL_PAGES)
def test_scraper_is_pure(url: str) -> None:
    """Parsing the same page twice gives equal results (no hidden state, no network)."""
    page, _ = load(url)
    scraper = REGISTRY[source_for(url).scraper]
    assert scraper.parse(page) == scraper.parse(page)


@pytest.mark.parametrize("spec", SOURCES, ids=lambda s: s.id)
def test_source_names_a_registered_scraper(spec: SourceSpec) -> None:
    """Every source names a scraper in the registry, and its entry pages are in the mirror."""
    assert spec.scraper in REGISTRY
    scraper = REGISTRY[spec.scraper]
    assert scraper.name == spec.scraper
    assert scraper.version
    assert callable(scraper.parse)
    for url in spec.entry_urls:
        assert spec.allows(url)
        assert mirror_file(url).is_file()
        assert url in ALL_PAGES


def test_every_mirror_page_is_covered() -> None:
    """Every mirror page except robots.txt and host home pages has a case in these tables."""
    covered = {mirror_file(url) for url in ALL_PAGES}
    pages = {
        file
        for file in SITES.rglob("*")
        if file.is_file()
        and file.parent != SITES
        and file.name != "robots.txt"
        and not file.name.endswith(".headers.json")
        and file != SITES / file.relative_to(SITES).parts[0] / "index.html"
    }
    assert sorted(map(str, pages - covered)) == []
