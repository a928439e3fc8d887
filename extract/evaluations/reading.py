"""One sentence read once: its doc, rule spans, entities, scores and scheme cues, frozen.

Every later stage looks things up here instead of re-running regexes over the sentence, so the
cost of a sentence grows with its length, not with the square of it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cached_property

from .entities import Mention, find_mentions
from .numbers import NumberSetting, Score, find_scores
from .segments import clause_of, clauses, opens_on_told_result
from .spans import Found, find_spans, predicate_items


# "dari skala 110", "skala 0-5": the scale a sentence says its scores are on
STATED_SCALE = re.compile(r"\bskala\s+(?:0\s*[-–]\s*)?(\d{1,3})\b", re.I)


@dataclass(frozen=True)
class SentenceReading:
    number: int                  # position among the article's sentences
    sentence: object             # text.Sentence: offsets into the article
    doc: object                  # the spaCy doc of the sentence
    found: tuple[Found, ...]
    mentions: tuple[Mention, ...]
    scores: tuple[Score, ...]
    cues: tuple[tuple[int, str], ...]   # (token index, scheme) of each scheme cue, assessors' names masked
    stated_scale: float | None = None   # the scale the sentence states, if any
    parties: tuple[Mention, ...] = ()   # the mentions that can be evaluated, in order
    labels: tuple[Found, ...] = ()      # the predicate and grade spans, in order
    party_starts: tuple[int, ...] = ()
    label_starts: tuple[int, ...] = ()
    cue_starts: tuple[int, ...] = ()

    covered: frozenset = frozenset()    # tokens inside a rule span or a mention
    clauses: tuple[tuple[int, int], ...] = ()  # token ranges of the clauses (segments.clauses)

    def with_mentions(self, mentions) -> "SentenceReading":
        """The same reading with its mentions replaced (anaphors resolved)."""
        parties = [m for m in mentions if not m.comparison]
        return replace(self, mentions=tuple(mentions), parties=tuple(parties),
                       party_starts=tuple(m.start for m in parties),
                       covered=_covered(self.found, mentions))

    def labels_between(self, start: int, end: int) -> list[Found]:
        """Predicate spans inside tokens start..end, found by bisection (a sentence may hold
        thousands of them)."""
        first = bisect.bisect_left(self.label_starts, start)
        return [f for f in self.labels[first:bisect.bisect_left(self.label_starts, end)] if f.end <= end]

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """Mentions of any role starting in tokens start..end."""
        starts = self.mention_starts
        return list(self.mentions[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)])

    @cached_property
    def mention_starts(self) -> tuple[int, ...]:
        return tuple(m.start for m in self.mentions)

    @cached_property
    def mention_ending(self) -> dict:
        """The mention that ends at each token position (its end)."""
        return {m.end: m for m in self.mentions}

    @cached_property
    def unread_heads(self) -> tuple[int, ...]:
        """"Puskesmas banjarejo": head words no mention covers, followed by a lower-case word."""
        doc, named = self.doc, self.covered_by_mentions
        return tuple(f.start for f in self.found if f.label == "HEAD" and f.start not in named
                     and f.end < len(doc) and doc[f.end].is_alpha and doc[f.end].is_lower)

    @cached_property
    def covered_by_mentions(self) -> frozenset:
        return frozenset(i for m in self.mentions for i in range(m.start, m.end))

    def parties_between(self, start: int, end: int) -> list[Mention]:
        """Parties starting in tokens start..end."""
        return list(self.parties[bisect.bisect_left(self.party_starts, start):bisect.bisect_left(self.party_starts, end)])

    def nearest_cue(self, position: int) -> str | None:
        """The scheme of the cue nearest to a token, in its own clause if that names one
        ("SAKIP …, sedangkan untuk … Reformasi Birokrasi provinsi itu …"), the earlier on a tie."""
        if not self.cues:
            return None
        start, end = clause_of(self.clauses, position) if self.clauses else (0, len(self.doc))
        k = bisect.bisect_left(self.cue_starts, position)
        near = [self.cues[j] for j in (k - 1, k) if 0 <= j < len(self.cues)]
        own = [cue for cue in near if start <= cue[0] < end]
        if not own:  # the clause's cues, if any, lie beyond the two neighbours
            first, last = bisect.bisect_left(self.cue_starts, start), bisect.bisect_left(self.cue_starts, end)
            own = [self.cues[j] for j in {first, last - 1} if first < last]
        return min(own or near, key=lambda cue: abs(cue[0] - position))[1]


def read_sentence(vocab, nlp, number: int, sentence, text: str, context, on_topic: bool,
                  in_list: bool = False) -> SentenceReading:
    """`in_list`: the sentence is a line of a list whose header named a scheme's predicate."""
    doc = nlp(sentence.of(text))
    cues = scheme_cues(vocab, doc, context.scheme_short_forms)
    found = find_spans(vocab, doc)
    if context.colours_of_another_map:
        found = [f for f in found if not _zone_of_the_storys_other_map(vocab, doc, f, cues, context.colours_of_another_map)]
    masked = next((t.i for t in doc if sentence.start + t.idx >= context.dateline_end), len(doc))
    mentions = find_mentions(vocab, doc, found, context.defined, masked)
    # "Nilai ini naik dibanding tahun sebelumnya 70,08": pointing at the result just told is a
    # sign of results too
    signal = in_list or bool(cues) or any(f.label in ("PREDICATE", "GRADE") for f in found) \
        or opens_on_told_result(vocab, doc)
    leading = context.schemes.most_common(1)[0][0] if context.schemes and context.schemes.most_common(1)[0][1] else None
    stated = STATED_SCALE.search(doc.text)
    scores = find_scores(vocab, doc, NumberSetting(on_topic, signal, percent_index=leading == "skm",
                                                   stated_scale=float(stated.group(1)) if stated else None))
    parties = [m for m in mentions if not m.comparison]
    labels = predicate_items(found)
    return SentenceReading(number, sentence, doc, tuple(found), tuple(mentions), tuple(scores), tuple(cues),
                           float(stated.group(1)) if stated else None,
                           parties=tuple(parties), labels=tuple(labels), party_starts=tuple(m.start for m in parties),
                           label_starts=tuple(f.start for f in labels), cue_starts=tuple(c[0] for c in cues),
                           covered=_covered(found, mentions), clauses=tuple(clauses(vocab, doc)))


