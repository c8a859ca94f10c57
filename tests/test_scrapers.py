"""Scraper behaviours the corpus table does not show: odd inputs, encodings, the registry.

Expected figures and links for every mirror page live in tests/test_corpus.py.
"""

from __future__ import annotations

import io
import json
from datetime import date
from decimal import Decimal
from urllib.parse import parse_qsl, urlsplit

import pytest
from bs4 import BeautifulSoup
from openpyxl import Workbook

from monitor.core.contract import Page, SourceSpec
from monitor.extract.reader import Block, read
from scrapers import registry
from scrapers.cac_filings import read_filings
from scrapers.documents import text_blocks
from scrapers.html import blocks_of
from tests.support.corpus import load

SOURCES = registry().sources
REGISTRY = registry().scrapers

PAGES = {p.url: p for p in load()}
MIIT_SHELL = "https://www.miit.gov.cn/xwfb/gxdt/sjdt/index.html"
GUANGDONG = "https://gdii.gd.gov.cn/gkmlpt/content/4/4712/post_4712345.html"
SICHUAN_LIST = "https://jxt.sc.gov.cn/scjxt/wjfb/common_list.shtml"
SICHUAN = "https://jxt.sc.gov.cn/scjxt/wjfb/2025/3/20/4d8e2b7c1a9f4e0b8c3d5f6a7b2e1c9d.shtml"


def page_of(url: str) -> Page:
    return PAGES[url].page()


def test_miit_shell_leads_to_the_json_endpoint() -> None:
    """MIIT's list is a script shell whose only link is the JSON endpoint it loads."""
    (endpoint,) = REGISTRY["miit"].parse(page_of(MIIT_SHELL)).links
    assert urlsplit(endpoint).path == "/api-gateway/jpaas-publish-server/front/page/build/unit"
    assert PAGES[endpoint].page().content_type.startswith("application/json")


def test_miit_endpoint_with_unexpected_json_is_layout_drift() -> None:
    """An endpoint answer without data.html is a layout-drift alert, not an exception."""
    url = next(u for u, p in PAGES.items() if p.role == "endpoint")
    page = Page(url, "miit", "cn", b'{"success": false}', "application/json", '{"success": false}')
    result = REGISTRY["miit"].parse(page)
    assert (result.links, result.candidates) == ((), ())
    assert [kind for kind, _ in result.alerts] == ["layout_drift"]


def test_guangdong_article_is_read_from_escaped_json() -> None:
    """The gkmlpt article sits JSON-escaped in a script; its sentences are read unescaped."""
    page = page_of(GUANGDONG)
    assert "全省人工智能核心产业规模" not in (page.text or "")
    evidence = [c.evidence for c in REGISTRY["guangdong"].parse(page).candidates]
    assert any(e.startswith("2024年，全省人工智能核心产业规模超过2200亿元") for e in evidence)


@pytest.mark.parametrize("url", [SICHUAN_LIST, SICHUAN], ids=["no-charset", "header-says-utf8"])
def test_sichuan_gbk_pages_decode_by_meta(url: str) -> None:
    """GBK pages whose header has no charset, or a wrong one, decode by their meta charset."""
    page = page_of(url)
    assert page.encoding == "gb18030"
    assert "四川" in (page.text or "") and "\ufffd" not in (page.text or "")


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)  # type: ignore[union-attr]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("rows", "distinct"),
    [
        (
            [
                ["序号", "属地", "模型名称", "备案单位", "备案号", "备案时间"],
                [1, "北京", "A", "甲", "Beijing-A-1", "2024-01-02"],
                [2, "上海", "B", "乙", "Shanghai-B-2", "2024-03-28（补登）"],
            ],
            2,
        ),
        (
            [
                ["生成式人工智能服务已备案信息"],
                ["序号", "属地", "备案单位", "模型名称", "备案号", "备案时间"],
                [3, "北京", "甲", "A", "Beijing-A-1", "2024-01-02"],
                [1, "北京", "甲", "A", "Beijing-A-1", "2024-01-02"],
                [2, "广东", "丙", "C", "Guangdong-C-3", None],
            ],
            2,
        ),
    ],
    ids=["plain", "title-row-swapped-columns-duplicate"],
)
def test_filing_list_counts_distinct_filings(rows: list[list[object]], distinct: int) -> None:
    """The reader finds the header by name and counts distinct 备案号, whatever the order."""
    (check,) = read_filings(_xlsx(rows)).crosschecks
    assert (check.metric, int(check.value)) == ("genai_services_filed", distinct)


