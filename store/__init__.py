"""The only place in Rapor that speaks SQL: a SQLite file through sqlite-utils.

Every function takes an open `Database` from `open_db`, which applies the migrations first,
so any command works on a fresh path. Writers wait their turn: each write is one short
transaction that waits up to the busy timeout for another process's, and no read cursor stays
open across a write (in WAL mode such a stale reader cannot wait: SQLite answers busy at once).
"""
from __future__ import annotations

import hashlib
import json
import os
import socket
import sqlite3
import time
import zlib
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from sqlite_utils import Database

from .migrations import migrations

BUSY_TIMEOUT_S = 15.0          # default wait for another writer; RAPOR_BUSY_TIMEOUT overrides it
ROWS_PER_READ = 64             # stored pages/documents read per query: the cursor is closed before any write
# Pages are capped at 5 MB on download (DOWNLOAD_MAXSIZE), documents at 100 MB
# (RAPOR_DOCUMENT_MAXSIZE), so a stored blob that inflates past these was not written by Rapor
# as it is: a 308 KB blob inflated to 748 MB before (issue 11).
MAX_PAGE_BYTES = 16 * 1024 * 1024
MAX_DOCUMENT_BYTES = 128 * 1024 * 1024
# zlib level for stored bodies: on real portal pages (~100 KB) level 1 takes 0.65 ms a page and
# level 6 1.46 ms, a third of the crawler's time, for files only 18% smaller (bench, issue 13)
BODY_COMPRESSION = 1


class StoreError(RuntimeError):
    """The database cannot be used (locked too long, not a SQLite file, unwritable path)."""


class DiskFull(StoreError):
    """The disk (or the database's size limit) is full: the write was rolled back, nothing of it kept."""


def busy_timeout() -> float:
    """Seconds a writer waits for another one (RAPOR_BUSY_TIMEOUT, read at each open)."""
    try:
        return max(0.0, float(os.environ.get("RAPOR_BUSY_TIMEOUT", BUSY_TIMEOUT_S)))
    except ValueError:
        raise StoreError(f"RAPOR_BUSY_TIMEOUT must be a number of seconds, got {os.environ['RAPOR_BUSY_TIMEOUT']!r}") from None


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def open_db(path: str | Path) -> Database:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        timeout = busy_timeout()
        conn = sqlite3.connect(str(path), timeout=timeout)
        db = Database(conn)
        db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        db.enable_wal()  # readers (Datasette, exports) never block the crawler's writes
        # with WAL, NORMAL syncs at checkpoints instead of every commit: a power cut may lose the
        # last transactions (the frontier re-fetches them) but never corrupts the file
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        migrations.apply(db)
    except sqlite3.OperationalError as exc:
        raise _store_error(exc, None, f"{path}: cannot open database") from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open database: {exc}") from None
    except OSError as exc:
        raise StoreError(f"{path}: {exc.strerror or exc}") from None
    return db


def _store_error(exc: sqlite3.OperationalError, waited: float | None, doing: str = "") -> StoreError:
    """SQLite's answer → a StoreError that says what happened, and how long we really waited."""
    message = str(exc)
    prefix = f"{doing}: " if doing else ""
    if "full" in message:  # SQLITE_FULL: "database or disk is full"
        return DiskFull(f"{prefix}the disk (or the database's size limit) is full; this write was rolled back")
    if "locked" in message or "busy" in message:
        waited_text = "" if waited is None else f"after waiting {waited:.1f} s "
        return StoreError(f"{prefix}the database is busy with another writer; gave up {waited_text}"
                          f"(busy timeout {busy_timeout():g} s, RAPOR_BUSY_TIMEOUT); nothing was written, "
                          "rerun when it is free")
    return StoreError(f"{prefix}database error: {message}")


@contextmanager
def writing(db: Database):
    """One transaction, all or nothing: it waits up to the busy timeout for another writer, and a
    busy or full database is a StoreError (DiskFull) after a rollback, never half a write.

    Only `_insert`, `_update` and `db.execute` may write inside it: sqlite-utils' own table
    writers commit on their own and would break the atomicity.
    """
    conn = db.conn
    started = time.monotonic()
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise _store_error(exc, time.monotonic() - started) from None
    try:
        yield db
        conn.commit()
    except sqlite3.OperationalError as exc:
        conn.rollback()
        raise _store_error(exc, time.monotonic() - started) from None
    except BaseException:
        conn.rollback()
        raise


