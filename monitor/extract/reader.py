"""One reader for every statement: quantities bound to the catalogue's wording, clause by clause.

The text is normalised first (:mod:`monitor.extract.normalise`), split into paragraphs,
sentences and clauses (，；：). In each clause every quantity (:mod:`quantities`) is bound to
the metric whose wording (:mod:`monitor.core.lexicon`) names it, before it (网民规模达11亿) or
after it (1100余家人工智能企业), with the subject inherited from an earlier clause of the same
sentence (人工智能产业…，核心产业规模达…，企业数量超过…家). A list sharing one noun
(3万余家基础级、1200余家先进级…智能工厂) gives one figure per item.

Traps are marked per quantity: a target (到2027年, 力争…: from the marker to the end of the
sentence, until a clause says what already is), an increment (新增, 同比增长, 较…增加), a
sub-population or one entity's figure (the wording's ``excludes``), a figure for a district.

The date comes from the figure's clause, else its sentence, else the paragraph's last
statistical period (截至…, 上半年), else the publication date; relative periods resolve
against the publication date (:mod:`periods`). A figure whose date cannot be resolved is kept
with a hold reason, never given a guessed date. Every figure keeps its sentence as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache

from monitor.core.contract import Candidate
from monitor.core.lexicon import DOMAINS, ONE_ENTITY, OTHER_DOMAINS, WORDINGS, Wording
from monitor.core.places import (
    AUTONOMOUS_REGIONS,
    DISTRICTS,
    FOREIGN,
    MUNICIPALITIES,
    OUTSIDE_MAINLAND,
    PLACES,
    names_of,
    province_of,
)
from monitor.extract.normalise import normalise
from monitor.extract.periods import Mention, mentions
from monitor.extract.quantities import Quantity, quantities
from monitor.extract.tables import table_statements

__all__ = ["Block", "extract", "read", "sentences"]


@dataclass(frozen=True)
class Block:
    """A piece of a page: a title, a paragraph, or a table (rows of cells)."""

    text: str = ""
    kind: str = "paragraph"  # title | paragraph | table
    rows: tuple[tuple[str, ...], ...] = ()


_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_CLAUSE = re.compile(r"(?:[^，,；;：:]|(?<=\d),(?=\d{3}))+[，,；;：:]?")  # 2,400 is one number
_TARGET = re.compile(
    r"(?:(?<![截])到|(?<![截直])至)(?P<year>20\d\d)年|(?P<by>20\d\d)年(?:前|之前)(?![三两]季度|[一二三四五六七八九十\d]+个?月)|力争|争取|争创|提出|目标|预期目标|规划|计划到|(?<!动)(?<!作)计划(?!单列)|确保"
    r"|将(?:达到|突破|超过|实现|建成|形成|培育|打造|新增|力争|增长|增至|提升|提高|扩大)"
    r"|要(?:达到|突破|实现)|拟|到[“\"]?十[四五六]五[”\"]?(?:末|期末|时期)"
    r"|不超过|原则上|上限|控制在|以内|年内(?!已|地)|每年|最高(?:可|不超过|给予|补贴|奖励|支持)"
)
_ALREADY = re.compile(r"已|目前|截至|现有|当前|累计")
_INCREMENT = re.compile(
    r"(?:新增|新完成|新认定|新培育|新获批|新上线|新发布|新建|新入选|净增|又有|又新增|增长了?|增加了?|提高了?"
    r"|提升了?|扩大了?|多了|增幅|增速|同比|环比|年均|翻了?一?番|比上年|较上年|较去年|较上一年)"
    r"(?![至到为])"
    r"|较[^，。；]{0,14}(?:增|提|多|扩)"
)
_SAME_PERIOD = re.compile(r"^(?:同期|同一时期|与此同时|同时)[，,]")
_ROUNDING = Decimal("0.03")  # how far a rounded restatement may be from the exact figure
# A noun after its number that is then named a list of candidates (4家…智能工厂培育名单) counts
# candidates, not what the noun names.
_CANDIDATES = re.compile(r"(?:培育|候选|拟认定|公示)(?:名单|对象|企业)")
_BOUND = Decimal("1.25")  # how far above a headline's 突破 (or below its 不足) the body may be
_REPORT = re.compile(r"报告|公报|白皮书|蓝皮书|统计|发布会|数据显示|工作会议")
# A paragraph breaking the previous one's figures down (分城市看，…) keeps its period.
_BREAKDOWN = re.compile(r"^(?:分|从)(?:城市|地市|地区|区域|省份|各市|各地|市州|行业|领域)(?:来)?看")
# A numbered section heading: no sentence, no figure.
_HEADING = re.compile(r"[一二三四五六七八九十]{1,3}[、.．][^，。；,;\d]{1,16}")
# 从去年底的5000P增加到1.2万P
_GROWN_TO = re.compile(r"(?:增加|增长|提升|提高|扩大|上升|跃升|攀升|发展|升|增)(?:到|至)")
# 1P相当于每秒一千万亿次, 100P的算力就相当于50万台计算机: a unit explained, not a level.
# …or an era named by an order of magnitude (迈入千E时代).
_EXPLAINS = re.compile(r"(?:的算力)?就?相当于|时代|量级")
# What makes a figure after a list of places theirs jointly: 三市…合计, 两省…均.
_JOINT = re.compile(r"[两三四五六七八九十\d]+(?:市|地|省|城|区)|[^，。；]*?(?:合计|总计|共计|均)")
# 30余家公司旗下的大模型完成了备案: a count of companies, whatever they did.
_FIRMS_COUNTED = re.compile(r"(?:上市)?(?:公司|企业|单位|机构|厂商)")
# …unless the firms are what they became: 2家企业入选首批领航级智能工厂.
_FIRMS_BECOME = re.compile(r"入选|获评|认定为|评为|成为|列入|建成")
# A clause short enough to be a place and its verbs (北京数量高达): worth looking for places.
_HAS_PLACE_WORD = re.compile(r"^[^，。；]{2,12}$")
# A count of new things (6款新的服务完成登记): an increment.
_NEW = re.compile(r"新(?:的|增|上线|发布|完成|备案|登记)")
# Having heard of something is not using it.
_HEARD = re.compile(r"听说过?|知道|了解过")
# What makes an 产业 broader than the core industry named before it.
_BROADER = re.compile(r"相关|带动|全产业|泛|人工智能产业|AI产业|智能产业|产业链|企业")
# After an increment, these words return to a level: 同比增长20%，规模达到… / 新增…，累计…
_LEVEL_AFTER = re.compile(r"达到|达|累计|总数|总量|共有|合计|总计|规模为|增至|增长至|增长到")
# …but what is new (新增完成备案的服务达到238款) stays new until a total is named.
_TOTAL_AFTER = re.compile(r"累计|总数|总量|共有|合计|总计")
_ESTIMATE = re.compile(r"预计|有望|预估|估计|初步测算|预测|测算")
_OWN = re.compile(r"全省|我省|本省|全市|我市|本市|全区|我区|本区|区内|全自治区")
_ANAPHORA = re.compile(r"该省|该市|当地")
# A dateline or a byline says where the story was filed: 新华社北京11月11日电, 记者…青岛报道.
_DATELINE = re.compile(
    r"[^，。；\s]{0,8}?\d{1,2}月\d{1,2}日(?:电|讯)|记者[^，。；]{0,12}?报道|^[^，。；]{0,16}?电[）)]?\s"
)
_NOT_A_PLACE = re.compile(
    r"在全[省市区][^，。；]{0,8}(?:基础上|范围内?|层面)|全[省市]政策|在全国(?!\d)"
    r"|作为全[省市国][^，。；]{0,16}的"
    r"|(?:占|居|位居|位列|领跑|排名|排在|跻身|保持|领先|超过|引领)(?:全国|全省|全市|全球|世界)"
    r"|(?:居|位居|位列|排名|排在)[^，。；]{2,6}?(?:第[一二三四五六七八九十\d]|首位|前列|前[三五十])"
    r"|(?:全球|世界|国际)(?:第|首|前列|领先|最|规模最大|范围|一流|先进|知名|主要)|全国(?:第|首|前\d|前列|领先|排名|平均|总量|的|各)"
    r"|是全国[^，。；]{0,10}最"
    r"|中国(?:信通院|信息通信研究院|互联网络信息中心|移动|电信|联通|科学院|工程院|人民银行"
    r"|电子|证券|日报|新闻|网络|银行|人民大学)"
)
_PRECISION = re.compile(r"[（(]\s*(FP\d+|INT\d+|BF\d+|TF\d+)\s*[)）]|(FP16|FP32|FP64|INT8)")
_LIST_ITEM = re.compile(r"[、和及与]|以及")
_LIST_JOIN = re.compile(r"(?:、|和|及|以及|与)$")
_NEAR_AFTER = 24  # how far after a quantity its noun may stand (1100余家人工智能企业)
# Verbs that make the quantity after them an object of an action, not a stock: 赴2家企业调研.
_ACTION = re.compile(
    r"(?:赴|走访|调研|组织|推荐|遴选|评选|参观|考察|邀请|联合|携手|帮助|服务|支持(?!建设|创建)"
    r"|带动|吸引|引导|鼓励|惠及|覆盖|引进|签约|面向|向|(?<!完成)对|与|同|为|给)[^，。；]{0,3}$|(?<!所)在$"
)
# Firms counted as taking part in something (200余家企业代表参会, 共同发布《倡议》, 在…部署).
_TAKING_PART = re.compile(r"参会|参加|出席|参展|代表(?!了|着)|共同发布|联合发布|共同签署|签署|部署")
# …and firms counted on a list or an award (24家企业获批建设…平台, 9家企业荣登…榜单).
_FIRMS_LISTED = re.compile(r"获批|荣登|入选|上榜")
# What may follow a quantity named by the words before it: nothing, particles, or verbs;
# a noun there (备案系统操作等6个专题) says the quantity counts something else.
_AFTER_OK = re.compile(
    r"(?:以上|左右|之多|有余|的|和|、|及|与|完成|通过|在|已|获|上线|正式|实现|其中"
    r"|占|位居|居|位列|同比|较|比|增|达|共|累计|分别|均|大关|关口|，|。|；|：|\)|）|\s|$)"
)
_USED = re.compile(r"(?:实际)?(?:使用|用)过")
_AGGREGATE = re.compile(r"全市|全省|全国|全区|我国|各地|所有|合计|总计|累计|全部")
_EXCLUDE_REACH = 20  # how far before a term a sub-population or an entity is named
# A clause whose words before its quantity are only verbs and adverbs has no subject of its
# own: 目前已达, 其中, 占总人口的 is not one (it names the share).
# A clause counting with a bare classifier (其中广东发布42个) names its noun earlier.
_STOCK_VERB = re.compile(r"发布|备案|登记|建成|培育|拥有|已有|共有|达到|超过|累计|认定")
# 从几十万人增长到如今的近11亿人: the second figure is the first one's metric.
_CONNECTOR = re.compile(
    r".{0,4}(?:增长|发展|提升|提高|扩大|增加|上升|跃升|攀升|增)(?:到|至)"
    r"(?:如今|目前|现在|当前|今天|(?:19|20)\d\d年(?:底|末)?)?的?"
)
_SUBJECTLESS = re.compile(
    r"(?:其中|目前|当前|现|已经|已|累计|共|总计|合计|分别|均|约|则|也|就|便|又|达至|达|达到"
    r"|为|是|超过|突破|增至|增长至|提升至|提高到|升至|总规模|规模|数量|总数|实现|营收|营业收入|产值)*"
)


@dataclass
class _Context:
    published: date | None
    jurisdiction: str
    paragraph_period: Mention | None = None  # the last statistical period of the paragraph
    document_period: Mention | None = None  # the period a report or bulletin covers
    last_period: Mention | None = None  # the last period of the paragraph, for 同期
    last_place: str | None = None  # for 该省 / 该市
    paragraph_place: str | None = None  # the last place the paragraph named
    domain: str | None = None  # the last subject of the paragraph (or the title's)
    title_domain: str | None = None


def sentences(text: str) -> Iterator[str]:
    for match in _SENTENCE.finditer(text):
        sentence = match.group().strip()
        if sentence:
            yield sentence


def extract(text: str, *, published: date | None, jurisdiction: str) -> list[Candidate]:
    """Candidate observations stated in ``text`` (a page's main text, paragraphs by line)."""
    return read([Block(line) for line in text.splitlines()], published, jurisdiction)


def read(blocks: Iterable[Block], published: date | None, jurisdiction: str) -> list[Candidate]:
    """Candidate observations of a page given as blocks (title, paragraphs, tables).

    A title restates the body's figures; one it states alone is kept, dated by the body's
    figure of the same value when there is one.
    """
    blocks = list(blocks)
    found: list[Candidate] = []
    titled: list[Candidate] = []
    context = _Context(published, jurisdiction)
    context.document_period = _document_period(blocks, published)
    title = next((normalise(b.text) for b in blocks if b.kind == "title"), "")
    subjects = [(m.end(), n) for n, pattern in DOMAINS.items() for m in pattern.finditer(title)]
    context.title_domain = max(subjects)[1] if subjects else None
    for block in blocks:
        if block.kind == "table":
            for text, evidence in table_statements(block.rows, block.text):
                context.paragraph_place = None  # a row naming no place (合计) is not the last row's
                found += [replace(c, evidence=evidence) for c in _paragraph(text, context)]
            continue
        text = normalise(block.text)
        if _HEADING.fullmatch(text):
            continue  # 二、区域分布: a section heading, between a paragraph and its breakdown
        if not _BREAKDOWN.match(text):
            context.paragraph_period, context.domain = None, None
            context.paragraph_place = None
            context.last_period = None
        if block.kind == "title" or text == title:
            titled += _paragraph(text, context)
        else:
            found += _paragraph(text, context)
    found = _rounded_dropped(found, published)
    found += [c for c in titled if not any(_restates(c, body, jurisdiction) for body in found)]
    return _unique(found)


def _rounded_dropped(found: list[Candidate], published: date | None) -> list[Candidate]:
    """A round bound that an exact figure of the page meets, undated or of the same date, is
    that figure said twice: 用户规模已突破5亿人。截至今年6月，用户达5.15亿 is one figure, and
    so is 普及率突破80% beside 普及率达80.1% of the same report."""
    return [
        c
        for c in found
        if not (
            c.qualifier == "gt"
            and any(
                other.qualifier != "gt"
                and other.value != c.value
                and (c.as_of == published or c.as_of == other.as_of)
                and _restates(c, other)
                for other in found
            )
        )
    ]


def _restates(title: Candidate, body: Candidate, publisher: str | None = None) -> bool:
    """A title's figure repeats the body's, perhaps rounded (超4354亿元 for 4354.92亿元) or as
    a bound the body's exact figure meets (突破700家 for 712家, 突破10万P for 10.6万P). A title
    naming no place (it has the publisher's) may restate a place's figure."""
    if title.metric != body.metric:
        return False
    unnamed = title.jurisdiction in (publisher, "cn") and publisher is not None
    if title.jurisdiction != body.jurisdiction and not unnamed:
        return False
    if title.qualifier == "gt" and title.value <= body.value <= title.value * _BOUND:
        return True
    if title.qualifier == "lt" and title.value / _BOUND <= body.value <= title.value:
        return True
    larger = max(abs(title.value), abs(body.value))
    return larger == 0 or abs(title.value - body.value) / larger <= _ROUNDING


def _document_period(blocks: list[Block], published: date | None) -> Mention | None:
    """The period a report or a briefing covers, from its title or opening paragraph
    (《数字中国发展报告（2025年）》, 介绍2024年前三季度…情况): the date of figures giving none."""
    if published is None:
        return None
    titles = [b for b in blocks if b.kind == "title"][:1]
    paragraphs = [b for b in blocks if b.kind == "paragraph"]
    # A report's release: its cut-off may come a paragraph or two after the announcement.
    reported = any(_REPORT.search(b.text) for b in titles + paragraphs[:1])
    framing = titles + (paragraphs[:3] if reported else [])
    for block in framing:
        text = re.sub(r"[《》]", "", normalise(block.text))
        for mention in mentions(text):
            resolved = mention.resolve(published)
            if (
                mention.kind == "explicit"
                and mention.carries
                and resolved is not None
                and resolved <= published
                and resolved.year >= published.year - 1
            ):
                return mention
    return None


def _unique(found: list[Candidate]) -> list[Candidate]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for c in found:
        key = (c.metric, c.jurisdiction, c.value, c.as_of, c.precision)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _paragraph(text: str, context: _Context) -> list[Candidate]:
    found: list[Candidate] = []
    for sentence in sentences(text):
        found += _sentence(sentence, context)
    return found


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    text: str
    quantities: tuple[Quantity, ...]  # positions relative to the sentence


def _clauses(sentence: str) -> list[_Clause]:
    found = _restated(sentence, list(quantities(sentence)))
    clauses = []
    for match in _CLAUSE.finditer(sentence):
        start, end = match.span()
        held = tuple(q for q in found if start <= q.start < end) if found else ()
        clauses.append(_Clause(start, end, match.group(), held))
    return clauses


def _restated(text: str, found: list[Quantity]) -> list[Quantity]:
    """接近11亿人（10.9967亿人）: a rounded figure restated exactly in brackets is one figure,
    the exact one."""
    out: list[Quantity] = []
    for quantity in found:
        if (
            out
            and text[out[-1].end : quantity.start] in ("（", "(")
            and (quantity.unit == out[-1].unit or quantity.unit is None or out[-1].unit is None)
        ):
            rounded = out.pop()
            quantity = replace(quantity, start=rounded.start, unit=rounded.unit or quantity.unit)
        out.append(quantity)
    return out


def _sentence(sentence: str, context: _Context) -> list[Candidate]:
    periods = mentions(sentence)
    clauses = _clauses(sentence)
    found: list[Candidate] = []
    counted = any(clause.quantities for clause in clauses)
    targets = _target_spans(sentence, clauses, periods, context.published) if counted else []
    paired = _respectively(sentence, clauses) if counted else {}
    for index, clause in enumerate(clauses if counted else ()):
        listed: Wording | None = None  # the metric of a list's first item (620余家、580余家)
        for position, quantity in enumerate(clause.quantities):
            if quantity.bare or any(a <= quantity.start < b for a, b in targets):
                continue
            pairing = paired.get(quantity.start)
            previous = clause.quantities[position - 1] if position else None
            joined = previous and _LIST_ITEM.fullmatch(sentence[previous.end : quantity.start])
            if listed and joined and not (pairing and pairing.wording):
                pairing = _Pairing(listed, *((pairing.place, pairing.other) if pairing else ()))
            candidate = _figure(sentence, clauses, index, position, periods, context, pairing)
            listed = next((w for w in WORDINGS if candidate and w.metric == candidate.metric),
                          None)  # fmt: skip
            if candidate is not None and not (pairing and pairing.other):
                found.append(candidate)
    if periods:
        context.last_period = periods[-1]
    carrying = [m for m in periods if m.carries]
    # A period framing the sentence (目前，… / 截至6月底，…) dates what follows in the
    # paragraph; one inside a later clause (…，2024年核心产业规模…) dates its clause only,
    # unless the paragraph has no period yet.
    opening = clauses[0].end if clauses else 0
    framing = [m for m in carrying if m.start < opening]
    # A sentence stating only changes (2025年，全省新增备案62款) dates its own flows, not the
    # levels the paragraph goes on to break down.
    if framing and not (context.paragraph_period and _changes_only(sentence, clauses)):
        context.paragraph_period = framing[-1]
    elif carrying and context.paragraph_period is None:
        context.paragraph_period = carrying[-1]
    named = [slug for _, slug, _ in _places(sentence, len(sentence)) if slug.startswith("cn")]
    if named:
        context.last_place = context.paragraph_place = named[-1]
    domains = [
        (m.end(), name) for name, pattern in DOMAINS.items() for m in pattern.finditer(sentence)
    ]
    if domains:
        context.domain = max(domains)[1]
    return found


def _changes_only(sentence: str, clauses: list[_Clause]) -> bool:
    """Whether every quantity of the sentence is an increment or a rate of change."""
    counted = [(c, q) for c in clauses for q in c.quantities if not q.bare]
    return bool(counted) and all(_is_change(sentence[c.start : q.start]) for c, q in counted)


def _is_change(own: str) -> bool:
    """Whether a quantity whose clause reads ``own`` before it is an increment or a rate
    (新增…, 同比增长…), unless the clause returns to a level: 同比增长20%，规模达到…;
    新增…，累计…."""
    increment = _INCREMENT.search(own)
    if increment is None:
        return False
    back = _TOTAL_AFTER if increment.group().startswith(("新", "净")) else _LEVEL_AFTER
    return back.search(own, increment.end()) is None


@dataclass(frozen=True)
class _Pairing:
    """What 分别 assigns to one quantity: its metric, and its place when places are listed."""

    wording: Wording | None = None
    place: str | None = None
    other: bool = False  # 数据中心、云计算、人工智能…分别…: another industry's figure


def _named_terms(text: str) -> list[Wording]:
    """The metrics ``text`` names, in order; the longest term wins where terms overlap."""
    named = [
        (match.start(), match.end(), wording)
        for wording in WORDINGS
        for match in wording.terms.finditer(text)
    ]
    named.sort(key=lambda n: (n[0], -(n[1] - n[0])))
    kept: list[tuple[int, int, Wording]] = []
    for start, end, wording in named:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, wording))
    return [w for _, _, w in kept]


