"""Entities by the shape of their names: each test is a sentence written after the way regional
news names a body, including bodies no list in `config/` knows."""
import pytest

from tests.unit.extracted import extracted


def records(extractor, text, title=None, url=None):
    return extracted(extractor, text, title, url)


def by_score(found):
    return {r.score: r for r in found if r.score is not None}


@pytest.mark.parametrize("written, region", [
    ("Kota Tebingtinggi", "Kota Tebing Tinggi"),       # the gazetteer writes it in two words
    ("Kota Tanjung Balai", "Kota Tanjungbalai"),      # ...and this one in one
    ("Kota Pagaralam", "Kota Pagar Alam"),
])
def test_a_place_written_with_or_without_its_spaces_is_the_same_region(extractor, written, region):
    text = f"Dalam penilaian kepatuhan Ombudsman tahun 2022, {written} meraih nilai 61,20 dan masuk zona kuning."
    [record] = records(extractor, text)
    assert record.region == region and record.score == 61.2
    assert record.entity == f"Pemerintah {written}"  # the outlet's spelling stays in the name


def test_a_body_the_article_defines_is_an_entity_in_both_forms(extractor):
    text = ("Pada Survei Penilaian Integritas 2024, indeks tertinggi kementerian dan lembaga dicapai Balai Besar "
            "Wilayah Sungai Citarum (BBWSC) dengan angka 84. Tahun lalu BBWSC meraih skor 79,50.")
    found = by_score(records(extractor, text))
    assert found[84.0].entity == "Balai Besar Wilayah Sungai Citarum" and found[84.0].region is None
    assert found[79.5].entity == "Balai Besar Wilayah Sungai Citarum"


def test_a_defined_scheme_or_plan_is_not_an_entity(extractor):
    text = ("Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) tahun 2023 mencapai 71,20, "
            "sesuai Rencana Pembangunan Jangka Menengah Daerah (RPJMD).")
    assert records(extractor, text) == []


@pytest.mark.parametrize("written, entity, region", [
    ("Polres Lombok Tengah", "Polres Lombok Tengah", "Kabupaten Lombok Tengah"),
    ("Polres Bima Kota", "Polres Bima Kota", "Kota Bima"),
    ("Kantor Pertanahan Dompu", "Kantor Pertanahan Dompu", "Kabupaten Dompu"),
    ("Kantor Pertanahan Kota Bima", "Kantor Pertanahan Kota Bima", "Kota Bima"),
])
def test_a_unit_named_after_its_place_takes_that_place_as_its_region(extractor, written, entity, region):
    text = f"Mataram - Ombudsman RI menilai kepatuhan tahun 2023: {written} meraih nilai 77,19 zona kuning."
    [record] = records(extractor, text)
    assert (record.entity, record.region) == (entity, region)


@pytest.mark.parametrize("written", ["BPN Kabupaten Aceh Barat", "Badan Pertanahan Nasional (BPN) Kabupaten Aceh Barat"])
def test_a_national_body_in_a_region_is_its_local_office(extractor, written):
    text = f"Hasil penilaian kepatuhan Ombudsman, {written} mendapat predikat zona merah dengan nilai 43,82."
    [record] = records(extractor, text)
    assert record.entity == "Kantor Pertanahan Kabupaten Aceh Barat" and record.score == 43.82


def test_a_national_body_takes_no_region_from_the_story(extractor):
    text = ("SERANG, Kabar Banten - Dalam Survei Penilaian Integritas KPK tahun 2022, skor tertinggi "
            "kementerian dicapai Kementerian Sekretariat Negara, yaitu 85,48, sedangkan Bank Indonesia 87,28.")
    found = by_score(records(extractor, text))
    assert (found[85.48].entity, found[85.48].region) == ("Kementerian Sekretariat Negara", None)
    assert (found[87.28].entity, found[87.28].region) == ("Bank Indonesia", None)


def test_a_bare_place_in_a_list_of_offices_names_an_office_of_the_same_kind(extractor):
    text = ("Ombudsman menilai kepatuhan kantor pertanahan: Kantor Pertanahan Nagan Raya bernilai 97,26, "
            "Bireuen (95,12), dan Simeulue (84,36).")
    found = by_score(records(extractor, text))
    assert found[95.12].entity == "Kantor Pertanahan Bireuen" and found[95.12].region == "Kabupaten Bireuen"
    assert found[84.36].entity == "Kantor Pertanahan Simeulue"


@pytest.mark.parametrize("text", [
    "Tak satu pun pemerintah daerah di Provinsi Maluku yang meraih nilai di atas 80 dalam penilaian kepatuhan Ombudsman, rata-rata 61,30.",
    "Luwu Utara menempati posisi tertinggi se-Sulawesi Selatan untuk SPBE, dengan nilai 2,93.",
])
def test_a_government_that_only_says_where_is_not_evaluated(extractor, text):
    assert all(not r.entity.endswith(("Maluku", "Sulawesi Selatan")) for r in records(extractor, text))