def _insert(db: Database, table: str, row: dict, replace: bool = False) -> int:
    columns = ", ".join(f"[{c}]" for c in row)
    marks = ", ".join("?" for _ in row)
    verb = "insert or replace" if replace else "insert"
    return db.execute(f"{verb} into [{table}] ({columns}) values ({marks})", list(row.values())).lastrowid


def _update(db: Database, table: str, pk: int, row: dict) -> None:
    assignments = ", ".join(f"[{c}] = ?" for c in row)
    db.execute(f"update [{table}] set {assignments} where id = ?", [*row.values(), pk])


# ---------------------------------------------------------------------------------------------
# Pages

def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def save_page(db: Database, *, url: str, final_url: str, portal: str, status: int,
              body: bytes, content_type: str = "", crawl_run: int | None = None,
              fetched_at: str | None = None, etag: str = "", last_modified: str = "") -> str:
    """Store one fetched page and close its frontier entry, in one transaction.

    Returns "new", "changed" (the previous bytes move to `page_revisions`), "unchanged" (same
    URL, same bytes) or "not_modified" (a 304 answer to a conditional request).
    """
    return _save_fetched(db, PAGES, url=url, portal=portal, status=status, body=body, crawl_run=crawl_run,
                         fetched_at=fetched_at, etag=etag, last_modified=last_modified,
                         row={"final_url": final_url, "content_type": content_type})


@dataclass(frozen=True)
class _Fetched:
    """Where one kind of fetched thing lives: its table, its revisions and its bytes column."""
    table: str
    revisions: str
    parent: str
    body: str
    max_bytes: int  # a blob that inflates past this was not written by Rapor as it is (see `inflate`)


PAGES = _Fetched("pages", "page_revisions", "page_id", "html_zlib", MAX_PAGE_BYTES)
DOCUMENTS = _Fetched("documents", "document_revisions", "document_id", "body_zlib", MAX_DOCUMENT_BYTES)


def _save_fetched(db: Database, kind: _Fetched, *, url: str, portal: str, status: int, body: bytes,
                  crawl_run: int | None, fetched_at: str | None, etag: str, last_modified: str, row: dict) -> str:
    """Pages and documents alike: a new URL is inserted, the same bytes only touch the fetch time,
    other bytes keep the previous version in the revisions table; the frontier is closed with it."""
    fetched_at = fetched_at or utc_now()
    table, body_column = kind.table, kind.body
    with writing(db):
        existing = db.execute(f"select id, sha256, fetched_at, {body_column} from {table} where url = ?", [url]).fetchone()
        _close_frontier(db, url, portal, fetched_at, etag, last_modified)
        if status == 304 and existing:
            db.execute(f"update {table} set fetched_at = ?, crawl_run = ? where id = ?", [fetched_at, crawl_run, existing[0]])
            return "not_modified"
        digest = sha256(body)
        row = {"url": url, "portal": portal, "status": status, "fetched_at": fetched_at, "sha256": digest,
               "size": len(body), body_column: zlib.compress(body, BODY_COMPRESSION), "crawl_run": crawl_run, "etag": etag,
               "last_modified": last_modified, **row}
        if existing is None:
            _insert(db, table, row)
            return "new"
        if existing[1] == digest:
            db.execute(f"update {table} set fetched_at = ?, crawl_run = ?, etag = ?, last_modified = ? where id = ?",
                       [fetched_at, crawl_run, etag, last_modified, existing[0]])
            return "unchanged"
        _insert(db, kind.revisions, {kind.parent: existing[0], "sha256": existing[1], "fetched_at": existing[2],
                                     body_column: existing[3]})
        _update(db, table, existing[0], row)
        return "changed"


# ---------------------------------------------------------------------------------------------
# Frontier: what a portal's crawl has discovered and not yet fetched

def _close_frontier(db: Database, url: str, portal: str, fetched_at: str, etag: str, last_modified: str) -> None:
    db.execute("insert into frontier (url, portal, source, discovered_at, state, attempts, fetched_at, etag, "
               "last_modified) values (?, ?, 'fetch', ?, 'fetched', 1, ?, ?, ?) on conflict (url) do update set "
               "state = 'fetched', fetched_at = excluded.fetched_at, etag = excluded.etag, "
               "last_modified = excluded.last_modified, attempts = attempts + 1, last_error = null",
               [url, portal, fetched_at, fetched_at, etag, last_modified])


