"""One sentence read once: its doc, rule spans, entities, scores and scheme cues, frozen.

Every later stage looks things up here instead of re-running regexes over the sentence, so the
cost of a sentence grows with its length, not with the square of it.
"""
from __future__ import annotations

from dataclasses import dataclass

from .entities import Mention, find_mentions
from .numbers import NumberSetting, Score, find_scores
from .spans import Found, find_spans


@dataclass(frozen=True)
class SentenceReading:
    number: int                  # position among the article's sentences
    sentence: object             # text.Sentence: offsets into the article
    doc: object                  # the spaCy doc of the sentence
    found: tuple[Found, ...]
    mentions: tuple[Mention, ...]
    scores: tuple[Score, ...]
    cues: tuple[tuple[int, str], ...]   # (token index, scheme) of each scheme cue, assessors' names masked

    @property
    def parties(self) -> list[Mention]:
        return [m for m in self.mentions if not m.comparison]


def read_sentence(vocab, nlp, number: int, sentence, text: str, context, on_topic: bool) -> SentenceReading:
    doc = nlp(sentence.of(text))
    found = find_spans(vocab, doc)
    masked = next((t.i for t in doc if sentence.start + t.idx >= context.dateline_end), len(doc))
    mentions = find_mentions(vocab, doc, found, context.defined, masked)
    cues = scheme_cues(vocab, doc)
    signal = bool(cues) or any(f.label in ("PREDICATE", "GRADE") for f in found)
    leading = context.schemes.most_common(1)[0][0] if context.schemes and context.schemes.most_common(1)[0][1] else None
    scores = find_scores(vocab, doc, NumberSetting(on_topic, signal, percent_index=leading == "skm"))
    return SentenceReading(number, sentence, doc, tuple(found), tuple(mentions), tuple(scores), tuple(cues))


def scheme_cues(vocab, doc) -> list[tuple[int, str]]:
    """Where the sentence names a scheme. An assessor's own name is not a cue: "Menteri
    Pendayagunaan Aparatur Negara dan Reformasi Birokrasi" names KemenPANRB, not the RB index."""
    masked = [(m.start(), m.end()) for m in vocab.assessor_re.finditer(doc.text)]
    cues = []
    for scheme, regex in vocab.scheme_cue_res.items():
        for match in regex.finditer(doc.text):
            if any(start <= match.start() < end for start, end in masked):
                continue
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                cues.append((span.start, scheme))
    return sorted(cues)