def _listed_places(text: str) -> list[str]:
    """南京、苏州、无锡三市: the places of a list, in order (districts as "district")."""
    found = _places(text, len(text))
    return [slug for _, slug, _ in found if slug.startswith("cn") or slug == "district"]


def _respectively(sentence: str, clauses: list[_Clause]) -> dict[int, _Pairing]:
    """先进级、卓越级智能工厂分别达到8200余家、500余家 (the n-th metric named is the n-th
    quantity), 132款、73款…分别完成备案和登记 (the other way round), 南京、苏州、无锡三市分别
    集聚…620余家、580余家和210余家 (the n-th place is the n-th quantity's, the places listed
    in the clause or, when it names none, earlier in the sentence)."""
    paired: dict[int, _Pairing] = {}
    for clause in clauses:
        split = clause.text.find("分别")
        if split < 0:
            continue
        head, tail = clause.text[:split], clause.text[split:]
        boundary = clause.start + split
        after = [q for q in clause.quantities if q.start >= boundary and not q.bare]
        before = [q for q in clause.quantities if q.end <= boundary and not q.bare]
        for values, words in ((after, head), (before, tail)):
            if len(values) < 2:
                continue
            metrics = _named_terms(words)
            if len(metrics) == len(values) and all(
                _unit_fits(w, q) for w, q in zip(metrics, values, strict=True)
            ):
                paired.update(
                    {q.start: _Pairing(wording=w) for w, q in zip(metrics, values, strict=True)}
                )
            # 数据中心、云计算、人工智能、大数据等产业规模分别超过…: only AI's value is AI's.
            items = words.split("、")
            ai = [i for i, item in enumerate(items) if DOMAINS["ai"].search(item)]
            if len(items) == len(values) and len(ai) == 1 and len(metrics) < len(values):
                paired.update({q.start: _Pairing(other=True)
                               for i, q in enumerate(values) if i != ai[0]})  # fmt: skip
            # The places may head the sentence (河北、江苏…的算力规模位居全国前四，分别达到…).
            places = _listed_places(head) or _listed_places(sentence[:boundary])
            if len(places) == len(values):
                for place, q in zip(places, values, strict=True):
                    paired[q.start] = _Pairing(paired.get(q.start, _Pairing()).wording, place)
    return paired


