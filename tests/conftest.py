"""Shared fixtures: the rules, one extractor, the sample portal on loopback, paths to ../shared."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RAPOR = [sys.executable, "-m", "rapor.pipeline.cli"]
# The sample's portal files are the demo's own, in no configured folder: a test that crawls
# them by name points RAPOR_PORTALS_DIR there, as an operator would at a folder of their own.
SAMPLE_PORTALS_DIR = ROOT / "pipeline" / "sample_portal" / "portals"


def sample_env(origin: str) -> dict:
    """Environment for crawling the sample portal served at `origin` with `rapor crawl ID`."""
    return {"RAPOR_SAMPLE_ORIGIN": origin, "RAPOR_PORTALS_DIR": str(SAMPLE_PORTALS_DIR)}


def shared_path(*parts: str) -> Path:
    """A file from ../shared, or a skip that says why (CI has it; other checkouts may not)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads the shared evaluation material beside the clone")
    return path


@pytest.fixture(scope="session")
def rules():
    from rapor import config
    return config.load_rules()


@pytest.fixture(scope="session")
def extractor(rules):
    from rapor.extract.evaluations import Extractor
    return Extractor(rules)


@pytest.fixture(scope="session")
def sample_portal():
    from rapor.pipeline.sample_portal import SamplePortal
    with SamplePortal() as portal:
        yield portal


@pytest.fixture
def portal_env(sample_portal, monkeypatch):
    """Portal files resolve ${RAPOR_SAMPLE_ORIGIN} to the running sample portal, and its
    portal files are the ones loaded."""
    for name, value in sample_env(sample_portal.origin).items():
        monkeypatch.setenv(name, value)
    return sample_portal.origin


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_rapor(*args: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    """The real CLI in a subprocess (Scrapy's reactor can run only once per process)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([*RAPOR, *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    """The sample portal crawled, extracted and audited into a real SQLite file, once per session."""
    path = tmp_path_factory.mktemp("sample") / "rapor.db"
    env = {"RAPOR_SAMPLE_ORIGIN": f"http://127.0.0.1:{free_port()}"}
    for args in (("demo", "--db", str(path)), ("audit", "--db", str(path))):
        result = run_rapor(*args, env=env)
        assert result.returncode == 0, result.stderr[-3000:]
    return path


def chromium() -> str:
    """Debian's chromium (installed by .ci/run); without it the browser tests skip, except in CI."""
    import shutil
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run should have installed it")
        pytest.skip("chromium is not installed (apt-get install chromium); browser tests skipped")
    return found


def browser(url: str, *, screenshot: Path | None = None, size: str = "1280,1600") -> str:
    """Render a page in headless Chromium; return its DOM after scripts ran, save a screenshot."""
    profile = Path(os.environ.get("TMPDIR", "/tmp")) / f"rapor-chromium-{os.getpid()}"
    flags = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", f"--window-size={size}"]
    if screenshot:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([*flags, f"--screenshot={screenshot}", url], capture_output=True, timeout=120, check=True)
    result = subprocess.run([*flags, "--dump-dom", url], capture_output=True, text=True, timeout=120, check=True)
    return result.stdout


ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture
def redis_url(tmp_path):
    """A real redis-server of our own on a free loopback port, with no persistence, for one test."""
    server = shutil.which("redis-server")
    if not server:
        if os.environ.get("CI"):
            pytest.fail("redis-server is not installed: .ci/run should have installed it")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    process = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                                "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)
