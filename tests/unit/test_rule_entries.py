"""Every entry of the rule files earns its place: each one is tried on a sentence written after
the way Indonesian regional news reports results, and must do what it is there for.

The sentences are templates filled with each entry, so adding a line to a rule file adds a test.
"""
import pytest

from rapor import config
from tests.unit.extracted import extracted

RULES = config.load_rules()
LEX = RULES.lexicon
EVALUATORS = {e.lower() for e in LEX["evaluators"]}


def run(extractor, text):
    return extracted(extractor, text)


def scores_of(records):
    return sorted(r.score for r in records if r.score is not None)


# -- agencies.tsv and agency_heads.tsv ---------------------------------------------------------

@pytest.mark.parametrize("row", RULES.agencies, ids=[r["alias"] for r in RULES.agencies])
def test_agency_alias_is_read_as_its_canonical_name(extractor, row):
    national = row["kind"] in ("kementerian", "lembaga")
    where = "" if national else " Kabupaten Lebak"
    text = f"Dalam penilaian kepatuhan Ombudsman tahun 2024, {row['alias']}{where} meraih nilai 88,21 dengan predikat zona hijau."
    records = run(extractor, text)
    if row["canonical"].lower() in EVALUATORS or row["alias"].lower() in EVALUATORS:
        assert records == []  # an assessor is never the assessed
        return
    [record] = records
    assert record.score == 88.21 and record.entity.startswith(row["canonical"])
    assert record.region == (None if national else "Kabupaten Lebak")


@pytest.mark.parametrize("row", RULES.agency_heads, ids=[r["head"] for r in RULES.agency_heads])
def test_agency_head_opens_a_name(extractor, row):
    text = f"Dalam penilaian kepatuhan Ombudsman tahun 2024, {row['head']} Cempaka Raya meraih nilai 88,21 dengan predikat zona hijau."
    [record] = run(extractor, text)
    assert record.score == 88.21 and record.entity_as_written.startswith(f"{row['head']} Cempaka Raya")


# -- region_aliases.tsv and government prefixes -----------------------------------------------

@pytest.mark.parametrize("alias, region", sorted(RULES.region_aliases.items()), ids=sorted(RULES.region_aliases))
def test_region_alias_names_its_gazetteer_region(extractor, alias, region):
    text = f"Dalam penilaian kepatuhan Ombudsman tahun 2023, {alias} meraih nilai 88,21 dengan predikat zona hijau."
    [record] = run(extractor, text)
    assert record.region == region.name and record.entity == f"Pemerintah {region.name}"


CORE_FOR_LEVEL = {"kabupaten": "Lebak", "kota": "Cilegon", "provinsi": "Banten"}


@pytest.mark.parametrize("prefix, level", LEX["government_prefixes"].items())
def test_government_prefix_sets_the_level(extractor, prefix, level):
    written = prefix.title() + ("." if prefix in ("kab", "prov") else "")
    text = f"{written} {CORE_FOR_LEVEL[level]} meraih nilai 88,21 pada penilaian kepatuhan Ombudsman tahun 2023."
    [record] = run(extractor, text)
    assert record.region == f"{level.title() if level != 'provinsi' else 'Provinsi'} {CORE_FOR_LEVEL[level]}"


# -- schemes.yaml ------------------------------------------------------------------------------

SCHEME_CUES = [(scheme, cue) for scheme, spec in RULES.schemes.items() for cue in spec["cues"]]
SCHEME_PREDICATES = [(scheme, label) for scheme, spec in RULES.schemes.items() for label in spec["predicates"]]


@pytest.mark.parametrize("scheme, cue", SCHEME_CUES, ids=[f"{s}:{c}" for s, c in SCHEME_CUES])
def test_scheme_cue_names_its_scheme(extractor, scheme, cue):
    text = f"Pemerintah Kabupaten Lebak meraih nilai 3,21 pada {cue} tahun 2023."
    [record] = run(extractor, text)
    assert record.scheme == scheme


def test_a_short_form_the_article_defines_for_a_schemes_name_is_that_schemes_cue(extractor):
    text = ("Hasil Survei Kepuasan Masyarakat (SKM) di RSUD Lembata menunjukkan kenaikan. Indeks Persepsi Korupsi (IPK) "
            "juga diukur. Adapun IPK RSUD Lembata tercatat 3,88 pada 2025.")
    assert [(r.score, r.scheme) for r in run(extractor, text)] == [(3.88, "other")]
    # not defined, the same letters name no scheme, and the article's survey is the value's
    text = "Hasil Survei Kepuasan Masyarakat (SKM) di RSUD Lembata menunjukkan kenaikan. Adapun IPK RSUD Lembata tercatat 3,88 pada 2025."
    assert [r.scheme for r in run(extractor, text)] == ["skm"]


