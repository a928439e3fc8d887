"""Where article URLs are found: sitemaps, feeds and listing pages, read without any network.

The spider calls these on its responses; `rapor portals check --fixture` calls them on a saved
file, so an operator sees what a portal file would discover before crawling anything.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable
from email.utils import parsedate_to_datetime

from lxml import etree, html
from scrapy.utils.sitemap import Sitemap


def iso_date(value: str | None) -> str | None:
    """Sitemap lastmod (ISO 8601) or feed pubDate (RFC 822) → 'YYYY-MM-DDTHH:MM:SS' (UTC), else None."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    if parsed.tzinfo:
        parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    return parsed.isoformat(timespec="seconds")


def sitemap_entries(body: bytes) -> tuple[str, list[tuple[str, str | None]]] | None:
    """("sitemapindex" | "urlset", [(loc, lastmod)]), or None when the bytes are no sitemap."""
    try:
        sitemap = Sitemap(body)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if sitemap.type not in ("sitemapindex", "urlset"):
        return None
    return sitemap.type, [(e["loc"].strip(), iso_date(e.get("lastmod"))) for e in sitemap if e.get("loc", "").strip()]


def feed_entries(body: bytes) -> list[tuple[str, str | None]] | None:
    """[(link, date)] of an RSS or Atom feed, or None when the bytes are no feed.

    Some portals send a blank line before the XML declaration, which XML parsers reject.
    """
    try:
        root = etree.fromstring(body.lstrip(), parser=etree.XMLParser(recover=True, resolve_entities=False))
    except etree.XMLSyntaxError:
        return None
    if root is None or etree.QName(root).localname not in ("rss", "feed", "RDF"):
        return None
    entries = []
    for item in root.xpath("//item | //*[local-name()='entry']"):
        link = (item.xpath("string(link)") or "").strip() or next(iter(item.xpath(
            "*[local-name()='link'][not(@rel) or @rel='alternate']/@href")), "")
        when = item.xpath("string(pubDate)") or item.xpath("string(*[local-name()='updated'])") \
            or item.xpath("string(*[local-name()='published'])")
        if link:
            entries.append((link.strip(), iso_date(when)))
    return entries


def discover_in(portal, body: bytes, base_url: str | None = None,
                fetch: Callable[[str], bytes] | None = None) -> Discovery:
    """What a saved page of a portal yields, as the spider would read it.

    A sitemap index lists child sitemaps, not articles: they are reported as such and, with
    `fetch` (url → bytes), followed as the spider follows them; a child that cannot be fetched
    keeps its error. Without `fetch`, children are listed but not read.
    """
    import re
    from urllib.parse import urljoin

    from rapor.config import load_crawler_config
    from rapor.crawlers.urls import canonical_url as canonical

    tracking = (*load_crawler_config()["tracking_parameters"], *portal.tracking_parameters)

    def canonical_url(url: str) -> str:
        return canonical(url, tracking)

    allow = [re.compile(p) for p in portal.allow]
    deny = [re.compile(p) for p in portal.deny]

    def kept(url: str) -> bool:
        return any(p.search(url) for p in allow) and not any(p.search(url) for p in deny)

    base = base_url or portal.base_url
    found = sitemap_entries(body)
    if found:
        kind, entries = found
        if kind == "urlset":
            return Discovery("sitemap (urlset)", [(url, when, kept(canonical_url(url))) for url, when in entries])
        result = Discovery("sitemap (sitemapindex)", [])
        for child, _ in entries:
            error = None
            if fetch is not None:
                try:
                    inner = discover_in(portal, fetch(child), child)  # an index may nest indexes
                    result.urls += inner.urls
                    result.children += inner.children
                    error = inner.error
                except Exception as exc:  # noqa: BLE001 - any failure to read a child is reported, not fatal
                    error = str(exc) or type(exc).__name__
            result.children.append((child, error if fetch is not None else "not followed"))
        return result
    entries = feed_entries(body)
    if entries is not None:
        return Discovery("feed", [(urljoin(base, url), when, kept(canonical_url(urljoin(base, url)))) for url, when in entries])
    try:
        tree = html.fromstring(body)
    except (etree.ParserError, ValueError):
        return Discovery("nothing readable", [], error="neither a sitemap, a feed nor an HTML page")
    links = dict.fromkeys(urljoin(base, href) for href in tree.xpath("//a/@href"))
    return Discovery("listing page", [(url, None, kept(canonical_url(url))) for url in links if kept(canonical_url(url))])


@dataclass
class Discovery:
    """What one saved page yields: its kind, article URLs as (url, date, kept by allow/deny),
    and for a sitemap index its child sitemaps as (url, error or None once read)."""
    kind: str
    urls: list = field(default_factory=list)
    children: list = field(default_factory=list)
    error: str | None = None
