"""Line breaks inside a sentence: where a page wrapped a line, not where a sentence ended.

"Kabupaten Konawe\nUtara meraih nilai 80,30" is one name broken across lines; "… nilai\nIKM
…" is one sentence. Such breaks become spaces, so the text keeps its length and every offset
into it stays an offset into the article. Pure.
"""
from __future__ import annotations

import re

# a single line break with a word on each side; paragraph breaks (blank lines) never join
BREAK = re.compile(r"(?<=\S)\n(?=\S)")
LAST_WORD = re.compile(r"(\w+)\W*$")
FIRST_WORD = re.compile(r"^\W*(\w+)")


def join_wrapped_lines(vocab, text: str) -> str:
    """`text` with each wrapped line break turned into a space (same length)."""
    chars = list(text)
    for match in BREAK.finditer(text):
        before = text[max(0, match.start() - 40):match.start()]
        after = text[match.end():match.end() + 40]
        if _wrapped(vocab, before, after):
            chars[match.start()] = " "
    return "".join(chars)


def _wrapped(vocab, before: str, after: str) -> bool:
    if before.rstrip()[-1:] in ".!?:;\"”)" or after[:1] in "•*-–—" or re.match(r"\d+[.)]\s", after):
        return False  # a sentence or a list line ended there
    last, first = LAST_WORD.search(before), FIRST_WORD.match(after)
    if not (last and first):
        return False
    if first.group(1)[0].islower():
        return True  # "… mendapat nilai\nsangat baik": the sentence runs on
    pair = f"{last.group(1)} {first.group(1)}".lower()
    return pair in vocab.name_openings or last.group(1) in vocab.head_kinds  # "Konawe\nUtara", "Dinas\nSosial"
