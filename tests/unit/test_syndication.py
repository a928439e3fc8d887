"""Near-duplicate detection: LSH candidates + the exact shingle test give the clusters the
all-pairs comparison gives; signatures are stored, reused, and dropped when a text changes."""
import random

import pytest

from rapor import store
from rapor.extract.records import Article
from rapor.pipeline import stages, syndication
from rapor.pipeline.syndication import THRESHOLD, jaccard, shingles, syndication_clusters

WORDS = ("pemerintah kabupaten kota dinas pelayanan publik nilai predikat evaluasi tahun warga jalan pasar "
         "banjir anggaran kegiatan sekolah rumah sakit puskesmas kecamatan desa bupati wali gubernur rapat "
         "program bantuan sosial kesehatan pendidikan laporan kinerja inspektorat ombudsman zona hijau").split()


def all_pairs_clusters(articles: dict[int, str]) -> dict[int, int]:
    """The reference: every pair compared exactly (what the audit did before LSH)."""
    ids = sorted(articles)
    cluster = {i: i for i in ids}
    sets = {i: shingles(articles[i]) for i in ids}
    for position, a in enumerate(ids):
        for b in ids[position + 1:]:
            if jaccard(sets[a], sets[b]) >= THRESHOLD:
                old, new = sorted((cluster[a], cluster[b]), reverse=True)
                cluster = {k: new if v == old else v for k, v in cluster.items()}
    return cluster


def edited(text: str, share: float, rng: random.Random) -> str:
    """A copy with about `share` of its words replaced: a re-worded release, not a reprint."""
    return " ".join(rng.choice(WORDS) if rng.random() < share else w for w in text.split())


def partition(clusters: dict[int, int]) -> set[frozenset]:
    groups: dict[int, set] = {}
    for article, cluster in clusters.items():
        groups.setdefault(cluster, set()).add(article)
    return {frozenset(g) for g in groups.values()}


def test_lsh_gives_the_clusters_of_the_all_pairs_comparison():
    rng = random.Random(5)
    articles, next_id = {}, 1
    for _ in range(60):
        original = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 200)))
        articles[next_id] = original
        next_id += 1
        # copies from verbatim to heavily edited: Jaccard from 1 down past the 0.5 threshold
        for share in rng.sample([0.0, 0.02, 0.05, 0.08, 0.1, 0.12, 0.15, 0.3], rng.randint(0, 3)):
            articles[next_id] = edited(original, share, rng)
            next_id += 1
    expected = all_pairs_clusters(articles)
    near_threshold = [(a, b) for a in articles for b in articles if a < b
                      and 0.4 <= jaccard(shingles(articles[a]), shingles(articles[b])) <= 0.6]
    assert near_threshold, "the corpus must hold pairs on both sides of the threshold"
    assert len(partition(expected)) < len(articles)
    assert partition(syndication_clusters(articles)) == partition(expected)


def test_cluster_ids_are_the_smallest_article_id_and_short_texts_work():
    clusters = syndication_clusters({9: "Dinsos nilai 94", 4: "Dinsos nilai 94", 7: "lain sama sekali"})
    assert clusters == {4: 4, 9: 4, 7: 7}


def test_signatures_are_stable_across_processes():
    import subprocess
    import sys
    code = "from pipeline import syndication; print(syndication.signatures(['Dinsos meraih nilai 94,62'])[0].hex())"
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert other == syndication.signatures(["Dinsos meraih nilai 94,62"])[0].hex()
    assert len(bytes.fromhex(other)) == 4 * syndication.NUM_PERM


@pytest.mark.parametrize("similarity, at_least", [(0.5, 0.99), (0.6, 0.9999)])
def test_pairs_at_the_threshold_are_almost_always_candidates(similarity, at_least):
    assert syndication.found_probability(similarity) >= at_least


# ---------------------------------------------------------------------------------------------
# Incremental: signatures live in the store

RELEASE = ("Pemerintah Kabupaten Serang kembali meraih predikat BB dalam evaluasi Sistem Akuntabilitas Kinerja "
           "Instansi Pemerintah Tahun 2024 dengan nilai 71,25. Penghargaan diserahkan di Jakarta dan diterima "
           "Sekretaris Daerah bersama seluruh perangkat daerah yang hadir dalam acara itu.")


def add_article(db, number: int, text: str) -> int:
    from tests.unit.test_store import VERSIONS, evaluation
    url = f"http://127.0.0.1/{number}"
    store.save_page(db, url=url, final_url=url, portal="p", status=200, body=f"<html>{number}</html>".encode())
    page = next(p for p in store.iter_pages(db) if p["url"] == url)
    return store.save_article_with_evaluations(db, page, Article(text=text, title="T"), [evaluation()], "Outlet", VERSIONS)


@pytest.fixture
def hashed(monkeypatch):
    """The texts `syndication.signatures` is asked to hash, in order."""
    seen: list[str] = []
    original = syndication.signatures

    def counting(texts):
        texts = list(texts)
        seen.extend(texts)
        return original(texts)
    monkeypatch.setattr(syndication, "signatures", counting)
    return seen


def test_a_new_round_hashes_only_new_or_changed_articles(tmp_path, hashed):
    db = store.open_db(tmp_path / "rapor.db")
    first = add_article(db, 1, "SERANG – " + RELEASE)
    second = add_article(db, 2, "CILEGON – " + RELEASE)
    add_article(db, 3, "Harga cabai naik di pasar induk setelah hujan deras mengguyur wilayah itu sepekan.")
    clusters = stages.syndication_clusters(db)
    assert clusters[first] == clusters[second] == first and len(hashed) == 3
    assert db["article_signatures"].count == 3

    hashed.clear()
    fourth = add_article(db, 4, "LEBAK – " + RELEASE)
    assert stages.syndication_clusters(db)[fourth] == first
    assert hashed == ["LEBAK – " + RELEASE]

    hashed.clear()  # a re-extraction that changes the text drops the stale signature
    add_article(db, 2, "Kabar lain sama sekali tentang festival kuliner tiga hari di alun-alun kota.")
    assert stages.syndication_clusters(db)[second] == second
    assert len(hashed) == 1 and hashed[0].startswith("Kabar lain")


def test_signatures_go_with_their_article(tmp_path):
    db = store.open_db(tmp_path / "rapor.db")
    article = add_article(db, 1, RELEASE)
    stages.syndication_clusters(db)
    page_id = db.execute("select page_id from articles where id = ?", [article]).fetchone()[0]
    store.drop_article_of_page(db, page_id)
    assert db["article_signatures"].count == 0


def test_full_text_search_follows_text_changes_but_not_cluster_updates(tmp_path):
    db = store.open_db(tmp_path / "rapor.db")
    article = add_article(db, 1, "Festival kuliner di alun-alun.")
    add_article(db, 1, "Banjir di Pandeglang.")
    found = [r[0] for r in db.execute("select rowid from articles_fts where articles_fts match 'pandeglang'")]
    assert found == [article]
    assert not list(db.execute("select rowid from articles_fts where articles_fts match 'kuliner'"))
    store.replace_findings(db, [], {article: article})
    assert [r[0] for r in db.execute("select rowid from articles_fts where articles_fts match 'banjir'")] == [article]
