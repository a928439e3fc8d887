"""One spider for every portal: what to fetch comes from `config/portals/<id>.yaml`.

    scrapy crawl portal -a portal=warta-banten
    rapor crawl warta-banten

Discovery runs from three kinds of sources, as the portal file lists them: sitemaps (index
files followed), RSS/Atom feeds, and listing pages (paginated by their "next" links). Every
URL that matches the portal's `allow` patterns and none of its `deny` patterns is fetched once
as an article page and handed, raw, to the store.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone

import scrapy
from lxml import etree
from scrapy.exceptions import UsageError
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.sitemap import Sitemap

from config import ConfigError, load_portal
from crawlers.items import PageItem

NEXT_PAGE_TEXT = re.compile(r"^\s*(berikutnya|selanjutnya|next|older|postingan lama|lebih lama|›|»|>)\b", re.I)
NEXT_PAGE_CSS = "a[rel=next], a.next, a.blog-pager-older-link, .pagination a, .nav-links a, a.page-numbers"


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, portal: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not portal:
            raise UsageError("which portal? run: scrapy crawl portal -a portal=<id> (ids: config/portals/*.yaml)")
        try:
            self.portal = load_portal(portal)
        except ConfigError as exc:
            raise UsageError(str(exc)) from None
        self.allowed_domains = list(self.portal.allowed_domains)
        self._allow = [re.compile(p) for p in self.portal.allow]
        self._deny = [re.compile(p) for p in self.portal.deny]
        self._articles = LinkExtractor(allow=self.portal.allow, deny=self.portal.deny,
                                       allow_domains=self.portal.allowed_domains)

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        # per-portal politeness, from the portal file (settings are still open here)
        politeness = spider.portal.politeness
        crawler.settings.set("DOWNLOAD_DELAY", politeness.delay, priority="spider")
        crawler.settings.set("CONCURRENT_REQUESTS_PER_DOMAIN", politeness.concurrency, priority="spider")
        crawler.settings.set("AUTOTHROTTLE_ENABLED", politeness.autothrottle, priority="spider")
        return spider

    async def start(self):
        portal = self.portal
        for url in portal.sitemaps:
            yield scrapy.Request(portal.absolute(url), callback=self.parse_sitemap)
        for url in portal.feeds:
            yield scrapy.Request(portal.absolute(url), callback=self.parse_feed)
        for url in (*portal.listings, *portal.start_urls):
            yield scrapy.Request(portal.absolute(url), callback=self.parse_listing)

    # -- discovery ----------------------------------------------------------------------------

    def is_article_url(self, url: str) -> bool:
        return any(p.search(url) for p in self._allow) and not any(p.search(url) for p in self._deny)

    def article_request(self, url: str) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_article)

    def parse_sitemap(self, response):
        try:
            sitemap = Sitemap(response.body)
        except (etree.XMLSyntaxError, ValueError):
            self.logger.warning("not a sitemap: %s", response.url)
            self.crawler.stats.inc_value("rapor/bad_sitemap")
            return
        for entry in sitemap:
            loc = entry.get("loc", "").strip()
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                yield scrapy.Request(loc, callback=self.parse_sitemap)
            elif self.is_article_url(loc):
                yield self.article_request(loc)

    def parse_feed(self, response):
        # some portals send a blank line before the XML declaration, which XML parsers reject
        body = response.body.lstrip()
        try:
            root = etree.fromstring(body, parser=etree.XMLParser(recover=True, resolve_entities=False))
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            self.logger.warning("not a feed: %s", response.url)
            self.crawler.stats.inc_value("rapor/bad_feed")
            return
        links = root.xpath("//item/link/text()") + root.xpath(
            "//*[local-name()='entry']/*[local-name()='link'][not(@rel) or @rel='alternate']/@href")
        for link in links:
            url = response.urljoin(link.strip())
            if self.is_article_url(url):
                yield self.article_request(url)

    def parse_listing(self, response):
        if not hasattr(response, "css"):
            return
        for link in self._articles.extract_links(response):
            yield self.article_request(link.url)
        for anchor in response.css(NEXT_PAGE_CSS):
            text = " ".join(anchor.css("::text").getall())
            if anchor.attrib.get("rel") == "next" or NEXT_PAGE_TEXT.search(text):
                url = response.urljoin(anchor.attrib.get("href", ""))
                if not any(p.search(url) for p in self._deny):
                    yield scrapy.Request(url, callback=self.parse_listing)

    # -- fetch --------------------------------------------------------------------------------

    def parse_article(self, response):
        yield PageItem(
            url=response.request.meta.get("redirect_urls", [response.url])[0],
            final_url=response.url, portal=self.portal.id, status=response.status, body=response.body,
            content_type=response.headers.get("Content-Type", b"").decode("latin-1"),
            fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )
