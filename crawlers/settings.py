"""Scrapy settings for Rapor: only what we set, each with the reason.

Per-portal politeness (delay, concurrency) comes from the portal's config file and is applied
by the spider in `from_crawler`; these are the defaults for everything else.
"""
import os

from rapor.config import load_crawler_config

BOT_NAME = "rapor"
SPIDER_MODULES = ["rapor.crawlers.spiders"]
NEWSPIDER_MODULE = "rapor.crawlers.spiders"

# An honest name with a way to reach us: regional portals are small sites run by small teams.
# One User-Agent, written in config/crawler.yaml; `-s USER_AGENT=…` still overrides it.
USER_AGENT = load_crawler_config()["user_agent"]
ROBOTSTXT_OBEY = True

# Polite defaults; a portal's config may lower the delay (the bundled loopback portals do).
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# No news article is 5 MB: a bigger body is a mistake or a trap, and is dropped.
DOWNLOAD_MAXSIZE = 5 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30
# Result documents are bigger: a 200-page annual report with its tables is tens of MB.
RAPOR_DOCUMENT_MAXSIZE = 100 * 1024 * 1024

# 429 and 5xx are worth retrying; the rest of errors are counted per portal in crawl_runs.
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]

# Only http(s) is ever fetched: Scrapy's handlers for local files, FTP, S3 and data: URLs are
# off, so even a URL that slipped past the checks below has nothing to read it (issue 11: a
# sitemap entry `file://127.0.0.1/…` was read from the local disk; an `ftp://` one hung the crawl).
DOWNLOAD_HANDLERS = {"file": None, "ftp": None, "s3": None, "data": None}

DOWNLOADER_MIDDLEWARES = {
    # the portal's domains and http(s) only, for every request and redirect, with its errback
    # called (Scrapy's offsite check drops a request at scheduling, silently)
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "rapor.crawlers.middlewares.UrlPolicyMiddleware": 50,
    # Retry-After is honoured (Scrapy's own retry middleware retries at once).
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "rapor.crawlers.middlewares.RetryAfterMiddleware": 550,
    # redirects checked where they are made: loops and off-portal targets are counted, not lost
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "rapor.crawlers.middlewares.PortalMetaRefreshMiddleware": 580,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "rapor.crawlers.middlewares.PortalRedirectMiddleware": 600,
}

ITEM_PIPELINES = {"rapor.crawlers.pipelines.StorePipeline": 300}

# A progress line per portal: redrawn on a terminal, logged every interval otherwise.
EXTENSIONS = {"rapor.crawlers.extensions.Progress": 500}
RAPOR_PROGRESS_INTERVAL = 10.0
# `scrapy crawl` writes where `rapor` does: $RAPOR_DB, else data/rapor.db (`-s RAPOR_DB=…` wins)
RAPOR_DB = os.environ.get("RAPOR_DB", "data/rapor.db")

TELNETCONSOLE_ENABLED = False  # an open port on a crawl host is nothing we need
# Scrapy 2.19's remote control serves an endpoint that executes Python in the crawler: off, like telnet
REMOTE_CONTROL_ENABLED = False
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
