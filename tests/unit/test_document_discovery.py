"""The spider's document discovery on saved answers: CKAN package_search, document listings,
and what is never fetched (other schemes, pages of the wrong kind)."""
import json

import pytest
from scrapy.http import HtmlResponse, Request, TextResponse
from scrapy.utils.test import get_crawler

from rapor import store
from rapor.crawlers.spiders.portal import PortalSpider
from rapor.pipeline.sample_portal import sample_portals


def make_spider(portal: str, tmp_path):
    """The spider as a crawl builds it, without starting one (Scrapy's test crawler has frozen
    settings, so the spider's own from_crawler politeness step is left out)."""
    crawler = get_crawler(PortalSpider, {"RAPOR_DB": str(tmp_path / "d.db"), "RAPOR_DOCUMENT_MAXSIZE": 1000})
    made = PortalSpider(portal=sample_portals()[portal])   # a Portal, as `rapor crawl` hands it over
    made._set_crawler(crawler)
    made.db = store.open_db(tmp_path / "d.db")
    return made


@pytest.fixture
def spider(tmp_path, monkeypatch):
    monkeypatch.setenv("RAPOR_SAMPLE_ORIGIN", "http://127.0.0.1:9")
    return make_spider("satudata-sample", tmp_path)


def ckan(results, count, url="http://127.0.0.1:9/satudata/api/3/action/package_search?q=&rows=2"):
    body = json.dumps({"success": True, "result": {"count": count, "results": results}}).encode()
    return TextResponse(url, body=body, encoding="utf-8", request=Request(url))


def test_ckan_resources_become_document_requests_and_pages_follow(spider):
    results = [{"title": "IKM Kota Serang 2024", "resources": [
        {"url": "http://127.0.0.1:9/satudata/dataset/ikm.csv", "format": "CSV"},
        {"url": "file:///etc/passwd", "format": "CSV"},                       # never fetched
        {"url": "ftp://127.0.0.1/satudata/dataset/x.csv", "format": "CSV"}]},
        {"title": "KIP 2024", "resources": [{"url": "/satudata/dataset/kip.xlsx"}]}]
    out = list(spider.parse_ckan(ckan(results, 3)))
    documents = [r for r in out if r.callback == spider.parse_document]
    assert [r.url for r in documents] == ["http://127.0.0.1:9/satudata/dataset/ikm.csv", "http://127.0.0.1:9/satudata/dataset/kip.xlsx"]
    assert documents[0].meta["rapor_title"] == "IKM Kota Serang 2024" and documents[0].meta["download_maxsize"] == 1000
    [next_page] = [r for r in out if r.callback == spider.parse_ckan]
    assert "start=2" in next_page.url
    frontier = store.frontier_state(spider.db, "http://127.0.0.1:9/satudata/dataset/ikm.csv")
    assert frontier["source"] == "document:ckan" and frontier["state"] == "pending"


def test_a_broken_ckan_answer_is_counted_not_fatal(spider):
    url = "http://127.0.0.1:9/satudata/api/3/action/package_search"
    assert list(spider.parse_ckan(TextResponse(url, body=b"<html>maintenance</html>", encoding="utf-8"))) == []
    assert spider.crawler.stats.get_value("rapor/bad_ckan") == 1


def test_a_known_unchanged_document_is_not_fetched_again(spider):
    url = "http://127.0.0.1:9/satudata/dataset/ikm.csv"
    store.save_document(spider.db, url=url, final_url=url, portal="satudata-sample", status=200, body=b"No;Unit\n",
                        source="document:ckan")
    assert spider.discovered(url, "ckan", document=True) is None


def test_documents_keep_every_version(spider):
    url = "http://127.0.0.1:9/satudata/dataset/ikm.csv"
    outcomes = [store.save_document(spider.db, url=url, final_url=url, portal="satudata-sample", status=200, body=body)
                for body in (b"v1", b"v1", b"v2 (amended)")]
    assert outcomes == ["new", "unchanged", "changed"]
    assert spider.db["documents"].count == 1 and spider.db["document_revisions"].count == 1
    assert store.document_body(spider.db, 1) == b"v2 (amended)"


def test_document_listing_links_are_followed_despite_their_file_extension(tmp_path, monkeypatch):
    monkeypatch.setenv("RAPOR_SAMPLE_ORIGIN", "http://127.0.0.1:9")
    spider = make_spider("menpan-sample", tmp_path)
    page = (b'<html><body><a href="/menpan/files/lampiran.pdf">Lampiran SPBE 2023</a>'
            b'<a href="/menpan/files/hasil.xlsx">Hasil</a><a href="/menpan/berita/1">Berita</a></body></html>')
    response = HtmlResponse("http://127.0.0.1:9/menpan/jdih/", body=page, encoding="utf-8")
    requests = list(spider.parse_document_listing(response))
    assert [(r.url, r.meta["rapor_title"]) for r in requests] == [
        ("http://127.0.0.1:9/menpan/files/lampiran.pdf", "Lampiran SPBE 2023"), ("http://127.0.0.1:9/menpan/files/hasil.xlsx", "Hasil")]
