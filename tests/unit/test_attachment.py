"""Which entity a score goes to, and which predicate it carries, in the lists news prints."""
import pytest

from rapor.extract.records import Article
from tests.unit.extracted import extracted


def by_score(extractor, text):
    return {r.score: r for r in extracted(extractor, text) if r.score is not None}


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


def test_a_noun_that_points_back_names_the_entity_before_it(extractor):
    text = ("Predikat BB berhasil diraih Pemkab Tuban dalam evaluasi SAKIP 2022. Hasil itu lebih tinggi "
            "ketimbang tahun 2021, ketika daerah tersebut memperoleh predikat B.")
    records = extractor.extract(Article(text=text))
    assert {(r.entity, r.predicate, r.year) for r in records} == {
        ("Pemerintah Kabupaten Tuban", ("bb",), 2022), ("Pemerintah Kabupaten Tuban", ("b",), 2021)}


def test_a_group_pointed_back_at_is_not_one_entity(extractor):
    text = ("Hasil IPP 2024 Kota Batam 3,61. Ketiga perangkat daerah tersebut memperoleh hasil cukup baik, "
            "di mana RSUD Embung Fatimah mencatat nilai paling tinggi, yakni 4,37.")
    records = extractor.extract(Article(text=text))
    assert all(r.score is not None for r in records)


def test_a_lists_header_gives_its_lines_their_government(extractor):
    text = ("Malam Anugerah KI Awards Jawa Timur 2025 digelar di Kabupaten Bojonegoro.\n"
            "Untuk kategori OPD Pemerintah Provinsi Jawa Timur, predikat Informatif disabet sejumlah instansi, antara lain:\n"
            "• Dinas Perhubungan (90,25)\n"
            "• RSUD Saiful Anwar (92,71)")
    found = by_score(extractor, text)
    assert found[90.25].entity == "Dinas Perhubungan Provinsi Jawa Timur"
    assert found[92.71].region == "Provinsi Jawa Timur"
    assert all(r.score is not None for r in extractor.extract(Article(text=text)))  # the header's government gets nothing


def test_a_change_to_a_decimal_is_a_score_but_an_ordinal_is_not(extractor):
    text = ("IKM Dinas Dukcapil DKI Jakarta pada triwulan pertama 2021 tercatat 92,04, lalu naik ke 95,44 pada "
            "triwulan kedua, dan menempati peringkat ke 5.")
    assert sorted(by_score(extractor, text)) == [92.04, 95.44]


def test_the_quote_holds_entity_score_and_the_label_said_with_them(extractor):
    text = "Rinciannya, Dinsos Kabupaten Serang meraih nilai 94, 62 zona hijau kualitas tertinggi, DPMPTSP nilai 91,16."
    record = by_score(extractor, text)[94.62]
    assert record.quote == "Dinsos Kabupaten Serang meraih nilai 94, 62 zona hijau kualitas tertinggi"


def test_scores_given_respectively_pair_in_order_or_not_at_all(extractor):
    cue = "Dalam evaluasi pelayanan publik KemenPANRB 2023, "
    found = by_score(extractor, cue + "Polres Kendal, Polres Batang dan Polres Klaten masing-masing meraih nilai 4,51, 4,32 dan 3,98.")
    assert {s: r.entity for s, r in found.items()} == {4.51: "Polres Kendal", 4.32: "Polres Batang", 3.98: "Polres Klaten"}
    # two names, three scores: any pairing would be a guess
    assert by_score(extractor, cue + "Polres Kendal dan Polres Klaten meraih nilai 4,51, 4,32 dan 3,98.") == {}


def test_a_converted_value_stays_with_the_group_that_shares_one_score(extractor):
    text = ("Dalam evaluasi pelayanan publik KemenPANRB 2023, Dinas Sosial serta RSUD Kota Madiun masing-masing meraih "
            "Indeks Pelayanan Publik 4,63 atau setara nilai konversi 92,60.")
    records = extractor.extract(Article(text=text))
    assert sorted((r.score, r.entity) for r in records) == [
        (4.63, "Dinas Sosial Kota Madiun"), (4.63, "Rumah Sakit Umum Daerah Kota Madiun"),
        (92.6, "Dinas Sosial Kota Madiun"), (92.6, "Rumah Sakit Umum Daerah Kota Madiun")]


