"""Named bodies given a category without a score, in the shapes news uses for them."""
import pytest

from rapor.extract.records import Article
from tests.unit.extracted import extracted


def given(extractor, text, title=None):
    return {r.entity: r for r in extracted(extractor, text, title) if r.score is None}


def test_two_groups_in_one_sentence_keep_their_own_predicates(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2019, zona merah dihuni Badan Arsip Nasional dan Lembaga Sandi "
            "Negara, sedangkan zona hijau diraih Badan Standardisasi Nasional dan Badan Informasi Geospasial.")
    found = given(extractor, text)
    assert found["Badan Arsip Nasional"].predicate == ("zona merah",)
    assert found["Lembaga Sandi Negara"].predicate == ("zona merah",)
    assert found["Badan Standardisasi Nasional"].predicate == ("zona hijau",)
    assert found["Badan Informasi Geospasial"].predicate == ("zona hijau",)


def test_a_passive_award_verb_with_its_agent_opens_a_list(extractor):
    text = "Kemudian zona kuning diisi oleh Kementerian Pariwisata, Kementerian Perhubungan, serta Kementerian Pertanian."
    found = given(extractor, "Ombudsman menilai kepatuhan kementerian tahun 2019. " + text)
    assert set(found) == {"Kementerian Pariwisata", "Kementerian Perhubungan", "Kementerian Pertanian"}
    assert all(r.predicate == ("zona kuning",) for r in found.values())


def test_an_item_with_its_own_letter_keeps_it(extractor):
    text = ("Hasil evaluasi SAKIP 2023 diserahkan kepada pemda yang berpredikat A dan BB. Beberapa di antaranya "
            "ialah Pemkab Sleman (A), Pemkot Yogyakarta (BB), serta Pemkab Bantul (BB).")
    found = given(extractor, text)
    assert found["Pemerintah Kabupaten Sleman"].predicate == ("a",)
    assert found["Pemerintah Kota Yogyakarta"].predicate == ("bb",)
    assert found["Pemerintah Kabupaten Bantul"].predicate == ("bb",)


def test_counts_per_category_award_nothing(extractor):
    text = ("Berdasarkan rekap penilaian kepatuhan Ombudsman 2022, untuk unit layanan Dinas Kesehatan terdapat "
            "3 Zona Merah, lalu 8 Zona Kuning, serta 11 Zona Hijau.")
    assert given(extractor, text) == {}


def test_a_list_of_kinds_of_bodies_awards_nothing(extractor):
    text = ("Monev Komisi Informasi 2022 mencatat 120 badan publik informatif dari tujuh kategori BP, yaitu "
            "Kementerian, LNS (Lembaga Non Struktural), Pemprov (Pemerintah Provinsi), dan BUMN (Badan Usaha Milik Negara).")
    assert given(extractor, text) == {}


def test_a_predicate_named_again_does_not_head_a_list_of_supporters(extractor):
    text = ("Raihan Predikat Baik ini tak terlepas dari dukungan Perguruan Tinggi, yaitu Universitas Trunojoyo, dan "
            "dari perangkat daerah pengampu indikator SPBE, di antaranya: Inspektorat Daerah dan Dinas Kesehatan.")
    assert given(extractor, "Indeks SPBE Kabupaten Sampang 2021 berpredikat Baik. " + text) .keys() <= {"Pemerintah Kabupaten Sampang"}


def test_each_item_takes_the_year_said_with_it(extractor):
    text = ("Sejak survei kepatuhan Ombudsman digelar pada tahun 2013, predikat zona hijau hanya pernah diraih "
            "Pemerintah Kabupaten Kupang, yakni tahun 2015, serta Pemerintah Provinsi Bali untuk tahun 2018.")
    found = given(extractor, text)
    assert found["Pemerintah Kabupaten Kupang"].year == 2015
    assert found["Pemerintah Provinsi Bali"].year == 2018


def test_a_year_goes_to_the_label_it_stands_by(extractor):
    text = ("Pemerintah Kabupaten Muna meraih predikat zona hijau dalam penilaian kepatuhan Ombudsman tahun 2023, "
            "naik dari tahun 2021 yang masih zona kuning.")
    found = given(extractor, text)
    assert found["Pemerintah Kabupaten Muna"].predicate == ("zona hijau",)
    assert found["Pemerintah Kabupaten Muna"].year == 2023


def test_a_name_cut_off_by_the_page_is_no_entity(extractor):
    text = ("Untuk kategori OPD Pemerintah Provinsi Jawa Timur, predikat Informatif disabet sejumlah instansi, antara lain:\n"
            "• Dinas Sosial Jatim\n• RSUD Dr")
    assert set(given(extractor, text)) == {"Dinas Sosial Provinsi Jawa Timur"}


def test_a_predicate_given_to_someone_is_theirs(extractor):
    text = "Ombudsman RI memberikan predikat zona hijau kepada Pemerintah Kota Baubau dalam penilaian kepatuhan tahun 2020."
    assert given(extractor, text)["Pemerintah Kota Baubau"].predicate == ("zona hijau",)
    assert given(extractor, "Dalam monev KIP 2022, hal itu disampaikan Kepala Dinas Kominfo kepada Antara Kalteng.") == {}


def test_the_list_ends_where_a_clause_on_a_representative_begins(extractor):
    text = ("Menteri PAN-RB menyerahkan Penghargaan Predikat SAKIP BB kepada Pemkab Lamongan, yang diwakili Asisten III "
            "Sekretariat Daerah urusan Administrasi Umum.")
    assert set(given(extractor, text)) == {"Pemerintah Kabupaten Lamongan"}


def test_an_office_of_a_national_body_is_named_by_its_region(extractor):
    text = ("Hasil penilaian kepatuhan Ombudsman: Kanwil BPN Aceh memperoleh Predikat Kepatuhan Tinggi (Zona Hijau), "
            "dan Kantor Pertanahan Kabupaten Aceh Utara mendapat predikat zona merah.")
    assert set(given(extractor, text)) == {"Kantor Wilayah Badan Pertanahan Nasional Provinsi Aceh",
                                           "Kantor Pertanahan Kabupaten Aceh Utara"}


def test_a_zone_of_integrity_list_of_work_units(extractor):
    text = ("Kanwil Kemenkumham Sulawesi Tenggara berhasil mengantarkan lima satuan kerja meraih predikat WBK tahun "
            "2022, yaitu Lapas Kelas IIA Kendari, Rutan Kelas IIB Unaaha, Bapas Kelas II Baubau dan LPKA Kelas II Kendari.")
    found = given(extractor, text)
    assert set(found) == {"Lapas Kelas IIA Kendari", "Rutan Kelas IIB Unaaha", "Bapas Kelas II Baubau", "LPKA Kelas II Kendari"}
    assert {r.scheme for r in found.values()} == {"zi"} and {r.year for r in found.values()} == {2022}


def test_a_work_unit_of_a_ministry_is_not_the_ministry(extractor):
    text = ("KENDARI - Tiga satuan kerja Kementerian Agama di Sulawesi Tenggara meraih predikat WBK tahun 2023. "
            "Ketiganya adalah Kantor Kemenag Kota Kendari, MAN 1 Kendari, dan KUA Kecamatan Poasia.")
    found = given(extractor, text)
    assert "Kementerian Agama" not in found and "Pemerintah Kota Kendari" not in found
    assert {"Kantor Kementerian Agama Kota Kendari", "MAN 1 Kendari"} <= set(found)


def test_entities_each_followed_by_their_quoted_grade(extractor):
    text = 'Hasil evaluasi SAKIP tahun 2022, Pemprov Sultra meraih "BB", Pemkot Kendari "A", dan Pemkab Konawe "B".'
    found = given(extractor, text)
    assert {k: v.predicate for k, v in found.items()} == {
        "Pemerintah Provinsi Sulawesi Tenggara": ("bb",), "Pemerintah Kota Kendari": ("a",), "Pemerintah Kabupaten Konawe": ("b",)}


