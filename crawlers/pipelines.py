"""The one item pipeline: write each fetched page to the SQLite store, and book the run."""
from __future__ import annotations

import base64
import json
from collections import Counter

from scrapy import signals

import store


class StorePipeline:
    def __init__(self, db_path: str, crawler):
        self.db_path = db_path
        self.crawler = crawler
        self.counts: Counter = Counter()
        self.db = None
        self.run_id = None

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
        if item.kind == "document":
            outcome = store.save_document(
                self.db, url=item.url, final_url=item.final_url, portal=item.portal, status=item.status,
                body=item.body, content_type=item.content_type, source=item.source, title=item.title,
                crawl_run=self.run_id, fetched_at=item.fetched_at, etag=item.etag, last_modified=item.last_modified)
            self.counts[f"documents_{outcome}"] += 1
            return item
        outcome = store.save_page(
            self.db, url=item.url, final_url=item.final_url, portal=item.portal, status=item.status,
            body=item.body, content_type=item.content_type, crawl_run=self.run_id, fetched_at=item.fetched_at,
            etag=item.etag, last_modified=item.last_modified,
        )
        self.counts["seen"] += 1
        self.counts[outcome] += 1
        return item

    def spider_closed(self, spider, reason):
        if self.db is None:
            return
        stats = self.crawler.stats.get_stats()
        errors = {key.split("/", 2)[-1]: value for key, value in stats.items()
                  if key.startswith(("downloader/exception_type_count/", "spider_exceptions/"))}
        for key, value in stats.items():
            if key.startswith("downloader/response_status_count/") and int(key.rsplit("/", 1)[1]) >= 400:
                errors["http_" + key.rsplit("/", 1)[1]] = value
        for counter in ("discovered", "skipped_known"):
            self.counts[counter] = stats.get(f"rapor/{counter}", 0)
        store.finish_run(self.db, self.run_id, status="finished" if reason == "finished" else "interrupted",
                         counts=self.counts, error_counts=errors, finish_reason=reason)
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
