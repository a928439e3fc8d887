"""Schema of the Rapor database, as sqlite-utils migrations applied in order on every open.

Add a new function at the end for a change; never edit one that has shipped.
"""
from sqlite_utils import Database, Migrations

migrations = Migrations("rapor")


@migrations()
def m001_create_pages(db: Database) -> None:
    # Raw bytes as fetched, zlib-compressed: re-extraction never needs a re-crawl and a
    # journalist can always get back to exactly what the server sent.
    db["pages"].create(
        {
            "id": int, "url": str, "final_url": str, "portal": str, "status": int,
            "fetched_at": str, "sha256": str, "content_type": str, "size": int,
            "html_zlib": bytes, "crawl_run": int,
        },
        pk="id", not_null={"url", "portal", "fetched_at", "sha256"},
    )
    db["pages"].create_index(["url"], unique=True)
    db["pages"].create_index(["portal"])


@migrations()
def m002_create_articles(db: Database) -> None:
    db["articles"].create(
        {
            "id": int, "page_id": int, "url": str, "portal": str, "outlet": str, "title": str,
            "text": str, "published": str, "published_source": str, "language": str,
            "author": str, "extracted_at": str, "page_sha256": str,
            "extractor_version": str, "rules_version": str,
        },
        pk="id", foreign_keys=[("page_id", "pages", "id")],
    )
    db["articles"].create_index(["page_id"], unique=True)
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61")


@migrations()
def m003_create_evaluations(db: Database) -> None:
    db["evaluations"].create(
        {
            "id": str, "article_id": int, "entity": str, "entity_as_written": str,
            "region": str, "scheme": str, "score": float, "scale_max": float,
            "predicate": str, "year": int, "rank": int, "quote": str,
            "start": int, "end": int, "rule_ids": str, "extractor_version": str,
            "rules_version": str,
        },
        pk="id", foreign_keys=[("article_id", "articles", "id")],
    )
    for columns in (["article_id"], ["entity"], ["region"], ["scheme", "year"]):
        db["evaluations"].create_index(columns)


@migrations()
def m004_create_crawl_runs(db: Database) -> None:
    db["crawl_runs"].create(
        {
            "id": int, "portal": str, "started_at": str, "finished_at": str, "status": str,
            "pages_seen": int, "pages_new": int, "pages_changed": int, "pages_unchanged": int,
            "errors": int, "error_counts": str, "finish_reason": str,
        },
        pk="id",
    )


@migrations()
def m005_canonical_agencies_and_audit(db: Database) -> None:
    # Regions from the Kemendagri gazetteer; agencies are canonical names, aliases what outlets wrote.
    db["regions"].create({"code": str, "name": str, "level": str, "core": str, "province_code": str}, pk="code")
    db["regions"].create_index(["name"], unique=True)
    db["agencies"].create({"id": int, "name": str, "region_code": str}, pk="id",
                          foreign_keys=[("region_code", "regions", "code")])
    db["agencies"].create_index(["name"], unique=True)
    db["agency_aliases"].create({"alias": str, "agency_id": int, "seen": int}, pk=("alias", "agency_id"),
                                foreign_keys=[("agency_id", "agencies", "id")])
    db["evaluations"].add_column("agency_id", int, fk="agencies", fk_col="id")
    db["evaluations"].add_column("region_code", str)
    db["evaluations"].create_index(["agency_id"])
    db["articles"].add_column("syndication_cluster", int)
    db["audit_findings"].create(
        {"id": int, "evaluation_id": str, "kind": str, "detail": str, "expected": str, "rubric": str,
         "rubric_source": str, "confidence": str, "cluster": int, "independent_sources": int,
         "audited_at": str},
        pk="id", foreign_keys=[("evaluation_id", "evaluations", "id")])
    db["audit_findings"].create_index(["evaluation_id"])
    db["audit_findings"].create_index(["kind"])


@migrations()
def m006_views_for_readers(db: Database) -> None:
    # What a researcher or journalist reads: every evaluation with its source and audit verdict.
    db.create_view("evaluation_sources", """
        select e.id, e.entity as agency, e.region, e.scheme, e.year, e.score, e.scale_max, e.predicate,
               e.rank, e.quote, a.outlet, a.published as article_date, a.url as source_url, a.title,
               (select group_concat(f.kind, ', ') from audit_findings f where f.evaluation_id = e.id) as audit,
               e.entity_as_written, e.rule_ids, e.agency_id, e.region_code, e.article_id
        from evaluations e join articles a on a.id = e.article_id
    """)