def test_a_clause_that_names_no_one_continues_the_entity_before(extractor):
    text = 'Hasil evaluasi Kementerian PANRB, Pemkab Bombana meraih predikat SAKIP "B" sedangkan indeks RB "CC".'
    records = extractor.extract(Article(text=text))
    assert {(r.entity, r.scheme, r.predicate) for r in records} == {
        ("Pemerintah Kabupaten Bombana", "sakip", ("b",)), ("Pemerintah Kabupaten Bombana", "rb", ("cc",))}


def test_a_list_named_first_takes_the_predicate_a_later_sentence_gives_the_group(extractor):
    text = ("Ada empat provinsi dengan nilai indeks inovasi paling rendah. Keempat provinsi itu ialah Aceh, Riau, "
            "Jambi, dan Bengkulu. Berdasarkan hasil penilaian Indeks Inovasi Daerah tahun 2021, keempat provinsi "
            "tersebut tergolong kategori kurang inovatif.")
    found = given(extractor, text)
    assert set(found) == {"Pemerintah Provinsi Aceh", "Pemerintah Provinsi Riau", "Pemerintah Provinsi Jambi",
                          "Pemerintah Provinsi Bengkulu"}
    assert {(r.predicate, r.year, r.scheme) for r in found.values()} == {(("kurang inovatif",), 2021, "other")}


def test_one_entitys_history_gives_a_record_per_time(extractor):
    text = ("Dalam evaluasi kinerja penyelenggara layanan publik Kementerian PANRB, predikat Dinas Dukcapil Kabupaten "
            "Bone terus menanjak: dua tahun lalu masih di kategori Cukup, lalu pada tahun 2019 naik dengan predikat "
            "Baik, dan tahun 2020 berubah menjadi Sangat Baik.")
    records = extractor.extract(Article(text=text))
    assert sorted((r.predicate, r.year) for r in records) == [
        (("baik",), 2019), (("cukup",), None), (("sangat baik",), 2020)]
    assert {r.entity for r in records} == {"Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bone"}


def test_a_report_card_colour_is_the_zone_and_a_contrasting_clause_keeps_the_award_word(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman tahun 2019, Kabupaten Bulukumba dan Kabupaten Sinjai mendapat rapor "
            "hijau, sedangkan Kabupaten Bone masih rapor merah.")
    found = given(extractor, text)
    assert {name: r.predicate for name, r in found.items()} == {
        "Pemerintah Kabupaten Bulukumba": ("rapor hijau",), "Pemerintah Kabupaten Sinjai": ("rapor hijau",),
        "Pemerintah Kabupaten Bone": ("rapor merah",)}


def test_a_contrasting_clause_without_its_verb_gives_its_own_label(extractor):
    text = "Opini Ombudsman 2023: Kabupaten Tana Toraja memperoleh opini kualitas tinggi, sementara Kabupaten Enrekang kualitas sedang."
    assert given(extractor, text)["Pemerintah Kabupaten Enrekang"].predicate == ("kualitas sedang",)


def test_the_same_predicate_as_the_one_before(extractor):
    text = ("Ombudsman menilai kepatuhan 2021. Kabupaten Enrekang meraih predikat Kepatuhan Tinggi, disusul "
            "Kabupaten Pinrang dengan predikat yang sama.")
    assert given(extractor, text)["Pemerintah Kabupaten Pinrang"].predicate == ("kepatuhan tinggi",)


def test_a_sentence_headed_by_a_label_lists_its_group(extractor):
    text = ("Hasil penilaian kepatuhan Ombudsman 2020 dirilis. Untuk zona merah, Kabupaten Bone dan Kabupaten Wajo. "
            "Sedangkan zona kuning ditempati Kabupaten Sinjai.")
    found = given(extractor, text)
    assert {name: r.predicate for name, r in found.items()} == {
        "Pemerintah Kabupaten Bone": ("zona merah",), "Pemerintah Kabupaten Wajo": ("zona merah",),
        "Pemerintah Kabupaten Sinjai": ("zona kuning",)}


def test_labels_given_respectively_pair_in_order_or_not_at_all(extractor):
    cue = "Dalam evaluasi pelayanan publik KemenPANRB 2023, "
    found = given(extractor, cue + "Polres Kendal, Polres Batang dan Polres Klaten masing-masing meraih predikat A, A- dan B.")
    assert {name: r.predicate for name, r in found.items()} == {
        "Polres Kendal": ("a",), "Polres Batang": ("a-",), "Polres Klaten": ("b",)}
    # two names, three letters: which is whose cannot be read
    assert given(extractor, cue + "Polres Kendal dan Polres Klaten masing-masing meraih predikat A, A- dan B.") == {}


def test_lines_of_a_list_each_name_then_their_labels(extractor):
    numbered = ("Hasil PEKPPP 2023 di lingkungan Pemprov Jateng:\n1. Dinas Kependudukan dan Pencatatan Sipil – Pelayanan "
                "Prima (A)\n2. DPMPTSP – Sangat Baik (A-)\n3. RSUD Tugurejo – Baik (B)")
    found = given(extractor, numbered)
    assert sorted(r.predicate for r in found.values()) == [("baik", "b"), ("pelayanan prima", "a"), ("sangat baik", "a-")]
    colons = ("Hasil PEKPPP 2023 jajaran Polda Jateng\nPolres Kendal: A (Pelayanan Prima)\nPolres Batang: A- (Sangat Baik)\n"
              "Polresta Surakarta: B (Baik)")
    assert {name: r.predicate for name, r in given(extractor, colons).items()} == {
        "Polres Kendal": ("a", "pelayanan prima"), "Polres Batang": ("a-", "sangat baik"),
        "Polresta Surakarta": ("b", "baik")}


def test_a_line_that_is_only_a_category_heads_the_names_below_it(extractor):
    text = ("Evaluasi Pelayanan Publik 2023 KemenPANRB\nKategori Pelayanan Prima\nPolres Kendal\nPolres Batang\n"
            "Kategori Sangat Baik\nPolres Klaten")
    assert {name: r.predicate for name, r in given(extractor, text).items()} == {
        "Polres Kendal": ("pelayanan prima",), "Polres Batang": ("pelayanan prima",), "Polres Klaten": ("sangat baik",)}


def test_a_category_and_its_letter_before_a_colon_head_the_list_after_it(extractor):
    text = ("Hasil Evaluasi Kinerja Penyelenggaraan Pelayanan Publik (PEKPPP) Tahun 2023 untuk unit pelayanan di Polda Jateng.\n"
            "Predikat A- (Sangat Baik): Polres Pemalang, Polres Brebes.")
    assert {name: r.predicate for name, r in given(extractor, text).items()} == {
        "Polres Pemalang": ("a-", "sangat baik"), "Polres Brebes": ("a-", "sangat baik")}


def test_a_colon_that_names_the_topic_leaves_the_list_to_the_next_introducer(extractor):
    text = "Penilaian kepatuhan Ombudsman 2018: zona hijau diraih Kabupaten Gowa, Takalar, Maros dan Kota Makassar."
    assert sorted(given(extractor, text)) == ["Pemerintah Kabupaten Gowa", "Pemerintah Kabupaten Maros",
                                             "Pemerintah Kabupaten Takalar", "Pemerintah Kota Makassar"]


@pytest.mark.parametrize("written", ["Satlantas Polres Kendal", "Pengadilan Tata Usaha Negara Makassar",
                                     "Kejaksaan Tinggi Sulawesi Selatan", "Balai Besar POM Makassar",
                                     "Perumda Air Minum Tirta Kahuripan"])
def test_service_units_of_every_kind_are_entities_by_their_head(extractor, written):
    text = f"Dalam evaluasi pelayanan publik KemenPANRB 2023, {written} meraih predikat Pelayanan Prima."
    assert list(given(extractor, text)) == [written]


