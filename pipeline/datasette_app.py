"""`rapor serve`: Datasette on a Rapor database, read-only, with Rapor's metadata and canned queries.

Pinned to Datasette 0.65 (see pyproject): its canned queries live in metadata, which the 1.0
alphas moved to datasette.yaml. `datasette_ui/` holds Rapor's templates (the start-here view
first, the SQL box on it, an evaluation's page with its article and findings) and its plugin
(links and lists in cells), passed with --template-dir and --plugins-dir, so they apply to this
server only and nothing is registered for other Datasette users of the same environment.
"""
from __future__ import annotations

import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from rapor.config import CONFIG_DIR

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


class _Stop(Exception):
    """SIGTERM or SIGHUP reached `rapor serve`."""


def _stop_on_signal(signum, frame):
    raise _Stop(signum)


def _die_with_parent() -> None:
    """In the Datasette child, before exec: the kernel sends it SIGTERM when `rapor serve`
    dies, even by SIGKILL, which no handler of ours sees (Linux only; elsewhere a no-op)."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> int:
    """Run Datasette until it ends or this process is told to stop (Ctrl-C, SIGTERM, SIGHUP):
    then Datasette is stopped too and the temporary metadata folder removed. Without the
    handlers a SIGTERM ended Python at once, leaving Datasette on its port and the folder
    behind (issue 11)."""
    with tempfile.TemporaryDirectory(prefix="rapor-serve-") as folder:
        metadata_path = Path(folder) / "metadata.yaml"
        metadata_path.write_text(yaml.safe_dump(metadata_for(db_path), allow_unicode=True), encoding="utf-8")
        previous = {sig: signal.signal(sig, _stop_on_signal) for sig in (signal.SIGTERM, signal.SIGHUP)}
        process = None
        try:
            process = subprocess.Popen(command(db_path, metadata_path, host, port), preexec_fn=_die_with_parent)
            return process.wait()
        except (KeyboardInterrupt, _Stop):
            return 0
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
