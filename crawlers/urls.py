"""One URL per article: the canonical form under which a page is known, fetched and stored, and
which URLs a portal may fetch at all. Pure: no network."""
from __future__ import annotations

from typing import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# The defaults, for callers without a portal; the crawl reads config/crawler.yaml's list.
TRACKING_PARAMETERS = ("utm_*", "mc_*", "fbclid", "gclid", "ref", "amp", "m", "page_from", "share")


def _tracking(name: str, patterns: Iterable[str]) -> bool:
    name = name.lower()
    return any(name.startswith(p[:-1].lower()) if p.endswith("*") else name == p.lower() for p in patterns)


def canonical_url(url: str, tracking: Iterable[str] = TRACKING_PARAMETERS) -> str:
    """w3lib's canonical form (case of scheme and host, percent-encoding, sorted parameters, no
    fragment) without the default port and without tracking parameters (`name*` a prefix):
    "HTTP://Portal.id:80/a/?utm_source=x&b=1#top" → "http://portal.id/a/?b=1"."""
    tracking = tuple(tracking)
    parts = urlsplit(url.strip())
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k, tracking)]
    return canonicalize_url(urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), "")))


FETCHED_SCHEMES = ("http", "https")


def refusal(url: str, allowed_domains: tuple[str, ...] | list[str]) -> str | None:
    """Why a URL must not be fetched for a portal, or None when it may be.

    Only http(s) is ever fetched: a sitemap listing `file://127.0.0.1/…` passes a host check
    and would read a local file (issue 11). The host must be one of the portal's domains or a
    subdomain of one; a portal without domains fetches nothing (its file is refused on load).
    """
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in FETCHED_SCHEMES:
        return "refused_scheme"
    host = (parts.hostname or "").lower().rstrip(".")
    if not host or not any(host == d or host.endswith("." + d) for d in (d.lower().strip(".") for d in allowed_domains)):
        return "refused_offsite"
    return None
