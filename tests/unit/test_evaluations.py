"""Article text → evaluation records, on sentences written for these tests after real reports."""
import pytest

from tests.unit.extracted import extracted


def extract(extractor, text, title=None):
    records = extracted(extractor, text, title)
    assert all(record.rule_ids for record in records)  # and says which rules made it
    return records


def by_entity(records):
    return {r.entity: r for r in records}


SERANG = (
    "SERANG, Kabar Serang Timur – Empat OPD di lingkungan Pemerintah Kabupaten (Pemkab) Serang meraih "
    "nilai tertinggi pada Penilaian Kepatuhan Standar Pelayanan Publik Tahun 2024 dari Ombudsman RI "
    "Perwakilan Provinsi Banten.\n\n"
    "Rinciannya, Dinsos meraih nilai 94, 62 zona hijau kualitas tertinggi, DPMPTSP nilai 91,16 zona hijau "
    "kualitas tertinggi, dan UPT Puskesmas Pontang nilai 93,44 zona hijau kualitas tertinggi."
)


def test_list_of_opd_scores_with_split_decimal_and_dateline_region(extractor):
    records = by_entity(extract(extractor, SERANG))
    dinsos = records["Dinas Sosial Kabupaten Serang"]
    assert dinsos.score == 94.62 and "score.split_decimal_comma" in dinsos.rule_ids
    assert dinsos.scheme == "ombudsman_compliance" and dinsos.year == 2024 and dinsos.scale_max == 100
    assert dinsos.predicate == ("zona hijau", "kualitas tertinggi")
    assert records["Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Serang"].score == 91.16
    assert records["UPT Puskesmas Pontang Kabupaten Serang"].score == 93.44
    assert len(records) == 3  # the assessor's office (Perwakilan Provinsi Banten) is not a result


def test_one_score_shared_by_two_units_and_a_predicate_per_score(extractor):
    text = ("CILEGON – Hasil pemantauan dan evaluasi kinerja penyelenggaraan pelayanan publik tahun 2022 "
            "mendapatkan nilai 4,22 dan masuk Predikat Sangat Baik atas penilaian DPMPTSP dan DKCS Kota Cilegon.")
    records = by_entity(extract(extractor, text))
    assert set(records) == {"Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Cilegon",
                            "Dinas Kependudukan dan Pencatatan Sipil Kota Cilegon"}
    for record in records.values():
        assert (record.score, record.scheme, record.scale_max, record.year) == (4.22, "pekppp", 5, 2022)
        assert record.predicate == ("sangat baik",)


def test_predicates_stay_with_their_own_score(extractor):
    text = ("Dalam evaluasi Indeks Pelayanan Publik 2024, DPMPTSP Kabupaten Lebak mencatat IPP 4,12 dengan "
            "predikat A-, sedangkan RSUD Malingping meraih 3,78 dengan predikat B.")
    records = {r.score: r for r in extract(extractor, text)}
    assert records[4.12].predicate == ("a-",)
    assert records[3.78].predicate == ("b",)


def test_score_after_a_comparison_belongs_to_the_subject(extractor):
    text = ("Kabupaten Sidoarjo menempati peringkat kedua nasional Indeks Pelayanan Publik kategori kabupaten, "
            "tepat di bawah Kabupaten Cilacap, dengan skor 4,65.")
    [record] = extract(extractor, text)
    assert record.entity == "Pemerintah Kabupaten Sidoarjo" and record.score == 4.65 and record.rank == 2


def test_earlier_and_later_values_both_belong_to_the_entity(extractor):
    text = "Menurut Ombudsman, nilai kepatuhan Kabupaten Gowa meningkat dari 73,44 menjadi 91,95 tahun ini."
    records = extract(extractor, text)
    assert sorted(r.score for r in records) == [73.44, 91.95]
    assert {r.entity for r in records} == {"Pemerintah Kabupaten Gowa"}


@pytest.mark.parametrize("text", [
    # band definitions
    "Ombudsman menetapkan zona hijau untuk nilai 81,00 – 100, zona kuning 51 sampai 80, dan zona merah 0 - 50.",
    "Badan publik kategori Menuju Informatif memiliki rentang nilai (80 - 89,9) dalam monev Komisi Informasi.",
    # shares and counts of entities
    "Pada penilaian kepatuhan Ombudsman 2023 tercatat 70,83 persen atau 17 kementerian di zona hijau.",
    # targets
    "Kepala Dinkes Kota Serang menargetkan nilai 90 pada Survei Kepuasan Masyarakat tahun depan.",
    # money and amounts
    "Pemkab Serang menyalurkan 2,5 ton beras dan anggaran Rp 14,6 miliar untuk korban banjir.",
    # an unnamed score
    "Dari hasil survei kepuasan, tadi ada yang 79, ada juga yang lebih tinggi.",
])
def test_numbers_that_are_not_results(extractor, text):
    assert extract(extractor, text) == []


@pytest.mark.parametrize("text", ["", "   \n\n  ", "<html><body><p>nilai 91,16</p></body></html>",
                                  "The council scored 91.16 in the annual review of public services."])
def test_odd_input_gives_no_records_and_no_error(extractor, text):
    assert extract(extractor, text) == []


def test_very_long_text_is_bounded(extractor):
    text = ("Warga berkumpul di alun-alun untuk mengikuti kegiatan bersama. " * 90_000)[:5_000_000]
    assert extract(extractor, text) == []


def test_an_assessors_name_is_no_cue_of_the_index_it_shares_words_with_in_a_paragraph_or_the_article(extractor):
    text = ("Pemkab Lebak meraih skor 4,44 dari Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi "
            "(Kemenpan RB).\n\nPenghargaan itu hasil evaluasi pelayanan publik yang digelar Kemenpan RB.")
    assert [(r.score, r.scheme) for r in extract(extractor, text)] == [(4.44, "pekppp")]