def _target_spans(
    sentence: str, clauses: list[_Clause], periods: list[Mention], published: date | None
) -> list[tuple[int, int]]:
    """Stretches of the sentence under a target marker: from it to the end of the sentence,
    unless a later clause says what already is (目前已达…)."""
    spans = []
    for marker in _TARGET.finditer(sentence):
        year = marker["year"] or marker["by"]
        if year and published is not None and int(year) < published.year:
            continue  # 到2024年底，已… in a 2025 page: a past cut-off, not a target
        opening = max((c.start for c in clauses if c.start <= marker.start()), default=0)
        if marker.group().startswith("将") and _ESTIMATE.search(
            sentence[min(opening, max(0, marker.start() - 8)) : marker.start()]
        ):
            continue  # 预计(…)将超过: an estimate, dated by its period like any figure
        start, end = marker.start(), len(sentence)
        for clause in clauses:
            if clause.start <= start:
                continue
            past = any(
                clause.start <= m.start < clause.end and _is_past(m, published) for m in periods
            )
            if past or _ALREADY.search(clause.text):
                end = clause.start
                break
        spans.append((start, end))
    return spans


def _is_past(mention: Mention, published: date | None) -> bool:
    resolved = mention.resolve(published)
    return resolved is not None and (published is None or resolved <= published)