def test_a_list_the_clause_then_says_was_not_assessed_gets_nothing(extractor):
    text = ("Empat pemerintah daerah yang menjalani penilaian Ombudsman itu seluruhnya mendapat predikat Kualitas Sedang.\n"
            "Adapun yang dinilai ialah Kota Gorontalo dan Kabupaten Boalemo.\n"
            "Di sisi lain, daerah lainnya, yaitu Kabupaten Bone Bolango dan Pohuwato, tidak ikut dinilai.")
    assert sorted(given(extractor, text)) == ["Pemerintah Kabupaten Boalemo", "Pemerintah Kota Gorontalo"]


def test_a_history_of_grades_each_with_its_year_and_a_span_of_years_is_no_round(extractor):
    text = ("Evaluasi SAKIP mencatat predikat Pemkab Serang naik dari tahun ke tahun. Pemkab Serang untuk tahun 2012 "
            "sampai 2015 memperoleh predikat CC, tahun 2016 naik menjadi B, dan tahun 2017 kembali naik menjadi BB.")
    records = extractor.extract(Article(text=text))
    assert sorted((r.predicate, r.year) for r in records) == [(("b",), 2016), (("bb",), 2017), (("cc",), None)]


def test_a_unit_word_in_lower_case_before_a_function_word_names_no_unit(extractor):
    text = ("Menurutnya, puskesmas yang menjadi garda terdepan layanan kesehatan wajib memberi teladan, "
            "sejalan dengan pembangunan zona integritas menuju WBK.")
    assert given(extractor, text) == {}


@pytest.mark.parametrize("text, labels", [
    ("Rutan Kelas IIB Bantaeng berhasil meraih predikat Zona Integritas menuju Wilayah Bebas dari Korupsi (WBK) "
     "dari Kementerian PANRB tahun 2022.", ("wilayah bebas dari korupsi", "wbk")),
    ("Pengadilan Negeri Sinjai resmi menyandang predikat Zona Integritas Menuju WBK tahun 2023.", ("wbk",)),
    ("Kantor Imigrasi Kelas II TPI Parepare ditetapkan sebagai unit kerja berpredikat Menuju WBK oleh KemenPANRB "
     "pada 2021.", ("wbk",)),
    ("Tahun ini, Lapas Kelas IIA Watampone mengusulkan diri untuk dinilai menuju WBBM setelah meraih WBK pada 2021.",
     ("wbk",)),
])
def test_menuju_wbk_after_an_award_word_is_the_awards_name(extractor, text, labels):
    [record] = given(extractor, text).values()
    assert record.predicate == labels and record.scheme == "zi"


def test_menuju_wbk_as_a_goal_is_no_award(extractor):
    text = "Sebanyak 17 puskesmas di Kabupaten Bantaeng mencanangkan pembangunan Zona Integritas menuju WBK dan WBBM."
    assert given(extractor, text) == {}


def test_several_groups_in_one_clause_each_take_the_label_before_their_introducer(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2019, daerah yang masuk zona hijau yakni Kabupaten Gowa dan Kota "
            "Makassar, zona kuning yakni Kabupaten Bone dan Kabupaten Wajo, dan zona merah yakni Kabupaten Soppeng.")
    assert {name: r.predicate for name, r in given(extractor, text).items()} == {
        "Pemerintah Kabupaten Gowa": ("zona hijau",), "Pemerintah Kota Makassar": ("zona hijau",),
        "Pemerintah Kabupaten Bone": ("zona kuning",), "Pemerintah Kabupaten Wajo": ("zona kuning",),
        "Pemerintah Kabupaten Soppeng": ("zona merah",)}


def test_the_n_of_them_takes_the_label_for_a_group_of_n_named_before(extractor):
    named = "Penilaian kepatuhan Ombudsman 2019 menilai Kabupaten Gowa, Kabupaten Takalar dan Kota Makassar. "
    assert len(given(extractor, named + "Ketiganya meraih zona hijau.")) == 3
    assert given(extractor, named + "Keduanya meraih zona hijau.") == {}   # two of three: which two?


def test_bodies_of_a_sentence_opening_on_likewise_share_the_label_before(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2019, Kabupaten Gowa meraih zona hijau. Begitu pula Kabupaten "
            "Takalar dan Kota Makassar.")
    assert {name: r.predicate for name, r in given(extractor, text).items()} == {
        "Pemerintah Kabupaten Gowa": ("zona hijau",), "Pemerintah Kabupaten Takalar": ("zona hijau",),
        "Pemerintah Kota Makassar": ("zona hijau",)}


def test_a_category_restated_as_its_letter_is_both_labels(extractor):
    text = ("Berdasarkan evaluasi kinerja penyelenggaraan pelayanan publik 2024, Disdukcapil Kabupaten Klaten "
            "mendapat predikat \"Pelayanan Prima\" atau A dari Kementerian PANRB.")
    [record] = extractor.extract(Article(text=text))
    assert record.predicate == ("pelayanan prima", "a") and record.score is None


def test_a_letter_grade_right_after_a_verb_of_receiving_is_the_grade(extractor):
    text = ("Berdasarkan hasil evaluasi AKIP 2023, Pemkab Wonosobo memperoleh predikat B dengan nilai 68,44, "
            "sedangkan Pemkab Temanggung memperoleh BB.")
    found = given(extractor, text)
    assert found["Pemerintah Kabupaten Temanggung"].predicate == ("bb",)
    assert found["Pemerintah Kabupaten Temanggung"].scheme == "sakip"


def test_a_letter_after_a_verb_that_starts_a_name_is_no_grade(extractor):
    text = "Dalam evaluasi SAKIP 2023, Pemkab Wonosobo menerima A Karim, tim evaluator dari kementerian."
    assert given(extractor, text) == {}


def test_a_nomination_is_no_award(extractor):
    text = ("Komisi Informasi Provinsi Banten menetapkan sepuluh badan publik sebagai nominasi Informatif, di antaranya "
            "Kabupaten Lebak, Kota Cilegon dan Kabupaten Pandeglang.")
    assert given(extractor, text) == {}


def test_the_lowest_bands_of_the_public_service_index_are_labels_too(extractor):
    text = "Dalam evaluasi PEKPPP 2023, Polres Boyolali meraih kategori B, sedangkan Polres Sragen masuk kategori Buruk."
    assert given(extractor, text)["Polres Sragen"].predicate == ("buruk",)


def test_two_integrity_zone_labels_for_two_units_pair_in_order(extractor):
    text = "Dalam penganugerahan ZI 2023, Polres Sragen dan Polres Boyolali meraih predikat WBK dan WBBM."
    found = given(extractor, text)
    assert (found["Polres Sragen"].predicate, found["Polres Boyolali"].predicate) == (("wbk",), ("wbbm",))


def test_a_label_and_its_long_form_are_one_label_not_two_groups(extractor):
    text = "Polres Sragen dan Polres Boyolali meraih predikat Wilayah Bebas dari Korupsi (WBK) tahun 2023."
    found = given(extractor, text)
    assert found["Polres Sragen"].predicate == found["Polres Boyolali"].predicate == (
        "wilayah bebas dari korupsi", "wbk")


def test_a_history_with_each_year_after_its_label_is_a_record_per_label(extractor):
    text = "Pengadilan Negeri Sragen meraih predikat WBK pada 2021 dan WBBM pada 2023."
    records = extractor.extract(Article(text=text))
    assert sorted((r.predicate, r.year) for r in records) == [(("wbbm",), 2023), (("wbk",), 2021)]


def test_the_unit_pointed_back_at_takes_its_earlier_label(extractor):
    text = "Polres Sragen kini menyandang predikat WBBM. Sebelumnya, pada 2021, polres tersebut meraih WBK."
    records = extractor.extract(Article(text=text))
    assert sorted((r.entity, r.predicate, r.year) for r in records) == [
        ("Polres Sragen", ("wbbm",), None), ("Polres Sragen", ("wbk",), 2021)]


