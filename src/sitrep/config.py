"""One :class:`Settings` object, from four layers (later wins):

    packaged defaults  <  user file ($SITREP_CONFIG or ./sitrep.toml)  <  environment  <  --set key=value

Keys: ``db``, ``max_bytes``, ``token``, ``tile_url``, ``batch_size``. The user file is TOML with
the keys at the top level or under a ``[sitrep]`` table; environment variables are
``SITREP_DB``, ``SITREP_MAX_BYTES``, ``SITREP_TOKEN``, ``SITREP_TILE_URL``, ``SITREP_BATCH_SIZE``.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError

CONFIG_ENV = "SITREP_CONFIG"
CONFIG_FILE = "sitrep.toml"
ENV_VARS: Mapping[str, str] = {
    "db": "SITREP_DB",
    "max_bytes": "SITREP_MAX_BYTES",
    "token": "SITREP_TOKEN",
    "tile_url": "SITREP_TILE_URL",
    "batch_size": "SITREP_BATCH_SIZE",
}

_UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9,
          "kib": 2**10, "mib": 2**20, "gib": 2**30}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting sitrep reads; ``origins`` says which layer set each one."""

    db: str = "sitrep.db"  # the event database
    max_bytes: int = 10_000_000  # inputs larger than this are refused
    token: str | None = None  # enables POST /api/documents for holders of this token
    tile_url: str | None = None  # optional online map tiles for `sitrep serve`
    batch_size: int = 32  # documents per extraction batch
    origins: tuple[tuple[str, str], ...] = field(default=(), compare=False)  # (key, "default"|file|env var|"--set")

    def origin(self, key: str) -> str:
        """Where ``key`` got its value: "default", a file path, an environment variable or "--set"."""
        return dict(self.origins).get(key, "default")


KEYS: tuple[str, ...] = tuple(f.name for f in fields(Settings) if f.name != "origins")


def parse_size(value: object, where: str) -> int:
    """A byte count from ``10000000``, ``"10MB"``, ``"512kB"`` or ``"1GiB"``."""
    if isinstance(value, bool):
        raise ConfigError(f"{where}: {value!r} is not a byte count; write e.g. 10000000 or 10MB")
    if isinstance(value, int):
        n = value
    else:
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", str(value))
        unit = m.group(2).lower() if m else ""
        if not m or unit not in _UNITS:
            raise ConfigError(f"{where}: {value!r} is not a byte count; write e.g. 10000000, 10MB or 512kB")
        n = int(float(m.group(1)) * _UNITS[unit])
    if n <= 0:
        raise ConfigError(f"{where}: {value!r} must be a positive size")
    return n


def _coerce(key: str, value: object, where: str) -> object:
    if key == "max_bytes":
        return parse_size(value, where)
    if key == "batch_size":
        try:
            n = int(str(value)) if not isinstance(value, bool) else -1
        except ValueError:
            n = -1
        if n <= 0:
            raise ConfigError(f"{where}: batch_size {value!r} must be a positive whole number")
        return n
    if not isinstance(value, str):
        raise ConfigError(f"{where}: {key} must be a string, got {value!r}")
    if key == "db" and not value.strip():
        raise ConfigError(f"{where}: db must be a file path")
    return value if value != "" or key == "db" else None


def _unknown(key: str, where: str) -> ConfigError:
    return ConfigError(f"{where}: unknown setting {key!r}; known settings: {', '.join(KEYS)}")


def read_config_file(path: str | Path) -> dict[str, object]:
    """The settings a TOML file sets (validated, coerced)."""
    p = Path(path)
    try:
        data: dict[str, Any] = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read config file {str(p)!r}: {exc.strerror}; fix ${CONFIG_ENV} or create the file") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {str(p)!r} is not valid TOML: {exc}") from exc
    if isinstance(data.get("sitrep"), dict):
        data = {**{k: v for k, v in data.items() if k != "sitrep"}, **data["sitrep"]}
    out: dict[str, object] = {}
    for key, value in data.items():
        if key not in KEYS:
            raise _unknown(key, f"config file {str(p)!r}")
        out[key] = _coerce(key, value, f"config file {str(p)!r}")
    return out


def parse_overrides(items: Iterable[str]) -> dict[str, object]:
    """``["db=x.db", "batch_size=8"]`` -> validated values."""
    out: dict[str, object] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip().replace("-", "_")
        if not sep:
            raise ConfigError(f"--set {item!r}: write key=value, e.g. --set db=events.db")
        if key not in KEYS:
            raise _unknown(key, f"--set {item!r}")
        out[key] = _coerce(key, value.strip(), f"--set {item!r}")
    return out


def load_settings(
    overrides: Iterable[str] = (),
    *,
    environ: Mapping[str, str] | None = None,
    config_file: str | Path | None = None,
) -> Settings:
    """Settings from defaults, the user file, the environment and ``key=value`` overrides."""
    env = os.environ if environ is None else environ
    values: dict[str, object] = {}
    origins: dict[str, str] = {}
    path = config_file or env.get(CONFIG_ENV)
    if path:
        found = read_config_file(path)  # an explicitly named file must exist
        origins.update(dict.fromkeys(found, str(path)))
        values.update(found)
    elif Path(CONFIG_FILE).is_file():
        found = read_config_file(CONFIG_FILE)
        origins.update(dict.fromkeys(found, CONFIG_FILE))
        values.update(found)
    for key, var in ENV_VARS.items():
        if env.get(var) not in (None, ""):
            values[key] = _coerce(key, env[var], f"environment variable {var}")
            origins[key] = var
    cli = parse_overrides(overrides)
    values.update(cli)
    origins.update(dict.fromkeys(cli, "--set"))
    return replace(Settings(), **values, origins=tuple(sorted(origins.items())))  # type: ignore[arg-type]


__all__ = ["CONFIG_ENV", "CONFIG_FILE", "ENV_VARS", "KEYS", "Settings", "load_settings", "parse_overrides", "parse_size", "read_config_file"]
