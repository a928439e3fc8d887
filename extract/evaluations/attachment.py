"""Stage 4: each score goes to its entity.

The entity before it (or after it, when none stands between it and the previous score), shared
by coordinated entities ("X dan Y dengan skor 4,53"), never a comparison ("di bawah Kabupaten
Cilacap"); predicates, year, rank and scheme come from the score's own stretch of the sentence
first, then from the sentence, then from the article context.
"""
from __future__ import annotations

from dataclasses import replace

from ..records import Evaluation
from .attributes import is_earlier_value, local_region, rank_of, scale_of, scheme_at, year_of
from .numbers import has_cue
from .predicates import labels_in
from .quotes import char_span


def scored_records(vocab, reading, text, context, previous_mentions):
    doc, sentence, found, mentions, scores = reading.doc, reading.sentence, reading.found, reading.mentions, reading.scores
    records = []
    usable = [m for m in mentions if not m.comparison]
    assigned: list[list] = []
    rules_used: list[list[str]] = []
    for index, score in enumerate(scores):
        prev_end = scores[index - 1].end if index else 0
        next_start = scores[index + 1].start if index + 1 < len(scores) else len(doc)
        between = [m for m in usable if prev_end <= m.start and m.end <= score.start]
        rule = []
        if between:
            target = [between[-1]]
            rule.append("attach.entity_before")
        elif index and _linked(vocab, doc, scores[index - 1].end, score.start):
            target = assigned[index - 1]
            rule.append("attach.linked_to_previous_score")
        else:
            after = [m for m in usable if score.end <= m.start and m.end <= next_start]
            if after:
                target = [after[0]]
                rule.append("attach.entity_after")
            elif index and assigned[index - 1]:
                target = assigned[index - 1]
                rule.append("attach.same_entity_as_previous_score")
            elif len(previous_mentions) == 1 and has_cue(vocab, doc, score.start, window=6):
                target = [replace(previous_mentions[0], foreign=True)]
                rule.append("attach.previous_sentence_entity")
            elif context.subject and has_cue(vocab, doc, score.start, window=6) and any(
                    m.entity_name(None)[0] == context.subject for m in previous_mentions):
                target = [replace(next(m for m in previous_mentions if m.entity_name(None)[0] == context.subject), foreign=True)]
                rule.append("attach.article_subject")
            elif context.last_scored and context.last_scored[0] >= sentence.paragraph - 1 \
                    and len(context.last_scored[1]) == 1 and has_cue(vocab, doc, score.start, window=6):
                target = [replace(context.last_scored[1][0], foreign=True)]
                rule.append("attach.last_scored_entity")
            else:
                target = []
        if target and rule[0] in ("attach.entity_before", "attach.entity_after"):
            target = coordinated(doc, usable, target[0], scores)
            if len(target) > 1:
                rule.append("attach.coordinated_entities")
        assigned.append(target)
        rules_used.append(rule)
    for index, score in enumerate(scores):
        scheme, scheme_rule = scheme_at(vocab, reading, score.start, text, context) if assigned[index] else (None, None)
        for mention in assigned[index]:
            lo = score.start if mention.foreign else min(mention.start, score.start)
            hi = score.end if mention.foreign else max(mention.end, score.end)
            # the score's own stretch: from its entity (or the previous score) to the next
            # entity or score, so "A 4,12 predikat A-, dan B 3,78 predikat B" keeps apart
            seg_start = scores[index - 1].end if index else 0
            if not mention.foreign and seg_start <= mention.start < score.start:
                seg_start = mention.start
            seg_end = scores[index + 1].start if index + 1 < len(scores) else len(doc)
            seg_end = min([seg_end] + [m.start for m in usable if score.end <= m.start and m.start != mention.start])
            predicates = labels_in(vocab, doc, found, seg_start, seg_end, scheme)
            if not predicates and usable:
                # a lead-in for the whole sentence: "Pada kategori zona hijau, Pemkot X ... 98,17"
                predicates = labels_in(vocab, doc, found, 0, min(m.start for m in usable), scheme)
                if predicates:
                    context.category = (tuple(predicates), context.sentence_no)
            if not predicates and context.category and context.sentence_no - context.category[1] <= 2:
                # a list under an earlier lead-in: "Kesepuluh Pemda (kategori B) itu adalah X (86,62), ..."
                allowed = set((vocab.rules.schemes.get(scheme) or {}).get("predicates") or [])
                predicates = [p for p in context.category[0] if not allowed or p in allowed or len(p) <= 2]
                context.category = (context.category[0], context.sentence_no)
                rules_used[index].append("predicate.list_lead_in")
            year = year_of(vocab, doc, seg_start, seg_end, score, context)
            if year == (context.year or context.last_year) and is_earlier_value(doc, score):
                year = None  # "dari 89 menjadi 91", "73,44 (pada tahun lalu)": only a stated year counts
            rank = rank_of(vocab, doc, seg_start, seg_end)
            name, region = mention.entity_name(local_region(context))
            scale = scale_of(vocab, scheme, score.value, converted=any(
                t.lower_.startswith(("konversi", "dikonversi")) for t in doc[max(0, score.start - 4):score.start]),
                stated=reading.stated_scale)
            start_char, end_char = char_span(sentence, doc, lo, hi)
            records.append(Evaluation(
                entity=name, entity_as_written=mention.written,
                region=region.name if region else None, scheme=scheme, score=score.value,
                scale_max=scale, predicate=tuple(predicates), year=year, rank=rank,
                quote=text[start_char:end_char], start=start_char, end=end_char,
                rule_ids=tuple([score.rule, mention.rule, *rules_used[index], scheme_rule]),
            ))
    return records


def _linked(vocab, doc, start: int, end: int) -> bool:
    words = {t.lower_ for t in doc[start:end]}
    return end - start <= 8 and bool(words & vocab.linking_cues)


def coordinated(doc, usable: list, anchor, scores: list) -> list:
    """"DPMPTSP dan DKCS", "Dinas Sosial serta rumah sakit daerah": one score, several units."""
    group = [anchor]
    score_tokens = {i for s in scores for i in range(s.start, s.end)}
    ordered = sorted(usable, key=lambda m: m.start)
    index = next(k for k, m in enumerate(ordered) if m.start == anchor.start)
    for step in (-1, 1):
        k = index
        while 0 <= k + step < len(ordered):
            left, right = (ordered[k + step], ordered[k]) if step < 0 else (ordered[k], ordered[k + step])
            gap = doc[left.end:right.start]
            if len(gap) > 2 or any(t.i in score_tokens for t in gap) or not all(
                    t.lower_ in (",", "dan", "serta", "&", "maupun") for t in gap) or not len(gap):
                break
            group.append(ordered[k + step])
            k += step
    group.sort(key=lambda m: m.start)
    # distributive region: "Dinas Sosial serta rumah sakit daerah Kota Madiun"
    shared = next((m.region for m in reversed(group) if m.region is not None), None)
    return [replace(m, region=shared) if m.region is None and shared is not None and m.kind == "agency"
            and not (m.place_named or m.national) else m for m in group]
