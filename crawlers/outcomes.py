"""Why a URL did not end stored: one reason per URL, counted in the crawl's stats, booked in crawl_runs.

Scrapy's own counters count attempts (a 500 retried twice is three 500s) and miss what is
dropped before a download (an offsite redirect, a redirect loop). Rapor counts outcomes
instead: the spider's errbacks run once per URL, after retries, and name one reason each.
This module must not write anywhere; the spider and the store pipeline do.
"""
from __future__ import annotations

import re
import zlib

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    NotSupported,
    ResponseDataLossError,
    UnsupportedURLSchemeError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import defer, error
from twisted.web.client import ResponseFailed, ResponseNeverReceived

# Stats keys: article URLs that did not end stored (fetch failed, refused, or not storable),
# and discovery sources (sitemaps, feeds, listings) that could not be read.
FAILED = "rapor/failed/"
SOURCE_FAILED = "rapor/source_failed/"
STORE_FAILED = "store_failed"  # fetched, but the database refused the write (full disk…)
DISK_FULL = "rapor/disk_full"  # set when a refused write was refused for want of space


class Refused(IgnoreRequest):
    """A request Rapor will not make: not http(s), off the portal's domains, or a redirect loop."""

    def __init__(self, reason: str, url: str):
        super().__init__(f"not fetched: {url}")
        self.reason, self.url = reason, url


# Exception types → reason, checked in order. The download handler's exceptions are Scrapy
# 2.19's; Twisted's are what older paths (and the retry middleware's last failure) still raise.
_REASONS = (
    ((DownloadTimeoutError, error.TimeoutError, defer.TimeoutError), "timeout"),
    # the download handler cancels a body past DOWNLOAD_MAXSIZE, announced or not
    ((DownloadCancelledError, defer.CancelledError), "too_large"),
    ((DownloadConnectionRefusedError, error.ConnectionRefusedError), "connection_refused"),
    ((CannotResolveHostError, error.DNSLookupError), "dns"),
    ((ResponseDataLossError, ResponseFailed, ResponseNeverReceived, error.ConnectionLost, error.ConnectionDone,
      DownloadFailedError), "connection_lost"),
    ((zlib.error, EOFError), "bad_encoding"),  # a body that says gzip/deflate and is not
    ((UnsupportedURLSchemeError, NotSupported), "refused_scheme"),
)


def failure_reason(failure) -> str:
    """The one reason a request failed, as a short snake_case word for `crawl_runs.error_counts`."""
    exc = failure.value
    if isinstance(exc, Refused):
        return exc.reason
    if isinstance(exc, HttpError):
        return f"http_{exc.response.status}"
    for kinds, reason in _REASONS:
        if isinstance(exc, kinds):
            return reason
    if isinstance(exc, IgnoreRequest):
        # Scrapy raises a bare IgnoreRequest for both of these; its message is all that tells them apart
        text = str(exc)
        if "robots.txt" in text:
            return "robots"
        if "DOWNLOAD_MAXSIZE" in text:
            return "too_large"
        return "ignored"
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(exc).__name__).lower()


def failure_counts(stats: dict) -> tuple[int, dict[str, int]]:
    """(article URLs not stored, {reason: URLs}) from a crawl's stats; source failures are keyed
    `source_<reason>` and are not article URLs."""
    counts: dict[str, int] = {}
    pages_failed = 0
    for key, value in stats.items():
        if key.startswith(FAILED):
            counts[key[len(FAILED):]] = value
            pages_failed += value
        elif key.startswith(SOURCE_FAILED):
            counts["source_" + key[len(SOURCE_FAILED):]] = value
    return pages_failed, counts