def frontier_state(db: Database, url: str) -> dict | None:
    rows = list(db.query("select * from frontier where url = ?", [url]))
    return rows[0] if rows else None


def frontier_add(db: Database, url: str, portal: str, source: str, lastmod: str | None) -> None:
    """Remember a discovered URL as pending (or a fetched one whose source says it changed)."""
    with writing(db):
        db.execute("insert into frontier (url, portal, source, lastmod, discovered_at, state, attempts) "
                   "values (?, ?, ?, ?, ?, 'pending', 0) on conflict (url) do update set "
                   "lastmod = coalesce(excluded.lastmod, lastmod), "
                   "state = case when state = 'fetched' and excluded.lastmod > fetched_at then 'pending' else state end",
                   [url, portal, source, lastmod, utc_now()])


def frontier_refused(db: Database, url: str, portal: str, source: str, reason: str) -> None:
    """Remember a discovered URL the portal may not fetch (not http(s), off its domains), and why;
    it is never fetched, and never resumed."""
    with writing(db):
        db.execute("insert into frontier (url, portal, source, discovered_at, state, attempts, last_error) "
                   "values (?, ?, ?, ?, 'refused', 0, ?) on conflict (url) do update set "
                   "state = 'refused', last_error = excluded.last_error", [url, portal, source, utc_now(), reason])


def frontier_pending(db: Database, portal: str, max_attempts: int = 5) -> list[dict]:
    return list(db.query("select * from frontier where portal = ? and state in ('pending', 'failed') "
                         "and attempts < ? order by discovered_at", [portal, max_attempts]))


def frontier_failed(db: Database, url: str, error: str) -> None:
    with writing(db):
        db.execute("update frontier set state = 'failed', attempts = attempts + 1, last_error = ? where url = ?",
                   [error[:500], url])


def inflate(blob: bytes, limit: int = MAX_PAGE_BYTES) -> bytes:
    """A stored blob's bytes, or a StoreError when it is corrupt or inflates past `limit`
    (never more than `limit` bytes are produced, whatever the blob)."""
    inflater = zlib.decompressobj()
    try:
        body = inflater.decompress(blob, limit)
    except zlib.error as exc:
        raise StoreError(f"stored page is corrupt ({exc})") from None
    if inflater.unconsumed_tail:
        raise StoreError(f"stored page inflates past {limit} bytes; refused")
    if not inflater.eof:
        raise StoreError("stored page is truncated")
    return body


def iter_pages(db: Database, portal: str | None = None) -> Iterator[dict]:
    """Stored pages in id order, each with its `body`, or with `error` (and no body) when its
    blob cannot be inflated (see `_iter_fetched`)."""
    return _iter_fetched(db, PAGES, "id, url, final_url, portal, content_type, sha256", portal)


def _iter_fetched(db: Database, kind: _Fetched, columns: str, portal: str | None) -> Iterator[dict]:
    """Rows of pages or documents in id order, read ROWS_PER_READ at a time so the caller may
    write between them: no read cursor is open while it does (a stale reader in WAL mode is
    answered busy at once instead of waiting). A blob that cannot be inflated gives a row with
    `error` and no `body`: one bad row is that row's error, not the caller's."""
    sql = f"select {columns}, {kind.body} from {kind.table} where id > ?"
    if portal:
        sql += " and portal = ?"
    last_id = 0
    while True:
        rows = list(db.query(sql + " order by id limit ?", [last_id, *([portal] if portal else []), ROWS_PER_READ]))
        if not rows:
            return
        for row in rows:
            last_id = row["id"]
            try:
                row["body"] = inflate(row.pop(kind.body), kind.max_bytes)
            except StoreError as exc:
                row["body"], row["error"] = None, str(exc)
            yield row


def page_body(db: Database, page_id: int) -> bytes:
    return _body(db, PAGES, page_id)


def _body(db: Database, kind: _Fetched, row_id: int) -> bytes:
    row = db.execute(f"select {kind.body} from {kind.table} where id = ?", [row_id]).fetchone()
    if row is None:
        raise StoreError(f"no {kind.table[:-1]} with id {row_id}")
    return inflate(row[0], kind.max_bytes)


