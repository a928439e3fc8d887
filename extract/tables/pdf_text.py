"""Tables of a text PDF with pdfplumber: ruled tables first, then columns aligned by spaces.

1. Each page's ruled tables (pdfplumber's line strategy): cells and their boxes as drawn; a
   merged cell comes back as its text in the first column and empty cells beside it.
2. A page without rules: its words grouped into lines, and the lines into columns where the
   table's rows align (`layout`), or cut by the family's template (`pdf_template`).
3. Image-only pages (scans without a text layer) go to `ocr` and are then read as in 2.

Encrypted, corrupt and over-long PDFs raise `TableError` before any table is read. Pure except
for the OCR step, which `ocr` keeps behind one function.
"""
from __future__ import annotations

import io

from . import Cell, DocumentRead, Table, TableError
from .layout import inferred_boundaries, lines_of, rows_from_lines, table_lines
from .pdf_template import template_rows


def _open(content: bytes):
    import pdfplumber
    try:
        pdf = pdfplumber.open(io.BytesIO(content))
        len(pdf.pages)   # pdfminer parses lazily: force the page tree here, where errors are caught
        return pdf
    except Exception as exc:   # pdfminer raises a dozen unrelated types for broken files
        name = f"{type(exc).__name__}: {exc}"
        cause = exc.__cause__ or exc.__context__
        if cause is not None:
            name += f" ({type(cause).__name__}: {cause})"
        if "password" in name.lower() or "encrypt" in name.lower():
            raise TableError("encrypted", "the PDF is encrypted with a password; ask the publisher for an open copy "
                                          "(the stored bytes are kept)") from None
        raise TableError("corrupt", f"not a readable PDF ({name[:200]}); the stored bytes are kept, "
                                    "fetch the document again or from another host") from None


def page_tables(page, number: int, template: tuple[float, ...], method: str = "") -> list[tuple[str, list]]:
    """(method, rows) for each table on one page."""
    found = []
    if not method:   # an OCR text layer has no rules: its words only
        for table in page.find_tables():
            texts = table.extract()
            rows = []
            for row, row_texts in zip(table.rows, texts):
                rows.append(tuple(Cell(" ".join((text or "").split()), number,
                                       tuple(round(v, 2) for v in bbox) if bbox else None)
                                  for bbox, text in zip(row.cells, row_texts)))
            if rows:
                found.append(("ruled", rows))
    if found:
        return found
    lines = lines_of(page.extract_words())
    if template:
        rows = template_rows(lines, float(page.width), template, number)
        return [(method or "template", rows)] if rows else []
    extent = table_lines(lines)
    boundaries = inferred_boundaries(extent)
    if boundaries is None:
        return []
    return [(method or "aligned", rows_from_lines(extent, boundaries, number))]


def read_pdf(content: bytes, *, max_pages: int = 300, template: tuple[float, ...] = (), ocr: bool = True) -> DocumentRead:
    pdf = _open(content)
    with pdf:
        count = len(pdf.pages)
        if count > max_pages:
            raise TableError("too_many_pages", f"{count} pages, more than the {max_pages} read per document; "
                                               "raise max_pages in the document family's file to read it")
        page_texts, tables, image_only = [], [], []
        for number, page in enumerate(pdf.pages, start=1):
            try:
                text = page.extract_text() or ""
                if not text.strip() and page.images:
                    image_only.append(number)
                page_texts.append(text)
                tables += [(method, rows, number) for method, rows in page_tables(page, number, template)]
            except Exception as exc:   # one broken page stream must not lose the other pages
                raise TableError("corrupt", f"page {number} cannot be read ({type(exc).__name__}: {exc}); "
                                            "the stored bytes are kept") from None
    warnings, ocr_pages, needs_ocr = [], [], []
    if image_only:
        from . import ocr as ocr_step
        if not ocr:
            needs_ocr = image_only
        else:
            try:
                layered = ocr_step.add_text_layer(content)
            except ocr_step.OcrUnavailable as exc:
                needs_ocr = image_only
                warnings.append(str(exc))
            else:
                with _open(layered) as ocr_pdf:
                    for number in image_only:
                        page = ocr_pdf.pages[number - 1]
                        page_texts[number - 1] = page.extract_text() or ""
                        tables += [(m, rows, number) for m, rows in page_tables(page, number, template, "ocr")]
                ocr_pages = image_only
    tables.sort(key=lambda t: t[2])
    return DocumentRead(
        format="pdf", page_texts=tuple(page_texts), page_count=count, ocr_pages=tuple(ocr_pages),
        needs_ocr=tuple(needs_ocr), warnings=tuple(warnings),
        tables=tuple(Table(index, method, tuple(rows), (page,)) for index, (method, rows, page) in enumerate(tables)),
    )
