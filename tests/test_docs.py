"""The README's commands are the ones CI runs, and every command has help."""
from __future__ import annotations

import re

from typer.testing import CliRunner

from extractor.cli import SUBCOMMANDS, commands_app, files_app
from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _bash_blocks() -> list[str]:
    return [b.strip() for b in re.findall(r"```bash\n(.*?)```", README, flags=re.DOTALL)]


def test_readme_has_exactly_the_install_and_test_commands() -> None:
    blocks = _bash_blocks()
    assert len(blocks) == 2
    assert "pip install" in blocks[0] and "extract corpus/" in blocks[0]
    assert "pytest" in blocks[1]


def test_ci_runs_the_readme_commands() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    for command in _bash_blocks():
        assert command in ci


def test_readme_example_file_exists() -> None:
    example = re.search(r"extract (corpus/\S+)", _bash_blocks()[0])
    assert example and (REPO / example.group(1)).is_file()


def test_every_subcommand_is_documented_and_has_help() -> None:
    runner = CliRunner()
    for name in SUBCOMMANDS:
        assert f"extract {name}" in README
        result = runner.invoke(commands_app, [name, "--help"])
        assert result.exit_code == 0 and len(result.output) > 100
    assert runner.invoke(files_app, ["--help"]).exit_code == 0


def test_search_limit_default_matches_the_library() -> None:
    from extractor import cli, search

    assert cli.DEFAULT_LIMIT == search.DEFAULT_LIMIT
