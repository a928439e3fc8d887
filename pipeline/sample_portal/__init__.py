"""The bundled sample portal: three Indonesian news sites in three common layouts, on loopback.

Articles live as text files in `articles/` (a small header, `---`, then paragraphs); this
module renders them the way each kind of site does and serves them with the standard
library's HTTP server, so the demo and the tests crawl real HTTP with nothing installed:

- `warta-banten`: a WordPress news theme (menus, sidebar, "Baca juga" inside the body, share
  buttons, related posts, comments; sitemap index, /feed/, /category/x/page/N/);
- `kabar-serang`: a Blogger theme ("Postingan Lama"/"Postingan Lebih Baru", /search/label/X,
  /feeds/posts/default?alt=rss);
- `serangkab`: a pemda `.go.id`-style news page (/berita?page=N, /berita/detail/ID/slug),
  which declares ISO-8859-1 in its headers but sends UTF-8, as many such sites do.
"""
from __future__ import annotations

import hashlib
import html
import threading
import time
from dataclasses import dataclass
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ARTICLES_DIR = Path(__file__).resolve().parent / "articles"
PAGE_SIZE = 4
PORTAL_NAMES = {
    "warta-banten": "Warta Banten Raya",
    "kabar-serang": "Kabar Serang Timur",
    "serangkab": "Berita Pemerintah Kabupaten Serang",
}
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember"]


@dataclass(frozen=True)
class Story:
    portal: str
    id: int
    slug: str
    title: str
    published: date
    section: str
    author: str
    paragraphs: tuple[str, ...]
    updated: date | None = None     # a later edit: the sitemap's lastmod says so

    @property
    def lastmod(self) -> date:
        return self.updated or self.published

    @property
    def path(self) -> str:
        d = self.published
        if self.portal == "warta-banten":
            return f"/{self.portal}/{d:%Y/%m/%d}/{self.slug}/"
        if self.portal == "kabar-serang":
            return f"/{self.portal}/{d:%Y/%m}/{self.slug}.html"
        return f"/{self.portal}/berita/detail/{self.id}/{self.slug}"

    @property
    def section_slug(self) -> str:
        return self.section.lower().replace(" ", "-")


