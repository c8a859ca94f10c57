"""The pure extraction functions: numerals, units, periods and catalogue statements.

Expectations follow DESIGN.md sections 3, 5 and 6.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import pytest

from monitor.core.contract import Candidate
from monitor.core.errors import ParseError
from monitor.extract.numerals import canonical, chinese_integer, number
from monitor.extract.periods import resolve_as_of, stated_period
from monitor.extract.reader import Block, extract, read

D = Decimal
Obs = tuple[str, str, Decimal, date | None, str]

# Publication dates of the mirror pages the sentences come from.
CAC_PUB = date(2025, 1, 8)
CNNIC_PUB = date(2025, 7, 17)
BRIEFING_PUB = date(2025, 8, 28)
SICHUAN_PUB = date(2025, 3, 20)
PUB = date(2025, 7, 17)


def observed(candidates: Iterable[Candidate]) -> list[Obs]:
    """(metric, jurisdiction, value, as_of, qualifier) of each candidate, sorted."""
    return sorted((c.metric, c.jurisdiction, c.value, c.as_of, c.qualifier) for c in candidates)


# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("两千", 2000, id="liang-qian"),
        pytest.param("一千四百", 1400, id="yi-qian-si-bai"),
        pytest.param("十二", 12, id="shi-er-leading-ten"),
        pytest.param("十", 10, id="shi-alone"),
        pytest.param("三十", 30, id="san-shi"),
        pytest.param("两百", 200, id="liang-bai"),
        pytest.param("一百零五", 105, id="zero-placeholder"),
        pytest.param("一千零一", 1001, id="zero-placeholder-thousands"),
        pytest.param("〇", 0, id="ling-circle"),
        pytest.param("九", 9, id="single-digit"),
    ],
)
def test_chinese_integer(text: str, expected: int) -> None:
    """A Chinese numeral without a scale reads as its integer value."""
    assert chinese_integer(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("十二a", id="latin-letter"),
        pytest.param("3千", id="arabic-digit-mixed"),
        pytest.param("一亿元", id="unit-word-not-a-numeral"),
    ],
)
def test_chinese_integer_rejects(text: str) -> None:
    """Anything that is not a plain Chinese numeral is a ParseError, never a guess."""
    with pytest.raises(ParseError):
        chinese_integer(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("302", D(302), id="arabic-integer"),
        pytest.param("11.08", D("11.08"), id="arabic-decimal"),
        pytest.param("1,234", D(1234), id="ascii-thousands-separator"),
        pytest.param("1，234", D(1234), id="fullwidth-thousands-separator"),
        pytest.param(" 3.5 ", D("3.5"), id="surrounding-space"),
        pytest.param("两千", D(2000), id="chinese-numeral"),
        pytest.param("十二", D(12), id="chinese-twelve"),
    ],
)
def test_number(text: str, expected: Decimal) -> None:
    """Arabic (with separators) and Chinese numerals read as exact Decimals."""
    value = number(text)
    assert isinstance(value, Decimal)
    assert value == expected


@pytest.mark.parametrize(
    ("value", "scale", "unit", "expected", "expected_unit"),
    [
        pytest.param("3.5", "万", "人", D(35000), "persons", id="3.5wan-persons"),
        pytest.param("5.15", "亿", "人", D(515000000), "persons", id="5.15yi-persons"),
        pytest.param("7000", "亿", "元", D("7e11"), "CNY", id="7000yi-yuan"),
        pytest.param("1.2", "万亿", "元", D("1.2e12"), "CNY", id="1.2wanyi-yuan"),
        pytest.param("两千", "亿", "元", D("2e11"), "CNY", id="chinese-numeral-with-scale"),
        pytest.param("1", "亿", "元", D(100000000), "CNY", id="1yi-yuan"),
        pytest.param("302", "", "款", D(302), "count", id="kuan-count"),
        pytest.param("5300", "", "家", D(5300), "count", id="jia-count"),
        pytest.param("20", "", "个", D(20), "count", id="ge-count"),
        pytest.param("36.5", "", "%", D("36.5"), "percent", id="percent-not-fraction"),
        pytest.param("90", "", "EFLOPS", D("9e19"), "FLOPS", id="eflops"),
        pytest.param("8000", "", "P", D("8e18"), "FLOPS", id="p-is-pflops"),
        pytest.param("5000", "", "PFLOPS", D("5e18"), "FLOPS", id="pflops"),
        pytest.param("90", "", "百亿亿次/秒", D("9e19"), "FLOPS", id="baiyiyi-per-second"),
    ],
)
def test_canonical(
    value: str, scale: str, unit: str, expected: Decimal, expected_unit: str
) -> None:
    """Value, scale and written unit become the catalogue's canonical unit (DESIGN section 3)."""
    got, got_unit = canonical(value, scale, unit)
    assert isinstance(got, Decimal)
    assert (got, got_unit) == (expected, expected_unit)


@pytest.mark.parametrize(
    ("value", "scale", "unit"),
    [
        pytest.param("1", "", "吨", id="unknown-unit"),
        pytest.param("1", "千", "元", id="unknown-scale"),
        pytest.param("abc", "", "元", id="not-a-number"),
    ],
)
def test_canonical_rejects(value: str, scale: str, unit: str) -> None:
    """An unknown unit, scale or numeral is a ParseError."""
    with pytest.raises(ParseError):
        canonical(value, scale, unit)


# --- periods ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param("截至2025年6月底，", PUB, date(2025, 6, 30), id="month-end-di"),
        pytest.param("截至2025年6月末，", PUB, date(2025, 6, 30), id="month-end-mo"),
        pytest.param("截至2025年6月，", PUB, date(2025, 6, 30), id="month-alone"),
        pytest.param("截至2025年2月底，", PUB, date(2025, 2, 28), id="february-end"),
        pytest.param("截至2024年2月底，", PUB, date(2024, 2, 29), id="february-end-leap"),
        pytest.param("截至2024年12月31日，", PUB, date(2024, 12, 31), id="full-date"),
        pytest.param("2025年上半年，", PUB, date(2025, 6, 30), id="first-half"),
        pytest.param("2025年前两个季度，", PUB, date(2025, 6, 30), id="first-two-quarters"),
        pytest.param("2025年前三季度，", PUB, date(2025, 9, 30), id="first-three-quarters"),
        pytest.param("2025年一季度，", PUB, date(2025, 3, 31), id="first-quarter"),
        pytest.param("2025年第一季度，", PUB, date(2025, 3, 31), id="first-quarter-di"),
        pytest.param("2024年，", PUB, date(2024, 12, 31), id="bare-year"),
        pytest.param("截至2024年底，", PUB, date(2024, 12, 31), id="year-end-di"),
        pytest.param("2024年末，", PUB, date(2024, 12, 31), id="year-end-mo"),
        pytest.param("2024年全年，", PUB, date(2024, 12, 31), id="full-year"),
        pytest.param("去年底，", SICHUAN_PUB, date(2024, 12, 31), id="last-year-end"),
        pytest.param("去年全年，", SICHUAN_PUB, date(2024, 12, 31), id="last-year-full"),
        pytest.param("今年2月28日，", SICHUAN_PUB, date(2025, 2, 28), id="this-year-day"),
        pytest.param("今年6月底，", PUB, date(2025, 6, 30), id="this-year-month"),
        pytest.param("目前，", PUB, PUB, id="mu-qian-is-publication"),
        pytest.param("截至目前，", PUB, PUB, id="jie-zhi-mu-qian"),
        pytest.param("当前，", PUB, PUB, id="dang-qian"),
        pytest.param("截至发稿，", PUB, PUB, id="jie-zhi-fa-gao"),
        pytest.param("去年底，", None, None, id="relative-without-publication"),
        pytest.param("今年2月28日，", None, None, id="this-year-without-publication"),
        pytest.param("我国网民规模达11亿人。", PUB, None, id="no-period"),
        pytest.param("第56次统计报告发布。", PUB, None, id="unrelated-number-no-period"),
        pytest.param("两家企业去年先后登陆港交所。", PUB, None, id="a-listing-is-an-event"),
        pytest.param(
            "今年上半年，",
            date(2025, 7, 15),
            date(2025, 6, 30),
            id="this-year-first-half",
        ),
        pytest.param(
            "今年前三季度，",
            date(2025, 10, 20),
            date(2025, 9, 30),
            id="this-year-first-three-quarters",
        ),
        pytest.param(
            "今年一季度，",
            date(2025, 4, 20),
            date(2025, 3, 31),
            id="this-year-first-quarter",
        ),
        pytest.param(
            "去年，",
            SICHUAN_PUB,
            date(2024, 12, 31),
            id="last-year-bare",
        ),
    ],
)
def test_stated_period(text: str, published: date | None, expected: date | None) -> None:
    """Period words resolve to the reference date; relative words against the publication date."""
    assert stated_period(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param("截至2025年6月底，", PUB, date(2025, 6, 30), id="stated-wins"),
        pytest.param("我国网民规模达11亿人。", PUB, PUB, id="falls-back-to-publication"),
        pytest.param("我国网民规模达11亿人。", None, None, id="neither"),
        pytest.param("2024年，", None, date(2024, 12, 31), id="stated-without-publication"),
    ],
)
def test_resolve_as_of(text: str, published: date | None, expected: date | None) -> None:
    """as_of is the stated period, else the publication date, else None."""
    assert resolve_as_of(text, published) == expected


