"""One spider for every portal: what to fetch comes from `config/portals/<id>.yaml`.

    scrapy crawl portal -a portal=warta-banten [-a since=2024-01-01]
    rapor crawl warta-banten [--since 2024-01-01]

1. Resume: URLs a previous run discovered but did not fetch (it was killed, or they failed) are
   fetched first; the frontier lives in the database, written with the pages themselves.
2. Discover from the portal's sitemaps (index files followed, `lastmod` read), RSS/Atom feeds
   (item dates read), listing pages (followed by their "next" links) and its own search for
   evaluation words. Dated entries older than `since` are dropped before any fetch.
3. Fetch each article URL (canonical form) once: a URL already stored is skipped unless its
   source says it changed, and then it is asked for conditionally (ETag / Last-Modified), so an
   unchanged page costs a 304. Pages go to the store raw; evaluations are never parsed here.
4. Documents (result tables as PDF, XLSX, CSV or HTML) are discovered on the portal's document
   listings, through CKAN's `package_search`, and as links inside its articles; they go through
   the same frontier and are stored raw in `documents`, with a larger size cap.
5. Account for every URL: one that is not http(s) on the portal's domains is refused at
   discovery (and again by the downloader middleware, for redirects); one whose fetch fails is
   booked once, after retries, under the URL that was asked for, with its reason
   (`crawlers.outcomes`). Either way the reason lands in the frontier and in `crawl_runs`.

In distributed mode (scrapy-redis) the frontier and the duplicate filter live in Redis instead,
and pages are pushed to Redis for one `rapor drain` writer.
"""
from __future__ import annotations

import json
import re
from datetime import date, datetime, timezone
from urllib.parse import quote

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, UsageError
from scrapy.linkextractors import LinkExtractor

from rapor import store
from rapor.config import ConfigError, Portal, load_crawler_config, load_portal
from rapor.crawlers.discovery import feed_entries, sitemap_entries
from rapor.crawlers.items import PageItem
from rapor.crawlers.outcomes import FAILED, SOURCE_FAILED, failure_reason
from rapor.crawlers.urls import canonical_url, refusal

