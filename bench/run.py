"""`make bench`: every stage of Rapor priced against the floor it cannot beat, in one run.

    python -m bench.run                 # 1,000 pages
    python -m bench.run --sizes 1000 10000

Writes bench/results/latest.json and prints a table. Timings are medians of several runs where
a stage is cheap enough to repeat; ratios are measured in the same run, so they hold on a noisy,
shared machine better than absolute figures do.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
TARGETS = {"extract_vs_floor_ratio": (">=", 0.8), "parallel_speedup": (">=", 1.7), "vs_newspaper4k_ratio": (">=", 2.0),
           "crawl_pages_per_s": (">=", 150), "rss_mb_10k": ("<=", 500), "rss_growth": ("<=", 1.15),
           "startup_s": ("<=", 3.0), "query_p95_ms": ("<=", 200)}


def measured(cmd: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """Run a command; return (wall seconds, peak RSS in MB of that process, its stdout)."""
    with tempfile.TemporaryFile("w+") as out:
        start = time.perf_counter()
        process = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=out, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        out.seek(0)
        text = out.read()
    if status != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{text[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024, text


def machine() -> dict:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    return {"cores": os.cpu_count(), "cpu": model, "python": platform.python_version()}


# ---------------------------------------------------------------------------------------------

def crawl_corpus(size: int, folder: Path) -> dict:
    """Serve a generated corpus on loopback and crawl it with `rapor crawl`, politeness off."""
    from bench.corpus import make_corpus
    from pipeline.sample_portal import SamplePortal

    portals = folder / "portals"
    portals.mkdir(parents=True, exist_ok=True)
    db_path = folder / "bench.db"
    with SamplePortal(stories=make_corpus(size)) as portal:
        (portals / "bench.yaml").write_text(
            f"id: bench\nname: Bench\nbase_url: {portal.origin}/warta-banten/\nallowed_domains: [127.0.0.1]\n"
            "sitemaps: [post-sitemap.xml]\nallow: ['/warta-banten/\\d{4}/\\d{2}/\\d{2}/[^/]+/$']\n"
            "politeness: {delay: 0, concurrency: 16, autothrottle: false}\n")
        wall, rss, _ = measured([sys.executable, "-m", "pipeline.cli", "crawl", "bench", "--db", str(db_path),
                                 "--log-level", "WARNING"], {"RAPOR_PORTALS_DIR": str(portals)})
    with sqlite3.connect(db_path) as conn:
        pages = conn.execute("select count(*) from pages").fetchone()[0]
        started, finished = conn.execute("select started_at, finished_at from crawl_runs").fetchone()
    in_run = (datetime.fromisoformat(finished) - datetime.fromisoformat(started)).total_seconds() or 1.0
    return {"db": db_path, "pages": pages, "crawl_wall_s": round(wall, 2), "crawl_pages_per_s": round(pages / in_run, 1),
            "crawl_pages_per_s_with_startup": round(pages / wall, 1), "rss_mb_crawl": round(rss, 1)}


EXTRACT_SCRIPT = """
import json, resource, shutil, sys, time
from pipeline import stages
import store
source, copy, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
shutil.copy(source, copy)
db = store.open_db(copy)
extractor = stages.build_extractor()
start = time.perf_counter()
summary = stages.extract_stored(db, extractor, force=True, workers=workers)
elapsed = time.perf_counter() - start
print(json.dumps({"docs": summary.pages, "seconds": elapsed, "evaluations": summary.evaluations,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def extract_throughput(db_path: Path, workers: int, folder: Path) -> dict:
    _, rss, out = measured([sys.executable, "-c", EXTRACT_SCRIPT, str(db_path), str(folder / f"x{workers}.db"), str(workers)])
    result = json.loads(out.strip().splitlines()[-1])
    result["rss_mb"] = max(result["rss_mb"], rss)
    result["docs_per_s"] = result["docs"] / result["seconds"]
    return result


def stored_html(db_path: Path) -> list[tuple[str, str]]:
    import store
    from extract.article import decode_html
    return [(page["url"], decode_html(page["body"], page["content_type"] or "")) for page in store.iter_pages(store.open_db(db_path))]


def floor_trafilatura(pages: list[tuple[str, str]]) -> float:
    import trafilatura
    start = time.perf_counter()
    for url, html in pages:
        trafilatura.extract(html, url=url)
    return len(pages) / (time.perf_counter() - start)


def peer_newspaper(pages: list[tuple[str, str]]) -> float | None:
    try:
        from newspaper import Article
    except ImportError:
        return None
    start = time.perf_counter()
    for url, html in pages:
        article = Article(url)
        article.download(input_html=html)
        article.parse()
    return len(pages) / (time.perf_counter() - start)


def startup_seconds(folder: Path) -> float:
    one = folder / "one.jsonl"
    one.write_text(json.dumps({"id": 1, "text": "Dinsos Kabupaten Serang meraih nilai 94,62 pada penilaian kepatuhan "
                                                "Ombudsman tahun 2024.", "title": None}) + "\n")
    runs = [measured([sys.executable, "-m", "pipeline.cli", "extract", "--input", str(one), "--output", os.devnull])[0]
            for _ in range(3)]
    return statistics.median(runs)


def query_latency(folder: Path, rows: int = 1_000_000) -> dict:
    """p50/p95 of `rapor query` filters and the canned queries on a database of `rows` evaluations."""
    import yaml

    import store
    from pipeline.datasette_app import METADATA

    import config

    path = folder / "million.db"
    db = store.open_db(path)
    store.sync_regions(db, config.load_rules().regions)
    rng = random.Random(3)
    regions = [r[0] for r in db.execute("select name from regions")]
    schemes = ["ombudsman_compliance", "pekppp", "skm", "sakip", "spbe", "kip"]
    with db.conn:
        db.conn.executemany("insert into pages (id, url, portal, fetched_at, sha256) values (?, ?, 'bench', '2025', 'x')",
                            [(i, f"http://x/{i}") for i in range(1, 20_001)])
        db.conn.executemany("insert into articles (id, page_id, url, outlet, published) values (?, ?, ?, ?, '2025-01-01')",
                            [(i, i, f"http://x/{i}", f"Outlet {i % 40}") for i in range(1, 20_001)])
        codes = dict(db.execute("select name, code from regions").fetchall())
        agencies = [(n + 1, f"Dinas {n} {region}", region) for n in range(8000) for region in [rng.choice(regions)]]
        db.conn.executemany("insert into agencies (id, name, region_code) values (?, ?, ?)",
                            [(i, name, codes[region]) for i, name, region in agencies])
        db.conn.executemany("insert into agency_aliases (alias, agency_id, seen) values (?, ?, 1)",
                            [(f"Dinas {i - 1}", i) for i, _, _ in agencies])
        db.conn.executemany(
            "insert into evaluations (id, article_id, entity, entity_as_written, region, region_code, agency_id, scheme, "
            "score, scale_max, predicate, year, quote, start, end) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 100, ?, ?, 'q', 0, 1)",
            ((f"e{i}", rng.randint(1, 20_000), (agency := rng.choice(agencies))[1], f"Dinas {agency[0] - 1}", agency[2],
              codes[agency[2]], agency[0], rng.choice(schemes), round(rng.uniform(40, 100), 2),
              rng.choice(["zona hijau", "baik", ""]), rng.randint(2015, 2025)) for i in range(rows)))
        db.conn.executemany("insert into audit_findings (evaluation_id, kind, detail) values (?, ?, '')",
                            ((f"e{i}", rng.choice(["inconsistent", "conflict", "corroborated"])) for i in range(0, rows, 20)))
    db.execute("analyze")
    timings = []
    filters = [dict(agency="Dinas 17 "), dict(region="Kabupaten Serang"), dict(scheme="skm", year_from=2023, year_to=2023),
               dict(score_min=99.5), dict(status="inconsistent", scheme="pekppp"), dict(predicate="zona hijau", year_from=2025)]
    for _ in range(5):
        for f in filters:
            start = time.perf_counter()
            store.query_evaluations(db, limit=200, **f)
            timings.append((time.perf_counter() - start) * 1000)
    queries = yaml.safe_load(METADATA.read_text())["databases"]["rapor"]["queries"]
    params = {"agency": "Dinas 17 ", "scheme": "skm", "year": "2024"}
    for _ in range(3):
        for query in queries.values():
            start = time.perf_counter()
            list(db.query(query["sql"] + " limit 200" if "limit" not in query["sql"] else query["sql"],
                          {k: v for k, v in params.items() if f":{k}" in query["sql"]}))
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {"query_p50_ms": round(statistics.median(timings), 1),
            "query_p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 1), "query_rows": rows}


# ---------------------------------------------------------------------------------------------

def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--query-rows", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    results: dict = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": machine(), "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in args.sizes:
            print(f"-- {size} pages", flush=True)
            crawled = crawl_corpus(size, folder / str(size))
            pages = stored_html(crawled["db"])
            floor = statistics.median(floor_trafilatura(pages) for _ in range(3 if size <= 2000 else 1))
            one = extract_throughput(crawled["db"], 1, folder / str(size))
            many = extract_throughput(crawled["db"], os.cpu_count() or 2, folder / str(size))
            peer = peer_newspaper(pages)
            results["sizes"][size] = {
                "pages": crawled["pages"], "crawl_pages_per_s": crawled["crawl_pages_per_s"],
                "crawl_pages_per_s_with_startup": crawled["crawl_pages_per_s_with_startup"],
                "trafilatura_docs_per_s": round(floor, 1), "extract_docs_per_s_1core": round(one["docs_per_s"], 1),
                "extract_docs_per_s_all_cores": round(many["docs_per_s"], 1),
                "newspaper4k_docs_per_s": round(peer, 1) if peer else None,
                "rss_mb_crawl": crawled["rss_mb_crawl"], "rss_mb_extract": round(one["rss_mb"], 1),
                "evaluations": one["evaluations"],
            }
            shutil.rmtree(folder / str(size), ignore_errors=True)
        first, last = results["sizes"][args.sizes[0]], results["sizes"][args.sizes[-1]]
        results["startup_s"] = round(startup_seconds(folder), 2)
        results.update(query_latency(folder, args.query_rows))
    peak = lambda r: max(r["rss_mb_crawl"], r["rss_mb_extract"])  # noqa: E731
    results.update({
        "extract_vs_floor_ratio": round(first["extract_docs_per_s_1core"] / first["trafilatura_docs_per_s"], 3),
        "parallel_speedup": round(last["extract_docs_per_s_all_cores"] / last["extract_docs_per_s_1core"], 2),
        "vs_newspaper4k_ratio": round(first["extract_docs_per_s_1core"] / first["newspaper4k_docs_per_s"], 2)
        if first["newspaper4k_docs_per_s"] else None,
        "crawl_pages_per_s": first["crawl_pages_per_s"],
        "rss_mb_1k": peak(results["sizes"].get(1000, first)),
        "rss_mb_10k": peak(results["sizes"][10000]) if 10000 in results["sizes"] else None,
    })
    results["rss_growth"] = round(results["rss_mb_10k"] / results["rss_mb_1k"], 2) if results["rss_mb_10k"] else None
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=1) + "\n")
    print(f"\nmachine: {results['machine']['cores']} cores, {results['machine']['cpu']}; {results['date']}")
    print(f"{'measure':32s} {'value':>10s}  target")
    for key, (op, goal) in TARGETS.items():
        value = results.get(key)
        verdict = "n/a" if value is None else ("met" if (value >= goal if op == ">=" else value <= goal) else "NOT met")
        print(f"{key:32s} {str(value):>10s}  {op} {goal}  {verdict}")
    for size, figures in results["sizes"].items():
        print(f"\n{size} pages: " + ", ".join(f"{k} {v}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
