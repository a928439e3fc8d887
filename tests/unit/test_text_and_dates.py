"""Sentence offsets and date spans in Indonesian news text."""
import pytest

from rapor.extract.dates import date_spans, find_dateline_date, parse_date_span
from rapor.extract.text import sentences


def test_sentences_keep_offsets_and_abbreviations():
    text = "Pemkab Serang meraih nilai 82. Kab. Serang juga naik.\n\nDr. H. Ijang menyerahkan piagam."
    found = [s.of(text) for s in sentences(text)]
    assert found == ["Pemkab Serang meraih nilai 82.", "Kab. Serang juga naik.", "Dr. H. Ijang menyerahkan piagam."]
    for sentence in sentences(text):
        assert text[sentence.start:sentence.end] == sentence.of(text)


def test_a_persons_initials_in_a_row_do_not_end_a_sentence():
    text = "RSUD Prof. Dr. W. Z. Johannes meraih nilai 80,12. Kota Kupang meraih predikat C. Kabupaten Alor D."
    assert [s.of(text) for s in sentences(text)] == [
        "RSUD Prof. Dr. W. Z. Johannes meraih nilai 80,12.", "Kota Kupang meraih predikat C.", "Kabupaten Alor D."]


def test_decimals_do_not_end_sentences():
    text = "Nilainya 89,94 dan 68.52 tahun ini. Berikutnya Dinsos."
    assert len(sentences(text)) == 2


@pytest.mark.parametrize("span, iso", [
    ("Kamis, (8/6/2023)", "2023-06-08"),
    ("Senin (18/12/2023)", "2023-12-18"),
    ("Jum'at, 23 Desember 2022 - 07:05 WIB", "2022-12-23"),
    ("05 Feb, 2025", "2025-02-05"),
    ("4 Nopember 2019", "2019-11-04"),
    ("31/2/2024", None),               # not a calendar date
])
def test_parse_date_span(span, iso):
    assert parse_date_span(span) == iso


def test_scores_are_never_read_as_dates():
    text = "IPP 4,02 dan nilai 89,94 pada 2024."
    assert date_spans(text) == []
    assert find_dateline_date(text) is None


def test_dateline_date_is_the_first_real_date():
    assert find_dateline_date("SERANG – Acara digelar Selasa, 04 Februari 2025 di Pendopo.") == "2025-02-04"


def test_the_number_of_a_list_line_does_not_end_a_sentence():
    text = "Hasil PEKPPP 2023:\n1. Dinas Sosial – Baik (B)\n2. DPMPTSP – Sangat Baik (A-)"
    assert [s.of(text) for s in sentences(text)] == [
        "Hasil PEKPPP 2023:", "1. Dinas Sosial – Baik (B)", "2. DPMPTSP – Sangat Baik (A-)"]


def test_an_initial_after_a_title_does_not_end_a_sentence():
    # hospitals are named after people, with their titles and initials
    text = "Nilai IKM RSUD dr. R. Sosrodiningrat mencapai 90,45. Rumah sakit itu naik."
    assert [s.of(text) for s in sentences(text)] == [
        "Nilai IKM RSUD dr. R. Sosrodiningrat mencapai 90,45.", "Rumah sakit itu naik."]


def test_the_numbers_of_a_list_inside_a_sentence_do_not_end_it():
    text = "Kategori kabupaten/kota: 1. Kabupaten A (98,5), 2. Kota B (97,2), 3. Kabupaten C (96,8). Kota D meraih 5."
    assert [s.of(text) for s in sentences(text)] == [
        "Kategori kabupaten/kota: 1. Kabupaten A (98,5), 2. Kota B (97,2), 3. Kabupaten C (96,8).", "Kota D meraih 5."]