@pytest.mark.parametrize(
    "content",
    [b"PK\x03\x04 not really a zip", _xlsx([["名称", "数量"], ["甲", 1]])],
    ids=["corrupt", "no-filing-header"],
)
def test_unreadable_filing_list_is_an_alert(content: bytes) -> None:
    """A broken or unexpected attachment gives an attachment_unreadable alert, never a crash."""
    result = read_filings(content)
    assert result.crosschecks == ()
    assert [kind for kind, _ in result.alerts] == ["attachment_unreadable"]


@pytest.mark.parametrize("spec", SOURCES, ids=lambda s: s.id)
def test_every_source_names_a_registered_scraper(spec: SourceSpec) -> None:
    """Each source's scraper is registered, and its entry pages are in the mirror corpus."""
    scraper = REGISTRY[spec.scraper]
    assert scraper.name == spec.scraper and scraper.version
    for url in spec.entry_urls:
        assert spec.allows(url)
        assert PAGES[url].role == "list"


GOVCN_LIST = "https://www.gov.cn/zhengce/zuixin/"
GOVCN_FEED = "https://www.gov.cn/zhengce/zuixin/ZUIXINZHENGCE.json"


def test_miit_endpoint_is_built_from_the_unitbuild_attributes() -> None:
    """The shell's url and queryData attributes give the endpoint with its page parameters."""
    (endpoint,) = REGISTRY["miit"].parse(page_of(MIIT_SHELL)).links
    query = dict(parse_qsl(urlsplit(endpoint).query))
    assert query["webId"] == "8d828e408d90447786ddbe128d495e9e"
    assert query["tagId"] == "当前栏目_list" and query["parseType"] == "bulidstatic"
    assert json.loads(query["paramJson"]) == {"pageNo": 1, "pageSize": 15}


def test_govcn_list_leads_to_its_json_feed_and_the_feed_to_articles() -> None:
    """The script-drawn list names its JSON feed; the feed's URL fields are the articles."""
    assert REGISTRY["govcn"].parse(page_of(GOVCN_LIST)).links == (GOVCN_FEED,)
    articles = REGISTRY["govcn"].parse(page_of(GOVCN_FEED)).links
    assert "https://www.gov.cn/zhengce/zhengceku/202511/content_7049318.htm" in articles
    assert all(PAGES[url].role in ("article", "trap") for url in articles)


@pytest.mark.parametrize(
    ("source", "url", "body", "content_type"),
    [
        ("miit", MIIT_SHELL, "<html><body><div id='list'></div></body></html>", "text/html"),
        ("govcn", GOVCN_LIST, "<html><body><ul id='zuixin-list'></ul></body></html>", "text/html"),
        ("govcn", GOVCN_FEED, '{"items": []}', "application/json"),
        ("govcn", GOVCN_FEED, "[]", "application/json"),
    ],
    ids=["miit-shell-without-script", "govcn-page-without-feed", "govcn-feed-object", "empty-feed"],
)
def test_list_readers_report_drift(source: str, url: str, body: str, content_type: str) -> None:
    """A list page or feed whose expected structure is gone gives layout_drift, not nothing."""
    page = Page(url, source, "cn", body.encode(), content_type, body)
    result = REGISTRY[source].parse(page)
    assert result.links == ()
    assert [kind for kind, _ in result.alerts] == ["layout_drift"]


