"""One URL per article: the canonical form under which a page is known, fetched and stored."""
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