def test_a_lists_generic_category_after_a_colon_is_its_label(extractor):
    text = ("Hasil evaluasi kinerja penyelenggaraan pelayanan publik Kementerian PANRB tahun 2023:\n"
            "- Polres Sragen: Pelayanan Prima\n- Polres Boyolali: Sangat Baik\n- Polres Klaten: Baik")
    found = given(extractor, text)
    assert [found[n].predicate for n in ("Polres Sragen", "Polres Boyolali", "Polres Klaten")] == [
        ("pelayanan prima",), ("sangat baik",), ("baik",)]


def test_a_generic_category_capitalised_mid_sentence_is_a_label(extractor):
    text = ("Dalam evaluasi pelayanan publik 2023, Polres Sragen meraih predikat Pelayanan Prima, Polres Boyolali "
            "meraih Sangat Baik, sementara Polres Klaten masih Baik.")
    found = given(extractor, text)
    assert (found["Polres Boyolali"].predicate, found["Polres Klaten"].predicate) == (("sangat baik",), ("baik",))


def test_a_generic_word_in_lower_case_prose_is_no_label(extractor):
    text = "Dalam evaluasi pelayanan publik 2023, pelayanan Polres Sragen dinilai masyarakat sudah sangat baik."
    assert given(extractor, text) == {}


def test_one_body_given_two_awards_in_one_sentence_has_a_record_for_each_with_its_year(extractor):
    text = "Polres Sragen yang meraih WBK pada 2021 kini meraih predikat WBBM pada penganugerahan ZI 2023."
    records = extractor.extract(Article(text=text))
    assert sorted((r.predicate, r.year) for r in records) == [(("wbbm",), 2023), (("wbk",), 2021)]


def test_a_year_between_the_name_and_its_verb_is_no_count_of_a_group(extractor):
    text = "Setelah bertahun-tahun berbenah, Polres Sragen tahun 2023 berhasil meraih WBBM."
    assert [(r.entity, r.predicate, r.year) for r in extractor.extract(Article(text=text))] == [
        ("Polres Sragen", ("wbbm",), 2023)]


def test_a_groups_label_restated_in_brackets_still_leads_its_list(extractor):
    text = ("Penilaian kepatuhan Ombudsman 2023 kategori kementerian: zona hijau (kualitas tertinggi) diraih "
            "Kementerian Agama dan Kementerian Sosial.")
    found = given(extractor, text)
    assert set(found) == {"Kementerian Agama", "Kementerian Sosial"}
    assert found["Kementerian Sosial"].predicate == ("zona hijau", "kualitas tertinggi")


@pytest.mark.parametrize("joined", ["dengan kategori", "atau", "dengan predikat"])
def test_a_second_label_joined_to_the_first_is_the_same_bodys(extractor, joined):
    text = f"Dalam penilaian kepatuhan Ombudsman RI tahun 2023, Pemkab Sinjai masuk zona hijau {joined} kualitas tertinggi."
    [record] = given(extractor, text).values()
    assert record.predicate == ("zona hijau", "kualitas tertinggi")


def test_a_label_joined_by_and_to_another_body_stays_that_bodys(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman RI tahun 2023, Pemkab Sinjai masuk zona hijau dan Pemkab Bone "
            "zona kuning.")
    found = given(extractor, text)
    assert found["Pemerintah Kabupaten Sinjai"].predicate == ("zona hijau",)


@pytest.mark.parametrize("text, now, before", [
    ("Dalam penilaian kepatuhan Ombudsman tahun 2023, Kota Parepare berhasil naik dari zona kuning ke zona hijau.",
     "zona hijau", "zona kuning"),
    ("Dalam evaluasi SAKIP 2023, Pemkab Bone naik dari predikat B menjadi BB.", "bb", "b"),
    ("Predikat SAKIP Pemkab Bone tahun 2023 naik dari B menjadi BB.", "bb", "b"),
    ("Dalam monev keterbukaan informasi publik 2023, Pemkab Bone naik dari kategori Cukup Informatif menjadi "
     "Informatif.", "informatif", "cukup informatif"),
    ("Dalam penilaian kepatuhan Ombudsman 2023, Pemkab Bone meninggalkan zona merah dan naik ke zona kuning.",
     "zona kuning", "zona merah"),
    ("Pemkab Bone akhirnya lepas dari predikat zona kuning dan meraih zona hijau dalam penilaian kepatuhan Ombudsman "
     "2023.", "zona hijau", "zona kuning"),
])
def test_a_change_gives_the_label_it_changed_to_and_the_one_it_left_without_a_year(extractor, text, now, before):
    records = [r for r in extracted(extractor, text) if r.score is None]
    assert sorted((r.predicate, r.year) for r in records) == sorted([((now,), 2023), ((before,), None)])
    assert len({r.entity for r in records}) == 1


def test_a_change_from_a_label_to_one_that_no_body_takes_gives_nothing(extractor):
    text = "Dalam evaluasi SAKIP 2023, banyak daerah naik dari predikat B menjadi BB."
    assert given(extractor, text) == {}


@pytest.mark.parametrize("text", [
    "Dalam penilaian kepatuhan Ombudsman 2023, Kabupaten Bone masuk zona hijau bersama Kabupaten Wajo dan Kota Parepare.",
    "Dalam penilaian kepatuhan Ombudsman 2023, Kabupaten Bone, bersama Kabupaten Wajo dan Kota Parepare, masuk zona hijau.",
])
def test_bodies_together_with_one_given_a_label_share_it(extractor, text):
    found = given(extractor, text)
    assert {"Pemerintah Kabupaten Bone", "Pemerintah Kabupaten Wajo"} <= set(found)
    assert all(r.predicate == ("zona hijau",) for r in found.values())


def test_a_body_together_with_one_but_given_its_own_label_keeps_it(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2023, Kabupaten Bone masuk zona hijau, bersama Kabupaten Wajo yang "
            "masuk zona kuning.")
    found = given(extractor, text)
    assert found["Pemerintah Kabupaten Wajo"].predicate == ("zona kuning",)


def test_after_a_cued_grade_each_later_name_of_the_list_gives_its_own_letter(extractor):
    text = "Dalam evaluasi PEKPPP 2021, Polres Boyolali meraih nilai B-, Polres Klaten C dan Polres Sragen D."
    assert {name: r.predicate for name, r in given(extractor, text).items()} == {
        "Polres Boyolali": ("b-",), "Polres Klaten": ("c",), "Polres Sragen": ("d",)}
    # a class letter in a name is no grade
    text = "Dalam evaluasi SAKIP 2021, Pemkab Boyolali meraih predikat BB, sedangkan RSUD Tipe C Sragen belum dinilai."
    assert set(given(extractor, text)) == {"Pemerintah Kabupaten Boyolali"}


def test_a_police_service_unit_is_named_with_its_polres(extractor):
    text = ("Dalam evaluasi PEKPPP 2021, Satpas Polresta Surakarta meraih predikat B- (Baik dengan catatan) dan SPKT "
            "Polres Boyolali meraih C- (Cukup dengan catatan).")
    assert set(given(extractor, text)) == {"Satpas Polresta Surakarta", "SPKT Polres Boyolali"}


@pytest.mark.parametrize("text", [
    "Dalam penilaian kepatuhan Ombudsman 2023, jika nilai di atas 88, Pemkab Bone masuk zona hijau.",
    "Dalam penilaian kepatuhan Ombudsman 2023, apabila Pemkab Bone meraih nilai 90, maka masuk zona hijau.",
    "Dalam penilaian kepatuhan Ombudsman 2023, Pemkab Bone batal meraih zona hijau karena nilainya turun.",
    "Dalam penilaian kepatuhan Ombudsman 2023, Pemkab Bone nyaris masuk zona hijau.",
    "Dalam penilaian kepatuhan Ombudsman 2023, Pemkab Bone terancam turun ke zona kuning.",
])
def test_a_supposed_missed_or_threatened_result_gives_no_record(extractor, text):
    assert extracted(extractor, text) == []


