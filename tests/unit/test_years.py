"""Which round a reported result belongs to, from what the article says around it."""
import pytest
from rapor.extract.records import Article


def years(extractor, text, title=None):
    return {r.entity: r.year for r in extractor.extract(Article(text=text, title=title))}


def years_by_score(extractor, text):
    return {r.score: r.year for r in extractor.extract(Article(text=text))}


def test_a_handover_late_in_the_year_dates_that_years_round(extractor):
    text = ("Ombudsman RI menganugerahkan predikat kepatuhan tinggi kepada Pemerintah Kabupaten Pinrang. Acara itu digelar "
            "pada Rabu (7/12/2016) di Jakarta.")
    assert years(extractor, text) == {"Pemerintah Kabupaten Pinrang": 2016}


def test_the_date_of_an_interview_dates_nothing(extractor):
    text = ("Ombudsman mengumumkan bahwa Kabupaten Alor masuk zona merah kepatuhan pelayanan publik dengan nilai 48,94, "
            "tutur Kepala Ombudsman Perwakilan NTT saat diwawancarai di Kupang, Jumat (13/12/2018).")
    assert years(extractor, text) == {"Pemerintah Kabupaten Alor": None}


def test_a_period_the_sentence_opens_with_is_the_round(extractor):
    text = ("Pada tahun 2022, Ombudsman RI melakukan penilaian kepatuhan terhadap standar pelayanan publik di seluruh "
            "pemerintah daerah. Kabupaten Buton Utara memperoleh nilai 78,40 dan masuk zona kuning.")
    assert years(extractor, text) == {"Pemerintah Kabupaten Buton Utara": 2022}


def test_a_link_to_another_story_does_not_give_its_round(extractor):
    text = ("KENDARI - Ombudsman RI menyerahkan hasil penilaian kepatuhan.\n"
            "Baca juga: Kota Kendari Raih Zona Hijau Penilaian Kepatuhan 2019\n"
            "Kota Kendari meraih nilai 92,10 dan masuk zona hijau tahun ini.")
    assert years(extractor, text) == {"Pemerintah Kota Kendari": None}


def test_a_compared_year_right_before_a_value_is_that_values(extractor):
    text = ("Indeks SPBE Kabupaten Konawe Selatan tahun 2024 mencapai 3,70, naik dibanding tahun 2023 yang hanya 2,89.")
    found = years_by_score(extractor, text)
    assert found == {3.7: 2024, 2.89: 2023}


def test_the_round_is_the_latest_named_a_story_compares_it_with_earlier_ones(extractor):
    text = ("Hasil Evaluasi SPBE Tahun 2019 menempatkan Pemkab Sampang di predikat cukup. Kerja keras berlanjut hingga "
            "Evaluasi SPBE Tahun 2021. Pemkab Sampang kini mencatat indeks 2,98 dengan predikat Baik.")
    assert years(extractor, text) == {"Pemerintah Kabupaten Sampang": 2021}


def test_a_round_looked_forward_to_is_no_round_yet(extractor):
    text = ("Pemkab Sampang mencatat Indeks SPBE 2,98 berpredikat Baik pada Evaluasi SPBE Tahun 2021. Memasuki tahun 2022, "
            "tim mulai berbenah menyongsong Evaluasi SPBE Tahun 2023.")
    assert years(extractor, text) == {"Pemerintah Kabupaten Sampang": 2021}


def test_a_regulations_year_is_no_round(extractor):
    text = ("Penilaian mengacu pada Permenpan RB 29 tahun 2022. Dalam evaluasi pelayanan publik KemenPANRB tahun "
            "ini, Kota Salatiga mencatat indeks 4,41.")
    assert years(extractor, text) == {"Pemerintah Kota Salatiga": None}
    # a scheme's name that starts like a regulation word ("SKM", "sk") is no regulation
    text = ("Hasil SKM Disdukcapil Kota Pagaralam semester I 2024 mencapai 90,64, melampaui hasil SKM terdahulu di tahun "
            "2023, yakni di angka 90,05.")
    found = years_by_score(extractor, text)
    assert found == {90.64: 2024, 90.05: 2023}


def test_a_label_said_of_the_result_just_told_is_that_results_round(extractor):
    text = ("Hasil penilaian kepatuhan Ombudsman tahun 2016 menunjukkan Pemerintah Kabupaten Gorontalo meraih nilai 30,76. "
            "Dengan capaian itu, Pemerintah Kabupaten Gorontalo masuk zona merah.\n"
            "Pada tahun 2018 ini, penilaian Ombudsman menempatkan Pemerintah Kabupaten Gorontalo di nilai 73,17.")
    found = {r.score: (r.year, r.predicate) for r in extractor.extract(Article(text=text))}
    assert found == {30.76: (2016, ("zona merah",)), 73.17: (2018, ())}


def test_a_sentence_about_now_does_not_take_the_year_of_an_earlier_score(extractor):
    text = ("Penilaian kepatuhan Ombudsman. Kabupaten Wajo meraih 70,10 pada 2021. Kabupaten Bone meraih 68,40. "
            "Kini Kabupaten Wajo meraih nilai 85,30.")
    found = years_by_score(extractor, text)
    assert found == {70.1: 2021, 68.4: 2021, 85.3: None}


def test_a_sentence_counting_on_from_the_year_stated_takes_the_next_year(extractor):
    text = ("Pada penilaian kepatuhan Ombudsman 2019, Kabupaten Sikka berada di zona merah dengan nilai 48,20. "
            "Setahun kemudian, nilainya melonjak menjadi 76,50 dan masuk zona kuning.")
    found = years_by_score(extractor, text)
    assert found == {48.2: 2019, 76.5: 2020}


def test_a_handover_day_said_just_before_the_verb_dates_the_round(extractor):
    text = ("Ombudsman RI Perwakilan Jawa Tengah, Selasa (10/12/2019), menyerahkan hasil penilaian kepatuhan kepada "
            "Kabupaten Purworejo yang meraih nilai 82,5 (zona hijau).")
    assert years(extractor, text) == {"Pemerintah Kabupaten Purworejo": 2019}


def test_an_earlier_value_keeps_the_year_stated_right_after_it(extractor):
    text = "Indeks SPBE Kabupaten Ngawi naik dari 2,45 pada 2022 menjadi 3,51 pada 2023 dan mendapat predikat Sangat Baik."
    assert years_by_score(extractor, text) == {2.45: 2022, 3.51: 2023}


def test_the_past_of_another_clause_does_not_undo_the_round_on_the_evaluations_name(extractor):
    text = "Dalam penilaian kepatuhan Ombudsman 2023, Kabupaten Klaten yang tahun lalu meraih 75,2 kini memperoleh 88,5."
    assert years_by_score(extractor, text) == {75.2: None, 88.5: 2023}


def test_a_compared_earlier_value_keeps_its_own_year_and_not_the_current_category(extractor):
    text = ("Kabupaten Bone kembali meraih zona hijau dalam penilaian kepatuhan Ombudsman. Pada 2023, Bone meraih nilai "
            "88,50, naik dari 2022 yang hanya 80,10.")
    found = {r.score: (r.year, r.predicate) for r in extractor.extract(Article(text=text))}
    assert found == {88.5: (2023, ("zona hijau",)), 80.1: (2022, ())}


def test_a_sentence_opening_on_now_is_not_the_round_named_with_an_earlier_value(extractor):
    text = ("Pada penilaian kepatuhan Ombudsman 2022, Kabupaten Bone masih di zona kuning dengan nilai 70,10. "
            "Tahun ini, Kabupaten Bone meraih nilai 88,50 dan masuk zona hijau.")
    assert years_by_score(extractor, text) == {70.1: 2022, 88.5: None}
    # a round named for the whole article still dates a value told "now"
    text = "Ombudsman RI merilis hasil penilaian kepatuhan 2023. Tahun ini, Kabupaten Bone meraih nilai 88,50."
    assert years_by_score(extractor, text) == {88.5: 2023}


