"""The catalogue's wording: how Chinese texts name each metric (a companion of ``catalogue``).

For every metric: the words that name what is measured (``terms``: 网民规模, 智算规模, 完成备案),
the subject the statement must be about (``domain``: generative AI, AI) when the words alone
are generic (用户规模, 企业数量, 核心产业规模), the canonical units a quantity may have, whether a
scaled number without a unit is read in the metric's unit (用户达5.15亿), and the words that
make a statement about a sub-population or something else (农村网民, 规模以上企业).

The reader (``monitor.extract.reader``) binds quantities to metrics with this table; adding a
synonym is a change here, not in the reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["DOMAINS", "ONE_ENTITY", "OTHER_DOMAINS", "WORDINGS", "Wording"]


@dataclass(frozen=True)
class Wording:
    metric: str
    terms: re.Pattern[str]
    units: tuple[str, ...]
    domain: str | None = None  # "genai" or "ai": the statement must be about it
    unitless: bool = False  # 5.15亿 with no unit is in the metric's unit
    excludes: re.Pattern[str] | None = None  # sub-populations and other things named so
    requires: re.Pattern[str] | None = None  # a word the clause must also hold
    # The figure of one company or centre is not the jurisdiction's (ONE_ENTITY).
    entity_sensitive: bool = False
    # Words that make a statement about something else only above a size: 人工智能相关企业
    # 24.5万家 is a registry count, 相关企业600余家 in one zone the AI firms there.
    large_excludes: tuple[tuple[re.Pattern[str], int], ...] = ()
    # For counts: the classifiers that count this thing (企业 are 家, services 款 or 个).
    classifiers: tuple[str, ...] = ()
    # Where the term may stand: "before" the quantity (网民规模达…), "after" it (1100家企业),
    # or "both".
    position: str = "both"


def _w(
    metric: str,
    terms: str,
    units: tuple[str, ...],
    *,
    domain: str | None = None,
    unitless: bool = False,
    excludes: str | None = None,
    requires: str | None = None,
    position: str = "both",
    entity_sensitive: bool = False,
    classifiers: tuple[str, ...] = (),
    large_excludes: tuple[tuple[str, int], ...] = (),
) -> Wording:
    return Wording(
        metric,
        re.compile(terms),
        units,
        domain,
        unitless,
        re.compile(excludes) if excludes else None,
        re.compile(requires) if requires else None,
        entity_sensitive,
        tuple((re.compile(words), size) for words, size in large_excludes),
        classifiers,
        position,
    )


# Subjects, nearest one wins: a statement about 数字经济核心产业 is not about AI.
DOMAINS: dict[str, re.Pattern[str]] = {
    "genai": re.compile(r"生成式人工智(?:能|慧)|生成式AI|生成式|AIGC|大模型|人工智能生成"),
    "ai": re.compile(r"人工智(?:能|慧)|(?<![A-Za-z])AI(?![A-Za-z])|智能产业"),
}
OTHER_DOMAINS = re.compile(
    r"数字经济|软件和信息技术服务|软件业|软件产业|电子信息|集成电路|半导体|机器人产业|新能源"
    r"|生物医药|云计算|大数据产业|区块链|物联网|工业互联网|低空经济|元宇宙|量子|数据产业"
    r"|信息技术服务|通信业|电信业|制造业|卫星互联网|智能网联汽车|新能源汽车"
)

_NOT_USERS = (
    r"听说过|了解|知道|认知|注册用户|注册账号|注册量|注册总数|用户注册|调用|API|账号|账户"
    r"|月活|日活|活跃用户|付费用户|用户数量最多"
    r"|单款|某款|一款"
)
_SUBPOPULATION = (
    r"农村|城镇|城市网民|手机网民|老年|银发|60岁|六十岁|未成年|青少年|学生|农民|残疾|女性|男性"
    r"|移动互联网|移动网|宽带|IPv6|境外|港澳|海外|企业用户"
)
_FIRM_KINDS = (
    r"规模以上|规上|高新技术|专精特新|上市|独角兽|瞪羚|骨干|龙头|领军|链主|重点企业|头部"
    r"|链上企业|入驻|注册|新增|新引进|新落地|外资|中小|初创|创新型|标杆|大模型企业|大模型相关"
    r"|惠及|覆盖|服务|支持|带动|参展|参会|签约|其中|机构|代表|出席|参加|与会"
    r"|经营范围|工商登记"  # a business-registry count, not the AI firms
    r"|泛人工智能|泛AI|科技型"  # a broader population
)
# One entity's figure (a company's, a centre's); the reader lets an aggregate (全市…智算中心的
# 智能算力) through.
ONE_ENTITY = re.compile(
    r"其(?![中他余次])|该(?:中心|企业|公司|平台|园区|项目|集群|基地|节点)|单体|单个|一期|二期|三期"
    r"|(?<![\u4e00-\u9fa5])(?:公司|集团)(?=已|目前|现|的|总|共)"  # 公司已交付…: the company's own
    r"|某|运营商|中国移动|中国电信|中国联通|自有|接入|调度|签约|[\u4e00-\u9fa5A-Za-z]{2,12}(?:公司|集团|大学|研究院|实验室"
    r"|中心|小镇|园区|产业园|集群|项目|基地|节点|平台)"
    r"(?:的|已|现|目前|总)?"
    # a named place of one's own (“人工智能岛”集聚企业…): a park's firms, not the city's
    r"|[”」](?:已|共|累计)?(?:集聚|聚集|入驻|汇聚|吸引)"
)
_GENAI_LEVEL = ("count",)

WORDINGS: tuple[Wording, ...] = (
    _w(
        "genai_services_registered",
        r"完成登记|已登记|登记|应用或功能",
        _GENAI_LEVEL,
        domain="genai",
        excludes=r"智能体|相关应用(?!或功能)",
        classifiers=("款", "个", "项"),
    ),
    _w(
        "genai_services_filed",
        r"完成备案|通过备案|已备案|已完成备案|备案上线|获得备案|获批备案|完成了备案|通过国家备案"
        r"|通过国家网信办备案|备案并上线|备案",
        _GENAI_LEVEL,
        domain="genai",
        excludes=r"登记|应用或功能|备案号|备案编号|备案系统|(?<!的)备案工作|备案流程|备案材料|注销|撤销|下架"
        r"|整改|处置|清理|约谈|责令|未备案|正在|申请备案|提交备案",
        classifiers=("款", "个", "家", "项"),
    ),
    _w(
        "genai_penetration_rate",
        r"普及率|(?:占|相当于)(?:全国)?(?:总|整体|全)?人口(?:总数)?的?(?:比例|比重)?|渗透率",
        ("percent",),
        domain="genai",
        excludes=_SUBPOPULATION,
    ),
    _w(
        "genai_users",
        r"用户规模|用户数量|用户总数|用户数|用户|使用(?:过)?[^，。；]{0,16}的(?:人数|用户)|人数"
        r"|(?:实际)?(?:使用|用)过(?:此类产品|该类产品|生成式人工智能(?:产品)?|生成式AI)?(?:的(?:有|人)?)?",
        ("persons",),
        domain="genai",
        unitless=True,
        excludes=_NOT_USERS + "|" + _SUBPOPULATION,
    ),
    _w(
        "internet_penetration_rate",
        r"互联网普及率|网路普及率|网络普及率|上网率",
        ("percent",),
        excludes=_SUBPOPULATION,
    ),
    _w(
        "internet_users",
        r"网民规模|网民数量|网民总数|网民总量|网民人数|网民|(?<!手机)上网人数|(?<!手机)网友规模",
        ("persons",),
        unitless=True,
        excludes=_SUBPOPULATION,
    ),
    _w(
        "terminal_agent_adoption_rate",
        r"(?:智能终端|智能体)[^，。；]{0,12}普及率",
        ("percent",),
    ),
    _w(
        "ai_core_industry_scale",
        r"核心产业(?:实现)?(?:总)?(?:规模|营收|营业收入|总收入|收入|产值)"
        r"|核心产业(?!研发|费用|投资|利润|利税|增加值|出口|专利|人员|人才|从业|企业|园|集群|链|基地"
        r"|发展|生态|创新|竞争力|规模以上|增速|增长)",
        ("CNY",),
        domain="ai",
        unitless=True,
        position="before",
        entity_sensitive=True,
        excludes=r"规模以上|规上|研发|费用|投资|利润",
    ),
    _w(
        "ai_industry_scale",
        r"(?<!核心)(?:相关)?产业(?:实现)?(?:总)?(?:规模|营收|营业收入|总收入|收入|年?产值)"
        r"|人工智能企业(?:实现)?(?:总)?(?:营业收入|营收)"
        r"|(?<!核心)产业[^，。；]{0,10}[，,](?:20\d\d年)?(?:总)?规模",
        ("CNY",),
        domain="ai",
        unitless=True,
        position="before",
        excludes=r"规模以上|规上|上市(?:公司|企业)|重点企业|龙头|骨干",
    ),
    _w(
        "ai_enterprises",
        r"企业(?:数量|总数|数|主体)?",
        ("count",),
        domain="ai",
        excludes=_FIRM_KINDS,
        classifiers=("家", "户", "间"),
        # registry counts: 相关企业 by the ten thousand; any count past 50,000 is one
        large_excludes=((r"相关企业|相关组织|相关机构|市场主体", 50_000), (r"", 50_000)),
        entity_sensitive=True,
    ),
    _w(
        "compute_intelligent",
        r"智(?:能|慧)算力(?:总)?(?:规模|供给规模|总量|水平)?|智算(?:总)?(?:规模|算力|能力|总量)?",
        ("FLOPS",),
        entity_sensitive=True,
    ),
    _w(
        "compute_total",
        r"(?<![智能慧进])算力(?:总)?(?:规模|总量|水平)?|总算力",  # not 先进算力, a kind
        ("FLOPS",),
        excludes=r"智能算力|智慧算力|智算|通用算力|超算算力|枢纽节点|算力业务|算力需求|算力订单"
        r"|算力缺口|承接",
        entity_sensitive=True,
    ),
    _w(
        "large_models_released",
        r"大模型",
        ("count",),
        requires=r"发布|问世",
        excludes=r"备案|登记|行业(?:应用)?大模型|基础大模型",
        classifiers=("个", "款"),
    ),
    *(
        _w(
            f"smart_factories_{level}",
            rf"{zh}(?:智能)?工厂|{zh}",
            ("count",),
            # 智能工厂 named, or the grades listed (3万余家基础级、1200余家先进级…)
            requires=r"智能工厂|(?:基础|先进|卓越|领航)级[^。]{0,12}(?:基础|先进|卓越|领航)级",
            excludes=r"培育名单|公示|申报|推荐|候选",
            classifiers=("家", "个", "座"),
        )
        for level, zh in (
            ("basic", "基础级"),
            ("advanced", "先进级"),
            ("excellent", "卓越级"),
            ("leading", "领航级"),
        )
    ),
    _w(
        "ai_pilot_zones",
        r"人工智能创新应用先导区|创新应用先导区",
        ("count",),
        classifiers=("个", "家"),
    ),
    _w(
        "foundation_models_intl",
        r"国际一流[^，。；]{0,10}基础大模型",
        ("count",),
        classifiers=("个", "款"),
    ),
    _w(
        "industry_models",
        r"行业(?:应用)?大模型|行业模型|垂类大模型|垂直领域大模型",
        ("count",),
        classifiers=("个", "款"),
    ),
    _w("key_core_technologies", r"关键核心技术", ("count",), classifiers=("项", "个")),
    _w("key_new_products", r"重点新产品", ("count",), classifiers=("项", "个", "款", "种")),
    _w(
        "ai_industrial_parks",
        r"人工智能(?:特色)?产业园(?:区)?",
        ("count",),
        excludes=r"企业|项目|机构|团队",  # 产业园已引进…企业300余家: the park's firms
        classifiers=("个", "家", "座"),
    ),
    _w(
        "compute_vouchers_annual",
        r"算力券|训力券",
        ("CNY",),
        unitless=True,
        requires=r"发放|兑现|兑付|拨付|核发|使用",
    ),
    _w(
        "model_vouchers_annual",
        r"模型券",
        ("CNY",),
        unitless=True,
        requires=r"发放|兑现|兑付|拨付|核发|使用",
    ),
)