# --- statements ---------------------------------------------------------------------------

EXTRACT_CASES = [
    pytest.param(
        "截至2024年12月31日，共302款生成式人工智能服务在国家网信办完成备案。",
        CAC_PUB,
        "cn",
        [("genai_services_filed", "cn", D(302), date(2024, 12, 31), "eq")],
        id="genai-services-filed",
    ),
    pytest.param(
        "2024年共105款生成式人工智能应用或功能在地方网信部门完成登记。",
        CAC_PUB,
        "cn",
        [("genai_services_registered", "cn", D(105), date(2024, 12, 31), "eq")],
        id="genai-services-registered",
    ),
    pytest.param(
        "截至2025年6月，我国网民规模达11.23亿人，互联网普及率达79.7%。",
        CNNIC_PUB,
        "cn",
        [
            ("internet_penetration_rate", "cn", D("79.7"), date(2025, 6, 30), "eq"),
            ("internet_users", "cn", D("1.123e9"), date(2025, 6, 30), "eq"),
        ],
        id="internet-users-and-rate",
    ),
    pytest.param(
        "截至2024年12月，生成式人工智能产品的用户规模达2.49亿人，占整体人口的17.7%。",
        date(2025, 1, 17),
        "cn",
        [
            ("genai_penetration_rate", "cn", D("17.7"), date(2024, 12, 31), "eq"),
            ("genai_users", "cn", D("2.49e8"), date(2024, 12, 31), "eq"),
        ],
        id="genai-users-and-share-of-population",
    ),
    pytest.param(
        "截至2025年6月，我国生成式人工智能用户规模达5.15亿人，较2024年12月增长2.66亿人，"
        "普及率为36.5%。",
        CNNIC_PUB,
        "cn",
        [
            ("genai_penetration_rate", "cn", D("36.5"), date(2025, 6, 30), "eq"),
            ("genai_users", "cn", D("5.15e8"), date(2025, 6, 30), "eq"),
        ],
        id="genai-users-level-not-increment",
    ),
    pytest.param(
        "截至2025年6月，使用过生成式人工智能产品的人数占总人口比例为36.5%。",
        CNNIC_PUB,
        "cn",
        [("genai_penetration_rate", "cn", D("36.5"), date(2025, 6, 30), "eq")],
        id="genai-rate-share-of-total-population",
    ),
    pytest.param(
        "截至2024年12月，我国网民规模达11.08亿人。生成式人工智能产品的用户规模达2.49亿人。",
        date(2025, 1, 17),
        "cn",
        [
            ("genai_users", "cn", D("2.49e8"), date(2024, 12, 31), "eq"),
            ("internet_users", "cn", D("1.108e9"), date(2024, 12, 31), "eq"),
        ],
        id="period-carries-to-next-sentence",
    ),
    pytest.param(
        "2024年，全省人工智能核心产业规模达到1200亿元，同比增长18%。",
        SICHUAN_PUB,
        "cn-sc",
        [("ai_core_industry_scale", "cn-sc", D("1.2e11"), date(2024, 12, 31), "eq")],
        id="ai-core-industry-quan-sheng-default",
    ),
    pytest.param(
        "2024年，我国人工智能核心产业规模已接近1万亿元。",
        BRIEFING_PUB,
        "cn",
        [("ai_core_industry_scale", "cn", D("1e12"), date(2024, 12, 31), "approx")],
        id="ai-core-industry-jiejin-wanyi",
    ),
    pytest.param(
        "全省人工智能核心产业规模达到2200余亿元。",
        PUB,
        "cn-gd",
        [("ai_core_industry_scale", "cn-gd", D("2.2e11"), PUB, "gt")],
        id="ai-core-industry-yu-before-scale",
    ),
    pytest.param(
        "2024年，全国人工智能产业规模达到1.2万亿元。",
        PUB,
        "cn",
        [("ai_industry_scale", "cn", D("1.2e12"), date(2024, 12, 31), "eq")],
        id="ai-industry-scale",
    ),
    pytest.param(
        "截至2025年9月底，全省人工智能企业超过1500家。",
        date(2025, 10, 10),
        "cn-gd",
        [("ai_enterprises", "cn-gd", D(1500), date(2025, 9, 30), "gt")],
        id="ai-enterprises-chaoguo",
    ),
    pytest.param(
        "目前我国已发布的大模型超过1500个。",
        BRIEFING_PUB,
        "cn",
        [("large_models_released", "cn", D(1500), BRIEFING_PUB, "gt")],
        id="large-models-mu-qian",
    ),
    pytest.param(
        "目前，全市已培育行业应用大模型20个。",
        date(2025, 6, 5),
        "cn-zj-hangzhou",
        [("industry_models", "cn-zj-hangzhou", D(20), date(2025, 6, 5), "eq")],
        id="industry-models-quan-shi-default",
    ),
    pytest.param(
        "截至目前，我国已建成基础级智能工厂3万余家、先进级智能工厂1200余家、"
        "卓越级智能工厂230余家、领航级智能工厂15家。",
        date(2025, 7, 23),
        "cn",
        [
            ("smart_factories_advanced", "cn", D(1200), date(2025, 7, 23), "gt"),
            ("smart_factories_basic", "cn", D(30000), date(2025, 7, 23), "gt"),
            ("smart_factories_excellent", "cn", D(230), date(2025, 7, 23), "gt"),
            ("smart_factories_leading", "cn", D(15), date(2025, 7, 23), "eq"),
        ],
        id="smart-factories-four-levels",
    ),
    pytest.param(
        "截至2025年6月，我国已建成基础级智能工厂3.5万余家。",
        PUB,
        "cn",
        [("smart_factories_basic", "cn", D(35000), date(2025, 6, 30), "gt")],
        id="smart-factories-3.5wan-yu",
    ),
    pytest.param(
        "截至2025年6月底，我国算力总规模达到280EFLOPS。",
        date(2025, 8, 5),
        "cn",
        [("compute_total", "cn", D("2.8e20"), date(2025, 6, 30), "eq")],
        id="compute-total-eflops",
    ),
    pytest.param(
        "截至2025年8月底，北京经开区智能算力规模达到6000P。",
        date(2025, 9, 15),
        "cn-bj",
        [("compute_intelligent", "cn-bj-etown", D("6e18"), date(2025, 8, 31), "eq")],
        id="compute-intelligent-p-etown",
    ),
    pytest.param(
        "截至2025年6月底，全国智能算力规模约90百亿亿次/秒。",
        PUB,
        "cn",
        [("compute_intelligent", "cn", D("9e19"), date(2025, 6, 30), "approx")],
        id="compute-baiyiyi-yue",
    ),
    pytest.param(
        "截至2025年6月底，我国智能算力规模逾90EFlops。",
        PUB,
        "cn",
        [("compute_intelligent", "cn", D("9e19"), date(2025, 6, 30), "gt")],
        id="compute-eflops-mixed-case-yu",
    ),
    pytest.param(
        "截至2025年6月底，全市智能算力规模突破5000PFlops。",
        PUB,
        "cn-sc-chengdu",
        [("compute_intelligent", "cn-sc-chengdu", D("5e18"), date(2025, 6, 30), "gt")],
        id="compute-pflops-tupo",
    ),
    pytest.param(
        "截至2025年6月底，全市智能算力规模近5000P。",
        PUB,
        "cn-sc-chengdu",
        [("compute_intelligent", "cn-sc-chengdu", D("5e18"), date(2025, 6, 30), "approx")],
        id="compute-jin",
    ),
    pytest.param(
        "截至2025年6月底，全市智能算力规模不到5000P。",
        PUB,
        "cn-sc-chengdu",
        [("compute_intelligent", "cn-sc-chengdu", D("5e18"), date(2025, 6, 30), "lt")],
        id="compute-budao",
    ),
    pytest.param(
        "截至2025年5月底，本市智能算力规模超60EFLOPS。",
        date(2025, 6, 12),
        "cn-sh",
        [("compute_intelligent", "cn-sh", D("6e19"), date(2025, 5, 31), "gt")],
        id="compute-chao-ben-shi",
    ),
    pytest.param(
        "截至2025年5月底，全市智能算力规模超过60EFLOPS，提前超额完成行动方案提出的"
        "“到2025年底，智能算力规模超过30EFLOPS”的目标。",
        date(2025, 6, 12),
        "cn-sh",
        [("compute_intelligent", "cn-sh", D("6e19"), date(2025, 5, 31), "gt")],
        id="observation-beside-quoted-target",
    ),
    pytest.param(
        "2025年上半年，全省人工智能核心产业规模不足800亿元。",
        PUB,
        "cn-sc",
        [("ai_core_industry_scale", "cn-sc", D("8e10"), date(2025, 6, 30), "lt")],
        id="buzu-first-half",
    ),
    pytest.param(
        "预计2025年全省人工智能核心产业规模达到1500亿元。",
        PUB,
        "cn-sc",
        [("ai_core_industry_scale", "cn-sc", D("1.5e11"), date(2025, 12, 31), "estimate")],
        id="yuji-estimate",
    ),
    pytest.param(
        "2025年前三季度，全省人工智能核心产业规模达到1800亿元。",
        date(2025, 10, 20),
        "cn-sc",
        [("ai_core_industry_scale", "cn-sc", D("1.8e11"), date(2025, 9, 30), "eq")],
        id="first-three-quarters",
    ),
    pytest.param(
        "2025年一季度，全省人工智能核心产业规模达到600亿元。",
        date(2025, 4, 20),
        "cn-sc",
        [("ai_core_industry_scale", "cn-sc", D("6e10"), date(2025, 3, 31), "eq")],
        id="first-quarter",
    ),
    pytest.param(
        "去年底，全省人工智能企业超过1000家。",
        SICHUAN_PUB,
        "cn-sc",
        [("ai_enterprises", "cn-sc", D(1000), date(2024, 12, 31), "gt")],
        id="qu-nian-di",
    ),
    pytest.param(
        "今年2月28日，全省人工智能企业超过1000家。",
        SICHUAN_PUB,
        "cn-sc",
        [("ai_enterprises", "cn-sc", D(1000), date(2025, 2, 28), "gt")],
        id="jin-nian-day",
    ),
    pytest.param(
        "全省人工智能核心产业规模达到两千亿元。",
        PUB,
        "cn-sc",
        [("ai_core_industry_scale", "cn-sc", D("2e11"), PUB, "eq")],
        id="chinese-numeral-liang-qian-yi",
    ),
    pytest.param(
        "全省人工智能企业数量超过一千四百家。",
        PUB,
        "cn-sc",
        [("ai_enterprises", "cn-sc", D(1400), PUB, "gt")],
        id="chinese-numeral-yi-qian-si-bai",
    ),
    pytest.param(
        "全省已发布大模型十二个。",
        PUB,
        "cn-sc",
        [("large_models_released", "cn-sc", D(12), PUB, "eq")],
        id="chinese-numeral-shi-er",
    ),
    pytest.param(
        "我国网民规模逾11亿人。",
        PUB,
        "cn-sc",
        [("internet_users", "cn", D("1.1e9"), PUB, "gt")],
        id="wo-guo-on-provincial-page-is-national",
    ),
    pytest.param(
        "截至2025年6月，北京经济技术开发区人工智能企业超过800家。",
        PUB,
        "cn-bj",
        [("ai_enterprises", "cn-bj-etown", D(800), date(2025, 6, 30), "gt")],
        id="etown-full-name",
    ),
    pytest.param(
        "截至2025年6月，亦庄人工智能企业超过800家。",
        PUB,
        "cn",
        [("ai_enterprises", "cn-bj-etown", D(800), date(2025, 6, 30), "gt")],
        id="etown-yizhuang",
    ),
    pytest.param(
        "2024年，全省人工智能核心产业规模超过2200亿元，产业规模和企业数量均居全国前列。",
        date(2025, 10, 10),
        "cn-gd",
        [("ai_core_industry_scale", "cn-gd", D("2.2e11"), date(2024, 12, 31), "gt")],
        id="quan-sheng-beats-quan-guo",
    ),
    pytest.param(
        "截至2025年5月底，上海市智能算力规模超过60EFLOPS。",
        PUB,
        "cn",
        [("compute_intelligent", "cn-sh", D("6e19"), date(2025, 5, 31), "gt")],
        id="named-province-on-national-page",
    ),
    pytest.param(
        "截至2025年6月底，我国人工智能企业数量达5000家以上。",
        PUB,
        "cn",
        [("ai_enterprises", "cn", D(5000), date(2025, 6, 30), "gt")],
        id="yishang-is-gt",
    ),
    pytest.param(
        "截至2025年6月，我国网民规模达11亿人左右。",
        PUB,
        "cn",
        [("internet_users", "cn", D("1.1e9"), date(2025, 6, 30), "approx")],
        id="zuoyou-is-approx",
    ),
    pytest.param(
        "截至2025年6月，全省人工智能企业数量达到3.5万余家。",
        PUB,
        "cn-sc",
        [("ai_enterprises", "cn-sc", D(35000), date(2025, 6, 30), "gt")],
        id="enterprises-3.5wan-yu",
    ),
    pytest.param(
        "截至2025年6月，全省生成式人工智能用户规模达3.5万余人。",
        PUB,
        "cn-sc",
        [("genai_users", "cn-sc", D(35000), date(2025, 6, 30), "gt")],
        id="persons-3.5wan-yu",
    ),
    pytest.param(
        "截至2025年6月底，全市智能算力规模达1.2万P。",
        PUB,
        "cn-sc-chengdu",
        [("compute_intelligent", "cn-sc-chengdu", D("1.2e19"), date(2025, 6, 30), "eq")],
        id="compute-wan-p",
    ),
    pytest.param(
        "全省人工智能核心产业规模有望突破1500亿元。",
        PUB,
        "cn-sc",
        [("ai_core_industry_scale", "cn-sc", D("1.5e11"), PUB, "estimate")],
        id="youwang-estimate",
    ),
    pytest.param(
        "今年上半年，全省人工智能核心产业规模达到800亿元。",
        PUB,
        "cn-sc",
        [("ai_core_industry_scale", "cn-sc", D("8e10"), date(2025, 6, 30), "eq")],
        id="jin-nian-shang-ban-nian",
    ),
    pytest.param(
        "截至2025年6月，內地生成式人工智能用戶規模達5.15億人；普及率36.5%。",
        PUB,
        "cn-hk",
        [
            ("genai_penetration_rate", "cn", D("36.5"), date(2025, 6, 30), "eq"),
            ("genai_users", "cn", D("5.15e8"), date(2025, 6, 30), "eq"),
        ],
        id="hong-kong-paper-reports-the-mainland",
    ),
    pytest.param(
        "遼寧省數據局負責人表示，全省算力規模達3200P。",
        PUB,
        "cn-hk",
        [("compute_total", "cn-ln", D("3.2e18"), PUB, "eq")],
        id="hong-kong-paper-quansheng-is-the-province-named",
    ),
    pytest.param(
        "截至2024年底，中國大陸智慧算力約90 EFLOPS。",
        PUB,
        "cn-tw",
        [("compute_intelligent", "cn", D("9e19"), date(2024, 12, 31), "approx")],
        id="taiwan-wording-zhihui-suanli",
    ),
    pytest.param(
        "國家網信辦資料顯示，累計已有302款生成式AI服務完成備案。",
        PUB,
        "cn-tw",
        [("genai_services_filed", "cn", D(302), PUB, "eq")],
        id="taiwan-institute-no-place-is-the-mainland",
    ),
    pytest.param(
        "目前，全市共有人工智能企业326家，2024年人工智能核心产业规模达到132亿元。"
        "全市算力总规模达到1250P。",
        PUB,
        "cn-ln-dalian",
        [
            ("ai_core_industry_scale", "cn-ln-dalian", D("1.32e10"), date(2024, 12, 31), "eq"),
            ("ai_enterprises", "cn-ln-dalian", D(326), PUB, "eq"),
            ("compute_total", "cn-ln-dalian", D("1.25e18"), PUB, "eq"),
        ],
        id="framing-period-dates-the-paragraph-not-a-later-clause",
    ),
    pytest.param(
        "上海累计建成卓越级智能工厂29家。江苏省工信厅则披露，全省已建成卓越级智能工厂62家。",
        PUB,
        "cn",
        [
            ("smart_factories_excellent", "cn-js", D(62), PUB, "eq"),
            ("smart_factories_excellent", "cn-sh", D(29), PUB, "eq"),
        ],
        id="quansheng-is-the-province-named-in-its-sentence-not-the-last-one",
    ),
    pytest.param(
        "据广西壮族自治区工业和信息化厅介绍，截至2025年6月底，全区人工智能企业数量达到1480家。",
        PUB,
        "cn",
        [("ai_enterprises", "cn-gx", D(1480), date(2025, 6, 30), "eq")],
        id="quanqu-after-an-autonomous-region",
    ),
    pytest.param(
        "截至2024年底，云南全省算力总规模约3500P。",
        PUB,
        "cn-yn-kunming",
        [("compute_total", "cn-yn", D("3.5e18"), date(2024, 12, 31), "approx")],
        id="quansheng-on-a-city-page-is-its-province",
    ),
    pytest.param(
        "截至2025年6月底，广西人工智能企业数量达到1480家；智算规模超过1.1万P。",
        PUB,
        "cn",
        [
            ("ai_enterprises", "cn-gx", D(1480), date(2025, 6, 30), "eq"),
            ("compute_intelligent", "cn-gx", D("1.1e19"), date(2025, 6, 30), "gt"),
        ],
        id="a-part-after-a-semicolon-keeps-the-sentence-place",
    ),
    pytest.param(
        "我省目前已建成福州、厦门、泉州三个省级人工智能产业园。",
        PUB,
        "cn-fj",
        [("ai_industrial_parks", "cn-fj", D(3), PUB, "eq")],
        id="places-listed-before-their-count-are-counted-not-where",
    ),
    pytest.param(
        "截至2025年6月底，河北、江苏的算力规模位居全国前二，分别达到48.6EFLOPS和41.2EFLOPS。",
        PUB,
        "cn",
        [
            ("compute_total", "cn-he", D("4.86e19"), date(2025, 6, 30), "eq"),
            ("compute_total", "cn-js", D("4.12e19"), date(2025, 6, 30), "eq"),
        ],
        id="fenbie-pairs-places-listed-earlier-in-the-sentence",
    ),
    pytest.param(
        "截至2024年4月，全国至少发布了284个人工智能大模型，全省约有900家人工智能企业。",
        PUB,
        "cn-gd",
        [
            ("ai_enterprises", "cn-gd", D(900), date(2024, 4, 30), "approx"),
            ("large_models_released", "cn", D(284), date(2024, 4, 30), "gt"),
        ],
        id="a-qualifier-before-the-verb-still-qualifies-the-number",
    ),
    pytest.param(
        "截至8月底，全市人工智能企业已达1500余家，今年以来新增约200家；"
        "全市已有9款大模型通过国家生成式人工智能服务备案。",
        date(2024, 9, 12),
        "cn-ah-hefei",
        [
            ("ai_enterprises", "cn-ah-hefei", D(1500), date(2024, 8, 31), "gt"),
            ("genai_services_filed", "cn-ah-hefei", D(9), date(2024, 8, 31), "eq"),
        ],
        id="a-since-period-of-an-increment-does-not-date-the-next-clause",
    ),
    pytest.param(
        "截至2025年12月,我國(guó)網(wǎng)民規(guī)模達(dá)11.25億人,互聯(lián)網(wǎng)普及率突破80%。",
        date(2026, 2, 7),
        "cn",
        [
            ("internet_penetration_rate", "cn", D(80), date(2025, 12, 31), "gt"),
            ("internet_users", "cn", D("1.125e9"), date(2025, 12, 31), "eq"),
        ],
        id="a-reprint-with-pinyin-after-each-traditional-character",
    ),
    pytest.param(
        "中国网民规模从1997年的62万人增长至2024年的11.08亿人。",
        PUB,
        "cn",
        [
            ("internet_users", "cn", D(620000), date(1997, 12, 31), "eq"),
            ("internet_users", "cn", D("1.108e9"), date(2024, 12, 31), "eq"),
        ],
        id="grown-from-one-dated-level-to-another",
    ),
    pytest.param(
        "2024年我市人工智能企业超2400家,核心产业营收超3000亿;全市共有2,400家企业。",
        PUB,
        "cn-bj",
        [
            ("ai_core_industry_scale", "cn-bj", D("3e11"), date(2024, 12, 31), "gt"),
            ("ai_enterprises", "cn-bj", D(2400), date(2024, 12, 31), "gt"),
        ],
        id="ascii-punctuation-in-chinese-text",
    ),
    pytest.param(
        "青岛已有12款大模型通过备案，数量居山东省第二。今年以来，当地已发放算力券2,350万元。",
        PUB,
        "cn-sd",
        [
            ("compute_vouchers_annual", "cn-sd-qingdao", D("2.35e7"), PUB, "eq"),
            ("genai_services_filed", "cn-sd-qingdao", D(12), PUB, "eq"),
        ],
        id="a-place-ranked-in-is-not-the-place-referred-back-to",
    ),
    pytest.param(
        "庆阳数据中心集群建设提速。如今，建成投运的标准机架2万个，算力规模1.9万P。",
        PUB,
        "cn",
        [("compute_total", "cn-gs-qingyang", D("1.9e19"), PUB, "eq")],
        id="a-sentence-naming-no-place-is-about-its-paragraphs",
    ),
    pytest.param(
        "新华社北京7月11日电 截至7月1日，累计有611款生成式人工智能服务完成备案。",
        PUB,
        "cn",
        [("genai_services_filed", "cn", D(611), date(2025, 7, 1), "eq")],
        id="a-dateline-is-where-the-story-was-filed",
    ),
    pytest.param(
        "截至2025年6月，中国累计已经有130个大模型问世，国外大模型发布数量累计达138个。",
        PUB,
        "cn",
        [("large_models_released", "cn", D(130), date(2025, 6, 30), "eq")],
        id="models-that-came-out-here-and-abroad",
    ),
    pytest.param(
        "目前，中国人工智能企业数量已突破4500家大关；香港人工智能企业逾620间。",
        PUB,
        "cn",
        [
            ("ai_enterprises", "cn", D(4500), PUB, "gt"),
            ("ai_enterprises", "cn-hk", D(620), PUB, "gt"),
        ],
        id="a-milestone-passed-and-hong-kong-classifier",
    ),
    pytest.param(
        "2024年，大陆人工智能核心产业规模约0.9兆元；截至去年底，我国算力总规模达到"
        "180EFLOPS（每秒18000京次浮点运算）。",
        PUB,
        "cn-tw",
        [
            ("ai_core_industry_scale", "cn", D("9e11"), date(2024, 12, 31), "approx"),
            ("compute_total", "cn", D("1.8e20"), date(2024, 12, 31), "eq"),
        ],
        id="taiwan-scale-words-zhao-and-jing",
    ),
    pytest.param(
        "2024年浙江全省人工智能产业年产值突破5700亿元；2021年，浙江人工智能企业实现总营业收入"
        "3887.42亿元，其中规模以上人工智能企业实现营业收入2100亿元。",
        PUB,
        "cn-zj",
        [
            ("ai_industry_scale", "cn-zj", D("3.88742e11"), date(2021, 12, 31), "eq"),
            ("ai_industry_scale", "cn-zj", D("5.7e11"), date(2024, 12, 31), "gt"),
        ],
        id="annual-output-and-the-revenue-of-all-ai-firms",
    ),
    pytest.param(
        "上半年，北京人工智能核心产业规模达2152.2亿元，同比增长25.3%；初步估算，"
        "全年产业规模有望突破4500亿元，带动相关产业规模超过1万亿元。",
        date(2025, 11, 30),
        "cn-bj",
        [
            ("ai_core_industry_scale", "cn-bj", D("2.1522e11"), date(2025, 6, 30), "eq"),
            ("ai_core_industry_scale", "cn-bj", D("4.5e11"), date(2025, 12, 31), "estimate"),
            ("ai_industry_scale", "cn-bj", D("1e12"), date(2025, 12, 31), "gt"),
        ],
        id="a-bare-industry-after-the-core-industry-goes-on-about-it",
    ),
    pytest.param(
        "2024年北京人工智能核心产业规模近3500亿元，2025年就达到近4500亿元。\n"
        "北京拥有人工智能企业最多，数量接近1200家。",
        date(2026, 1, 5),
        "cn-bj",
        [
            ("ai_core_industry_scale", "cn-bj", D("3.5e11"), date(2024, 12, 31), "approx"),
            ("ai_core_industry_scale", "cn-bj", D("4.5e11"), date(2025, 12, 31), "approx"),
            ("ai_enterprises", "cn-bj", D(1200), date(2026, 1, 5), "approx"),
        ],
        id="a-clause-of-adverbs-or-a-bare-count-continues-its-subject",
    ),
    pytest.param(
        "12月17日，记者从交流会上获悉，武汉市人工智能产业规模今年有望突破1000亿元。",
        date(2025, 12, 18),
        "cn",
        [("ai_industry_scale", "cn-hb-wuhan", D("1e11"), date(2025, 12, 31), "estimate")],
        id="this-years-estimate-is-of-the-year-end",
    ),
    pytest.param(
        "目前，庆阳已建成投运1.5万个标准机架，算力规模已经从去年底的5000P增加到1.2万P。",
        date(2024, 6, 20),
        "cn-gs-qingyang",
        [
            ("compute_total", "cn-gs-qingyang", D("5e18"), date(2023, 12, 31), "eq"),
            ("compute_total", "cn-gs-qingyang", D("1.2e19"), date(2024, 6, 20), "eq"),
        ],
        id="grown-from-last-years-level-to-todays",
    ),
    pytest.param(
        "全市推动132款大模型通过备案，73款AI产品完成登记。",
        PUB,
        "cn-bj",
        [
            ("genai_services_filed", "cn-bj", D(132), PUB, "eq"),
            ("genai_services_registered", "cn-bj", D(73), PUB, "eq"),
        ],
        id="models-a-city-helped-through-filing-are-filed",
    ),
    pytest.param(
        "截至6月底，全国在用算力中心标准机架超过1000万架，智能算力规模达到788EFLOPS；"
        "我国已建成万卡智算集群42个，算力总规模超过300EFLOPS。",
        PUB,
        "cn",
        [
            ("compute_intelligent", "cn", D("7.88e20"), date(2025, 6, 30), "eq"),
            ("compute_total", "cn", D("3e20"), date(2025, 6, 30), "gt"),
        ],
        id="centres-and-clusters-counted-in-aggregate",
    ),
    pytest.param(
        "目前，庆阳数据中心集群已建成投运1.5万个标准机架，算力规模达到1.2万P。",
        PUB,
        "cn",
        [("compute_total", "cn-gs-qingyang", D("1.2e19"), PUB, "eq")],
        id="a-hub-named-after-its-city-is-the-citys",
    ),
    pytest.param(
        "据研究院首席经济学家介绍，截至2019年12月31日，全国共有797家人工智能企业。",
        PUB,
        "cn",
        [("ai_enterprises", "cn", D(797), date(2019, 12, 31), "eq")],
        id="an-institute-that-speaks-is-a-source-not-the-subject",
    ),
    pytest.param(
        "截至4月，全省算力总规模约1.8万P，其中雅安大数据产业园总算力达5900P、智算规模超过3800P。",
        PUB,
        "cn-sc",
        [("compute_total", "cn-sc", D("1.8e19"), date(2025, 4, 30), "approx")],
        id="after-the-province-one-parks-figures",
    ),
    pytest.param(
        "2023年，我国通用数据中心、智能计算中心持续加快部署，基础设施算力规模达到230EFlops；"
        "上海互联网数据中心总规模达到41.5万个标准机架，算力规模约9E flops。",
        PUB,
        "cn",
        [
            ("compute_total", "cn", D("2.3e20"), date(2023, 12, 31), "eq"),
            ("compute_total", "cn-sh", D("9e18"), date(2023, 12, 31), "approx"),
        ],
        id="a-kind-of-centre-is-not-one-centre",
    ),
    pytest.param(
        "青岛作为计划单列市，人工智能企业达到500家。该机构测算，今年核心产业规模有望达到1.5万亿元。",
        date(2026, 1, 22),
        "cn-sd",
        [("ai_enterprises", "cn-sd-qingdao", D(500), date(2026, 1, 22), "eq")],
        id="a-city-listed-in-the-plan-and-an-early-forecast-of-the-year",
    ),
    pytest.param(
        "全省已有17款生成式人工智能服务完成国家备案，其中福州7款、厦门8款。",
        PUB,
        "cn-fj",
        [
            ("genai_services_filed", "cn-fj", D(17), PUB, "eq"),
            ("genai_services_filed", "cn-fj-fuzhou", D(7), PUB, "eq"),
            ("genai_services_filed", "cn-fj-xiamen", D(8), PUB, "eq"),
        ],
        id="a-breakdown-by-city-with-bare-counts",
    ),
    pytest.param(
        "目前中国10亿参数规模以上的大模型已发布79个，其中北京38个大模型。"
        "北京是全国拥有人工智能企业最多的城市，数量接近1200家。",
        PUB,
        "cn",
        [
            ("ai_enterprises", "cn-bj", D(1200), PUB, "approx"),
            ("large_models_released", "cn", D(79), PUB, "eq"),
            ("large_models_released", "cn-bj", D(38), PUB, "eq"),
        ],
        id="a-breakdown-by-place-and-a-superlative-among-the-nation",
    ),
    pytest.param(
        "武汉市已集聚人工智能企业1000余家，2024年人工智能核心产业规模突破700亿元。"
        "全市已有6家企业的工厂入选国家卓越级智能工厂。",
        date(2025, 3, 10),
        "cn-hb",
        [
            ("ai_core_industry_scale", "cn-hb-wuhan", D("7e10"), date(2024, 12, 31), "gt"),
            ("ai_enterprises", "cn-hb-wuhan", D(1000), date(2024, 12, 31), "gt"),
            ("smart_factories_excellent", "cn-hb-wuhan", D(6), date(2024, 12, 31), "eq"),
        ],
        id="the-sentences-year-stated-after-and-a-final-list-joined",
    ),
    pytest.param(
        "北京经开区已集聚人工智能企业逾500家。从北京全市看，北京已累计有132款大模型完成备案上线；"
        "2024年全市人工智能核心产业规模接近3500亿元。",
        PUB,
        "cn-hk",
        [
            ("ai_core_industry_scale", "cn-bj", D("3.5e11"), date(2024, 12, 31), "approx"),
            ("ai_enterprises", "cn-bj-etown", D(500), PUB, "gt"),
            ("genai_services_filed", "cn-bj", D(132), PUB, "eq"),
        ],
        id="the-whole-city-named-in-the-sentence-not-the-zone-before",
    ),
    pytest.param(
        "去年內地人工智能企業數量超過6000家，智能算力規模超過每秒1590百億億次浮點運算。",
        date(2026, 2, 6),
        "cn-hk",
        [
            ("ai_enterprises", "cn", D(6000), date(2025, 12, 31), "gt"),
            ("compute_intelligent", "cn", D("1.59e21"), date(2025, 12, 31), "gt"),
        ],
        id="last-year-on-the-mainland-is-no-deadline",
    ),
    pytest.param(
        "2024年，全市人工智能核心产业规模为171亿元；今年1—10月实现营收168亿元，同比增长21.5%。",
        date(2025, 12, 19),
        "cn-cq",
        [
            ("ai_core_industry_scale", "cn-cq", D("1.68e10"), date(2025, 10, 31), "eq"),
            ("ai_core_industry_scale", "cn-cq", D("1.71e10"), date(2024, 12, 31), "eq"),
        ],
        id="revenue-so-far-this-year-continues-the-core-industry",
    ),
    pytest.param(
        "截至2024年12月31日，国家网信办已完成对302款生成式人工智能服务的备案工作，"
        "另有263款相关应用或功能完成登记。",
        CAC_PUB,
        "cn",
        [
            ("genai_services_filed", "cn", D(302), date(2024, 12, 31), "eq"),
            ("genai_services_registered", "cn", D(263), date(2024, 12, 31), "eq"),
        ],
        id="filing-work-done-for-a-count-and-related-apps-registered",
    ),
    pytest.param(
        "四川目前有两家国家级算力平台，有1100余家人工智能企业；苏州聚集核心企业667家。",
        PUB,
        "cn",
        [
            ("ai_enterprises", "cn-js-suzhou", D(667), PUB, "eq"),
            ("ai_enterprises", "cn-sc", D(1100), PUB, "gt"),
        ],
        id="entities-counted-are-many-and-core-firms-are-the-firms",
    ),
    pytest.param(
        "截至2025年12月，大陸網友規模達11.25億，網路普及率突破80%。",
        date(2026, 2, 5),
        "cn-tw",
        [
            ("internet_penetration_rate", "cn", D(80), date(2025, 12, 31), "gt"),
            ("internet_users", "cn", D("1.125e9"), date(2025, 12, 31), "eq"),
        ],
        id="taiwan-wording-for-internet-users-and-penetration",
    ),
    pytest.param(
        "2021年数据中心、云计算、人工智能、大数据等产业规模分别超过1500亿元、2000亿元、4000亿元、"
        "1.3万亿元。",
        date(2022, 7, 28),
        "cn",
        [("ai_industry_scale", "cn", D("4e11"), date(2021, 12, 31), "eq")],
        id="respectively-for-several-industries-only-ais-is-ais",
    ),
    pytest.param(
        "预计2023年广东省人工智能核心产业规模将达到1800亿元；预计2027年将达到4000亿元。",
        date(2024, 2, 26),
        "cn-gd",
        [("ai_core_industry_scale", "cn-gd", D("1.8e11"), date(2023, 12, 31), "estimate")],
        id="an-estimate-of-an-ended-year-is-not-a-target",
    ),
    pytest.param(
        "据中国信息通信研究院测算，2021年人工智能核心产业规模超过4000亿元；"
        "截至2019年5月，北京数量高达422家人工智能企业。",
        date(2022, 8, 1),
        "cn",
        [
            ("ai_core_industry_scale", "cn", D("4e11"), date(2021, 12, 31), "gt"),
            ("ai_enterprises", "cn-bj", D(422), date(2019, 5, 31), "eq"),
        ],
        id="an-institute-that-estimates-and-a-place-before-its-count",
    ),
    pytest.param(
        "我国已支持建设11个国家人工智能创新应用先导区。在全国230余家卓越级智能工厂中，山东占22家。",
        PUB,
        "cn",
        [
            ("ai_pilot_zones", "cn", D(11), PUB, "eq"),
            ("smart_factories_excellent", "cn", D(230), PUB, "gt"),
        ],
        id="supported-building-and-among-the-national-total",
    ),
    pytest.param(
        "1—6月，浙江全省人工智能核心产业同比增长14.8%，营收达3412亿；作为对比，2025年2月"
        "工信部披露的全国数字是：3万余家基础级、1200余家先进级、230余家卓越级。",
        PUB,
        "cn",
        [
            ("ai_core_industry_scale", "cn-zj", D("3.412e11"), date(2025, 6, 30), "eq"),
            ("smart_factories_advanced", "cn", D(1200), date(2025, 2, 28), "gt"),
            ("smart_factories_basic", "cn", D(30000), date(2025, 2, 28), "gt"),
            ("smart_factories_excellent", "cn", D(230), date(2025, 2, 28), "gt"),
        ],
        id="revenue-after-a-growth-rate-and-grades-listed-without-their-noun",
    ),
]


