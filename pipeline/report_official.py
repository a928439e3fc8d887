"""The report's section on news against the official tables: each difference with the article's
quote and link beside the document's link, page and row, and a picture of the row itself.

The row pictures are PNG crops of the stored PDF, inlined as data URIs: the report still
fetches nothing when opened.
"""
from __future__ import annotations

import base64
import html

import store
from pipeline.official_audit import DIFFERS, KINDS, MATCHES, NO_OFFICIAL, document_link


def _crop(db, row: dict) -> str:
    from pipeline.documents import row_crop_png

    if not row["official_value_id"] or not row["bbox"] or row["bbox"] == "null":
        return ""
    try:
        png = row_crop_png(db, row["official_value_id"])
    except (store.StoreError, ValueError, OSError):
        return ""
    return (f"<img class='row-crop' alt='row {row['row_index']} of the document' "
            f"src='data:image/png;base64,{base64.b64encode(png).decode('ascii')}'>")


def official_section(db) -> str:
    rows = store.official_comparisons(db, KINDS)
    counts = {kind: sum(1 for r in rows if r["kind"] == kind) for kind in KINDS}
    if not counts[MATCHES] and not counts[DIFFERS]:
        return "<h2>News against the official tables</h2><p>No official document has been read yet.</p>"
    items = []
    for row in rows:
        if row["kind"] != DIFFERS:
            continue
        news = html.escape(" ".join(x for x in (f"{row['score']:g}" if row["score"] is not None else "", row["predicate"] or "") if x))
        official = html.escape(" ".join(x for x in (f"{row['official_score']:g}" if row["official_score"] is not None else "",
                                                    row["official_category"] or "") if x))
        link = document_link(row)
        items.append(
            f"<tr class='differs'><td>{html.escape(row['difference'] or '')}</td><td>{html.escape(row['entity'])}</td>"
            f"<td>{html.escape(row['scheme'])} {row['year'] or ''}</td><td>{news}</td><td>{official}</td>"
            f"<td>{html.escape(row['detail'])}</td>"
            f"<td><q>{html.escape(row['quote'])}</q><br><a href='{html.escape(row['url'])}'>{html.escape(row['outlet'])}</a></td>"
            f"<td><a href='{html.escape(link)}'>{html.escape(row['document_title'] or link)}</a>, page {row['page'] or '–'}, "
            f"row {row['row_index'] + 1}<br>{_crop(db, row)}</td></tr>")
    return (f"<h2 id='official'>News against the official tables</h2>"
            f"<p class='lead'><strong id='official-matches'>{counts[MATCHES]}</strong> news values match the official "
            f"tables, <strong id='official-differs'>{counts[DIFFERS]}</strong> differ, {counts[NO_OFFICIAL]} have no "
            f"official value.</p><table id='official-differences'><thead><tr><th>difference</th><th>agency</th>"
            f"<th>scheme, year</th><th>news</th><th>official</th><th>detail</th><th>news source</th>"
            f"<th>official source</th></tr></thead><tbody>{''.join(items)}</tbody></table>")