def test_an_assessor_is_never_evaluated_even_inside_a_headline(extractor):
    title = "Evaluasi Pelayanan Publik Diusulkan Kementerian PANRB Bertambah di 89 Polres"
    text = "Evaluasi pelayanan publik tahun lalu memberi nilai A kepada 12 polres, sedangkan 43 polres bernilai B-."
    assert records(extractor, text, title=title) == []


def test_an_abbreviation_glued_into_a_longer_one_is_not_that_body(extractor):
    # "PAN" alone is a party; in "PAN-RB" it is part of the ministry's abbreviation
    text = ("Pesawaran - Menurut Keputusan Menteri PAN-RB Nomor 13 Tahun 2024 tentang Hasil Evaluasi SPBE, "
            "Pemerintah Kabupaten Pesawaran mencapai nilai indeks 2,91.")
    [record] = records(extractor, text)
    assert record.entity == "Pemerintah Kabupaten Pesawaran"


def test_a_head_with_a_ministrys_abbreviation_names_the_local_field_office(extractor):
    text = "Hasil Survei Kepuasan Masyarakat tahun 2024, Dinas Kominfo Kota Serang meraih nilai 90,12."
    [record] = records(extractor, text)
    assert record.entity == "Dinas Komunikasi dan Informatika Kota Serang"


def test_a_representative_office_is_the_body_in_that_province(extractor):
    text = ("Survei Penilaian Integritas 2022: Badan Pengawasan Keuangan dan Pembangunan (BPKP) meraih 84,56 "
            "sementara BPKP Perwakilan Sulawesi Tenggara 80,10.")
    found = by_score(records(extractor, text))
    assert found[84.56].entity == "Badan Pengawasan Keuangan dan Pembangunan" and found[84.56].region is None
    assert found[80.1].entity == "Badan Pengawasan Keuangan dan Pembangunan Perwakilan Provinsi Sulawesi Tenggara"
    assert found[80.1].region == "Provinsi Sulawesi Tenggara"


@pytest.mark.parametrize("written", ["Universitas Halu Oleo", "Bank Rakyat Indonesia", "PT Pelabuhan Indonesia (Persero)",
                                     "Institut Teknologi Sepuluh Nopember"])
def test_a_university_bank_or_company_takes_no_region_from_the_story(extractor, written):
    text = f"KENDARI, Kabar Sultra - Pada Survei Penilaian Integritas 2023, {written} mencatat skor 81,20."
    [record] = records(extractor, text)
    assert record.region is None and record.entity.startswith(written.split(" (")[0])


@pytest.mark.parametrize("url, region", [
    ("https://dinkes.sleman-kab.go.id/berita/1", None),                      # not the "<region><level>" shape
    ("https://dinkes.karanganyarkab.go.id/?p=8110", "Kabupaten Karanganyar"),
    ("http://diskominfotik.blitarkota.go.id/detailpost/x", "Kota Blitar"),
    ("https://dukcapil.padangpanjang.go.id/berita/199", "Kota Padang Panjang"),
    ("https://www.kompas.com/read/x", None),
])
def test_a_regional_governments_site_names_the_region_of_its_units(extractor, url, region):
    text = "Dari Survei IKM di Dinas Kesehatan beserta 21 Puskesmas, nilai paling tinggi diraih Puskesmas Matesih (87,40)."
    [record] = records(extractor, text, url=url)
    assert record.region == region


def test_a_name_broken_across_lines_is_one_name(extractor):
    text = "Dalam penilaian kepatuhan Ombudsman 2022, Kabupaten Konawe\nUtara meraih nilai 80,30 dan masuk zona hijau."
    [record] = records(extractor, text)
    assert record.entity == "Pemerintah Kabupaten Konawe Utara" and "\n" in record.quote


def test_a_unit_named_after_more_than_its_place_belongs_to_the_local_government(extractor):
    # "Tegal Barat" is a district's name, not the regency: the puskesmas is the city's, as the story says
    text = ("TEGAL - Dalam evaluasi pelayanan publik KemenPANRB tahun 2023, Pemkot Tegal meraih nilai 4,10, sedangkan "
            "Puskesmas Tegal Barat memperoleh 3,51 (B).")
    found = by_score(records(extractor, text))
    assert (found[3.51].entity, found[3.51].region) == ("Puskesmas Tegal Barat Kota Tegal", "Kota Tegal")


@pytest.mark.parametrize("written, entity", [
    ("KPP Pratama Bandung Cibeunying meraih", "KPP Pratama Bandung Cibeunying"),  # an office named after a part of its city
    ("KPP Pratama Bandung Raih Predikat WBK. KPP Pratama Bandung meraih", "KPP Pratama Bandung"),  # a headline's verb
    ("Pengadilan Negeri Bandung Kelas IA meraih", "Pengadilan Negeri Bandung"),  # its class, no part of its name
])
def test_one_unknown_word_after_a_units_place_continues_its_name(extractor, written, entity):
    text = f"Dalam penilaian kepatuhan Ombudsman 2023, {written} nilai 88,40."
    assert [r.entity for r in records(extractor, text) if r.score] == [entity]


