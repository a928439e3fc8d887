"""The stages wired together: crawl portals into the store, drain Redis into it, extract stored pages
(the JSONL contract of `rapor extract --input` is `pipeline.contract`).

The CLI in `pipeline.cli` is a thin layer over these functions; tests call them directly too.
"""
from __future__ import annotations

import functools
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from rapor import config
from rapor import store
DEFAULT_DB = os.environ.get("RAPOR_DB", "data/rapor.db")


def versions(rules) -> dict:
    """Which code and which rule files made a record: when either changes, `rapor extract`
    reads stored pages again without being asked (`--force`)."""
    return {"extractor": extractor_version(), "rules": rules.version}


@functools.lru_cache(maxsize=4)
def extractor_version(root: Path | None = None) -> str:
    """A hash of the extraction code itself (every module under extract/, or under `root`)."""
    import hashlib

    from rapor import extract
    root = root or Path(extract.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def build_extractor(rules=None):
    from rapor.extract.evaluations import Extractor
    return Extractor(rules or config.load_rules())


# ---------------------------------------------------------------------------------------------
# Crawl

class CrawlLocked(RuntimeError):
    """Another crawl (or drain) holds the lock of this database."""


class CrawlFailed(RuntimeError):
    """The crawl ran, but no success: fetched pages could not be stored (a full disk: they stay
    pending) or the spider met errors (see `crawl_problem`), or a portal's spider did not start,
    stopped early or read nothing and met errors (see `failed_runs`). `runs` are the runs it
    booked (a portal whose spider never started has none)."""

    def __init__(self, message: str, runs: list[dict]):
        super().__init__(message)
        self.runs = runs


@contextmanager
def database_lock(db_path: str, purpose: str, busy_message: str):
    """A lock file beside the database (`<db>.<purpose>.lock`, `<db>.lock` for crawls), held
    while the block runs; taken already, it raises CrawlLocked with `busy_message` at once.
    filelock, not fcntl: the same lock on every OS, released when its process dies."""
    from filelock import FileLock, Timeout

    lock_path = Path(str(db_path) + (".lock" if purpose == "crawl" else f".{purpose}.lock"))
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(lock_path, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise CrawlLocked(f"{busy_message} (lock {lock_path})") from None
    try:
        yield
    finally:
        lock.release()


def crawl_lock(db_path: str):
    """One crawl per database at a time: a scheduled run that finds the previous one still going
    stops at once instead of running beside it."""
    return database_lock(db_path, "crawl", f"another crawl is running on {db_path}; not starting a second")


def distributed_settings(redis_url: str, fresh: bool = False) -> dict:
    """scrapy-redis for the frontier and duplicate filter, Redis for the pages: several workers,
    one writer. The queue persists, so a killed worker's requests are picked up by the others."""
    return {
        "RAPOR_REDIS_URL": redis_url, "REDIS_URL": redis_url,
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True, "SCHEDULER_FLUSH_ON_START": fresh,
        "ITEM_PIPELINES": {"rapor.crawlers.pipelines.RedisPagePipeline": 300},
    }


def crawl(portal_ids: Iterable[str], db_path: str, settings: dict | None = None, since: str | None = None,
          redis_url: str | None = None, fresh: bool = False, portals_dir: Path | None = None,
          watch: Callable[[list[dict]], None] | None = None) -> list[dict]:
    """Run the portal spider for each portal in one Scrapy process; return the runs it booked.

    Embedded (default): pages and frontier in the SQLite file, under the database's crawl lock.
    Distributed (`redis_url`): this process is one worker among several; nothing is written here.
    Portals are read from `portals_dir` (default: `config.portals_dir()`); `watch` is called a few
    times a second with each portal's progress (`crawlers.extensions.progress_counts`).
    Raises CrawlFailed when a portal's crawl failed (see `failed_runs`) or fetched pages could
    not be stored (a full disk) or the spider met errors (see `crawl_problem`): that is no success.
    """
    # fail fast, before Scrapy starts: a broken portal or crawler file is one clear error
    portals = [config.load_portal(pid, portals_dir) for pid in portal_ids]
    config.load_crawler_config()
    if redis_url:
        require_distributed()
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "rapor.crawlers.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from rapor.crawlers.extensions import progress_counts
    from rapor.crawlers.spiders.portal import PortalSpider

    project = get_project_settings()
    project.set("RAPOR_DB", str(db_path), priority="cmdline")
    for key, value in {**(settings or {}), **(distributed_settings(redis_url, fresh) if redis_url else {})}.items():
        project.set(key, value, priority="cmdline")
    project.set("LOG_INSTALL_ROOT_HANDLER", project.get("LOG_LEVEL") != "CRITICAL", priority="cmdline")

    crawlers = []

    def run() -> None:
        process = CrawlerProcess(project)
        for portal in portals:
            crawlers.append(process.create_crawler(PortalSpider))
            # the Portal itself, not its id: the spider need not find the file again (the demo's
            # sample portals are in no configured folder)
            process.crawl(crawlers[-1], portal=portal, since=since)
        if project.get("LOG_LEVEL") in ("WARNING", "ERROR"):
            import logging
            for handler in logging.root.handlers:  # Scrapy's, as each crawler re-installed it
                handler.addFilter(_one_line_failures)
        if watch:
            from twisted.internet import reactor, task

            def report() -> None:
                watch([{"portal": portal.id, **progress_counts(crawler)} for portal, crawler in zip(portals, crawlers)])
            ticker = task.LoopingCall(report)
            reactor.callWhenRunning(ticker.start, 0.25)
            reactor.addSystemEventTrigger("before", "shutdown", lambda: ticker.running and ticker.stop())
        process.start()
        if watch:
            report()

    if redis_url:
        run()
        return []
    db = store.open_db(db_path)  # migrations applied once, before several spiders share the file
    before = max((r["id"] for r in store.recent_runs(db, 1)), default=0)
    with crawl_lock(db_path):
        run()
    runs = sorted((r for r in store.recent_runs(db, 100) if r["id"] > before), key=lambda r: r["id"])
    documents = store.documents_per_run(db, [r["id"] for r in runs])
    for run in runs:  # crawl_runs counts pages; an official site's yield is its documents
        run["documents"] = documents.get(run["id"], 0)
    problems = failed_runs([p.id for p in portals], runs)
    if problem := crawl_problem(crawlers, db_path):
        problems.append(problem)
    if problems:
        raise CrawlFailed("; ".join(problems), runs)
    return runs


def crawl_problem(crawlers, db_path: str) -> str | None:
    """What made a crawl no success, from its crawlers' stats: fetched pages the database
    refused, or errors in the spider (a discovery the frontier could not record); None if none."""
    from rapor.crawlers.outcomes import DISK_FULL, FAILED, STORE_FAILED

    stats = [crawler.stats.get_stats() for crawler in crawlers]
    not_stored = sum(s.get(FAILED + STORE_FAILED, 0) for s in stats)
    spider_errors = sum(v for s in stats for k, v in s.items() if k.startswith("spider_exceptions/"))
    if not (not_stored or spider_errors):
        return None
    cause = "the disk (or the database's size limit) is full" if any(s.get(DISK_FULL) for s in stats) \
        else "see the log"
    lost = [f"{not_stored} fetched pages could not be stored"] if not_stored else []
    lost += [f"{spider_errors} errors in the spider (discoveries not recorded)"] if spider_errors else []
    return f"{' and '.join(lost)} in {db_path}: {cause}; nothing of them was kept, and the next crawl fetches them again"


def _one_line_failures(record) -> bool:
    """Quiet crawls: a failure is its one log line, which says what failed and why; the
    traceback Scrapy adds (a refused connection to robots.txt…) shows at --log-level INFO."""
    record.exc_info = record.exc_text = record.stack_info = None
    return True


def failed_runs(portal_ids: list[str], runs: list[dict]) -> list[str]:
    """What went wrong per portal: its spider never booked a run (it could not start), the run
    did not finish, or it read nothing at all and met errors (the portal is down or blocks us)."""
    problems = []
    for portal_id in portal_ids:
        mine = [r for r in runs if r["portal"] == portal_id]
        if not mine:
            problems.append(f"{portal_id}: the crawl did not start (see the errors above)")
            continue
        run = mine[-1]
        if run["status"] == "running":  # the database refused even the run's end (a full disk)
            problems.append(f"{portal_id}: the end of the crawl could not be booked (see the errors above)")
        elif run["status"] != "finished":
            problems.append(f"{portal_id}: the crawl ended {run['status']} ({run['finish_reason']})")
        elif run["errors"] and not run["pages_discovered"] and not run["pages_seen"]:
            problems.append(f"{portal_id}: nothing could be read, {run['errors']} errors ({run['error_counts']})")
    return problems


def require_distributed() -> None:
    """Distributed mode needs the optional extra; without it, one line says how to get it."""
    try:
        import redis  # noqa: F401
        import scrapy_redis  # noqa: F401
    except ImportError as exc:
        raise config.ConfigError("--redis", None, f"distributed mode needs {exc.name!r}, which is not installed: "
                                 "pip install 'rapor[distributed]'") from None


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


def read_page(page: dict, extractor) -> tuple[dict, object | None, list, str | None]:
    """One stored page → (page, article or None, records, error): the CPU part of extraction."""
    from rapor.extract.article import NotHTML, html_to_article

    if page.get("error"):  # its stored blob could not be inflated (store.inflate)
        return page, None, [], page["error"]
    try:
        article = html_to_article(page["body"], page["final_url"] or page["url"], page["content_type"] or "")
    except NotHTML as exc:
        return page, None, [], str(exc)
    if article is None or article.language == "en":
        return page, None, [], None
    return page, article, extractor.extract(article), None


_worker_extractor = None


def _worker_start() -> None:
    global _worker_extractor
    _worker_extractor = build_extractor()


def _pool(workers: int, extractor):
    """A process pool whose workers hold an extractor.

    Forked workers inherit the one this process already built (copy-on-write, nothing
    rebuilt); where fork is not available each worker imports spaCy and builds its own
    before its first page (about 1 s on the benchmark machine).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _worker_extractor
    if "fork" in multiprocessing.get_all_start_methods():
        _worker_extractor = extractor
        return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
    return ProcessPoolExecutor(max_workers=workers, initializer=_worker_start)


def _worker_read(pages: list[dict]) -> list[tuple]:
    return [read_page(page, _worker_extractor) for page in pages]


def outlet_names() -> dict[str, str]:
    """Portal id → outlet name for stored pages: the configured portals, and the demo's sample
    portals for the pages a demo stored (never crawled unless asked, but still named)."""
    from rapor.pipeline.sample_portal import sample_portals

    return {pid: p.name for pid, p in {**sample_portals(), **config.load_portals()}.items()}


def extract_stored(db, extractor, *, portal: str | None = None, force: bool = False, workers: int = 1,
                   progress: Callable[[int], None] | None = None) -> ExtractSummary:
    """Article + evaluations for every stored page; pages already done with these rules are skipped.

    With `workers` > 1, pages are read in a process pool (forked workers share this process's
    extractor) and this process stays the database's only writer. At most a few batches are in
    flight, so memory does not grow with the number of pages.
    """
    names = outlet_names()
    store.sync_regions(db, extractor.rules.regions)
    current = versions(extractor.rules)
    done = {} if force else store.extraction_state(db)
    summary = ExtractSummary()

    def todo():
        for page in store.iter_pages(db, portal):
            summary.pages += 1
            if progress:
                progress(summary.pages)
            if done.get(page["id"]) == (page["sha256"], current["extractor"], current["rules"]):
                summary.skipped_unchanged += 1
                continue
            yield page

    def write(page, article, records, error) -> None:
        if error:
            summary.errors.append((page["url"], error))
        if article is None:
            summary.not_articles += 1
            store.drop_article_of_page(db, page["id"])
            return
        outlet = names.get(page["portal"], page["portal"])
        store.save_article_with_evaluations(db, page, article, records, outlet, current)
        summary.articles += 1
        summary.evaluations += len(records)

    if workers <= 1:
        for page in todo():
            write(*read_page(page, extractor))
        return summary
    import itertools
    from collections import deque

    pages = todo()
    with _pool(workers, extractor) as pool:
        in_flight: deque = deque()
        while True:
            while len(in_flight) < workers * 3:
                batch = list(itertools.islice(pages, 16))
                if not batch:
                    break
                in_flight.append(pool.submit(_worker_read, batch))
            if not in_flight:
                break
            for result in in_flight.popleft().result():
                write(*result)
    return summary




# ---------------------------------------------------------------------------------------------
# Audit

SIGNATURE_CHUNK = 5000


def syndication_clusters(db) -> dict[int, int]:
    """Clusters of syndicated copies among the articles that hold evaluations.

    Signatures are kept in the store: a round hashes only articles that are new or whose text
    changed since the last, and reads the texts of LSH candidates only.
    """
    from rapor.pipeline import syndication

    ids = store.audited_article_ids(db)
    known = store.article_signatures(db, syndication.METHOD)
    missing = [i for i in ids if i not in known]
    for start in range(0, len(missing), SIGNATURE_CHUNK):  # a first audit of an archive: texts a chunk at a time
        chunk = missing[start:start + SIGNATURE_CHUNK]
        texts = store.article_texts(db, chunk)
        fresh = dict(zip(chunk, syndication.signatures(texts[i] for i in chunk)))
        store.save_article_signatures(db, syndication.METHOD, fresh)
        known.update(fresh)
    return syndication.clusters(ids, known, lambda wanted: store.article_texts(db, wanted))


def run_audit(db) -> dict[str, int]:
    """Check every stored evaluation against the rubrics, the other outlets and the official tables;
    store the findings."""
    from rapor.pipeline.audit import audit
    from rapor.pipeline.official_audit import with_stated_bands

    clusters = syndication_clusters(db)
    # bands stated by stored official documents come first; every evaluation meets its official value
    rubrics = with_stated_bands(config.load_rubrics(), store.stated_bands(db))
    findings = audit(store.evaluations_for_audit(db), clusters, rubrics, official=store.official_values_for_audit(db))
    store.replace_findings(db, findings, clusters)
    return store.finding_counts(db)