@pytest.mark.parametrize(("text", "published", "jurisdiction", "expected"), EXTRACT_CASES)
def test_extract(text: str, published: date, jurisdiction: str, expected: list[Obs]) -> None:
    """Each catalogue statement gives its metric, place, canonical value, as_of and qualifier."""
    assert observed(extract(text, published=published, jurisdiction=jurisdiction)) == expected


TRAPS = [
    pytest.param(
        "青岛工商登记中经营范围涉及人工智能的企业已逾4,000家。", "cn-sd", id="registry-count"
    ),
    pytest.param(
        "截至12月，我国有3.31亿人表示听说过生成式人工智能产品，占总人口的23.5%。",
        "cn",
        id="having-heard-of-genai-is-not-using-it",
    ),
    pytest.param(
        "目前，上海还有两批次共17款大模型正在备案流程中。", "cn-sh", id="models-still-being-filed"
    ),
    pytest.param(
        "中国已有24家人工智能企业获批建设国家新一代人工智能开放创新平台。",
        "cn",
        id="firms-approved-for-a-programme",
    ),
    pytest.param(
        "武汉目前有9家人工智能企业荣登TOP50榜单。", "cn-hb-wuhan", id="firms-on-a-ranking"
    ),
    pytest.param(
        "2022年，全市人工智能核心企业87家外，泛人工智能企业近1000家。",
        "cn-js-wuxi",
        id="a-broader-population-of-firms",
    ),
    pytest.param(
        "雅安大数据产业园已建成机架约4万个，总算力达5900PFlops，智算规模超过3800PFlops。",
        "cn-sc",
        id="a-parks-capacity-continued-over-clauses",
    ),
    pytest.param(
        "在湖北武汉，中国电信中部智算中心新增300台智算服务器，算力规模超过2000PFLOPS。",
        "cn",
        id="an-operators-centre-in-a-city",
    ),
    pytest.param(
        "今年全市计划发放算力券不少于6亿元，并新设模型语料券。", "cn-sh", id="a-plan-for-the-year"
    ),
    pytest.param("中国AI应用专题：算力供给迈入千E时代", "cn", id="an-era-is-not-a-figure"),
    pytest.param(
        "《行动计划》提出算力规模超过300EFLOPS，智能算力占比达到35%。", "cn", id="a-plan-proposes"
    ),
    pytest.param("湖北先进算力规模达20EFLOPS。", "cn-hb", id="advanced-compute-is-a-kind"),
    pytest.param("广东人工智能企业已达22.58万家。", "cn-gd", id="a-registry-sized-count-of-firms"),
    pytest.param("目前，成都已拥有超900家人工智能领域科技型企业。", "cn-sc", id="tech-type-firms"),
    pytest.param(
        "今年山东将争创国家智能制造领航级和卓越级智能工厂10家左右。", "cn-sd", id="to-strive-for"
    ),
    pytest.param(
        "2025年4月至6月，我省又有6款服务完成生成式人工智能服务备案。",
        "cn-sn",
        id="more-in-a-quarter-is-an-increment",
    ),
    pytest.param(
        "南京依托国家人工智能创新应用先导区打造产业载体；苏州累计创建省级智能制造示范车间500余个。",
        "cn-js",
        id="a-count-naming-another-noun-is-not-the-earlier-metric",
    ),
    pytest.param(
        "苏州、南京、无锡三市卓越级智能工厂合计39家，占全省六成以上。",
        "cn-js",
        id="a-sum-over-listed-cities",
    ),
    pytest.param(
        "安徽、湖北两省2024年人工智能核心产业规模均已超过900亿元。",
        "cn",
        id="a-bound-each-listed-province-meets",
    ),
    pytest.param(
        "半年报显示，截至6月30日，公司已交付智能算力规模超过3200P。",
        "cn",
        id="a-companys-delivered-compute",
    ),
    pytest.param(
        "记者梳理发现，A股上市公司中已有30余家公司旗下的大模型完成了备案。",
        "cn",
        id="companies-whose-models-were-filed",
    ),
    pytest.param(
        "1P相当于每秒运算一千万亿次，100P的算力就相当于50万台计算机的算力水平。",
        "cn-gs",
        id="a-unit-explained",
    ),
    pytest.param(
        "截至目前，上海市已有6款新的生成式人工智能服务完成了登记流程。",
        "cn-sh",
        id="new-services-are-an-increment",
    ),
    pytest.param(
        "会议期间，200余家人工智能企业和机构代表参会。", "cn-gd", id="firms-attending-an-event"
    ),
    pytest.param(
        "此外，100余家人工智能企业共同发布了《行业自律倡议》。", "cn", id="firms-signing-a-pledge"
    ),
    pytest.param(
        "其自研的工业大模型已在200余家人工智能企业部署。", "cn-js", id="firms-a-product-serves"
    ),
    pytest.param("济南“人工智能岛”集聚人工智能企业超过200家。", "cn-sd", id="a-named-parks-firms"),
    pytest.param(
        "全年新增完成备案的生成式人工智能服务达到238款。", "cn", id="what-is-new-reaching-a-number"
    ),
    pytest.param(
        "2025年，另有4家企业进入国家领航级智能工厂培育名单。", "cn-hb", id="cultivation-list"
    ),
    pytest.param(
        "截至7月底，大模型应用的个人用户注册总数已超过31亿，API调用用户总数超过1.59亿。",
        "cn",
        id="registered-accounts-and-api-callers-are-not-users",
    ),
    pytest.param(
        "目前，乌兰察布已承接北京地区互联网企业算力业务超6万P。", "cn-nm", id="compute-business"
    ),
    pytest.param(
        "目前，青岛人工智能产业园已引进重点企业300余家。", "cn-sd", id="a-parks-firms-are-not-parks"
    ),
    pytest.param(
        "到2027年，全省人工智能核心产业规模力争达到2000亿元。", "cn-sc", id="target-lizheng"
    ),
    pytest.param(
        "到2027年，新一代智能终端、智能体等应用普及率超70%，生成式人工智能应用加快普及。",
        "cn",
        id="target-adoption-rate-70",
    ),
    pytest.param("到2026年底，智能算力规模达到10000P以上。", "cn-bj-etown", id="target-10000p"),
    pytest.param(
        "计划到2025年底，全市智能算力规模超过30EFLOPS。", "cn-sh", id="target-jihua-30eflops"
    ),
    pytest.param(
        "全省人工智能核心产业规模力争突破3000亿元。", "cn-gd", id="target-lizheng-without-year"
    ),
    pytest.param(
        "我国生成式人工智能用户规模较2024年12月增长2.66亿人。", "cn", id="increment-zengzhang"
    ),
    pytest.param("较2023年12月，网民规模增长1608万人。", "cn", id="increment-internet-users"),
    pytest.param(
        "2024年新增238款生成式人工智能服务在国家网信办完成备案。", "cn", id="increment-xinzeng"
    ),
    pytest.param("北京经开区较年初新增智能算力1500P。", "cn-bj", id="increment-compute-1500p"),
    pytest.param("全省人工智能核心产业营收同比增长18%。", "cn-sc", id="growth-rate-not-level"),
    pytest.param("我国生成式人工智能普及率同比提高5%。", "cn", id="rate-increase-not-level"),
    pytest.param("全年国内生产总值1349084亿元，比上年增长5.0%。", "cn", id="unrelated-gdp"),
    pytest.param("截至2025年6月，我国5G基站总数达455万个。", "cn", id="unrelated-5g"),
    pytest.param("基金规模600亿元，引导社会资本加大投入。", "cn", id="unrelated-fund"),
    pytest.param(
        "确保实现全省人工智能核心产业规模达到2000亿元的目标。",
        "cn-sc",
        id="target-word-after-number",
    ),
    pytest.param(
        "2027年，全省人工智能核心产业规模超过3000亿元。",
        "cn-sc",
        id="future-year-is-target",
    ),
]