@pytest.mark.parametrize("scheme, label", SCHEME_PREDICATES, ids=[f"{s}:{p}" for s, p in SCHEME_PREDICATES])
def test_scheme_predicate_is_read_with_the_score(extractor, scheme, label):
    cue = RULES.schemes[scheme]["cues"][0]
    text = f"Pemerintah Kabupaten Lebak meraih nilai 3,21 dengan predikat {label} pada {cue} tahun 2023."
    [record] = run(extractor, text)
    assert label in record.predicate


# -- lexicon.yaml: numbers that are not results -------------------------------------------------

@pytest.mark.parametrize("unit", LEX["unit_words"])
def test_unit_word_makes_a_count(extractor, unit):
    text = f"Pada penilaian kepatuhan Ombudsman, Pemerintah Kabupaten Lebak mencatat 41,20 {unit} dalam laporan itu."
    assert 41.2 not in scores_of(run(extractor, text))


@pytest.mark.parametrize("prefix", LEX["blocking_prefixes"])
def test_blocking_prefix_makes_a_non_score(extractor, prefix):
    text = f"Pada penilaian kepatuhan Ombudsman, Pemerintah Kabupaten Lebak mencatat {prefix} 41 dalam laporan itu."
    assert 41 not in scores_of(run(extractor, text))


@pytest.mark.parametrize("cue", LEX["target_cues"])
def test_target_cue_makes_a_goal(extractor, cue):
    text = f"Pada penilaian kepatuhan Ombudsman, Pemerintah Kabupaten Lebak {cue} nilai 90 tahun depan."
    assert run(extractor, text) == []


@pytest.mark.parametrize("cue", LEX["interim_cues"])
def test_interim_cue_makes_no_result(extractor, cue):
    text = (f"Kota Lebak lolos ke tahap visitasi Monev Keterbukaan Informasi Publik setelah {cue} mencapai 86,5. "
            "Pada tahun yang sama, Pemerintah Kabupaten Lebak meraih nilai 91,20.")
    assert scores_of(run(extractor, text)) == [91.2]


@pytest.mark.parametrize("words", LEX["approval_objects"])
def test_approval_object_makes_a_poll_of_a_person(extractor, words):
    text = f"Menurut survei kepuasan masyarakat, {words} Kabupaten Lebak mencapai 78,4 persen."
    assert run(extractor, text) == []


@pytest.mark.parametrize("word", LEX["topic_words"])
def test_topic_word_makes_a_label_talked_about(extractor, word):
    text = f"Ombudsman RI Perwakilan Banten memberikan penjelasan {word} zona hijau kepada Pemerintah Kabupaten Lebak."
    assert run(extractor, text) == []


@pytest.mark.parametrize("noun", LEX["change_amount_nouns"])
def test_change_amount_noun_makes_the_size_of_a_change(extractor, noun):
    text = f"Dalam evaluasi SPBE 2023, {noun} indeks Pemerintah Kabupaten Lebak sebesar 0,45."
    assert run(extractor, text) == []
    assert scores_of(run(extractor, text.replace(f"{noun} indeks", "indeks"))) == [0.45]


@pytest.mark.parametrize("word", LEX["frequency_words"])
def test_frequency_word_after_a_number_counts_times_not_bodies(extractor, word):
    text = f"Pemerintah Kabupaten Lebak tiga {word} meraih zona hijau dari Ombudsman."
    assert [(r.entity, r.predicate) for r in run(extractor, text)] == [("Pemerintah Kabupaten Lebak", ("zona hijau",))]


@pytest.mark.parametrize("form", LEX["legal_forms"])
def test_legal_form_in_brackets_is_part_of_a_companys_name(extractor, form):
    text = f"PT Air Lebak ({form}) Cabang Serang meraih nilai IKM 85,10 tahun 2023."
    assert [(r.entity, r.score) for r in run(extractor, text)] == [(f"PT Air Lebak ({form}) Cabang Serang", 85.1)]


