"""The one item pipeline: write each fetched page to the SQLite store, and book the run.

A page the database refuses (a full disk, a lock held past the busy timeout) is a failure:
counted under `store_failed`, left pending in the frontier (its transaction rolled back with
it), and the run ends "failed", which makes `rapor crawl` exit non-zero. A full disk also
stops the crawl: every further page would be fetched from the portal for nothing.
"""
from __future__ import annotations

import base64
import json
import logging
from collections import Counter

from scrapy import signals
from scrapy.exceptions import DropItem
from scrapy.utils.defer import deferred_from_coro

from rapor import store
from rapor.crawlers.outcomes import DISK_FULL, FAILED, STORE_FAILED, failure_counts

logger = logging.getLogger(__name__)


class StorePipeline:
    def __init__(self, db_path: str, crawler):
        self.db_path = db_path
        self.crawler = crawler
        self.counts: Counter = Counter()
        self.db = None
        self.run_id = None
        self.stopping = False  # a full disk closes the spider once

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler.settings.get("RAPOR_DB"), crawler)
        # the finish reason ("finished", "shutdown", "closespider_…") is only known at this signal
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self):
        self.db = store.open_db(self.db_path)
        self.run_id = store.start_run(self.db, self.crawler.spider.portal.id)

    def process_item(self, item):
        document = item.kind == "document"
        if not document:
            self.counts["seen"] += 1
        try:
            outcome = self._save(item)
        except store.StoreError as exc:
            self.crawler.stats.inc_value(FAILED + STORE_FAILED)
            if isinstance(exc, store.DiskFull):
                self.crawler.stats.set_value(DISK_FULL, True)
            if isinstance(exc, store.DiskFull) and not self.stopping:
                self.stopping = True
                logger.error("the disk is full: stopping the crawl (pages not stored stay pending)")
                deferred_from_coro(self.crawler.engine.close_spider_async(reason="disk_full"))
            raise DropItem(f"not stored, stays pending: {item.url}: {exc}") from None
        self.counts[f"documents_{outcome}" if document else outcome] += 1
        return item

    def _save(self, item) -> str:
        if item.kind == "document":
            return store.save_document(
                self.db, url=item.url, final_url=item.final_url, portal=item.portal, status=item.status,
                body=item.body, content_type=item.content_type, source=item.source, title=item.title,
                crawl_run=self.run_id, fetched_at=item.fetched_at, etag=item.etag, last_modified=item.last_modified)
        return store.save_page(
            self.db, url=item.url, final_url=item.final_url, portal=item.portal, status=item.status,
            body=item.body, content_type=item.content_type, crawl_run=self.run_id, fetched_at=item.fetched_at,
            etag=item.etag, last_modified=item.last_modified)

    def spider_closed(self, spider, reason):
        if self.db is None:
            return
        stats = self.crawler.stats.get_stats()
        self.counts["failed"], errors = failure_counts(stats)
        spider_errors = {key.split("/", 2)[-1]: value for key, value in stats.items() if key.startswith("spider_exceptions/")}
        errors.update({f"spider_{name}": value for name, value in spider_errors.items()})
        for counter in ("discovered", "skipped_known"):
            self.counts[counter] = stats.get(f"rapor/{counter}", 0)
        if errors.get(STORE_FAILED) or spider_errors:
            status = "failed"   # pages or discoveries were lost to this process: not a success
        else:
            status = "finished" if reason == "finished" else "interrupted"
        try:
            store.finish_run(self.db, self.run_id, status=status, counts=self.counts, error_counts=errors,
                             finish_reason=reason)
        except store.StoreError as exc:  # a full disk may refuse even this: the next start closes the run
            logger.error("could not book the end of run %s: %s", self.run_id, exc)
        self.crawler.stats.set_value("rapor/run_status", status)
        self.db.close()


class RedisPagePipeline:
    """Distributed mode: push each fetched page to a Redis list; one `rapor drain` writes them to
    SQLite. Workers on many machines thus never share a database file."""

    KEY = "rapor:pages"

    def __init__(self, redis_url: str, crawler):
        self.redis_url = redis_url
        self.crawler = crawler
        self.server = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("RAPOR_REDIS_URL"), crawler)

    def open_spider(self):
        import redis
        self.server = redis.Redis.from_url(self.redis_url)

    def process_item(self, item):
        record = dict(item.__dict__)
        record["body"] = base64.b64encode(item.body).decode("ascii")
        self.server.rpush(self.KEY, json.dumps(record))
        self.crawler.stats.inc_value("rapor/pushed_to_redis")
        return item