# ---------------------------------------------------------------------------------------------
# Articles and evaluations

def save_article_with_evaluations(db: Database, page: dict, article, evaluations: Iterable,
                                  outlet: str, versions: dict) -> int:
    """Upsert the article of a page and replace its evaluations in one transaction.

    A re-extraction after a rule change therefore never leaves a mix of old and new records.
    """
    with writing(db):
        existing = db.execute("select id from articles where page_id = ?", [page["id"]]).fetchone()
        row = {
            "page_id": page["id"], "url": article.url or page["url"], "portal": page["portal"],
            "outlet": outlet, "title": article.title, "text": article.text,
            "published": article.published, "published_source": article.published_source,
            "language": article.language, "author": article.author,
            "extracted_at": utc_now(), "page_sha256": page["sha256"],
            "extractor_version": versions["extractor"], "rules_version": versions["rules"],
        }
        if existing:
            article_id = existing[0]
            _update(db, "articles", article_id, row)
        else:
            article_id = _insert(db, "articles", row)
        db.execute("delete from audit_findings where evaluation_id in "
                   "(select id from evaluations where article_id = ?)", [article_id])
        db.execute("delete from evaluations where article_id = ?", [article_id])
        for evaluation in evaluations:
            row = _evaluation_row(article_id, evaluation, versions)
            row["region_code"], row["agency_id"] = _link_agency(db, evaluation)
            _insert(db, "evaluations", row, replace=True)
    return article_id


def extraction_state(db: Database) -> dict[int, tuple]:
    """page id → (page sha256, extractor version, rules version) of its stored article."""
    return {row[0]: tuple(row[1:]) for row in db.execute(
        "select page_id, page_sha256, extractor_version, rules_version from articles")}


def _link_agency(db: Database, evaluation) -> tuple[str | None, int]:
    """The region code and canonical agency of a record; what the outlet wrote becomes an alias.

    Agencies are keyed by their full canonical name, which carries the region: "Dinsos" in
    Serang and "Dinas Sosial" in Cilegon never meet, and a bare "Bima" whose region could not be
    told (Kota or Kabupaten) stays its own agency instead of being merged into either.
    """
    found = db.execute("select code from regions where name = ?", [evaluation.region]).fetchone() \
        if evaluation.region else None
    region_code = found[0] if found else None
    db.execute("insert or ignore into agencies (name, region_code) values (?, ?)", [evaluation.entity, region_code])
    agency_id = db.execute("select id from agencies where name = ?", [evaluation.entity]).fetchone()[0]
    db.execute("insert into agency_aliases (alias, agency_id, seen) values (?, ?, 1) "
               "on conflict (alias, agency_id) do update set seen = seen + 1",
               [evaluation.entity_as_written, agency_id])
    return region_code, agency_id


def sync_regions(db: Database, regions) -> int:
    """Load the gazetteer (config.Region rows) into `regions`; returns how many are there."""
    if db["regions"].count == len(regions):
        return len(regions)
    with writing(db):
        for region in regions:
            _insert(db, "regions", {"code": region.code, "name": region.name, "level": region.level,
                                    "core": region.core, "province_code": region.code.split(".")[0]}, replace=True)
    return db["regions"].count


def drop_article_of_page(db: Database, page_id: int) -> None:
    """A page that is no longer taken as an article loses its article and evaluations."""
    with writing(db):
        found = db.execute("select id from articles where page_id = ?", [page_id]).fetchone()
        if found:
            db.execute("delete from audit_findings where evaluation_id in "
                       "(select id from evaluations where article_id = ?)", [found[0]])
            db.execute("delete from evaluations where article_id = ?", [found[0]])
            db.execute("delete from articles where id = ?", [found[0]])


def _evaluation_row(article_id: int, evaluation, versions: dict) -> dict:
    record = asdict(evaluation)
    identity = json.dumps([article_id, record["entity"], record["score"], record["predicate"],
                           record["start"], record["end"]], ensure_ascii=False)
    return {
        "id": hashlib.sha1(identity.encode()).hexdigest()[:16],
        "article_id": article_id,
        "entity": record["entity"], "entity_as_written": record["entity_as_written"],
        "region": record["region"], "scheme": record["scheme"], "score": record["score"],
        "scale_max": record["scale_max"], "predicate": ", ".join(record["predicate"]),
        "year": record["year"], "rank": record["rank"], "quote": record["quote"],
        "start": record["start"], "end": record["end"],
        "rule_ids": " ".join(record["rule_ids"]),
        "extractor_version": versions["extractor"], "rules_version": versions["rules"],
    }