def test_a_grade_written_onto_one_score_is_not_the_next_ones(extractor):
    text = ("Dalam evaluasi pelayanan publik KemenPANRB, Pemkot Bitung sebelumnya meraih nilai 3,21 (B-) pada 2021 dan "
            "3,88 (B) pada 2022, sebelum melonjak ke 4,06 (A-) pada 2023.")
    found = by_score(extractor, text)
    assert [(found[s].predicate, found[s].year) for s in (3.21, 3.88, 4.06)] == [
        (("b-",), 2021), (("b",), 2022), (("a-",), 2023)]


def test_bare_values_of_a_ranked_list_follow_a_value_told_with_its_cue(extractor):
    text = ("Kementerian PANRB mengumumkan hasil evaluasi pelayanan publik tahun 2023 di Jakarta. Peringkat pertama kategori "
            "kabupaten diraih Kabupaten Sleman dengan nilai 4,75, disusul Kabupaten Bantul (4,70) dan Kabupaten Kulon Progo (4,68).")
    found = by_score(extractor, text)
    assert {s: (r.entity, r.rank) for s, r in found.items()} == {
        4.75: ("Pemerintah Kabupaten Sleman", 1), 4.7: ("Pemerintah Kabupaten Bantul", None),
        4.68: ("Pemerintah Kabupaten Kulon Progo", None)}


def test_a_sentence_opening_on_the_result_just_told_gives_its_entitys_earlier_value(extractor):
    text = ("Berdasarkan hasil PEKPPP Tahun 2023, Pemerintah Kabupaten Lamandau memperoleh Indeks Pelayanan Publik (IPP) 4,21 "
            "dengan kategori Sangat Baik (A-). Nilai itu naik dibanding tahun 2022 yang hanya 3,65 atau kategori Baik (B).")
    earlier = by_score(extractor, text)[3.65]
    assert (earlier.entity, earlier.year, earlier.predicate) == ("Pemerintah Kabupaten Lamandau", 2022, ("baik", "b"))
    # one that names another body before its value is that body's, and no rule reads it as ours
    other = ("Berdasarkan hasil PEKPPP Tahun 2023, Pemerintah Kabupaten Lamandau memperoleh IPP 4,21. Capaian ini di "
             "atas Kabupaten Seruyan yang meraih 3,20.")
    assert by_score(extractor, other).get(3.2) is None or by_score(extractor, other)[3.2].entity != "Pemerintah Kabupaten Lamandau"


def test_a_sentence_opening_on_last_year_leaves_its_value_without_a_year(extractor):
    text = ("Evaluasi pelayanan publik KemenPANRB. Tahun lalu, IPP Kota Salatiga masih 3,98. Tahun ini, dalam evaluasi "
            "tahun 2024, Kota Salatiga mencatat 4,41 dan berhak atas predikat Sangat Baik.")
    found = by_score(extractor, text)
    assert (found[3.98].year, found[4.41].year) == (None, 2024)


def test_a_compared_body_keeps_its_bracketed_value_and_blocks_a_value_either_could_own(extractor):
    cue = "Dalam penilaian kepatuhan Ombudsman 2022, "
    found = by_score(extractor, cue + "Kabupaten Muna meraih nilai 85,40, lebih tinggi dari Kabupaten Buton (80,10).")
    assert {s: r.entity for s, r in found.items()} == {85.4: "Pemerintah Kabupaten Muna", 80.1: "Pemerintah Kabupaten Buton"}
    assert by_score(extractor, cue + "Kabupaten Muna mengungguli Kabupaten Buton dengan nilai 85,40.") == {}
    # a comma closes the comparison: the value is the subject's again
    found = by_score(extractor, cue + "Kabupaten Muna menempati peringkat kedua, tepat di bawah Kabupaten Buton, dengan skor 85,40.")
    assert found[85.4].entity == "Pemerintah Kabupaten Muna"


def test_a_unit_whose_name_is_written_in_lower_case_still_owns_its_score(extractor):
    text = ("Dalam evaluasi pelayanan publik KemenPANRB 2025, Disdukcapil Kota Madiun meraih nilai 5,00. "
            "Puskesmas banjarejo memperoleh nilai 4,97.")
    assert set(by_score(extractor, text)) == {5.0}


