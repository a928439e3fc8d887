"""The report's section on news against the official tables: each difference with the article's
quote and link beside the document's link, page and row, and a picture of the row itself
(rendered by `templates/_official.html`).

The row pictures are PNG crops of the stored PDF, inlined as data URIs: the report still
fetches nothing when opened.
"""
from __future__ import annotations

import base64

from rapor import store
from rapor.pipeline.official_audit import DIFFERS, KINDS, MATCHES, NO_OFFICIAL, document_link


def _crop(db, row: dict) -> str | None:
    """The row's picture as a data URI, or None where there is none (no box, not a PDF)."""
    from rapor.pipeline.documents import row_crop_png

    if not row["official_value_id"] or not row["bbox"] or row["bbox"] == "null":
        return None
    try:
        png = row_crop_png(db, row["official_value_id"])
    except (store.StoreError, ValueError, OSError):
        return None
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _value(score, label) -> str:
    return " ".join(x for x in (f"{score:g}" if score is not None else "", label or "") if x)


def official_context(db) -> dict:
    rows = store.official_comparisons(db, KINDS)
    counts = {kind: sum(1 for r in rows if r["kind"] == kind) for kind in KINDS}
    differences = [{**row, "news": _value(row["score"], row["predicate"]),
                    "official": _value(row["official_score"], row["official_category"]),
                    "link": document_link(row), "crop": _crop(db, row)}
                   for row in rows if row["kind"] == DIFFERS]
    return {"read": bool(counts[MATCHES] or counts[DIFFERS]), "matches": counts[MATCHES], "differs": counts[DIFFERS],
            "none": counts[NO_OFFICIAL], "differences": differences}
