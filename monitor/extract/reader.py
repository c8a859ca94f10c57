"""Sentences that state a catalogue metric, turned into candidate observations.

Each rule is a pattern anchored on the metric's wording with the quantity in named groups.
A clause that declares a target (到2027年, 力争, 目标) or an increment (新增, 增长) is not an
observation and is skipped: when unsure, emit nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from monitor.core.contract import Candidate
from monitor.core.errors import ParseError
from monitor.core.places import PLACES
from monitor.extract.numerals import canonical
from monitor.extract.periods import stated_period

_CN = "零〇一二两三四五六七八九十百千"
NUM = rf"(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CN}]+(?:[万亿][{_CN}]+)*)"
QUAL = r"(?P<q>超过|超|突破|逾|近|接近|约|不足|不到)?"
VERB = r"(?:已|已经|累计|共|有望|预计)?(?:达到|达|为|是|已达|增至|扩大到|提升至|提高到)?"
# Verbs that put the count before the noun: 建成12个…, 攻克35项…, 发放算力券1.2亿元.
MADE = (
    r"(?:已|已经|累计|共|先后|有望|预计)?"
    r"(?:建成|建设|获批|批复|设立|培育|形成|攻克|突破|推出|发布|打造|认定|遴选|发放)了?"
)
# 余/多 may stand before or after the scale: 3万余家, 1.2余万.
AMOUNT = NUM + r"(?P<after>余|多)?(?P<scale>万亿|万|亿)?(?P<after2>余|多)?"
TAIL = r"(?P<tail>以上|左右)?"
COMPUTE_UNIT = r"\s*(?P<unit>EFLOPS|EFlops|PFLOPS|PFlops|P|百亿亿次/秒)"
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
_TARGET = re.compile(r"到20\d\d年|力争|目标|规划|将达到|计划|每年|年均")
_INCREMENT = re.compile(r"新增|增长|增加|提升|提高|净增")
_COMPARISON = re.compile(r"较[^，,。；]*")
_QUALIFIERS = {
    "超过": "gt",
    "超": "gt",
    "突破": "gt",
    "逾": "gt",
    "近": "approx",
    "接近": "approx",
    "约": "approx",
    "不足": "lt",
    "不到": "lt",
}


@dataclass(frozen=True)
class Rule:
    metric: str
    pattern: re.Pattern[str]
    unit: str | None = None  # fixed written unit when the pattern has no unit group
    requires: str | None = None  # a word the sentence must contain


def _rule(metric: str, pattern: str, unit: str | None = None, requires: str | None = None) -> Rule:
    return Rule(metric, re.compile(pattern), unit, requires)


RULES: tuple[Rule, ...] = (
    _rule("genai_services_filed", NUM + r"款生成式人工智能服务[^。；]*?完成备案", "款"),
    _rule("genai_services_registered", NUM + r"款生成式人工智能应用或功能[^。；]*?完成登记", "款"),
    _rule("internet_users", r"网民规模" + VERB + QUAL + AMOUNT + r"人" + TAIL, "人"),
    _rule("internet_penetration_rate", r"互联网普及率" + VERB + QUAL + NUM + r"%" + TAIL, "%"),
    _rule(
        "genai_users",
        r"生成式人工智能(?:产品的)?用户规模" + VERB + QUAL + AMOUNT + r"人" + TAIL,
        "人",
    ),
    _rule(
        "genai_penetration_rate",
        r"(?<!互联网)(?:普及率|占整体人口的|占总人口的?比例)" + VERB + QUAL + NUM + r"%" + TAIL,
        "%",
        requires="生成式人工智能",
    ),
    _rule("compute_total", r"算力总规模" + VERB + QUAL + AMOUNT + COMPUTE_UNIT + TAIL),
    _rule(
        "compute_intelligent",
        r"智能算力(?:规模)?"
        + VERB
        + QUAL
        + AMOUNT
        + COMPUTE_UNIT
        + TAIL
        + r"(?:[（(](?P<precision>FP\d+|INT\d+)[)）])?",
    ),
    _rule(
        "ai_core_industry_scale",
        r"人工智能核心产业(?:规模|营收)" + VERB + QUAL + AMOUNT + r"元" + TAIL,
        "元",
    ),
    _rule(
        "ai_industry_scale",
        r"人工智能产业(?:规模|营收)" + VERB + QUAL + AMOUNT + r"元" + TAIL,
        "元",
    ),
    _rule(
        "ai_enterprises",
        r"人工智能(?:核心)?企业(?:数量)?" + VERB + QUAL + AMOUNT + r"家" + TAIL,
        "家",
    ),
    _rule("industry_models", r"行业(?:应用)?大模型" + VERB + QUAL + AMOUNT + r"个" + TAIL, "个"),
    _rule(
        "large_models_released",
        r"已?发布的?大模型(?:数量)?" + VERB + QUAL + AMOUNT + r"个" + TAIL,
        "个",
    ),
    _rule("smart_factories_basic", r"基础级智能工厂" + VERB + QUAL + AMOUNT + r"家" + TAIL, "家"),
    _rule(
        "smart_factories_advanced", r"先进级智能工厂" + VERB + QUAL + AMOUNT + r"家" + TAIL, "家"
    ),
    _rule(
        "smart_factories_excellent", r"卓越级智能工厂" + VERB + QUAL + AMOUNT + r"家" + TAIL, "家"
    ),
    _rule("smart_factories_leading", r"领航级智能工厂" + VERB + QUAL + AMOUNT + r"家" + TAIL, "家"),
    *(
        _rule(metric, QUAL + AMOUNT + r"家" + level + r"智能工厂", "家")
        for metric, level in (
            ("smart_factories_basic", "基础级"),
            ("smart_factories_advanced", "先进级"),
            ("smart_factories_excellent", "卓越级"),
            ("smart_factories_leading", "领航级"),
        )
    ),
    _rule(
        "genai_services_filed",
        r"完成备案的生成式人工智能服务(?:数量)?" + VERB + QUAL + AMOUNT + r"款" + TAIL,
        "款",
    ),
    _rule(
        "genai_services_registered",
        r"完成登记的生成式人工智能应用或功能(?:数量)?" + VERB + QUAL + AMOUNT + r"款" + TAIL,
        "款",
    ),
    # Local pages count a place's generative-AI filings as 大模型通过(国家)备案.
    _rule(
        "genai_services_filed", QUAL + AMOUNT + r"[个款]" + TAIL + r"大模型通过(?:国家)?备案", "个"
    ),
    _rule(
        "genai_services_filed",
        r"通过(?:国家)?备案的(?:生成式人工智能)?大模型(?:数量)?"
        + VERB
        + QUAL
        + AMOUNT
        + r"[个款]"
        + TAIL,
        "个",
    ),
    _rule(
        "ai_pilot_zones",
        r"(?:国家)?人工智能创新应用先导区(?:数量)?" + VERB + QUAL + AMOUNT + r"个" + TAIL,
        "个",
    ),
    _rule(
        "ai_pilot_zones", MADE + QUAL + AMOUNT + r"个" + TAIL + r"国家人工智能创新应用先导区", "个"
    ),
    _rule(
        "foundation_models_intl",
        r"具有国际一流水平的基础大模型" + VERB + QUAL + AMOUNT + r"个" + TAIL,
        "个",
    ),
    _rule(
        "foundation_models_intl",
        r"(?:已有|拥有|培育|形成|打造)"
        + QUAL
        + AMOUNT
        + r"个"
        + TAIL
        + r"具有国际一流水平的基础大模型",
        "个",
    ),
    _rule("industry_models", MADE + QUAL + AMOUNT + r"个" + TAIL + r"行业(?:应用)?大模型", "个"),
    _rule(
        "key_core_technologies",
        r"(?:攻克|突破)关键核心技术" + VERB + QUAL + AMOUNT + r"项" + TAIL,
        "项",
    ),
    _rule(
        "key_core_technologies",
        r"(?:攻克|突破)了?" + QUAL + AMOUNT + r"项" + TAIL + r"关键核心技术",
        "项",
    ),
    _rule("key_new_products", r"重点新产品" + VERB + QUAL + AMOUNT + r"项" + TAIL, "项"),
    _rule("key_new_products", MADE + QUAL + AMOUNT + r"项" + TAIL + r"重点新产品", "项"),
    _rule(
        "ai_industrial_parks", r"人工智能产业园(?:区)?" + VERB + QUAL + AMOUNT + r"个" + TAIL, "个"
    ),
    _rule("ai_industrial_parks", MADE + QUAL + AMOUNT + r"个" + TAIL + r"人工智能产业园", "个"),
    _rule(
        "compute_vouchers_annual",
        r"算力券" + r"(?:金额|资金)?" + VERB + QUAL + AMOUNT + r"元" + TAIL,
        "元",
    ),
    _rule(
        "model_vouchers_annual",
        r"模型券" + r"(?:金额|资金)?" + VERB + QUAL + AMOUNT + r"元" + TAIL,
        "元",
    ),
)

# Who a figure is about: the place named nearest before it in its sentence. None means the
# publisher's own jurisdiction (全省, 我市 on a provincial or city page).
_OWN = re.compile(r"全省|我省|本省|全市|我市|本市|全区|我区")
_PLACES: tuple[tuple[re.Pattern[str], str | None], ...] = (*PLACES, (_OWN, None))


def sentences(text: str) -> Iterator[str]:
    for match in _SENTENCE.finditer(text):
        sentence = match.group().strip()
        if sentence:
            yield sentence


def _jurisdiction(head: str, default: str) -> str:
    """The place named nearest before the figure; the publisher's own when none is named."""
    best: tuple[int, int, str] | None = None
    for rank, (pattern, slug) in enumerate(_PLACES):
        for found in pattern.finditer(head):
            # Nearest end wins; at equal ends the more specific (earlier) pattern does.
            key = (found.end(), -rank, slug or default)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else default