NEXT_PAGE_TEXT = re.compile(r"^\s*(berikutnya|selanjutnya|next|older|postingan lama|lebih lama|›|»|>)\b", re.I)
NEXT_PAGE_CSS = "a[rel=next], a.next, a.blog-pager-older-link, .pagination a, .nav-links a, a.page-numbers"


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, portal: str | Portal | None = None, since: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not portal:
            raise UsageError("which portal? run: scrapy crawl portal -a portal=<id> (ids: config/portals/*.yaml, "
                             "or the folder RAPOR_PORTALS_DIR names)")
        try:
            # `rapor crawl` hands over the Portal it loaded; `scrapy crawl -a portal=<id>` its id
            self.portal = portal if isinstance(portal, Portal) else load_portal(portal)
            self.crawler_config = load_crawler_config()
        except ConfigError as exc:
            raise UsageError(str(exc)) from None
        try:
            self.since = date.fromisoformat(since).isoformat() if since else None
        except ValueError:
            raise UsageError(f"since must be a date YYYY-MM-DD, got {since!r}") from None
        # one queue and duplicate filter per portal when they live in Redis ("portal.<id>:requests")
        self.name = f"portal.{self.portal.id}"
        self.allowed_domains = list(self.portal.allowed_domains)
        self._allow = [re.compile(p) for p in self.portal.allow]
        self._deny = [re.compile(p) for p in self.portal.deny]
        # no allow_domains here: Scrapy's check compares host:port with the host and drops every
        # link of a portal served on a port; the offsite middleware enforces the domains anyway
        self._articles = LinkExtractor(allow=self.portal.allow, deny=self.portal.deny)
        # documents: Scrapy's extractor skips .pdf/.xlsx/.csv links unless told otherwise
        self._documents = LinkExtractor(allow=self.portal.documents.links, deny=self.portal.deny, deny_extensions=[])
        self._document_links = [re.compile(p) for p in self.portal.documents.links]
        self.db = None   # the frontier, in embedded mode
        # crawler.yaml's tracking parameters and this portal's own
        self.tracking = (*self.crawler_config["tracking_parameters"], *self.portal.tracking_parameters)
        self._refused: set[str] = set()  # URLs refused in this run: each is counted once

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        # per-portal politeness, from the portal file (settings are still open here)
        politeness = spider.portal.politeness
        settings.set("DOWNLOAD_DELAY", politeness.delay, priority="spider")
        settings.set("CONCURRENT_REQUESTS_PER_DOMAIN", politeness.concurrency, priority="spider")
        settings.set("AUTOTHROTTLE_ENABLED", politeness.autothrottle, priority="spider")
        settings.set("RAPOR_MAX_RETRY_AFTER", spider.crawler_config["max_retry_after"], priority="spider")
        if not settings.get("RAPOR_REDIS_URL"):
            spider.db = store.open_db(settings.get("RAPOR_DB"))
        else:
            import redis
            spider.redis = redis.Redis.from_url(settings.get("RAPOR_REDIS_URL"))
            crawler.signals.connect(spider.keep_alive_while_shared_work, signal=signals.spider_idle)
        return spider

    def keep_alive_while_shared_work(self):
        """A worker whose own requests ran out stays while the shared queue still holds some."""
        if self.redis.zcard(f"{self.name}:requests"):
            raise DontCloseSpider

    async def start(self):
        portal = self.portal
        if self.db is not None:  # 1.
            for row in store.frontier_pending(self.db, portal.id, self.crawler_config["max_attempts"]):
                self.crawler.stats.inc_value("rapor/resumed")
                yield self._fetch(row["url"], document=(row["source"] or "").startswith("document"), source=row["source"])
        sources = [(url, self.parse_sitemap) for url in portal.sitemaps]  # 2.
        sources += [(url, self.parse_feed) for url in portal.feeds]
        sources += [(url, self.parse_listing) for url in (*portal.listings, *portal.start_urls)]
        sources += [(template.replace("{q}", quote(term)), self.parse_listing)
                    for template in portal.search for term in self.crawler_config["search_terms"]]
        sources += [(url, self.parse_document_listing) for url in portal.documents.listings]  # 4.
        sources += [(url, self.parse_ckan) for url in portal.documents.ckan]
        for url, callback in sources:
            if request := self._source(portal.absolute(url), callback):
                yield request

    # -- discovery ----------------------------------------------------------------------------

    def is_article_url(self, url: str) -> bool:
        return any(p.search(url) for p in self._allow) and not any(p.search(url) for p in self._deny)

    def is_document_url(self, url: str) -> bool:
        """Only http(s): a CKAN resource may name ftp:// or file:// URLs, which are never fetched."""
        return url.startswith(("http://", "https://")) and any(p.search(url) for p in self._document_links) \
            and not any(p.search(url) for p in self._deny)

    def discovered(self, url: str, source: str, lastmod: str | None = None, document: bool = False, title: str = ""):
        """A discovered article (or document) URL → a request, or nothing if out of window or already stored."""
        url = canonical_url(url, self.tracking)
        if not (self.is_document_url(url) if document else self.is_article_url(url)):
            return None
        if document:
            source = f"document:{source}"
        self.crawler.stats.inc_value("rapor/discovered")
        if reason := refusal(url, self.allowed_domains):  # 5.
            if url not in self._refused:
                self._refused.add(url)
                self.crawler.stats.inc_value(FAILED + reason)
                if self.db is not None:
                    store.frontier_refused(self.db, url, self.portal.id, source, reason)
            return None
        if self.since and lastmod and lastmod[:10] < self.since:
            self.crawler.stats.inc_value("rapor/skipped_before_since")
            return None
        fetch = {"document": document, "title": title, "source": source}
        if self.db is None:
            return self._fetch(url, **fetch)
        known = store.frontier_state(self.db, url)
        if known and known["state"] == "fetched":
            if not lastmod or lastmod <= (known["fetched_at"] or "")[:19]:
                self.crawler.stats.inc_value("rapor/skipped_known")
                return None
            store.frontier_add(self.db, url, self.portal.id, source, lastmod)  # changed at the source
            return self._fetch(url, conditional=known, **fetch)
        if known and known["state"] in ("pending", "failed"):
            return self._fetch(url, **fetch)  # the resume pass asked for it; the dupefilter keeps it single
        store.frontier_add(self.db, url, self.portal.id, source, lastmod)
        return self._fetch(url, **fetch)

    def _fetch(self, url: str, conditional: dict | None = None, document: bool = False, title: str = "",
               source: str = "") -> scrapy.Request:
        headers = {}
        if conditional:
            if conditional.get("etag"):
                headers["If-None-Match"] = conditional["etag"]
            if conditional.get("last_modified"):
                headers["If-Modified-Since"] = conditional["last_modified"]
        if document:
            return scrapy.Request(url, callback=self.parse_document, errback=self.fetch_failed, headers=headers,
                                  meta={"handle_httpstatus_list": [304], "rapor_title": title, "rapor_source": source,
                                        "download_maxsize": self.settings.getint("RAPOR_DOCUMENT_MAXSIZE")})
        return scrapy.Request(url, callback=self.parse_article, errback=self.fetch_failed, headers=headers,
                              meta={"handle_httpstatus_list": [304]})

    def _source(self, url: str, callback, **request) -> scrapy.Request | None:
        """A request for a sitemap, feed, listing page or CKAN answer, or None (counted) when it may not be made."""
        if reason := refusal(url, self.allowed_domains):
            self.logger.warning("refused %s (%s)", url, reason)
            self.crawler.stats.inc_value(SOURCE_FAILED + reason)
            return None
        return scrapy.Request(url, callback=callback, errback=self.source_failed, **request)

    def parse_sitemap(self, response):
        found = sitemap_entries(response.body)
        if found is None:
            self.logger.warning("not a sitemap: %s", response.url)
            self.crawler.stats.inc_value("rapor/bad_sitemap")
            return
        kind, entries = found
        for loc, lastmod in entries:
            if kind == "sitemapindex":
                if request := self._source(loc, self.parse_sitemap):
                    yield request
            elif request := self.discovered(loc, "sitemap", lastmod):
                yield request

    def parse_feed(self, response):
        entries = feed_entries(response.body)
        if entries is None:
            self.logger.warning("not a feed: %s", response.url)
            self.crawler.stats.inc_value("rapor/bad_feed")
            return
        for link, when in entries:
            if request := self.discovered(response.urljoin(link), "feed", when):
                yield request

    def parse_listing(self, response):
        if not hasattr(response, "css"):
            return
        for link in self._articles.extract_links(response):
            request = self.discovered(link.url, "listing")
            if request:
                yield request
        for anchor in response.css(NEXT_PAGE_CSS):
            text = " ".join(anchor.css("::text").getall())
            if anchor.attrib.get("rel") == "next" or NEXT_PAGE_TEXT.search(text):
                url = response.urljoin(anchor.attrib.get("href", ""))
                if not any(p.search(url) for p in self._deny) and (request := self._source(url, self.parse_listing)):
                    yield request

    def parse_document_listing(self, response):
        if not hasattr(response, "css"):
            return
        for link in self._documents.extract_links(response):
            if request := self.discovered(link.url, "listing", document=True, title=" ".join(link.text.split())):
                yield request

    def parse_ckan(self, response):
        """CKAN's package_search answer: each package's resources are documents; pages follow by `start`."""
        try:
            result = json.loads(response.text)["result"]
            packages = result["results"]
        except (ValueError, KeyError, TypeError, AttributeError):
            self.logger.warning("not a CKAN package_search answer: %s", response.url)
            self.crawler.stats.inc_value("rapor/bad_ckan")
            return
        for package in packages:
            for resource in package.get("resources") or []:
                title = package.get("title") or resource.get("name") or ""
                if resource.get("url") and (request := self.discovered(response.urljoin(resource["url"]), "ckan",
                                                                       document=True, title=title)):
                    yield request
        seen = int(response.meta.get("ckan_start", 0)) + len(packages)
        if packages and seen < int(result.get("count") or 0):
            from w3lib.url import add_or_replace_parameter
            if request := self._source(add_or_replace_parameter(response.url, "start", str(seen)), self.parse_ckan,
                                       meta={"ckan_start": seen}):
                yield request

    # -- fetch --------------------------------------------------------------------------------

    def _item(self, response, **extra) -> PageItem:
        first_url = response.request.meta.get("redirect_urls", [response.url])[0]
        return PageItem(
            url=canonical_url(first_url, self.tracking), final_url=response.url, portal=self.portal.id,
            status=response.status, body=response.body if response.status != 304 else b"",
            content_type=response.headers.get("Content-Type", b"").decode("latin-1"),
            fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            etag=response.headers.get("ETag", b"").decode("latin-1"),
            last_modified=response.headers.get("Last-Modified", b"").decode("latin-1"), **extra,
        )

    def parse_article(self, response):
        yield self._item(response)
        if self.portal.documents.from_articles and hasattr(response, "css"):
            # a report file linked from an official article (a press release with its annex)
            for link in self._documents.extract_links(response):
                if request := self.discovered(link.url, "article", document=True, title=" ".join(link.text.split())):
                    yield request

    def parse_document(self, response):
        yield self._item(response, kind="document", title=response.meta.get("rapor_title", ""),
                         source=response.meta.get("rapor_source") or "document")

    def fetch_failed(self, failure):
        """Called once per article URL, after retries: booked under the URL that was asked for
        (not the last hop of its redirects, which the frontier does not know)."""
        url = canonical_url(failure.request.meta.get("redirect_urls", [failure.request.url])[0], self.tracking)
        reason = failure_reason(failure)
        detail = failure.getErrorMessage() or type(failure.value).__name__
        self.logger.warning("failed %s (%s): %s", url, reason, detail)
        self.crawler.stats.inc_value(FAILED + reason)
        if self.db is not None:
            store.frontier_failed(self.db, url, f"{reason}: {detail}")

    def source_failed(self, failure):
        reason = failure_reason(failure)
        self.logger.warning("could not read %s (%s): %s", failure.request.url, reason, failure.getErrorMessage())
        self.crawler.stats.inc_value(SOURCE_FAILED + reason)
