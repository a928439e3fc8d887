"""Tables a story prints, read row by row by what their header calls each column."""
import pytest

from rapor.extract.article import html_to_article
from tests.unit.extracted import extracted

ZONES = ("Ombudsman RI merilis hasil penilaian kepatuhan tahun 2022 kepada pemerintah daerah di Sulawesi Tenggara.\n"
         "| No | Pemda | Nilai | Zona |\n|---|---|---|---|\n"
         "| 1 | Kabupaten Kolaka | 85,20 | Hijau |\n| 2 | Kota Kendari | 78,10 | Kuning |\n"
         "| 3 | Wonokerto Raya | 61,00 | Kuning |\n"
         "Demikian hasil penilaian tahun ini.")


def rows(extractor, text):
    return extracted(extractor, text)


def test_each_row_is_its_bodys_result_and_a_bare_colour_under_zona_is_the_zone(extractor):
    found = {r.entity: r for r in rows(extractor, ZONES)}
    assert {name: (r.score, r.predicate, r.year) for name, r in found.items()} == {
        "Pemerintah Kabupaten Kolaka": (85.2, ("zona hijau",), 2022),
        "Pemerintah Kota Kendari": (78.1, ("zona kuning",), 2022)}   # no rule reads "Wonokerto Raya": no record
    assert found["Pemerintah Kota Kendari"].quote == "| 2 | Kota Kendari | 78,10 | Kuning |"


def test_a_year_in_a_value_columns_header_is_that_columns_round(extractor):
    text = ("Hasil evaluasi pelayanan publik KemenPANRB untuk Polda Jateng.\n"
            "| Satker | Nilai 2022 | Nilai 2023 | Kategori |\n|---|---|---|---|\n| Polres Kendal | 3,95 | 4,51 | A |")
    found = sorted((r.score, r.year, r.scheme) for r in rows(extractor, text))
    assert found == [(3.95, 2022, "pekppp"), (4.51, 2023, "pekppp")]


def test_a_table_without_a_name_column_gives_nothing(extractor):
    text = ("Ombudsman RI merilis hasil penilaian kepatuhan tahun 2022.\n"
            "| Zona | Rentang nilai |\n|---|---|\n| Hijau | 81 |\n| Kuning | 51 |")
    assert rows(extractor, text) == []


def test_a_table_on_a_page_reaches_the_records_through_the_html_reader(extractor):
    html = ("<html><body><article><h1>Hasil Penilaian Kepatuhan</h1><p>Ombudsman RI merilis hasil penilaian kepatuhan "
            "tahun 2022 kepada pemerintah daerah di Sulawesi Tenggara. Berikut hasil lengkap setiap daerah yang dinilai "
            "tahun ini, sebagaimana disampaikan kepada wartawan.</p><table><tr><th>No</th><th>Pemda</th><th>Nilai</th>"
            "<th>Zona</th></tr><tr><td>1</td><td>Kabupaten Kolaka</td><td>85,20</td><td>Hijau</td></tr></table>"
            "<p>Ombudsman berharap seluruh daerah terus memperbaiki standar pelayanan publik mereka.</p></article></body></html>")
    article = html_to_article(html.encode(), url="http://127.0.0.1/berita/1")
    [record] = rows(extractor, article.text)
    assert (record.entity, record.score, record.predicate) == ("Pemerintah Kabupaten Kolaka", 85.2, ("zona hijau",))


def test_a_letter_grade_under_a_value_column_is_the_rows_grade(extractor):
    text = ("Berikut hasil evaluasi PEKPPP tahun 2023.\n| No | Satker | Nilai | Predikat |\n|---|---|---|---|\n"
            "| 1 | Polres Blora | A- | Pelayanan Prima |\n| 2 | Polres Pati | 4,12 | Sangat Baik |")
    found = {r.entity: r for r in rows(extractor, text)}
    assert (found["Polres Blora"].score, found["Polres Blora"].predicate) == (None, ("a-", "pelayanan prima"))
    assert (found["Polres Pati"].score, found["Polres Pati"].predicate) == (4.12, ("sangat baik",))


def test_a_table_copied_with_tab_parted_cells_is_read_by_its_header(extractor):
    text = ("Hasil penilaian kepatuhan Ombudsman 2023:\nNo\tPemda\tNilai\tZona\n1\tKabupaten Bone\t88,50\tHijau\n"
            "2\tKabupaten Wajo\t70,10\tKuning")
    found = {r.entity: (r.score, r.predicate) for r in rows(extractor, text)}
    assert found == {"Pemerintah Kabupaten Bone": (88.5, ("zona hijau",)),
                     "Pemerintah Kabupaten Wajo": (70.1, ("zona kuning",))}
    for record in rows(extractor, text):
        assert text[record.start:record.end] == record.quote and "\t" in record.quote


def test_tab_parted_lines_without_a_header_are_read_as_lines(extractor):
    text = "Hasil penilaian kepatuhan Ombudsman 2023:\n1\tKabupaten Bone\t88,50\n2\tKabupaten Wajo\t70,10"
    assert {r.entity: r.score for r in rows(extractor, text)} == {"Pemerintah Kabupaten Bone": 88.5,
                                                                  "Pemerintah Kabupaten Wajo": 70.1}


@pytest.mark.parametrize("row", ["{name} ........ {value}", "{name} : {value} ({colour})", "{name} | {value} | {colour}",
                                 "{name} – {value} – Zona {colour}"])
def test_a_row_written_with_leaders_or_marks_gives_its_value_and_its_zone(extractor, row):
    rows = [("Kabupaten Bone", "88,12", "Hijau"), ("Kabupaten Wajo", "76,40", "Kuning")]
    text = "Hasil penilaian kepatuhan Ombudsman 2023 kabupaten/kota di Sulawesi Selatan:\n" + "\n".join(
        row.format(name=n, value=v, colour=c) for n, v, c in rows)
    found = {r.entity: (r.score, r.predicate) for r in extracted(extractor, text)}
    with_zone = "{colour}" in row
    assert found == {f"Pemerintah {n}": (float(v.replace(",", ".")), (f"zona {c.lower()}",) if with_zone else ())
                     for n, v, c in rows}
