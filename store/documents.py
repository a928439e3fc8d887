"""SQL for official documents: stored like pages, read into tables and official values.

Part of `store` (imported there), so the rest of Rapor still writes `store.save_document`.
Every write that belongs together runs in one `writing` transaction: a document's tables,
values, stated bands and findings are replaced all at once when it is re-read.
"""
from __future__ import annotations

import json
from typing import Iterator

from sqlite_utils import Database

from . import DOCUMENTS, _body, _insert, _iter_fetched, _save_fetched, _update, utc_now, writing


def save_document(db: Database, *, url: str, final_url: str, portal: str, status: int, body: bytes,
                  content_type: str = "", source: str = "", title: str = "", crawl_run: int | None = None,
                  fetched_at: str | None = None, etag: str = "", last_modified: str = "") -> str:
    """Store one fetched document and close its frontier entry, in one transaction.

    Returns "new", "changed" (the previous bytes move to `document_revisions`: an amended decree
    keeps its first version), "unchanged" or "not_modified" (a 304), as `save_page` does.
    """
    row = {"final_url": final_url, "content_type": content_type, "source": source, **({"title": title} if title else {})}
    return _save_fetched(db, DOCUMENTS, url=url, portal=portal, status=status, body=body, crawl_run=crawl_run,
                         fetched_at=fetched_at, etag=etag, last_modified=last_modified, row=row)


def iter_documents(db: Database, portal: str | None = None) -> Iterator[dict]:
    return _iter_fetched(db, DOCUMENTS, "id, url, final_url, portal, title, content_type, sha256, fetched_at", portal)


def document_body(db: Database, document_id: int) -> bytes:
    return _body(db, DOCUMENTS, document_id)


def document_reading_state(db: Database) -> dict[int, tuple]:
    """document id → (sha256 read, tables version, mapping version) of its last extraction."""
    return {row[0]: tuple(row[1:]) for row in db.execute(
        "select id, extracted_sha256, tables_version, mapping_version from documents where extracted_at is not null")}


def _agency_id(db: Database, name: str, region_code: str | None) -> int:
    db.execute("insert or ignore into agencies (name, region_code) values (?, ?)", [name, region_code])
    return db.execute("select id from agencies where name = ?", [name]).fetchone()[0]


def save_document_reading(db: Database, document: dict, *, status: str, error: str | None, fmt: str | None,
                          family: str | None, pages: int | None, versions: dict, tables=(), values=(),
                          bands=(), findings=(), headers: dict | None = None, year: int | None = None,
                          scheme: str | None = None) -> dict:
    """Replace what was read from a document: its tables, official values, stated bands and
    findings, in one transaction. `findings` are (kind, detail, page, index of the value or None)."""
    document_id = document["id"]
    with writing(db):
        db.execute("update audit_findings set official_value_id = null where official_value_id in "
                   "(select id from official_values where document_id = ?)", [document_id])
        for table in ("document_findings", "document_bands", "official_values", "document_tables"):
            db.execute(f"delete from [{table}] where document_id = ?", [document_id])
        table_ids = {}
        for table in tables:
            table_ids[table.index] = _insert(db, "document_tables", {
                "document_id": document_id, "document_sha256": document["sha256"], "table_index": table.index,
                "method": table.method, "pages": ",".join(str(p) for p in table.pages), "sheet": table.sheet,
                "header": json.dumps((headers or {}).get(table.index)),
                "n_rows": len(table.rows), "problems": json.dumps(list(table.problems), ensure_ascii=False),
                "cells": json.dumps([[[c.text, list(c.bbox) if c.bbox else None, c.page, c.ref] for c in row]
                                     for row in table.rows], ensure_ascii=False)})
        value_ids = []
        for value in values:
            agency = _agency_id(db, value.entity, value.region_code) if value.entity else None
            value_ids.append(_insert(db, "official_values", {
                "document_id": document_id, "table_id": table_ids.get(value.table_index), "family": value.family,
                "scheme": value.scheme, "year": value.year, "entity": value.entity,
                "entity_as_written": value.entity_as_written, "level": value.level, "region": value.region,
                "region_code": value.region_code, "agency_id": agency, "score": value.score,
                "scale_max": value.scale_max, "category": value.category, "rank": value.rank, "page": value.page,
                "row_index": value.row_index, "bbox": json.dumps(value.bbox), "problem": value.problem,
                "cells": json.dumps(value.cells, ensure_ascii=False), "notes": "; ".join(value.notes) or None,
                "document_url": document["url"], "document_sha256": document["sha256"],
                "tables_version": versions["tables"], "mapping_version": versions["mapping"]}))
        for band in bands:
            _insert(db, "document_bands", {"document_id": document_id, "scheme": scheme, "year": year,
                                           "labels": ", ".join(band.labels), "lower": band.lower,
                                           "upper": band.upper, "page": band.page})
        for kind, detail, page, value_index in findings:
            _insert(db, "document_findings", {
                "document_id": document_id, "kind": kind, "detail": detail, "page": page,
                "official_value_id": value_ids[value_index] if value_index is not None else None})
        _update(db, "documents", document_id, {
            "format": fmt, "family": family, "pages": pages, "extract_status": status, "extract_error": error,
            "extracted_at": utc_now(), "extracted_sha256": document["sha256"],
            "tables_version": versions["tables"], "mapping_version": versions["mapping"]})
    return {"tables": len(table_ids), "values": len(value_ids), "findings": len(findings)}


