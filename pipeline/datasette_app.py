"""`rapor serve`: Datasette on a Rapor database, read-only, with Rapor's metadata and canned queries.

Pinned to Datasette 0.65 (see pyproject): its canned queries live in metadata, which the 1.0
alphas moved to datasette.yaml. `datasette_ui/` holds Rapor's templates (the start-here view
first, the SQL box on it, an evaluation's page with its article and findings) and its plugin
(links and lists in cells), passed with --template-dir and --plugins-dir, so they apply to this
server only and nothing is registered for other Datasette users of the same environment.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from config import CONFIG_DIR

METADATA = CONFIG_DIR / "datasette" / "metadata.yaml"
UI = Path(__file__).resolve().parent / "datasette_ui"


def metadata_for(db_path: str | Path) -> dict:
    """The metadata with its database section keyed by the served file's name."""
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    metadata["databases"] = {Path(db_path).stem: metadata["databases"]["rapor"]}
    return metadata


def command(db_path: str | Path, metadata_path: str | Path, host: str, port: int) -> list[str]:
    return [sys.executable, "-m", "datasette", "serve", str(db_path), "--metadata", str(metadata_path),
            "--template-dir", str(UI / "templates"), "--plugins-dir", str(UI / "plugins"),
            "--host", host, "--port", str(port), "--setting", "sql_time_limit_ms", "5000",
            "--setting", "default_page_size", "50"]


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    with tempfile.TemporaryDirectory() as folder:
        metadata_path = Path(folder) / "metadata.yaml"
        metadata_path.write_text(yaml.safe_dump(metadata_for(db_path), allow_unicode=True), encoding="utf-8")
        try:
            subprocess.run(command(db_path, metadata_path, host, port), check=False)
        except KeyboardInterrupt:
            pass