@migrations()
def m007_frontier_and_revisions(db: Database) -> None:
    # The crawl frontier lives in the database, written in the same transaction as the pages it
    # leads to: a crawl killed at any moment resumes from it, and never stores a page twice.
    db["frontier"].create(
        {"url": str, "portal": str, "source": str, "lastmod": str, "discovered_at": str, "state": str,
         "attempts": int, "last_error": str, "etag": str, "last_modified": str, "fetched_at": str},
        pk="url")
    db["frontier"].create_index(["portal", "state"])
    # Earlier versions of a page whose content changed: kept, not overwritten, not duplicated.
    db["page_revisions"].create(
        {"id": int, "page_id": int, "sha256": str, "fetched_at": str, "html_zlib": bytes}, pk="id",
        foreign_keys=[("page_id", "pages", "id")])
    db["pages"].add_column("etag", str)
    db["pages"].add_column("last_modified", str)
    for column in ("pages_discovered", "pages_skipped_known", "pages_not_modified", "pages_failed"):
        db["crawl_runs"].add_column(column, int)


@migrations()
def m008_indexes_for_queries(db: Database) -> None:
    # `rapor query` and the canned queries filter by these; at a million evaluations a scan is
    # hundreds of milliseconds, an index lookup a few.
    for columns in (["region_code"], ["year"], ["score"]):
        db["evaluations"].create_index(columns, if_not_exists=True)
    db["agency_aliases"].create_index(["agency_id"], if_not_exists=True)


@migrations()
def m009_documents_and_official_values(db: Database) -> None:
    # The assessors' own result documents, stored like pages: raw bytes (zlib), SHA-256, every
    # earlier version kept (amended decrees, re-hosted copies), the frontier closed with them.
    db["documents"].create(
        {"id": int, "url": str, "final_url": str, "portal": str, "source": str, "title": str, "status": int,
         "fetched_at": str, "sha256": str, "content_type": str, "size": int, "body_zlib": bytes, "crawl_run": int,
         "etag": str, "last_modified": str,
         # what the last extraction made of it
         "format": str, "family": str, "pages": int, "extract_status": str, "extract_error": str,
         "extracted_at": str, "extracted_sha256": str, "tables_version": str, "mapping_version": str},
        pk="id", not_null={"url", "portal", "fetched_at", "sha256"})
    db["documents"].create_index(["url"], unique=True)
    db["document_revisions"].create(
        {"id": int, "document_id": int, "sha256": str, "fetched_at": str, "body_zlib": bytes}, pk="id",
        foreign_keys=[("document_id", "documents", "id")])
    # Every table as read, cell by cell with its box, so a value can always be traced to its cell.
    db["document_tables"].create(
        {"id": int, "document_id": int, "document_sha256": str, "table_index": int, "method": str, "pages": str,
         "sheet": str, "header": str, "n_rows": int, "cells": str, "problems": str}, pk="id",
        foreign_keys=[("document_id", "documents", "id")])
    db["document_tables"].create_index(["document_id"])
    db["official_values"].create(
        {"id": int, "document_id": int, "table_id": int, "family": str, "scheme": str, "year": int,
         "entity": str, "entity_as_written": str, "level": str, "region": str, "region_code": str, "agency_id": int,
         "score": float, "scale_max": float, "category": str, "rank": int, "page": int, "row_index": int,
         "bbox": str, "cells": str, "problem": str, "notes": str, "document_url": str, "document_sha256": str,
         "tables_version": str, "mapping_version": str},
        pk="id", foreign_keys=[("document_id", "documents", "id"), ("table_id", "document_tables", "id"),
                               ("agency_id", "agencies", "id")])
    for columns in (["document_id"], ["agency_id", "scheme", "year"], ["entity", "scheme", "year"], ["scheme", "year"]):
        db["official_values"].create_index(columns)
    # Bands a document states about itself ("A (Kualitas Tertinggi, Zona Hijau): 88,00 – 100,00").
    db["document_bands"].create(
        {"id": int, "document_id": int, "scheme": str, "year": int, "labels": str, "lower": float, "upper": float,
         "page": int}, pk="id", foreign_keys=[("document_id", "documents", "id")])
    # Checks of the table itself (category vs band, stated totals, rank order) and rows that
    # could not be read: findings, never silent corrections.
    db["document_findings"].create(
        {"id": int, "document_id": int, "official_value_id": int, "kind": str, "detail": str, "page": int},
        pk="id", foreign_keys=[("document_id", "documents", "id")])
    db["document_findings"].create_index(["document_id"])
    # The audit against official values points at the official row it compared with.
    db["audit_findings"].add_column("official_value_id", int)
    db["audit_findings"].add_column("difference", str)
    db.create_view("official_value_sources", """
        select v.id, v.entity as agency, v.region, v.scheme, v.year, v.score, v.scale_max, v.category, v.rank,
               v.entity_as_written, v.problem, v.page, v.row_index, t.table_index, t.method,
               v.document_url || case when v.page is not null then '#page=' || v.page else '' end as document_link,
               d.title as document_title, v.document_sha256, v.family, v.mapping_version, v.tables_version,
               v.agency_id, v.region_code, v.document_id
        from official_values v join documents d on d.id = v.document_id
        left join document_tables t on t.id = v.table_id
    """)
    db.create_view("news_vs_official", """
        select f.kind, f.difference, f.detail, e.entity as agency, e.scheme, e.year,
               e.score as news_score, e.predicate as news_predicate, v.score as official_score,
               v.category as official_category, e.quote, a.outlet, a.url as article_url,
               v.document_url || case when v.page is not null then '#page=' || v.page else '' end as document_link,
               v.page as document_page, v.row_index as document_row, d.title as document_title,
               e.id as evaluation_id, v.id as official_value_id
        from audit_findings f join evaluations e on e.id = f.evaluation_id join articles a on a.id = e.article_id
        left join official_values v on v.id = f.official_value_id left join documents d on d.id = v.document_id
        where f.kind in ('matches_official', 'differs_from_official', 'no_official_value')
    """)