def _figure(
    sentence: str,
    clauses: list[_Clause],
    index: int,
    position: int,
    periods: list[Mention],
    context: _Context,
    paired: _Pairing | None = None,
) -> Candidate | None:
    clause = clauses[index]
    quantity = clause.quantities[position]
    earlier = [q for q in clause.quantities[:position] if not q.bare]
    previous_end = earlier[-1].end if earlier else clause.start
    following = clause.quantities[position + 1].start if position + 1 < len(clause.quantities) \
        else clause.end  # fmt: skip
    before = sentence[previous_end : quantity.start]
    after = _noun_after(sentence, clause, position, following)
    own = sentence[clause.start : quantity.start]
    if _is_change(own) or _NEW.match(after) or _EXPLAINS.match(sentence, quantity.end):
        return None
    if earlier and re.match(r"^的", before) and not paired:
        return None  # 营收超百亿元的企业16家: the earlier quantity restricts the noun
    wording = (paired.wording if paired else None) or _bind(
        sentence, clauses, index, quantity, before, after, context
    )[0]
    opening = clauses[index - 1].start if index else clause.start
    wording = _refined(wording, sentence, opening, quantity.start, context)
    if wording is None:
        return None
    place = paired.place if paired else None
    where = _jurisdiction(sentence, quantity.start, context) if place is None else place
    if where is None or where == "district":
        return None
    mention = _period(quantity, clause, periods, context, sentence)
    value, unit = quantity.value, quantity.unit or wording.units[0]
    qualifier = quantity.qualifier
    if _ESTIMATE.search(sentence[clause.start : quantity.start]):
        qualifier = "estimate"
    as_of = mention.resolve(context.published) if mention else context.published
    if qualifier == "estimate" and mention and mention.text in ("今年", "本年") and as_of:
        as_of = date(as_of.year, 12, 31)  # 今年有望突破1000亿元: an estimate of the year's total
    if as_of is not None and context.published is not None and as_of > context.published:
        # 今年有望… in the year's second half is an estimate; in its first, a forecast.
        same_year = as_of.year == context.published.year and context.published.month > 6
        if not (qualifier == "estimate" and same_year) and (as_of - context.published).days > 31:
            return None  # a later period than the page: a target or a forecast
    precision = None
    if unit == "FLOPS":
        found = _PRECISION.search(sentence, quantity.end, quantity.end + 12)
        precision = (found.group(1) or found.group(2)) if found else None
    return Candidate(
        metric=wording.metric,
        jurisdiction=where,
        value=value,
        unit=unit,
        as_of=as_of,
        evidence=sentence,
        qualifier=qualifier,
        precision=precision,
        published_at=context.published,
        hold=None if as_of else _no_date(mention, context.published),
    )