@pytest.mark.parametrize(("text", "jurisdiction"), TRAPS)
def test_extract_traps_yield_nothing(text: str, jurisdiction: str) -> None:
    """Targets, increments, growth rates and unrelated figures are never observations."""
    assert extract(text, published=SICHUAN_PUB, jurisdiction=jurisdiction) == []


def test_one_sentence_two_metrics() -> None:
    """算力总规模 … 其中智能算力 … gives two candidates, only the second with FP16."""
    text = "截至2025年6月底，我国算力总规模达到280EFLOPS，其中智能算力规模达到90EFLOPS（FP16）。"
    found = extract(text, published=date(2025, 8, 5), jurisdiction="cn")
    by_metric = {c.metric: c for c in found}
    assert len(found) == 2
    assert set(by_metric) == {"compute_total", "compute_intelligent"}
    total, intelligent = by_metric["compute_total"], by_metric["compute_intelligent"]
    assert (total.value, total.unit, total.precision) == (D("2.8e20"), "FLOPS", None)
    assert (intelligent.value, intelligent.unit) == (D("9e19"), "FLOPS")
    assert intelligent.precision == "FP16"
    assert {c.as_of for c in found} == {date(2025, 6, 30)}
    assert {c.jurisdiction for c in found} == {"cn"}


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        pytest.param("截至2025年6月底，我国智能算力规模达到90EFLOPS（FP16）。", "FP16", id="fp16"),
        pytest.param("截至2025年6月，全市智能算力规模达到3000P（INT8）。", "INT8", id="int8"),
        pytest.param("截至2025年6月，全市智能算力规模达到3000P(FP16)。", "FP16", id="ascii-paren"),
        pytest.param("截至2025年6月，全市智能算力规模达到3000P。", None, id="none-stated"),
    ],
)
def test_compute_precision(text: str, precision: str | None) -> None:
    """The precision basis of an intelligent-compute figure is kept as written."""
    (found,) = extract(text, published=PUB, jurisdiction="cn")
    assert found.metric == "compute_intelligent"
    assert found.precision == precision


