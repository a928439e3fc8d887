"""The SQLite store: migrations, page upserts, atomic re-extraction, full-text search, locks."""
import sqlite3
from pathlib import Path

import pytest

from rapor import store
from rapor.extract.records import Article, Evaluation


def evaluation(entity="Dinas Sosial Kabupaten Serang", score=94.62, start=0):
    return Evaluation(entity=entity, entity_as_written="Dinsos", region="Kabupaten Serang",
                      scheme="ombudsman_compliance", score=score, scale_max=100.0,
                      predicate=("zona hijau",), year=2024, rank=None, quote="Dinsos nilai 94, 62",
                      start=start, end=start + 19, rule_ids=("score.split_decimal_comma",))


VERSIONS = {"extractor": "test", "rules": "r1"}


@pytest.fixture
def db(tmp_path):
    return store.open_db(tmp_path / "rapor.db")


def page_row(db, url="http://127.0.0.1/a"):
    return next(p for p in store.iter_pages(db) if p["url"] == url)


def test_open_applies_migrations_once_and_uses_wal(tmp_path):
    path = tmp_path / "x.db"
    first = store.open_db(path)
    assert {"pages", "articles", "evaluations", "crawl_runs", "articles_fts"} <= set(first.table_names())
    assert first.execute("pragma journal_mode").fetchone()[0] == "wal"
    again = store.open_db(path)
    from rapor.store.migrations import migrations
    applied = [m["name"] for m in again.query("select name from _sqlite_migrations order by id")]
    assert applied == [m.name for m in migrations._migrations]
    assert applied[:4] == ["m001_create_pages", "m002_create_articles", "m003_create_evaluations", "m004_create_crawl_runs"]


@pytest.mark.parametrize("migrated_as", ["m010_crawl_run_owner", "m010_reader_views"])
def test_a_database_migrated_by_either_branch_opens_with_both_m010_changes(tmp_path, migrated_as):
    """harden and ux each shipped an m010; ux's is m011_reader_views now. A database migrated on
    either branch gets the other's change on open, and the view ux's migration made."""
    from sqlite_utils import Database

    from rapor.store.migrations import migrations
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m010_crawl_run_owner")
    if migrated_as == "m010_crawl_run_owner":
        migrations.apply(old, stop_before="m011_reader_views")
    else:  # ux's m010_reader_views, as it was recorded there
        next(m for m in migrations._migrations if m.name == "m011_reader_views").fn(old)
        migrations._record_applied(old, "m010_reader_views")
    old.conn.close()
    db = store.open_db(path)
    assert {"pid", "host"} <= set(db["crawl_runs"].columns_dict)
    assert [c.name for c in db["evaluation_sources"].columns][:4] == ["id", "agency", "score", "predicate"]
    assert not migrations.pending(db)


def test_pages_are_upserted_by_url_and_content_hash(db):
    common = dict(url="http://127.0.0.1/a", final_url="http://127.0.0.1/a", portal="p", status=200)
    assert store.save_page(db, body=b"<html>1</html>", **common) == "new"
    assert store.save_page(db, body=b"<html>1</html>", **common) == "unchanged"
    assert store.save_page(db, body=b"<html>2</html>", **common) == "changed"
    assert db["pages"].count == 1
    assert page_row(db)["body"] == b"<html>2</html>"


def test_reextraction_replaces_evaluations_and_a_failure_keeps_the_old_ones(db):
    store.save_page(db, url="http://127.0.0.1/a", final_url="http://127.0.0.1/a", portal="p", status=200, body=b"x")
    page = page_row(db)
    article = Article(text="Dinsos nilai 94, 62 zona hijau.", title="T")
    store.save_article_with_evaluations(db, page, article, [evaluation(), evaluation("B", 90.0, 5)], "Outlet", VERSIONS)
    assert db["evaluations"].count == 2
    store.save_article_with_evaluations(db, page, article, [evaluation()], "Outlet", VERSIONS)
    assert db["evaluations"].count == 1
    assert db["articles"].count == 1

    class Broken:  # an evaluation that cannot be serialised: the transaction must roll back
        pass
    with pytest.raises(TypeError):
        store.save_article_with_evaluations(db, page, article, [evaluation("C", 1.0, 9), Broken()], "Outlet", VERSIONS)
    assert [r["entity"] for r in db.query("select entity from evaluations")] == ["Dinas Sosial Kabupaten Serang"]


def test_article_text_is_full_text_searchable(db):
    store.save_page(db, url="http://127.0.0.1/a", final_url="http://127.0.0.1/a", portal="p", status=200, body=b"x")
    store.save_article_with_evaluations(db, page_row(db), Article(text="Ombudsman menilai kepatuhan Dinsos.", title="Zona hijau"),
                                        [], "Outlet", VERSIONS)
    assert [r["title"] for r in db["articles"].search("kepatuhan")] == ["Zona hijau"]


def test_a_database_locked_by_another_writer_waits_then_says_how_long_it_waited(tmp_path, monkeypatch):
    import re
    path = tmp_path / "locked.db"
    store.open_db(path)
    monkeypatch.setenv("RAPOR_BUSY_TIMEOUT", "0.4")
    holder = sqlite3.connect(path)
    holder.execute("begin immediate")  # another process holds the write lock
    db = store.open_db(path)
    try:
        with pytest.raises(store.StoreError, match="busy with another writer; gave up after waiting") as error:
            store.save_page(db, url="u", final_url="u", portal="p", status=200, body=b"x")
    finally:
        holder.rollback()
        holder.close()
    waited = float(re.search(r"waiting ([0-9.]+) s", str(error.value))[1])
    assert waited >= 0.35 and "busy timeout 0.4 s" in str(error.value)  # the wait it claims is the wait it made
    assert store.save_page(db, url="u", final_url="u", portal="p", status=200, body=b"x") == "new"


def test_a_file_that_is_not_sqlite_gives_a_clear_error(tmp_path):
    path = tmp_path / "not.db"
    path.write_bytes(b"this is a text file, not a database" * 100)
    with pytest.raises(store.StoreError, match="cannot open database"):
        store.open_db(path)


def test_the_extractor_version_changes_with_the_extraction_code(tmp_path):
    import shutil

    from rapor import extract
    from rapor.pipeline.stages import extractor_version

    copy = tmp_path / "extract"
    shutil.copytree(Path(extract.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = extractor_version(copy)
    assert before == extractor_version(Path(extract.__file__).parent)  # the copy is the same code
    (copy / "evaluations" / "numbers.py").write_text((copy / "evaluations" / "numbers.py").read_text() + "\n# a fix\n")
    extractor_version.cache_clear()
    assert extractor_version(copy) != before