def test_a_unit_kinds_name_with_its_short_form_in_brackets_is_completed_by_its_place(extractor):
    text = "Dalam Survei Kepuasan Masyarakat (SKM) 2023, Mal Pelayanan Publik (MPP) Kabupaten Lembata meraih nilai 88,40."
    assert [(r.entity, r.region) for r in records(extractor, text)] == [
        ("Mal Pelayanan Publik Kabupaten Lembata", "Kabupaten Lembata")]


def test_a_name_that_enumerates_its_fields_with_commas_is_one_name(extractor):
    text = ("Komisi Informasi menilai keterbukaan informasi 2022. OPD Pemprov Jawa Barat yang masuk kategori informatif "
            "ialah Dinas Sosial, Dinas Pemberdayaan Perempuan, Perlindungan Anak, dan Keluarga Berencana, dan Inspektorat Daerah.")
    names = {r.entity for r in records(extractor, text)}
    assert "Dinas Pemberdayaan Perempuan, Perlindungan Anak, dan Keluarga Berencana Provinsi Jawa Barat" in names
    assert "Dinas Sosial Provinsi Jawa Barat" in names


@pytest.mark.parametrize("written", ["RSUD dr. Sosrodiningrat", "RSUD Prof. dr. Hartono Wiryo", "RSUP Dr. Karyadi Putra"])
def test_a_hospital_named_after_a_person_keeps_the_title_in_its_name(extractor, written):
    text = f"Hasil Survei Kepuasan Masyarakat semester II 2023 menunjukkan {written} memperoleh nilai IKM 88,12."
    [record] = records(extractor, text)
    assert record.score == 88.12 and record.entity.lower() == written.lower()


def test_a_head_of_several_words_is_named_by_its_place(extractor):
    # "Mal Pelayanan Publik" needs no further name: "Kota Madiun" is its place, not the scorer
    text = ("Kementerian PANRB merilis hasil evaluasi kinerja penyelenggaraan pelayanan publik 2023. "
            "Mal Pelayanan Publik Kota Madiun mendapat nilai 4,21 atau Sangat Baik.")
    [record] = records(extractor, text)
    assert record.entity == "Mal Pelayanan Publik Kota Madiun" and record.region == "Kota Madiun"
    assert record.score == 4.21 and record.predicate == ("sangat baik",)


def test_the_government_whose_units_are_counted_is_not_itself_given_the_label(extractor):
    text = ("Kementerian PANRB merilis hasil evaluasi kinerja penyelenggaraan pelayanan publik 2023. "
            "Tiga unit layanan Pemkot Surabaya meraih predikat Pelayanan Prima, yaitu Dispendukcapil, DPMPTSP "
            "dan RSUD Bhakti Dharma.")
    found = records(extractor, text)
    assert sorted(r.entity for r in found) == [
        "Dinas Kependudukan dan Pencatatan Sipil Kota Surabaya",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Surabaya",
        "RSUD Bhakti Dharma Kota Surabaya"]
    assert all(r.predicate == ("pelayanan prima",) for r in found)


def test_a_government_of_a_place_no_gazetteer_knows_is_still_an_entity(extractor):
    # a new region, or one the outlet spells its own way: its score must not fall on the one before
    text = ("Dalam penilaian Ombudsman RI 2023, Kabupaten Sleman meraih 95,22, disusul Kabupaten Bantul 93,10 "
            "dan Kabupaten Mamberamo Hulu 90,05.")
    found = by_score(records(extractor, text))
    assert found[93.1].entity == "Pemerintah Kabupaten Bantul"
    assert found[90.05].entity == "Pemerintah Kabupaten Mamberamo Hulu" and found[90.05].region is None


def test_an_award_named_after_a_kind_of_place_is_no_government(extractor):
    text = ("Pada penilaian kepatuhan Ombudsman 2023, Pemerintah Kabupaten Bantul, peraih penghargaan "
            "Kabupaten Layak Anak, mencatat nilai 91,20.")
    assert [(r.entity, r.score) for r in records(extractor, text)] == [("Pemerintah Kabupaten Bantul", 91.2)]


def test_an_item_of_a_list_named_after_its_place_is_a_unit_no_list_knows(extractor):
    # the kinds of office are unknown to every list in config/; the place ends each name
    text = ("Pada penganugerahan Zona Integritas 2023, sejumlah satker meraih predikat WBK, yaitu KPPBC Tipe Madya "
            "Pabean C Cilacap, Stasiun Karantina Ikan Kelas II Tegal, BBPOM di Semarang dan Loka POM di Kabupaten "
            "Banyumas.")
    found = {r.entity: r for r in records(extractor, text)}
    assert set(found) == {"KPPBC Tipe Madya Pabean C Cilacap", "Stasiun Karantina Ikan Kelas II Tegal",
                          "BBPOM di Semarang", "Loka POM Kabupaten Banyumas"}
    assert found["KPPBC Tipe Madya Pabean C Cilacap"].region == "Kabupaten Cilacap"  # not "Pemerintah Kabupaten Cilacap"
    assert all(r.predicate == ("wbk",) for r in found.values())


