"""Progress of a long crawl: a live line on a terminal, a plain log line every interval otherwise."""
from __future__ import annotations

import sys

from scrapy import signals
from twisted.internet import task

from crawlers.outcomes import failure_counts


class Progress:
    """Every RAPOR_PROGRESS_INTERVAL seconds: what this portal's crawl discovered, fetched, skipped
    and lost so far. On a terminal the line is redrawn in place; in logs (cron, systemd) it is
    appended, so an operator can follow a run that takes hours."""

    def __init__(self, crawler, interval: float):
        self.crawler = crawler
        self.interval = interval
        self.loop = None
        self.live = sys.stderr.isatty()

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler, crawler.settings.getfloat("RAPOR_PROGRESS_INTERVAL", 10.0))
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def line(self) -> str:
        stats = self.crawler.stats
        failed, _ = failure_counts(stats.get_stats())
        return (f"{self.crawler.spider.name}: discovered {stats.get_value('rapor/discovered', 0)}, "
                f"fetched {stats.get_value('item_scraped_count', 0)}, "
                f"already known {stats.get_value('rapor/skipped_known', 0)}, failed {failed}")

    def report(self) -> None:
        if self.live:
            sys.stderr.write("\r\x1b[2K" + self.line())
            sys.stderr.flush()
        else:
            self.crawler.spider.logger.info(self.line())

    def spider_opened(self, spider):
        self.loop = task.LoopingCall(self.report)
        self.loop.start(self.interval, now=False)

    def spider_closed(self, spider, reason):
        if self.loop and self.loop.running:
            self.loop.stop()
        if self.live:
            sys.stderr.write("\r\x1b[2K" + self.line() + f" ({reason})\n")