def _qualifier(match: re.Match[str], clause: str) -> str:
    groups = match.groupdict()
    if "预计" in clause or "有望" in clause:
        return "estimate"
    if groups.get("after") or groups.get("after2") or groups.get("tail") == "以上":
        return "gt"
    if groups.get("tail") == "左右":
        return "approx"
    return _QUALIFIERS.get(groups.get("q") or "", "eq")


def _clause_before(sentence: str, start: int) -> str:
    """The clause that holds position ``start``: from the previous comma to it."""
    head = sentence[:start]
    cut = max(head.rfind("，"), head.rfind(","))
    return head[cut + 1 :]


def extract(text: str, *, published: date | None, jurisdiction: str) -> list[Candidate]:
    """Candidate observations stated in ``text`` (a page's main text)."""
    found: list[Candidate] = []
    context: date | None = None  # the period of the previous sentence in this text
    for sentence in sentences(text):
        plain = _COMPARISON.sub("", sentence)
        try:
            stated = None if _TARGET.search(plain) else stated_period(plain, published)
        except ValueError:
            continue  # a date that does not exist: nothing in this sentence can be trusted
        if stated is not None:
            context = stated
        for rule in RULES:
            if rule.requires and rule.requires not in sentence:
                continue
            for match in rule.pattern.finditer(sentence):
                candidate = _candidate(rule, match, sentence, published, context, jurisdiction)
                if candidate is not None:
                    found.append(candidate)
    return found


