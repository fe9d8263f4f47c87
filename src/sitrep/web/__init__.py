"""``sitrep serve``: the HTTP API and the map/timeline page over an event database.

    app = create_app("sitrep.db")             # a FastAPI app, e.g. for tests or another server
    serve("sitrep.db", port=8000)             # run it with uvicorn on 127.0.0.1:8000
"""

from __future__ import annotations

import logging
from pathlib import Path

from sitrep.errors import ConfigError
from sitrep.web.app import DEFAULT_MAX_REQUEST_BYTES, create_app

log = logging.getLogger("sitrep.web")


def serve(
    db_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    tile_url: str | None = None,
) -> None:
    """Serve the database at ``db_path`` until interrupted (read-only unless ``token`` is set)."""
    import uvicorn

    path = Path(db_path)
    if str(db_path) != ":memory:" and not path.exists():
        raise ConfigError(
            f"no database at {str(path)!r}; create one with `sitrep ingest --db {path} FILES` "
            "or pass another --db"
        )
    if not 0 < port < 65536:
        raise ConfigError(f"port {port} is out of range; use 1..65535")
    app = create_app(path, token=token, tile_url=tile_url)
    if host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("serving on %s: anyone who can reach this address can read the database", host)
    uvicorn.run(app, host=host, port=port, log_level="info")


__all__ = ["DEFAULT_MAX_REQUEST_BYTES", "create_app", "serve"]