def test_a_condition_word_that_only_opens_a_view_still_reports(extractor):
    text = "Bila dilihat dari hasil penilaian kepatuhan Ombudsman 2023, Pemkab Bone meraih 88,5."
    assert [r.score for r in extracted(extractor, text)] == [88.5]


@pytest.mark.parametrize("lines", [
    "Polres Blora (A-)\nPolres Rembang (A)\nPolres Pati (B)",                       # no bullets, a bracketed letter
    "1. Polres Blora A- (Pelayanan Prima)\n2. Polres Rembang A (Sangat Baik)\n3. Polres Pati B (Baik)",
])
def test_list_lines_with_a_letter_after_the_name_give_each_its_grade(extractor, lines):
    text = "Berikut hasil evaluasi PEKPPP tahun 2023 untuk polres di Jawa Tengah:\n" + lines
    found = given(extractor, text)
    assert [found[n].predicate[0] for n in ("Polres Blora", "Polres Rembang", "Polres Pati")] == ["a-", "a", "b"]


def test_a_numbered_lines_category_after_the_name_is_its_own(extractor):
    text = ("Berikut hasil evaluasi PEKPPP tahun 2023 untuk polres di Jawa Tengah:\n1. Polres Blora Pelayanan Prima\n"
            "2. Polres Rembang Sangat Baik\n3. Polres Pati Baik")
    assert {n: r.predicate for n, r in given(extractor, text).items()} == {
        "Polres Blora": ("pelayanan prima",), "Polres Rembang": ("sangat baik",), "Polres Pati": ("baik",)}
    # in prose a capitalised everyday word after a name is no category
    assert extracted(extractor, "Dalam evaluasi PEKPPP 2023, warga Polres Rembang Baik hati.") == []


def test_a_class_letter_before_a_bracket_is_no_grade(extractor):
    text = "Dalam evaluasi PEKPPP 2023, RSUD Tipe C (Sangat Baik) meraih penghargaan."
    assert all("c" not in r.predicate for r in extracted(extractor, text))


@pytest.mark.parametrize("text", [
    "Komisi Informasi Provinsi Jambi menetapkan Pemerintah Kabupaten Kerinci sebagai badan publik Informatif "
    "dalam monitoring dan evaluasi keterbukaan informasi publik 2023.",
    "Pemerintah Kabupaten Kerinci ditetapkan oleh Komisi Informasi Provinsi Jambi sebagai badan publik Informatif "
    "dalam monitoring dan evaluasi keterbukaan informasi publik 2023.",
    "Pemerintah Kabupaten Kerinci dinobatkan sebagai Badan Publik Informatif dalam monitoring dan evaluasi "
    "keterbukaan informasi publik 2023.",
])
def test_a_body_named_as_what_its_label_makes_it_is_given_the_label(extractor, text):
    found = given(extractor, text)
    assert {name: r.predicate for name, r in found.items()} == {"Pemerintah Kabupaten Kerinci": ("informatif",)}


@pytest.mark.parametrize("text", [
    # a group, not one named body
    "Komisi Informasi menetapkan lima badan publik sebagai badan publik Informatif dalam monitoring keterbukaan informasi publik.",
    "Komisi Informasi tidak menetapkan Pemkab Kerinci sebagai badan publik Informatif dalam monitoring keterbukaan informasi publik.",
    # what is done in order to get a label is not getting it
    "Bupati Kerinci menetapkan Dinas Kominfo sebagai pengelola PPID agar meraih predikat Informatif dalam monitoring "
    "keterbukaan informasi publik.",
    "Dinas Kominfo Kerinci berbenah supaya bisa kembali meraih predikat Informatif dalam monitoring keterbukaan informasi publik.",
])
def test_naming_a_group_denied_or_worked_for_gives_no_record(extractor, text):
    assert given(extractor, text) == {}


@pytest.mark.parametrize("pointer", ["Ke-3 kabupaten tersebut", "3 kabupaten itu", "Ketiga kabupaten tersebut",
                                     "Tiga kabupaten tersebut"])
def test_a_group_pointed_back_at_with_its_number_in_any_writing_takes_the_label(extractor, pointer):
    text = ("Ombudsman RI Perwakilan NTT juga menilai kepatuhan tiga kabupaten lain pada 2019, yakni Pemerintah "
            "Kabupaten Ende, lalu Pemerintah Kabupaten Sikka, serta Pemerintah Kabupaten Ngada.\n\n"
            f"Sayangnya, {pointer} masih tergolong kepatuhan rendah.")
    found = given(extractor, text)
    assert {name: (r.predicate, r.year) for name, r in found.items()} == {
        name: (("kepatuhan rendah",), 2019) for name in
        ("Pemerintah Kabupaten Ende", "Pemerintah Kabupaten Sikka", "Pemerintah Kabupaten Ngada")}
    # a number that is not theirs points at another group
    assert given(extractor, text.replace(pointer, "Ke-4 kabupaten tersebut")) == {}


def test_the_directorates_and_units_of_a_police_command_are_bodies_of_their_own(extractor):
    text = ("Dalam pembangunan zona integritas tahun 2023, Polsek Cicendo, Satreskrim Polresta Bogor Kota dan "
            "Ditlantas Polda Jabar meraih predikat WBK.")
    found = given(extractor, text)
    assert {name.split(" Provinsi")[0] for name in found} == {"Polsek Cicendo", "Satreskrim Polresta Bogor Kota",
                                                              "Ditlantas Polda Jabar"}
    assert all(r.predicate == ("wbk",) for r in found.values())


@pytest.mark.parametrize("opening", [
    "Dua OPD Pemkot Kendari Raih Zona Hijau Ombudsman\n\nKENDARI - ",
    "Pada penilaian kepatuhan Ombudsman 2023, dua OPD Pemkot Kendari meraih zona hijau. ",
])
def test_a_group_given_a_label_by_its_number_then_named_takes_the_label(extractor, opening):
    text = opening + "Dinas Sosial dan Dinas Kesehatan Kota Kendari menerima penghargaan dari Ombudsman RI."
    found = given(extractor, text)
    assert {name: r.predicate for name, r in found.items()} == {
        "Dinas Sosial Kota Kendari": ("zona hijau",), "Dinas Kesehatan Kota Kendari": ("zona hijau",)}


@pytest.mark.parametrize("named", [
    "Dinas Sosial, Dinas Kesehatan dan Disdukcapil Kota Kendari menerima penghargaan dari Ombudsman RI.",  # three, not two
    "Dinas Sosial dan Dinas Kesehatan Kota Kendari tidak menerima penghargaan dari Ombudsman RI.",
    "Dinas Sosial dan Dinas Kesehatan Kota Kendari dikunjungi tim Ombudsman RI.",  # no award told
])
def test_a_named_group_that_is_not_the_counted_one_takes_nothing(extractor, named):
    text = "Pada penilaian kepatuhan Ombudsman 2023, dua OPD Pemkot Kendari meraih zona hijau. " + named
    assert given(extractor, text) == {}


def test_the_subject_before_a_relative_clause_in_commas_is_given_the_label_after_it(extractor):
    text = ("Kota Kupang, yang tahun lalu berada di zona kuning, kini meraih zona hijau dalam penilaian kepatuhan "
            "Ombudsman 2023.")
    records = [r for r in extracted(extractor, text) if r.score is None]
    assert sorted((r.predicate, r.year) for r in records) == [(("zona hijau",), 2023), (("zona kuning",), None)]
    assert {r.entity for r in records} == {"Pemerintah Kota Kupang"}


