"""The metric catalogue (DESIGN section 3): ids, names, units, kinds, cadence, plausible ranges.

Ids are stable API: extraction output, targets.toml, the database and the reports use them.
The plausible range bounds what validation accepts without review; it is deliberately wide
(an order of magnitude around anything credible), so that only misreadings fall outside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from monitor.core.errors import ConfigError

__all__ = ["KINDS", "METRICS", "Metric", "metric"]

KINDS = ("share", "level", "cumulative", "flow")

_E = Decimal(10)


@dataclass(frozen=True)
class Metric:
    id: str
    name_zh: str
    name_en: str
    unit: str
    kind: str
    cadence_days: int
    low: Decimal
    high: Decimal

    def plausible(self, value: Decimal) -> bool:
        return self.low <= value <= self.high


def _m(
    id: str, zh: str, en: str, unit: str, kind: str, cadence: int, low: object, high: object
) -> Metric:
    return Metric(id, zh, en, unit, kind, cadence, Decimal(str(low)), Decimal(str(high)))


_FACTORY = (
    ("basic", "基础级"),
    ("advanced", "先进级"),
    ("excellent", "卓越级"),
    ("leading", "领航级"),
)

METRICS: dict[str, Metric] = {
    m.id: m
    for m in (
        _m(
            "genai_services_filed",
            "完成备案的生成式人工智能服务",
            "Generative AI services filed",
            "count",
            "cumulative",
            120,
            1,
            100_000,
        ),
        _m(
            "genai_services_registered",
            "完成登记的生成式人工智能应用或功能",
            "Generative AI apps or features registered",
            "count",
            "cumulative",
            120,
            1,
            100_000,
        ),
        _m(
            "genai_users",
            "生成式人工智能用户规模",
            "Generative AI users",
            "persons",
            "level",
            183,
            1_000,
            1_500_000_000,
        ),
        _m(
            "genai_penetration_rate",
            "生成式人工智能普及率",
            "Generative AI penetration",
            "percent",
            "share",
            183,
            0,
            100,
        ),
        _m(
            "internet_users",
            "网民规模",
            "Internet users",
            "persons",
            "level",
            183,
            1_000,
            1_500_000_000,
        ),
        _m(
            "internet_penetration_rate",
            "互联网普及率",
            "Internet penetration",
            "percent",
            "share",
            183,
            0,
            100,
        ),
        _m(
            "terminal_agent_adoption_rate",
            "新一代智能终端、智能体等应用普及率",
            "Adoption of intelligent terminals and agents",
            "percent",
            "share",
            365,
            0,
            100,
        ),
        _m(
            "ai_core_industry_scale",
            "人工智能核心产业规模",
            "Core AI industry scale",
            "CNY",
            "level",
            365,
            _E**6,
            5 * _E**13,
        ),
        _m(
            "ai_industry_scale",
            "人工智能产业规模",
            "AI industry scale",
            "CNY",
            "level",
            365,
            _E**6,
            5 * _E**14,
        ),
        _m(
            "ai_enterprises",
            "人工智能企业数量",
            "AI enterprises",
            "count",
            "level",
            365,
            1,
            500_000,
        ),
        _m(
            "compute_total",
            "算力总规模",
            "Total compute capacity",
            "FLOPS",
            "level",
            183,
            _E**15,
            _E**23,
        ),
        _m(
            "compute_intelligent",
            "智能算力规模",
            "Intelligent compute capacity",
            "FLOPS",
            "level",
            183,
            _E**15,
            _E**23,
        ),
        _m(
            "large_models_released",
            "已发布大模型",
            "Large models released",
            "count",
            "cumulative",
            183,
            1,
            100_000,
        ),
        *(
            _m(
                f"smart_factories_{level}",
                f"{zh}智能工厂",
                f"Smart factories ({level})",
                "count",
                "cumulative",
                365,
                1,
                1_000_000,
            )
            for level, zh in _FACTORY
        ),
        _m(
            "ai_pilot_zones",
            "国家人工智能创新应用先导区",
            "National AI pilot zones",
            "count",
            "level",
            365,
            1,
            1_000,
        ),
        _m(
            "foundation_models_intl",
            "国际一流水平的基础大模型",
            "Foundation models of international standing",
            "count",
            "level",
            365,
            1,
            1_000,
        ),
        _m(
            "industry_models",
            "行业应用大模型",
            "Industry models",
            "count",
            "level",
            365,
            1,
            100_000,
        ),
        _m(
            "key_core_technologies",
            "攻克关键核心技术",
            "Key core technologies mastered",
            "count",
            "cumulative",
            365,
            1,
            10_000,
        ),
        _m(
            "key_new_products",
            "重点新产品",
            "Key new products",
            "count",
            "cumulative",
            365,
            1,
            10_000,
        ),
        _m(
            "ai_industrial_parks",
            "人工智能产业园",
            "AI industrial parks",
            "count",
            "level",
            365,
            1,
            10_000,
        ),
        _m(
            "compute_vouchers_annual",
            "算力券（年度）",
            "Compute vouchers per year",
            "CNY",
            "flow",
            365,
            _E**4,
            _E**11,
        ),
        _m(
            "model_vouchers_annual",
            "模型券（年度）",
            "Model vouchers per year",
            "CNY",
            "flow",
            365,
            _E**4,
            _E**11,
        ),
    )
}


def metric(metric_id: str) -> Metric:
    try:
        return METRICS[metric_id]
    except KeyError:
        raise ConfigError(f"unknown metric {metric_id!r}") from None
