"""Loading targets.toml: the project's own file, and every way a file can be wrong."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from monitor.assessment.targets_file import BUNDLED, load_targets, targets_path
from monitor.core.errors import ConfigError

ROOT = Path(__file__).parent.parent
GOOD = """
[[target]]
id = "sc-core-industry-2027"
metric = "ai_core_industry_scale"
jurisdiction = "cn-sc"
comparator = ">="
value = "2000亿元"
deadline = 2027-12-31
[target.source]
title = "t"
issuer = "i"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "targets.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_project_targets_load() -> None:
    """targets.toml holds every target of DESIGN section 4, with units converted."""
    loaded = load_targets(ROOT / "targets.toml")
    by_id = {t.id: t for t in loaded.targets}
    assert len(by_id) == 17
    assert by_id["sc-core-industry-2027"].value == Decimal("2e11")
    assert by_id["bj-etown-compute-2026"].value == Decimal("1e19")
    assert by_id["sh-compute-2025"].value == Decimal("3e19")
    assert by_id["cn-adoption-2027"].proxy == "genai_penetration_rate"
    assert by_id["cn-adoption-2027"].series_metric == "genai_penetration_rate"
    assert {t.kind for t in loaded.targets} == {"numeric", "directional", "qualitative"}


def test_value_and_unit_may_be_separate(tmp_path: Path) -> None:
    """value = 2000 with unit = "亿元" is the same as value = "2000亿元"."""
    text = GOOD.replace('value = "2000亿元"', 'value = 2000\nunit = "亿元"')
    (target,) = load_targets(write(tmp_path, text)).targets
    assert target.value == Decimal("2e11") and target.unit == "CNY"


def test_metrics_can_be_added_or_retimed(tmp_path: Path) -> None:
    """[[metric]] tables override a catalogue cadence or add a metric."""
    text = GOOD + '\n[[metric]]\nid = "ai_core_industry_scale"\ncadence_days = 90\n'
    text += '\n[[metric]]\nid = "ai_robots"\nunit = "count"\nkind = "level"\n'
    metrics = load_targets(write(tmp_path, text)).metrics
    assert metrics["ai_core_industry_scale"].cadence_days == 90
    assert metrics["ai_robots"].kind == "level"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("ai_core_industry_scale", "ai_nonsense"), "unknown metric 'ai_nonsense'"),
        (
            ('value = "2000亿元"', 'value = "20EFLOPS"'),
            "is in FLOPS, but ai_core_industry_scale is in CNY",
        ),
        (('comparator = ">="\n', ""), "comparator missing"),
        (('comparator = ">="', 'comparator = "≥"'), "comparator must be one of"),
        (("deadline = 2027-12-31", 'deadline = "end of 2027"'), "deadline must be a date"),
        (('jurisdiction = "cn-sc"', 'jurisdiction = "Sichuan"'), "not a slug"),
        (('value = "2000亿元"', 'value = "lots"'), "cannot read the quantity"),
        (("[target.source]\ntitle", "[target.elsewhere]\ntitle"), "source missing"),
        (
            ('id = "second"\n', 'id = "second"\nkind = "qualitative"\n'),
            "needs a description",
        ),
        (("deadline", 'proxy = "nope"\ndeadline'), "unknown proxy metric 'nope'"),
    ],
    ids=[
        "unknown-metric",
        "unit-mismatch",
        "no-comparator",
        "bad-comparator",
        "deadline-text",
        "bad-slug",
        "bad-value",
        "no-source",
        "qualitative-undescribed",
        "unknown-proxy",
    ],
)
def test_malformed_target_names_file_target_and_problem(
    tmp_path: Path, change: tuple[str, str], problem: str
) -> None:
    """A bad target fails with the file, the target id and what is wrong, and nothing loads."""
    path = write(tmp_path, GOOD + GOOD.replace("sc-core-industry-2027", "second").replace(*change))
    with pytest.raises(ConfigError) as caught:
        load_targets(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: target ")
    assert problem in message and "\n" not in message


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    """Two targets with one id fail to load."""
    with pytest.raises(ConfigError, match="'sc-core-industry-2027': duplicate id"):
        load_targets(write(tmp_path, GOOD + GOOD))


@pytest.mark.parametrize(
    ("text", "problem"),
    [("[[target]\nid=", "not valid TOML"), ("[[targets]]\nid = 'x'\n", "unknown top-level")],
)
def test_broken_files_are_refused(tmp_path: Path, text: str, problem: str) -> None:
    """Invalid TOML or an unknown table is a one-line error naming the file."""
    with pytest.raises(ConfigError, match=problem):
        load_targets(write(tmp_path, text))


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    """A targets file that does not exist says so."""
    with pytest.raises(ConfigError, match="cannot read the targets file"):
        load_targets(tmp_path / "nope.toml")


def test_without_a_targets_file_the_shipped_one_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from a directory with no targets.toml, the package's own copy is read."""
    monkeypatch.chdir(tmp_path)
    assert targets_path(None) == BUNDLED
    assert BUNDLED.read_bytes() == (Path(__file__).parent.parent / "targets.toml").read_bytes()
    (tmp_path / "targets.toml").write_text("", encoding="utf-8")
    assert targets_path(None) == Path("targets.toml")
    assert targets_path(tmp_path / "other.toml") == tmp_path / "other.toml"
    assert load_targets(targets_path(None)).targets == ()