def test_the_members_of_a_group_in_brackets_after_its_label_take_it(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2023, tiga daerah masuk zona merah (Kabupaten Ende, Kabupaten Sikka, "
            "dan Kota Kupang).")
    assert {name: r.predicate for name, r in given(extractor, text).items()} == {
        name: ("zona merah",) for name in ("Pemerintah Kabupaten Ende", "Pemerintah Kabupaten Sikka", "Pemerintah Kota Kupang")}
    # a bracket that holds more than names is no list of members
    text = "Dalam penilaian kepatuhan Ombudsman 2023, Kota Kupang masuk zona hijau (Kabupaten Ende zona kuning)."
    assert given(extractor, text)["Pemerintah Kota Kupang"].predicate == ("zona hijau",)
    assert given(extractor, text)["Pemerintah Kabupaten Ende"].predicate == ("zona kuning",)


@pytest.mark.parametrize("verb, shared", [("juga mendapatkan", True), ("tidak mendapatkan", False)])
def test_bodies_said_in_the_next_sentence_to_get_the_same_label_share_it(extractor, verb, shared):
    text = ("Dalam penilaian kepatuhan Ombudsman 2023, Kota Kupang meraih predikat zona hijau. Kabupaten Ende dan "
            f"Kabupaten Sikka {verb} predikat yang sama.")
    found = given(extractor, text)
    others = {name for name in found if name != "Pemerintah Kota Kupang"}
    assert others == ({"Pemerintah Kabupaten Ende", "Pemerintah Kabupaten Sikka"} if shared else set())
    assert all(r.predicate == ("zona hijau",) for r in found.values())


def test_the_integrity_surveys_bands_are_labels_after_a_cue_and_everyday_words_elsewhere(extractor):
    text = "Hasil Survei Penilaian Integritas (SPI) KPK 2023 menempatkan Pemkab Wonosobo pada skor 74,5 atau kategori waspada."
    assert [(r.score, r.predicate, r.scheme) for r in extracted(extractor, text)] == [(74.5, ("waspada",), "other")]
    text = ("Hasil Survei Penilaian Integritas (SPI) KPK 2023: Pemkab Wonosobo mencatat skor 74,5. Masyarakat diminta "
            "tetap waspada terhadap pungli.")
    assert [r.predicate for r in extracted(extractor, text)] == [()]


def test_a_call_on_others_to_get_a_label_and_an_aim_after_a_result_give_no_record(extractor):
    text = "Dalam penilaian kepatuhan Ombudsman 2024, Bupati meminta seluruh OPD Pemkab Lembata meraih zona hijau."
    assert extracted(extractor, text) == []
    text = ("Pemkab Lembata meraih nilai 78,20 pada penilaian kepatuhan Ombudsman 2023. Tahun ini Pemkab Lembata "
            "bertekad meraih nilai 90.")
    assert [(r.score, r.year) for r in extracted(extractor, text)] == [(78.2, 2023)]


@pytest.mark.parametrize("one_of", ["menjadi satu-satunya daerah di NTT", "menjadi salah satu daerah",
                                    "termasuk dalam 12 daerah", "merupakan satu dari tiga kabupaten di NTT"])
def test_a_body_said_to_be_one_of_the_group_a_relative_clause_labels_takes_the_label(extractor, one_of):
    text = f"Pada penilaian kepatuhan Ombudsman 2021, Kabupaten Lembata {one_of} yang meraih zona hijau."
    assert {name: r.predicate for name, r in given(extractor, text).items()} == {
        "Pemerintah Kabupaten Lembata": ("zona hijau",)}


@pytest.mark.parametrize("relative", ["yang belum meraih zona hijau", "yang menargetkan zona hijau"])
def test_one_of_a_group_denied_or_aiming_at_a_label_takes_nothing(extractor, relative):
    text = f"Pada penilaian kepatuhan Ombudsman 2021, Kabupaten Lembata menjadi salah satu daerah {relative}."
    assert given(extractor, text) == {}


@pytest.mark.parametrize("handed", [
    "Penghargaan zona hijau penilaian kepatuhan Ombudsman 2023 diterima langsung oleh Bupati Lembata.",
    "Penghargaan zona hijau penilaian kepatuhan Ombudsman 2023 diserahkan kepada Bupati Lembata di Kupang.",
    "Status zona hijau Ombudsman berhasil dipertahankan Pemkab Lembata pada penilaian kepatuhan 2023.",
])
def test_a_label_handed_to_or_kept_by_a_body_in_the_passive_is_its(extractor, handed):
    assert {name: r.predicate for name, r in given(extractor, handed).items()} == {
        "Pemerintah Kabupaten Lembata": ("zona hijau",)}


def test_the_heads_of_a_counted_group_of_bodies_are_no_body(extractor):
    text = ("Bupati Lembata menyambut Ombudsman. Piagam zona hijau penilaian kepatuhan Ombudsman 2023 diserahkan "
            "kepada dua Kepala UPT Puskesmas.")
    assert given(extractor, text) == {}


@pytest.mark.parametrize("compared, label, year", [
    ("Capaian ini membaik dibanding tahun lalu, saat masih berada di zona kuning.", "zona kuning", None),
    ("Nilai itu naik dibanding tahun 2021, ketika Pemprov Jambi masih tergolong zona merah.", "zona merah", 2021),
    ("Capaian tersebut lebih baik ketimbang tahun 2021, ketika masih di zona kuning.", "zona kuning", 2021),
    ("Hasil ini meningkat dari tahun sebelumnya yang masih berada di zona kuning.", "zona kuning", None),
])
def test_a_label_of_the_time_a_told_result_is_compared_with_is_the_bodys_earlier_state(extractor, compared, label,
                                                                                          year):
    text = "Dalam penilaian kepatuhan Ombudsman 2022, Pemprov Jambi meraih nilai 79,35. " + compared
    records = extracted(extractor, text)
    assert sorted(((r.score or 0), r.predicate, r.year or 0) for r in records) == [
        (0, (label,), year or 0), (79.35, (), 2022)]
    assert {r.entity for r in records} == {"Pemerintah Provinsi Jambi"}


def test_an_earlier_label_of_no_stated_round_is_kept_beside_the_scored_result_it_conflicts_with(extractor):
    text = ("Pemkab Lebak untuk tahun 2012 sampai 2015 memperoleh predikat SAKIP CC, tahun 2016 naik menjadi B, dan "
            "tahun 2017 kembali naik menjadi BB. Pada evaluasi SAKIP 2018 Pemkab Lebak meraih predikat BB dengan "
            "nilai 74,54. Dalam daftar itu Kabupaten Lebak meraih 74,54.")
    found = sorted(((r.score or 0), r.predicate, r.year or 0) for r in extracted(extractor, text))
    assert found == [(0, ("b",), 2016), (0, ("bb",), 2017), (0, ("cc",), 0), (74.54, ("bb",), 2018)]


@pytest.mark.parametrize("quote, speaker, entity", [
    ("Alhamdulillah, tahun ini kita kembali meraih zona hijau", "kata Bupati Lembata, Thomas Ola",
     "Pemerintah Kabupaten Lembata"),
    ("Tahun ini kami berhasil meraih zona hijau", "ujar Kepala Dinas Kesehatan Lembata", "Dinas Kesehatan Kabupaten Lembata"),
])
def test_what_the_speaker_says_we_got_is_the_speakers_offices(extractor, quote, speaker, entity):
    text = f"Hasil penilaian kepatuhan Ombudsman 2023 sudah diumumkan. “{quote},” {speaker}."
    assert {name: r.predicate for name, r in given(extractor, text).items()} == {entity: ("zona hijau",)}


@pytest.mark.parametrize("quote", ["Kita harus belajar dari daerah yang meraih zona hijau",
                                   "Kita bisa meraih zona hijau kalau semua OPD berbenah"])
def test_what_we_should_learn_from_or_could_get_is_no_result(extractor, quote):
    text = f"Hasil penilaian kepatuhan Ombudsman 2023 sudah diumumkan. “{quote},” kata Bupati Lembata."
    assert given(extractor, text) == {}


@pytest.mark.parametrize("text", [
    "Pemkab Lembata mengusulkan Dinas Kesehatan dan RSUD Lewoleba sebagai calon unit kerja berpredikat WBK tahun 2024.",
    "Dinas Kesehatan Lembata ditetapkan sebagai unit kerja yang diusulkan meraih predikat WBK.",
])
def test_a_candidate_for_a_label_is_not_given_it(extractor, text):
    assert given(extractor, text) == {}


@pytest.mark.parametrize("history, before, now", [
    ("Kota Kupang, yang sebelumnya berada di zona kuning, kini meraih zona hijau.", "zona kuning", "zona hijau"),
    ("Kota Kupang yang sebelumnya berada di zona kuning kini meraih zona hijau.", "zona kuning", "zona hijau"),
    ("Kota Kupang yang tahun lalu masih zona merah kini naik ke zona kuning.", "zona merah", "zona kuning"),
])
def test_a_label_set_against_one_said_of_now_is_the_bodys_earlier_one(extractor, history, before, now):
    text = "Dalam penilaian kepatuhan Ombudsman 2023, " + history
    assert sorted((r.predicate, r.year or 0) for r in extracted(extractor, text)) == sorted(
        [((before,), 0), ((now,), 2023)])


@pytest.mark.parametrize("opening, now_year", [("Dalam penilaian Zona Integritas 2023, ", 2023), ("", None)])
def test_a_label_told_with_its_year_after_it_and_one_told_as_now_are_two_rounds(extractor, opening, now_year):
    text = opening + "Lapas Kelas IIB Lembata berhasil meraih WBK pada 2022 dan tahun ini naik ke WBBM."
    assert sorted((r.predicate, r.year or 0) for r in extracted(extractor, text)) == [
        (("wbbm",), now_year or 0), (("wbk",), 2022)]


@pytest.mark.parametrize("written", ["SLBN 1 Lembata", "UPTD XYZ 2 Lembata", "SMK Negeri 2 Lembata"])
def test_the_place_that_ends_a_numbered_units_name_is_part_of_it_and_no_government(extractor, written):
    text = f"Pada penilaian Zona Integritas 2023, predikat WBK diraih {written} dan MTsN 1 Lembata."
    assert set(given(extractor, text)) == {written, "MTsN 1 Lembata"}


def test_an_award_restated_without_its_year_and_a_goal_before_a_full_stop_add_nothing(extractor):
    text = ("Pengadilan Agama Lembata meraih predikat WBK dalam penilaian Zona Integritas tahun 2023.\nKetua "
            "Pengadilan Agama Lembata menyatakan predikat WBK menjadi pemacu untuk melangkah menuju WBBM pada tahun "
            "berikutnya.")
    assert [(r.predicate, r.year) for r in extracted(extractor, text)] == [(("wbk",), 2023)]


@pytest.mark.parametrize("text", [
    "Kabupaten Lebak kembali masuk zona merah penyebaran Covid-19 setelah kasus harian melonjak.",
    "Kabupaten Lebak kini berstatus zona kuning risiko penularan Covid-19.",
    "Kecamatan Cibeber disebut sebagai zona merah peredaran narkoba oleh BNN.",
    "Kabupaten Lebak masuk zona hijau kerawanan pemilu menurut Bawaslu.",
    "Satgas menetapkan Kota Serang sebagai zona oranye, sedangkan Kabupaten Lebak masih zona hijau.",
])
def test_a_zone_of_another_map_is_no_ombudsman_zone(extractor, text):
    assert extracted(extractor, text) == []


def test_a_story_of_another_map_that_never_names_ombudsman_gives_its_zones_to_no_one(extractor):
    story = ("Satgas Penanganan Covid-19 merilis peta risiko terbaru. Kasus positif Covid-19 di Banten bertambah.\n\n"
             "Kabupaten Lebak masih berada di zona hijau. Sementara Kota Serang masuk zona merah.")
    assert extracted(extractor, story) == []
    # the same sentences in a story of Ombudsman's assessment told beside the pandemic are its results
    told = ("Ombudsman RI menyerahkan hasil penilaian kepatuhan 2020 di tengah pandemi Covid-19.\n\n"
            "Kabupaten Lebak masih berada di zona hijau. Sementara Kota Serang masuk zona merah.")
    assert {r.entity: r.predicate for r in extracted(extractor, told)} == {
        "Pemerintah Kabupaten Lebak": ("zona hijau",), "Pemerintah Kota Serang": ("zona merah",)}


def test_a_colour_the_story_gives_to_another_maps_zone_is_that_maps_in_its_other_bare_zones(extractor):
    story = ("SIDOARJO - Kabupaten Sidoarjo kembali masuk zona merah atau wilayah dengan risiko tinggi penularan "
             "Covid-19. Selain Sidoarjo, Kota Surabaya dan Kabupaten Gresik juga berstatus zona merah. Dalam pembaruan "
             "pekan ini, skor zonasi Sidoarjo tercatat 1,79, turun dari 1,95. Ombudsman RI Perwakilan Jawa Timur "
             "mengingatkan pentingnya penilaian kepatuhan standar pelayanan.")
    assert extracted(extractor, story) == []
    # a zone of that colour, or a value, in a sentence that names the assessment stays its result
    named = story + " Dalam penilaian kepatuhan Ombudsman 2020, Kabupaten Gresik masuk zona merah dengan nilai 48,10."
    assert [(r.entity, r.predicate, r.score) for r in extracted(extractor, named)] == [
        ("Pemerintah Kabupaten Gresik", ("zona merah",), 48.1)]
    # a story of the assessment that mentions another map's zone later keeps its own bare zones
    later = ("Penilaian kepatuhan Ombudsman 2022 resmi diumumkan. Kabupaten Sumba juga masuk zona hijau kerawanan "
             "pemilu menurut Bawaslu. Kabupaten Belu kembali meraih zona hijau dalam penilaian itu.")
    assert [(r.entity, r.predicate) for r in extracted(extractor, later)] == [("Pemerintah Kabupaten Belu", ("zona hijau",))]
    # and Ombudsman's own words restating a zone are no other map's domain
    restated = "Dalam penilaian kepatuhan 2020, Kabupaten Gresik meraih zona hijau atau kualitas tertinggi di tengah pandemi Covid-19."
    assert [r.predicate for r in extracted(extractor, restated)] == [("zona hijau", "kualitas tertinggi")]


def test_a_domain_word_inside_the_name_after_a_zone_is_the_names(extractor):
    text = "Dalam penilaian kepatuhan Ombudsman 2019, zona hijau diraih Badan Narkotika Nasional."
    assert [(r.entity, r.predicate) for r in extracted(extractor, text)] == [("Badan Narkotika Nasional", ("zona hijau",))]


def test_a_label_talked_about_is_not_given_unless_a_verb_of_receiving_follows(extractor):
    talk = "Ombudsman RI Perwakilan Banten memberikan sosialisasi tentang zona hijau kepada Pemkab Lebak, Selasa (9/5/2023)."
    assert extracted(extractor, talk) == []
    held = "Mengenai predikat WBK yang diraih Polres Lebak tahun 2023, Kapolres mengucapkan terima kasih."
    assert [(r.entity, r.predicate) for r in extracted(extractor, held)] == [("Polres Lebak", ("wbk",))]


@pytest.mark.parametrize("text, years", [
    ("Pemkab Lebak tiga kali berturut-turut meraih zona hijau, yakni pada 2021, 2022 dan 2023.", [2021, 2022, 2023]),
    ("Polres Lebak meraih predikat WBK (2022 dan 2023) dari KemenPANRB.", [2022, 2023]),
    ("Pemkab Lebak meraih predikat Informatif pada tahun 2021, 2022, dan 2023.", [2021, 2022, 2023]),
    ("Pemkab Lebak meraih zona hijau tiga kali berturut-turut, yakni pada 2021, 2022 dan 2023.", [2021, 2022, 2023]),
    # one year is the record's own
    ("Pemkab Lebak meraih predikat Informatif pada tahun 2023.", [2023]),
])
def test_a_label_held_in_each_of_a_run_of_years_is_a_record_per_year(extractor, text, years):
    assert sorted(r.year for r in extracted(extractor, text)) == years


def test_a_run_of_years_after_a_label_of_several_bodies_pairs_with_none_of_them(extractor):
    text = "Pemkab Lebak dan Pemkab Pandeglang meraih predikat Informatif pada 2022 dan 2023."
    records = extracted(extractor, text)
    assert sorted(r.entity for r in records) == ["Pemerintah Kabupaten Lebak", "Pemerintah Kabupaten Pandeglang"]


@pytest.mark.parametrize("how_often", ["tiga kali berturut-turut", "dua kali", "selama tiga tahun"])
def test_a_number_of_times_before_the_award_word_is_no_group(extractor, how_often):
    text = f"Pemkab Lebak {how_often} meraih zona hijau dari Ombudsman."
    assert [(r.entity, r.predicate) for r in extracted(extractor, text)] == [("Pemerintah Kabupaten Lebak", ("zona hijau",))]
    # a number of bodies is one
    assert extracted(extractor, "Kanwil Lebak mengantarkan lima satuan kerja meraih WBK.") == []


def test_a_wish_for_a_pair_of_labels_wishes_both(extractor):
    text = ("Dalam evaluasi pelayanan publik KemenPANRB, ia berharap unit layanan Polres Lebak makin siap sehingga "
            "hasil penilaiannya bisa masuk kategori Sangat Baik atau Pelayanan Prima.")
    assert extracted(extractor, text) == []


@pytest.mark.parametrize("text", [
    "Pemkab Lebak meraih predikat WBK pada 2021. Tahun ini, Pemkab Lebak meraih predikat WBBM.",
    "Pemkab Lebak meraih predikat WBK pada 2021.\n\nPemkab Lebak meraih predikat WBBM.",
])
def test_two_labels_a_body_cannot_hold_at_once_are_two_records_and_the_later_takes_no_round_of_the_first(extractor, text):
    assert sorted((r.predicate, r.year) for r in extracted(extractor, text)) == [(("wbbm",), None), (("wbk",), 2021)]


def test_a_caption_with_labels_of_its_own_borrows_none_from_the_headline_above(extractor):
    text = ("Daerah Kategori C Kena Sanksi, Gubernur Banten Raih Predikat Zona Hijau\n"
            "PRESTASI : Gubernur Banten menerima penghargaan predikat hijau kategori A dari Ombudsman RI.")
    records = extracted(extractor, text)
    assert [r.entity for r in records] == ["Pemerintah Provinsi Banten"]
    assert "c" not in records[0].predicate and "a" in records[0].predicate


@pytest.mark.parametrize("labels, expected", [
    ("Informatif, Menuju Informatif dan Cukup Informatif", ["informatif", "menuju informatif", "cukup informatif"]),
    ("Sangat Inovatif, Inovatif dan Kurang Inovatif", ["sangat inovatif", "inovatif", "kurang inovatif"]),
])
def test_bands_of_one_scale_said_respectively_pair_in_order(extractor, labels, expected):
    text = f"Kabupaten Lebak, Kabupaten Pandeglang dan Kota Serang masing-masing meraih predikat {labels} tahun 2023."
    found = {r.entity: (r.predicate, r.year) for r in extracted(extractor, text)}  # the year after the run is each pair's
    assert found == {"Pemerintah Kabupaten Lebak": ((expected[0],), 2023),
                     "Pemerintah Kabupaten Pandeglang": ((expected[1],), 2023), "Pemerintah Kota Serang": ((expected[2],), 2023)}


@pytest.mark.parametrize("word", ["disusul", "kemudian", "lalu"])
def test_the_next_body_with_only_its_year_shares_the_award_with_that_year(extractor, word):
    text = f"Pengadilan Negeri Lebak meraih predikat WBK tahun 2021, {word} Pengadilan Agama Lebak pada 2022."
    assert sorted((r.entity, r.predicate, r.year) for r in extracted(extractor, text)) == [
        ("Pengadilan Agama Lebak", ("wbk",), 2022), ("Pengadilan Negeri Lebak", ("wbk",), 2021)]
    # with a verb of its own the next body did something else
    other = text.replace(" pada 2022.", " mencanangkan zona integritas pada 2022.")
    assert [r.entity for r in extracted(extractor, other)] == ["Pengadilan Negeri Lebak"]


@pytest.mark.parametrize("text", [
    "Kabupaten Bone berhasil keluar dari zona merah penilaian kepatuhan Ombudsman 2023.",
    "Kabupaten Bone berhasil naik dari zona merah dan kini berada di zona kuning penilaian kepatuhan Ombudsman 2023.",
])
def test_a_state_the_body_left_is_not_the_one_it_holds(extractor, text):
    assert all("zona merah" not in r.predicate for r in given(extractor, text).values())


def test_the_year_written_right_after_an_earlier_label_of_a_history_is_that_labels(extractor):
    text = ("Sebagai informasi, Pemkab Bone sebelumnya meraih predikat Menuju Informatif pada 2022, dan tahun ini "
            "meningkat menjadi Informatif.")
    assert sorted((r.predicate, r.year or 0) for r in extracted(extractor, text)) == [
        (("informatif",), 0), (("menuju informatif",), 2022)]


def test_a_list_of_the_bodies_an_assessment_covered_borrows_no_label(extractor):
    text = ("Pemprov NTB akhirnya naik ke zona hijau dalam penilaian kepatuhan Ombudsman 2021. Kepala Ombudsman "
            "menjelaskan penilaian 2021 menyasar empat OPD, yakni Dinas Kesehatan, Dinas Pendidikan, serta Dinas Sosial.")
    assert [r.entity for r in extracted(extractor, text) if r.entity.startswith("Dinas")] == []


@pytest.mark.parametrize("headline", ["Bupati Alor Targetkan Pemkab Alor Raih Zona Hijau Ombudsman",
                                      "Pemkab Alor Incar Predikat WBK dari KemenPANRB"])
def test_an_aim_in_a_headline_is_no_award(extractor, headline):
    assert extracted(extractor, headline) == []


def test_a_label_in_brackets_restating_an_aimed_at_label_is_aimed_at_too(extractor):
    text = ("Ke depan Polresta Jayapura Kota menargetkan meraih predikat Wilayah Bebas dari Korupsi (WBK) pada "
            "evaluasi berikutnya.")
    assert extracted(extractor, text) == []


def test_a_list_opened_under_the_sentence_that_gave_its_group_a_label_takes_that_label(extractor):
    text = ("Sebanyak 13 satker di Sulsel lolos penilaian Zona Integritas tahun 2022.\n"
            "Sementara 12 satker lainnya resmi menyandang predikat WBK. Berikut daftarnya:\n"
            "1. Lapas Kelas I Makassar\n2. Rutan Kelas I Makassar\n"
            "Kepala Kanwil Kemenkumham Sulsel mengatakan capaian ini melonjak dibanding tahun lalu yang hanya "
            "mengantarkan lima satker meraih WBK.")
    assert sorted((r.entity, r.predicate) for r in extracted(extractor, text)) == [
        ("Lapas Kelas I Makassar", ("wbk",)), ("Rutan Kelas I Makassar", ("wbk",))]


def test_a_label_joined_to_a_goal_is_a_goal_too(extractor):
    text = ("SENTANI - Pemkab Jayapura mencanangkan pembangunan Zona Integritas menuju Wilayah Bebas dari Korupsi (WBK) "
            "dan Wilayah Birokrasi Bersih dan Melayani (WBBM) di dua perangkat daerah, yakni DPMPTSP serta "
            "Disdukcapil, Kamis (20/2/2025).")
    assert extracted(extractor, text) == []
    held = "Polres Alor meraih predikat WBK dan Polres Lembata meraih WBBM pada 2023."
    assert sorted(r.predicate for r in extracted(extractor, held)) == [("wbbm",), ("wbk",)]
