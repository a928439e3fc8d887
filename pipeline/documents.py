"""Stored documents → tables → official values in the store, with the table's own checks.

`extract_documents(db, rules)` reads every stored document not yet read with the current
readers and mappings: its format sniffed, its tables read (`extract.tables`, OCR for image-only
pages where ocrmypdf is installed), its family chosen and its rows mapped (`extract.official`),
the table checked against itself (`pipeline.table_checks`), and the lot replaced in one
transaction. A document that cannot be read keeps its bytes and gets its error; a scanned page
on a machine without OCR is "needs OCR: install ocrmypdf tesseract-ocr-ind", not a crash.
`row_crop_png` draws the source row of an official value from the stored PDF. Wiring only.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field

from rapor import config
from rapor import store
from rapor.config.reports import load_families
from rapor.extract.official import choose_family, map_document
from rapor.extract.official_names import NameIndex
from rapor.extract.tables import TABLES_VERSION, TableError, read_document
from rapor.extract.tables.ocr import INSTALL_HINT
from rapor.pipeline.table_checks import check_table

OK, NEEDS_OCR, ERROR, NO_FAMILY = "ok", "needs_ocr", "error", "no_family"


@dataclass
class DocumentSummary:
    documents: int = 0
    read: int = 0
    skipped_unchanged: int = 0
    official_values: int = 0
    unmapped: int = 0
    findings: int = 0
    needs_ocr: list = field(default_factory=list)   # (url, message)
    errors: list = field(default_factory=list)      # (url, message)


def families_version(families: dict) -> str:
    return hashlib.sha256(" ".join(f"{k}:{f.version}" for k, f in sorted(families.items())).encode()).hexdigest()[:12]


@dataclass
class Reading:
    status: str
    error: str | None = None
    fmt: str | None = None
    family: object | None = None
    pages: int | None = None
    tables: tuple = ()
    mapped: object | None = None
    findings: list = field(default_factory=list)


def read_stored_document(document: dict, families: dict, names: NameIndex, rubrics: dict, ocr: bool = True) -> Reading:
    """One stored document → what it holds (pure but for the OCR program)."""
    url, title = document["url"], document.get("title") or ""
    if document.get("error"):  # its stored blob could not be inflated (store.inflate)
        return Reading(ERROR, document["error"])
    most_pages = max(f.max_pages for f in families.values())
    try:
        read = read_document(document["body"], url=url, content_type=document.get("content_type") or "",
                             max_pages=most_pages, ocr=ocr)
    except TableError as exc:
        return Reading(ERROR, f"{exc.kind}: {exc}")
    family = choose_family(url, f"{title}\n{read.text}", families)
    if family is None:
        if read.needs_ocr:
            return Reading(NEEDS_OCR, f"{INSTALL_HINT} (image-only pages: {', '.join(map(str, read.needs_ocr))})",
                           read.format, pages=read.page_count, tables=read.tables)
        known = ", ".join(sorted(families))
        return Reading(NO_FAMILY, f"no document family matches this {read.format.upper()} (known: {known}); "
                                  "add config/reports/<family>.yaml", read.format, pages=read.page_count, tables=read.tables)
    if read.page_count > family.max_pages:
        return Reading(ERROR, f"too_many_pages: {read.page_count} pages, more than the {family.max_pages} of "
                              f"{family.id}; raise max_pages in its file", read.format, family, read.page_count)
    if family.layout == "template":
        read = read_document(document["body"], url=url, content_type=document.get("content_type") or "",
                             max_pages=family.max_pages, template=family.template, ocr=ocr)
    mapped = map_document(read, family, names, url=url, title=title)
    status, error = OK, None
    if read.needs_ocr:
        status, error = NEEDS_OCR, f"{INSTALL_HINT} (image-only pages: {', '.join(map(str, read.needs_ocr))})"
    return Reading(status, error, read.format, family, read.page_count, read.tables, mapped,
                   check_table(mapped, rubrics, url))


def extract_documents(db, rules, *, portal: str | None = None, force: bool = False, ocr: bool = True) -> DocumentSummary:
    families = load_families()
    names = NameIndex.from_rules(rules)
    rubrics = config.load_rubrics()
    store.sync_regions(db, rules.regions)
    mapping = families_version(families)
    done = {} if force else store.document_reading_state(db)
    statuses = {row["id"]: row["extract_status"] for row in store.list_documents(db)}
    summary = DocumentSummary()
    for document in store.iter_documents(db, portal):
        summary.documents += 1
        # a scan left unread for want of OCR is tried again: OCR may have been installed since
        if done.get(document["id"]) == (document["sha256"], TABLES_VERSION, mapping) and statuses.get(document["id"]) != NEEDS_OCR:
            summary.skipped_unchanged += 1
            continue
        reading = read_stored_document(document, families, names, rubrics, ocr=ocr)
        mapped = reading.mapped
        counts = store.save_document_reading(
            db, document, status=reading.status, error=reading.error, fmt=reading.fmt,
            family=reading.family.id if reading.family else None, pages=reading.pages,
            versions={"tables": TABLES_VERSION, "mapping": mapping}, tables=reading.tables,
            values=mapped.values if mapped else (), bands=mapped.bands if mapped else (),
            findings=reading.findings, headers=mapped.headers if mapped else {},
            year=mapped.year if mapped else None, scheme=reading.family.scheme if reading.family else None)
        summary.read += 1
        summary.official_values += counts["values"]
        summary.unmapped += sum(1 for v in (mapped.values if mapped else ()) if v.problem)
        summary.findings += sum(1 for f in reading.findings if f[0] != "unmapped_row")
        if reading.status == NEEDS_OCR:
            summary.needs_ocr.append((document["url"], reading.error))
        elif reading.error:
            summary.errors.append((document["url"], reading.error))
    return summary


def row_crop_png(db, official_value_id: int, dpi: int = 150, margin: float = 4.0) -> bytes:
    """A PNG of the page strip an official value was read from (PDF documents only)."""
    import json

    import pypdfium2

    row = db.execute("select document_id, page, bbox from official_values where id = ?", [official_value_id]).fetchone()
    if row is None:
        raise store.StoreError(f"no official value with id {official_value_id}")
    document_id, page_number, bbox = row[0], row[1], json.loads(row[2] or "null")
    if not page_number or not bbox:
        raise store.StoreError(f"official value {official_value_id} has no page box (not from a PDF)")
    pdf = pypdfium2.PdfDocument(store.document_body(db, document_id))
    page = pdf[page_number - 1]
    width, height = page.get_size()
    scale = dpi / 72
    image = page.render(scale=scale).to_pil()
    # the table's row, a little around it
    left, top = max(0.0, bbox[0] - margin), max(0.0, bbox[1] - margin)
    right, bottom = min(width, bbox[2] + margin), min(height, bbox[3] + margin)
    crop = image.crop((int(left * scale), int(top * scale), int(right * scale), int(bottom * scale)))
    buffer = io.BytesIO()
    crop.save(buffer, format="PNG")
    return buffer.getvalue()
