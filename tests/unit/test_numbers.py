"""Which numbers are scores: each case a sentence written the way regional news reports numbers."""
import pytest

from rapor.extract.records import Article


def scores(extractor, text):
    return sorted(r.score for r in extractor.extract(Article(text=text)) if r.score is not None)


@pytest.mark.parametrize("text, expected", [
    # an index told in percent, right after its cue word
    ("Dalam penilaian kepatuhan Ombudsman 2019, Provinsi Maluku tergolong zona merah dengan angka 45,31 %.", [45.31]),
    # ...or realised against a target in an article about the satisfaction index
    ("Indeks Kepuasan Masyarakat (IKM) Disdukcapil Kota Bekasi terus naik. Kepala Disdukcapil Kota Bekasi "
     "menjelaskan, pada 2021 target 81,50 persen berhasil direalisasikan menjadi 88,70 persen.", [88.7]),
    # a share of a group is not a score
    ("Monev Komisi Informasi 2021 mendapati 24,63 persen dari 337 badan publik tergolong informatif.", []),
    ("Dari Survei IKM di Dinas Kesehatan Kota Bekasi, 100% responden menjawab baik.", []),
    # more decimals than two
    ("Pada indeks SPBE 2023, Pemerintah Kota Bekasi meraih nilai 3,45913.", [3.45913]),
    # thresholds in a legend
    ("Kategori tidak informatif untuk skor < 39,9 dalam monev Komisi Informasi, sedangkan Kota Bekasi meraih skor 88,10.", [88.1]),
    # a score written over the top of its scale; a date's numbers are still no score
    ("Pemkab Lembata memperoleh skor akhir 88,40/100 pada penilaian kepatuhan Ombudsman, Kamis (8/6/2023).", [88.4]),
    ("Indeks SPBE Pemkab Lembata 2023 mencapai 3,71/5 dengan predikat Baik.", [3.71]),
    # the top of the scale said after the score is no score; a decimal comma spelled out is one
    ("Dalam penilaian kepatuhan Ombudsman 2023, Pemkab Lembata memperoleh nilai 88,40 dari 100.", [88.4]),
    ("Indeks Pelayanan Publik Pemkab Lembata 2023 mencapai 4,12 dari 5.", [4.12]),
    ("Dalam penilaian kepatuhan Ombudsman 2023, Pemkab Lembata memperoleh nilai 88 koma 40.", [88.4]),
    # ... and one with its label after a slash
    ("Dalam penilaian kepatuhan Ombudsman 2023, Pemkab Lembata meraih nilai 88,40 / Zona Hijau.", [88.4]),
    # a target earlier in the clause, even a few words away
    ("Indeks SPBE Kabupaten Pesisir Barat 2023 mencapai 2,91, padahal targetnya dipasang pada poin 2,41.", [2.91]),
])
def test_scores_read_from_reporting(extractor, text, expected):
    assert scores(extractor, text) == expected


@pytest.mark.parametrize("text", [
    # counts of bodies written with an abbreviation or a unit's head word
    "Monev Komisi Informasi 2022: pada 2021 tercatat 84 BP Informatif, dan Kota Bekasi termasuk di dalamnya.",
    "Evaluasi KemenPANRB tahun lalu: 43 polres bernilai B-, dan 16 polres meraih C di wilayah Kota Bekasi.",
    # a count spelled out in words, even after a cue
    "Jumlah BP Informatif itu melewati sasaran, yaitu sembilanpuluh delapan BP Informatif di Kota Bekasi.",
    # a count in brackets
    "Hasil monev KIP: tahun lalu cuma 16, sekarang 24 (kementerian masuk kualifikasi) Informatif, termasuk Kota Bekasi.",
    # a number word before the thing it counts, a list of the kinds after it
    "Kota Bekasi kini dinilai dengan opini pengawasan dengan lima kategori, yakni A (kualitas tertinggi), "
    "B (kualitas tinggi) dan C (kualitas sedang).",
])
def test_counts_are_not_scores(extractor, text):
    assert scores(extractor, text) == []


def test_a_teaser_line_is_another_story(extractor):
    text = ("Pemerintah Kota Bekasi meraih indeks SPBE 3,41 pada evaluasi 2023.\n"
            "Baca juga: Pemkab Bogor raih nilai 4,12 dalam SPBE 2023")
    assert scores(extractor, text) == [3.41]