def _zone_of_the_storys_other_map(vocab, doc, item, cues, colours) -> bool:
    """A bare zone of a colour the story gave to another map's zones, in a sentence that names no
    assessment the zone is a label of (a zone is no cue of its own)."""
    words = item.value.split()
    return item.label == "PREDICATE" and words[0] in vocab.lex["zone_families"] and words[-1] in colours \
        and not any(item.value in vocab.scheme_predicates.get(scheme, ()) for start, scheme in cues
                    if doc[start].lower_ not in vocab.lex["zone_families"])


def _covered(found, mentions) -> frozenset:
    return frozenset(i for span in (*found, *mentions) for i in range(span.start, span.end))


def scheme_cues(vocab, doc, short_forms=None) -> list[tuple[int, str]]:
    """Where the sentence names a scheme. An assessor's own name is not a cue: "Menteri
    Pendayagunaan Aparatur Negara dan Reformasi Birokrasi" names KemenPANRB, not the RB index.
    A short form the article defines for a scheme's name (`short_forms`: "Indeks Persepsi Korupsi
    (IPK)") is that scheme's cue in this article."""
    said = doc.text  # built once: spaCy joins every token again each time it is asked
    in_assessor_name = vocab.within_assessor_names(said)
    cues = []
    for short, scheme in (short_forms or {}).items():
        cues.extend((t.i, scheme) for t in doc if t.text == short)
    for scheme, regex in vocab.scheme_cue_res.items():
        for match in regex.finditer(said):
            if in_assessor_name(match.start()):
                continue
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                cues.append((span.start, scheme))
    return sorted(cues)