def test_candidates_carry_evidence_and_publication() -> None:
    """Each candidate keeps its whole sentence as evidence, its unit and the publication date."""
    text = (
        "《报告》显示，截至2025年6月，我国网民规模达11.23亿人，互联网普及率达79.7%。"
        "数字基础设施持续夯实。"
    )
    found = extract(text, published=CNNIC_PUB, jurisdiction="cn")
    sentence = "《报告》显示，截至2025年6月，我国网民规模达11.23亿人，互联网普及率达79.7%。"
    assert [c.evidence for c in found] == [sentence, sentence]
    assert {c.metric: c.unit for c in found} == {
        "internet_users": "persons",
        "internet_penetration_rate": "percent",
    }
    assert all(c.published_at == CNNIC_PUB for c in found)
    assert all(isinstance(c.value, Decimal) for c in found)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("全省智能算力规模由2023年初的800P左右跃升至目前的3.5万P以上。", id="nian-chu"),
        pytest.param("“十四五”初期，全区算力规模不足2万P，目前达到23.7万P。", id="chu-qi"),
    ],
)
def test_vague_period_holds_its_figure(text: str) -> None:
    """A figure dated only by a vague time (年初, 初期) is held; the dated one is not."""
    found = extract(text, published=PUB, jurisdiction="cn-nm")
    held = [c for c in found if c.hold]
    dated = [c for c in found if not c.hold]
    assert [c.as_of for c in held] == [None] and "no precise period" in str(held[0].hold)
    assert [c.as_of for c in dated] == [PUB]


