"""`rapor serve` stopped by a signal takes Datasette and its temporary folder with it (issue 11,
item 8): the real command, a real Datasette, a real port."""
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, free_port

pytestmark = pytest.mark.integration


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return True
    except OSError:
        return False


def started_serve(db_path, port: int) -> tuple[subprocess.Popen, int, Path]:
    """`rapor serve` answering on `port`: (its process, Datasette's pid, the metadata folder)."""
    process = subprocess.Popen([sys.executable, "-m", "rapor.pipeline.cli", "serve", "--db", str(db_path), "--port", str(port)],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("rapor serve did not start: " + process.communicate()[1][-2000:])
    [child] = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
    argv = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
    metadata = Path(argv[argv.index(b"--metadata") + 1].decode())
    assert "datasette" in b" ".join(argv).decode() and metadata.exists()
    return process, int(child), metadata.parent


def gone_within(check, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not check():
            return True
        time.sleep(0.1)
    return False


def test_sigterm_stops_datasette_and_removes_its_folder(sample_db):
    port = free_port()
    process, datasette, folder = started_serve(sample_db, port)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert not alive(datasette)
    assert not answers(port)
    assert not folder.exists()


def test_sigkill_of_serve_still_stops_datasette(sample_db):
    """No handler sees a SIGKILL: the kernel tells Datasette instead (its parent-death signal).
    The metadata folder is left in the temp dir then; nothing can remove it at that moment."""
    port = free_port()
    process, datasette, folder = started_serve(sample_db, port)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert gone_within(lambda: alive(datasette)), "Datasette outlived a killed `rapor serve`"
    assert gone_within(lambda: answers(port))
    shutil.rmtree(folder, ignore_errors=True)  # the test's own leftover, not the product's claim
