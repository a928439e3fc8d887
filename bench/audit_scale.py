"""The audit at archive scale: a database of N articles that hold evaluations, some of them
copies of one press release printed by several outlets, audited cold (no signature stored
yet) and then incrementally after a round of 1% new articles.

    python -m bench.audit_scale 100000      # prints one JSON line

Each audit runs in a fresh process, so the peak memory reported is the audit's own.
"""
from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import EVALUATION_TEMPLATES, NEWS_SENTENCES, OPDS, PLACES, _fill

SYNDICATED_SHARE = 0.05      # articles that are one of 2–4 copies of a release
SCHEMES = ["ombudsman_compliance", "pekppp", "skm", "sakip", "spbe", "kip"]
# Independent reports rarely share a 5-word run, so their prose is drawn word by word (the
# page corpus's ten fixed sentences would make every pair of long articles near-duplicates);
# the evaluation sentence keeps the standard phrasing releases share.
VOCABULARY = sorted({w.strip(".,-") for t in NEWS_SENTENCES + PLACES + OPDS for w in t.split() if "{" not in w} - {""})


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(6, 16))).capitalize() + "."


def _texts(count: int, rng: random.Random):
    """(text, copies) per release: most texts appear once, a few are printed by 2–4 outlets."""
    made = 0
    while made < count:
        sentences = [_sentence(rng) for _ in range(rng.choice([3, 5, 8, 14, 24]))]
        sentences.insert(rng.randint(0, len(sentences)), _fill(rng.choice(EVALUATION_TEMPLATES), rng))
        copies = rng.randint(2, 4) if rng.random() < SYNDICATED_SHARE / 3 else 1
        yield " ".join(sentences), min(copies, count - made)
        made += copies


def _agencies() -> list[str]:
    """About 10,000 agency names over the real gazetteer: an archive's results spread over many
    agencies, so each (agency, scheme, year) has a handful of reports, as in the news."""
    from rapor import config
    regions = [r.name for r in config.load_rules().regions]
    return [f"{unit} {region}" for region in regions for unit in OPDS + [f"{opd} Bidang {n}" for opd in OPDS for n in (1, 2)]]


def populate(db, count: int, first_id: int, rng: random.Random) -> int:
    """Add `count` articles with 1–3 evaluations each (copies carry the same ones); returns the next id.

    Rows are written in bulk, as the query benchmark does: the store's one-article-at-a-time
    writers would make a 100,000-article fixture the slowest part of the benchmark.
    """
    pages, articles, evaluations = [], [], []
    number, agencies = first_id, _agencies()
    for text, copies in _texts(count, rng):
        reported = [(rng.choice(agencies), rng.choice(SCHEMES), rng.randint(2019, 2025),
                     round(rng.uniform(60, 99), 2), rng.choice(["zona hijau", "baik", ""])) for _ in range(rng.randint(1, 3))]
        for copy in range(copies):
            dateline = f"{rng.choice(PLACES).split()[-1].upper()}, Outlet {copy} – "
            pages.append((number, f"http://x/{number}"))
            articles.append((number, number, f"http://x/{number}", f"Outlet {rng.randint(0, 39)}", dateline + text))
            evaluations += [(f"a{number}e{k}", number, entity, scheme, year, score, predicate)
                            for k, (entity, scheme, year, score, predicate) in enumerate(reported)]
            number += 1
    with db.conn:
        db.conn.executemany("insert into pages (id, url, portal, fetched_at, sha256) values (?, ?, 'bench', '2025', 'x')", pages)
        db.conn.executemany("insert into articles (id, page_id, url, outlet, text, published) "
                            "values (?, ?, ?, ?, ?, '2025-01-01')", articles)
        db.conn.executemany("insert into evaluations (id, article_id, entity, entity_as_written, scheme, year, score, "
                            "scale_max, predicate, quote, start, end) values (?, ?, ?, 'x', ?, ?, ?, 100, ?, 'q', 0, 1)",
                            evaluations)
    return number


def audit_once(db_path: str) -> dict:
    """One `run_audit` on an existing database, timed, with this process's peak memory."""
    from rapor import store
    from bench.peak import own_peak_mb
    from rapor.pipeline import stages

    db = store.open_db(db_path)
    start = time.perf_counter()
    counts = stages.run_audit(db)
    return {"seconds": round(time.perf_counter() - start, 2), "findings": sum(counts.values()),
            "rss_mb": round(own_peak_mb(), 1)}


def main(size: int) -> dict:
    """Populate here, audit in fresh processes: the fixture's memory is not the audit's."""
    from rapor import store
    rng = random.Random(11)

    def audited(path: Path) -> dict:
        done = subprocess.run([sys.executable, "-m", "bench.audit_scale", "--audit", str(path)], check=True,
                              capture_output=True, text=True)
        return json.loads(done.stdout.strip().splitlines()[-1])

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "audit.db"
        db = store.open_db(path)
        next_id = populate(db, size, 1, rng)
        cold = audited(path)
        populate(db, max(1, size // 100), next_id, rng)
        incremental = audited(path)
        syndicated = db.execute("select count(*) from articles where syndication_cluster != id").fetchone()[0]
    return {"articles": size, "audit_s": cold["seconds"], "audit_incremental_s": incremental["seconds"],
            "syndicated_copies": syndicated, "findings": cold["findings"],
            "rss_mb": max(cold["rss_mb"], incremental["rss_mb"])}


if __name__ == "__main__":
    if sys.argv[1] == "--audit":
        print(json.dumps(audit_once(sys.argv[2])))
    else:
        print(json.dumps(main(int(sys.argv[1]))))