EVALUATION_COLUMNS = (
    "e.id as evaluation_id, e.entity, e.region, e.scheme, e.score, e.scale_max, e.predicate, e.year, e.rank, "
    "a.outlet, a.published as article_date, a.url, a.title, e.quote, e.start, e.end, "
    "e.entity_as_written, e.rule_ids, e.extractor_version, e.rules_version, "
    "p.fetched_at, p.sha256 as page_sha256, "
    # the audit's outcomes for the evaluation, one entry per finding kind (a JSON array in SQL)
    "(select json_group_array(kind) from (select distinct kind from audit_findings f "
    "where f.evaluation_id = e.id order by kind)) as audit"
)


def _with_audit_list(rows: Iterable[dict]) -> list[dict]:
    out = []
    for row in rows:
        row["audit"] = json.loads(row["audit"]) if row.get("audit") else []
        out.append(row)
    return out


def evaluations_with_provenance(db: Database) -> list[dict]:
    """Every evaluation with its id, its provenance and its audit outcomes (a list of kinds)."""
    sql = (f"select {EVALUATION_COLUMNS} from evaluations e "
           "join articles a on a.id = e.article_id join pages p on p.id = a.page_id "
           "order by e.scheme, e.year, e.region, e.entity, e.score")
    return _with_audit_list(db.query(sql))


# ---------------------------------------------------------------------------------------------
# Crawl runs and statistics

def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def close_dead_runs(db: Database) -> int:
    """Runs still "running" whose process is gone (killed with -9, or the machine went down) are
    marked interrupted; returns how many. A run of another host is left alone (its process cannot
    be checked from here); one from before runs recorded their process has no owner left."""
    host = socket.gethostname()
    dead = [row["id"] for row in db.query("select id, pid, host from crawl_runs where status = 'running'")
            if row["pid"] is None or (row["host"] == host and not _process_alive(row["pid"]))]
    if dead:
        with writing(db):
            for run_id in dead:
                _update(db, "crawl_runs", run_id, {"status": "interrupted", "finish_reason": "process gone",
                                                   "finished_at": utc_now()})
    return len(dead)


def start_run(db: Database, portal: str) -> int:
    """Book a run of this process; runs that died unfinished are closed first (`close_dead_runs`)."""
    close_dead_runs(db)
    with writing(db):
        return _insert(db, "crawl_runs", {"portal": portal, "started_at": utc_now(), "status": "running",
                                          "pid": os.getpid(), "host": socket.gethostname()})


def finish_run(db: Database, run_id: int, *, status: str, counts: dict, error_counts: dict,
               finish_reason: str) -> None:
    """`counts["failed"]`: article URLs that did not end stored; `error_counts`: URLs per reason
    (article URLs and, as `source_*`, sitemaps, feeds and listings that could not be read)."""
    with writing(db):
        _update(db, "crawl_runs", run_id, {
            "finished_at": utc_now(), "status": status, "finish_reason": finish_reason,
            "pages_seen": counts.get("seen", 0), "pages_new": counts.get("new", 0),
            "pages_changed": counts.get("changed", 0), "pages_unchanged": counts.get("unchanged", 0),
            "pages_not_modified": counts.get("not_modified", 0), "pages_discovered": counts.get("discovered", 0),
            "pages_skipped_known": counts.get("skipped_known", 0), "pages_failed": counts.get("failed", 0),
            "errors": sum(error_counts.values()), "error_counts": json.dumps(error_counts, sort_keys=True),
        })


def table_counts(db: Database) -> dict[str, int]:
    return {name: db[name].count for name in ("pages", "articles", "evaluations", "crawl_runs")}


def recent_runs(db: Database, limit: int = 10) -> list[dict]:
    return list(db.query("select * from crawl_runs order by id desc limit ?", [limit]))


def evaluations_per_scheme(db: Database) -> list[dict]:
    return list(db.query(
        "select scheme, count(*) as evaluations, count(distinct article_id) as articles "
        "from evaluations group by scheme order by evaluations desc"))


# ---------------------------------------------------------------------------------------------
# Audit