def test_unreadable_pdf_attachment_is_an_alert() -> None:
    """A PDF that cannot be read gives attachment_unreadable, never a crash."""
    url = "https://www.cnnic.net.cn/NMediaFile/2025/0717/broken.pdf"
    page = Page(url, "cnnic", "cn", b"%PDF-1.4 truncated", "application/pdf")
    result = REGISTRY["cnnic"].parse(page)
    assert result.candidates == ()
    assert [kind for kind, _ in result.alerts] == ["attachment_unreadable"]


PDF_TEXT = """省人工智能产业发展报告
2024 年，全省人工智能产业实现总营业收入 5 732.6 亿元，同比增长 12.4%。
表 2-1 2024 年各设区市人工智能产业营业收入
地区 营业收入（亿元） 同比增速（%）
杭州市 3 412.8 13.6
宁波市 864.1 10.9
其他地区 756.3 9.4
图 1 生成式人工智能用户规模及普及率
单位：万人
24900 51500
17.7% 36.5%
2024.12 2025.06
来源：调查
"""


def test_pdf_text_tables_and_charts_are_read() -> None:
    """PDF text keeps tables as space-separated lines and charts as columns over periods; both
    are read cell by cell, a thousands group set apart (3 412.8) is one number, and the
    growth-rate column and the 其他地区 row give nothing."""
    blocks = text_blocks(PDF_TEXT)
    assert [b.kind for b in blocks].count("table") == 2
    found = {(c.metric, c.jurisdiction, c.value, c.as_of)
             for c in read(blocks, date(2025, 6, 30), "cn-zj")}  # fmt: skip
    assert found == {
        ("ai_industry_scale", "cn-zj", Decimal("573260000000.0"), date(2024, 12, 31)),
        ("ai_industry_scale", "cn-zj-hangzhou", Decimal("341280000000.0"), date(2024, 12, 31)),
        ("ai_industry_scale", "cn-zj-ningbo", Decimal("86410000000.0"), date(2024, 12, 31)),
        ("genai_users", "cn-zj", Decimal("249000000"), date(2024, 12, 31)),
        ("genai_users", "cn-zj", Decimal("515000000"), date(2025, 6, 30)),
        ("genai_penetration_rate", "cn-zj", Decimal("17.7"), date(2024, 12, 31)),
        ("genai_penetration_rate", "cn-zj", Decimal("36.5"), date(2025, 6, 30)),
    }


FIXED_WIDTH_TABLE = """算力白皮书（节选）
河北、江苏的算力规模位居前列。

表 2-1  部分省份算力发展情况（2025 年 6 月底）

  省份        算力规模          智能算力规模
              (EFLOPS, FP32)    (EFLOPS, FP16)
  河北        48.6              142.3
  江苏        41.2              96.5

  数据来源：测算。
"""


def test_fixed_width_table_with_units_under_its_header() -> None:
    """A plain-text table whose units sit on a line under the header, its caption a blank line
    above, is read cell by cell with the caption's period and the header's units, and its rows
    are never joined into prose."""
    blocks = text_blocks(FIXED_WIDTH_TABLE)
    (table,) = [b for b in blocks if b.kind == "table"]
    assert table.text == "表 2-1  部分省份算力发展情况（2025 年 6 月底）"
    assert table.rows[0] == ("省份", "算力规模(EFLOPS, FP32)", "智能算力规模(EFLOPS, FP16)")
    found = {(c.metric, c.jurisdiction, c.value, c.as_of)
             for c in read(blocks, date(2025, 9, 1), "cn")}  # fmt: skip
    june = date(2025, 6, 30)
    assert found == {
        ("compute_total", "cn-he", Decimal("4.86e19"), june),
        ("compute_total", "cn-js", Decimal("4.12e19"), june),
        ("compute_intelligent", "cn-he", Decimal("1.423e20"), june),
        ("compute_intelligent", "cn-js", Decimal("9.65e19"), june),
    }