def test_this_year_in_a_page_whose_text_names_no_day_is_its_publication_year(extractor):
    text = "Tahun ini Pemerintah Kota Bau-Bau meraih nilai 86,40 dan masuk zona hijau penilaian kepatuhan Ombudsman."
    dated = extractor.extract(Article(text=text, published="2023-12-14"))
    assert [r.year for r in dated] == [2023]
    # without "tahun ini" the publication date says nothing of the round
    undated = extractor.extract(Article(text=text.replace("Tahun ini ", ""), published="2023-12-14"))
    assert [r.year for r in undated] == [None]


def test_lalu_joining_a_list_is_no_time_gone_by(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2019, zona hijau diraih Pemerintah Kabupaten Ende, lalu Pemerintah "
            "Kabupaten Sikka, serta Pemerintah Kabupaten Ngada.")
    assert set(years(extractor, text).values()) == {2019}
    # after a time word it is the past, whose year is not the round's
    text = "Dalam penilaian kepatuhan Ombudsman 2019, Pemerintah Kabupaten Ende tahun lalu masih di zona kuning."
    assert set(years(extractor, text).values()) == {None}


@pytest.mark.parametrize("text, expected", [
    # a value told as the one before the round, with no year of its own
    ("Dalam penilaian kepatuhan Ombudsman 2019, Kabupaten Ende meraih nilai 85,10 dan masuk zona hijau. Sebelumnya "
     "Pemkab Ende berada di zona kuning dengan nilai 70,20.", {85.1: 2019, 70.2: None}),
    ("Dalam penilaian kepatuhan Ombudsman 2019, Kabupaten Ende masuk zona hijau. Dua tahun lalu Kabupaten Sikka "
     "juga meraih zona hijau.", {"Pemerintah Kabupaten Ende": 2019, "Pemerintah Kabupaten Sikka": None}),
])
def test_a_sentence_opening_on_an_earlier_time_is_not_the_round(extractor, text, expected):
    found = extractor.extract(Article(text=text))
    assert {(r.score if r.score is not None else r.entity): r.year for r in found} == expected


def test_a_round_the_story_compares_with_is_not_its_own(extractor):
    text = ("Kabupaten Ngawi meraih nilai 88,10 pada penilaian kepatuhan Ombudsman. Capaian ini meningkat "
            "dibandingkan penilaian tahun 2018 dengan nilai 70,05.")
    assert years_by_score(extractor, text) == {88.1: None, 70.05: 2018}


@pytest.mark.parametrize("text, expected", [
    # a value compared with last year's is the later one
    ("Dalam penilaian kepatuhan Ombudsman 2023, Kota Kupang meraih 88,20, naik dari tahun lalu yang hanya 70,10.",
     {88.2: 2023, 70.1: None}),
    # a year told before a word for now is not the year of the value said now
    ("Dalam penilaian kepatuhan Ombudsman 2023, Kota Kupang yang pada 2022 meraih 70,10 kini meraih 88,20.",
     {70.1: 2022, 88.2: 2023}),
])
def test_the_value_said_now_keeps_the_round(extractor, text, expected):
    assert years_by_score(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Dalam evaluasi SPBE tahun 2023, Kabupaten Seluma meraih indeks 2,93. Indeksnya meningkat ketimbang tahun 2022 "
     "lalu, saat Seluma masih berpredikat kurang dengan indeks 1,55.", {2.93: 2023, 1.55: 2022}),
    # "saat ini" is now, no clause of the compared year
    ("Dalam evaluasi SPBE tahun 2023, indeks Kabupaten Seluma meningkat dibanding 2022, saat ini nilainya 2,93.",
     {2.93: 2023}),
])
def test_a_value_in_a_clause_of_a_compared_year_is_that_years(extractor, text, expected):
    assert years_by_score(extractor, text) == expected


def test_the_ombudsmans_own_word_for_its_zoning_names_the_round(extractor):
    text = "Dalam zonasi kepatuhan lembaga negara 2017, zona hijau diraih Badan Narkotika Nasional."
    assert [r.year for r in extractor.extract(Article(text=text))] == [2017]