def _refined(
    wording: Wording | None, sentence: str, opening: int, position: int, context: _Context
) -> Wording | None:
    """The wording bound to a figure, checked against the rest of its sentence: None for one
    entity's figure or for awareness (听说过); the core industry when a bare 产业规模 goes on
    about it."""
    if wording is None:
        return None
    if wording.entity_sensitive and _entitys(sentence, position):
        return None
    if wording.domain == "genai" and _HEARD.search(sentence, opening, position):
        return None  # 听说过生成式人工智能的人: awareness, not use
    if wording.metric == "ai_industry_scale":
        return _core_continued(sentence, position) or wording
    return wording


def _core_continued(sentence: str, position: int) -> Wording | None:
    """核心产业规模达…，全年产业规模有望…: a bare 产业规模 after the core industry's in the
    same sentence goes on about the core industry."""
    core = sentence.rfind("核心产业", 0, position)
    if core < 0 or _BROADER.search(sentence, core + 4, position):
        return None
    return next(w for w in WORDINGS if w.metric == "ai_core_industry_scale")


def _no_date(mention: Mention | None, published: date | None) -> str:
    if mention is not None and mention.kind == "vague":
        return f"no date: {mention.text} names no precise period"
    if mention is not None and published is not None:
        return f"no date: {mention.text} is not a day of the calendar"
    what = f"the period {mention.text} is relative" if mention else "no period is stated"
    return f"no date: {what} and the page has no publication date"


def _noun_after(sentence: str, clause: _Clause, position: int, following: int) -> str:
    """The words after a quantity that may name it: up to the next quantity, and for a list
    sharing one noun (3万余家基础级、1200余家先进级…智能工厂) the words after the list."""
    quantity = clause.quantities[position]
    after = sentence[quantity.end : following]
    rest = list(clause.quantities[position + 1 :])
    tail = after
    while rest and _LIST_JOIN.search(tail) and len(tail) <= 5:
        item = rest.pop(0)
        stop = rest[0].start if rest else clause.end
        tail = sentence[item.end : stop]
    return after if tail is after else after + "…" + tail


