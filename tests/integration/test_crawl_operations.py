"""What operators rely on, against servers on 127.0.0.1: kill -9 and resume, changed pages kept
as revisions, the crawl lock, Retry-After, failures counted, offsite redirects refused, page-size
cap, a zero-yield flag, and two distributed workers on a real Redis."""
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from http.server import ThreadingHTTPServer

import pytest

from rapor import store
from rapor.pipeline.sample_portal import ARTICLES_DIR, SamplePortal
from tests.conftest import ROOT, free_port, run_rapor, sample_env
from tests.fault_server import QuietHandler

pytestmark = pytest.mark.integration
SAMPLE = ("warta-banten", "kabar-serang", "serangkab")


def crawl_process(db_path, origin, *extra):
    return subprocess.Popen([sys.executable, "-m", "rapor.pipeline.cli", "crawl", *SAMPLE, "--db", str(db_path),
                             "--log-level", "WARNING", *extra], cwd=ROOT,
                            env={**os.environ, **sample_env(origin)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stored_urls(db_path) -> list[str]:
    return [r[0] for r in store.open_db(db_path).execute("select url from pages order by url")]


def count_pages_read_only(db_path) -> int:
    """Poll a database another process is writing, without ever taking a lock."""
    import sqlite3
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("select count(*) from pages").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_kill_minus_nine_then_rerun_stores_every_page_exactly_once(tmp_path):
    with SamplePortal(delay=0.6) as portal:
        clean = tmp_path / "clean.db"
        assert crawl_process(clean, portal.origin).wait(timeout=300) == 0
        killed = tmp_path / "killed.db"
        process = crawl_process(killed, portal.origin)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            time.sleep(0.1)
            if killed.exists() and count_pages_read_only(killed) >= 4:
                break
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        partial = stored_urls(killed)
        assert 4 <= len(partial) < 31, f"the crawl was not killed half-way ({len(partial)} pages)"
        pending = store.open_db(killed).execute("select count(*) from frontier where state = 'pending'").fetchone()[0]
        assert pending > 0  # what was discovered but not fetched survived the kill
        assert crawl_process(killed, portal.origin).wait(timeout=300) == 0
    assert stored_urls(killed) == stored_urls(clean)
    assert len(set(stored_urls(killed))) == 31


def test_changed_page_becomes_a_revision_and_unchanged_costs_a_304(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES_DIR, articles)
    db_path = tmp_path / "rapor.db"
    port = free_port()
    with SamplePortal(port=port, articles=articles) as portal:
        assert run_rapor("crawl", "warta-banten", "--db", str(db_path), env=sample_env(portal.origin)).returncode == 0
    edited = articles / "wb-01-cilegon-pekppp.txt"
    edited.write_text(edited.read_text().replace("author: Redaksi Warta", "author: Redaksi Warta\nupdated: 2030-01-02")
                      + "\nRalat: berita ini diperbarui pada 2 Januari.\n")
    touched = articles / "wb-06-banjir-ciujung.txt"
    touched.write_text(touched.read_text().replace("author: Redaksi Warta", "author: Redaksi Warta\nupdated: 2030-01-02"))
    with SamplePortal(port=port, articles=articles) as portal:
        result = run_rapor("crawl", "warta-banten", "--db", str(db_path), env=sample_env(portal.origin))
        assert result.returncode == 0, result.stderr[-2000:]
    db = store.open_db(db_path)
    run = list(db.query("select * from crawl_runs order by id desc limit 1"))[0]
    assert (run["pages_changed"], run["pages_not_modified"], run["pages_new"]) == (1, 1, 0)
    assert db["pages"].count == 11 and db["page_revisions"].count == 1
    revision = db.execute("select p.url from page_revisions r join pages p on p.id = r.page_id").fetchone()[0]
    assert "sekda-cilegon" in revision


def test_two_crawls_never_overlap(tmp_path, sample_portal):
    from filelock import FileLock
    db_path = tmp_path / "rapor.db"
    store.open_db(db_path)
    with FileLock(str(db_path) + ".lock", timeout=0):   # another process's crawl, as filelock takes it
        result = run_rapor("crawl", "warta-banten", "--db", str(db_path), env=sample_env(sample_portal.origin))
    assert result.returncode != 0 and "another crawl is running" in result.stderr
    assert store.open_db(db_path)["pages"].count == 0


# -- a server that fails on purpose ------------------------------------------------------------

class FlakyHandler(QuietHandler):
    hits: dict = {}
    offsite = ""

    def do_GET(self):  # noqa: N802
        FlakyHandler.hits[self.path] = FlakyHandler.hits.get(self.path, 0) + 1
        page = (b"<html><head><title>Berita</title></head><body><article><p>"
                + b"Pemkab Serang meraih nilai 91,16 pada penilaian kepatuhan. " * 20 + b"</p></article></body></html>")
        if self.path == "/robots.txt":
            self.send(200, b"User-agent: *\nDisallow: /berita/rahasia\n")
        elif self.path == "/":
            links = "".join(f'<a href="/berita/{name}">x</a>' for name in
                            ("ok", "sibuk", "rusak", "pindah", "besar", "rahasia"))
            self.send(200, f"<html><body>{links}</body></html>".encode(), [("Content-Type", "text/html")])
        elif self.path == "/berita/ok":
            self.send(200, page, [("Content-Type", "text/html")])
        elif self.path == "/berita/sibuk":   # busy once: asks for a one-second pause
            if FlakyHandler.hits[self.path] == 1:
                self.send(503, b"sibuk", [("Retry-After", "1")])
            else:
                self.send(200, page, [("Content-Type", "text/html")])
        elif self.path == "/berita/rusak":
            self.send(500, b"rusak")
        elif self.path == "/berita/pindah":  # a redirect off the portal's domain
            self.send(302, b"", [("Location", FlakyHandler.offsite + "/berita/ok")])
        elif self.path == "/berita/besar":
            self.send(200, b"<html><body>" + b"x" * (6 * 1024 * 1024) + b"</body></html>", [("Content-Type", "text/html")])
        else:
            self.send(404, b"tidak ada")


def test_failures_are_counted_and_rules_of_politeness_hold(tmp_path, monkeypatch):
    portals = tmp_path / "portals"
    portals.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), FlakyHandler)
    port = server.server_address[1]
    FlakyHandler.hits, FlakyHandler.offsite = {}, f"http://localhost:{port}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    (portals / "flaky.yaml").write_text(
        f"id: flaky\nname: Flaky\nbase_url: http://127.0.0.1:{port}/\nallowed_domains: [127.0.0.1]\n"
        "start_urls: ['']\nallow: ['/berita/']\npoliteness: {delay: 0, concurrency: 4, autothrottle: false}\n")
    db_path = tmp_path / "rapor.db"
    try:
        result = run_rapor("crawl", "flaky", "--db", str(db_path), env={"RAPOR_PORTALS_DIR": str(portals)})
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr[-3000:]
    db = store.open_db(db_path)
    stored = {r[0].rsplit("/", 1)[1] for r in db.execute("select url from pages")}
    assert stored == {"ok", "sibuk"}                       # retried after its Retry-After
    assert FlakyHandler.hits["/berita/sibuk"] == 2
    assert "/berita/rahasia" not in FlakyHandler.hits      # robots.txt obeyed
    run = list(db.query("select * from crawl_runs"))[0]
    errors = json.loads(run["error_counts"])
    assert errors.get("http_500", 0) >= 1 and run["errors"] >= 1
    failed = {r[0].rsplit("/", 1)[1] for r in db.execute("select url from frontier where state = 'failed'")}
    assert "besar" in failed                               # over the page-size cap: refused, remembered
    assert FlakyHandler.hits.get("/berita/ok") == 1        # the offsite redirect was not followed


