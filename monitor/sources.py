"""The registered sources: where each publisher's figures appear and which scraper reads them.

A source names its entry pages (list pages checked on every due run), the hosts it may
fetch from (redirects elsewhere are refused), its scraper (a key of ``scrapers.REGISTRY``)
and how often it publishes, which drives staleness and how often it is due.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from monitor.errors import ConfigError


@dataclass(frozen=True)
class SourceSpec:
    id: str
    publisher: str
    jurisdiction: str
    entry_urls: tuple[str, ...]
    allowed_hosts: tuple[str, ...]
    scraper: str
    cadence_days: int = 30
    # Entry pages are checked at most this often, however often the worker runs.
    min_interval_hours: float = 20.0
    ca_bundle: str | None = None

    def allows(self, url: str) -> bool:
        return (urlsplit(url).hostname or "").lower() in self.allowed_hosts


SOURCES: tuple[SourceSpec, ...] = (
    SourceSpec(
        id="cac",
        publisher="国家互联网信息办公室",
        jurisdiction="cn",
        entry_urls=("https://www.cac.gov.cn/wxzw/wxfb/A093702index_1.htm",),
        allowed_hosts=("www.cac.gov.cn",),
        scraper="cac",
        cadence_days=120,
    ),
    SourceSpec(
        id="cnnic",
        publisher="中国互联网络信息中心",
        jurisdiction="cn",
        entry_urls=("https://www.cnnic.net.cn/6/86/88/index.html",),
        allowed_hosts=("www.cnnic.net.cn",),
        scraper="cnnic",
        cadence_days=183,
    ),
    SourceSpec(
        id="miit",
        publisher="工业和信息化部",
        jurisdiction="cn",
        entry_urls=("https://www.miit.gov.cn/xwfb/gxdt/sjdt/index.html",),
        allowed_hosts=("www.miit.gov.cn",),
        scraper="miit",
        cadence_days=90,
    ),
    SourceSpec(
        id="govcn",
        publisher="中华人民共和国中央人民政府",
        jurisdiction="cn",
        entry_urls=("https://www.gov.cn/zhengce/zuixin/",),
        allowed_hosts=("www.gov.cn",),
        scraper="govcn",
        cadence_days=90,
    ),
    SourceSpec(
        id="nbs",
        publisher="国家统计局",
        jurisdiction="cn",
        entry_urls=("https://www.stats.gov.cn/sj/zxfb/",),
        allowed_hosts=("www.stats.gov.cn",),
        scraper="nbs",
        cadence_days=90,
    ),
    SourceSpec(
        id="beijing",
        publisher="北京市经济和信息化局",
        jurisdiction="cn-bj",
        entry_urls=("https://jxj.beijing.gov.cn/jxdt/gzdt/",),
        allowed_hosts=("jxj.beijing.gov.cn",),
        scraper="beijing",
        cadence_days=180,
    ),
    SourceSpec(
        id="sichuan",
        publisher="四川省经济和信息化厅",
        jurisdiction="cn-sc",
        entry_urls=("https://jxt.sc.gov.cn/scjxt/wjfb/common_list.shtml",),
        allowed_hosts=("jxt.sc.gov.cn",),
        scraper="sichuan",
        cadence_days=365,
    ),
    SourceSpec(
        id="shanghai",
        publisher="上海市经济和信息化委员会",
        jurisdiction="cn-sh",
        entry_urls=("https://www.sheitc.sh.gov.cn/xwfb/index.html",),
        allowed_hosts=("www.sheitc.sh.gov.cn",),
        scraper="shanghai",
        cadence_days=180,
    ),
    SourceSpec(
        id="guangdong",
        publisher="广东省工业和信息化厅",
        jurisdiction="cn-gd",
        entry_urls=("https://gdii.gd.gov.cn/gkmlpt/index",),
        allowed_hosts=("gdii.gd.gov.cn",),
        scraper="guangdong",
        cadence_days=365,
    ),
    SourceSpec(
        id="hangzhou",
        publisher="杭州市经济和信息化局",
        jurisdiction="cn-zj-hangzhou",
        entry_urls=("https://jxj.hangzhou.gov.cn/col/col1229416425/index.html",),
        allowed_hosts=("jxj.hangzhou.gov.cn",),
        scraper="hangzhou",
        cadence_days=365,
    ),
    SourceSpec(
        id="chengdu",
        publisher="成都市经济和信息化局",
        jurisdiction="cn-sc-chengdu",
        entry_urls=("https://cdjx.chengdu.gov.cn/cdjx/c115217/jsj_list.shtml",),
        allowed_hosts=("cdjx.chengdu.gov.cn",),
        scraper="chengdu",
        cadence_days=365,
    ),
)


def select_sources(
    ids: Iterable[str] | None = None, registry: tuple[SourceSpec, ...] = SOURCES
) -> list[SourceSpec]:
    """The sources named by ``ids`` (all when empty), or a ConfigError naming the unknown ones."""
    wanted = list(ids or [])
    if not wanted:
        return list(registry)
    by_id = {s.id: s for s in registry}
    unknown = [i for i in wanted if i not in by_id]
    if unknown:
        raise ConfigError(
            f"unknown source id {', '.join(unknown)} (known: {', '.join(sorted(by_id))})"
        )
    return [by_id[i] for i in dict.fromkeys(wanted)]