def load_stories(directory: Path = ARTICLES_DIR) -> list[Story]:
    stories = []
    for path in sorted(directory.glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        meta = dict(line.split(": ", 1) for line in head.splitlines() if line.strip())
        paragraphs = tuple(p.strip() for p in body.split("\n\n") if p.strip())
        stories.append(Story(
            portal=meta["portal"], id=int(meta["id"]), slug=meta["slug"], title=meta["title"],
            published=date.fromisoformat(meta["date"]), section=meta.get("category") or meta["label"],
            author=meta["author"], paragraphs=paragraphs,
            updated=date.fromisoformat(meta["updated"]) if meta.get("updated") else None,
        ))
    stories.sort(key=lambda s: (s.published, s.id), reverse=True)
    return stories


def indonesian_date(d: date) -> str:
    return f"{HARI[d.weekday()]}, {d.day:02d} {BULAN[d.month - 1]} {d.year}"


# ---------------------------------------------------------------------------------------------
# Rendering

def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _sidebar(stories: list[Story], current: Story | None, heading: str) -> str:
    items = "".join(f'<li><a href="{s.path}">{_e(s.title)}</a><span class="meta">{indonesian_date(s.published)}</span></li>'
                    for s in stories[:6] if s is not current)
    return f'<aside class="sidebar widget"><h3 class="widget-title">{heading}</h3><ul>{items}</ul>' \
           '<div class="ad">Pasang iklan Anda di sini. Hubungi redaksi.</div></aside>'


def _menu(portal: str, sections: list[str]) -> str:
    links = "".join(f'<li><a href="{_listing_base(portal, s)}">{_e(s)}</a></li>' for s in sections)
    return f'<nav class="main-menu"><ul><li><a href="/{portal}/">Beranda</a></li>{links}' \
           '<li><a href="#">Redaksi</a></li><li><a href="#">Pedoman Media Siber</a></li></ul></nav>'


def _listing_base(portal: str, section: str) -> str:
    slug = section.lower().replace(" ", "-")
    if portal == "warta-banten":
        return f"/{portal}/category/{slug}/"
    if portal == "kabar-serang":
        return f"/{portal}/search/label/{section.replace(' ', '%20')}"
    return f"/{portal}/berita?kategori={slug}"


def _body_with_read_also(story: Story, others: list[Story]) -> str:
    parts = []
    for index, paragraph in enumerate(story.paragraphs):
        parts.append(f"<p>{_e(paragraph)}</p>")
        if index == 1 and others:
            other = others[0]
            parts.append(f'<p class="baca-juga"><strong>Baca juga:</strong> <a href="{other.path}">{_e(other.title)}</a></p>')
    return "".join(parts)


def _by_portal(stories: list[Story]) -> dict[str, list[Story]]:
    """Portal → its stories (newest first), built once per story list."""
    key = ("portal", id(stories))
    if key not in _PATH_INDEX:
        grouped: dict[str, list[Story]] = {}
        for s in stories:
            grouped.setdefault(s.portal, []).append(s)
        _PATH_INDEX[key] = grouped
    return _PATH_INDEX[key]


def render_article(story: Story, stories: list[Story]) -> str:
    same_portal = _by_portal(stories)[story.portal]
    others = [s for s in same_portal[:8] if s is not story]
    sections = sorted({s.section for s in same_portal[:200]})
    name = PORTAL_NAMES[story.portal]
    share = '<div class="share">Bagikan: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a> <a href="#">Telegram</a></div>'
    related = "".join(f'<li><a href="{s.path}">{_e(s.title)}</a></li>' for s in others[1:4])
    if story.portal == "warta-banten":
        ld = ('{"@context":"https://schema.org","@type":"NewsArticle","headline":%s,"datePublished":"%sT09:00:00+07:00",'
              '"author":{"@type":"Person","name":%s},"publisher":{"@type":"Organization","name":%s}}') % (
            _json(story.title), story.published.isoformat(), _json(story.author), _json(name))
        head = (f'<meta property="og:type" content="article"><meta property="og:title" content="{_e(story.title)}">'
                f'<script type="application/ld+json">{ld}</script>')
        main = (f'<article class="post type-post"><header><div class="breadcrumb"><a href="/{story.portal}/">Beranda</a> » '
                f'<a href="{_listing_base(story.portal, story.section)}">{_e(story.section)}</a></div>'
                f'<h1 class="entry-title">{_e(story.title)}</h1><div class="entry-meta">Oleh {_e(story.author)} · '
                f'<time class="entry-date published" datetime="{story.published.isoformat()}T09:00:00+07:00">'
                f'{story.published.day} {BULAN[story.published.month - 1]} {story.published.year}</time></div></header>'
                f'{share}<div class="entry-content">{_body_with_read_also(story, others)}</div>'
                f'<div class="tags">Tag: <a href="/{story.portal}/tag/banten/">Banten</a></div>{share}'
                f'<section class="related-posts"><h3>Berita Terkait</h3><ul>{related}</ul></section>'
                '<section id="comments" class="comments-area"><h3>1 Komentar</h3><ol class="comment-list">'
                '<li class="comment"><div class="comment-author">Warga Serang</div><div class="comment-content">'
                '<p>Semoga tahun depan nilainya 100, pelayanannya makin cepat.</p></div></li></ol>'
                '<form class="comment-form"><textarea name="comment"></textarea><button>Kirim Komentar</button></form></section>'
                '</article>')
        return _page(name, story.title, head, _menu(story.portal, sections), main,
                     _sidebar(same_portal, story, "Berita Terpopuler"))
    if story.portal == "kabar-serang":
        newer = _neighbour(same_portal, story, -1)
        older = _neighbour(same_portal, story, +1)
        pager = '<div class="blog-pager">' + (f'<a class="blog-pager-newer-link" href="{newer.path}">Postingan Lebih Baru</a> ' if newer else "") + \
                (f'<a class="blog-pager-older-link" href="{older.path}">Postingan Lama</a>' if older else "") + \
                f'<a class="home-link" href="/{story.portal}/">Beranda</a></div>'
        head = f'<meta property="og:title" content="{_e(story.title)}">'
        main = (f'<div class="post hentry"><div class="post-header"><div class="post-labels">Label: '
                f'<a href="{_listing_base(story.portal, story.section)}">{_e(story.section)}</a></div>'
                f'<h3 class="post-title entry-title">{_e(story.title)}</h3>'
                f'<div class="post-meta"><span class="post-author vcard">{_e(story.author)}</span> '
                f'<abbr class="published" itemprop="datePublished" title="{story.published.isoformat()}T08:00:00+07:00">'
                f'{indonesian_date(story.published)}</abbr></div></div>'
                f'<div class="post-body entry-content">{_body_with_read_also(story, others)}</div>{share}'
                f'<div class="related"><h4>Anda mungkin menyukai postingan ini</h4><ul>{related}</ul></div>'
                f'</div>{pager}<div class="comments"><h4>Posting Komentar</h4><p>0 Komentar</p></div>')
        return _page(name, story.title, head, _menu(story.portal, sections), main,
                     _sidebar(same_portal, story, "Postingan Populer"))
    head = ""
    main = (f'<div class="content-berita"><ol class="breadcrumb"><li>Beranda</li><li>Berita</li></ol>'
            f'<h2 class="judul-berita">{_e(story.title)}</h2>'
            f'<div class="info-berita"><span class="tanggal">{indonesian_date(story.published)}</span> | '
            f'<span class="penulis">{_e(story.author)}</span> | Dibaca 163 kali</div>'
            f'<div class="isi-berita">{"".join(f"<p>{_e(p)}</p>" for p in story.paragraphs)}</div>{share}</div>')
    return _page(name, story.title, head, _menu(story.portal, sections), main,
                 _sidebar(same_portal, story, "Berita Terbaru"), charset_meta="iso-8859-1")


def _json(value: str) -> str:
    import json
    return json.dumps(value, ensure_ascii=False)


def _neighbour(stories: list[Story], story: Story, step: int) -> Story | None:
    positions = _PATH_INDEX.setdefault(("position", id(stories)), {id(s): i for i, s in enumerate(stories)})
    index = positions[id(story)] + step
    return stories[index] if 0 <= index < len(stories) else None


def _page(site: str, title: str, head: str, menu: str, main: str, sidebar: str, charset_meta: str = "utf-8") -> str:
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="{charset_meta}"><title>{_e(title)} - {_e(site)}</title>{head}'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>'
            f'<header class="site-header"><div class="site-title"><a href="#">{_e(site)}</a></div>{menu}'
            f'<form class="search-form"><input name="s" placeholder="Cari berita"></form></header>'
            f'<div class="container"><main class="content">{main}</main>{sidebar}</div>'
            f'<footer class="site-footer"><p>© 2025 {_e(site)}. Hak cipta dilindungi.</p>'
            '<p><a href="#">Tentang Kami</a> · <a href="#">Kontak</a> · <a href="#">Kebijakan Privasi</a></p></footer>'
            '</body></html>')