def test_a_persons_office_or_a_government_word_before_a_place_is_no_unit(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2023, Pj Bupati Cilacap, Pemda Kabupaten Banyumas dan Kabupaten "
            "Kebumen masuk zona hijau.")
    entities = {r.entity for r in records(extractor, text)}
    assert {"Pemerintah Kabupaten Banyumas", "Pemerintah Kabupaten Kebumen"} <= entities
    assert not any(e.startswith(("Pj", "Pemda")) for e in entities)


def test_a_national_bodys_unit_named_after_an_unknown_place_takes_no_other_region(extractor):
    text = ("Dalam penganugerahan Zona Integritas 2023, Rutan Kelas IIB Salatiga, Lapas Kelas IIB Slawi dan "
            "Bapas Kelas II Purwokerto meraih WBK.")
    found = {r.entity: r.region for r in records(extractor, text)}
    assert found["Lapas Kelas IIB Slawi"] is None and found["Rutan Kelas IIB Salatiga"] == "Kota Salatiga"


def test_the_owner_of_a_unit_is_not_given_the_units_score(extractor):
    text = ("Rumah sakit milik Pemkab Gunungkidul itu mencatat indeks kepuasan masyarakat sebesar 82,15 pada "
            "triwulan III 2024.")
    assert records(extractor, text) == []  # whose hospital it is, the sentence does not say by name


def test_a_score_said_to_be_a_governments_own_is_its(extractor):
    text = "Dalam penilaian kepatuhan Ombudsman 2023, nilai tertinggi 96,98 milik Kabupaten Banyumas."
    [record] = records(extractor, text)
    assert (record.entity, record.score) == ("Pemerintah Kabupaten Banyumas", 96.98)


def test_an_unknown_units_name_before_its_governments_place_keeps_the_score(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2023, Kemenag Kabupaten Kebumen meraih nilai 88,1, "
            "Kankemenag Kota Semarang 85,2, dan BPN Kota Semarang 90,3.")
    found = by_score(records(extractor, text))
    assert found[85.2].entity == "Kankemenag Kota Semarang" and found[85.2].region == "Kota Semarang"


def test_a_picture_credit_names_no_unit(extractor):
    text = ("Predikat sangat baik diraih Pemkot Makassar pada evaluasi SPBE 2024 (Foto: Humas Pemkot Makassar).")
    assert [r.entity for r in records(extractor, text)] == ["Pemerintah Kota Makassar"]


@pytest.mark.parametrize("text, expected", [
    ("Dalam penilaian kepatuhan Ombudsman 2023, nilai tertinggi diraih Kota Semarang. KPPBC Cilacap meraih nilai "
     "90,1, sedangkan BBPOM Semarang 88,2.", {90.1: "KPPBC Cilacap", 88.2: "BBPOM Semarang"}),
    # a capitalised word opening a sentence is no unit's name unless it is an acronym
    ("Warga Cilacap menilai layanan Pemkab Cilacap yang meraih nilai 90,1 dalam penilaian kepatuhan Ombudsman "
     "2023 sudah baik.", {90.1: "Pemerintah Kabupaten Cilacap"}),
])
def test_an_acronym_opening_a_sentence_or_a_clause_names_a_unit(extractor, text, expected):
    assert {s: r.entity for s, r in by_score(records(extractor, text)).items()} == expected


@pytest.mark.parametrize("text, expected", [
    ("Di Kabupaten Ponorogo, Disdukcapil meraih predikat A- (Pelayanan Prima) dalam evaluasi PEKPPP tahun 2023.",
     "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Ponorogo"),
    ("Sementara itu di Kota Madiun, Dinas Sosial meraih nilai 4,55 dalam evaluasi PEKPPP tahun 2023.",
     "Dinas Sosial Kota Madiun"),
    # a place said later in the sentence is only where something happened
    ("Dinas Sosial meraih nilai 4,55 dalam evaluasi PEKPPP tahun 2023 yang diumumkan di Kota Madiun, kemarin.",
     "Dinas Sosial"),
])
def test_a_government_in_a_fronted_place_phrase_owns_the_units_after_it(extractor, text, expected):
    [record] = records(extractor, text)
    assert record.entity == expected


@pytest.mark.parametrize("text", [
    # the story's first words are its subject, and the dash is a grade's sign, not a dateline's
    "Pemkab Blora, Jawa Tengah, meraih predikat A- (Pelayanan Prima) dalam evaluasi PEKPPP tahun 2023.",
    # a dateline still says only where the story was filed
    "BLORA, Suara Blora – Pemkab Blora meraih predikat A- (Pelayanan Prima) dalam evaluasi PEKPPP tahun 2023.",
])
def test_a_grades_sign_after_the_first_words_is_no_dateline(extractor, text):
    [record] = records(extractor, text)
    assert record.entity == "Pemerintah Kabupaten Blora" and "a-" in record.predicate