@pytest.mark.parametrize("label, family", LEX["label_families"].items())
def test_labels_of_one_family_name_two_groups(extractor, label, family):
    others = [other for other, (kind, band) in LEX["label_families"].items() if kind == family[0] and band != family[1]]
    text = (f"Pemerintah Kabupaten Lebak dan Pemerintah Kota Serang masing-masing meraih predikat "
            f"{label.upper() if len(label) <= 4 else label.title()} dan "
            f"{others[0].upper() if len(others[0]) <= 4 else others[0].title()} tahun 2023.")
    assert {r.entity: r.predicate for r in run(extractor, text)} == {
        "Pemerintah Kabupaten Lebak": (label,), "Pemerintah Kota Serang": (others[0],)}


@pytest.mark.parametrize("word", LEX["other_zoning_words"])
def test_other_zoning_word_after_a_zone_makes_it_another_maps(extractor, word):
    text = f"Pada penilaian kepatuhan Ombudsman 2022, Pemerintah Kabupaten Lebak masuk zona merah {word} tahun ini."
    assert run(extractor, text) == []
    assert [r.predicate for r in run(extractor, text.replace(f" {word}", ""))] == [("zona merah",)]


@pytest.mark.parametrize("colour", LEX["other_zoning_colours"])
def test_other_zoning_colour_makes_the_sentences_zones_another_maps(extractor, colour):
    text = f"Pemerintah Kota Serang masuk zona {colour}, sedangkan Pemerintah Kabupaten Lebak masih zona hijau."
    assert run(extractor, text) == []


@pytest.mark.parametrize("colour, label", LEX["colour_labels"].items())
def test_a_colour_after_a_score_is_its_zone(extractor, colour, label):
    text = f"Hasil Penilaian Kepatuhan Ombudsman 2022\nKab. Lebak 85,20 {colour.title()}\nKab. Pandeglang 72,10"
    found = {r.score: r.predicate for r in run(extractor, text)}
    assert found == {85.2: (label,), 72.1: ()}


def test_a_colour_elsewhere_is_only_a_colour(extractor):
    text = "Pada penilaian kepatuhan Ombudsman 2022, Pemerintah Kabupaten Lebak yang berseragam merah meraih nilai 85,20."
    assert [r.predicate for r in run(extractor, text)] == [()]


@pytest.mark.parametrize("word", LEX["fronted_time_words"])
def test_a_fronted_award_goes_to_the_body_after_the_comma(extractor, word):
    text = f"{word.capitalize()} meraih WBK tahun 2021, Pengadilan Agama Lebak tahun 2023 berhasil meraih WBBM."
    assert sorted((r.entity, r.predicate, r.year) for r in run(extractor, text)) == [
        ("Pengadilan Agama Lebak", ("wbbm",), 2023), ("Pengadilan Agama Lebak", ("wbk",), 2021)]


@pytest.mark.parametrize("word", LEX["count_words_for_integers"])
def test_count_word_after_a_whole_number(extractor, word):
    text = f"Pada penilaian kepatuhan Ombudsman, Pemerintah Kabupaten Lebak mencatat nilai 42 {word} lainnya."
    assert 42 not in scores_of(run(extractor, text))


@pytest.mark.parametrize("cue", LEX["component_cues"])
def test_component_scores_are_not_the_entity_result(extractor, cue):
    text = f"Dalam evaluasi SPBE tahun 2023, nilai {cue} kebijakan Pemerintah Kabupaten Lebak mencapai 3,10."
    assert run(extractor, text) == []


@pytest.mark.parametrize("joiner", LEX["component_joiners"])
def test_a_score_said_of_a_component_after_it_is_not_the_entity_result(extractor, joiner):
    text = f"Dalam evaluasi SPBE tahun 2023, Pemerintah Kabupaten Lebak meraih nilai 3,10 {joiner} domain kebijakan."
    assert run(extractor, text) == []
    # the same score told of the whole evaluation is the entity's
    assert [r.score for r in run(extractor, text.replace(f" {joiner} domain kebijakan", ""))] == [3.1]


@pytest.mark.parametrize("marker", LEX["range_markers"])
def test_range_marker_makes_a_band(extractor, marker):
    text = f"Pada penilaian kepatuhan Ombudsman, zona hijau diberikan untuk nilai 81,00 {marker} 99,50 bagi Pemerintah Kabupaten Lebak."
    assert run(extractor, text) == []


