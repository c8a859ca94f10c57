"""Generated statements come back as the figure they state, whatever the wording's form.

A small grammar writes one statement from a metric, a value, a period and a qualifier, in any
order the language allows (subject before the number, or the count before the noun), in
simplified or traditional characters, with full-width digits, or with the stray spaces of
PDF text; the reader must return exactly that figure.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import opencc
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.extract.reader import extract

PUBLISHED = date(2025, 12, 15)
D = Decimal


@dataclass(frozen=True)
class Form:
    metric: str
    template: str  # {q} the qualifier word, {n} the number, {tail} 以上/左右
    scale: str
    factor: Decimal


FORMS = (
    Form("internet_users", "我国网民规模{verb}{q}{n}亿人{tail}", "亿", D(10) ** 8),
    Form("genai_users", "我国生成式人工智能用户规模{verb}{q}{n}亿人{tail}", "亿", D(10) ** 8),
    Form("genai_users", "全国生成式AI用户{verb}{q}{n}亿{tail}", "亿", D(10) ** 8),
    Form(
        "ai_core_industry_scale", "我国人工智能核心产业规模{verb}{q}{n}亿元{tail}", "亿", D(10) ** 8
    ),
    Form("ai_enterprises", "我国人工智能企业数量{verb}{q}{n}家{tail}", "", D(1)),
    Form("ai_enterprises", "我国已有{q}{n}家{tail}人工智能企业", "", D(1)),
    Form("genai_services_filed", "全国已有{q}{n}款{tail}生成式人工智能服务完成备案", "", D(1)),
    Form("compute_intelligent", "我国智能算力规模{verb}{q}{n}EFLOPS{tail}", "", D(10) ** 18),
    Form("compute_intelligent", "我国智算规模{verb}{q}{n}P{tail}", "", D(10) ** 15),
    Form("large_models_released", "我国已发布{q}{n}个{tail}大模型", "", D(1)),
)
QUALIFIERS = (("", "", "eq"), ("超过", "", "gt"), ("约", "", "approx"), ("", "以上", "gt"),
              ("近", "", "approx"), ("突破", "", "gt"))  # fmt: skip


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@st.composite
def periods(draw: st.DrawFn) -> tuple[str, date]:
    """A period as texts write it, and the date it stands for (published 2025-12-15)."""
    year = draw(st.integers(2023, 2025))
    month = draw(st.integers(1, 11))
    return draw(
        st.sampled_from(
            [
                (f"截至{year}年{month}月底，", _month_end(year, month)),
                (f"{year}年上半年，", date(year, 6, 30)),
                (f"{year}年前三季度，", date(year, 9, 30)),
                (f"{year}年，", date(year, 12, 31)),
                (f"截至{month}月，", _month_end(2025, month)),
                (f"1-{month}月，", _month_end(2025, month)),
                ("去年底，", date(2024, 12, 31)),
                ("目前，", PUBLISHED),
            ]
        )
    )


@st.composite
def statements(draw: st.DrawFn) -> tuple[str, tuple[str, Decimal, date, str]]:
    form = draw(st.sampled_from(FORMS))
    before, tail, qualifier = draw(st.sampled_from(QUALIFIERS))
    if form.template.endswith("{tail}") is False and tail:
        qualifier = "gt"
    number = draw(st.integers(11, 9999)) if not form.scale else draw(st.integers(101, 1999))
    written = f"{number}" if not form.scale else f"{number / 100:.2f}"
    value = D(written) * form.factor
    verb = draw(st.sampled_from(["达到", "达", "为", "已达"]))
    period, as_of = draw(periods())
    text = period + form.template.format(verb=verb, q=before, n=written, tail=tail) + "。"
    return text, (form.metric, value, as_of, qualifier)


def _read(text: str) -> list[tuple[str, Decimal, date | None, str]]:
    found = extract(text, published=PUBLISHED, jurisdiction="cn")
    return [(c.metric, c.value, c.as_of, c.qualifier) for c in found]


def _same(found: list[tuple[str, Decimal, date | None, str]], want: tuple[object, ...]) -> bool:
    return (
        len(found) == 1
        and found[0][0] == want[0]
        and found[0][1] == want[1]
        and (found[0][2:] == want[2:])
    )


@settings(max_examples=300, deadline=None)
@given(statements())
def test_statement_variants_read_back(case: tuple[str, tuple[str, Decimal, date, str]]) -> None:
    """Every generated statement gives its metric, value, date and qualifier, and only it."""
    text, want = case
    assert _same(_read(text), want), text


_TRADITIONAL = opencc.OpenCC("s2t")
_WIDE = str.maketrans("0123456789.", "０１２３４５６７８９．")


@settings(max_examples=150, deadline=None)
@given(statements(), st.sampled_from(["traditional", "full-width", "pdf-spacing"]))
def test_script_and_typography_do_not_change_the_figure(
    case: tuple[str, tuple[str, Decimal, date, str]], variant: str
) -> None:
    """Traditional characters, full-width digits and PDF spacing read as the plain statement."""
    text, want = case
    if variant == "traditional":
        text = _TRADITIONAL.convert(text)
    elif variant == "full-width":
        text = text.translate(_WIDE)
    else:
        spaced = []
        for a, b in zip(text, text[1:] + " ", strict=True):
            spaced.append(a + (" " if a.isdigit() != b.isdigit() and b != " " else ""))
        text = "".join(spaced)
    assert _same(_read(text), want), text


@settings(max_examples=100, deadline=None)
@given(statements())
def test_a_target_or_an_increment_is_never_a_figure(
    case: tuple[str, tuple[str, Decimal, date, str]],
) -> None:
    """The same statement as a target (到2027年…) or an increment (新增…) gives nothing."""
    text, _ = case
    body = text.split("，", 1)[1]
    for trap in (f"到2027年，{body}", f"到2030年，力争{body}"):
        assert _read(trap) == [], trap
