"""docs/cli.md is generated from the --help texts and must list every command and be current."""

from __future__ import annotations

from pathlib import Path

import typer

from sitrep.cli import app, render_cli_docs

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _commands() -> list[str]:
    root = typer.main.get_command(app)
    ctx = root.context_class(root, info_name="sitrep")
    return [n for n in root.list_commands(ctx) if not root.get_command(ctx, n).hidden]  # type: ignore[attr-defined]


def test_cli_docs_lists_every_command():
    text = DOC.read_text(encoding="utf-8")
    commands = _commands()
    assert {"extract", "ingest", "events", "show", "export", "geocode", "serve"} <= set(commands)
    for name in commands:
        assert f"## sitrep {name}\n" in text, f"docs/cli.md lacks `sitrep {name}`: run `sitrep cli-docs -o docs/cli.md`"


def test_cli_docs_is_current():
    assert DOC.read_text(encoding="utf-8") == render_cli_docs(), (
        "docs/cli.md is stale: run `sitrep cli-docs -o docs/cli.md`"
    )


def test_cli_every_command_has_help():
    root = typer.main.get_command(app)
    ctx = root.context_class(root, info_name="sitrep")
    for name in _commands():
        cmd = root.get_command(ctx, name)  # type: ignore[attr-defined]
        assert cmd.help and len(cmd.help) > 20, name
        for param in cmd.params:
            if param.name not in ("ctx",):
                assert getattr(param, "help", None), f"sitrep {name} {param.name} has no help text"