# ---------------------------------------------------------------------------------------------
# Reading for the audit and the views

def official_values_for_audit(db: Database) -> list[dict]:
    """Mapped official values with their document's URL and fetch time (the newest copy wins)."""
    return list(db.query(
        "select v.id, v.agency_id, v.entity, v.region, v.region_code, v.level, v.scheme, v.year, v.score, "
        "v.scale_max, v.category, v.rank, v.page, v.row_index, v.document_id, v.document_url, v.family, "
        "d.fetched_at, d.title as document_title "
        "from official_values v join documents d on d.id = v.document_id "
        "where v.problem is null order by d.fetched_at, v.id"))


def stated_bands(db: Database) -> list[dict]:
    return list(db.query(
        "select b.scheme, b.year, b.labels, b.lower, b.upper, b.page, d.url as document_url, d.id as document_id "
        "from document_bands b join documents d on d.id = b.document_id order by b.scheme, b.year, b.lower"))


def list_documents(db: Database) -> list[dict]:
    return list(db.query(
        "select d.id, d.url, d.portal, d.source, d.title, d.format, d.family, d.pages, d.extract_status, "
        "d.extract_error, d.size, d.sha256, d.fetched_at, "
        "(select count(*) from document_tables t where t.document_id = d.id) as tables, "
        "(select count(*) from official_values v where v.document_id = d.id) as official_values, "
        "(select count(*) from official_values v where v.document_id = d.id and v.problem is not null) as unmapped, "
        "(select count(*) from document_findings f where f.document_id = d.id and f.kind != 'unmapped_row') as findings, "
        "(select count(*) from document_revisions r where r.document_id = d.id) as earlier_versions "
        "from documents d order by d.portal, d.url"))


def unmapped_official_values(db: Database) -> list[dict]:
    return list(db.query(
        "select v.id, v.entity_as_written, v.level, v.scheme, v.year, v.score, v.category, v.problem, v.page, "
        "v.row_index, v.document_url from official_values v where v.problem is not null "
        "order by v.document_url, v.table_id, v.row_index"))


def document_findings(db: Database) -> list[dict]:
    return list(db.query(
        "select f.kind, f.detail, f.page, d.url as document_url, v.entity, v.score, v.category, v.rank "
        "from document_findings f join documents d on d.id = f.document_id "
        "left join official_values v on v.id = f.official_value_id where f.kind != 'unmapped_row' "
        "order by d.url, f.kind, v.row_index"))


def official_comparisons(db: Database, kinds: tuple[str, ...]) -> list[dict]:
    """News evaluations beside the official values they were compared with (both pointers)."""
    marks = ", ".join("?" for _ in kinds)
    return list(db.query(
        f"select f.kind, f.difference, f.detail, e.entity, e.scheme, e.year, e.score, e.predicate, e.quote, "
        f"a.outlet, a.url, v.id as official_value_id, v.score as official_score, v.category as official_category, "
        f"v.document_url, v.page, v.row_index, v.bbox, v.document_id, d.title as document_title "
        f"from audit_findings f join evaluations e on e.id = f.evaluation_id join articles a on a.id = e.article_id "
        f"left join official_values v on v.id = f.official_value_id left join documents d on d.id = v.document_id "
        f"where f.kind in ({marks}) order by f.kind, e.scheme, e.year, e.entity", list(kinds)))


def document_counts(db: Database) -> dict[str, int]:
    return {name: db[name].count for name in ("documents", "document_revisions", "document_tables",
                                              "official_values", "document_findings")}
