"""The README stays true: CI runs its commands, and it documents every setting and command."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from monitor.core.settings import Settings
from monitor.interfaces.cli import app

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def shell_blocks() -> list[str]:
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", README, re.DOTALL)]


def test_two_setup_commands_install_and_run_demo_and_tests() -> None:
    """The quick start is two one-line commands: one ends in the demo, one in the tests."""
    demo, tests = shell_blocks()[:2]
    assert "\n" not in demo and demo.endswith("monitor demo")
    assert "\n" not in tests and tests.endswith("pytest")


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run contains the README's test command verbatim."""
    tests = shell_blocks()[1]
    assert tests in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    """Each Settings field appears in the README as its MONITOR_ variable."""
    missing = [
        f"MONITOR_{n.upper()}"
        for n in Settings.model_fields
        if f"`MONITOR_{n.upper()}`" not in README
    ]
    assert missing == []


def test_every_command_is_documented() -> None:
    """Each CLI command appears in the README as `monitor <command>`."""
    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        names.extend(f"{name} {s}" for s in sub) if sub else names.append(name)
    missing = [n for n in names if f"`monitor {n}" not in README]
    assert missing == []