def test_a_lead_in_that_gave_its_category_to_another_body_is_no_category_of_the_first(extractor):
    text = ("Penilaian kepatuhan Ombudsman RI tahun 2018. Di tahun 2018, Pemerintah Kabupaten Gorontalo masih jauh "
            "tertinggal dari Kabupaten Bone Bolango yang telah memantapkan posisinya di Zona Hijau.\n"
            "Pada tahun ini Pemerintah Kabupaten Gorontalo cuma sanggup meraih nilai 73,17.")
    assert by_score(extractor, text)[73.17].predicate == ()


def test_a_label_said_of_the_result_just_told_goes_to_its_records(extractor):
    text = ("Indeks Pelayanan Publik (IPP) tahun 2025 yang diraih Pemerintah Kota Madiun tercatat 4,74. Capaian tersebut "
            "tergolong kategori A atau pelayanan prima.\nPada tahun lalu, IPP Pemerintah Kota Madiun berada di angka 4,61. "
            "Itu pun sudah kategori pelayanan prima, ujar Kepala Bagian Organisasi Setda Kota Madiun.")
    found = by_score(extractor, text)
    assert (found[4.74].predicate, found[4.61].predicate) == (("a", "pelayanan prima"), ("pelayanan prima",))
    assert {r.entity for r in extractor.extract(Article(text=text))} == {"Pemerintah Kota Madiun"}


def test_a_score_in_a_sentence_naming_nobody_takes_only_the_entity_of_the_sentence_right_before(extractor):
    text = ("Survei kepuasan masyarakat itu dilaksanakan lembaga riset kampus dengan biaya dari anggaran Sekretariat Daerah. "
            "Karena lembaga itu kredibel, penunjukannya diperbolehkan oleh aturan. Pada tahun 2023, survei itu "
            "menghasilkan angka IKM 98,42.")
    assert by_score(extractor, text) == {}


def test_units_said_of_a_whole_country_are_no_entity(extractor):
    text = ("Survei Kepuasan Masyarakat 2021 oleh lembaga independen terhadap Dinas Dukcapil di seluruh Indonesia "
            "memberi nilai 73,2.")
    assert by_score(extractor, text) == {}


def test_a_relative_clause_after_a_list_of_scored_names_labels_each_of_them(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2023, dari 10 kabupaten/kota di provinsi itu hanya Kota Tarakan (91,2) "
            "dan Kota Bontang (89,05) yang masuk zona hijau.")
    found = by_score(extractor, text)
    assert [(found[s].entity, found[s].predicate) for s in (91.2, 89.05)] == [
        ("Pemerintah Kota Tarakan", ("zona hijau",)), ("Pemerintah Kota Bontang", ("zona hijau",))]


def test_a_relative_clause_after_another_clause_labels_only_its_own_name(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2023, Kota Tarakan memperoleh 71,2, sedangkan Kota Bontang (89,05) "
            "yang masuk zona hijau.")
    found = by_score(extractor, text)
    assert (found[71.2].predicate, found[89.05].predicate) == ((), ("zona hijau",))


def test_a_sentence_pointing_at_the_result_just_told_gives_its_earlier_value(extractor):
    text = ("Pemerintah Kota Salatiga kembali meraih predikat \"BB\" dalam evaluasi SAKIP tahun 2022 dengan nilai 72,15. "
            "Nilai ini naik dibanding tahun sebelumnya 70,08.")
    found = by_score(extractor, text)
    assert sorted(found) == [70.08, 72.15]
    assert found[70.08].entity == "Pemerintah Kota Salatiga" and found[70.08].year is None


def test_a_score_given_to_a_name_after_it_is_that_names(extractor):
    text = ("Kementerian PANRB memberikan nilai 3,21 kepada Polres Sragen dan 3,88 kepada Polres Karanganyar "
            "pada evaluasi PEKPPP 2021.")
    found = by_score(extractor, text)
    assert (found[3.21].entity, found[3.88].entity) == ("Polres Sragen", "Polres Karanganyar")


@pytest.mark.parametrize("labels, expected", [
    ("A-, A- dan B", [("a-",), ("a-",), ("b",)]),
    ("A- dan B", [(), (), ()]),  # two labels for three scores: the pairing cannot be read
])
def test_labels_listed_after_the_scores_pair_with_them_respectively_or_not_at_all(extractor, labels, expected):
    text = ("Kota Tegal memperoleh nilai 4,33, Kabupaten Tegal 4,01, dan Kabupaten Brebes 3,87 pada evaluasi PEKPPP "
            f"2022, masing-masing dengan predikat {labels}.")
    found = by_score(extractor, text)
    assert [found[s].predicate for s in (4.33, 4.01, 3.87)] == expected


