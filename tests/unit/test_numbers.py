"""Which numbers are scores: each case a sentence written the way regional news reports numbers."""
import pytest

from extract.records import Article


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
])
def test_counts_are_not_scores(extractor, text):
    assert scores(extractor, text) == []


def test_a_teaser_line_is_another_story(extractor):
    text = ("Pemerintah Kota Bekasi meraih indeks SPBE 3,41 pada evaluasi 2023.\n"
            "Baca juga: Pemkab Bogor raih nilai 4,12 dalam SPBE 2023")
    assert scores(extractor, text) == [3.41]
