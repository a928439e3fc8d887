"""A real crawl of the hostile portal in `tests/fault_server.py` (127.0.0.1, with an outside host on
127.0.0.2): every URL ends stored or counted with its reason, the good pages are all stored,
nothing off the portal is requested, and the crawl's memory stays bounded (issue 11, items 1
and 7)."""
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from rapor import store
from tests.conftest import ROOT
from tests.fault_server import FAILING, GOOD, FaultPortal

pytestmark = pytest.mark.integration
# A crawl of the sample portal peaks near 100 MB here; a 200 MB gzip bomb and 20 MB bodies must
# not add their size to that.
MAX_RSS_MB = 200


class ProcessWatch:
    """While a process runs: its peak resident memory, read from /proc (VmHWM, the kernel's
    high-water mark of the process's own memory), and every TCP port it listens on. `getrusage`
    would not do for memory: a child's ru_maxrss starts from its parent's size at fork."""

    def __init__(self, pid: int):
        self.pid, self.peak_kb, self.listening = pid, 0, set()
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _listening_ports(self) -> set[int]:
        inodes = set()
        for fd in Path(f"/proc/{self.pid}/fd").iterdir():
            target = os.readlink(fd)
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
        ports = set()
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            for row in Path(table).read_text().splitlines()[1:]:
                fields = row.split()
                if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                    ports.add(int(fields[1].rsplit(":", 1)[1], 16))
        return ports

    def _watch(self) -> None:
        while not self.done.is_set():
            try:
                status = Path(f"/proc/{self.pid}/status").read_text()
                self.listening |= self._listening_ports()
            except OSError:
                return
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    self.peak_kb = max(self.peak_kb, int(line.split()[1]))
            self.done.wait(0.05)

    def stop(self) -> "ProcessWatch":
        self.done.set()
        self.thread.join()
        return self


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("faults")
    portals = folder / "portals"
    portals.mkdir()
    with FaultPortal(folder / "site") as portal:
        (portals / "faults.yaml").write_text(portal.portal_file())
        db_path = folder / "rapor.db"
        env = {**os.environ, "RAPOR_PORTALS_DIR": str(portals), "SCRAPY_SETTINGS_MODULE": "tests.fault_settings"}
        args = [sys.executable, "-m", "rapor.pipeline.cli", "crawl", "faults", "--db", str(db_path), "--log-level", "WARNING"]
        process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        watch = ProcessWatch(process.pid)
        _, err = process.communicate(timeout=300)
        watch.stop()
        yield {"portal": portal, "db": store.open_db(db_path), "returncode": process.returncode, "stderr": err,
               "peak_rss_mb": watch.peak_kb / 1024, "listening": watch.listening}


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_the_crawl_ends_and_books_its_run(crawled):
    assert crawled["returncode"] == 0, crawled["stderr"][-3000:]
    [run] = list(crawled["db"].query("select * from crawl_runs"))
    assert run["status"] == "finished"


def test_every_good_page_is_stored(crawled):
    stored = {path_of(url) for (url,) in crawled["db"].execute("select url from pages")}
    assert stored == GOOD


def test_every_failing_url_is_counted_once_with_its_reason(crawled):
    db = crawled["db"]
    frontier = {path_of(url): (state, error) for url, state, error in
                db.execute("select url, state, last_error from frontier where url like 'http%'")}
    for path, reason in FAILING.items():
        state, error = frontier[path]
        assert state == "failed" and error.startswith(reason + ":"), (path, state, error)
    [run] = list(db.query("select * from crawl_runs"))
    counts = json.loads(run["error_counts"])
    expected = {"refused_scheme": 4, "refused_offsite": 1}  # the sitemap's own forbidden URLs, refused at discovery
    for reason in FAILING.values():
        expected[reason] = expected.get(reason, 0) + 1
    assert counts == expected                      # one URL, one reason: nothing left silently pending
    assert run["pages_failed"] == run["errors"] == len(FAILING) + len(crawled["portal"].forbidden_in_sitemap())
    # a URL per reason, not an attempt: the 500 was asked for three times and is one failure
    assert crawled["portal"].hits["/berita/always-500"] == 3 and counts["http_500"] == 1


def test_urls_outside_http_or_the_portal_are_refused_at_discovery_and_never_requested(crawled):
    db, portal = crawled["db"], crawled["portal"]
    refused = dict(db.execute("select url, last_error from frontier where state = 'refused'"))
    assert len(refused) == len(portal.forbidden_in_sitemap())
    assert sorted(refused.values()) == ["refused_offsite"] + ["refused_scheme"] * 4
    assert portal.outside_hits == []            # not even a robots.txt was asked of 127.0.0.2
    assert portal.ftp_knocks == 0
    for (body,) in db.execute("select html_zlib from pages"):
        assert FaultPortal.SECRET.encode() not in store.inflate(body)


def test_a_page_is_not_fetched_again_after_the_crawl_counted_it(crawled):
    hits = crawled["portal"].hits
    assert hits["/berita/ok-1"] == 1 and hits["/berita/retry-after-503"] == 2 and hits["/berita/retry-after-429"] == 2
    assert hits["/berita/loop-a"] == 1 and hits["/berita/loop-b"] == 1


def test_memory_stays_bounded(crawled):
    print(f"\nfault crawl peak RSS: {crawled['peak_rss_mb']:.0f} MB")
    assert crawled["peak_rss_mb"] < MAX_RSS_MB


def test_stored_oddities_read_as_they_should(crawled):
    """The lying charset is read by its bytes; the binary 200 is kept but is no article."""
    from rapor.extract.article import NotHTML, html_to_article
    db = crawled["db"]
    pages = {path_of(row["url"]): row for row in db.query("select id, url, content_type from pages")}
    lying = pages["/berita/lying-charset"]
    article = html_to_article(store.page_body(db, lying["id"]), lying["url"], lying["content_type"])
    assert "ú ñ — lying" in article.title
    binary = pages["/berita/binary"]
    with pytest.raises(NotHTML):
        html_to_article(store.page_body(db, binary["id"]), binary["url"], binary["content_type"])


def test_the_crawl_opens_no_port(crawled):
    """Scrapy's telnet console and 2.19's remote control (which executes Python) are off."""
    assert crawled["listening"] == set()
