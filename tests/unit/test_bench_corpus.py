"""The benchmark corpus is deterministic and as rich in results as real portals (about 5%)."""
from bench.corpus import make_corpus


def test_corpus_is_deterministic_and_mostly_ordinary_news():
    first, again = make_corpus(400), make_corpus(400)
    assert [s.paragraphs for s in first] == [s.paragraphs for s in again]
    reporting = [s for s in first if any("nilai" in p or "predikat" in p for p in s.paragraphs)]
    assert 0.02 <= len(reporting) / len(first) <= 0.10
    assert len({s.path for s in first}) == 400