@pytest.mark.parametrize("cue", LEX["band_cues"])
def test_band_cue_makes_a_band(extractor, cue):
    text = f"Pada monev Komisi Informasi, Pemerintah Kabupaten Lebak menjelaskan {cue} 89,90 untuk kategori menuju informatif."
    assert scores_of(run(extractor, text)) == []


@pytest.mark.parametrize("cue", LEX["average_cues"])
@pytest.mark.parametrize("group", LEX["group_words"])
def test_average_over_a_group(extractor, cue, group):
    text = f"Pada evaluasi SAKIP, nilai {cue} {group} di Banten sebesar 56,53."
    assert run(extractor, text) == []


# -- lexicon.yaml: numbers that are results ---------------------------------------------------

@pytest.mark.parametrize("cue", LEX["score_cues"])
def test_score_cue_makes_a_whole_number_a_score(extractor, cue):
    text = f"Pada penilaian kepatuhan Ombudsman tahun 2023, Pemerintah Kabupaten Lebak {cue} 91."
    assert scores_of(run(extractor, text)) == [91]


@pytest.mark.parametrize("cue", [c for c in LEX["linking_cues"] if c not in ("dari",)])
def test_linking_cue_joins_two_values_of_one_entity(extractor, cue):
    text = f"Indeks Pelayanan Publik Pemerintah Kota Madiun tercatat 4,74 {cue} 94,75 pada tahun 2025."
    records = run(extractor, text)
    assert scores_of(records) == [4.74, 94.75] and {r.entity for r in records} == {"Pemerintah Kota Madiun"}


def test_linking_cue_dari_marks_the_earlier_value(extractor):
    text = "Pada penilaian kepatuhan Ombudsman, nilai Pemerintah Kabupaten Lebak naik dari 73,44 menjadi 91,95."
    assert scores_of(run(extractor, text)) == [73.44, 91.95]


@pytest.mark.parametrize("word, value", LEX["number_words"].items())
def test_number_word_after_a_score_cue(extractor, word, value):
    text = f"Pada evaluasi Indeks Pelayanan Publik tahun 2025, Pemerintah Kota Madiun meraih nilai {word}."
    assert scores_of(run(extractor, text)) == [value]


@pytest.mark.parametrize("cue", LEX["percent_scores_after"])
def test_satisfaction_index_told_in_percent(extractor, cue):
    text = f"Setiap bulan, {cue} Kantor Imigrasi Kelas II Sukabumi mencapai 79,5 persen menurut survei kepuasan masyarakat."
    assert scores_of(run(extractor, text)) == [79.5]


@pytest.mark.parametrize("word, value", LEX["ordinals"].items())
def test_ordinal_gives_the_rank(extractor, word, value):
    text = f"Pada penilaian kepatuhan Ombudsman, Pemerintah Kabupaten Lebak berada di peringkat {word} dengan nilai 91,20."
    [record] = run(extractor, text)
    assert record.rank == value


@pytest.mark.parametrize("cue", LEX["rank_cues"])
def test_rank_cue_reads_the_position(extractor, cue):
    text = f"Pada penilaian kepatuhan Ombudsman, Pemerintah Kabupaten Lebak menempati {cue} ke-3 dengan nilai 91,20."
    [record] = run(extractor, text)
    assert record.rank == 3


# -- lexicon.yaml: who the score belongs to -----------------------------------------------------

@pytest.mark.parametrize("marker", LEX["comparison_markers"])
def test_comparison_marker_keeps_the_other_entity_out(extractor, marker):
    # after an assessor's name, the other body is its office, which is provincial
    other = "Provinsi Banten" if marker in EVALUATORS else "Pemerintah Kota Cilegon"
    text = f"Pada penilaian kepatuhan Ombudsman, Pemerintah Kabupaten Lebak yang berada {marker} {other} meraih nilai 91,20."
    [record] = run(extractor, text)
    assert record.entity == "Pemerintah Kabupaten Lebak"


def test_a_kabupaten_after_the_assessors_name_is_the_one_assessed(extractor):
    text = "Nilai kepatuhan Ombudsman Kabupaten Lebak tahun 2021 sebesar 85,40, lebih tinggi dari tahun 2020 yang hanya 71,25."
    assert {(r.entity, r.score, r.year) for r in run(extractor, text)} == {
        ("Pemerintah Kabupaten Lebak", 85.4, 2021), ("Pemerintah Kabupaten Lebak", 71.25, 2020)}


