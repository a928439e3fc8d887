"""One URL per article: the canonical form under which a page is known, fetched and stored."""
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