def evaluations_for_audit(db: Database) -> list[dict]:
    return list(db.query("select id, article_id, entity, scheme, year, score, scale_max, predicate "
                         "from evaluations order by article_id, start"))


def audited_article_ids(db: Database) -> list[int]:
    """Ids of the articles that hold evaluations (the only ones syndication matters for)."""
    return [row[0] for row in db.execute("select distinct article_id from evaluations order by article_id")]


def article_texts(db: Database, ids: Iterable[int]) -> dict[int, str]:
    """Texts of the given articles (one bound parameter, however many ids)."""
    return {row[0]: row[1] for row in db.execute(
        "select id, text from articles where id in (select value from json_each(?))", [json.dumps(list(ids))])}


def article_signatures(db: Database, method: str) -> dict[int, bytes]:
    """article id → stored near-duplicate signature made by `method` (others are stale)."""
    return dict(db.execute("select article_id, signature from article_signatures where method = ?", [method]))


def save_article_signatures(db: Database, method: str, signatures: dict[int, bytes]) -> None:
    with writing(db):
        db.conn.executemany("insert or replace into article_signatures (article_id, method, signature) values (?, ?, ?)",
                            [(article_id, method, signature) for article_id, signature in signatures.items()])


def replace_findings(db: Database, findings, clusters: dict[int, int]) -> None:
    """The latest audit replaces the previous one in one transaction.

    Only clusters that changed are written: an archive of 100,000 articles mostly keeps its own.
    """
    now = utc_now()
    with writing(db):
        db.execute("delete from audit_findings")
        stored = dict(db.execute("select id, syndication_cluster from articles where syndication_cluster is not null"))
        db.conn.executemany("update articles set syndication_cluster = null where id = ?",
                            [(article_id,) for article_id in stored.keys() - clusters.keys()])
        db.conn.executemany("update articles set syndication_cluster = ? where id = ?",
                            ((cluster, article_id) for article_id, cluster in clusters.items()
                             if stored.get(article_id) != cluster))
        if findings:
            names = [f.name for f in fields(findings[0])]
            db.conn.executemany(f"insert into audit_findings ({', '.join(names)}, audited_at) "
                                f"values ({', '.join('?' * (len(names) + 1))})",
                                ((*(getattr(finding, n) for n in names), now) for finding in findings))


def findings_with_sources(db: Database, kinds: tuple[str, ...]) -> list[dict]:
    marks = ", ".join("?" for _ in kinds)
    return list(db.query(
        f"select f.evaluation_id, f.kind, f.detail, f.expected, f.rubric, f.rubric_source, f.confidence, e.entity, e.scheme, "
        f"e.year, e.score, e.predicate, e.quote, a.outlet, a.url, a.published "
        f"from audit_findings f join evaluations e on e.id = f.evaluation_id join articles a on a.id = e.article_id "
        f"where f.kind in ({marks}) order by f.kind, e.entity, e.year, a.outlet", list(kinds)))


def finding_counts(db: Database) -> dict[str, int]:
    return {row["kind"]: row["n"] for row in db.query(
        "select kind, count(*) n from audit_findings group by kind order by n desc")}


# ---------------------------------------------------------------------------------------------
# Queries (parameters only: every user value goes through a placeholder)

def _agency_ids(names: str | Iterable[str]) -> tuple[str, list[str]]:
    """SQL (a subquery of agency ids) and its parameters: agencies whose canonical name or any
    alias contains one of `names` (the forms of one name, see config.agency_name_forms)."""
    names = [names] if isinstance(names, str) else list(names)
    parts = " union ".join("select id from agencies where name like ? "
                           "union select agency_id from agency_aliases where alias like ?" for _ in names)
    return f"({parts})", [p for name in names for p in (f"%{name}%", f"%{name}%")]


