"""Page bytes → `Article`: decoding, boilerplate removal (trafilatura) and the publication date.

`html_to_article` returns None for pages that are not a single article (index pages, home
pages, feeds, empty shells): the evaluation stage must not read sidebars and headline lists.
"""
from __future__ import annotations

import json
import re
from datetime import date

import trafilatura
from htmldate import find_date
from lxml import html as lxml_html
from w3lib.encoding import html_to_unicode

from .dates import find_dateline_date
from .records import Article

MAX_HTML_BYTES = 5_000_000        # a larger page is cut here: no news article is that long
MIN_ARTICLE_CHARS = 250           # shorter main text is a gallery caption or an index stub
ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "blogposting"}


class NotHTML(ValueError):
    """The bytes are not an HTML document (binary, a feed, or empty)."""


def decode_html(body: bytes | str, content_type: str = "") -> str:
    """Bytes → text, trusting bytes over labels: many portals declare a charset they don't use.

    1. valid UTF-8 is UTF-8, whatever the header or <meta> claims (the common lie is
       "iso-8859-1" on UTF-8 pages, which would turn every "é" into mojibake);
    2. otherwise w3lib's browser-like order: BOM, HTTP header, <meta>, then detection.
    """
    if isinstance(body, str):
        return body
    if b"\x00" in body[:4096]:
        raise NotHTML("binary content (NUL bytes), not an HTML page")
    try:
        return body.decode("utf-8")  # 1.
    except UnicodeDecodeError:
        pass
    _, text = html_to_unicode(content_type or None, body)  # 2.
    return text


def _looks_like_feed(text: str) -> bool:
    head = text.lstrip()[:400].lower()
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<urlset" in head
                                          or "<sitemapindex" in head) or head.startswith(("<rss", "<feed"))


def _structured_types(tree) -> set[str]:
    """Lower-cased @type values of JSON-LD blocks and og:type: what the page says it is."""
    kinds: set[str] = set()
    for meta in tree.xpath("//meta[@property='og:type']/@content"):
        kinds.add(meta.strip().lower())
    for block in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(block)
        except (ValueError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                for k in (kind if isinstance(kind, list) else [kind]):
                    if isinstance(k, str):
                        kinds.add(k.lower())
                stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return kinds


# Listing pages by their address: the site root, section indexes, tags, searches, pagination.
INDEX_PATH = re.compile(
    r"^/?$|/(indeks|index|kategori|category|tag|label|search|arsip|archive|page)(/|$|\?)|[?&](s|q|page)=", re.I)


def _is_index_url(url: str | None) -> bool:
    if not url:
        return False
    from urllib.parse import urlsplit
    parts = urlsplit(url)
    return bool(INDEX_PATH.search(parts.path + ("?" + parts.query if parts.query else "")))


def html_to_article(body: bytes | str, url: str | None = None, content_type: str = "") -> Article | None:
    text = decode_html(body[:MAX_HTML_BYTES] if isinstance(body, bytes) else body[:MAX_HTML_BYTES],
                       content_type)
    if not text.strip() or _looks_like_feed(text):
        return None
    try:
        tree = lxml_html.fromstring(text)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    kinds = _structured_types(tree)
    _strip_non_body(tree)
    says_listing = bool(kinds & {"website", "collectionpage", "itemlist"}) and not kinds & ARTICLE_TYPES
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
        deduplicate=False, favor_precision=True,  # dedup state would make output depend on what came before
    )
    if doc is None or not (doc.text or "").strip():
        return None
    main_text = doc.text.strip()
    if len(main_text) < MIN_ARTICLE_CHARS:
        return None
    # Pages can lie about themselves (an index page with og:type "article"), so the address
    # the page is served under and the one it calls canonical both get a say.
    if says_listing or _is_index_url(url) or _is_index_url(doc.url):
        return None
    published, source = _published_date(text, main_text, doc)
    return Article(
        text=main_text, title=_title(tree, doc.title), url=url or doc.url, published=published,
        published_source=source, language=_language(main_text), author=doc.author or None,
        sitename=doc.sitename or None,
    )