def test_pdf_header_periods_cut_apart_are_put_back() -> None:
    """PDF text splits 2023 年 into two fields; the header keeps one column per period, so
    each cell gets its own year."""
    blocks = text_blocks(
        "报告\n表 2-1 重点省市人工智能产业规模（单位：亿元）\n地区 2023 年 2024 年 同比增速\n"
        "北京 2930 3480 18.8%\n上海 3820 4510 18.1%\n"
    )
    (table,) = [b for b in blocks if b.kind == "table"]
    assert table.rows[0] == ("地区", "2023年", "2024年", "同比增速")
    found = {(c.jurisdiction, c.value, c.as_of) for c in read(blocks, date(2025, 6, 1), "cn")}
    assert found == {
        ("cn-bj", Decimal("2.93e11"), date(2023, 12, 31)),
        ("cn-bj", Decimal("3.48e11"), date(2024, 12, 31)),
        ("cn-sh", Decimal("3.82e11"), date(2023, 12, 31)),
        ("cn-sh", Decimal("4.51e11"), date(2024, 12, 31)),
    }


def test_table_heading_with_its_own_period() -> None:
    """A column heading that holds a period and the indicator (截至2025年6月底智能算力规模)
    dates each cell by its own column."""
    markup = (
        "<p>部分中部省份人工智能发展主要指标</p><table><tr><td>省份</td>"
        "<td>2024年人工智能核心产业规模（亿元）</td><td>截至2025年6月底智能算力规模（EFLOPS）</td>"
        "</tr><tr><td>安徽</td><td>1120</td><td>12.0</td></tr></table>"
    )
    blocks = blocks_of(BeautifulSoup(markup, "html.parser"))
    found = {(c.metric, c.jurisdiction, c.value, c.as_of) for c in read(blocks, None, "cn")}
    assert found == {
        ("ai_core_industry_scale", "cn-ah", Decimal("1.12e11"), date(2024, 12, 31)),
        ("compute_intelligent", "cn-ah", Decimal("1.2e19"), date(2025, 6, 30)),
    }


@pytest.mark.parametrize(
    ("markup", "caption"),
    [
        pytest.param(
            "<p>其中北京、上海两地合共223款，占全国逾五成。</p><table><caption>主要省市已备案服务"
            "（截至2025年6月底）</caption><tr><th>省市</th><th>已备案服务（款）</th></tr>"
            "<tr><td>北京</td><td>141</td></tr><tr><td>上海</td><td>82</td></tr></table>",
            "主要省市已备案服务（截至2025年6月底）",
            id="its-own-caption",
        ),
        pytest.param(
            "<p>表1 主要省市已备案服务（截至2025年6月底）</p><table><tr><th>省市</th>"
            "<th>已备案服务（款）</th></tr><tr><td>北京</td><td>141</td></tr></table>",
            "表1 主要省市已备案服务（截至2025年6月底）",
            id="a-heading-line-before-it",
        ),
        pytest.param(
            "<p>其中北京、上海两地合共223款，占全国逾五成。</p><table><tr><th>省市</th>"
            "<th>已备案服务（款）</th></tr><tr><td>北京</td><td>141</td></tr></table>",
            "",
            id="never-a-sentence-before-it",
        ),
    ],
)
def test_table_caption(markup: str, caption: str) -> None:
    """A data table's caption is its <caption>, else a heading line before it, never a
    sentence of the article (which would date and place every cell)."""
    (table,) = [b for b in blocks_of(BeautifulSoup(markup, "html.parser")) if b.kind == "table"]
    assert table.text == caption


def test_a_total_row_is_not_the_last_rows_place() -> None:
    """A table's 合计 row names no place: it is the publisher's total, never the place of the
    row above it."""
    rows = (("地区", "已备案数量（款）"), ("北京", "105"), ("天津", "6"), ("合计", "346"))
    block = Block("生成式人工智能服务已备案数量分地区情况（截至2025年3月31日）", "table", rows)
    found = {(c.jurisdiction, c.value) for c in read([block], date(2025, 4, 10), "cn")}
    assert found == {("cn-bj", Decimal(105)), ("cn-tj", Decimal(6)), ("cn", Decimal(346))}