@pytest.mark.parametrize("marker", LEX["parent_markers"])
def test_parent_marker_gives_the_unit_its_region(extractor, marker):
    text = f"Dinas Sosial di {marker} Pemerintah Kabupaten Lebak meraih nilai 91,20 pada penilaian kepatuhan Ombudsman."
    [record] = run(extractor, text)
    assert record.entity == "Dinas Sosial Kabupaten Lebak"


@pytest.mark.parametrize("evaluator", LEX["evaluators"])
def test_evaluator_is_never_the_evaluated(extractor, evaluator):
    text = f"Pada penilaian kepatuhan tahun 2023, Pemerintah Kabupaten Lebak yang dinilai {evaluator} meraih nilai 91,20."
    assert [r.entity for r in run(extractor, text)] == ["Pemerintah Kabupaten Lebak"]


@pytest.mark.parametrize("marker", LEX["location_markers"])
def test_place_after_a_location_marker_is_not_a_party(extractor, marker):
    text = f"Hasil penilaian kepatuhan Ombudsman diumumkan {marker} Jakarta Pusat dengan nilai rata-rata 80,20."
    assert [r for r in run(extractor, text) if "Jakarta" in r.entity] == []


# -- lexicon.yaml: predicates -----------------------------------------------------------------

GENERIC_WITH_SCHEME = [(label, next(spec["cues"][0] for spec in RULES.schemes.values() if label in spec["predicates"]))
                       for label in LEX["generic_predicates"]
                       if any(label in spec["predicates"] for spec in RULES.schemes.values())]


@pytest.mark.parametrize("label, cue", GENERIC_WITH_SCHEME)
def test_generic_label_needs_a_predicate_cue(extractor, label, cue):
    loose = run(extractor, f"Pada {cue} tahun 2023, Pemerintah Kabupaten Lebak meraih nilai 3,20, hasil yang {label} sekali.")
    assert [r.predicate for r in loose] == [()]
    cued = run(extractor, f"Pada {cue} tahun 2023, Pemerintah Kabupaten Lebak meraih nilai 3,20 dengan predikat {label}.")
    assert label in cued[0].predicate


@pytest.mark.parametrize("cue", LEX["predicate_cues"])
def test_predicate_cue_admits_a_generic_label(extractor, cue):
    [record] = run(extractor, f"Evaluasi SPBE tahun 2023 memberi Pemerintah Kabupaten Lebak nilai 3,20 {cue} baik.")
    assert record.predicate == ("baik",)


@pytest.mark.parametrize("cue", LEX["award_cues"])
def test_award_cue_gives_a_predicate_only_record(extractor, cue):
    text = f"Pada penilaian kepatuhan Ombudsman tahun 2023, Pemerintah Kabupaten Lebak {cue} zona hijau."
    [record] = run(extractor, text)
    assert record.score is None and record.predicate == ("zona hijau",) and record.year == 2023


@pytest.mark.parametrize("intro", LEX["list_intro"])
def test_list_intro_gives_each_listed_entity_the_predicate(extractor, intro):
    text = (f"Pada penilaian kepatuhan Ombudsman tahun 2023, predikat zona hijau {intro} Kabupaten Lebak, "
            f"Kabupaten Pandeglang dan Kota Cilegon.")
    records = run(extractor, text)
    assert sorted(r.entity for r in records) == ["Pemerintah Kabupaten Lebak", "Pemerintah Kabupaten Pandeglang",
                                                 "Pemerintah Kota Cilegon"]
    assert all(r.predicate == ("zona hijau",) for r in records)


@pytest.mark.parametrize("marker", LEX["aspiration_markers"])
def test_aspiration_is_not_an_award(extractor, marker):
    text = f"Pengadilan Agama Lebak {marker} predikat WBK dalam pembangunan zona integritas tahun ini."
    assert run(extractor, text) == []


@pytest.mark.parametrize("purpose", LEX["purpose_words"])
def test_a_label_worked_for_is_not_an_award(extractor, purpose):
    text = f"Pengadilan Agama Lebak terus berbenah {purpose} meraih predikat WBK dalam penilaian zona integritas."
    assert run(extractor, text) == []


