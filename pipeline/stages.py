"""The stages wired together: crawl portals into the store, extract stored pages, extract JSONL.

The CLI in `pipeline.cli` is a thin layer over these functions; tests call them directly too.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, TextIO

import config
import store

DEFAULT_DB = os.environ.get("RAPOR_DB", "data/rapor.db")


def versions(rules) -> dict:
    from extract import EXTRACTOR_VERSION
    return {"extractor": EXTRACTOR_VERSION, "rules": rules.version}


def build_extractor(rules=None):
    from extract.evaluations import Extractor
    return Extractor(rules or config.load_rules())


# ---------------------------------------------------------------------------------------------
# Crawl

def crawl(portal_ids: Iterable[str], db_path: str, settings: dict | None = None) -> list[dict]:
    """Run the portal spider for each portal in one Scrapy process; return the runs it booked."""
    portals = [config.load_portal(pid) for pid in portal_ids]  # fail fast, before Scrapy starts
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawlers.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from crawlers.spiders.portal import PortalSpider

    project = get_project_settings()
    project.set("RAPOR_DB", str(db_path), priority="cmdline")
    for key, value in (settings or {}).items():
        project.set(key, value, priority="cmdline")
    db = store.open_db(db_path)  # migrations applied once, before several spiders share the file
    before = max((r["id"] for r in store.recent_runs(db, 1)), default=0)
    project.set("LOG_INSTALL_ROOT_HANDLER", project.get("LOG_LEVEL") != "CRITICAL", priority="cmdline")
    process = CrawlerProcess(project)
    for portal in portals:
        process.crawl(PortalSpider, portal=portal.id)
    process.start()
    return [r for r in store.recent_runs(db, 100) if r["id"] > before]


# ---------------------------------------------------------------------------------------------
# Extract stored pages

@dataclass
class ExtractSummary:
    pages: int = 0
    articles: int = 0
    not_articles: int = 0
    skipped_unchanged: int = 0
    evaluations: int = 0
    errors: list = field(default_factory=list)


def extract_stored(db, extractor, *, portal: str | None = None, force: bool = False,
                   progress: Callable[[int], None] | None = None) -> ExtractSummary:
    """Article + evaluations for every stored page; pages already done with these rules are skipped."""
    from extract.article import NotHTML, html_to_article

    portals = config.load_portals()
    store.sync_regions(db, extractor.rules.regions)
    current = versions(extractor.rules)
    done = {} if force else store.extraction_state(db)
    summary = ExtractSummary()
    for page in store.iter_pages(db, portal):
        summary.pages += 1
        if progress:
            progress(summary.pages)
        if done.get(page["id"]) == (page["sha256"], current["extractor"], current["rules"]):
            summary.skipped_unchanged += 1
            continue
        try:
            article = html_to_article(page["body"], page["final_url"] or page["url"], page["content_type"] or "")
        except NotHTML as exc:
            summary.errors.append((page["url"], str(exc)))
            article = None
        if article is None or article.language == "en":
            summary.not_articles += 1
            store.drop_article_of_page(db, page["id"])
            continue
        records = extractor.extract(article)
        outlet = portals[page["portal"]].name if page["portal"] in portals else page["portal"]
        store.save_article_with_evaluations(db, page, article, records, outlet, current)
        summary.articles += 1
        summary.evaluations += len(records)
    return summary


# ---------------------------------------------------------------------------------------------
# Extract JSONL (the measurement contract)

def extract_jsonl(source: TextIO, sink: TextIO, extractor, on_error: Callable[[int, str], None]) -> tuple[int, int]:
    """One output line per input line, same ids, same order; bad lines are reported, not fatal.

    Input: {"id", "text" or "html", "title", "url", "published"}. Output: {"id", "evaluations"}.
    A line that cannot be read still gets an output line (with "error") so lines stay aligned.
    """
    from extract.article import NotHTML, html_to_article
    from extract.records import Article

    done = failed = 0
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError("a line must be a JSON object")
            if row.get("text") is None and row.get("html") is None:
                raise ValueError('the object has neither "text" nor "html"')
        except ValueError as exc:
            on_error(number, f"not a valid article line: {exc}")
            sink.write(json.dumps({"id": None, "line": number, "error": str(exc), "evaluations": []}) + "\n")
            failed += 1
            continue
        try:
            if row.get("text") is not None:
                article = Article(text=str(row["text"]), title=row.get("title"), url=row.get("url"),
                                  published=row.get("published"))
            else:
                article = html_to_article(row["html"], row.get("url"))
            records = extractor.extract(article) if article else []
            sink.write(json.dumps({"id": row.get("id"), "evaluations": [r.to_contract() for r in records]},
                                  ensure_ascii=False) + "\n")
            done += 1
        except (NotHTML, ValueError) as exc:
            on_error(number, str(exc))
            sink.write(json.dumps({"id": row.get("id"), "error": str(exc), "evaluations": []}) + "\n")
            failed += 1
    return done, failed


def sample_portal_ids() -> list[str]:
    return sorted(pid for pid, p in config.load_portals().items() if "RAPOR_SAMPLE_ORIGIN" in Path(p.source_file).read_text())


# ---------------------------------------------------------------------------------------------
# Audit

def run_audit(db) -> dict[str, int]:
    """Check every stored evaluation against the rubrics and the other outlets; store the findings."""
    from pipeline.audit import audit

    findings, clusters = audit(store.evaluations_for_audit(db), store.article_texts(db), config.load_rubrics())
    store.replace_findings(db, findings, clusters)
    return store.finding_counts(db)
