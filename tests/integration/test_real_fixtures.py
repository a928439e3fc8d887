"""Real pages of Indonesian news portals (../shared/fixtures/real_html) through the article stage.

Their facts (type, page date) come from the fixtures' own SOURCES.md table, read at run time.
"""
import re

import pytest

from rapor.extract.article import html_to_article
from tests.conftest import SHARED

FIXTURES = SHARED / "fixtures" / "real_html"


def fixture_table() -> list[tuple[str, str, str]]:
    """(file, type, page date) rows of SOURCES.md."""
    if not (FIXTURES / "SOURCES.md").exists():
        return []
    rows = []
    for line in (FIXTURES / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 6 and re.search(r"\.(html|xml)$", cells[0]):
            rows.append((cells[0], cells[1].split()[0], cells[-1]))
    return rows


ROWS = fixture_table()
needs_shared = pytest.mark.skipif(not ROWS, reason=f"{FIXTURES} is absent: real-page fixtures live beside the clone")


@needs_shared
@pytest.mark.parametrize("name, kind, page_date", ROWS, ids=[r[0] for r in ROWS])
def test_real_page_through_the_article_stage(name, kind, page_date):
    article = html_to_article((FIXTURES / name).read_bytes(), None)
    if kind in ("idx", "rss"):
        assert article is None, f"{name} is an index/feed but was taken as an article"
        return
    if kind == "gal":
        return  # photo galleries may or may not carry enough text; they must only not crash
    assert article is not None, name
    assert article.title and len(article.title) > 10
    assert len(article.text) > 500
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", page_date):
        assert article.published == page_date
    assert article.language == ("en" if "ENGLISH" in name else "id")
    assert "Ã" not in article.text and "â€" not in article.text   # no mojibake from a lying charset