def test_no_period_and_no_publication_is_held_without_a_date() -> None:
    """Without a stated period or a publication date the figure is held, never given a date."""
    (held,) = extract("我国网民规模达11亿人。", published=None, jurisdiction="cn")
    assert (held.metric, held.value, held.as_of) == ("internet_users", D(1100000000), None)
    assert held.hold is not None and "no date" in held.hold


def test_empty_text_yields_nothing() -> None:
    """Empty text gives an empty list."""
    assert extract("", published=PUB, jurisdiction="cn") == []


def test_impossible_date_loses_only_its_sentence() -> None:
    """A sentence with an impossible date does not stop the other sentences being read."""
    text = (
        "截至2025年2月30日，全省人工智能企业超过1000家。"
        "截至2025年6月底，全省人工智能企业超过1200家。"
    )
    found = extract(text, published=PUB, jurisdiction="cn-sc")
    assert ("ai_enterprises", "cn-sc", D(1200), date(2025, 6, 30), "gt") in observed(found)


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        pytest.param(
            "西安人工智能企业突破700家",
            "截至3月底，全市人工智能企业达712家。",
            [("ai_enterprises", "cn-sn-xian", D(712), date(2025, 3, 31), "eq")],
            id="headline-bound-met-by-the-body",
        ),
        pytest.param(
            "全市算力总规模突破10万P",
            "截至6月底，全市算力总规模超过10.6万P。",
            [("compute_total", "cn-sn-xian", D("1.06e20"), date(2025, 6, 30), "gt")],
            id="headline-rounds-the-body-down",
        ),
        pytest.param(
            "全市人工智能企业突破700家",
            "2023年底，全市人工智能企业达512家。",
            [
                ("ai_enterprises", "cn-sn-xian", D(512), date(2023, 12, 31), "eq"),
                ("ai_enterprises", "cn-sn-xian", D(700), PUB, "gt"),
            ],
            id="headline-a-body-figure-does-not-meet-is-its-own",
        ),
    ],
)
def test_headline_restating_a_body_figure(title: str, body: str, expected: list[Obs]) -> None:
    """A headline's rounded or bounded figure is the body's figure, also when a plain-text page
    repeats its title as its first line."""
    for blocks in (
        [Block(title, "title"), Block(body)],
        [Block(title, "title"), Block(title), Block(body)],
    ):
        assert observed(read(blocks, PUB, "cn-sn-xian")) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["会上介绍，2024年全省人工智能核心产业规模超过2200亿元。",
             "模型方面，全省已有71款生成式人工智能服务通过国家备案。"],
            [("ai_core_industry_scale", D("2.2e11"), date(2024, 12, 31)),
             ("genai_services_filed", D(71), date(2026, 1, 20))],
            id="a-news-lead-period-does-not-date-later-paragraphs",
        ),
        pytest.param(
            ["会上介绍，2024年全省人工智能核心产业规模超过2200亿元。",
             "分城市看，深圳人工智能企业超过800家。"],
            [("ai_core_industry_scale", D("2.2e11"), date(2024, 12, 31)),
             ("ai_enterprises", D(800), date(2024, 12, 31))],
            id="a-breakdown-paragraph-keeps-the-period-it-breaks-down",
        ),
        pytest.param(
            ["全省工业和信息化工作会议透露，2025年全省人工智能核心产业规模超过1200亿元。",
             "全省已发布行业大模型148个。"],
            [("ai_core_industry_scale", D("1.2e11"), date(2025, 12, 31)),
             ("industry_models", D(148), date(2025, 12, 31))],
            id="a-work-conference-reviews-its-year",
        ),
        pytest.param(
            ["截至2026年1月15日，全省累计有104款生成式人工智能服务完成备案。"
             "2025年，全省新增备案服务62款。分地市看，深圳累计备案59款。"],
            [("genai_services_filed", D(59), date(2026, 1, 15)),
             ("genai_services_filed", D(104), date(2026, 1, 15))],
            id="a-year-of-increments-does-not-redate-the-stock-broken-down-next",
        ),
        pytest.param(
            ["截至1月15日，全省已有132款生成式人工智能服务完成备案。2025年，全省新增备案27款。",
             "二、区域分布",
             "从区域看，深圳完成备案90款。"],
            [("genai_services_filed", D(90), date(2026, 1, 15)),
             ("genai_services_filed", D(132), date(2026, 1, 15))],
            id="a-section-heading-does-not-cut-a-breakdown-from-its-period",
        ),
    ],
)  # fmt: skip
def test_paragraph_dates(paragraphs: list[str], expected: list[tuple[str, Decimal, date]]) -> None:
    """Which period dates a paragraph that states none: a review's year, a broken-down
    paragraph's, else the publication date."""
    blocks = [Block("标题", "title"), *map(Block, paragraphs)]
    found = sorted((c.metric, c.value, c.as_of) for c in read(blocks, date(2026, 1, 20), "cn-gd"))
    assert found == expected


