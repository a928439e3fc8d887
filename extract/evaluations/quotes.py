"""Where a record was said: article-text offsets of a stretch of a sentence's tokens."""
from __future__ import annotations


def char_span(sentence, doc, lo: int, hi: int) -> tuple[int, int]:
    """Article-text offsets of tokens lo..hi of a sentence's doc: where a quote starts and ends."""
    return sentence.start + doc[lo].idx, sentence.start + doc[hi - 1].idx + len(doc[hi - 1].text)