@migrations()
def m010_crawl_run_owner(db: Database) -> None:
    # Which process books a run: a run left "running" by a process that no longer exists
    # (kill -9) is marked interrupted at the next start instead of running forever.
    db["crawl_runs"].add_column("pid", int)
    db["crawl_runs"].add_column("host", str)


@migrations()
def m011_reader_views(db: Database) -> None:
    # The start-here view, as a researcher reads it at 1,400 px: who, what score and predicate,
    # which year and scheme, the quote and its source first; the audit's outcomes as a JSON
    # array (one entry per kind), which Datasette facets one outcome at a time (`_facet_array`).
    # Named m010_reader_views on the ux branch before it met m010_crawl_run_owner: a database migrated
    # there runs this once more under the new name, which only drops and recreates the view.
    db.execute("drop view if exists evaluation_sources")
    db.create_view("evaluation_sources", """
        select e.id, e.entity as agency, e.score, e.predicate, e.year, e.scheme, e.quote, a.outlet,
               a.url as source_url,
               (select json_group_array(kind) from (select distinct kind from audit_findings f
                                                    where f.evaluation_id = e.id order by kind)) as audit,
               e.region, e.scale_max, e.rank, a.published as article_date, a.title,
               e.entity_as_written, e.rule_ids, e.agency_id, e.region_code, e.article_id
        from evaluations e join articles a on a.id = e.article_id
    """)


@migrations()
def m012_syndication_signatures(db: Database) -> None:
    # MinHash signatures for the audit's syndication step, so a new round hashes only new
    # articles. `method` names the signature parameters: a change there makes rows stale.
    # A signature is of one text: when the article goes or its text changes, so does the
    # signature, whichever code path changed it.
    db.execute("create table if not exists article_signatures (article_id integer primary key "
               "references articles(id) on delete cascade, method text not null, signature blob not null)")
    db.execute("create trigger if not exists article_signatures_on_text after update of text on articles "
               "when old.text is not new.text begin delete from article_signatures where article_id = old.id; end")
    # The audit writes each article's syndication cluster; sqlite-utils' full-text trigger fires
    # on any update and would re-index the whole text of every article for that one integer.
    # (`if exists`: it was m009, then m011 on the perf branch, which may have applied it already)
    db.execute("drop trigger if exists articles_au")
    db.execute('create trigger articles_au after update of title, text on articles begin '
               'insert into articles_fts (articles_fts, rowid, title, text) values (\'delete\', old.rowid, old.title, old.text); '
               'insert into articles_fts (rowid, title, text) values (new.rowid, new.title, new.text); end')