def test_a_letter_and_its_label_in_one_bracket_are_both_the_predicate(extractor):
    text = "Dalam evaluasi PEKPPP 2023, Polres Sragen meraih indeks 4,05 (A-/Sangat Baik), sedangkan Polres Boyolali 3,45 (B-/Cukup)."
    found = by_score(extractor, text)
    assert (found[4.05].predicate, found[3.45].predicate) == (("a-", "sangat baik"), ("b-", "cukup"))


@pytest.mark.parametrize("text", [
    # a list line with a dash is no dateline
    "Hasil penilaian kepatuhan Ombudsman 2023:\nKabupaten Banyumas — 96,98 (Kualitas Tertinggi)\n"
    "Kabupaten Purbalingga — 96,10 (Kualitas Tertinggi)",
    # a score on the line after its name is that name's
    "Berikut hasil penilaian kepatuhan Ombudsman 2023 untuk kabupaten di provinsi itu:\n"
    "1. Kabupaten Banyumas\n96,98\n2. Kabupaten Purbalingga\n96,10",
])
def test_each_line_of_a_list_keeps_its_own_name(extractor, text):
    found = by_score(extractor, text)
    assert (found[96.98].entity, found[96.1].entity) == ("Pemerintah Kabupaten Banyumas", "Pemerintah Kabupaten Purbalingga")


