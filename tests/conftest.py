"""Shared fixtures: the rules, one extractor, the sample portal on loopback, paths to ../shared."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RAPOR = [sys.executable, "-m", "pipeline.cli"]


def shared_path(*parts: str) -> Path:
    """A file from ../shared, or a skip that says why (CI has it; other checkouts may not)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads the shared evaluation material beside the clone")
    return path


@pytest.fixture(scope="session")
def rules():
    import config
    return config.load_rules()


@pytest.fixture(scope="session")
def extractor(rules):
    from extract.evaluations import Extractor
    return Extractor(rules)


@pytest.fixture(scope="session")
def sample_portal():
    from pipeline.sample_portal import SamplePortal
    with SamplePortal() as portal:
        yield portal


@pytest.fixture
def portal_env(sample_portal, monkeypatch):
    """Portal files resolve ${RAPOR_SAMPLE_ORIGIN} to the running sample portal."""
    monkeypatch.setenv("RAPOR_SAMPLE_ORIGIN", sample_portal.origin)
    return sample_portal.origin


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_rapor(*args: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    """The real CLI in a subprocess (Scrapy's reactor can run only once per process)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([*RAPOR, *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=timeout)
