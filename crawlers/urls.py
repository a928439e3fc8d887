"""One URL per article: the canonical form under which a page is known, fetched and stored, and
which URLs a portal may fetch at all. Pure: no network."""
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Parameters that name the visitor's route, not the page.
TRACKING_PREFIXES = ("utm_", "mc_")
TRACKING_NAMES = {"fbclid", "gclid", "ref", "amp", "m", "page_from", "share"}


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no default port, no tracking parameters,
    parameters sorted: "HTTP://Portal.id:80/a/?utm_source=x&b=1#top" → "http://portal.id/a/?b=1"."""
    parts = urlsplit(url.strip())
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not (k.lower().startswith(TRACKING_PREFIXES) or k.lower() in TRACKING_NAMES))
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


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