def _bind(
    sentence: str,
    clauses: list[_Clause],
    index: int,
    quantity: Quantity,
    before: str,
    after: str,
    context: _Context,
) -> tuple[Wording | None, int]:
    """The wording that names ``quantity``, and how far its term is (nearer wins).

    The term is looked for in the words since the previous quantity and right after this
    one; failing that, for a clause with no subject of its own (目前已达1800亿元, 占总人口的
    36.5%), earlier in the clause and then in the sentence's earlier clauses.
    """
    clause = clauses[index]
    layers = [before]
    own = sentence[clause.start : quantity.start]
    bare_classifier = (
        quantity.unit == "count"
        and bool(_STOCK_VERB.search(own) or own.startswith("其中"))  # 其中福州7款、厦门8款
        and (not after.strip("，,；;。：:、 ") or not _residue(after).strip("，,；;。：:、 "))
        and len(_residue(own)) <= 3  # 累计创建…示范车间500余个 names what it counts
    )
    if _CONNECTOR.fullmatch(before):
        layers.append(own)
    undated = own
    for mention in mentions(own):
        undated = undated.replace(mention.text, "")
    subjectless = _subjectless(undated)
    if not subjectless and _HAS_PLACE_WORD.search(undated):
        for _, _, place in _places(undated, len(undated)):
            undated = undated.replace(place, "", 1)  # 北京数量高达422家: a place, then its count
        subjectless = _subjectless(undated)
    if (subjectless and _AFTER_OK.match(after)) or bare_classifier:
        layers += [own, sentence[: quantity.start]]
    for layer, text in enumerate(layers):
        found = _best(sentence, clause, quantity, text, after if layer == 0 else "", context)
        if found[0] is not None:
            return found
    return None, 0


def _subjectless(words: str) -> bool:
    """Whether a clause's words before its quantity (periods taken out) are only verbs and
    adverbs: 目前已达, 其中, 截至…规模达至."""
    return (
        _SUBJECTLESS.fullmatch(re.sub(r"截至|截止|到", "", words).strip("，,；;：: ")) is not None
    )


def _residue(own: str) -> str:
    """A clause's words before its quantity once places, periods and verbs are taken out: what
    is left would be the thing counted (典型应用场景), if anything."""
    text = own
    for mention in mentions(own):
        text = text.replace(mention.text, "")
    for _, _, words in _places(own, len(own)):
        text = text.replace(words, "")
    return re.sub(_STOCK_VERB.pattern + r"|其中|已|共|了|，|,", "", text)


def _best(
    sentence: str,
    clause: _Clause,
    quantity: Quantity,
    before: str,
    after: str,
    context: _Context,
) -> tuple[Wording | None, int]:
    best: tuple[int, int, Wording] | None = None
    scope = sentence[clause.start : clause.end]
    # 已发布79个，其中北京38个大模型: a breakdown by place shares its sentence's verb.
    by_place = scope.startswith("其中") and bool(_places(scope, len(scope)))
    within = sentence[: clause.end] if by_place else scope
    firms = (
        quantity.written == "家"
        and _FIRMS_COUNTED.match(after) is not None
        and not _FIRMS_BECOME.search(after)
    )
    for wording in WORDINGS:
        if not _unit_fits(wording, quantity) or (firms and wording.metric != "ai_enterprises"):
            continue
        term = _term(wording, before, after, quantity.unit == "count")
        if term is None:
            continue
        distance, near, term_words = term
        if wording.requires and not wording.requires.search(within):
            continue
        if wording.excludes and wording.excludes.search(near):
            continue
        if any(
            words.search(near) and quantity.value >= size for words, size in wording.large_excludes
        ):
            continue
        if wording.entity_sensitive and _one_entity(near):
            continue
        specific = len(term_words) >= 3 or quantity.written == "款"
        if wording.domain and not _about(
            wording.domain, sentence, quantity, after, context, specific
        ):
            continue
        rank = (distance, -len(term_words))
        if best is None or rank < best[:2]:
            best = (*rank, wording)
    return (best[2], best[0]) if best else (None, 0)


def _entitys(sentence: str, position: int) -> bool:
    """Whether the figure at ``position`` goes on about one entity named earlier in its part
    of the sentence (雅安大数据产业园已建成机架约4万个，总算力达5900P，智算规模超过3800P):
    no place or aggregate is named between that entity and the figure."""
    part = sentence.rfind("；", 0, position) + 1
    entities = [
        m
        for m in ONE_ENTITY.finditer(sentence, part, position)
        if m.group() not in ("其", "签约", "接入", "调度", "自有")
        and not _NOT_ONE.search(sentence, max(part, m.start() - 4), m.end())
        and not _COUNTED.match(sentence, m.end())
        and not _SAYS.match(sentence, m.end())
        and not _cluster_of_place(m.group())
        and not _generic_centre(m.group())
    ]
    if not entities:
        return False
    last = entities[-1]
    if _AGGREGATE.search(sentence, last.end(), position):
        return False
    return not any(last.end() <= end for end, _, _ in _places(sentence, position))


# Words that make a named centre or cluster many, or a frame for the place's own figure:
# 全国在用算力中心, 依托…核心节点, 作为…集群起步区.
_NOT_ONE = re.compile(
    _AGGREGATE.pattern
    + r"|在用|依托|作为|通过|包括|各类|多个|万卡|[两三四五六七八九十\d]+(?:家|个|座|所)"
)
# An entity that speaks (研究院首席经济学家…介绍, 从…中心获悉) is a source, not the subject.
_SAYS = re.compile(
    r"[^，。；]{0,30}?(?:介绍|表示|指出|透露|获悉|显示|测算|统计|估算|认为|发布的|称，|说，)"
)
_COUNTED = re.compile(r"[^，。；]{0,3}?\d+(?:\.\d+)?[万]?(?:个|座|家|余个|多个)")


# A kind of centre, not one of them: 互联网数据中心总规模, 通用数据中心、智能计算中心.
_GENERIC_CENTRE = re.compile(
    r"(?:[^，。；]{0,3}[的、和与及])?(?:国|省|市)?(?:互联网|通用|智能计算|人工智能计算|智算|超算|算力|大型|超大型"
    r"|新型|大数据|数据|边缘)*(?:数据中心|计算中心|算力中心|中心|集群|平台)(?:的|已|现|目前|总)?"
)


def _generic_centre(words: str) -> bool:
    """互联网数据中心, 上海通用数据中心: a kind of centre (a place's places of that kind)."""
    for _, _, name in _places(words, len(words)):
        words = words.replace(name, "", 1)
    return _GENERIC_CENTRE.fullmatch(words) is not None


