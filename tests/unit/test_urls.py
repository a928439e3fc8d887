"""Canonical URLs: w3lib's canonical form under crawler.yaml's and the portal's tracking lists."""
import pytest

from rapor import config
from rapor.crawlers.urls import canonical_url


@pytest.mark.parametrize("written, canonical", [
    ("HTTP://Portal.id:80/a/?utm_source=x&b=1#top", "http://portal.id/a/?b=1"),
    ("https://x.id:443/b%7e?z=1&a=2&fbclid=abc", "https://x.id/b~?a=2&z=1"),
    ("http://x.id:8080/a b?q=é&UTM_Medium=y", "http://x.id:8080/a%20b?q=%C3%A9"),
    ("http://x.id", "http://x.id/"),
    ("http://x.id/?ref=home&reference=1", "http://x.id/?reference=1"),   # names are exact, prefixes end in *
])
def test_canonical_url(written, canonical):
    assert canonical_url(written) == canonical


def test_a_portal_adds_its_own_tracking_parameters(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("id: p\nname: P\nbase_url: http://p.id/\nallowed_domains: [p.id]\n"
                    "tracking_parameters: [from, 'amp_*']\n")
    portal = config.parse_portal(path)
    tracking = (*config.load_crawler_config()["tracking_parameters"], *portal.tracking_parameters)
    url = "http://p.id/berita/1?from=wa&amp_source=x&id=7&utm_campaign=z"
    assert canonical_url(url, tracking) == "http://p.id/berita/1?id=7"
    assert canonical_url(url) == "http://p.id/berita/1?amp_source=x&from=wa&id=7"   # not another portal's list


def test_the_spider_uses_the_portal_list(tmp_path, monkeypatch):
    from rapor.crawlers.spiders.portal import PortalSpider

    path = tmp_path / "p.yaml"
    path.write_text("id: p\nname: P\nbase_url: http://p.id/\nallowed_domains: [p.id]\nallow: ['/berita/']\n"
                    "tracking_parameters: [from]\n")
    spider = PortalSpider(portal=config.parse_portal(path))
    assert spider.tracking[-1] == "from" and "utm_*" in spider.tracking
