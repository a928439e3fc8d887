"""Article text → evaluation records, by rules a reviewer can read.

`Extractor(rules)` builds the pipeline once; `extract(article)` then runs the stages in order:

1. Article context (`context`): which schemes the article is about, which evaluation year it
   names, the region its dateline and government mentions point at.
2. Candidate sentences: only sentences that hold a number or a predicate label go through
   spaCy; most of an article cannot hold a result. In each, the span rulers (`patterns`) mark
   agency names and abbreviations, government prefixes, regions, predicates and scheme cues
   (`spans`); numbers are read and filtered (`numbers`); entities are found (`entities`).
3. Attachment (`attachment`): each score goes to its entity, with predicates (`predicates`),
   year, rank, scheme and scale (`attributes`).
4. Predicate-only records (`predicate_only`): named entities given a predicate without a score.
   Tables the story prints are read row by row, by their header (`tables`); a table copied one
   cell per line keeps each row's name, score and label together (`cells`).
5. Merge (`merge`): covered predicate-only records dropped, repeated results merged.

Every record carries the rule ids that produced it. Pure: no I/O, no clock.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import partial

from ..records import Article, Evaluation
from ..text import sentences
from .attachment import coordinated, scored_records
from .cells import (is_score_cell, label_cell, name_and_score_line, name_cell, opens_a_row, reads_as_a_name, row_label_record,
                    score_cell, whole_line)
from .attributes import compared_time, scheme_of_labels, year_at
from .context import read_context, says_past
from .entities import ASSESSOR, Mention, resolve_anaphors
from .language import indonesian
from .merge import dedupe, drop_covered_predicates
from .patterns import add_span_rulers
from .predicate_only import ALL, counted_group, group_pointer, predicate_only_records
from .predicates import conflicting, is_list_header, labels_of, opens_a_list
from .quotes import char_span
from .reading import SentenceReading, read_sentence
from .segments import is_list_line, opens_on_told_result
from .tables import find_tables, table_records
from .spans import predicate_items
from .vocabulary import build_vocabulary
from .wraps import join_wrapped_lines

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# "Ketiga daerah tersebut …", "Dengan nilai itu, keduanya …": how soon a back-reference opens
GROUP_OPENING_REACH = 5
MAX_TEXT_CHARS = 200_000     # beyond this an "article" is a dump; the head is read, the rest ignored


def is_teaser(vocab, chunk: str) -> bool:
    """"Baca juga: …", "Artikel terkait : …": a link to another story, whose numbers are not this one's;
    a question ("Apakah Pemkab X akan kembali meraih zona hijau?") or a condition, which report nothing."""
    return bool(vocab.teaser_re.match(chunk)) or chunk.rstrip(" \"'”’)").endswith("?") or _supposes(vocab, chunk)


def _supposes(vocab, chunk: str) -> bool:
    """"Apabila Pemkab X meraih nilai 90, maka masuk zona hijau": a condition, not a result;
    "jika dibandingkan tahun lalu" only compares."""
    return bool(vocab.conditional_re.search(chunk))


# the rules that give a scored item labels its own words do not say
BORROWED_LABELS = frozenset({"predicate.list_runs_on", "predicate.list_lead_in", "predicate.list_continues"})


class Extractor:
    """Built once from `config.load_rules()`; `extract(article)` is then a pure function."""

    def __init__(self, rules):
        self.rules = rules
        self.vocab = build_vocabulary(rules)
        self.nlp = indonesian()
        add_span_rulers(self.nlp, rules)

    def extract(self, article: Article) -> list[Evaluation]:
        vocab = self.vocab
        # a lone surrogate is no character of any text (nothing decoded from bytes holds one);
        # it becomes U+FFFD, one for one, so offsets still hold
        spoken = LONE_SURROGATE.sub("\ufffd", (article.text or "")[:MAX_TEXT_CHARS])
        if not spoken.strip():
            return []
        text = join_wrapped_lines(vocab, spoken)  # same length: offsets hold for both
        title = LONE_SURROGATE.sub("\ufffd", article.title or "")
        context = read_context(vocab, text, title, article.url, article.published)
        if not any(context.schemes.values()) and not vocab.topic_re.search(title + "\n" + text):
            # no evaluation scheme is named anywhere: ordinary news, and most of what a portal
            # publishes. The regex pass that found this out is far cheaper than spaCy on every
            # sentence with a number in it.
            return []
        tables = find_tables(text)  # "| 1 | Kabupaten Kolaka | 85,20 | Hijau |": read by their header
        all_sentences = sentences(text)
        read = self._read_candidates(text, context, tables, all_sentences)
        records: list[Evaluation] = table_records(vocab, self.nlp, text, tables, context)
        previous_mentions: list[Mention] = []
        told: tuple[int, range] = (-1, range(0))  # (sentence no., positions in `records`) of the latest scores
        previous: SentenceReading | None = None
        for reading, line_labels, list_region, closes_row in read:
            if any(m.kind == "anaphor" for m in reading.mentions):
                reading = reading.with_mentions(resolve_anaphors(
                    list(reading.mentions), self._antecedents(reading, previous, previous_mentions, all_sentences,
                                                              text, context)))
            number, doc, found, mentions = reading.number, reading.doc, reading.found, reading.mentions
            context.sentence_no, context.list_region = number, list_region
            governments = [m for m in mentions if m.kind in ("gov", "bare") and m.region
                           and (m.parent or not m.comparison)]
            if governments:  # "pada level Pemerintah Provinsi Gorontalo ... Dinas Sosial 77,55"
                context.recent_region = (governments[-1].region, number)
            if closes_row:  # "Kabupaten Bone\n88,50\nZona Hijau": the label cell of the row above
                if told[1] and told[0] == number - 1:
                    for k in told[1]:
                        if not records[k].predicate:
                            records[k] = replace(records[k], predicate=tuple(labels_of(doc, list(reading.labels))),
                                                 rule_ids=records[k].rule_ids + ("predicate.row_cells",))
                elif previous is not None and previous.number == number - 1 and name_cell(previous):
                    records.append(row_label_record(vocab, previous, reading, text, context))
            elif reading.scores:
                new = scored_records(vocab, reading, text, context, previous_mentions)
                if line_labels:
                    new = [_under_the_list_header(vocab, r, line_labels) for r in new]
                if new:
                    told = (number, range(len(records), len(records) + len(new)))
                    context.last_scored = (reading.sentence.paragraph,
                                           _record_mentions(new, [*mentions, *previous_mentions]))
                records.extend(new)
                # "A meraih predikat Informatif, sedangkan B masuk kategori Menuju Informatif dengan nilai 85,20"
                scored_names = {r.entity_as_written for r in new}
                if any(m.written not in scored_names for m in mentions):
                    records.extend(r for r in predicate_only_records(vocab, reading, text, context)
                                   if r.entity_as_written not in scored_names)
            elif told[1] and number - told[0] <= 2 and (
                    said := _labels_said_of_told_result(vocab, reading, records, told)):
                now, earlier = said
                for k in told[1] if now else ():
                    # a label said of these results outweighs one borrowed from an earlier
                    # sentence ("Kemudian A meraih 4,48, B 4,37 … Keempatnya masuk kategori A-")
                    if not records[k].predicate or BORROWED_LABELS & set(records[k].rule_ids):
                        records[k] = replace(records[k], predicate=now,
                                             rule_ids=records[k].rule_ids + ("predicate.said_of_told_result",))
                if earlier and len({records[k].entity for k in told[1]}) == 1:
                    records.append(_told_results_earlier_state(reading, text, records[told[1][0]], *earlier))
            else:
                records.extend(_sentence_without_scores(vocab, reading, text, context, line_labels))
            if reading.parties:
                previous_mentions, context.parties_sentence_no = reading.parties, number
            previous = reading
        records = [r for r in records if r.scheme not in context.zones_of_another_map and not (
            # a story that tells of another map before any assessment ("Sidoarjo kembali masuk zona
            # merah … penularan Covid-19"): its values count only where their sentence names one
            context.colours_of_another_map and r.score is not None and "scheme.sentence_cue" not in r.rule_ids)]
        # quotes are the article's own characters, line breaks and all
        records = [_as_the_subject(r, context.subject_mention) for r in records]
        cannot_share = partial(conflicting, vocab)  # labels one body cannot hold in one round
        records = drop_covered_predicates(records, cannot_share)
        return [replace(r, quote=spoken[r.start:r.end]) for r in dedupe(records, vocab.level_words, cannot_share)]


    def _antecedents(self, reading, previous, previous_mentions, all_sentences, text, context) -> list[Mention]:
        """What a noun pointing back may name: the parties of the last sentence that named one,
        or, where the sentence right before named none ("Kabar baik datang dari Kabupaten Mimika.
        Kabupaten penghasil tambang itu meraih …"), any body it named but an assessor; that
        sentence may hold no result and not have been read."""
        if not reading.number or (previous is not None and previous.number == reading.number - 1 and previous.parties):
            return previous_mentions
        before = previous if previous is not None and previous.number == reading.number - 1 else read_sentence(
            self.vocab, self.nlp, reading.number - 1, all_sentences[reading.number - 1], text, context, False)
        named = [m for m in before.mentions if m.role != ASSESSOR and m.kind != "anaphor"]
        return named or previous_mentions

    def _read_candidates(self, text, context, tables, all_sentences) -> list[tuple]:
        """First pass: what each sentence that can hold a result holds, with the labels and region
        of the bulleted list it is a line of; and the article's subject, so that it is known
        before any score has to fall back on it."""
        vocab = self.vocab
        in_table = [(t.start, t.end) for t in tables]
        read: list[tuple[SentenceReading, tuple | None, object | None]] = []
        subjects: Counter = Counter()
        first_named: dict = {}  # body → the mention that first named it
        on_topic = sum(context.schemes.values()) >= 2
        list_labels = None  # the predicates of a bulleted list's header, while its lines run
        list_region = None  # the government a list's header names: its items' region ("OPD Pemprov Jatim: • Dinkes (92,71)")
        # under a header that names a scheme ("Hasil SKM 2024:"), a list line's bare value is a result
        scheme_list = False
        for number, sentence in enumerate(all_sentences):
            chunk = sentence.of(text)
            if any(start <= sentence.start < end for start, end in in_table):
                continue
            following = all_sentences[number + 1] if number + 1 < len(all_sentences) else None
            # "Dua OPD raih zona hijau." — "Dinas A dan Dinas B menerima penghargaan …": the group named
            labelled_before = bool(read) and number - read[-1][0].number <= 2 and bool(read[-1][0].labels)
            if is_teaser(vocab, chunk) or not (list_labels or vocab.candidate_re.search(chunk)
                                               or vocab.intro_re.search(chunk)
                                               or (labelled_before and vocab.award_noun_re.search(chunk))
                                               or opens_a_row(vocab, text, sentence, following)
                                               # the last cell of a row under its score ("91,87\nHijau")
                                               or (number and whole_line(text, sentence)
                                                   and is_score_cell(text, all_sentences[number - 1]))):
                continue  # a list may be named before its predicate ("Kelima provinsi itu ialah A, B …")
            above = read[-1] if read and read[-1][0].number == number - 1 else None
            # "Polres Blora\n4,23": a number alone under a row's name is its score cell
            scores_a_row = above is not None and name_cell(above[0]) and is_score_cell(text, sentence)
            in_list = ((bool(list_labels) or scheme_list) and is_list_line(chunk)) or scores_a_row
            reading = read_sentence(vocab, self.nlp, number, sentence, text, context, on_topic, in_list=in_list)
            # a label line right under a row's score, or under a name while no group's label is
            # open, closes that row; under a name of an open group it heads the next group
            line_above = all_sentences[number - 1] if number else None
            closes_row = label_cell(reading) and whole_line(text, sentence) and line_above is not None and (
                is_score_cell(text, line_above) or (above is not None and score_cell(above[0]))
                or (not list_labels and reads_as_a_name(vocab, text, line_above)))
            line_labels = None
            if list_labels and reading.mentions and (is_list_line(chunk) or whole_line(text, sentence)) and (
                    not reading.scores or name_and_score_line(reading, text, sentence)):
                line_labels = list_labels  # "Zona hijau:" then "Kabupaten A" or "Kota B – 90,69"; not prose
            elif list_labels and len(chunk.strip()) > 3 and not is_list_line(chunk):
                list_labels = None  # a line that is neither a bullet nor a name: the list is over
            if not is_list_line(chunk):
                list_region = None
                scheme_list = bool(reading.cues) and not reading.scores and opens_a_list(vocab, reading.doc)
            if not reading.scores and not closes_row and is_list_header(vocab, reading.doc, reading.found):
                list_labels = labels_of(reading.doc, predicate_items(reading.found))
                list_region = next((m.region for m in reversed(reading.mentions) if m.kind == "gov"), None)
            elif above is not None and _names_the_list_of_the_group_above(vocab, reading, above[0]):
                # "Sementara 12 satker lainnya resmi menyandang predikat WBK. Berikut daftarnya:"
                list_labels = labels_of(above[0].doc, list(above[0].labels))
            read.append((reading, line_labels, list_region, closes_row))
            subjects.update(m.body for m in reading.parties)
            for m in reading.parties:
                first_named.setdefault(m.body, m)
        context.subject = subjects.most_common(1)[0][0] if subjects else None
        context.subject_mention = first_named.get(context.subject)
        return read


def _names_the_list_of_the_group_above(vocab, reading, above) -> bool:
    """A line that opens a list and names nothing ("Berikut daftarnya:") under a sentence that
    gave a label to a group it named by no name ("12 satker lainnya menyandang predikat WBK"):
    the lines below are that group."""
    return not reading.scores and not reading.labels and not reading.mentions and opens_a_list(vocab, reading.doc) \
        and bool(above.labels) and not above.parties and not above.scores


def _under_the_list_header(vocab, record: Evaluation, labels) -> Evaluation:
    """"Zona hijau (nilai 81,00 – 100):" then "Kota Mataram – 90,69": a row with no label of its
    own takes the label of the line heading its list, if that label is of the row's scheme."""
    if record.predicate or scheme_of_labels(vocab, labels) not in (None, record.scheme):
        return record
    return replace(record, predicate=tuple(labels), rule_ids=record.rule_ids + ("predicate.list_header",))


def _as_the_subject(record: Evaluation, subject: Mention | None) -> Evaluation:
    """"Ditjen Dukcapil Kementerian Dalam Negeri menorehkan …" then "layanan Dukcapil masuk kategori
    Sangat Baik": a short form, read with no place, that the article's subject holds in its name
    is the subject, not the body the short form names elsewhere ("Dinas Dukcapil")."""
    if subject is None or record.region is not None or "entity.agency_alias" not in record.rule_ids:
        return record
    written = record.entity_as_written
    if written == subject.written or not re.search(rf"(?<!\w){re.escape(written)}(?!\w)", subject.written):
        return record
    name, region = subject.entity_name(None)
    return replace(record, entity=name, region=region.name if region else None,
                   rule_ids=record.rule_ids + ("entity.article_subject_short_form",))


def _sentence_without_scores(vocab, reading, text, context, line_labels) -> list[Evaluation]:
    """A sentence with labels and no score: its predicate-only records; a group it names for a
    later sentence to label ("… menilai A, B dan C." — "Ketiganya …"); and, when it names one
    category, the lead-in for the list that follows ("Sebanyak 12 Pemda berada di zona hijau
    kategori B."), unless it tells of an earlier state ("sebelumnya masih tergolong zona
    kuning") or comments on the result just told ("Dengan capaian itu, Pemkab X masuk zona
    merah")."""
    doc, found, number = reading.doc, reading.found, reading.number
    given = predicate_only_records(vocab, reading, text, context, line_labels) \
        if reading.mentions or context.pending_list else []
    if not given and len(reading.parties) > 1 and \
            len(coordinated(vocab, doc, reading, reading.parties[0])) == len(reading.parties):
        context.pending_list = (reading.parties, number)
    labels = labels_of(doc, predicate_items(found))
    # "Pada 2022, hanya 10 daerah yang masuk zona hijau." in a story of the 2023 round: the
    # category of another round leads no list in
    other_round = context.year is not None and any(
        (year := year_at(vocab, doc, t)) and year != context.year for t in doc)
    past = says_past(vocab, [t.lower_ for t in doc]) or opens_on_told_result(vocab, doc) or other_round
    if labels and not past and not conflicting(vocab, labels) and not given:
        count = counted_group(vocab, doc, predicate_items(found)[0].start)
        said_of_all = any(t.lower_ in vocab.lex["all_of_them"] for t in doc)  # "… seluruhnya mendapat predikat X"
        context.counted_label = (tuple(labels), count, number, said_of_all) if count else None
    # "tiga daerah masuk zona merah (A, B dan C)": the category has named its members, it leads no later list
    named_members = any("predicate_only.bracketed_list" in r.rule_ids for r in given)
    if labels and not past and not conflicting(vocab, labels) and not named_members:
        given_to = {r.entity_as_written for r in given}
        passed_over = frozenset(m.entity_name(None)[0] for m in reading.parties if m.written not in given_to)
        context.category = (tuple(labels), number, passed_over if given else frozenset(),
                            frozenset(r.entity for r in given))
    return given


def _labels_said_of_told_result(vocab, reading, records, told) -> tuple:
    """(labels now, earlier state or None) a sentence gives the records just told, or ()."""
    said = _labels_said_of_told(vocab, reading)
    if said:
        return said
    group = _labels_said_of_told_group(vocab, reading, len({records[k].entity for k in told[1]}), len(told[1]))
    return (group, None) if group else ()


def _labels_said_of_told(vocab, reading) -> tuple:
    """"Itu pun sudah kategori pelayanan prima, … ujar Kepala Bagian Organisasi Setda",
    "Capaian tersebut tergolong kategori A": a sentence opening on a demonstrative or on "the
    result" gives the result just told its labels (a body named after them is only the speaker's).
    Labels after a compared time ("Capaian ini membaik dibanding tahun lalu, saat masih berada di
    zona kuning") are the body's earlier state. (labels now, (earlier labels, their items, the
    compared year or None) or None), or ()."""
    doc, items = reading.doc, predicate_items(reading.found)
    points = doc[0].lower_ in vocab.demonstratives or opens_on_told_result(vocab, doc)
    if not points or not items or any(m.start <= items[-1].end for m in reading.parties):
        return ()
    compared = compared_time(vocab, doc)
    if compared is None:
        return tuple(labels_of(doc, items)), None
    start, year = compared
    now, then = [f for f in items if f.start < start], [f for f in items if f.start > start]
    return tuple(labels_of(doc, now)), (tuple(labels_of(doc, then)), then, year) if then else None


def _told_results_earlier_state(reading, text, told: Evaluation, labels, items, year) -> Evaluation:
    """The earlier state a sentence on the result just told gives its body: a record of its own."""
    lo = min(f.start for f in items)
    hi = max(f.end for f in items)
    start_char, end_char = char_span(reading.sentence, reading.doc, lo, hi)
    return Evaluation(
        entity=told.entity, entity_as_written=told.entity_as_written, region=told.region, scheme=told.scheme,
        score=None, scale_max=None, predicate=labels, year=year, rank=None,
        quote=text[start_char:end_char], start=start_char, end=end_char,
        rule_ids=("predicate_only.told_results_earlier_state", *told.rule_ids[1:2]),
    )


def _labels_said_of_told_group(vocab, reading, told_bodies: int, told_values: int) -> tuple[str, ...]:
    """"Ketiga daerah tersebut masuk zona hijau", "Keduanya masuk kategori kualitas tertinggi",
    "Semuanya masuk zona hijau": a sentence opening on the group of bodies (or of one body's
    values, "83,47 pada semester I … 85,02 pada semester II. Keduanya masuk kategori Baik") just
    scored gives them its first clause's labels, when its number is theirs."""
    doc, items = reading.doc, predicate_items(reading.found)
    if not items or told_values < 2 or any(m.start <= items[-1].end for m in reading.parties):
        return ()
    first_clause_end = reading.clauses[0][1] if reading.clauses else len(doc)
    items = [f for f in items if f.start < first_clause_end]
    for token in doc[:min(GROUP_OPENING_REACH, items[0].start if items else 0)]:
        counted = group_pointer(vocab, doc, token)
        if counted in (told_bodies, told_values) and counted > 1 or (
                counted == ALL and token.lower_ in vocab.lex["all_of_them"]):
            if any(t.lower_ in vocab.award_cues for t in doc[token.i:items[0].start + 1]):
                return tuple(labels_of(doc, items))
            return ()
    return ()


def _record_mentions(records: list[Evaluation], mentions: list[Mention]) -> list[Mention]:
    """The mentions that records of this sentence were attached to (by what they were written as)."""
    written = {r.entity_as_written for r in records}
    return [m for m in mentions if m.written in written]