def _cluster_of_place(words: str) -> bool:
    """A hub named after its city (庆阳数据中心集群, 张家口集群) is that city's capacity."""
    named = _places(words, len(words))
    return (
        "集群" in words
        and bool(named)
        and named[0][0] == len(named[0][2])
        and (named[0][1].count("-") == 2)
    )


def _one_entity(near: str) -> bool:
    """A company's or a centre's figure, unless the words say it is everyone's (全市…)."""
    found = ONE_ENTITY.search(near)
    return found is not None and not _AGGREGATE.search(near[: found.end()])


def _unit_fits(wording: Wording, quantity: Quantity) -> bool:
    if quantity.unit is None:
        return wording.unitless and quantity.scaled
    if quantity.unit == "count" and wording.classifiers:
        return quantity.written in wording.classifiers
    return quantity.unit in wording.units


def _term(
    wording: Wording, before: str, after: str, counted: bool = True
) -> tuple[int, str, str] | None:
    """How far the nearest term naming the metric is from the quantity, and the words around
    it (where a sub-population or an entity would be named: 农村网民, 该中心算力)."""
    best: tuple[int, str, str] | None = None
    if wording.position in ("before", "both"):
        for match in wording.terms.finditer(before):
            distance = len(before) - match.end()
            near = before[max(0, match.start() - _EXCLUDE_REACH) :]
            if best is None or distance < best[0]:
                best = (distance, near + after[:_NEAR_AFTER], match.group())
    if wording.position in ("after", "both") and not _ACTION.search(before):
        found = wording.terms.search(after[:_NEAR_AFTER] if "…" not in after else after)
        # A noun after its number is how counts are written (1100家企业); other units take a
        # verb after them (2.49亿人用过…), never a new subject (6.02亿人网民规模…).
        if found is not None and not (counted or _USED.match(found.group())):
            found = None
        if found is not None and (
            _CANDIDATES.match(after, found.end())
            or _TAKING_PART.search(after, found.end())
            or ("企业" in found.group() and _FIRMS_LISTED.search(after, found.end()))
        ):
            found = None
        if found is not None and not re.search(r"[，。；]", after[: found.start()]):
            near = before[-_EXCLUDE_REACH:] + after[: found.end()]
            if best is None or found.start() < best[0]:
                best = (found.start(), near, found.group())
    if best is not None and best[0] >= 0 and "count" in wording.units:
        named_after = wording.terms.search(after) or any(
            pattern.search(after) for pattern in DOMAINS.values()
        )
        if not named_after and not _AFTER_OK.match(after):
            return None
    return best


def _about(
    domain: str,
    sentence: str,
    quantity: Quantity,
    after: str,
    context: _Context,
    specific: bool = True,
) -> bool:
    """Whether the statement is about ``domain``: the nearest subject before the quantity in
    its sentence (or the words right after it) is that domain (genai counts as ai). A
    sentence naming no subject at all continues its paragraph's (or the title's)."""
    wanted = ("genai",) if domain == "genai" else ("genai", "ai")
    if any(DOMAINS[d].search(after[:_NEAR_AFTER]) for d in wanted):
        return True
    head = sentence[: quantity.start]
    nearest: tuple[int, str] | None = None
    for name, pattern in (*DOMAINS.items(), ("other", OTHER_DOMAINS)):
        for match in pattern.finditer(head):
            if nearest is None or match.end() > nearest[0]:
                nearest = (match.end(), name)
    if nearest is None:
        return specific and (context.domain or context.title_domain) in wanted
    return nearest[1] in wanted


# Every place name of the gazetteer in one alternation, longest first: a sentence is scanned
# once, and at each position the longest name wins (北京经开区 over 北京, 吉林市 over 吉林).
_SLUG_OF: dict[str, str] = {}
for _pattern, _slug in (*PLACES, (_OWN, "own"), (_ANAPHORA, "anaphora"), (FOREIGN, "foreign")):
    for _name in names_of(_pattern):
        _SLUG_OF.setdefault(_name, _slug)
_GAZETTEER = re.compile("|".join(sorted(_SLUG_OF, key=lambda name: -len(name))))


@lru_cache(maxsize=1024)
def _all_places(text: str) -> tuple[tuple[int, str, str], ...]:
    masked = [m.span() for m in _NOT_A_PLACE.finditer(text)]
    if "电" in text or "讯" in text or "报道" in text:
        masked += [m.span() for m in _DATELINE.finditer(text)]
    found: list[tuple[int, str, str]] = []
    zones: list[tuple[int, int]] = []
    for match in _GAZETTEER.finditer(text):
        position, end, name = match.start(), match.end(), match.group()
        slug = _SLUG_OF[name]
        if slug == "cn-bj-etown":
            zones.append((position, end))
        if not any(a <= position < b for a, b in masked):
            found.append((end, slug, name))
    for match in DISTRICTS.finditer(text):
        inside_zone = any(a <= match.start() < b for a, b in zones)
        if not inside_zone and not any(a <= match.start() < b for a, b in masked):
            found.append((match.end(), "district", match.group()))
    return tuple(sorted(found, key=lambda item: item[0]))


def _places(text: str, limit: int) -> list[tuple[int, str, str]]:
    """(end position, slug, words) of every place named in ``text[:limit]``. Besides slugs:
    "own" for 全省 and kin, "anaphora" for 该省, "district" for a part of a city, "foreign"."""
    return [place for place in _all_places(text) if place[0] <= limit]


