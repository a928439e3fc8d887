"""Stage 3: each score goes to its entity, then gets its predicate, year, rank, scheme and scale.

A sentence is read as a run of items, each an entity and the scores after it ("Pemprov A
bernilai 91,15, Pemprov B yang meraih nilai 93,14"). A score goes to:

1. the entity before it in its item (`attach.entity_before`), shared by coordinated entities
   ("X dan Y dengan skor 4,53");
2. the previous score's entity when the two are linked ("dari 73,44 menjadi 91,95");
3. the entity after it, when the score opens the item ("Dengan nilai 85,74, Pemkot X …");
4. the previous score's entity when nothing stands between;
5. from an earlier sentence, only where one entity is in play and a score cue says a result
   is told, never a value already recorded (a repeated "skor 91,15 itu") and never a national
   or averaged figure ("indeks integritas nasional 2023 merosot ke 70,97").

A name no rule knows ("…, Nagan Raya (97,26)" where Nagan Raya is not read) blocks 2–5: its
score belongs to it, so nothing is recorded rather than a neighbour's name on it. A body named
in a comparison ("lebih tinggi dari Kabupaten Buton") keeps a value in brackets on its name and
blocks any other value until a comma closes the comparison; assessors and places never receive
a score. Groups given several scores pair them respectively or not at all. Pure.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..records import Evaluation
from .attributes import compared_time, is_earlier_value, local_region, rank_of, scale_of, scheme_at, stated_year
from .context import round_of_list
from .entities import COMPARISON, PARTY, PLACE
from .numbers import YEAR_TOKEN, has_cue
from .predicates import labels_in, labels_of
from .quotes import char_span
from .segments import clause_of, doc_words, is_list_line, list_intro, opens_on_told_result


NUMBERED_ROW = re.compile(r"^\s*\d{1,3}\s+[A-Z]")   # "2 Pemkab Sidoarjo (nilai 84,46)"
COMPARISON_REACH = 40   # tokens back from a score in which a comparison with another's value is looked for


def scored_records(vocab, reading, text, context, previous_mentions):
    doc, scores = reading.doc, reading.scores
    assigned: list[list] = []
    rules_used: list[list[str]] = []
    for index, score in enumerate(scores):
        prev_end = scores[index - 1].end if index else 0
        next_start = scores[index + 1].start if index + 1 < len(scores) else len(doc)
        between = [m for m in reading.parties_between(prev_end, score.start) if m.end <= score.start]
        if _national_figure(vocab, doc, score.start):  # "… di atas indeks SPBE nasional 2023 yang sebesar 2,79"
            target, rule = [], ["attach.national_figure"]
        else:
            target, rule = _compared_value(vocab, reading, prev_end, score, between) or _nearest(
                vocab, reading, context, previous_mentions, index, prev_end, next_start, between, assigned)
        if target and rule[0] in ("attach.entity_before", "attach.entity_after"):
            target = coordinated(vocab, doc, reading, target[0])
            if len(target) > 1:
                rule.append("attach.coordinated_entities")
        assigned.append(target)
        rules_used.append(rule)
    _respectively(vocab, doc, scores, assigned, rules_used)
    _set_against(vocab, doc, scores, assigned, rules_used)
    records, indices = [], []
    for index, score in enumerate(scores):
        if not assigned[index]:
            continue
        scheme, scheme_rule = scheme_at(vocab, reading, score.start, text, context)
        for mention in assigned[index]:
            records.append(_record(vocab, reading, text, context, index, mention, scheme,
                                   [score.rule, mention.rule, *rules_used[index], scheme_rule], records))
            indices.append(index)
    _label_said_of_the_list(vocab, reading, records, indices, assigned)
    _label_after_a_respective_run(vocab, reading, records, indices)
    records = _labels_respectively(vocab, reading, records, indices)
    records = _years_respectively(vocab, reading, records, indices)
    if records:
        context.recorded_values.update(r.score for r in records)
        context.last_result = records[-1]
        labelled = [r for r in records if r.predicate]
        if labelled:  # a list that runs on in the next sentence ("Berikutnya …") keeps its group
            context.group = (labelled[-1].predicate, reading.number)
    return records


def _record(vocab, reading, text, context, index, mention, scheme, rule_ids, earlier) -> Evaluation:
    doc, scores = reading.doc, reading.scores
    score = scores[index]
    lo = score.start if mention.foreign else min(mention.start, score.start)
    hi = score.end if mention.foreign else max(mention.end, score.end)
    # the score's own stretch: from its entity (or the previous score) to the next entity or
    # score, so "A 4,12 predikat A-, dan B 3,78 predikat B" keeps apart
    seg_start = _turn(vocab, doc, scores[index - 1].end, score.start, scores[index - 1].end) if index else 0
    if index:  # "3,21 (B-) pada 2021 dan 3,88 (B)": the grade written onto a score is that score's
        attached = [f for f in reading.labels_between(scores[index - 1].end, score.start)
                    if f.start <= scores[index - 1].end + 1]
        seg_start = max(seg_start, attached[-1].end) if attached else seg_start
    if not mention.foreign and seg_start <= mention.start < score.start:
        seg_start = mention.start
    seg_end = _turn(vocab, doc, score.end, scores[index + 1].start, scores[index + 1].start) \
        if index + 1 < len(scores) else len(doc)
    later = [m.start for m in reading.parties_between(score.end, seg_end) if m.start != mention.start]
    seg_end = min([seg_end, *later[:1]])
    predicates, predicate_rule = _predicates(vocab, reading, text, context, index, mention, seg_start, seg_end, scheme,
                                             earlier)
    if predicate_rule:
        rule_ids.append(predicate_rule)
    # "dari 89 menjadi 91", "73,44 (pada tahun lalu)": an earlier value takes only a year it states itself
    earlier_value = is_earlier_value(vocab, doc, score)
    year = stated_year(vocab, doc, seg_start, seg_end, score, context, reach_back=0 if earlier_value else 6)
    if year is None and not earlier_value:
        year = round_of_list(vocab, context, doc)
    name, region = mention.entity_name(local_region(context))
    scale = scale_of(vocab, scheme, score.value, converted=any(
        t.lower_ in vocab.conversion_cues for t in doc[max(0, score.start - 4):score.start]),
        stated=reading.stated_scale)
    if predicates and predicate_rule in (None, "predicate.sentence_lead_in"):
        # the quote holds the words a journalist may contest: entity, score and the label said with them
        said = [f for f in reading.labels_between(0 if predicate_rule else seg_start, seg_end)
                if labels_of(doc, [f])[0] in predicates]
        if said:
            lo, hi = min(lo, said[0].start), max(hi, said[-1].end)
    start_char, end_char = char_span(reading.sentence, doc, lo, hi)
    return Evaluation(
        entity=name, entity_as_written=mention.written, region=region.name if region else None, scheme=scheme,
        score=score.value, scale_max=scale, predicate=tuple(predicates), year=year,
        rank=_rank(vocab, reading, index, mention, seg_start, seg_end),
        quote=text[start_char:end_char], start=start_char, end=end_char, rule_ids=tuple(rule_ids),
    )


def _compared_value(vocab, reading, prev_end: int, score, between):
    """A body a comparison names between the score and its party decides: "lebih tinggi dari
    Kabupaten Buton (80,10)" — the value in brackets on the compared name is that body's;
    "mengungguli Kabupaten Buton dengan nilai 85,40" could be either's, so no one's. A comma
    closes the comparison ("…, tepat di bawah Kabupaten Cilacap, Jawa Tengah, dengan skor
    4,65"), and so does the main verb after a relative clause ("Kabupaten Lebak yang berada di
    bawah Kota Cilegon meraih nilai 91,20"): the value is the subject's again, and None is returned."""
    doc = reading.doc
    compared = [m for m in reading.mentions_between(prev_end, score.start) if m.role == COMPARISON and m.end <= score.start]
    if not compared or (between and compared[-1].start < between[-1].end):
        return None
    if compared[-1].end == score.start - 1 and doc[score.start - 1].text == "(":
        return [replace(compared[-1], role=PARTY)], ["attach.compared_entity_own_value"]
    gap = doc[compared[-1].end:score.start]
    resumes = any(t.text == "," for t in gap) or any(
        t.lower_ in vocab.award_cues and doc[t.i - 1].lower_ != "yang" for t in gap)
    return None if resumes else ([], ["attach.blocked_by_comparison"])


def _nearest(vocab, reading, context, previous_mentions, index, prev_end, next_start, between, assigned):
    """Rules 1–5 of the module docstring, in order."""
    doc, scores = reading.doc, reading.scores
    score = scores[index]
    given_to = _recipient_after(vocab, reading, score, next_start)
    if given_to is not None:  # "memberikan nilai 3,21 kepada Polres A dan 3,88 kepada Polres B"
        return [given_to], ["attach.given_to"]
    if _service_item_before(vocab, reading, max([prev_end, *(m.end for m in between)]), score.start):
        return [], ["attach.service_of_a_unit"]
    if between:
        return [between[-1]], ["attach.entity_before"]
    if _unknown_name_before(vocab, reading, prev_end, score.start) or _unread_unit_before(reading, prev_end, score.start):
        return [], ["attach.blocked_by_unknown_name"]
    if index and _linked(vocab, doc, prev_end, score.start):
        return assigned[index - 1], ["attach.linked_to_previous_score"]
    after = [m for m in reading.parties_between(score.end, next_start) if m.end <= next_start]
    if after:
        return [after[0]], ["attach.entity_after"]
    if index and assigned[index - 1]:
        return assigned[index - 1], ["attach.same_entity_as_previous_score"]
    if _score_alone(reading, score) and len(previous_mentions) == 1 and reading.number - context.parties_sentence_no <= 1:
        # "1. Kabupaten Banyumas\n96,98": a list whose names and scores take a line each
        return [replace(previous_mentions[0], foreign=True)], ["attach.name_on_the_line_before"]
    if score.value not in context.recorded_values and (
            has_cue(vocab, doc, score.start, window=6) or _refers_back(vocab, reading, score)) \
            and not _speaks_of_a_whole(vocab, doc) and not _compared_with_another(vocab, reading, score):
        return _from_earlier_sentence(reading, context, previous_mentions)
    return [], []


def _recipient_after(vocab, reading, score, next_start: int):
    """The entity right after "kepada", "untuk", "bagi" that follows the score, if any."""
    doc = reading.doc
    k = score.end + (1 if score.end < len(doc) and doc[score.end].text == ")" else 0)
    if k >= next_start or doc[k].lower_ not in vocab.lex["recipient_markers"]:
        return None
    return next((m for m in reading.parties_between(k + 1, k + 2) if m.end <= next_start), None)


def _labels_respectively(vocab, reading, records: list, indices: list[int]) -> list:
    """"A 4,33, B 4,01, dan C 3,87, masing-masing dengan predikat A-, A- dan B": labels listed
    after the scores, behind a word for "respectively", pair with them in order when the counts
    agree; when they do not, none is given (the pairing cannot be read)."""
    doc, scores = reading.doc, reading.scores
    if not records or len(set(indices)) != len(indices):
        return records
    last_score = scores[indices[-1]].end
    marker = next((t.i for t in doc[last_score:] if t.lower_ in vocab.lex["respective_words"]), None)
    if marker is None or not any(f.start > marker for f in reading.labels):
        return records
    run = [f for f in reading.labels if f.start > marker]
    gaps_ok = all(all(t.is_punct or t.lower_ in vocab.coordinators or t.text in ("-", "+") for t in doc[a.end:b.start])
                  for a, b in zip(run, run[1:]))
    from_run = {f.start for f in run}
    out = []
    for k, record in enumerate(records):
        if gaps_ok and len(run) == len(records):
            labels, rule = tuple(labels_of(doc, [run[k]])), "predicate.respectively"
        else:
            labels = record.predicate if not any(start in from_run for start in _label_starts(doc, reading, record)) else ()
            rule = "predicate.respective_count_differs"
        out.append(replace(record, predicate=labels, rule_ids=record.rule_ids + (rule,)))
    return out


def _years_respectively(vocab, reading, records: list, indices: list[int]) -> list:
    """"IKM tahun 2021, 2022 dan 2023 masing-masing 80,10, 82,20 dan 84,12": a run of years before a
    run of as many scores of one body pairs with them in order; of another count, no score of
    the run has a year the words tie it to."""
    doc, scores = reading.doc, reading.scores
    if len({r.entity for r in records}) != 1:
        return records

    def joined(end: int, start: int) -> bool:  # only "," and "dan" between
        return all(t.text == "," or t.lower_ in vocab.coordinators for t in doc[end:start])

    years = [t for t in doc if YEAR_TOKEN.match(t.text)]
    run = years[:1]
    for year in years[1:]:
        if joined(run[-1].i + 1, year.i):
            run.append(year)
        elif len(run) < 2:
            run = [year]
    if len(run) < 2:
        return records
    after = [k for k, index in enumerate(indices) if scores[index].start > run[-1].i]
    listed = after[:1]
    for k in after[1:]:
        if joined(scores[indices[listed[-1]]].end, scores[indices[k]].start):
            listed.append(k)
    out = list(records)
    for place, k in enumerate(listed):
        year = int(run[place].text) if len(listed) == len(run) else None
        out[k] = replace(out[k], year=year, rule_ids=out[k].rule_ids + ("year.respectively",))
    return out


def _label_starts(doc, reading, record) -> list[int]:
    """Token starts of the sentence's labels that gave `record` its predicate."""
    return [f.start for f in reading.labels if labels_of(doc, [f])[0] in record.predicate]


def _respectively(vocab, doc, scores, assigned, rules_used) -> None:
    """"A, B dan C (masing-masing) meraih nilai 4,51, 4,32 dan 3,98": a run of scores after a group
    of coordinated entities pairs them in order when the counts agree; when they do not, no
    pairing can be read and none of them is recorded. Values linked by a conversion or a change
    ("4,63 atau setara konversi 92,6") stay with the group."""
    index = 0
    while index < len(scores):
        group = assigned[index]
        run = [index]
        while len(group) > 1 and run[-1] + 1 < len(scores) and rules_used[run[-1] + 1][:1] == ["attach.same_entity_as_previous_score"] \
                and all(t.lower_ in vocab.coordinators for t in doc[scores[run[-1]].end:scores[run[-1] + 1].start]):
            run.append(run[-1] + 1)
        if len(run) > 1:
            for place, k in enumerate(run):
                if len(run) == len(group):
                    assigned[k], rules_used[k] = [group[place]], [*rules_used[index][:1], "attach.respectively"]
                else:
                    assigned[k], rules_used[k] = [], ["attach.group_count_differs"]
        index = run[-1] + 1


def _set_against(vocab, doc, scores, assigned, rules_used) -> None:
    """"A mengungguli B dengan selisih 10 poin, yakni 90,12 berbanding 80,12": a value set against
    the one before it belongs to the other side of the comparison, another body or another year,
    which the words do not tie it to; it is recorded for no one."""
    for index in range(1, len(scores)):
        between = doc[scores[index - 1].end:scores[index].start]
        if len(between) == 1 and between[0].lower_ in vocab.lex["versus_words"]:
            assigned[index], rules_used[index] = [], ["attach.set_against"]


def _rank(vocab, reading, index: int, mention, seg_start: int, seg_end: int) -> int | None:
    """The rank said with the item: before its name ("…, peringkat kedua Kabupaten X (96,10),
    dan peringkat ketiga …" is X's second place), else in its stretch."""
    doc, scores = reading.doc, reading.scores
    if index and not mention.foreign and scores[index - 1].end <= mention.start:
        before_name = rank_of(vocab, doc, scores[index - 1].end, mention.start)
        if before_name is not None:
            return before_name
    return rank_of(vocab, doc, _rank_from(reading, index, mention, seg_start), seg_end)


def _rank_from(reading, index: int, mention, seg_start: int) -> int:
    """"Peringkat pertama kategori kabupaten diraih Kabupaten A dengan nilai 4,75": a rank that
    opens the sentence is its first entity's."""
    first = not index and reading.parties and reading.parties[0].start == mention.start and not mention.foreign
    return 0 if first else seg_start


def _label_said_of_the_list(vocab, reading, records, indices, assigned) -> None:
    """"hanya Kota A (91,2) dan Kota B (89,05) yang masuk zona hijau", "Kabupaten A (88,12),
    Kabupaten B (86,40) dan Kabupaten C (84,05) masuk zona hijau": a relative clause, or the verb
    that gives the label, right after the last of a list of scored names joined by separators
    only, is said of each of them."""
    doc, scores = reading.doc, reading.scores
    if not records or not records[-1].predicate or len(set(indices)) != len(indices):
        return
    last = indices[-1]
    after = scores[last].end + (1 if scores[last].end < len(doc) and doc[scores[last].end].text == ")" else 0)
    if after >= len(doc) or not (doc[after].lower_ == "yang" or _gives_the_label(vocab, reading, after)):
        return
    k = len(records) - 1
    while k > 0 and not records[k - 1].predicate and indices[k - 1] == indices[k] - 1:
        gap = doc[scores[indices[k - 1]].end:assigned[indices[k]][0].start]
        if not gap or not all(t.text == ")" or (t.lower_ in vocab.list_separators and t.lower_ not in
                                                vocab.clause_connectors) for t in gap):
            break
        k -= 1
        records[k] = replace(records[k], predicate=records[-1].predicate,
                             rule_ids=records[k].rule_ids + ("predicate.said_of_the_list",))


NATIONAL_REACH = 8  # tokens back from a value to the word that makes its index a whole country's


def _national_figure(vocab, doc, start: int) -> bool:
    """"indeks SPBE nasional tahun 2023 yang sebesar 2,79", "rata-rata nasional 3,12": a word of a
    whole after the value's cue, no name between it and the value (in "nilai tertinggi nasional
    diraih Kota X dengan 4,5" the value is the city's). It is a value, so the sentence is one of
    values; it goes to no body named beside it."""
    if doc_words(doc).isdisjoint(vocab.aggregate_words):
        return False
    for k in range(start - 1, max(-1, start - NATIONAL_REACH), -1):
        token = doc[k]
        if token.lower_ in vocab.aggregate_words:
            return any(t.lower_ in vocab.score_cues for t in doc[max(0, k - 3):k])
        if token.is_punct and token.text != "(" or token.like_num and not YEAR_TOKEN.match(token.text) \
                or (token.is_title and token.lower_ not in vocab.score_cues):
            return False
    return False


def _label_after_a_respective_run(vocab, reading, records, indices) -> None:
    """"A, B dan C masing-masing memperoleh 3,97, 3,81 dan 3,58 dengan kategori B (Baik)": one
    label after a run of scores the names took in order is each of theirs."""
    doc, scores = reading.doc, reading.scores
    if len(records) < 2 or not records[-1].predicate or len(set(indices)) != len(indices) \
            or any(r.predicate for r in records[:-1]) or not all("attach.respectively" in r.rule_ids for r in records):
        return
    for a, b in zip(indices, indices[1:]):
        if b != a + 1 or not all(t.is_punct or t.lower_ in vocab.coordinators for t in doc[scores[a].end:scores[b].start]):
            return
    after = scores[indices[-1]].end
    if after >= len(doc) or doc[after].lower_ not in vocab.lex["run_label_openers"]:
        return
    for k in range(len(records) - 1):
        records[k] = replace(records[k], predicate=records[-1].predicate,
                             rule_ids=records[k].rule_ids + ("predicate.said_of_the_run",))


LIST_VERB_REACH = 4  # tokens after a list's last score in which its verb may come ("sama-sama masuk")


def _gives_the_label(vocab, reading, start: int) -> bool:
    """"… (84,05) masuk zona hijau", "… 84,05 sama-sama meraih predikat A": an award word opens
    what follows the list, and a label comes within two words of it."""
    doc = reading.doc
    cue = next((t.i for t in doc[start:start + LIST_VERB_REACH] if t.lower_ in vocab.award_cues), None)
    if cue is None or any(not (t.is_alpha or t.text == "-") for t in doc[start:cue]) \
            or any(start <= m.start < cue for m in reading.mentions):
        return False  # "… 84,05, sedangkan …", "… 84,05 dan Kota X masuk …": not the list's verb
    return any(cue <= f.start <= cue + 2 for f in reading.labels)


def _turn(vocab, doc, start: int, end: int, default: int) -> int:
    """Where, between two scores, the item of the second begins: at the first word that turns
    to another value ("3,12 predikat baik, naik dibandingkan tahun 2021 dengan indeks 2,71"),
    else at `default`."""
    return next((t.i for t in doc[start:end] if t.lower_ in vocab.item_turns), default)


def _predicates(vocab, reading, text, context, index, mention, seg_start, seg_end, scheme, earlier):
    """The labels of one scored item, by a cascade:

    1. the labels in the item itself ("4,12 predikat A-", "4,26 (Memuaskan)");
    2. a lead-in before the sentence's first entity ("Pada kategori zona hijau, Pemkot X … 98,17");
    3. the previous item's, when only a list separator stands between ("…, lalu Pakpak Bharat (54,03)");
    4. the group of an earlier sentence the list runs on from ("Berikutnya Kabupaten Simalungun
       (11,62)") or a lead-in sentence ("Kesepuluh Pemda (kategori B) itu adalah X (86,62)").
    """
    doc, found, parties = reading.doc, reading.found, reading.parties
    own = labels_in(vocab, reading, seg_start, seg_end, scheme)  # 1.
    if own:
        return own, None
    if index and not mention.foreign and reading.scores[index - 1].end < mention.start:
        # 1b. "…, adapun kategori Menuju Informatif diraih B (82,43)": said before the name, after
        # the break that ended the previous item
        gap = doc[reading.scores[index - 1].end:mention.start]
        breaks = [t.i for t in gap if t.text in (",", ";") or t.lower_ in vocab.clause_connectors]
        if breaks:
            before_name = labels_in(vocab, reading, breaks[-1] + 1, mention.start, scheme)
            if before_name:
                return before_name, "predicate.said_before_name"
    if parties:  # 2.
        # "Berbeda dengan tahun 2022 yang masih di zona kuning, …": a label said of what the result
        # is compared with leads in nothing
        compared = next((t.i for t in doc[:parties[0].start]
                         if t.lower_ in vocab.compared_words and _a_time(vocab, doc[t.i + 1:t.i + 4])), None)
        lead = labels_in(vocab, reading, 0, parties[0].start, scheme) if compared is None else []
        if lead:
            context.category = (tuple(lead), reading.number, frozenset(), frozenset())
            return lead, "predicate.sentence_lead_in"
    if index and earlier and earlier[-1].predicate and not mention.foreign:  # 3.
        gap = doc[reading.scores[index - 1].end:mention.start]
        if 0 < len(gap) <= 4 and all(t.text == ")" or (t.lower_ in vocab.list_separators and t.lower_ not in
                                                                      vocab.clause_connectors) for t in gap):
            return list(earlier[-1].predicate), "predicate.list_continues"
    if any(r.entity_as_written == mention.written for r in earlier or ()):
        # "…, naik dari 2022 yang hanya 80,10": a second value of one body is another round (or the
        # same said on another scale); the category an earlier sentence led in with is not surely its
        return [], None
    allowed = set((vocab.rules.schemes.get(scheme) or {}).get("predicates") or [])
    fitting = lambda labels: [p for p in labels if not allowed or p in allowed or len(p) <= 2]  # noqa: E731
    if context.group and reading.number - context.group[1] <= 2 and doc[0].lower_ in vocab.continuation_words:  # 4.
        return fitting(context.group[0]), "predicate.list_runs_on"
    compared = compared_time(vocab, doc)
    if compared is not None and compared[0] < reading.scores[index].start:
        return [], None  # "Angka itu naik bila dibandingkan nilai SAKIP tahun lalu, yaitu 70,62": another round's
    # "… Kabupaten X masih jauh tertinggal dari Kabupaten Y yang … di Zona Hijau": a lead-in that
    # named a body and gave the category to another is no category of the first
    name = mention.entity_name(None)[0]
    if context.category and reading.number - context.category[1] <= 2 and name not in context.category[2] \
            and (name in context.category[3] or _lists_the_group(vocab, reading, text)):
        context.category = (context.category[0], reading.number, *context.category[2:])
        return fitting(context.category[0]), "predicate.list_lead_in"
    return [], None


def _lists_the_group(vocab, reading, text) -> bool:
    """A sentence that can enumerate the group a lead-in named: a list of scores, a list line or
    a numbered row ("2 Pemkab X (nilai 84,46)"), one that opens on a word that hands a list on
    ("Berikutnya, …") or on a rank ("Di posisi kelima terdapat …", "Urutan ke enam menjadi milik
    …"), or one whose list opens before its first body ("… itu adalah Kabupaten X yang bernilai
    73,08"). A lone body's score after "Kabupaten Ende masuk zona hijau." is not said to be in
    that category (the body the lead-in gave it to is: see `_predicates`)."""
    doc = reading.doc
    if "lists_the_group" in doc.user_data:  # read once per sentence: a list may hold thousands of scores
        return doc.user_data["lists_the_group"]
    chunk = reading.sentence.of(text)
    opening = [t.lower_ for t in doc[:4] if not t.is_punct]
    first_body = reading.parties[0].start if reading.parties else len(doc)
    listed = [s for s in reading.scores if not (s.start and doc[s.start - 1].lower_ in vocab.lex["versus_words"])]
    lists = len(listed) > 1 or is_list_line(chunk) or bool(NUMBERED_ROW.match(chunk)) \
        or any(w in vocab.continuation_words or w in vocab.rank_cues for w in opening) \
        or list_intro(vocab, doc, 0, first_body) is not None
    doc.user_data["lists_the_group"] = lists
    return lists


def _score_alone(reading, score) -> bool:
    """The sentence is the score and nothing else but marks and its label: "96,98 (Kualitas Tertinggi)"."""
    labelled = {i for f in reading.labels for i in range(f.start, f.end)}
    return all(t.is_punct or t.i in labelled or score.start <= t.i < score.end for t in reading.doc)


def _speaks_of_a_whole(vocab, doc) -> bool:
    """"Rata-rata nilai kepatuhan di Jawa Tengah mencapai 78,45", "indeks nasional", "nilai
    tertinggi di kategori ini": a figure of a whole or of a member left unnamed, which no body
    named earlier owns (the tokenizer splits "rata-rata", so the words are
    looked for in the sentence's text)."""
    said = " " + " ".join(t.lower_ for t in doc).replace(" - ", "-") + " "
    return any(f" {word} " in said for word in vocab.aggregate_words) or any(
        token.lower_ in vocab.score_cues and doc[token.i + 1].lower_ in vocab.lex["group_superlatives"]
        for token in doc[:-1])  # "Nilai tertinggi di kategori ini hanya 68,50": an unnamed member's


def _from_earlier_sentence(reading, context, previous_mentions) -> tuple[list, list[str]]:
    """A score in a sentence that names nobody: the one entity of the sentence right before, the
    article's subject, or the entity of the latest result in the paragraph before."""
    if len(previous_mentions) == 1 and reading.number - context.parties_sentence_no <= 1:
        return [replace(previous_mentions[0], foreign=True)], ["attach.previous_sentence_entity"]
    subject = next((m for m in previous_mentions if m.body == context.subject), None)
    if context.subject and subject is not None:
        return [replace(subject, foreign=True)], ["attach.article_subject"]
    if context.last_scored and context.last_scored[0] >= reading.sentence.paragraph - 1 and len(context.last_scored[1]) == 1:
        return [replace(context.last_scored[1][0], foreign=True)], ["attach.last_scored_entity"]
    return [], []


def _refers_back(vocab, reading, score) -> bool:
    """"Nilai itu naik dibanding tahun 2022 yang hanya 3,65": a sentence opening on the result just
    told gives that entity's other values, unless it names another body before the score
    ("Capaian ini di atas Kabupaten X yang meraih 3,20")."""
    return opens_on_told_result(vocab, reading.doc) and not any(m.start < score.start for m in reading.mentions)


def _compared_with_another(vocab, reading, score) -> bool:
    """"Hasil itu jauh lebih tinggi daripada survei lembaga lain …, yang memberi nilai 73,2": a
    value compared with, from someone else; "dibanding tahun 2022 yang hanya 3,65" is not."""
    doc = reading.doc
    clause_start = clause_of(reading.clauses, score.start)[0] if reading.clauses else 0
    compared = [t.i for t in doc[max(clause_start, score.start - COMPARISON_REACH):score.start]
                if t.lower_ in vocab.compared_words]
    if not compared:
        return False
    after = doc[compared[-1] + 1: min(score.start, compared[-1] + 5)]
    another = any(t.lower_ in vocab.lex["evaluation_words"] or t.lower_ == "lembaga" for t in after[:2])
    return another and not _a_time(vocab, after)


def _a_time(vocab, tokens) -> bool:
    """The words after a compared word name another time ("tahun 2022", "tahun lalu"), not another body."""
    return any(t.lower_ in vocab.lex["compared_times"] or YEAR_TOKEN.match(t.text) for t in tokens)


VERB_PREFIXES = ("me", "ber", "di", "ter", "se", "ke")  # "naik", "meningkat", "tercatat": not a service's name
SERVICE_ITEM_WORDS = 3


def _service_item_before(vocab, reading, lo: int, score_start: int) -> bool:
    """"IKM per unit layanan Puskesmas X: poli umum 85,20, poli gigi 87,10, dan laboratorium 90,00":
    an item of lower-case words after a list's separator, right before the score, names a service
    of the unit, which no rule can name as a body; the score is recorded for no one."""
    doc = reading.doc
    k = score_start - 1
    while k >= lo and (doc[k].text in ("(", ":") or doc[k].lower_ in vocab.score_cues):
        k -= 1
    item = []
    while k >= lo and doc[k].is_alpha and doc[k].is_lower and len(item) < SERVICE_ITEM_WORDS \
            and doc[k].lower_ not in vocab.coordinators:
        word = doc[k].lower_
        if word in vocab.score_cues or word in vocab.predicate_cues or word in vocab.award_cues:
            return False  # "nilai dan zona 86, 65": the score's own words
        if word.startswith(VERB_PREFIXES) or word in vocab.relative_fillers \
                or word in vocab.lex["hedge_words"] or word in vocab.item_turns or word in vocab.lex["compared_times"] \
                or word in vocab.lex["time_nouns"] or word in vocab.continuation_words:
            return False
        item.append(doc[k])
        k -= 1
    return any(not t.is_stop for t in item) and k >= lo and (
        doc[k].text in (",", ";", ":") or doc[k].lower_ in vocab.coordinators)


def _unknown_name_before(vocab, reading, lo: int, score_start: int) -> bool:
    """"…, Nagan Raya (97,26)": capitalised words opening an item right before a score, which no
    rule read as an entity, predicate or scheme — a name we do not know, which owns the score."""
    doc = reading.doc
    covered = reading.covered
    k = score_start - 1
    while k >= lo and (doc[k].text in ("(", ":") or doc[k].lower_ in vocab.score_cues or doc[k].lower_ in vocab.relative_fillers
                       or doc[k].lower_ in vocab.lex["hedge_words"] or doc[k].lower_ in vocab.lex["receiving_verbs"]
                       or doc[k].lower_ == "dengan"):
        k -= 1  # "Nagan Raya (", "Nagan Raya yang bernilai", "Wonokerto dengan 65,30", "Wonokerto hanya 75,99"
    place = reading.mention_ending.get(k + 1)
    if place is not None and place.role == PLACE and place.start > lo:
        k = place.start - 2 if doc[place.start - 1].lower_ == "di" else k  # "BBPOM di Semarang 85,13"
    name = []
    while k >= lo and doc[k].is_alpha and doc[k].text[:1].isupper() and k not in covered:
        name.append(k)
        k -= 1
    if not name:
        return False
    # the name opens an item: after a separator, a bullet, or a word that hands the list on
    # ("diraih Wonokerto dengan 65,30", "disusul BBPOM di Semarang 85,13")
    opening = k < lo or doc[k].lower_ in vocab.list_separators or doc[k].text in ("•", "-", ".") \
        or doc[k].lower_ in vocab.list_intro or doc[k].lower_ in vocab.continuation_words
    return opening and not (doc[name[-1]].lower_ in vocab.continuation_words and len(name) == 1)


def _unread_unit_before(reading, lo: int, score_start: int) -> bool:
    """"Puskesmas banjarejo memperoleh nilai 4,97": a unit's head word whose name could not be
    read (written in lower case) still says the score is some unit's own."""
    heads = reading.unread_heads
    k = bisect.bisect_left(heads, lo)
    return k < len(heads) and heads[k] < score_start - 1


def _linked(vocab, doc, start: int, end: int) -> bool:
    words = {t.lower_ for t in doc[start:end]}
    return end - start <= 8 and bool(words & vocab.linking_cues)


def coordinated(vocab, doc, reading, anchor) -> list:
    """"DPMPTSP dan DKCS", "Dinas Sosial serta rumah sakit daerah": one score, several units."""
    group = [anchor]
    ordered = reading.parties
    index = bisect.bisect_left(reading.party_starts, anchor.start)
    for step in (-1, 1):
        k = index
        while 0 <= k + step < len(ordered):
            left, right = (ordered[k + step], ordered[k]) if step < 0 else (ordered[k], ordered[k + step])
            gap = doc[left.end:right.start]
            # "Puskesmas X bersama Dinas Kesehatan Y meraih nilai 88,40": together, as with "dan"
            if len(gap) > 2 or not all(t.lower_ in vocab.coordinators or t.lower_ in vocab.lex["together_words"]
                                       for t in gap) or not len(gap):
                break
            group.append(ordered[k + step])
            k += step
    group.sort(key=lambda m: m.start)
    # distributive region: "Dinas Sosial serta rumah sakit daerah Kota Madiun"
    shared = next((m.region for m in reversed(group) if m.region is not None), None)
    return [replace(m, region=shared) if m.region is None and shared is not None and m.kind == "agency"
            and not (m.place_named or m.national) else m for m in group]
