"""Downloader middleware Rapor adds to Scrapy's: only the portal's http(s) URLs are requested,
redirects are followed only where the portal may go, and servers are waited for as they ask."""
from __future__ import annotations

import asyncio

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware, RedirectMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware, get_retry_request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request

from rapor.crawlers.outcomes import Refused
from rapor.crawlers.urls import canonical_url, refusal


class UrlPolicyMiddleware:
    """Every request, redirects included, is http(s) on one of the portal's domains, or is refused.

    It takes the place of Scrapy's OffsiteMiddleware, which drops offsite requests when they
    are scheduled, without calling their errback: the URL that led there then stays pending
    forever, uncounted. Raised here, in `process_request`, the refusal reaches the spider's
    errback with its reason. Runs before the robots.txt middleware, so not even a robots.txt
    is asked of a host or scheme the portal does not name.
    """

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request):
        reason = refusal(request.url, self.crawler.spider.allowed_domains)
        if reason:
            self.crawler.stats.inc_value(f"rapor/refused_requests/{reason}")
            raise Refused(reason, request.url)


class _CheckedRedirects:
    """A redirect is checked where it is made, so the URL that led to it is the one counted:
    a target off the portal or outside http(s) is refused, a chain that comes back to a URL it
    already visited is a loop. Checked redirects bypass the duplicate filter, which would
    otherwise drop a loop's second lap, or a redirect to a URL fetched under its own name,
    without a word."""

    def process_response(self, request, response):
        try:
            result = super().process_response(request, response)
        except IgnoreRequest:  # Scrapy's "max redirections reached"
            raise Refused("too_many_redirects", request.url) from None
        if isinstance(result, Request):
            seen = {canonical_url(u) for u in (*request.meta.get("redirect_urls", ()), request.url)}
            if canonical_url(result.url) in seen:
                raise Refused("redirect_loop", result.url)
            reason = refusal(result.url, self.crawler.spider.allowed_domains)
            if reason:
                raise Refused(reason, result.url)
            result.dont_filter = True
        elif 300 <= response.status < 400 and b"Location" in response.headers:
            # Scrapy answers a redirect to file:, ftp:, data:… with the 3xx itself; say why
            location = response.urljoin(response.headers[b"Location"].decode("latin-1"))
            reason = refusal(location, self.crawler.spider.allowed_domains)
            if reason:
                raise Refused(reason, location)
        return result


class PortalRedirectMiddleware(_CheckedRedirects, RedirectMiddleware):
    """3xx redirects, checked (see `_CheckedRedirects`)."""


class PortalMetaRefreshMiddleware(_CheckedRedirects, MetaRefreshMiddleware):
    """<meta http-equiv=refresh> redirects, checked the same way."""


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