def test_the_body_set_aside_with_selain_is_not_given_the_next_score(extractor):
    text = ("Disdukcapil Kabupaten Kendal meraih nilai IKM tertinggi pada semester II tahun 2024 dengan nilai 92,45. "
            "Selain Disdukcapil, DPMPTSP memperoleh nilai 90,12.")
    found = [(r.entity, r.score) for r in extractor.extract(Article(text=text))]
    assert found == [("Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kendal", 92.45),
                     ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Kendal", 90.12)]


def test_a_category_somebody_targets_is_no_lead_in_for_the_scores_after_it(extractor):
    text = ('Dalam penilaian Ombudsman 2024, Kabupaten Blora memperoleh nilai 84,35. "Tahun depan kami targetkan '
            'kualitas tertinggi," ujar bupati. Di tingkat provinsi, nilai tertinggi diraih Kabupaten Banyumas dengan 96,98.')
    assert by_score(extractor, text)[96.98].predicate == ()


def test_the_agent_after_oleh_takes_the_score_before_it(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2023, nilai tertinggi 96,98 diraih Kabupaten Banyumas, disusul 96,10 "
            "oleh Kabupaten Purbalingga.")
    found = by_score(extractor, text)
    assert (found[96.98].entity, found[96.1].entity) == ("Pemerintah Kabupaten Banyumas", "Pemerintah Kabupaten Purbalingga")


def test_a_rank_said_before_the_name_is_that_items(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2023, peringkat pertama ditempati Kabupaten Banyumas (96,98), peringkat "
            "kedua Kabupaten Purbalingga (96,10), dan peringkat ketiga Kota Surakarta (95,40).")
    found = by_score(extractor, text)
    assert [found[s].rank for s in (96.98, 96.1, 95.4)] == [1, 2, 3]


@pytest.mark.parametrize("group", ["Ketiga daerah tersebut masuk zona hijau.", "Semuanya masuk zona hijau.",
                                   "Ketiganya berhak atas predikat zona hijau."])
def test_a_group_of_the_bodies_just_scored_is_given_its_label(extractor, group):
    text = ("Dalam penilaian kepatuhan Ombudsman 2023, Kabupaten Bone meraih 88,50, Kabupaten Wajo 85,10 dan Kota "
            "Parepare 82,30. " + group)
    assert {r.score: r.predicate for r in extracted(extractor, text)} == {
        88.5: ("zona hijau",), 85.1: ("zona hijau",), 82.3: ("zona hijau",)}


@pytest.mark.parametrize("group", ["Keduanya masuk zona hijau.", "Ketiga kecamatan tersebut masuk zona hijau.",
                                   "Semuanya berharap tahun depan masuk zona hijau."])
def test_a_group_of_another_number_or_a_wish_gives_no_label(extractor, group):
    text = ("Dalam penilaian kepatuhan Ombudsman 2023, Kabupaten Bone meraih 88,50, Kabupaten Wajo 85,10 dan Kota "
            "Parepare 82,30 dan Kabupaten Soppeng 80,10. " + group)
    assert all(r.predicate == () for r in extracted(extractor, text))


def test_values_of_a_sentence_naming_nobody_go_to_the_article_subject_named_with_or_without_its_place(extractor):
    text = ("Sepanjang 2023, Dinas Dukcapil terus mencatat kinerja positif.\n\nMenurut data statistik daerah, IKM "
            "eksternal Dinas Dukcapil Kota Magelang tercatat 92,04.\n\n“Kami bersyukur atas capaian ini,” kata "
            "kepala dinas itu.\n\nIa menambahkan, IKM internal juga naik, dari 90,11 pada triwulan pertama ke 93,20 "
            "pada triwulan keempat.")
    assert {r.score: r.entity for r in extracted(extractor, text)} == {
        92.04: "Dinas Kependudukan dan Pencatatan Sipil Kota Magelang",
        90.11: "Dinas Kependudukan dan Pencatatan Sipil Kota Magelang",
        93.2: "Dinas Kependudukan dan Pencatatan Sipil Kota Magelang"}


def test_a_result_in_a_caption_and_again_in_the_sentence_naming_its_body_is_one_record_quoted_there(extractor):
    text = ("Kepala Dinas Dukcapil Kota Magelang melayani warga.\nSkor 90,64, Kategori Sangat Baik\nHasil Survei "
            "Kepuasan Masyarakat (SKM) semester I tahun 2024 telah diumumkan Dinas Dukcapil Kota Magelang, dengan "
            "capaian di angka 90,64 atau kategori sangat baik.")
    [record] = extracted(extractor, text)
    assert record.score == 90.64 and record.quote.startswith("Dinas Dukcapil Kota Magelang")


def test_a_label_said_of_the_time_compared_with_leads_in_nothing(extractor):
    text = ("Berbeda dengan tahun 2022 yang masih di zona kuning, pada penilaian kepatuhan Ombudsman kali ini "
            "Kabupaten Bone meraih nilai 88,50.")
    assert [(r.score, r.predicate) for r in extracted(extractor, text)] == [(88.5, ())]
    # a group's label said before the name still leads in
    text = "Dari 24 daerah dalam penilaian kepatuhan Ombudsman 2023, zona hijau diraih Kabupaten Bone dengan nilai 88,50."
    assert [(r.score, r.predicate) for r in extracted(extractor, text)] == [(88.5, ("zona hijau",))]


def test_a_category_sentence_of_another_round_leads_no_list_in(extractor):
    list_line = "\nKabupaten Bone meraih nilai 88,50, Kabupaten Wajo 85,10 dan Kota Parepare 62,30."
    other_round = "Ombudsman RI merilis hasil penilaian kepatuhan 2023. Pada 2022, hanya 10 daerah yang masuk zona hijau."
    assert all(r.predicate == () for r in extracted(extractor, other_round + list_line))
    this_round = "Ombudsman RI merilis hasil penilaian kepatuhan 2023. Sebanyak 16 daerah masuk zona hijau."
    assert {r.predicate for r in extracted(extractor, this_round + list_line.replace("62,30", "82,30"))} == {("zona hijau",)}


@pytest.mark.parametrize("bullet", ["1.", "-", "•"])
def test_a_bare_value_on_a_list_line_under_a_header_naming_a_scheme_is_a_result(extractor, bullet):
    text = (f"Hasil Survei Kepuasan Masyarakat 2024:\n{bullet} Dinas Sosial 88,50\n{bullet} Dinas Kesehatan 86,10\n"
            "Anggaran kegiatan tahun depan 12,5 miliar.")
    assert {r.entity: r.score for r in extracted(extractor, text)} == {"Dinas Sosial": 88.5, "Dinas Kesehatan": 86.1}
    # under a header that names no scheme, nothing says these numbers are results
    plain = text.replace("Hasil Survei Kepuasan Masyarakat 2024:", "Anggaran per dinas tahun 2024 (miliar):")
    assert extracted(extractor, plain) == []


@pytest.mark.parametrize("listed", [
    "Kabupaten Subang (88,12), Kabupaten Purwakarta (86,40) dan Kabupaten Karawang (84,05) masuk zona hijau",
    "Kabupaten Subang 88,12, Kabupaten Purwakarta 86,40 dan Kabupaten Karawang 84,05 sama-sama masuk zona hijau",
])
def test_the_verb_and_label_after_a_list_of_scored_names_are_said_of_each(extractor, listed):
    text = f"Dalam penilaian kepatuhan Ombudsman 2023, {listed}."
    assert {r.entity: r.predicate for r in extracted(extractor, text)} == {
        name: ("zona hijau",) for name in
        ("Pemerintah Kabupaten Subang", "Pemerintah Kabupaten Purwakarta", "Pemerintah Kabupaten Karawang")}


def test_a_label_after_the_last_name_of_a_clause_of_its_own_stays_its(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2023, Kabupaten Subang meraih 88,12, sedangkan Kabupaten Karawang "
            "meraih 70,05 dan masuk zona kuning.")
    assert {r.entity: r.predicate for r in extracted(extractor, text)} == {
        "Pemerintah Kabupaten Subang": (), "Pemerintah Kabupaten Karawang": ("zona kuning",)}


@pytest.mark.parametrize("word", ["berbanding", "versus"])
def test_a_value_set_against_the_one_before_it_goes_to_no_one(extractor, word):
    text = ("Dalam penilaian kepatuhan Ombudsman 2023, Pemkab Lembata mengungguli Kota Kupang dengan selisih 10 poin, "
            f"yakni 90,12 {word} 80,12.")
    assert {s: r.entity for s, r in by_score(extractor, text).items()} == {90.12: "Pemerintah Kabupaten Lembata"}


@pytest.mark.parametrize("lead_in", ["Kabupaten Ende masuk zona hijau.", "Sebanyak 12 daerah masuk zona hijau.",
                                     "“Kita harus belajar dari daerah yang meraih zona hijau,” kata Bupati Ende."])
def test_a_lone_bodys_score_after_a_category_is_not_said_to_be_in_it(extractor, lead_in):
    text = f"Dalam penilaian kepatuhan Ombudsman 2023, tiap daerah dinilai. {lead_in} Pemkab Sikka meraih nilai 70,50."
    assert by_score(extractor, text)[70.5].predicate == ()


@pytest.mark.parametrize("lead_in, listed", [
    ("Kabupaten Ende masuk zona hijau bersama 11 daerah lain.", "Mereka adalah Kabupaten Sikka (88,10) dan Kabupaten Alor (85,20)."),
    ("Delapan pemda masuk zona hijau.", "Di posisi kelima terdapat Kabupaten Sikka (88,10)."),
    ("DAFTAR PEMDA DI ZONA HIJAU:\n", "1 Pemkab Sikka meraih skor paling tinggi: 88,10.\n2 Pemkab Alor (nilai 85,20)"),
    ("Delapan pemda masuk zona hijau.", "Berikutnya, Kabupaten Sikka 88,10."),
])
def test_the_members_a_category_lead_in_goes_on_to_list_take_it(extractor, lead_in, listed):
    text = f"Dalam penilaian kepatuhan Ombudsman 2023, tiap daerah dinilai. {lead_in} {listed}"
    assert by_score(extractor, text)[88.1].predicate == ("zona hijau",)


def test_the_body_a_lead_in_gave_the_category_keeps_it_for_its_score_and_not_for_another_rounds(extractor):
    text = ("Pemkab Ende meraih peringkat kedua, kategori cukup informatif, pada monev keterbukaan informasi publik 2022. "
            "Capaian itu ditentukan lewat monev Komisi Informasi, di mana PPID Utama Pemkab Ende mengantongi nilai 71,71.")
    assert by_score(extractor, text)[71.71].predicate == ("cukup informatif",)
    text = ("Pada evaluasi SAKIP 2020 predikat BB diraih Pemkot Kupang dengan nilai 70,75. Angka itu naik bila "
            "dibandingkan nilai SAKIP tahun lalu, yaitu 70,62.")
    found = by_score(extractor, text)
    assert (found[70.75].predicate, found[70.62].predicate) == (("bb",), ())


def test_a_unit_together_with_another_shares_the_value_they_got(extractor):
    text = "Dalam Survei Kepuasan Masyarakat (SKM) 2023, Puskesmas Lewoleba bersama Dinas Kesehatan Lembata meraih nilai 88,40."
    assert sorted(r.entity.split()[0] for r in extracted(extractor, text)) == ["Dinas", "Puskesmas"]


def test_a_district_a_unit_stands_in_is_not_the_body_evaluated(extractor):
    text = ("Dalam Survei Kepuasan Masyarakat (SKM) 2023, Puskesmas Lewoleba, yang berada di Kecamatan Nubatukan, "
            "meraih nilai 88,40.")
    assert [r.entity for r in extracted(extractor, text)] == ["Puskesmas Lewoleba"]


def test_the_values_of_a_units_services_are_no_ones_and_a_lists_bodies_keep_theirs(extractor):
    text = ("Survei Kepuasan Masyarakat 2023: IKM per unit layanan Puskesmas Lewoleba: poli umum 85,20, poli gigi "
            "87,10, dan laboratorium 90,00.")
    assert by_score(extractor, text) == {}
    text = "Hasil SKM 2023 di lingkungan Pemkab Lembata: Dinas Kesehatan 82,10, Disdukcapil 88,50 dan DPMPTSP 90,10."
    assert set(by_score(extractor, text)) == {82.1, 88.5, 90.1}
    text = "Dalam penilaian kepatuhan Ombudsman 2023, urutan pertama ada Kabupaten Bima, nilai dan zona 86, 65."
    assert set(by_score(extractor, text)) == {86.65}


def test_one_label_after_a_run_of_scores_taken_in_order_is_each_of_theirs(extractor):
    text = ("Dalam evaluasi PEKPPP 2022, Satpas Polres Kediri Kota, Satpas Polres Pasuruan dan Satpas Polres Bojonegoro "
            "masing-masing memperoleh 3,97, 3,81 dan 3,58 dengan kategori B (Baik).")
    assert {r.score: r.predicate for r in extracted(extractor, text)} == {
        3.97: ("b", "baik"), 3.81: ("b", "baik"), 3.58: ("b", "baik")}


def test_a_label_said_of_the_group_just_scored_outweighs_one_borrowed_from_before(extractor):
    text = ("Dalam evaluasi PEKPPP 2022, dua Satpas yang berpredikat Pelayanan Prima ialah Satpas Polresta Sidoarjo "
            "dengan 4,61 dan Satpas Polres Gresik dengan 4,55. Kemudian Satpas Polres Jember meraih 4,37 serta Satpas "
            "Polres Tulungagung 4,12. Keduanya masuk kategori A- atau Sangat Baik.")
    assert {r.score: r.predicate for r in extracted(extractor, text)} == {
        4.61: ("pelayanan prima",), 4.55: ("pelayanan prima",), 4.37: ("a-", "sangat baik"), 4.12: ("a-", "sangat baik")}


def test_a_label_said_of_the_two_values_of_one_body_just_told_is_each_of_theirs(extractor):
    text = ("Dalam SKM 2021, Disdukcapil Kota Ambon memperoleh IKM 83,47 pada semester I dan meningkat menjadi 85,02 "
            "pada semester II. Keduanya masuk kategori Baik.")
    assert {r.score: r.predicate for r in extracted(extractor, text)} == {83.47: ("baik",), 85.02: ("baik",)}


def test_a_bands_edge_is_no_label_of_the_values_just_told(extractor):
    text = ("Dalam Opini Ombudsman 2025, Kabupaten Puncak Jaya memperoleh nilai 24,66, sedangkan Kabupaten Intan Jaya "
            "19,30. Keduanya berada jauh di bawah batas zona merah.")
    assert {r.score: r.predicate for r in extracted(extractor, text)} == {24.66: (), 19.3: ()}


def test_the_top_value_of_a_group_named_by_no_one_goes_to_no_body_before(extractor):
    text = ("Pada monev KIP 2023, Sekretariat DPRD NTB masuk kualifikasi Menuju Informatif dengan nilai 80,12. Untuk "
            "kategori partai politik, nilai tertinggi di kategori ini hanya 68,50.")
    assert [r.score for r in extracted(extractor, text)] == [80.12]


def test_a_national_figure_beside_a_named_body_is_not_its_value(extractor):
    text = ("Evaluasi SPBE 2023. Indeks SPBE Kota Padang mencapai 3,58. Capaian Padang juga berada di atas indeks SPBE "
            "nasional tahun 2023 yang sebesar 2,79.")
    assert [r.score for r in extracted(extractor, text)] == [3.58]
    top = "Nilai tertinggi nasional diraih Kota Padang dengan indeks SPBE 4,50."
    assert [r.score for r in extracted(extractor, top)] == [4.5]
