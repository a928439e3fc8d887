"""Writers that meet another writer wait their turn, and say truthfully when they give up; a full
disk is a failure that loses nothing (issue 11, items 5 and 6). Real processes on a real SQLite
file; the full disk is a real one, a small tmpfs mounted in a private mount namespace."""
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time

import pytest

from rapor import store
from rapor.pipeline.sample_portal import SamplePortal
from tests.conftest import ROOT, run_rapor, sample_env
from tests.integration.test_crawl_operations import SAMPLE, crawl_process, stored_urls
from tests.integration.test_kills import count_read_only, rapor_process

pytestmark = pytest.mark.integration


def test_extracts_during_a_crawl_and_beside_each_other_wait_their_turn(tmp_path):
    """Two extracts at a time, round after round, while a crawl writes pages without pause: every
    one of them waits for the others' transactions and ends well (issue 11: they failed at once)."""
    from bench.corpus import make_corpus
    portals, db_path = tmp_path / "portals", tmp_path / "rapor.db"
    portals.mkdir()
    rounds_beside_the_crawl = 0
    with SamplePortal(stories=make_corpus(300), delay=0.1) as portal:  # at most 40 pages a second: 8 s or more
        (portals / "busy.yaml").write_text(
            f"id: busy\nname: Busy\nbase_url: {portal.origin}/warta-banten/\nallowed_domains: [127.0.0.1]\n"
            "sitemaps: [post-sitemap.xml]\nallow: ['/warta-banten/\\d{4}/\\d{2}/\\d{2}/[^/]+/$']\n"
            "politeness: {delay: 0, concurrency: 4, autothrottle: false}\n")
        env = {"RAPOR_PORTALS_DIR": str(portals)}
        crawl = rapor_process("crawl", "busy", "--db", str(db_path), "--log-level", "WARNING", env=env)
        deadline = time.monotonic() + 120
        while count_read_only(db_path, "pages") < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        while crawl.poll() is None:
            extracts = [rapor_process("extract", "--db", str(db_path), env=env) for _ in range(2)]
            for extract in extracts:
                out, err = extract.communicate(timeout=600)
                assert extract.returncode == 0, err[-2000:]
                assert "busy" not in err and "Extraction:" in out
            rounds_beside_the_crawl += crawl.poll() is None
        _, crawl_err = crawl.communicate(timeout=300)
    assert crawl.returncode == 0, crawl_err[-2000:]
    assert rounds_beside_the_crawl >= 1, "the crawl ended before two extracts ran beside it: slow the portal down"
    assert count_read_only(db_path, "pages") == 300
    print(f"\n{rounds_beside_the_crawl} rounds of two extracts ran beside the crawl, none failed")


def test_a_writer_that_gives_up_says_how_long_it_really_waited(tmp_path):
    db_path = tmp_path / "rapor.db"
    store.open_db(db_path).close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("begin immediate")  # another process's write transaction, held
    try:
        started = time.monotonic()
        result = run_rapor("extract", "--db", str(db_path), env={"RAPOR_BUSY_TIMEOUT": "1.5"})
        elapsed = time.monotonic() - started
    finally:
        holder.rollback()
        holder.close()
    assert result.returncode != 0 and "Traceback" not in result.stderr
    said = re.search(r"busy with another writer; gave up after waiting ([\d.]+) s \(busy timeout 1.5 s", result.stderr)
    assert said, result.stderr
    assert 1.5 <= float(said.group(1)) <= elapsed          # it did wait, and says so, no more than it did


# -- a full disk -------------------------------------------------------------------------------

SMALL_DISK = "1m"  # room for the schema and a few dozen commits: the disk fills half-way through the crawl


def in_small_disk(folder, out, command: list[str], env: dict) -> subprocess.CompletedProcess:
    """Run `command` with `folder` a tmpfs of SMALL_DISK, visible to it alone (a private mount
    namespace: nothing on the machine is touched, and the mount goes with the command); copy
    what it left there to `out`. Exit 97: the tmpfs could not be mounted."""
    script = f'mount -t tmpfs -o size={SMALL_DISK} tmpfs "$1" || exit 97; dir="$1"; out="$2"; shift 2; ' \
             '"$@"; rc=$?; cp -a "$dir/." "$out/"; exit $rc'
    return subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh",
                           str(folder), str(out), *command], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **env})


