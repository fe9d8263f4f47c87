"""Settings: defaults < user file < environment < --set, with errors that name the culprit."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.config import Settings, load_settings, parse_size
from sitrep.errors import ConfigError


def test_cli_settings_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = load_settings(environ={})
    assert s == Settings()
    assert s.db == "sitrep.db" and s.max_bytes == 10_000_000 and s.token is None and s.batch_size == 32
    assert s.origin("db") == "default"


def test_cli_settings_layers(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sitrep.toml").write_text('db = "file.db"\nmax_bytes = "2MB"\ntoken = "file-token"\nbatch_size = 8\n')
    env = {"SITREP_MAX_BYTES": "3MB", "SITREP_TOKEN": "env-token"}
    s = load_settings(["token=cli-token"], environ=env)
    assert (s.db, s.max_bytes, s.token, s.batch_size) == ("file.db", 3_000_000, "cli-token", 8)
    assert s.origin("db") == "sitrep.toml"
    assert s.origin("max_bytes") == "SITREP_MAX_BYTES"
    assert s.origin("token") == "--set"
    assert s.origin("tile_url") == "default"


def test_cli_settings_config_env_and_table(tmp_path):
    path = tmp_path / "custom.toml"
    path.write_text('[sitrep]\ntile_url = "https://tiles.example/{z}/{x}/{y}.png"\n')
    s = load_settings(environ={"SITREP_CONFIG": str(path)})
    assert s.tile_url == "https://tiles.example/{z}/{x}/{y}.png"


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"overrides": ["colour=blue"]}, "unknown setting 'colour'"),
        ({"overrides": ["db"]}, "key=value"),
        ({"overrides": ["batch_size=zero"]}, "batch_size"),
        ({"environ": {"SITREP_MAX_BYTES": "lots"}}, "SITREP_MAX_BYTES"),
        ({"environ": {"SITREP_CONFIG": "/nonexistent/sitrep.toml"}}, "/nonexistent/sitrep.toml"),
    ],
)
def test_cli_settings_errors(tmp_path, monkeypatch, kwargs, message):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=message):
        load_settings(kwargs.get("overrides", ()), environ=kwargs.get("environ", {}))


def test_cli_settings_bad_toml_and_unknown_key(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("db = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(config_file=bad, environ={})
    odd = tmp_path / "odd.toml"
    odd.write_text('database = "x.db"\n')
    with pytest.raises(ConfigError, match="odd.toml.*unknown setting 'database'"):
        load_settings(config_file=odd, environ={})


@pytest.mark.parametrize("text, n", [("10000000", 10_000_000), ("10MB", 10_000_000), ("512kB", 512_000), ("1GiB", 2**30), (42, 42)])
def test_cli_settings_sizes(text, n):
    assert parse_size(text, "test") == n


def test_cli_set_option_reaches_commands(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "chosen.db"
    from sitrep.store import open_store

    open_store(db).close()
    result = CliRunner().invoke(app, ["--set", f"db={db}", "events"], env={"SITREP_DB": str(tmp_path / "other.db")})
    assert result.exit_code == 0, result.output
    assert "0 of 0 events" in result.stdout
    bad = CliRunner().invoke(app, ["--set", "nonsense=1", "events"])
    assert bad.exit_code == 1 and "unknown setting 'nonsense'" in bad.stderr