def render_listing(portal: str, stories: list[Story], page: int, section: str | None, base: str) -> str | None:
    same_portal = [s for s in stories if s.portal == portal and (section is None or s.section_slug == section)]
    chunk = same_portal[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    if not chunk:
        return None
    items = "".join(f'<article class="post-item"><h2><a href="{s.path}">{_e(s.title)}</a></h2>'
                    f'<div class="meta">{indonesian_date(s.published)}</div><p>{_e(s.paragraphs[0][:140])}…</p></article>'
                    for s in chunk)
    has_next = len(same_portal) > page * PAGE_SIZE
    if portal == "warta-banten":
        nav = f'<div class="nav-links"><a class="next page-numbers" rel="next" href="{base}page/{page + 1}/">Berikutnya »</a></div>' if has_next else ""
    elif portal == "kabar-serang":
        sep = "&" if "?" in base else "?"
        nav = f'<div class="blog-pager"><a class="blog-pager-older-link" href="{base}{sep}start={page * PAGE_SIZE}">Postingan Lama</a></div>' if has_next else ""
    else:
        sep = "&" if "?" in base else "?"
        nav = f'<ul class="pagination"><li><a href="{base}{sep}page={page + 1}">Selanjutnya ›</a></li></ul>' if has_next else ""
    sections = sorted({s.section for s in stories if s.portal == portal})
    return _page(PORTAL_NAMES[portal], "Berita Terbaru", "", _menu(portal, sections), items + nav,
                 _sidebar([s for s in stories if s.portal == portal], None, "Terpopuler"))


def render_sitemap(portal: str, stories: list[Story], origin: str, index: bool) -> str:
    if index:
        return ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f'<sitemap><loc>{origin}/{portal}/post-sitemap.xml</loc></sitemap></sitemapindex>')
    urls = "".join(f"<url><loc>{origin}{s.path}</loc><lastmod>{s.lastmod.isoformat()}</lastmod></url>"
                   for s in stories if s.portal == portal)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def render_rss(portal: str, stories: list[Story], origin: str) -> str:
    items = "".join(f"<item><title>{_e(s.title)}</title><link>{origin}{s.path}</link>"
                    f"<pubDate>{s.published:%a, %d %b %Y} 09:00:00 +0700</pubDate></item>"
                    for s in stories if s.portal == portal)
    # a leading blank line, as some portals send: feed readers must cope
    return (f'\n<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{_e(PORTAL_NAMES[portal])}</title>'
            f"<link>{origin}/{portal}/</link>{items}</channel></rss>")