_TITLE_SEPARATORS = re.compile(r"\s+[-|–—«»:]\s+")


def _title(tree, extracted: str | None) -> str | None:
    """og:title first; else trafilatura's guess if the <title> element agrees; else <title> cleaned.

    trafilatura may take a sidebar heading for the title on pages with no <h1>.
    """
    og = [t.strip() for t in tree.xpath("//meta[@property='og:title']/@content") if t.strip()]
    if og:
        return og[0]
    page_title = " ".join(tree.xpath("//title//text()")).strip()
    if extracted and (not page_title or extracted.strip() in page_title):
        return extracted.strip()
    if page_title:
        return max(_TITLE_SEPARATORS.split(page_title), key=len).strip()
    return extracted or None


# Blocks inside an article's container that are not the article: related links, "Baca juga"
# teasers, share bars, comments, pagers. Left in, their headlines (often with scores) would be
# read as if the article said them.
NOT_BODY_CLASS = re.compile(
    r"related|baca-?juga|bacajuga|share|sharing|social|comment|breadcrumb|pager|pagination|"
    r"nav-links|tags|widget|sidebar|advert|iklan|popular|terpopuler|rekomendasi", re.I)
READ_ALSO = re.compile(r"^\s*(baca|simak|lihat|klik)( juga| pula)?\s*:|^\s*(baca|simak|lihat) (juga|pula)\b", re.I)


# ...but a wrapper named "content-sidebar-wrap" holds the article itself.
WRAPPER_CLASS = re.compile(r"content|main|wrap|container|body|entry|article|post-inner|isi|layout|site", re.I)


def _strip_non_body(tree) -> None:
    for element in tree.xpath("//*[@class or @id]"):
        if element.getparent() is None or element.tag in ("body", "html"):
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}".split()
        if not any(NOT_BODY_CLASS.search(n) and not WRAPPER_CLASS.search(n) for n in names):
            continue
        # a block holding several long paragraphs is the article under an odd class name
        # ("author-and-share"), unless it is the comment section
        long_paragraphs = sum(1 for p in element.iter("p") if len(p.text_content()) > 150)
        if long_paragraphs >= 3 and not any("comment" in n.lower() for n in names):
            continue
        element.drop_tree()
    for paragraph in tree.xpath("//p|//div[not(*)]|//strong/.."):
        text = " ".join(paragraph.itertext())
        if READ_ALSO.match(text) and len(text) < 300 and paragraph.getparent() is not None:
            paragraph.drop_tree()


def _published_date(html_text: str, main_text: str, doc) -> tuple[str | None, str | None]:
    """The publication date, first source that answers wins.

    1. trafilatura's metadata (JSON-LD datePublished, article:published_time and friends);
    2. htmldate on the whole page (URL patterns, <time>, visible date strings);
    3. a dateline in the article text read by dateparser ("Kamis, (8/6/2023)").
    """
    if doc.date and _plausible(doc.date):  # 1.
        return doc.date[:10], "metadata"
    try:  # 2.
        found = find_date(html_text, original_date=True, outputformat="%Y-%m-%d", extensive_search=False)
    except (ValueError, TypeError):
        found = None
    if found and _plausible(found):
        return found, "htmldate"
    from_text = find_dateline_date(main_text)  # 3.
    if from_text:
        return from_text, "text"
    return None, None


def _plausible(iso: str) -> bool:
    try:
        value = date.fromisoformat(iso[:10])
    except ValueError:
        return False
    return 1995 <= value.year <= 2100


_EN = re.compile(r"\b(the|and|of|to|is|was|with|for|that)\b", re.I)
_ID = re.compile(r"\b(yang|dan|di|dengan|untuk|dari|ini|itu|dalam|tidak|pada|akan)\b", re.I)


def _language(text: str) -> str:
    """'id', 'en' or 'other' by function words: enough to keep English pages out of the rules."""
    sample = text[:5000]
    indonesian, english = len(_ID.findall(sample)), len(_EN.findall(sample))
    if indonesian >= english and indonesian >= 3:
        return "id"
    if english > indonesian and english >= 3:
        return "en"
    return "other"
