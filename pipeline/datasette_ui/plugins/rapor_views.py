"""Datasette plugin of `rapor serve` (loaded with --plugins-dir, for Rapor's database only):
links an evaluation in the start-here view to its own page, shows the audit's outcomes as a
list, and gives an evaluation's page its article, its source URL and each finding with the
rubric's source and confidence."""
from __future__ import annotations

import json

import markupsafe
from datasette import hookimpl


def _is_rapor(datasette, database: str | None) -> bool:
    return bool(database) and (datasette.metadata(database=database) or {}).get("rapor") is True


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if table != "evaluation_sources" or not _is_rapor(datasette, database):
        return None
    if column == "id" and value:
        href = datasette.urls.row(database, "evaluations", str(value))
        return markupsafe.Markup(f'<a href="{markupsafe.escape(href)}">{markupsafe.escape(value)}</a>')
    if column == "audit" and value:
        try:
            kinds = json.loads(value)
        except (TypeError, ValueError):
            return None
        return ", ".join(kinds) if isinstance(kinds, list) else None
    return None


def _evaluation_sources(database, table, view_name, request, datasette):
    if view_name != "row" or table != "evaluations" or not _is_rapor(datasette, database):
        return {}

    async def sources():
        evaluation_id = request.url_vars.get("pks", "")
        db = datasette.get_database(database)
        article = (await db.execute(
            "select a.id, a.title, a.url, a.outlet, a.published from evaluations e join articles a on a.id = e.article_id "
            "where e.id = ?", [evaluation_id])).first()
        findings = (await db.execute(
            "select kind, detail, expected, rubric, rubric_source, confidence from audit_findings "
            "where evaluation_id = ? order by kind", [evaluation_id])).rows
        return {"rapor_article": dict(article) if article else None,
                "rapor_article_href": datasette.urls.row(database, "articles", str(article["id"])) if article else None,
                "rapor_findings": [dict(row) for row in findings]}
    return sources


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    """The index page's start-here panels list each database's canned queries; an evaluation's
    page gets its article and findings."""
    if view_name == "index":
        async def queries():
            found = {}
            for name in datasette.databases:
                if _is_rapor(datasette, name):
                    found[name] = list((await datasette.get_canned_queries(name, request.actor if request else None)).values())
            return {"rapor_queries": found}
        return queries
    return _evaluation_sources(database, table, view_name, request, datasette)
