"""The real spider over HTTP on 127.0.0.1, into a real SQLite file, then extraction."""
import os
import subprocess
import sys

import pytest

from rapor import store
from tests.conftest import ROOT, free_port, run_rapor, sample_env

pytestmark = pytest.mark.integration

SAMPLE_PORTALS = ("warta-banten", "kabar-serang", "serangkab")

# The facts of the user's two seed documents, as the sample portal retells them:
# (entity, score, scheme, year, predicate) for each.
SEED_FACTS = [
    ("Pemerintah Kota Cilegon", 77.73, "ombudsman_compliance", 2021, "kepatuhan sedang"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Cilegon", 4.22, "pekppp", 2022, "sangat baik"),
    ("Dinas Kependudukan dan Pencatatan Sipil Kota Cilegon", 4.22, "pekppp", 2022, "sangat baik"),
    ("Dinas Sosial Kabupaten Serang", 94.62, "ombudsman_compliance", 2024, "zona hijau, kualitas tertinggi"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Serang", 91.16, "ombudsman_compliance", 2024,
     "zona hijau, kualitas tertinggi"),
    ("Dinas Pendidikan dan Kebudayaan Kabupaten Serang", 89.44, "ombudsman_compliance", 2024, "zona hijau, kualitas tertinggi"),
    ("Dinas Kependudukan dan Pencatatan Sipil Kabupaten Serang", 89.94, "ombudsman_compliance", 2024,
     "zona hijau, kualitas tertinggi"),
    ("UPT Puskesmas Pontang Kabupaten Serang", 93.44, "ombudsman_compliance", 2024, "zona hijau, kualitas tertinggi"),
    ("UPT Puskesmas Pabuaran Kabupaten Serang", 93.30, "ombudsman_compliance", 2024, "zona hijau, kualitas tertinggi"),
]


def assert_seed_facts(db):
    rows = store.evaluations_with_provenance(db)
    for entity, score, scheme, year, predicate in SEED_FACTS:
        match = [r for r in rows if r["entity"] == entity and r["score"] == score]
        assert match, f"missing {entity} {score}"
        row = match[0]
        assert (row["scheme"], row["year"], row["predicate"]) == (scheme, year, predicate), row
        assert row["quote"] and row["url"].startswith("http://127.0.0.1:")
        text = db.execute("select text from articles where url = ?", [row["url"]]).fetchone()[0]
        assert text[row["start"]:row["end"]] == row["quote"]


def test_crawl_all_sample_portals_then_again_then_extract(tmp_path, sample_portal):
    db_path = tmp_path / "rapor.db"
    env = sample_env(sample_portal.origin)
    first = run_rapor("crawl", *SAMPLE_PORTALS, "--db", str(db_path), "--log-level", "WARNING", env=env)
    assert first.returncode == 0, first.stderr[-3000:]
    db = store.open_db(db_path)
    pages = {row["portal"]: row["n"] for row in db.query("select portal, count(*) n from pages group by portal")}
    assert pages == {"warta-banten": 11, "kabar-serang": 11, "serangkab": 9}
    runs = list(db.query("select * from crawl_runs"))
    assert [r["status"] for r in runs] == ["finished"] * 3 and sum(r["pages_new"] for r in runs) == 31
    assert all(r["errors"] == 0 for r in runs)

    second = run_rapor("crawl", *SAMPLE_PORTALS, "--db", str(db_path), "--log-level", "WARNING", env=env)
    assert second.returncode == 0, second.stderr[-3000:]
    assert db["pages"].count == 31
    latest = list(db.query("select * from crawl_runs where id > 3"))
    # a second run fetches nothing it already has: every article URL is known and unchanged
    assert sum(r["pages_seen"] for r in latest) == 0
    assert sum(r["pages_skipped_known"] for r in latest) >= 31

    extracted = run_rapor("extract", "--db", str(db_path))
    assert extracted.returncode == 0, extracted.stderr[-3000:]
    assert db["articles"].count == 31
    assert_seed_facts(db)
    count = db["evaluations"].count
    again = run_rapor("extract", "--db", str(db_path))
    assert "31 unchanged since last extraction" in again.stdout
    assert db["evaluations"].count == count
    everything = "select entity, score, quote from evaluations order by entity, coalesce(score, -1), quote"
    one_process = list(db.execute(everything))
    parallel = run_rapor("extract", "--db", str(db_path), "--force", "--workers", "2")
    assert parallel.returncode == 0, parallel.stderr[-2000:]
    assert list(db.execute(everything)) == one_process


@pytest.mark.parametrize("feed", ["items.jsonl", "items.json", "items.csv"])
def test_scrapy_crawl_works_the_scrapy_way(tmp_path, sample_portal, feed):
    """`scrapy crawl portal -a portal=ID -o FILE`: the feed holds every page (body as base64 of
    the exact bytes, with their SHA-256), and $RAPOR_DB is where the pages are stored."""
    import base64
    import csv
    import hashlib
    import json

    db_path = tmp_path / "scrapy.db"
    out = tmp_path / feed
    result = subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "crawl", "portal", "-a", "portal=kabar-serang", "-o", str(out),
         "-s", "LOG_LEVEL=WARNING"],
        cwd=ROOT, env={**os.environ, **sample_env(sample_portal.origin), "RAPOR_DB": str(db_path)},
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Error" not in result.stderr and "Traceback" not in result.stderr, result.stderr[-3000:]
    db = store.open_db(db_path)
    assert db["pages"].count == 11
    text = out.read_text(encoding="utf-8")
    if feed.endswith(".jsonl"):
        items = [json.loads(line) for line in text.splitlines()]
    elif feed.endswith(".json"):
        items = json.loads(text)
    else:
        csv.field_size_limit(10_000_000)
        items = list(csv.DictReader(text.splitlines()))
    assert len(items) == 11 and {i["portal"] for i in items} == {"kabar-serang"}
    stored = {row["url"]: row["sha256"] for row in db.query("select url, sha256 from pages")}
    for item in items:
        body = base64.b64decode(item["body"])
        assert hashlib.sha256(body).hexdigest() == item["sha256"] == stored[item["url"]]
        assert b"<html" in body[:200].lower()


def test_demo_twice_prints_the_seed_facts_and_adds_nothing_twice(tmp_path):
    db_path = tmp_path / "demo.db"
    env = {"RAPOR_SAMPLE_ORIGIN": f"http://127.0.0.1:{free_port()}"}
    first = run_rapor("demo", "--db", str(db_path), env=env)
    assert first.returncode == 0, first.stderr[-3000:]
    for needle in ("Dinas Sosial Kabupaten Serang", "94.62", "77.73", "4.22", "kepatuhan sedang", "Kabar Serang Timur"):
        assert needle in first.stdout
    db = store.open_db(db_path)
    assert_seed_facts(db)
    counts = store.table_counts(db)
    second = run_rapor("demo", "--db", str(db_path), env=env)
    assert second.returncode == 0, second.stderr[-3000:]
    again = store.table_counts(store.open_db(db_path))
    assert {k: again[k] for k in ("pages", "articles", "evaluations")} == {k: counts[k] for k in ("pages", "articles", "evaluations")}


def test_demo_on_a_busy_port_says_how_to_move_it(tmp_path):
    import socket
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_rapor("demo", "--db", str(tmp_path / "d.db"), env={"RAPOR_SAMPLE_ORIGIN": f"http://127.0.0.1:{port}"})
    assert result.returncode != 0 and "RAPOR_SAMPLE_ORIGIN" in result.stderr and "Traceback" not in result.stderr