@pytest.mark.parametrize("intent", LEX["intent_words"])
def test_a_label_or_score_aimed_at_is_no_result(extractor, intent):
    text = f"Dalam penilaian kepatuhan Ombudsman 2024, Pemkab Lebak {intent} meraih zona hijau."
    assert run(extractor, text) == []
    text = f"Dalam penilaian kepatuhan Ombudsman 2024, Pemkab Lebak {intent} meraih nilai 90,5."
    assert run(extractor, text) == []


@pytest.mark.parametrize("achieved", LEX["achieved_words"])
def test_a_word_of_achievement_ends_the_reach_of_an_aim(extractor, achieved):
    text = f"Dalam penilaian kepatuhan Ombudsman 2023, Pemkab Lebak berupaya keras {achieved} meraih zona hijau."
    assert [r.predicate for r in run(extractor, text)] == [("zona hijau",)]


@pytest.mark.parametrize("opener", LEX["membership_openers"])
def test_a_body_said_to_be_one_of_a_labelled_group_takes_its_label(extractor, opener):
    text = f"Dalam penilaian kepatuhan Ombudsman 2023, Pemkab Lebak {opener} tiga daerah yang meraih zona hijau."
    assert [(r.entity, r.predicate) for r in run(extractor, text)] == [("Pemerintah Kabupaten Lebak", ("zona hijau",))]


@pytest.mark.parametrize("adverb", LEX["agent_adverbs"])
def test_a_word_between_a_passive_verb_and_its_agent_keeps_the_agent_the_list(extractor, adverb):
    text = f"Penghargaan zona hijau penilaian kepatuhan Ombudsman 2023 diterima {adverb} oleh Bupati Lebak."
    assert [(r.entity, r.predicate) for r in run(extractor, text)] == [("Pemerintah Kabupaten Lebak", ("zona hijau",))]


@pytest.mark.parametrize("speaker", LEX["first_person"])
@pytest.mark.parametrize("adverb", LEX["subject_adverbs"])
def test_a_label_the_speakers_side_got_is_the_speakers_offices(extractor, speaker, adverb):
    text = (f"Hasil penilaian kepatuhan Ombudsman 2023 sudah diumumkan. “Tahun ini {speaker} {adverb} meraih zona hijau,” "
            f"{LEX['speech_verbs'][0]} Bupati Lebak.")
    assert [(r.entity, r.predicate) for r in run(extractor, text)] == [("Pemerintah Kabupaten Lebak", ("zona hijau",))]


@pytest.mark.parametrize("phrase, years", LEX["later_year_phrases"].items())
def test_a_phrase_counting_on_from_the_last_stated_year_gives_that_years_round(extractor, phrase, years):
    text = (f"Ombudsman RI merilis hasil penilaian kepatuhan tahun 2023. Pada penilaian tahun 2019, Pemkab Lebak "
            f"meraih nilai 70,10. Pemkab Serang {phrase} meraih nilai 65,20.")
    assert {r.score: r.year for r in run(extractor, text)} == {70.1: 2019, 65.2: 2019 + years}


@pytest.mark.parametrize("earlier", LEX["history_earlier_words"])
@pytest.mark.parametrize("now", LEX["now_words"])
def test_a_label_said_before_a_word_for_now_is_the_bodys_earlier_one(extractor, earlier, now):
    text = f"Dalam penilaian kepatuhan Ombudsman 2023, Pemkab Lebak yang {earlier} berada di zona kuning {now} meraih zona hijau."
    assert sorted((r.predicate, r.year or 0) for r in run(extractor, text)) == [(("zona hijau",), 2023), (("zona kuning",), 0)]


@pytest.mark.parametrize("phrase", LEX["upcoming_round_words"])
def test_a_year_followed_by_a_word_of_a_round_to_come_is_not_the_round(extractor, phrase):
    text = (f"Pemkab Lebak meraih nilai 88,40 dalam penilaian kepatuhan Ombudsman yang diumumkan Desember 2022. "
            f"Penilaian kepatuhan tahun 2023 {phrase} di seluruh daerah.")
    assert [r.year for r in run(extractor, text)] == [2022]


@pytest.mark.parametrize("verb", LEX["naming_verbs"]["active"])
def test_an_active_naming_verb_gives_the_body_after_it_the_label_after_as(extractor, verb):
    text = (f"Komisi Informasi Provinsi Banten {verb} Pemerintah Kabupaten Lebak {LEX['as_words'][0]} badan publik "
            f"Informatif dalam monitoring dan evaluasi keterbukaan informasi publik 2023.")
    assert [(r.entity, r.predicate) for r in run(extractor, text)] == [("Pemerintah Kabupaten Lebak", ("informatif",))]


