"""Which entity a score goes to, and which predicate it carries, in the lists news prints."""
from extract.records import Article


def by_score(extractor, text):
    records = extractor.extract(Article(text=text))
    for record in records:
        assert text[record.start:record.end] == record.quote
    return {r.score: r for r in records if r.score is not None}


def test_a_name_no_rule_knows_keeps_its_score_from_the_neighbour(extractor):
    # "Wonokerto" is no region or unit we know: its score is its own, so it is not recorded at all
    text = "Ombudsman menilai kepatuhan 2023: Kecamatan Batang bernilai 88,10, Wonokerto (84,20), dan Kabupaten Pekalongan (79,30)."
    found = by_score(extractor, text)
    assert 84.2 not in found
    assert found[79.3].entity == "Pemerintah Kabupaten Pekalongan"


def test_each_item_of_a_list_pairs_its_own_entity_and_score(extractor):
    text = ("Ombudsman RI merilis hasil penilaian kepatuhan tahun 2022. Pemprov Jambi bernilai 71,15, Pemprov Riau "
            "yang meraih nilai 83,14, sedangkan Pemprov Bengkulu mencatat 66,02.")
    found = by_score(extractor, text)
    assert {s: r.entity for s, r in found.items()} == {
        71.15: "Pemerintah Provinsi Jambi", 83.14: "Pemerintah Provinsi Riau", 66.02: "Pemerintah Provinsi Bengkulu"}


def test_a_list_keeps_its_group_predicate_across_separators_and_into_the_next_sentence(extractor):
    text = ("Menurut Ombudsman, hasil penilaian kepatuhan 2018 menempatkan Kota Binjai di zona merah, yakni (10,02).\n\n"
            "Berikutnya Kabupaten Karo (11,62) dan Kabupaten Langkat (14,66).\n\n"
            "Di sisi lain, Kota Medan tercatat di zona kuning, nilainya (75,77), lalu Kabupaten Deli Serdang (54,03).")
    found = by_score(extractor, text)
    assert [found[s].predicate for s in (10.02, 11.62, 14.66)] == [("zona merah",)] * 3
    assert [found[s].predicate for s in (75.77, 54.03)] == [("zona kuning",)] * 2


def test_a_label_in_brackets_after_the_score_is_its_predicate(extractor):
    text = "Nilai indeks SPBE Provinsi Jawa Tengah 2023 mencapai 4,26 (Memuaskan) dari skala 5."
    assert by_score(extractor, text)[4.26].predicate == ("memuaskan",)


def test_a_repeated_value_is_not_given_to_someone_else(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2023, UPT Puskesmas Lape meraih skor 91,15. "
            "Skor kami paling tinggi di antara OPD yang mewakili Kabupaten Sumbawa. "
            "Ombudsman berpesan agar kualitas dipertahankan, sebab skor 91,15 itu sudah sangat baik.")
    records = extractor.extract(Article(text=text))
    [record] = [r for r in records if r.score]
    assert record.entity.startswith("UPT Puskesmas Lape") and record.score == 91.15
