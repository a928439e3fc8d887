"""The smaller holes of issue 11, kept shut: which URLs a portal may fetch, portal files that would
fetch anything or load YAML from elsewhere, stored pages that inflate without bound, and the
crawler's own remote controls."""
import zlib

import pytest

from rapor import config
from rapor import store
from rapor.crawlers.urls import refusal

DOMAINS = ("warta.example.id", "127.0.0.1")


@pytest.mark.parametrize("url, reason", [
    ("https://warta.example.id/berita/1", None),
    ("HTTP://WARTA.EXAMPLE.ID/berita/1", None),
    ("https://www.warta.example.id/berita/1", None),              # a subdomain of a named domain
    ("http://127.0.0.1:8765/berita/1", None),                      # a port does not change the host
    ("file://127.0.0.1/etc/passwd", "refused_scheme"),             # issue 11: read from the local disk
    ("file:///berita/x.html", "refused_scheme"),
    ("ftp://warta.example.id/berita/1", "refused_scheme"),
    ("data:text/html;base64,PGgxPg==/berita/x", "refused_scheme"),
    ("s3://bucket/berita/1", "refused_scheme"),
    ("javascript:alert(1)//berita", "refused_scheme"),
    ("https://warta.example.id.evil.test/berita/1", "refused_offsite"),
    ("https://evilwarta.example.id/berita/1", "refused_offsite"),  # a suffix is no subdomain
    ("http://127.0.0.2/berita/1", "refused_offsite"),
    ("https:///berita/1", "refused_offsite"),                       # no host at all
])
def test_only_http_on_the_portals_domains_may_be_fetched(url, reason):
    assert refusal(url, DOMAINS) == reason


def portal_text(**overrides) -> str:
    fields = {"id": "p", "name": "P", "base_url": "http://warta.example.id/", "allowed_domains": "[warta.example.id]"}
    fields.update(overrides)
    return "".join(f"{key}: {value}\n" for key, value in fields.items())


@pytest.mark.parametrize("overrides, says", [
    ({"allowed_domains": "[]"}, "must name the portal's domains"),
    ({"allowed_domains": "['http://warta.example.id']"}, "is not a domain"),
    ({"allowed_domains": "['warta.example.id/berita']"}, "is not a domain"),
    ({"allowed_domains": "[other.example.id]"}, "is not in allowed_domains"),
    ({"id": "'../p'"}, "must be lowercase letters"),
])
def test_a_portal_file_that_could_fetch_anything_is_refused(tmp_path, overrides, says):
    (tmp_path / "p.yaml").write_text(portal_text(**overrides))
    with pytest.raises(config.ConfigError, match=says):
        config.load_portals(tmp_path)


def test_a_portal_id_cannot_reach_outside_the_portals_folder(tmp_path):
    """Issue 11: `rapor crawl ../../x` loaded x.yaml from outside the folder, and exited 0."""
    inside = tmp_path / "portals"
    inside.mkdir()
    (tmp_path / "x.yaml").write_text(portal_text(id="x"))
    for portal_id in ("../x", "../../x", "x/../x", "/tmp/x", "X", ""):
        with pytest.raises(config.ConfigError, match="is not a portal id"):
            config.load_portal(portal_id, inside)


def test_a_stored_page_never_inflates_past_its_bound():
    """Issue 11: a 308 KB blob inflated to 748 MB; now no more than the bound is ever produced."""
    bomb = zlib.compress(b"\0" * (store.MAX_PAGE_BYTES + 1), 9)
    with pytest.raises(store.StoreError, match="inflates past"):
        store.inflate(bomb)
    with pytest.raises(store.StoreError, match="corrupt"):
        store.inflate(b"this is no zlib stream")
    with pytest.raises(store.StoreError, match="truncated"):
        store.inflate(zlib.compress(b"<html>" * 1000)[:-1])
    assert store.inflate(zlib.compress(b"<html></html>")) == b"<html></html>"


def test_a_page_that_cannot_be_inflated_is_an_error_of_its_own_not_of_the_run(tmp_path, extractor):
    from rapor.pipeline.stages import extract_stored
    db = store.open_db(tmp_path / "rapor.db")
    for number in (1, 2):
        store.save_page(db, url=f"http://127.0.0.1/berita/{number}", final_url=f"http://127.0.0.1/berita/{number}",
                        portal="warta-banten", status=200, body=b"<html><body><p>Berita biasa.</p></body></html>")
    db.execute("update pages set html_zlib = ? where id = 1", [zlib.compress(b"\0" * (store.MAX_PAGE_BYTES + 1), 9)])
    db.conn.commit()
    summary = extract_stored(db, extractor)
    assert summary.pages == 2
    assert [url for url, _ in summary.errors] == ["http://127.0.0.1/berita/1"]
    assert "inflates past" in summary.errors[0][1]


def test_the_crawler_has_no_remote_control_and_reads_no_local_files():
    from rapor.crawlers import settings
    assert settings.TELNETCONSOLE_ENABLED is False
    assert settings.REMOTE_CONTROL_ENABLED is False   # Scrapy 2.19's endpoint executes Python
    assert all(settings.DOWNLOAD_HANDLERS[scheme] is None for scheme in ("file", "ftp", "s3", "data"))