def test_a_score_above_100_counts_only_on_the_scale_the_sentence_states(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2018 untuk kepolisian, Polres Kolaka meraih nilai 101,50 dari "
            "skala 110, sedangkan Polres Bombana 88,25.")
    records = {r.score: r for r in extractor.extract(Article(text=text))}
    assert set(records) == {101.5, 88.25} and records[101.5].scale_max == 110.0
    assert scores(extractor, "Dalam penilaian kepatuhan Ombudsman 2018, Polres Kolaka meraih nilai 101,50.") == []


def test_an_average_over_a_group_is_not_a_score_but_one_governments_own_is(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman tahun 2023, rata-rata nilai kabupaten/kota di Sultra 65,40, "
            "sedangkan Kota Kendari memperoleh 90,10 dan meraih 11 penghargaan dari 7 kategori.")
    assert scores(extractor, text) == [90.1]
    assert scores(extractor, "Menurut hasil IPP tahun lalu, rata-rata IPP Pemerintah Kota Madiun berada di angka 4,61.") == [4.61]


def test_a_satisfaction_index_in_percent_and_its_earlier_value(extractor):
    text = "Nilai IKM RSUD Bahteramas tahun 2023 mencapai 94,18 persen, naik dari tahun sebelumnya 91,20 persen."
    records = {r.score: r for r in extractor.extract(Article(text=text))}
    assert set(records) == {94.18, 91.2}
    assert records[94.18].year == 2023 and records[91.2].year is None  # "tahun sebelumnya" states no year


@pytest.mark.parametrize("text, years", [
    # the year stated with each score, also after a scheme's short name or a result word
    ("Merujuk data SPI 2023, Provinsi Bali mendapat skor 77,91, turun dibanding SPI 2022 yang sebesar 78,17.",
     {77.91: 2023, 78.17: 2022}),
    ("Indeks SPBE Kabupaten Konawe Selatan 2,89 pada tahun 2023 dan naik menjadi 3,70 pada tahun 2024.",
     {2.89: 2023, 3.7: 2024}),
    # "Pemkab." does not end the sentence, so the year before it stays with its score
    ("Sesudah pada tahun 2019 Pemkab. Sampang memperoleh Indeks SPBE 1.81, tahun ini Pemkab. Sampang "
     "mencatat Indeks SPBE 2.98 pada Evaluasi SPBE Tahun 2021.", {1.81: 2019, 2.98: 2021}),
    # results released late in a year are that year's round
    ("Ombudsman RI merilis hasil penilaian kepatuhan pada 29 Desember 2021. Kota Baubau memperoleh nilai 88,20.",
     {88.2: 2021}),
])
def test_each_score_takes_the_year_said_with_it(extractor, text, years):
    assert {r.score: r.year for r in extractor.extract(Article(text=text))} == years


def test_a_floor_somebody_sets_is_not_a_result(extractor):
    text = ('Bupati Lebak menargetkan seluruh OPD meraih zona hijau dalam penilaian Ombudsman tahun depan. '
            '"Minimal nilai 90," ujarnya.')
    assert extractor.extract(Article(text=text)) == []


def test_the_service_quality_letter_of_a_satisfaction_index_is_its_grade(extractor):
    text = "Hasil Survei Kepuasan Masyarakat Puskesmas Cibadak semester II 2023 mencapai 94,18 persen dengan mutu pelayanan A."
    [record] = extractor.extract(Article(text=text))
    assert (record.score, record.predicate) == (94.18, ("a",))


def test_a_value_of_an_index_no_scheme_names_is_no_result(extractor):
    text = ("Indeks Pembangunan Manusia (IPM) Kabupaten Lembata 2023 mencapai 66,12, sedangkan Indeks Kepuasan "
            "Masyarakat belum diukur.")
    assert scores(extractor, text) == []


@pytest.mark.parametrize("index", ["Indeks Pelayanan Publik (IPP)", "Indeks Reformasi Birokrasi",
                                   "Indeks Kepuasan Masyarakat (IKM)", "Indeks Inovasi Daerah",
                                   "Indeks Keterbukaan Informasi Publik", "Indeks Sistem Pemerintahan Berbasis Elektronik"])
def test_a_value_of_an_index_a_scheme_names_is_a_result(extractor, index):
    assert scores(extractor, f"{index} Pemkab Lembata tahun 2023 mencapai 3,12.") == [3.12]