@pytest.mark.parametrize("period", ["Semester II/2023", "Triwulan III/2023", "semester I/2023"])
def test_a_part_of_the_year_written_with_its_year_is_that_year(extractor, period):
    text = f"Indeks Kepuasan Masyarakat Puskesmas Bogor Timur {period} sebesar 88,10."
    assert years_by_score(extractor, text) == {88.1: 2023}
    # a date is no period
    dated = "Indeks Kepuasan Masyarakat Puskesmas Bogor Timur per 2/2023 sebesar 88,10."
    assert years_by_score(extractor, dated) == {88.1: None}


@pytest.mark.parametrize("values, years", [
    ("masing-masing 80,10, 82,20 dan 84,12", [2021, 2022, 2023]),
    ("masing-masing 80,10 dan 84,12", [None, None]),  # two values for three years: no pairing can be read
])
def test_a_run_of_years_pairs_with_a_run_of_as_many_values_of_one_body(extractor, values, years):
    text = f"Survei Kepuasan Masyarakat RSUD Lewoleba: IKM tahun 2021, 2022 dan 2023 {values}."
    found = sorted((r.score, r.year) for r in extractor.extract(Article(text=text)))
    assert [year for _, year in found] == years


@pytest.mark.parametrize("series", [
    "terus naik: 2021 sebesar 60,10, 2022 sebesar 70,10, dan 2023 sebesar 88,40.",
    "tercatat tahun 2021 (60,10), tahun 2022 (70,10), dan tahun 2023 (88,40).",
])
def test_each_value_of_a_series_takes_the_year_that_heads_it(extractor, series):
    text = f"Dalam tiga tahun terakhir, nilai kepatuhan Ombudsman untuk Pemkab Lembata {series}"
    assert years_by_score(extractor, text) == {60.1: 2021, 70.1: 2022, 88.4: 2023}


@pytest.mark.parametrize("upcoming", [
    "Pemkab Lembata bertekad mempertahankan capaian itu pada penilaian kepatuhan tahun 2023 mendatang.",
    "Untuk penilaian kepatuhan 2023 nanti, Pemkab Lembata menargetkan zona hijau.",
    "Penilaian kepatuhan tahun 2023 akan dimulai pada Mei.",
    "Penilaian Kepatuhan 2023 sedang berlangsung.",
    "Hasil ini menjadi modal menghadapi penilaian kepatuhan 2023.",
])
def test_a_round_to_come_is_not_the_round_reported(extractor, upcoming):
    text = ("Pemkab Lembata meraih nilai 88,40 dalam penilaian kepatuhan Ombudsman yang diumumkan Desember 2022. "
            + upcoming)
    assert years_by_score(extractor, text) == {88.4: 2022}


def test_results_to_be_handed_over_are_of_the_round_named(extractor):
    text = "Hasil penilaian kepatuhan Ombudsman 2023 akan diserahkan pekan depan. Pemkab Lembata meraih nilai 88,40."
    assert years_by_score(extractor, text) == {88.4: 2023}


@pytest.mark.parametrize("looking_back", [
    "Pada penilaian kepatuhan 2021, Pemkab Lembata hanya meraih 70,10.",
    "Dalam penilaian kepatuhan 2020 yang lalu, Pemkab Lembata berada di zona merah.",
    "Capaian itu lebih baik dibanding penilaian kepatuhan 2021.",
])
def test_results_released_late_in_a_year_are_that_years_round_over_an_earlier_one_looked_back_on(extractor,
                                                                                                    looking_back):
    text = ("Pemkab Lembata meraih nilai 88,40 dalam penilaian kepatuhan Ombudsman yang diumumkan Desember 2022. "
            + looking_back)
    assert years_by_score(extractor, text)[88.4] == 2022


def test_a_sentence_opening_on_an_earlier_time_names_no_round_and_lends_no_label(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman, Pemkab Lembata meraih nilai 88,40. Sebelumnya, Pemkab Lembata meraih "
            "zona hijau pada penilaian kepatuhan 2019.")
    found = sorted(((r.score or 0), r.predicate, r.year or 0) for r in extractor.extract(Article(text=text)))
    assert found == [(0, ("zona hijau",), 2019), (88.4, (), 0)]


