"""Downloader middleware Rapor adds to Scrapy's: waiting as long as a server asks."""
from __future__ import annotations

import asyncio

from scrapy.downloadermiddlewares.retry import RetryMiddleware, get_retry_request


class RetryAfterMiddleware(RetryMiddleware):
    """A 429 or 503 with `Retry-After: N` is retried after N seconds (up to RAPOR_MAX_RETRY_AFTER);
    other retryable answers (429, 5xx) after an exponential backoff of 1, 2, 4… seconds, instead
    of at once: a small portal that is struggling is not hammered."""

    def __init__(self, settings):
        super().__init__(settings)
        self.max_wait = settings.getint("RAPOR_MAX_RETRY_AFTER", 120)

    async def process_response(self, request, response):
        if response.status in (429, 503) and b"Retry-After" in response.headers:
            try:
                wait = float(response.headers[b"Retry-After"].decode())
            except ValueError:
                wait = 0.0
            if wait > self.max_wait:
                self.crawler.stats.inc_value("rapor/retry_after_too_long")
                return response
            retry = get_retry_request(request, spider=self.crawler.spider, reason=f"retry-after {response.status}",
                                      max_retry_times=self.max_retry_times)
            if retry is None:
                return response
            self.crawler.stats.inc_value("rapor/retry_after_waits")
            await asyncio.sleep(wait)
            return retry
        if response.status in self.retry_http_codes and not request.meta.get("dont_retry"):
            retries = request.meta.get("retry_times", 0)
            if retries < self.max_retry_times:
                await asyncio.sleep(min(self.max_wait, 2 ** retries))
        return super().process_response(request, response)