def test_a_portal_that_yields_nothing_for_several_runs_is_flagged(tmp_path):
    db = store.open_db(tmp_path / "rapor.db")
    for _ in range(3):
        run = store.start_run(db, "sepi")
        store.finish_run(db, run, status="finished", counts={"discovered": 0}, error_counts={}, finish_reason="finished")
    run = store.start_run(db, "ramai")
    store.finish_run(db, run, status="finished", counts={"discovered": 12, "seen": 12, "new": 12}, error_counts={},
                     finish_reason="finished")
    flags = {row["portal"]: row["flagged"] for row in store.portal_summary(db, 3)}
    assert flags == {"sepi": True, "ramai": False}
    result = run_rapor("stats", "--db", str(tmp_path / "rapor.db"))
    assert "no yield in 3 runs" in result.stdout


def test_portals_check_shows_what_a_saved_page_would_yield(tmp_path, sample_portal):
    import urllib.request
    saved = tmp_path / "sitemap.xml"
    saved.write_bytes(urllib.request.urlopen(sample_portal.origin + "/warta-banten/post-sitemap.xml").read())
    result = run_rapor("portals", "check", "warta-banten", "--fixture", str(saved), env=sample_env(sample_portal.origin))
    assert result.returncode == 0, result.stderr
    assert "11 article URLs (11 kept)" in result.stdout and "sekda-cilegon" in result.stdout