def _jurisdiction(sentence: str, limit: int, context: _Context) -> str | None:
    """The place named nearest before the figure in its part of the sentence (a ； starts a
    new part, which keeps the place the sentence opened with when it names none), else the
    publisher's; None when that is a district or a foreign place, whose figures are not
    followed. Places listed right before a count of them (福州、厦门、泉州三个产业园) are what
    is counted, not where."""
    part = sentence.rfind("；", 0, limit) + 1
    named = [place for place in _places(sentence, limit) if place[0] > part]
    named = named[: len(named) - _counted_list(sentence, named, limit)]
    if not named:
        # A part naming no place continues the sentence's earlier place (广西…；智算规模…).
        first = sentence.find("；") + 1
        earlier = [p for p in _places(sentence, first) if p[1] not in ("district", "foreign")]
        if earlier and part > 0:
            return _jurisdiction(sentence, earlier[0][0], context)
        return _unnamed(context)
    if _together(sentence, named, limit):
        return None
    end = named[-1][0]
    # At the same position the most specific name wins (北京经开区 over 北京, 吉林市 over 吉林).
    at_end = [(slug, words) for e, slug, words in named if e == end]
    slug, words = next(((s, w) for s, w in at_end if s != "district"), at_end[0])
    if slug in ("district", "foreign"):
        return None
    if slug == "anaphora":
        return context.last_place or context.jurisdiction
    if slug == "own":
        named_before = [s for e, s, _ in _places(sentence, limit) if e < end]
        return _own(words, named_before, context)
    return slug


def _together(sentence: str, named: list[tuple[int, str, str]], limit: int) -> bool:
    """苏州、南京、无锡三市…合计39家; 安徽、湖北两省…均已超过900亿元: a sum over the places
    listed, or a bound each of them meets, is no one place's figure."""
    if len(named) < 2 or not _joined(sentence, named, 1):
        return False
    return _JOINT.match(sentence, named[-1][0], limit) is not None


def _joined(sentence: str, named: list[tuple[int, str, str]], back: int) -> bool:
    """Whether the place ``back`` from the end of ``named`` is listed right after the one
    before it (福州、厦门)."""
    end, _, words = named[-back]
    return sentence[named[-back - 1][0] : end - len(words)] in ("、", "和", "及", "与")


def _counted_list(sentence: str, named: list[tuple[int, str, str]], limit: int) -> int:
    """How many of the last places named form a list the figure at ``limit`` counts."""
    if not named or not re.fullmatch(r"等?(?:共|合计)?", sentence[named[-1][0] : limit]):
        return 0
    listed = 1
    while listed < len(named) and _joined(sentence, named, listed):
        listed += 1
    return listed if listed >= 2 else 0


def _unnamed(context: _Context) -> str:
    """The place of a figure whose sentence part names none: the place its paragraph is
    about when that lies within the publisher's (庆阳…。如今，算力规模1.9万P), else the
    publisher's, or for a publisher outside the mainland the mainland place it was last
    writing about."""
    here, publisher = context.paragraph_place, context.jurisdiction
    if here and (publisher in ("cn", *OUTSIDE_MAINLAND) or here.startswith(publisher + "-")):
        return here
    return _publishers(context)


def _publishers(context: _Context) -> str:
    """The publisher's jurisdiction, or for one outside the mainland the mainland place it
    was last writing about."""
    if context.jurisdiction not in OUTSIDE_MAINLAND:
        return context.jurisdiction
    last = context.last_place
    return last if last is not None and last not in OUTSIDE_MAINLAND else "cn"


def _own(words: str, earlier: list[str], context: _Context) -> str | None:
    """全省 / 全市 / 全区: the publisher's jurisdiction when it is of that level, else the place
    of that level named last before it (in the sentence, else the paragraph): 江苏省…全省 on a
    national page, 广西…全区, 云南全省 on a city's page. 全区 is otherwise a district."""
    default = _publishers(context)
    level = next((c for c in words if c in "省市区"), "")
    recent = [context.last_place or "", *earlier]  # nearest last
    cities = [s for s in recent if s.count("-") == 2 or s in MUNICIPALITIES]
    provinces = [s for s in recent if s.count("-") == 1 and s not in OUTSIDE_MAINLAND]
    if level == "区":
        if earlier and earlier[-1] in ("cn-bj-etown", "district"):
            return "cn-bj-etown" if earlier[-1] == "cn-bj-etown" else None
        if default in AUTONOMOUS_REGIONS or default == "cn-bj-etown":
            return default
        if provinces and provinces[-1] in AUTONOMOUS_REGIONS:
            return provinces[-1]
        return None
    named_cities = [s for s in earlier if s.count("-") == 2 or s in MUNICIPALITIES]
    if level == "市" and named_cities:
        return named_cities[-1]  # 从北京全市看…全市: the city this sentence names
    if level == "市" and default not in MUNICIPALITIES and default.count("-") < 2:
        return cities[-1] if cities else default
    if level == "省" and default == "cn":
        return provinces[-1] if provinces else default
    if level == "省" and default.count("-") == 2:
        return provinces[-1] if provinces else province_of(default)
    return default


def _period(
    quantity: Quantity,
    clause: _Clause,
    periods: Sequence[Mention],
    context: _Context,
    sentence: str = "",
) -> Mention | None:
    """The period of a figure: its clause's, else its sentence's, else its paragraph's."""

    def starting_point(m: Mention) -> bool:
        """从去年底的5000P增加到1.2万P: 去年底 dates the level grown from, not the new one."""
        return any(
            m.end <= q.start <= m.end + 3
            and q.end <= quantity.start
            and _GROWN_TO.search(sentence, q.end, quantity.start) is not None
            for q in clause.quantities
        )

    periods = [m for m in periods if not starting_point(m)]
    # 今年以来 scopes its own clause's flow (今年以来新增约200家), not a later clause's level.
    before = [m for m in periods if m.end <= quantity.start and not m.text.endswith("以来")]
    in_clause = [m for m in periods if clause.start <= m.start < clause.end]
    if in_clause:
        earlier = [m for m in in_clause if m.end <= quantity.start]
        return earlier[-1] if earlier else in_clause[0]
    if before:
        return before[-1]
    if _SAME_PERIOD.match(clause.text) or _SAME_PERIOD.match(sentence[:4]):
        return context.last_period
    part_end = sentence.find("；", clause.end - 1)
    part_end = len(sentence) if part_end < 0 else part_end
    later = [
        m
        for m in periods
        if clause.end <= m.start < part_end and m.carries and m.kind == "explicit"
    ]
    if later and context.paragraph_period is None and context.document_period is None:
        return later[0]  # 已集聚企业1000余家，2024年核心产业规模突破700亿元: the sentence's year
    return context.paragraph_period or context.document_period
