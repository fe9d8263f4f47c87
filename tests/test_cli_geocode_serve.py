"""`sitrep geocode` and `sitrep serve` pass their arguments to the library."""

from __future__ import annotations

from typer.testing import CliRunner

import sitrep.geo
import sitrep.web
from sitrep.cli import app


def test_cli_geocode_prints_explanation(monkeypatch):
    seen = {}

    def fake_geocode(text, **_kw):
        seen["text"] = text
        return ["mention"]

    monkeypatch.setattr(sitrep.geo, "geocode_text", fake_geocode)
    monkeypatch.setattr(sitrep.geo, "explain", lambda mentions: f"explained {len(mentions)} mention")
    result = CliRunner().invoke(app, ["geocode", "Strikes hit Kharkiv and Odesa."])
    assert result.exit_code == 0, result.output
    assert seen["text"] == "Strikes hit Kharkiv and Odesa."
    assert result.stdout.strip() == "explained 1 mention"


def test_cli_serve_passes_settings(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(sitrep.web, "serve", lambda db, **kw: calls.append((db, kw)))
    env = {"SITREP_TOKEN": "s3cret", "SITREP_TILE_URL": "https://tiles.example/{z}/{x}/{y}.png"}
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db"), "--port", "8123"], env=env)
    assert result.exit_code == 0, result.output
    assert calls == [
        (str(tmp_path / "x.db"), {"host": "127.0.0.1", "port": 8123, "token": "s3cret", "tile_url": "https://tiles.example/{z}/{x}/{y}.png"})
    ]
    CliRunner().invoke(app, ["serve", "--token", "cli"], env={"SITREP_DB": "env.db"})
    assert calls[-1][0] == "env.db" and calls[-1][1]["token"] == "cli"
