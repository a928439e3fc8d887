"""Tables copied one cell per line: each row's name, score and label stay together, and a
row's label never heads the rows after it."""
import pytest

from tests.unit.extracted import extracted


def by_name(extractor, text):
    return {r.entity_as_written: r for r in extracted(extractor, text)}


def test_a_rows_score_and_label_lines_belong_to_its_name_line(extractor):
    text = ("Berikut hasil penilaian kepatuhan Ombudsman tahun 2023:\nKabupaten Bone\n88,50\nZona Hijau\n"
            "Kabupaten Wajo\n70,10\nZona Kuning")
    found = by_name(extractor, text)
    assert (found["Kabupaten Bone"].score, found["Kabupaten Bone"].predicate) == (88.5, ("zona hijau",))
    assert (found["Kabupaten Wajo"].score, found["Kabupaten Wajo"].predicate) == (70.1, ("zona kuning",))


@pytest.mark.parametrize("rows", [
    "Polres Blora\nPelayanan Prima\nPolres Rembang\nSangat Baik\nPolres Pati\nBaik",
    "No\nSatker\nPredikat\n1\nPolres Blora\nA- (Pelayanan Prima)\n2\nPolres Rembang\nA (Sangat Baik)\n3\nPolres Pati\nB (Baik)",
])
def test_a_label_line_under_a_name_line_is_that_rows_own(extractor, rows):
    found = by_name(extractor, "Berikut hasil evaluasi PEKPPP tahun 2023 untuk polres di Jawa Tengah:\n" + rows)
    assert "pelayanan prima" in found["Polres Blora"].predicate
    assert "sangat baik" in found["Polres Rembang"].predicate
    assert found["Polres Pati"].predicate[-1] == "baik"
    assert found["Polres Blora"].quote.startswith("Polres Blora") and found["Polres Blora"].quote.endswith("Prima")


def test_a_small_index_alone_under_a_name_line_is_its_score(extractor):
    text = "Berikut hasil evaluasi PEKPPP tahun 2023:\nPolres Blora\n4,23\nA (Sangat Baik)\nPolres Pati\n3,10\nB (Baik)"
    found = by_name(extractor, text)
    assert (found["Polres Blora"].score, found["Polres Pati"].score) == (4.23, 3.1)
    assert found["Polres Pati"].predicate == ("b", "baik")


def test_a_label_line_after_a_labelled_name_still_heads_the_next_group(extractor):
    text = "Hasil penilaian kepatuhan Ombudsman 2023:\nZona Hijau\nKabupaten Bone\nKabupaten Wajo\nZona Kuning\nKabupaten Soppeng"
    found = by_name(extractor, text)
    assert found["Kabupaten Wajo"].predicate == ("zona hijau",)
    assert found["Kabupaten Soppeng"].predicate == ("zona kuning",)


def test_numbered_name_lines_alone_give_nothing(extractor):
    text = "Berikut daftar polres yang dievaluasi dalam PEKPPP tahun 2023:\n1\nPolres Blora\n2\nPolres Rembang\n3\nPolres Pati"
    assert extracted(extractor, text) == []


@pytest.mark.parametrize("heading", ["Zona hijau:", "Zona hijau (nilai 81,00 – 100):", "Zona Hijau"])
def test_a_name_and_score_line_under_a_label_line_takes_that_label(extractor, heading):
    text = (f"Hasil penilaian kepatuhan Ombudsman 2021 di NTB. Berikut rinciannya:\n{heading}\nKota Mataram – 90,69\n"
            f"Kabupaten Lombok Barat – 88,10\n{heading.replace('hijau', 'kuning').replace('Hijau', 'Kuning')}\n"
            "Kabupaten Dompu – 72,18")
    found = by_name(extractor, text)
    assert {name: (r.score, r.predicate) for name, r in found.items()} == {
        "Kota Mataram": (90.69, ("zona hijau",)), "Kabupaten Lombok Barat": (88.1, ("zona hijau",)),
        "Kabupaten Dompu": (72.18, ("zona kuning",))}


def test_a_line_of_prose_under_a_label_line_ends_its_list(extractor):
    text = ("Hasil penilaian kepatuhan Ombudsman 2021 di NTB.\nZona hijau:\nKota Mataram – 90,69\n"
            "Sementara itu, Kabupaten Dompu hanya meraih nilai 72,18 tahun ini.")
    assert by_name(extractor, text)["Kabupaten Dompu"].predicate == ()


def test_a_bare_letter_closing_a_scored_row_is_its_grade(extractor):
    text = ("Hasil evaluasi SAKIP 2023:\nPeringkat Daerah Nilai Predikat\n1. Kota Pontianak 81,07 A\n"
            "2. Kabupaten Kubu Raya 78,22 BB\n3. Kabupaten Ketapang 67,91 B")
    assert {r.score: r.predicate for r in extracted(extractor, text)} == {81.07: ("a",), 78.22: ("bb",), 67.91: ("b",)}
    # a letter that opens a line or stands anywhere else grades nothing
    prose = "Hasil evaluasi SAKIP 2023:\nA. Kota Pontianak meraih 81,07 dan naik kelas B menurut evaluator."
    assert [r.predicate for r in extracted(extractor, prose)] == [()]


def test_a_colour_alone_under_a_score_cell_is_that_rows_zone(extractor):
    text = ("Berikut hasil penilaian kepatuhan 2019 pemerintah kabupaten/kota di Lampung:\nNo\nPemerintah Daerah\n"
            "Nilai\nZona\n1\nKabupaten Lampung Selatan\n91,87\nHijau\n2\nKabupaten Way Kanan\n55,30\nKuning")
    assert {r.score: r.predicate for r in extracted(extractor, text)} == {91.87: ("zona hijau",), 55.3: ("zona kuning",)}