@pytest.mark.parametrize("written, expected", [
    ("Polres Kabupaten Bogor", "Polres Kabupaten Bogor"),   # a short form that the place completes
    ("Kejari Kota Depok", "Kejari Kota Depok"),
    ("KUA Kota Depok", "KUA Kota Depok"),
    ("PN Depok", "PN Depok"),                               # an acronym no list knows, then its place
    ("Dinas Kota Depok", None),                             # some office of the city: not the city
    ("Kantor Kota Depok", None),
])
def test_a_unit_word_before_a_governments_name_never_gives_the_government_the_result(extractor, written, expected):
    text = f"{written} meraih predikat Pelayanan Prima dalam evaluasi PEKPPP tahun 2023."
    assert [r.entity for r in records(extractor, text)] == ([expected] if expected else [])


@pytest.mark.parametrize("speaker, expected", [
    # the secretariat's part that reports the government's results speaks for it ("kita")
    ("Kepala Bagian Organisasi Setda Bone", "Pemerintah Kabupaten Bone"),
    # a unit's head speaks of that unit
    ("Kepala Disdukcapil Bone", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bone"),
])
def test_the_office_of_who_spoke_after_a_quote(extractor, speaker, expected):
    text = (f'Ombudsman RI merilis hasil penilaian kepatuhan 2023 untuk Pemkab Bone. "Nilai kita 88,50, masuk zona '
            f'hijau," ujar {speaker}.')
    [record] = records(extractor, text)
    assert (record.entity, record.score) == (expected, 88.5)


def test_a_unit_right_after_unit_pelayanan_is_that_unit_and_a_government_its_owner(extractor):
    text = ("Hasil Survei Kepuasan Masyarakat (SKM) tahun 2023 menunjukkan IKM unit pelayanan RSUD Tenriawaru sebesar "
            "85,12 (B/Baik).")
    [record] = records(extractor, text)
    assert (record.entity, record.score, record.predicate) == ("RSUD Tenriawaru", 85.12, ("b", "baik"))
    text = ("Dalam evaluasi PEKPPP 2023, tiga unit pelayanan Pemkot Surabaya meraih predikat A, yaitu Dinas Kesehatan, "
            "Disdukcapil dan DPMPTSP.")
    assert all(r.region == "Kota Surabaya" and r.entity != "Pemerintah Kota Surabaya" for r in records(extractor, text))


@pytest.mark.parametrize("written, entity, region", [
    ("Kecamatan Magelang Tengah", "Kecamatan Magelang Tengah", None),      # named after its town and more
    ("Kecamatan Bantul", "Kecamatan Bantul", "Kabupaten Bantul"),           # named after its kabupaten
    ("Kecamatan Semarang Barat Kota Semarang", "Kecamatan Semarang Barat Kota Semarang", "Kota Semarang"),
    ("Puskesmas Semarang Barat Kota Semarang", "Puskesmas Semarang Barat Kota Semarang", "Kota Semarang"),
])
def test_a_kecamatan_or_a_puskesmas_named_after_a_place_keeps_its_own_name(extractor, written, entity, region):
    [record] = records(extractor, f"Dalam survei kepuasan masyarakat 2023, {written} meraih nilai 89,31.")
    assert (record.entity, record.region) == (entity, region)


def test_a_counted_head_with_no_place_is_a_group_not_a_body(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2024, dari empat Kantor Pertanahan yang dinilai, predikat Baik "
            "hanya diraih Kantor Pertanahan Kabupaten Sumbawa dengan nilai 82,40. Tiga Kantor Pertanahan lainnya "
            "berpredikat Cukup, masing-masing Kantor Pertanahan Kabupaten Dompu (71,20), Kantor Pertanahan Kabupaten "
            "Bima (70,05) dan Kantor Pertanahan Kota Bima (72,15).")
    found = {r.entity: (r.score, r.predicate) for r in extracted(extractor, text)}
    assert found == {
        "Kantor Pertanahan Kabupaten Sumbawa": (82.4, ("baik",)),
        "Kantor Pertanahan Kabupaten Dompu": (71.2, ("cukup",)),
        "Kantor Pertanahan Kabupaten Bima": (70.05, ("cukup",)),
        "Kantor Pertanahan Kota Bima": (72.15, ("cukup",)),
    }


def test_a_row_number_before_a_head_is_no_count(extractor):
    text = ("Hasil Survei Kepuasan Masyarakat 2024:\n1 Puskesmas Sukamaju meraih nilai 88,50\n"
            "2 Puskesmas Cikaret meraih nilai 86,10")
    assert {r.entity: r.score for r in extracted(extractor, text)} == {
        "Puskesmas Sukamaju": 88.5, "Puskesmas Cikaret": 86.1}


def test_an_abbreviation_of_joined_parts_in_brackets_is_the_name_before_it(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2019, tiga kementerian masuk zona kuning, yaitu Kementerian "
            "Perhubungan, Kementerian Agraria dan Tata Ruang (ATR/BPN) serta Kementerian Pertanian.")
    assert sorted(r.entity for r in extracted(extractor, text)) == [
        "Kementerian Agraria dan Tata Ruang", "Kementerian Perhubungan", "Kementerian Pertanian"]


def test_a_count_of_other_offices_of_a_kind_is_no_body(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2022, zona hijau diraih Kantor Wilayah BPN Provinsi Riau serta "
            "lima kantor BPN lain di Provinsi Riau.")
    assert [r.entity for r in extracted(extractor, text)] == ["Kantor Wilayah Badan Pertanahan Nasional Provinsi Riau"]


def test_a_place_written_in_one_word_is_read_only_from_capitalised_words(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2023, Kota Kupang, yang dipimpin Wali Kota baru, meraih zona hijau.")
    assert [r.entity for r in extracted(extractor, text)] == ["Pemerintah Kota Kupang"]


def test_a_year_before_a_head_is_no_count(extractor):
    text = "Hasil SKM Semester I Tahun 2024 Puskesmas Pakis mencapai nilai 86,25 dengan mutu pelayanan B."
    assert [(r.entity, r.score, r.year) for r in extracted(extractor, text)] == [("Puskesmas Pakis", 86.25, 2024)]


def test_the_place_of_a_tally_of_bodies_is_no_body(extractor):
    text = ("Dalam penilaian kepatuhan Ombudsman 2022, Pemprov Bali masuk zona hijau. Tahun 2021, jumlah pemda Bali "
            "yang tercatat di zona hijau cuma 5.")
    assert [(r.entity, r.predicate, r.year) for r in extracted(extractor, text)] == [
        ("Pemerintah Provinsi Bali", ("zona hijau",), 2022)]


@pytest.mark.parametrize("group, level", [("lima kabupaten lain", "Kabupaten"), ("dua kota lain", "Kota")])
def test_a_name_two_regions_share_takes_the_level_of_the_group_its_list_is_of(extractor, group, level):
    text = (f"Dalam penilaian kepatuhan Ombudsman 2021, {group} di Sumbar tercatat di zona kuning, yakni Tanah Datar, "
            "Solok, dan Sijunjung.")
    names = {r.entity for r in extracted(extractor, text)}
    assert f"Pemerintah {level} Solok" in names
    # outside such a list the shared name stays unread
    assert "Solok" not in " ".join(r.entity for r in extracted(
        extractor, "Dalam penilaian kepatuhan Ombudsman 2021, Solok tercatat di zona kuning."))


def test_the_body_that_conducts_a_survey_is_its_assessor(extractor):
    text = ("Jakarta — Ditjen Bina Adwil Kementerian Dalam Negeri menorehkan hasil yang membanggakan pada Survei "
            "Kepuasan Masyarakat (SKM) tahun 2025. Berdasarkan survei yang digelar Biro Organisasi dan Tata Laksana "
            "(Ortala) Kementerian Dalam Negeri, nilai yang diperoleh adalah 91,69.")
    # the conducting ministry is never given the result (the sentence names no other body)
    assert "Kementerian Dalam Negeri" not in {r.entity for r in extracted(extractor, text)}


def test_a_short_form_the_articles_subject_holds_is_the_subject(extractor):
    text = ("Jakarta — Ditjen Dukcapil Kementerian Dalam Negeri menorehkan hasil yang membanggakan pada Survei "
            "Kepuasan Masyarakat (SKM) tahun 2025. Nilai yang diperoleh Ditjen Dukcapil Kementerian Dalam Negeri "
            "adalah 91,69. Dalam evaluasi PEKPPP 2025, Dukcapil juga meraih predikat Pelayanan Prima.")
    assert {(r.entity, r.score) for r in extracted(extractor, text)} == {
        ("Ditjen Dukcapil Kementerian Dalam Negeri", 91.69), ("Ditjen Dukcapil Kementerian Dalam Negeri", None)}


def test_two_words_a_page_glued_at_a_lost_line_break_are_read_apart(extractor):
    text = "Dalam penilaian kepatuhan Ombudsman 2017, zona kuning diraih KementerianPerhubungan dan Kementerian Sosial."
    found = extracted(extractor, text)
    assert sorted(r.entity for r in found) == ["Kementerian Perhubungan", "Kementerian Sosial"]
    assert "KementerianPerhubungan" in found[0].quote or "KementerianPerhubungan" in found[1].quote  # the text as it is


@pytest.mark.parametrize("written, entity", [
    ("Pemkot Tidore", "Pemerintah Kota Tidore Kepulauan"),             # the first words of one name of its level
    ("Kabupaten Pangkajene", "Pemerintah Kabupaten Pangkajene dan Kepulauan"),
    ("Kabupaten Kepulauan", "Pemerintah Kabupaten Kepulauan"),         # the first word of many names: no guess
])
def test_a_government_named_by_the_first_words_of_one_name_of_its_level_is_that_one(extractor, written, entity):
    text = f"Dalam penilaian kepatuhan Ombudsman 2023, {written} meraih nilai 83,50."
    assert [r.entity for r in extracted(extractor, text)] == [entity]


@pytest.mark.parametrize("written", ["RSUD Prof. Dr. W. Z. Johannes Kupang", "RSUD Prof. Dr. W.Z. Johannes Kupang"])
def test_a_hospital_named_after_a_person_keeps_all_of_the_persons_initials(extractor, written):
    found = records(extractor, f"{written} meraih nilai IKM 80,12 pada 2023.")
    assert [(r.entity, r.score) for r in found] == [(written, 80.12)]


@pytest.mark.parametrize("written", ["PT PLN (Persero) UIW NTT", "PT Pelabuhan Indonesia (Persero) Cabang Kupang"])
def test_a_companys_legal_form_is_part_of_its_name_and_its_unit_runs_on_after_it(extractor, written):
    found = records(extractor, f"{written} meraih nilai IKM 85,10 tahun 2023.")
    assert [(r.entity, r.score, r.year) for r in found] == [(written, 85.1, 2023)]


@pytest.mark.parametrize("written", ["Polri", "Kepolisian Negara Republik Indonesia"])
def test_the_national_police_is_a_national_body(extractor, written):
    found = records(extractor, f"Dalam penilaian kepatuhan Ombudsman 2023, {written} meraih nilai 85,10.")
    assert [(r.entity, r.region, r.score) for r in found] == [("Kepolisian Negara Republik Indonesia", None, 85.1)]


@pytest.mark.parametrize("written, entity", [
    ("Pemda Lebak", "Pemerintah Kabupaten Lebak"),
    ("Pemda DIY", "Pemerintah Provinsi Daerah Istimewa Yogyakarta"),
    ("Pemda Kupang", "Pemda Kupang"),   # the city's or the regency's: a name of its own, no government guessed
])
def test_a_local_government_named_by_its_place_alone_is_that_places(extractor, written, entity):
    found = records(extractor, f"Dalam penilaian kepatuhan Ombudsman 2023, {written} meraih nilai 88,10.")
    assert [(r.entity, r.score) for r in found] == [(entity, 88.1)]


@pytest.mark.parametrize("period", ["Tahun 2023", "Semester II 2023", "Periode Januari-Juni 2023", "Triwulan I"])
def test_a_period_written_in_capitals_after_a_units_name_is_not_part_of_it(extractor, period):
    found = records(extractor, f"Nilai IKM Puskesmas Moru {period} mencapai 86,12.")
    assert [(r.entity, r.score) for r in found] == [("Puskesmas Moru", 86.12)]


@pytest.mark.parametrize("written, entity", [
    ("Rumah Sakit Umum Daerah (RSUD) Benyamin Guluh", "Rumah Sakit Umum Daerah Benyamin Guluh"),
    ("Kantor Pelayanan Pajak (KPP) Pratama Wolio", "Kantor Pelayanan Pajak Pratama Wolio"),
    ("Lembaga Pemasyarakatan (Lapas) Kelas IIA Wolio", "Lembaga Pemasyarakatan Kelas IIA Wolio"),
])
def test_a_name_goes_on_after_its_short_form_in_brackets(extractor, written, entity):
    found = records(extractor, f"Dalam penilaian kepatuhan Ombudsman 2024, {written} meraih skor 87,15.")
    assert [(r.entity, r.score) for r in found] == [(entity, 87.15)]


def test_a_short_form_in_brackets_before_a_place_still_gives_the_unit_its_place(extractor):
    found = records(extractor, "Dalam penilaian kepatuhan Ombudsman 2024, Rumah Sakit Umum Daerah (RSUD) Kabupaten "
                               "Kolaka meraih skor 87,15.")
    assert [(r.entity, r.region) for r in found] == [("Rumah Sakit Umum Daerah Kabupaten Kolaka", "Kabupaten Kolaka")]


def test_an_abbreviation_the_article_defines_in_lower_case_is_not_the_body_a_list_knows_by_it(extractor):
    text = ("Dalam SKM 2021, Dinas Perhubungan Kota Ambon, khususnya layanan pengujian kendaraan bermotor (PKB), masih "
            "berada di mutu C atau Kurang Baik dengan IKM 76,30.")
    assert [(r.entity, r.score) for r in records(extractor, text)] == [("Dinas Perhubungan Kota Ambon", 76.3)]


def test_a_unit_the_article_defines_keeps_its_place_in_either_form(extractor):
    text = ("Pengadilan Agama (PA) Wolio meraih predikat WBBM pada penilaian Zona Integritas 2025. Selain PA Wolio, "
            "dua satker meraih predikat WBK untuk pertama kalinya, yaitu PA Pariaman dan PA Solok.")
    assert sorted((r.entity, r.predicate) for r in records(extractor, text)) == [
        ("Pengadilan Agama Pariaman", ("wbk",)), ("Pengadilan Agama Solok", ("wbk",)),
        ("Pengadilan Agama Wolio", ("wbbm",))]


@pytest.mark.parametrize("written", ["Rumah Tahanan Negara Kelas IIA Wolio", "Rumah Tahanan Negara (Rutan) Kelas IIA Wolio",
                                     "Mahkamah Syar'iyah Wolio", "Kantor Urusan Agama (KUA) Kecamatan Wolio"])
def test_units_of_vertical_bodies_keep_their_whole_names(extractor, written):
    found = records(extractor, f"{written} meraih predikat WBK pada penilaian Zona Integritas 2024.")
    assert [r.entity for r in found] == [written.replace(" (Rutan)", "").replace(" (KUA)", "")]


def test_the_parent_of_counted_units_is_no_party_nor_is_the_place_listed_with_it(extractor):
    text = ("Dua kantor pelayanan pajak di lingkungan Kantor Wilayah Direktorat Jenderal Pajak (Kanwil DJP) Riau dan "
            "Kepulauan Riau meraih predikat Wilayah Bebas dari Korupsi (WBK) tahun 2017.")
    assert records(extractor, text) == []


def test_places_and_words_before_a_companys_legal_form_are_its_name(extractor):
    text = "Hasil monev KIP 2024:\n1. PT Bank Riau Kepri Syariah (Perseroda) – 94,20 – Informatif"
    assert [(r.entity, r.score) for r in records(extractor, text)] == [("PT Bank Riau Kepri Syariah (Perseroda)", 94.2)]


def test_a_noun_pointing_back_over_describing_words_names_the_body_of_a_sentence_with_no_result(extractor):
    text = ("Dalam Opini Ombudsman 2025, kabar baik datang dari Kabupaten Mimika. Kabupaten penghasil tambang itu "
            "meraih nilai 88,40 dan masuk zona hijau.")
    assert [(r.entity, r.score) for r in records(extractor, text)] == [("Pemerintah Kabupaten Mimika", 88.4)]


def test_a_place_described_as_a_land_is_no_party(extractor):
    text = ("Dalam Opini Ombudsman 2025, Pemprov Papua Tengah mendapat nilai 58,71. Nilai provinsi termuda di tanah "
            "Papua bagian tengah itu naik dari 41,25 pada tahun sebelumnya.")
    assert all(r.entity != "Pemerintah Provinsi Papua" for r in records(extractor, text))


def test_the_government_units_are_counted_in_is_their_region(extractor):
    text = ("TRIBUNKALTIM.CO, SAMARINDA - Dalam penilaian kepatuhan 2024, Kota Balikpapan meraih 91,80. Ombudsman juga "
            "menilai 10 kecamatan di Kota Samarinda. Hasilnya, Kecamatan Samarinda Ulu meraih nilai tertinggi 87,30.")
    assert [r.region for r in records(extractor, text) if r.entity.startswith("Kecamatan")] == ["Kota Samarinda"]


def test_the_police_region_a_unit_is_said_to_be_of_is_no_party(extractor):
    text = ("Dalam PEKPPP 2023, dari wilayah hukum Polda Papua, Satpas Polres Jayapura di Sentani juga menjadi lokus "
            "penilaian dan mengantongi nilai 3,64 dengan kategori B.")
    assert [(r.entity, r.score) for r in records(extractor, text)] == [("Satpas Polres Jayapura", 3.64)]


def test_a_satpas_pointed_back_at_is_the_one_named_before(extractor):
    text = "Satpas Polresta Jayapura Kota meraih kategori A- pada PEKPPP 2023. Satpas tersebut mendapat skor IPP 4,02."
    assert [(r.entity, r.score) for r in records(extractor, text) if r.score] == [("Satpas Polresta Jayapura Kota", 4.02)]


def test_the_body_that_releases_an_index_is_its_assessor(extractor):
    text = ("Dalam Indeks Inovasi Daerah (IID) 2023 yang dirilis Badan Strategi Kebijakan Dalam Negeri (BSKDN) "
            "Kemendagri, Banggai masuk kategori Inovatif dengan skor 56,27.")
    assert [(r.entity, r.score) for r in records(extractor, text)] == [("Pemerintah Kabupaten Banggai", 56.27)]


def test_a_hospital_described_by_its_owner_is_no_named_unit(extractor):
    text = ("Pada penilaian Zona Integritas 2018, Kepala RS Bhayangkara Banda Aceh menyebut rumah sakit milik Polri itu "
            "menjadi rumah sakit pertama di Aceh yang mengantongi WBK.")
    assert all("Milik" not in r.entity for r in records(extractor, text))


def test_an_acronym_ending_a_ministrys_name_before_its_offices_place_is_part_of_it(extractor):
    found = records(extractor, "Kantor Wilayah Kementerian Hukum dan HAM Kepulauan Riau meraih predikat WBK pada 2021.")
    assert [r.entity for r in found] == ["Kantor Wilayah Kementerian Hukum dan HAM Kepulauan Riau"]