def test_portals_check_follows_the_child_sitemaps_of_a_saved_index(tmp_path, sample_portal):
    """A sitemap index lists sitemaps, not articles: its children are fetched from the portal and
    counted as the spider counts them (it once said "1 article URL, kept: no")."""
    import urllib.request
    saved = tmp_path / "sitemap-index.xml"
    saved.write_bytes(urllib.request.urlopen(sample_portal.origin + "/warta-banten/sitemap.xml").read())
    assert b"<sitemapindex" in saved.read_bytes()
    result = run_rapor("portals", "check", "warta-banten", "--fixture", str(saved), env=sample_env(sample_portal.origin))
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "11 article URLs (11 kept)" in out and "from 1 child sitemaps" in out
    assert "child sitemap: followed" in out and "sekda-cilegon" in out
    # a child on a server that is down cannot be read, and that is an error, not "0 articles, fine"
    dead = f"http://127.0.0.1:{free_port()}"
    saved.write_bytes(saved.read_bytes().replace(sample_portal.origin.encode(), dead.encode()))
    failed = run_rapor("portals", "check", "warta-banten", "--fixture", str(saved), env=sample_env(dead))
    assert failed.returncode != 0 and "could not be read" in failed.stderr and "Traceback" not in failed.stderr


def test_portals_check_of_an_unknown_portal_fails():
    result = run_rapor("portals", "check", "nosuch")
    assert result.returncode != 0 and "unknown portal 'nosuch'" in result.stderr and "Traceback" not in result.stderr
    known = run_rapor("portals", "check", "jurnalbanten")
    assert known.returncode == 0 and "jurnalbanten: Jurnal Banten" in known.stdout


def test_a_crawl_that_reads_nothing_and_fails_exits_non_zero(tmp_path):
    """A portal whose server is down: every discovery request fails, so the stage failed."""
    portals = tmp_path / "portals"
    portals.mkdir()
    (portals / "down.yaml").write_text(
        f"id: down\nname: Down\nbase_url: http://127.0.0.1:{free_port()}/\nallowed_domains: [127.0.0.1]\n"
        "sitemaps: [sitemap.xml]\npoliteness: {delay: 0, concurrency: 1, autothrottle: false}\n")
    result = run_rapor("crawl", "down", "--db", str(tmp_path / "rapor.db"), env={"RAPOR_PORTALS_DIR": str(portals)})
    assert result.returncode != 0, result.stdout
    assert "crawl failed: down: nothing could be read" in result.stderr and "Traceback" not in result.stderr
    assert "down: 0 discovered" in result.stdout   # its one summary line still says what happened


def test_stats_on_a_broken_portal_file_exits_non_zero(tmp_path):
    portals = tmp_path / "portals"
    portals.mkdir()
    (portals / "broken.yaml").write_text("id: broken\nname: Broken\nbase_url: http://x/\nallowed_domains: [x]\ncolour: red\n")
    db = store.open_db(tmp_path / "rapor.db")
    db.close()
    result = run_rapor("stats", "--db", str(tmp_path / "rapor.db"), env={"RAPOR_PORTALS_DIR": str(portals)})
    assert result.returncode != 0 and "broken.yaml:5: unknown key 'colour'" in result.stderr
    assert "Traceback" not in result.stderr


# -- distributed -------------------------------------------------------------------------------

def test_two_workers_share_one_frontier_and_every_page_is_stored_once(tmp_path, redis_url):
    import redis
    with SamplePortal(delay=0.05) as portal:
        workers = [crawl_process(tmp_path / f"worker{i}.db", portal.origin, "--redis", redis_url) for i in range(2)]
        outputs = [w.communicate(timeout=300) for w in workers]
    assert all(w.returncode == 0 for w in workers), [o[1][-2000:] for o in outputs]
    assert redis.Redis.from_url(redis_url).llen("rapor:pages") == 31   # each page fetched once
    db_path = tmp_path / "rapor.db"
    result = run_rapor("drain", "--redis", redis_url, "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    urls = stored_urls(db_path)
    assert len(urls) == len(set(urls)) == 31
    assert not (tmp_path / "worker0.db").exists() and not (tmp_path / "worker1.db").exists()