ROBOTS = "User-agent: *\nDisallow: /warta-banten/wp-admin/\nDisallow: /kabar-serang/search?q=\n"


# ---------------------------------------------------------------------------------------------
# Serving

_PATH_INDEX: dict[int, dict] = {}


def _paths(stories: list[Story]) -> dict[str, Story]:
    """Path → story, built once per story list (a benchmark serves thousands)."""
    key = id(stories)
    if key not in _PATH_INDEX:
        _PATH_INDEX[key] = {s.path: s for s in stories}
    return _PATH_INDEX[key]


def route(path: str, query: dict, stories: list[Story], origin: str) -> tuple[int, str, str] | None:
    """(status, content type, body) for a request path, or None for 404."""
    if path == "/robots.txt":
        return 200, "text/plain", ROBOTS
    by_path = _paths(stories)
    if path in by_path:
        story = by_path[path]
        charset = "iso-8859-1" if story.portal == "serangkab" else "utf-8"
        return 200, f"text/html; charset={charset}", render_article(story, stories)
    parts = [p for p in path.split("/") if p]
    if not parts or parts[0] not in PORTAL_NAMES:
        return None
    portal, rest = parts[0], parts[1:]
    html_type = "text/html; charset=utf-8"
    if rest == ["sitemap.xml"]:
        return 200, "application/xml", render_sitemap(portal, stories, origin, index=portal == "warta-banten")
    if rest == ["post-sitemap.xml"] and portal == "warta-banten":
        return 200, "application/xml", render_sitemap(portal, stories, origin, index=False)
    if rest in (["feed"], ["rss"], ["feeds", "posts", "default"]):
        return 200, "application/rss+xml", render_rss(portal, stories, origin)
    page, section, base = 1, None, f"/{portal}/"
    if portal == "warta-banten":
        if rest[:1] == ["category"] and len(rest) >= 2:
            section, base, rest = rest[1], f"/{portal}/category/{rest[1]}/", rest[2:]
        if rest[:1] == ["page"] and len(rest) == 2 and rest[1].isdigit():
            page, rest = int(rest[1]), []
    elif portal == "kabar-serang":
        if rest[:2] == ["search", "label"] and len(rest) == 3:
            section, base, rest = rest[2].lower().replace(" ", "-"), f"/{portal}/search/label/{rest[2]}", []
        page = int(query.get("start", ["0"])[0] or 0) // PAGE_SIZE + 1
    else:
        if rest == ["berita"]:
            rest, base = [], f"/{portal}/berita"
            section = query.get("kategori", [None])[0]
            if section:
                base += f"?kategori={section}"
        page = int(query.get("page", ["1"])[0] or 1)
    if rest:
        return None
    body = render_listing(portal, stories, page, section, base)
    return (200, html_type, body) if body else None


class _Handler(BaseHTTPRequestHandler):
    stories: list[Story] = []
    delay = 0.0   # seconds per article page: lets a test kill a crawl half-way
    server_version = "SamplePortal/1.0"

    def do_GET(self):  # noqa: N802 (http.server's naming)
        parts = urlsplit(self.path)
        if self.delay and parts.path in _paths(self.stories):
            time.sleep(self.delay)
        origin = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
        found = route(parts.path.replace("%20", " "), parse_qs(parts.query), self.stories, origin)
        if found is None:
            self.send_error(404, "Halaman tidak ditemukan")
            return
        status, content_type, body = found
        payload = body.encode("utf-8")
        etag = '"' + hashlib.sha1(payload).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:  # conditional requests, as real servers do
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format, *args):  # quiet: the crawler logs what matters
        pass


class SamplePortal:
    """`with SamplePortal() as portal:` serves on 127.0.0.1 (a free port unless one is given)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, articles: Path = ARTICLES_DIR, delay: float = 0.0,
                 stories: list[Story] | None = None):
        handler = type("Handler", (_Handler,), {"stories": stories or load_stories(articles), "delay": delay})
        self.server = ThreadingHTTPServer((host, port), handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, name="sample-portal", daemon=True)

    @property
    def origin(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> "SamplePortal":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