def test_a_pollsters_rating_of_an_office_holder_is_no_satisfaction_survey(extractor):
    poll = "Tingkat kepuasan masyarakat terhadap kinerja Bupati Lebak mencapai 78,4 persen menurut survei lembaga itu."
    assert scores(extractor, poll) == []
    survey = "Tingkat kepuasan masyarakat terhadap pelayanan Dinas Kesehatan Kabupaten Lebak mencapai 78,4 persen."
    assert scores(extractor, survey) == [78.4]


def test_the_size_of_a_change_is_no_score_but_the_values_it_joins_are(extractor):
    assert scores(extractor, "Kenaikan nilai SPBE Kabupaten Lebak sebesar 0,45 menjadi bukti keseriusan pemerintah.") == []
    assert scores(extractor, "Peningkatan nilai IKM Puskesmas Cibeber dari 80,12 menjadi 85,20 pada tahun 2023.") == [80.12, 85.2]


@pytest.mark.parametrize("when", ["tahun 2023", "bulan Desember 2023"])
def test_a_value_followed_by_the_time_it_is_of_is_no_count_of_years(extractor, when):
    assert scores(extractor, f"Kantor Imigrasi Kupang meraih nilai IKM 90,15 {when}.") == [90.15]
    assert scores(extractor, "Pegawai Kantor Imigrasi Kupang rata-rata bekerja 12 tahun.") == []


def test_a_noun_of_change_that_names_no_changed_value_leaves_the_score_alone(extractor):
    text = "Peningkatan pelayanan membuat Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Lebak mendapat nilai IKM 88,10."
    assert scores(extractor, text) == [88.1]
    long_name = "Kenaikan nilai IKM Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Lebak sebesar 4,10."
    assert scores(extractor, long_name) == []


def test_a_bare_percent_beside_a_share_of_respondents_is_a_share_too(extractor):
    text = ("Hasil SKM 2021 Dinas Sosial Kota Ambon mencapai 85,9 persen. Sebanyak 62 persen responden menilai layanan "
            "Dinas Sosial Kota Ambon sudah cepat, namun 18 persen masih mengeluhkan persyaratan.")
    assert scores(extractor, text) == [85.9]


def test_whole_numbers_before_grades_after_a_count_of_bodies_are_counts(extractor):
    text = ("Hasil evaluasi SAKIP 2024. Badan Penghubung Provinsi Kaltim meraih 58,02 atau predikat CC. Sebanyak 4 "
            "perangkat daerah meraih predikat A, 21 BB, 15 B, dan 2 CC.")
    assert scores(extractor, text) == [58.02]


@pytest.mark.parametrize("text", [
    "Ombudsman menilai kepatuhan Kota Bekasi. Pekan ini skor risiko penularan Kota Bekasi tercatat 1,79.",
    "Ombudsman menilai kepatuhan Kota Bekasi. Bawaslu mencatat nilai kerawanan pemilu Kota Bekasi 3,20.",
])
def test_a_score_of_another_maps_domain_is_no_result(extractor, text):
    assert scores(extractor, text) == []


def test_a_value_said_to_be_a_bands_edge_is_no_score(extractor):
    text = ('Dalam PEKPPP 2024, Pemko Banda Aceh meraih 4,47. "Nilai 4,51 itu batas bawah Pelayanan Prima. Kita hanya '
            'butuh sedikit lagi," katanya.')
    assert scores(extractor, text) == [4.47]
    passed = "Dalam PEKPPP 2024, Pemko Banda Aceh meraih 4,52 atau melewati batas bawah Pelayanan Prima."
    assert scores(extractor, passed) == [4.52]


def test_the_parts_a_total_is_said_to_be_made_of_are_no_scores(extractor):
    text = ("Pada 2023 Kota Gorontalo memperoleh nilai total RB 78,35. Angka itu berasal dari RB General sebesar 68,15 "
            "ditambah RB Tematik 10,20.")
    assert scores(extractor, text) == [78.35]


def test_a_part_scored_against_its_weight_is_no_score(extractor):
    text = ("Dalam evaluasi Zona Integritas 2021, Rutan Tanjungpinang memperoleh nilai 80,14. Komponen hasil, yakni "
            "terwujudnya pemerintahan yang bersih dan bebas KKN, mendapat nilai 18,6 dari bobot 22,5.")
    assert scores(extractor, text) == [80.14]
