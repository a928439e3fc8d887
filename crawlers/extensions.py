"""Progress of a long crawl: what each portal's crawl has done so far, as numbers
(`progress_counts`, which `rapor crawl` draws live with rich) and as a log line every interval
(`Progress`, for `scrapy crawl`, cron and systemd logs)."""
from __future__ import annotations

from scrapy import signals
from twisted.internet import task

from rapor.crawlers.outcomes import failure_counts


def progress_counts(crawler) -> dict:
    """What one portal's crawl discovered, fetched, skipped as already known and lost so far,
    and whether it is over ("finished" once its spider closed)."""
    stats = crawler.stats.get_stats() if crawler.stats else {}
    # once per URL, after its retries, with the URLs refused or not storable (crawlers.outcomes):
    # the same number the run books in crawl_runs.pages_failed
    failed, _ = failure_counts(stats)
    return {"discovered": stats.get("rapor/discovered", 0), "fetched": stats.get("item_scraped_count", 0),
            "known": stats.get("rapor/skipped_known", 0), "failed": failed,
            "finished": stats.get("finish_reason")}


class Progress:
    """Every RAPOR_PROGRESS_INTERVAL seconds, a log line (INFO) with what this portal's crawl
    discovered, fetched, skipped and lost so far, so an operator can follow a run that takes
    hours in its log. `rapor crawl` on a terminal draws the same numbers live instead."""

    def __init__(self, crawler, interval: float):
        self.crawler = crawler
        self.interval = interval
        self.loop = None

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler, crawler.settings.getfloat("RAPOR_PROGRESS_INTERVAL", 10.0))
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def line(self) -> str:
        counts = progress_counts(self.crawler)
        return (f"{self.crawler.spider.name}: discovered {counts['discovered']}, fetched {counts['fetched']}, "
                f"already known {counts['known']}, failed {counts['failed']}")

    def report(self) -> None:
        self.crawler.spider.logger.info(self.line())

    def spider_opened(self, spider):
        self.loop = task.LoopingCall(self.report)
        self.loop.start(self.interval, now=False)

    def spider_closed(self, spider, reason):
        if self.loop and self.loop.running:
            self.loop.stop()
