"""Page bytes → Article: decoding, boilerplate removal, titles, dates, and what is not an article."""
import pytest

from rapor.extract.article import MAX_HTML_BYTES, NotHTML, decode_html, html_to_article
from rapor.pipeline.sample_portal import load_stories, render_article, render_listing, render_rss

STORIES = load_stories()


def story(portal: str, slug_part: str):
    return next(s for s in STORIES if s.portal == portal and slug_part in s.slug)


@pytest.mark.parametrize("portal, slug_part", [
    ("warta-banten", "sekda-cilegon"), ("kabar-serang", "empat-opd"), ("serangkab", "ipp-disdukcapil"),
])
def test_sample_portal_articles_keep_title_date_and_body(portal, slug_part):
    item = story(portal, slug_part)
    page = render_article(item, STORIES).encode("utf-8")
    article = html_to_article(page, f"http://127.0.0.1{item.path}", "text/html; charset=iso-8859-1")
    assert article.title == item.title
    assert article.published == item.published.isoformat()
    assert item.paragraphs[2][:60] in article.text
    assert article.language == "id"
    # boilerplate stays out: sidebar headlines, "Baca juga", share bars, comments
    for noise in ("Baca juga", "Bagikan", "Semoga tahun depan nilainya 100", "Pasang iklan", "Berita Terpopuler"):
        assert noise not in article.text


def test_lying_charset_header_does_not_garble_utf8():
    item = story("serangkab", "ipp-disdukcapil")
    page = render_article(item, STORIES).encode("utf-8")
    assert b"iso-8859-1" in page
    article = html_to_article(page, None, "text/html; charset=iso-8859-1")
    assert "SERANG – Kementerian" in article.text   # the en dash survives


def test_latin1_page_is_decoded_by_its_declared_charset():
    page = "<html><head><meta charset='iso-8859-1'></head><body><p>Caf\u00e9</p></body></html>".encode("latin-1")
    assert "Café" in decode_html(page, "text/html; charset=iso-8859-1")


def test_listing_pages_and_feeds_are_not_articles():
    listing = render_listing("warta-banten", STORIES, 1, None, "/warta-banten/")
    assert html_to_article(listing.encode(), "http://127.0.0.1/warta-banten/page/1/") is None
    assert html_to_article(render_rss("warta-banten", STORIES, "http://127.0.0.1").encode()) is None


@pytest.mark.parametrize("body", [b"", b"   ", "<html><body><p>Singkat.</p></body></html>".encode()])
def test_empty_and_stub_pages_give_none(body):
    assert html_to_article(body) is None


def test_binary_garbage_is_refused_clearly():
    with pytest.raises(NotHTML, match="binary"):
        html_to_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_huge_page_is_cut_not_choked_on():
    paragraph = "<p>" + "Pemerintah Kabupaten Serang meraih nilai 91,16 zona hijau. " * 20 + "</p>"
    page = ("<html><head><title>Besar</title></head><body><article>" + paragraph * 4500 + "</article></body></html>").encode()
    assert len(page) > MAX_HTML_BYTES
    article = html_to_article(page, "http://127.0.0.1/2025/01/01/besar/")
    assert article is not None and len(article.text) < MAX_HTML_BYTES