@pytest.mark.parametrize(
    ("blocks", "publisher", "expected"),
    [
        pytest.param(
            [Block("一、2200余家人工智能企业逐步形成梯队", "title"),
             Block("深圳现有人工智能企业2200余家，产业生态健全。")],
            "cn-hk",
            [("ai_enterprises", "cn-gd-shenzhen", D(2200), PUB, "gt")],
            id="a-title-naming-no-place-restates-a-citys-figure",
        ),
        pytest.param(
            [Block("报告发布", "title"),
             Block("我国生成式AI用户规模已突破5亿人关口。截至今年6月，全国生成式人工智能用户达5.15亿。")],
            "cn",
            [("genai_users", "cn", D("5.15e8"), date(2025, 6, 30), "eq")],
            id="a-round-bound-then-the-dated-figure-it-rounds",
        ),
        pytest.param(
            [Block("报告发布", "title"),
             Block("截至2025年6月，我国互联网普及率达80.1%。"),
             Block("截至2025年6月，互联网普及率突破80%，数字发展成果惠及更广泛群体。")],
            "cn",
            [("internet_penetration_rate", "cn", D("80.1"), date(2025, 6, 30), "eq")],
            id="a-bound-in-another-paragraph-of-the-same-date",
        ),
    ],
)  # fmt: skip
def test_a_figure_said_twice_is_one(
    blocks: list[Block], publisher: str, expected: list[Obs]
) -> None:
    """A figure restated in rounded or bounded form, undated or unplaced, is read once."""
    assert observed(read(blocks, PUB, publisher)) == expected
