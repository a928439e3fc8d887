"""Last stage: one record per result — covered predicate-only records dropped, repeats merged."""
from __future__ import annotations

from dataclasses import replace

from ..records import Evaluation

# attachments that take the body from an earlier sentence rather than from the one said
INFERRED_ATTACHMENTS = frozenset({"attach.article_subject", "attach.previous_sentence_entity",
                                  "attach.last_scored_entity"})
# predicate-only rules that give a body's state before the round: never the round's own labels
EARLIER_STATES = frozenset({"predicate_only.changed_from", "predicate_only.told_results_earlier_state",
                            "predicate_only.earlier_time"})


def drop_covered_predicates(records: list[Evaluation], conflicting) -> list[Evaluation]:
    """A predicate-only record for an entity that also has a scored record of the same round
    says nothing new ("NTB meraih predikat kepatuhan tinggi ... nilai 97,58"); its labels go to
    the scored record if that has none. One of no stated round whose label `conflicting` says
    the scored record's cannot share ("… zona hijau lewat nilai 79,35. Capaian ini membaik
    dibanding tahun lalu, saat masih berada di zona kuning") is an earlier state, and stays."""
    scored = {}
    for index, record in enumerate(records):
        if record.score is not None:
            scored.setdefault((record.entity, record.scheme), []).append(index)
    out = list(records)
    drop = set()
    for index, record in enumerate(records):
        if record.score is not None:
            continue
        scored_of_body = scored.get((record.entity, record.scheme), [])
        if EARLIER_STATES & set(record.rule_ids) or (record.year is None and any(
                records[other].year is not None and conflicting([*records[other].predicate, *record.predicate])
                for other in scored_of_body)):
            continue  # an earlier state
        for other in scored_of_body:
            if records[other].year in (record.year, None) or record.year is None:
                drop.add(index)
                if not out[other].predicate:
                    out[other] = replace(out[other], predicate=record.predicate)
                break
    return [r for i, r in enumerate(out) if i not in drop]


def same_body(record: Evaluation, level_words) -> tuple:
    """"Kantor Pertanahan Kabupaten Aceh Utara" and "Kantor Pertanahan Aceh Utara" in the same
    region name one body, and so do "Kota Pagar Alam" and "Kota Pagaralam" (a place written with
    or without its space); Kota Bima and Kabupaten Bima are two regions, so never one body."""
    return "".join(w for w in record.entity.lower().replace(".", " ").split() if w not in level_words), record.region


def dedupe(records: list[Evaluation], level_words, conflicting) -> list[Evaluation]:
    """One record per entity and score in an article (or per entity, scheme and round for a
    predicate alone): a result repeated in a quote or a recap ("indeks SPBE kita mencapai 3,96")
    is still one result. The first statement is kept, with the predicates of later ones when it
    has none. Labels `conflicting` says one body cannot hold at once ("meraih predikat WBK pada
    2021. Tahun ini, … meraih predikat WBBM") are two records, not one with both, and the later
    told does not take the round of the first."""
    kept: dict[tuple, Evaluation] = {}
    for record in records:
        name = same_body(record, level_words)
        key = (name, record.score) if record.score is not None else (name, None, record.scheme, record.year)
        if record.score is None and key in kept and conflicting([*kept[key].predicate, *record.predicate]):
            # the body cannot hold both in one round: the later told is of a round it does not state
            record = replace(record, year=None)
            key = (name, None, record.scheme, None)
            if key in kept and conflicting([*kept[key].predicate, *record.predicate]):
                key = (*key, record.predicate)
        first = kept.get(key)
        if first is None:
            kept[key] = record
        elif record.score is not None and _inferred(first) and not _inferred(record):
            # "Skor 90,64, Kategori Sangat Baik" in a caption, then the sentence that names the
            # body: the statement that names it is the one a reader can check
            kept[key] = record if record.predicate or not first.predicate else replace(record, predicate=first.predicate)
        elif record.score is None:  # one predicate-only record per entity and round, all its labels
            kept[key] = replace(first, predicate=tuple(dict.fromkeys(first.predicate + record.predicate)))
        elif not first.predicate and record.predicate:
            kept[key] = replace(first, predicate=record.predicate)
    return _drop_undated_restatements(list(kept.values()), level_words)


def _drop_undated_restatements(records: list[Evaluation], level_words) -> list[Evaluation]:
    """"Pengadilan Agama X meraih predikat WBK … tahun 2023." — "Ketua Pengadilan Agama X menyatakan
    predikat WBK menjadi pemacu …": a label of no stated round that the same body holds in a dated
    record is said again, not a second result (an earlier state is kept)."""
    dated = {}
    for record in records:
        if record.score is None and record.year is not None:
            dated.setdefault((same_body(record, level_words), record.scheme), set()).update(record.predicate)
    return [r for r in records if not (
        r.score is None and r.year is None and not EARLIER_STATES & set(r.rule_ids)
        and set(r.predicate) <= dated.get((same_body(r, level_words), r.scheme), set()))]


def _inferred(record: Evaluation) -> bool:
    return bool(INFERRED_ATTACHMENTS & set(record.rule_ids))