@pytest.fixture
def small_disk(tmp_path):
    """A folder that is a tiny tmpfs for one command, or a skip saying why it cannot be had."""
    if not shutil.which("unshare"):
        pytest.skip("unshare (util-linux) is not installed: no private mount for a small disk")
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c",
                            f'mount -t tmpfs -o size=64k tmpfs "{tmp_path}"'], capture_output=True, text=True)
    if probe.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"cannot mount a tmpfs in a private namespace in CI: {probe.stderr.strip()}")
        pytest.skip(f"cannot mount a small tmpfs here (needs root or user namespaces): {probe.stderr.strip()}")
    (tmp_path / "small").mkdir()
    (tmp_path / "copied").mkdir()
    return tmp_path


def test_a_full_disk_fails_the_crawl_and_loses_no_page(small_disk):
    small, copied = small_disk / "small", small_disk / "copied"
    with SamplePortal(delay=0.02) as portal:
        full = in_small_disk(small, copied, [sys.executable, "-m", "rapor.pipeline.cli", "crawl", *SAMPLE,
                                             "--db", str(small / "rapor.db"), "--log-level", "WARNING"],
                             sample_env(portal.origin))
        assert full.returncode not in (0, 97), full.stderr[-3000:]
        said = full.stderr.strip().splitlines()[-1]
        assert said.startswith("error: ") and "the disk (or the database's size limit) is full" in said, said
        db_path = copied / "rapor.db"
        assert db_path.exists(), "nothing was copied out of the small disk"
        db = sqlite3.connect(db_path)  # as it was left: store.open_db would close the dead process's runs
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
        partial = [url for (url,) in db.execute("select url from pages")]
        assert len(partial) < 31
        frontier = dict(db.execute("select url, state from frontier").fetchall())
        assert {url for url, state in frontier.items() if state == "fetched"} == set(partial)  # none marked done unstored
        waiting = [url for url, state in frontier.items() if state == "pending"]
        assert waiting                                           # what the disk refused stays pending
        statuses = {status for (status,) in db.execute("select status from crawl_runs")}
        assert statuses - {"finished"}                           # a portal's run failed (or could not even say so)
        db.close()
        again = crawl_process(db_path, portal.origin)               # space again: the same database
        _, err = again.communicate(timeout=300)
        assert again.returncode == 0, err[-2000:]
    urls = stored_urls(db_path)
    assert len(urls) == len(set(urls)) == 31 and set(partial) <= set(urls)
    left = store.open_db(db_path).execute("select count(*) from crawl_runs where status = 'running'").fetchone()[0]
    assert left == 0
    print(f"\nfull disk ({SMALL_DISK}): crawl exit {full.returncode}, {len(partial)} of 31 pages stored, "
          f"{len(waiting)} left pending; with space again, 31 stored once\n{said}")


def test_a_full_disk_stops_the_drain_with_the_page_kept_in_redis(small_disk, redis_url):
    import redis

    from rapor.pipeline.drain import PROCESSING, QUEUE
    from tests.integration.test_kills import queue_pages
    server = redis.Redis.from_url(redis_url)
    expected = queue_pages(server, 2000)
    small, copied = small_disk / "small", small_disk / "copied"
    full = in_small_disk(small, copied, [sys.executable, "-m", "rapor.pipeline.cli", "drain", "--redis", redis_url,
                                         "--db", str(small / "rapor.db")], {})
    assert full.returncode not in (0, 97) and "full" in full.stderr.strip().splitlines()[-1], full.stderr[-2000:]
    stored = len(stored_urls(copied / "rapor.db"))
    assert 0 < stored < 2000
    assert server.llen(PROCESSING) == 1 and server.llen(QUEUE) == 2000 - stored - 1  # the refused page waits
    again = run_rapor("drain", "--redis", redis_url, "--db", str(copied / "rapor.db"))
    assert again.returncode == 0, again.stderr[-2000:]
    assert "recovered 1" in again.stdout
    db = store.open_db(copied / "rapor.db")
    assert dict(db.execute("select url, sha256 from pages").fetchall()) == expected and db["pages"].count == 2000
    assert server.llen(PROCESSING) == server.llen(QUEUE) == 0
    print(f"\nfull disk ({SMALL_DISK}) under a drain: {stored} of 2000 stored, 1 kept in processing; "
          "after space was freed, 2000 stored once")