def _in_the_future(as_of: date, published: date | None, clause: str) -> bool:
    """A figure for a later year than the page is a target; later this year, an estimate at most."""
    if published is None or as_of <= published:
        return False
    if as_of.year > published.year:
        return True
    return "预计" not in clause and "有望" not in clause and (as_of - published).days > 31


def _candidate(
    rule: Rule,
    match: re.Match[str],
    sentence: str,
    published: date | None,
    context: date | None,
    jurisdiction: str,
) -> Candidate | None:
    head = sentence[: match.start()]
    rest_of_clause = re.split(r"[，,]", sentence[match.end() :], maxsplit=1)[0]
    if _TARGET.search(head) or _TARGET.search(match.group()) or _TARGET.search(rest_of_clause):
        return None
    # 较年初新增智能算力1500P: an increment word between the clause start and the number.
    clause = _clause_before(sentence, match.start()) + sentence[match.start() : match.start("num")]
    if _INCREMENT.search(clause):
        return None
    as_of = stated_period(_COMPARISON.sub("", head), published) or context or published
    if as_of is None or _in_the_future(as_of, published, clause):
        return None
    groups = match.groupdict()
    written_unit = groups.get("unit") or rule.unit or ""
    try:
        value, unit = canonical(groups["num"], groups.get("scale") or "", written_unit)
    except ParseError:
        return None
    return Candidate(
        metric=rule.metric,
        jurisdiction=_jurisdiction(head, jurisdiction),
        value=value,
        unit=unit,
        as_of=as_of,
        evidence=sentence,
        qualifier=_qualifier(match, clause),
        precision=groups.get("precision"),
        published_at=published,
    )
