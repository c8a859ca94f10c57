"""The honest extraction corpus (tests/fixtures/extraction) is whole and its labels are sound.

bench/extract_accuracy.py scores the reader against these labels; a label with a metric the
catalogue lacks, a value that is not a number, or a quote the page does not contain would make
that score a lie. This checks the corpus, never the reader.
"""

from __future__ import annotations

import datetime
import html
import re
import tomllib
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

from monitor.core.catalogue import METRICS
from monitor.core.places import SLUG

CORPUS = Path(__file__).parent / "fixtures" / "extraction"
SPLITS = tomllib.loads((CORPUS / "splits.toml").read_text(encoding="utf-8"))
DRAFTS = sorted(p.stem for p in (CORPUS / "drafts").glob("*.toml"))
LABEL_FILES = sorted((CORPUS / "labels").rglob("*.toml"))
QUALIFIERS = {"eq", "gt", "lt", "approx", "estimate"}
_GAP = re.compile(r"[\s|\u00a0\u3000]")


def _draft(page_id: str) -> dict[str, object]:
    return tomllib.loads((CORPUS / "drafts" / f"{page_id}.toml").read_text(encoding="utf-8"))


def _page_words(page_id: str) -> str:
    draft = _draft(page_id)
    text = html.unescape(re.sub(r"<[^>]+>", "", f"{draft['title']}{draft['body']}"))
    return _GAP.sub("", text)


def test_splits_partition_the_drafts() -> None:
    """Every draft is in exactly one split, and every split id has a draft."""
    tune, test = set(SPLITS["tune"]), set(SPLITS["test"])
    assert not tune & test
    assert tune | test == set(DRAFTS)


@pytest.mark.parametrize("page_id", DRAFTS)
def test_every_page_is_built_and_labelled(page_id: str) -> None:
    """Each draft has its built page and a label file; a test page also has both passes."""
    assert len(list((CORPUS / "pages").glob(f"{page_id}.*"))) == 1
    assert (CORPUS / "labels" / f"{page_id}.toml").is_file()
    if page_id in SPLITS["test"]:
        for labelling in ("pass1", "pass2"):
            assert (CORPUS / "labels" / labelling / f"{page_id}.toml").is_file()


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_labels_are_well_formed(path: Path) -> None:
    """Each figure names a catalogue metric, a slug, a number, a date, a qualifier, and a quote
    found in its page."""
    label = tomllib.loads(path.read_text(encoding="utf-8"))
    assert label["page"] == path.stem and label["labeller"]
    words = _page_words(path.stem)
    for figure in label.get("figure", []):
        assert figure["metric"] in METRICS, figure
        assert SLUG.fullmatch(figure["jurisdiction"]), figure
        try:
            Decimal(figure["value"])
        except InvalidOperation:
            pytest.fail(f"value is not a number: {figure}")
        assert isinstance(figure["as_of"], datetime.date), figure
        assert figure["qualifier"] in QUALIFIERS, figure
        assert _GAP.sub("", figure["quote"]) in words, figure