def query_evaluations(db: Database, *, agency: str | Iterable[str] | None = None, region: str | None = None,
                      scheme: str | None = None, year_from: int | None = None, year_to: int | None = None,
                      score_min: float | None = None, score_max: float | None = None,
                      predicate: str | None = None, status: str | None = None, limit: int = 1000) -> list[dict]:
    """Evaluations with provenance, filtered. `region` matches the region itself and, for a
    province, every kabupaten/kota in it; `agency` (a name, or the forms of one) matches
    canonical names and aliases."""
    where, params = [], []
    # names are matched in the small agencies / regions tables, then evaluations are reached
    # through indexed ids: a substring search over a million evaluation rows is never needed
    if agency:
        ids, agency_params = _agency_ids(agency)
        where.append(f"e.agency_id in {ids}")
        params += agency_params
    if region:
        where.append("e.region_code in (select code from regions where name like ? union "
                     "select r.code from regions r join regions p on p.code = r.province_code where p.name like ?)")
        params += [f"%{region}%", f"%{region}%"]
    for column, value, op in (("e.scheme", scheme, "="), ("e.year", year_from, ">="), ("e.year", year_to, "<="),
                              ("e.score", score_min, ">="), ("e.score", score_max, "<=")):
        if value is not None:
            where.append(f"{column} {op} ?")
            params.append(value)
    if predicate:
        where.append("e.predicate like ?")
        params.append(f"%{predicate}%")
    if status:
        where.append("e.id in (select evaluation_id from audit_findings where kind = ?)")
        params.append(status)
    # CROSS JOIN keeps evaluations the outer loop: with statistics gathered, SQLite may otherwise
    # walk every article and all its evaluations instead of the few rows the filter's index gives
    sql = (f"select {EVALUATION_COLUMNS} "
           "from evaluations e cross join articles a on a.id = e.article_id cross join pages p on p.id = a.page_id"
           + (" where " + " and ".join(where) if where else "")
           # the unary + keeps SQLite from walking the (scheme, year) index for the order and
           # filtering a million rows on the way; the filter's own index is used, then a small sort
           + " order by +e.scheme, +e.year, e.region, e.entity, e.score limit ?")
    return _with_audit_list(db.query(sql, [*params, limit]))


def agency_history(db: Database, agency: str | Iterable[str]) -> list[dict]:
    """One agency's scores across years and schemes, matched by canonical name or alias (a
    name, or the forms of one)."""
    ids, params = _agency_ids(agency)
    return list(db.query(
        "select e.id as evaluation_id, e.entity, e.scheme, e.year, e.score, e.scale_max, e.predicate, a.outlet, "
        "a.url, a.published "
        f"from evaluations e join articles a on a.id = e.article_id where e.agency_id in {ids} "
        "order by e.entity, e.scheme, e.year, a.published", params))


def documents_per_run(db: Database, run_ids: Iterable[int]) -> dict[int, int]:
    """crawl run id → documents it fetched (new, changed or confirmed unchanged)."""
    ids = list(run_ids)
    marks = ", ".join("?" for _ in ids) or "null"
    return dict(db.execute(f"select crawl_run, count(*) from documents where crawl_run in ({marks}) group by crawl_run", ids))


def stored_portals(db: Database) -> set[str]:
    """Portal ids that have pages or documents in this database."""
    return {row[0] for row in db.execute("select distinct portal from pages union select distinct portal from documents")}


def portal_summary(db: Database, zero_yield_runs: int) -> list[dict]:
    """Per portal: run counts and totals of the latest run; `flagged` when the last
    `zero_yield_runs` runs all discovered nothing (a layout change or a block)."""
    out = []
    for portal in [r[0] for r in db.execute("select distinct portal from crawl_runs order by portal")]:
        runs = list(db.query("select * from crawl_runs where portal = ? order by id desc", [portal]))
        latest = runs[0]
        recent = runs[:zero_yield_runs]
        with_results = db.execute(
            "select count(distinct a.id) from articles a join evaluations e on e.article_id = a.id where a.portal = ?",
            [portal]).fetchone()[0]
        out.append({
            "portal": portal, "runs": len(runs), "last_run": latest["started_at"], "articles_with_evaluations": with_results,
            "discovered": latest["pages_discovered"], "fetched": latest["pages_seen"], "new": latest["pages_new"],
            "changed": latest["pages_changed"], "failed": latest["pages_failed"],
            "flagged": len(recent) >= zero_yield_runs and all(not (r["pages_discovered"] or 0) for r in recent),
        })
    return out


# ---------------------------------------------------------------------------------------------
# Official documents (their own module; it uses the helpers above)

from .documents import (  # noqa: E402
    document_body, document_counts, document_findings, document_reading_state, iter_documents, list_documents, official_comparisons, official_values_for_audit, save_document,
    save_document_reading, stated_bands, unmapped_official_values,
)
