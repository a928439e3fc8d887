"""The benchmark corpus is deterministic and as rich in results as real portals (about 5%)."""
from bench.corpus import make_corpus


def test_corpus_is_deterministic_and_mostly_ordinary_news():
    first, again = make_corpus(400), make_corpus(400)
    assert [s.paragraphs for s in first] == [s.paragraphs for s in again]
    reporting = [s for s in first if any("nilai" in p or "predikat" in p for p in s.paragraphs)]
    assert 0.02 <= len(reporting) / len(first) <= 0.10
    assert len({s.path for s in first}) == 400


# ---------------------------------------------------------------------------------------------
# Real page weight: the chrome of the real portal pages in ../shared, read at run time

def test_real_page_chrome_carries_the_generated_story_and_nothing_of_the_original_body():
    import urllib.request

    from bench import real_pages
    from rapor.extract.article import html_to_article
    from rapor.pipeline.sample_portal import SamplePortal
    from tests.conftest import shared_path

    folder = shared_path("fixtures", "real_html")
    stories = make_corpus(60)
    probe = max(stories, key=lambda s: len(s.paragraphs))
    messages: list[str] = []
    templates = real_pages.load_templates(probe, folder, say=messages.append)
    assert len(templates) >= 20, messages
    story = next(s for s in stories if s is not probe and len(s.paragraphs) >= 3)
    with SamplePortal(stories=stories, render=real_pages.renderer(templates)) as portal:
        page = urllib.request.urlopen(portal.origin + story.path).read()
    template = templates[story.id % len(templates)]
    assert len(page) > 30_000, "a real portal page weighs tens of kilobytes"
    original = html_to_article((folder / f"{template.name}.html").read_bytes(), None)
    article = html_to_article(page, portal.origin + story.path)
    assert article.title == story.title
    assert all(p in article.text for p in story.paragraphs)
    assert original.text[:120] not in article.text


def test_without_shared_material_the_real_corpus_says_it_is_skipped(tmp_path):
    from bench import real_pages

    messages: list[str] = []
    assert real_pages.load_templates(make_corpus(5)[0], tmp_path / "absent", say=messages.append) == []
    assert "absent" in messages[0] and "sample portal layout" in messages[0]


def test_worst_case_texts_have_the_announced_shape():
    from bench.worst_case import ADVERSARIAL_CHARS, RANKED_LINES, adversarial_text, ranked_list_text

    adversarial = adversarial_text()
    assert len(adversarial) == ADVERSARIAL_CHARS and ". " not in adversarial   # one sentence
    assert adversarial.count(" meraih nilai ") > 3000
    ranked = ranked_list_text().splitlines()
    assert len(ranked) == RANKED_LINES + 1 and ranked[1].startswith("1. Pemerintah ")
    assert ranked[-1].startswith(f"{RANKED_LINES}. Pemerintah ")
    from bench.worst_case import LABEL_LIST_CHARS, label_list_text
    labelled = label_list_text()
    assert len(labelled) >= LABEL_LIST_CHARS and labelled.count(". ") == 0 and labelled.count(", Pemerintah ") > 3000
