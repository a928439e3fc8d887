"""Tables out of the assessors' documents: bytes in, cells with their provenance out.

One small module per format: `pdf_text` (pdfplumber: ruled tables, then text-aligned columns),
`pdf_template` (explicit column boundaries for a family whose tables have no rules), `ocr` (the
only one that runs a program: ocrmypdf adds a text layer to image-only pages), `xlsx`
(openpyxl), `delimited` (CSV), `html_table` (lxml). `read_document` picks the reader.

Pure except for `ocr`: no network, no database, no clock. Nothing here knows what a column
means; `extract.official` maps the cells to official values with a document family.
"""
from __future__ import annotations

from dataclasses import dataclass, field

TABLES_VERSION = "0.1.0"   # bump when a reader changes what it returns: documents are re-read


@dataclass(frozen=True)
class Cell:
    text: str
    page: int | None = None                   # 1-based PDF page
    bbox: tuple[float, ...] | None = None     # (x0, top, x1, bottom) in PDF points, from the page's top left
    ref: str | None = None                    # spreadsheet cell ("C7") or CSV/HTML "row:col"
    number: float | None = None               # the value, where the source stores numbers (XLSX)
    problem: str | None = None                # why the cell's value could not be read


@dataclass(frozen=True)
class Table:
    index: int                      # position in the document, from 0
    method: str                     # ruled | aligned | template | ocr | xlsx | csv | html
    rows: tuple[tuple[Cell, ...], ...]
    pages: tuple[int, ...] = ()     # PDF pages the rows come from
    sheet: str | None = None
    problems: tuple[str, ...] = ()  # what the reader could not read (e.g. a formula with no value)


@dataclass(frozen=True)
class DocumentRead:
    """What a reader found: the tables, the text (for family, year, stated bands and totals)."""
    format: str
    tables: tuple[Table, ...]
    page_texts: tuple[str, ...] = ()        # one string per page (or per sheet / the whole file)
    page_count: int = 0
    ocr_pages: tuple[int, ...] = ()         # pages whose text came from OCR
    needs_ocr: tuple[int, ...] = ()         # image-only pages that could not be read (no OCR here)
    warnings: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        return "\n".join(self.page_texts)


class TableError(ValueError):
    """A document that cannot be read; `kind` says why (encrypted, corrupt, too_many_pages,
    no_table, unknown_format, needs_ocr), the message says what to do."""

    def __init__(self, kind: str, message: str):
        self.kind = kind
        super().__init__(message)


FORMATS = ("pdf", "xlsx", "csv", "html")


def sniff_format(content: bytes, url: str = "", content_type: str = "") -> str:
    """The format by the bytes first (servers mislabel), then the content type, then the URL."""
    head = content[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    lowered = head.lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<table" in content[:200_000].lower():
        return "html"
    kind = (content_type or "").split(";")[0].strip().lower()
    path = url.lower().split("?")[0]
    if kind in ("text/csv", "application/csv") or path.endswith((".csv", ".tsv")):
        return "csv"
    if kind == "application/pdf" or path.endswith(".pdf"):
        return "pdf"   # says PDF but the bytes are not: the PDF reader gives the clear error
    if kind.startswith("text/html") or path.endswith((".html", ".htm")):
        return "html"
    if kind.startswith("text/") and b"\x00" not in head:
        return "csv"
    raise TableError("unknown_format", f"not a PDF, XLSX, CSV or HTML document (content type {kind or 'none'!r}, "
                                       f"starts with {content[:8]!r})")


def read_document(content: bytes, *, url: str = "", content_type: str = "", max_pages: int = 300,
                  template: tuple[float, ...] = (), ocr: bool = True) -> DocumentRead:
    """Every table of a document. `template` (column boundaries, fractions of the page width)
    replaces column inference on PDF pages without rules; `ocr=False` leaves image-only pages
    unread (they are listed in `needs_ocr`)."""
    fmt = sniff_format(content, url, content_type)
    if fmt == "pdf":
        from . import pdf_text
        return pdf_text.read_pdf(content, max_pages=max_pages, template=template, ocr=ocr)
    if fmt == "xlsx":
        from . import xlsx
        return xlsx.read_xlsx(content)
    if fmt == "csv":
        from . import delimited
        return delimited.read_csv(content)
    from . import html_table
    return html_table.read_html(content)
