"""Real page weight for the benchmark: generated article texts in the chrome of real portal pages.

The real Indonesian article pages in `../shared/fixtures/real_html` are read at run time (never
copied into the repository). Each becomes a template: its article body (the element holding
most of the paragraph text) is emptied and the generated story's paragraphs go there, its
title becomes the story's; menus, scripts, ads, related links, JSON-LD and sizes stay as the
portal served them. A template whose body Rapor's own article stage cannot find back is
dropped, with its name printed.

Where ../shared is absent, `load_templates` returns nothing and says so: the benchmark then
runs on the sample portal's layout only.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html

from rapor.pipeline.sample_portal import Story, render_article

ROOT = Path(__file__).resolve().parents[1]
REAL_HTML = ROOT.parent / "shared" / "fixtures" / "real_html"
BODY_MARK, TITLE_MARK = "RAPORBODYMARK7f3a", "RAPORTITLEMARK7f3a"   # no page holds these words
# SOURCES.md rows: "| file.html | art ... |"; galleries, indexes and feeds hold no article body,
# and the one English page would be dropped by the language filter before any rule runs
ARTICLE_ROW = re.compile(r"^\|\s*(?P<file>[\w.-]+\.html)\s*\|\s*(?P<kind>art[^|]*)\|", re.M)


@dataclass(frozen=True)
class Template:
    name: str
    before_body: str   # the page up to the emptied body element, title marks in it
    after_body: str

    def render(self, story: Story) -> str:
        title = html.escape(story.title)
        body = "".join(f"<p>{html.escape(p)}</p>" for p in story.paragraphs)
        return self.before_body.replace(TITLE_MARK, title) + body + self.after_body.replace(TITLE_MARK, title)


def article_files(folder: Path = REAL_HTML) -> list[Path]:
    """The real article pages listed in SOURCES.md (every .html file where it has no table)."""
    sources = folder / "SOURCES.md"
    if not sources.exists():
        return sorted(folder.glob("*.html"))
    rows = ARTICLE_ROW.finditer(sources.read_text(encoding="utf-8"))
    return [folder / row["file"] for row in rows if "english" not in row["kind"].lower() and (folder / row["file"]).exists()]


def _paragraph_weight(element) -> int:
    """Characters of text directly in this element or in its own <p> children."""
    own = len((element.text or "").strip()) + sum(len((child.tail or "").strip()) for child in element)
    return own + sum(len(child.text_content()) for child in element if child.tag == "p")


def make_template(path: Path) -> Template | None:
    from rapor.extract.article import decode_html

    tree = lxml_html.fromstring(decode_html(path.read_bytes()))
    candidates = [e for e in tree.iter() if isinstance(e.tag, str) and e.tag not in ("script", "style", "head")]
    body = max(candidates, key=_paragraph_weight, default=None)
    if body is None or _paragraph_weight(body) < 200:
        return None
    tail = body.tail
    body.clear()              # clear() drops the tail too: the text after the body belongs to the page
    body.text, body.tail = BODY_MARK, tail
    titles = tree.xpath("//title") + tree.xpath("//h1")
    for element in titles[:2]:
        for child in list(element):
            element.remove(child)
        element.text = TITLE_MARK
    for meta in tree.xpath("//meta[@property='og:title']"):
        meta.set("content", TITLE_MARK)
    page = lxml_html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")
    if page.count(BODY_MARK) != 1 or TITLE_MARK not in page:
        return None
    before_body, _, after_body = page.partition(BODY_MARK)
    return Template(path.stem, before_body, after_body)


def _finds_body(template: Template, probe: Story) -> bool:
    """Rapor's article stage reads the probe's paragraphs back from the filled page."""
    from rapor.extract.article import html_to_article

    article = html_to_article(template.render(probe).encode("utf-8"), "http://127.0.0.1/warta-banten/2024/01/01/probe/")
    return article is not None and all(p[:80] in article.text for p in probe.paragraphs)


def load_templates(probe: Story, folder: Path = REAL_HTML, say=print) -> list[Template]:
    """Templates from the real pages, each checked on `probe`; [] (with a message) without ../shared."""
    if not folder.is_dir():
        say(f"{folder} is absent: the real-weight corpus is skipped, only the sample portal layout is measured")
        return []
    templates, dropped = [], []
    for path in article_files(folder):
        template = make_template(path)
        if template is not None and _finds_body(template, probe):
            templates.append(template)
        else:
            dropped.append(path.stem)
    if dropped:
        say(f"real-page templates whose body Rapor does not find back, not used: {', '.join(dropped)}")
    return templates


def renderer(templates: list[Template]):
    """A sample-portal article renderer that puts story N into template N mod len(templates)."""
    def render(story: Story, stories: list[Story]) -> str:
        if not templates:
            return render_article(story, stories)
        return templates[story.id % len(templates)].render(story)
    return render