def test_the_year_a_sentence_opens_on_is_its_first_clauses_and_a_later_clause_keeps_its_own(extractor):
    text = ("Penilaian Zona Integritas 2021 diumumkan. Tahun 2019, predikat WBK sudah lebih dulu diraih Bapenda Jateng "
            "melalui UPT PPD Samsat Brebes, kemudian pada tahun 2020 giliran UPT PPD Samsat Tegal yang meraihnya.")
    assert {r.entity: r.year for r in extractor.extract(Article(text=text)) if "UPT" in r.entity} == {
        "UPT PPD Samsat Brebes": 2019, "UPT PPD Samsat Tegal": 2020}


@pytest.mark.parametrize("turn", [", sedangkan tahun lalu hanya", " dan tahun lalu", ", sementara tahun lalu cuma"])
def test_last_year_said_of_the_next_item_leaves_this_one_in_the_round(extractor, turn):
    text = f"Dalam penilaian kepatuhan 2023, Kota Kupang meraih nilai 88,12{turn} 70,12."
    assert {r.score: r.year for r in extractor.extract(Article(text=text))} == {88.12: 2023, 70.12: None}


def test_this_year_in_a_story_dated_later_than_the_round_it_names_is_the_storys_year(extractor):
    text = "LEBAK, Jumat (1/12/2023) - Polres Lebak meraih predikat WBK pada 2021. Tahun ini, Polres Lebak meraih predikat WBBM."
    assert sorted((r.predicate, r.year) for r in extractor.extract(Article(text=text))) == [
        (("wbbm",), 2023), (("wbk",), 2021)]
    undated = text.replace("LEBAK, Jumat (1/12/2023) - ", "")
    assert sorted((r.predicate, r.year) for r in extractor.extract(Article(text=undated))) == [
        (("wbbm",), None), (("wbk",), 2021)]


@pytest.mark.parametrize("opening", ["Dua tahun sebelumnya", "Tiga tahun lalu", "Setahun sebelumnya"])
def test_a_sentence_opening_on_some_years_before_frames_its_value_as_an_earlier_one(extractor, opening):
    text = f"Pemkab Alor meraih nilai 88,12 pada penilaian kepatuhan Ombudsman RI tahun 2023. {opening}, Pemkab Alor hanya meraih 55,10."
    assert years_by_score(extractor, text) == {88.12: 2023, 55.1: None}


@pytest.mark.parametrize("aim", ['"Targetnya pada evaluasi 2024 tidak ada lagi nilai di bawah 3,01," ujarnya.',
                                 "Kanwil menargetkan seluruh kantor meraih minimal kategori A- pada evaluasi 2024."])
def test_a_round_aimed_at_later_in_the_story_is_not_its_round(extractor, aim):
    text = f"KemenPANRB merilis hasil evaluasi PEKPPP tahun 2023. Kabupaten Bantaeng meraih indeks 4,56. {aim}"
    assert years_by_score(extractor, text)[4.56] == 2023


def test_the_round_a_change_started_from_is_not_the_storys(extractor):
    text = ("Pemprov Sumsel kembali mempertahankan predikat BB pada evaluasi SAKIP tahun 2019 dari Kementerian "
            "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi, dengan nilai 72,15 atau naik dari 70,81 pada "
            "evaluasi 2018. Kabupaten Musi Banyuasin mencatat nilai tertinggi dengan 75,16 atau predikat BB.")
    assert years_by_score(extractor, text)[75.16] == 2019


def test_a_round_a_result_is_said_to_be_capital_for_is_not_its_round(extractor):
    text = ("Ombudsman memaparkan hasil Penilaian Kepatuhan tahun 2023. Kota Banda Aceh meraih 92,48. Capaian itu "
            "menjadi modal untuk mempertahankan predikat pada penilaian 2024.")
    assert years_by_score(extractor, text)[92.48] == 2023