@pytest.mark.parametrize("verb", LEX["naming_verbs"]["passive"])
def test_a_passive_naming_verb_gives_the_body_before_it_the_label_after_as(extractor, verb):
    text = (f"Pemerintah Kabupaten Lebak {verb} oleh Komisi Informasi Provinsi Banten {LEX['as_words'][0]} badan "
            f"publik Informatif dalam monitoring dan evaluasi keterbukaan informasi publik 2023.")
    assert [(r.entity, r.predicate) for r in run(extractor, text)] == [("Pemerintah Kabupaten Lebak", ("informatif",))]


@pytest.mark.parametrize("hope", LEX["hope_words"])
@pytest.mark.parametrize("modal", LEX["modal_words"])
def test_a_hoped_for_label_is_not_an_award(extractor, hope, modal):
    text = f"Camat {hope} Puskesmas Cibadak {modal} meraih predikat WBK dalam penilaian zona integritas."
    assert run(extractor, text) == []


def test_a_label_the_unit_managed_to_receive_is_an_award(extractor):
    # the same modal verb, with no hope said: the unit got the label
    text = "Setelah dua kali gagal, Puskesmas Cibadak akhirnya bisa meraih predikat WBK dalam penilaian zona integritas."
    assert [(r.entity, r.predicate) for r in run(extractor, text)] == [("Puskesmas Cibadak", ("wbk",))]


@pytest.mark.parametrize("phrase", LEX["future_phrases"])
def test_a_label_for_a_time_to_come_is_not_an_award(extractor, phrase):
    text = f"Puskesmas Cibadak meraih predikat WBBM {phrase} dalam penilaian zona integritas."
    assert run(extractor, text) == []


@pytest.mark.parametrize("marker", LEX["past_markers"])
def test_past_state_neither_labels_the_list_nor_dates_the_round(extractor, marker):
    if marker in LEX["past_after_time_only"]:
        marker = f"{LEX['time_nouns'][0]} {marker}"  # "tahun lalu"; a bare "lalu" joins a list ("A, lalu B")
    text = (f"Kabupaten Pandeglang {marker} masuk zona kuning pada penilaian kepatuhan Ombudsman tahun 2016.\n"
            "Tahun ini, Kabupaten Lebak mencatat nilai 91,20.")
    lebak = [r for r in run(extractor, text) if r.entity == "Pemerintah Kabupaten Lebak"]
    assert [(r.predicate, r.year) for r in lebak] == [((), None)]


def test_unit_word_exception_keeps_this_years_score(extractor):
    for unit, exceptions in LEX["unit_word_exceptions"].items():
        for word in exceptions:
            text = f"Pada penilaian kepatuhan Ombudsman, Pemerintah Kabupaten Lebak meraih nilai 91,95 {unit} {word}."
            assert scores_of(run(extractor, text)) == [91.95]


@pytest.mark.parametrize("opening", LEX["teaser_openings"])
def test_a_line_linking_to_another_story_gives_none_of_its_results(extractor, opening):
    text = (f"Ombudsman RI merilis hasil penilaian kepatuhan 2023. Kabupaten Lebak meraih nilai 88,50.\n"
            f"{opening.upper()}: Kabupaten Pandeglang raih nilai 70,10 di penilaian kepatuhan 2022")
    assert [r.entity for r in run(extractor, text)] == ["Pemerintah Kabupaten Lebak"]


@pytest.mark.parametrize("words", LEX["survey_method_words"])
def test_a_number_describing_how_a_survey_was_made_is_no_score(extractor, words):
    text = (f"Survei kepuasan masyarakat 2023 di RSUD Kota Magelang melibatkan 400 responden dengan {words} 5 persen.")
    assert run(extractor, text) == []


@pytest.mark.parametrize("phrase", LEX["likewise_after"])
def test_a_likewise_after_the_bodies_gives_them_the_label_just_given(extractor, phrase):
    text = (f"Dalam penilaian kepatuhan Ombudsman tahun 2023, Kabupaten Lebak meraih zona hijau. Kabupaten "
            f"Pandeglang {phrase}.")
    assert {(r.entity, r.predicate) for r in run(extractor, text)} == {
        ("Pemerintah Kabupaten Lebak", ("zona hijau",)), ("Pemerintah Kabupaten Pandeglang", ("zona hijau",))}
