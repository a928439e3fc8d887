"""The audit's rules: predicate against the rubric band, scale, syndication, agreement across outlets."""
import pytest

from rapor import config
from rapor.pipeline.audit import (CONFLICT, CONSISTENT, CORROBORATED, INCONSISTENT, NO_PREDICATE, NO_RUBRIC,
                            OUT_OF_SCALE, SYNDICATED, UNCERTAIN_EDGE, check_rubric, cross_outlet)
from rapor.pipeline.syndication import syndication_clusters

RUBRICS = config.load_rubrics()


def evaluation(score, scheme="ombudsman_compliance", year=2024, predicate="", scale_max=100.0, **extra):
    return {"id": extra.pop("id", "e1"), "score": score, "scheme": scheme, "year": year, "predicate": predicate,
            "scale_max": scale_max, **extra}


@pytest.mark.parametrize("record, kind", [
    (evaluation(94.62, predicate="zona hijau, kualitas tertinggi"), CONSISTENT),
    (evaluation(62.5, year=2023, predicate="zona hijau, kualitas tertinggi"), INCONSISTENT),
    (evaluation(77.73, year=2021, predicate="kepatuhan sedang"), CONSISTENT),
    (evaluation(77.8, year=2023, predicate="opini kualitas tinggi"), UNCERTAIN_EDGE),   # B starts at an implied 78
    (evaluation(72.0, year=2023, predicate="kualitas tinggi"), INCONSISTENT),           # far from any edge
    (evaluation(76.82, year=2025, predicate="kualitas sedang tanpa maladministrasi"), NO_PREDICATE),
    (evaluation(4.22, "pekppp", 2022, "sangat baik", 5.0), CONSISTENT),
    (evaluation(4.22, "pekppp", 2022, "pelayanan prima", 5.0), INCONSISTENT),
    (evaluation(4.35, "pekppp", 2024, "a-, sangat baik", 5.0), CONSISTENT),
    (evaluation(7.12, "spbe", 2023, "", 5.0), OUT_OF_SCALE),
    (evaluation(4.22, "ombudsman_compliance", 2024, "zona hijau", 100.0), OUT_OF_SCALE),
    (evaluation(105.0, "skm", 2024, "", 100.0), OUT_OF_SCALE),
    (evaluation(3.41, "skm", 2024, "baik", 4.0), CONSISTENT),
    (evaluation(86.4, "skm", 2024, "mutu pelayanan b", 100.0), CONSISTENT),
    (evaluation(88.4, "skm", 2024, "mutu pelayanan b", 100.0), INCONSISTENT),
    (evaluation(71.25, "sakip", 2024, "bb", 100.0), CONSISTENT),
    (evaluation(85.2, "kip", 2024, "menuju informatif", 100.0), CONSISTENT),
    (evaluation(85.2, "kip", 2024, "informatif", 100.0), INCONSISTENT),
    (evaluation(3.12, "spbe", 2023, "baik", 5.0), CONSISTENT),
    (evaluation(91.0, "zi", 2023, "wbk", None), NO_RUBRIC),
    (evaluation(91.0, year=None, predicate="zona hijau"), NO_RUBRIC),
    (evaluation(88.0, "skm", 2015, "baik", 100.0), NO_RUBRIC),                          # 16/2014 table unverified
    (evaluation(91.16), NO_PREDICATE),
    (evaluation(45.0, year=2019, predicate="rapor merah"), CONSISTENT),                 # a reporter's word for the zone
    (evaluation(90.0, year=2019, predicate="rapor merah"), INCONSISTENT),
])
def test_rubric_classification(record, kind):
    finding = check_rubric(record, RUBRICS)
    assert finding.kind == kind, finding.detail
    if kind in (CONSISTENT, INCONSISTENT, UNCERTAIN_EDGE):
        assert finding.rubric_source.startswith("http") and finding.expected


def test_inconsistent_finding_says_what_the_band_expects():
    finding = check_rubric(evaluation(62.5, year=2023, predicate="zona hijau, kualitas tertinggi"), RUBRICS)
    assert "kualitas sedang" in finding.expected and "62.5" in finding.detail


def test_rubric_file_errors_name_the_line(tmp_path):
    path = tmp_path / "rubrics.yaml"
    path.write_text("spbe:\n  - period: [2018, 2025]\n    scale: 5\n    tolerance: 0.1\n    confidence: news\n"
                    "    source: https://example.org/spbe\n    bands:\n      - {lower: 2.6, labels: [baik]}\n"
                    "      - {lower: 1.8, labels: [cukup]}\n")
    with pytest.raises(config.ConfigError, match=r"rubrics.yaml:2: bands must be listed from the lowest"):
        config.load_rubrics(path)


RELEASE = ("Pemerintah Kabupaten Serang kembali meraih predikat BB dalam evaluasi Sistem Akuntabilitas Kinerja "
           "Instansi Pemerintah Tahun 2024 dengan nilai 71,25. Penghargaan diserahkan di Jakarta dan diterima "
           "Sekretaris Daerah. Capaian ini hasil kerja bersama seluruh perangkat daerah dalam menyelaraskan "
           "perencanaan, penganggaran dan pelaporan kinerja.")


def test_copies_of_one_release_cluster_and_independent_reports_do_not():
    articles = {
        1: "SERANG, Warta – " + RELEASE,
        2: "SERANG, Kabar – " + RELEASE.replace("diterima", "diterima langsung oleh"),
        3: "SERANG – " + RELEASE + " Ke depan targetnya predikat A.",
        4: "Kabupaten Serang mendapat BB untuk SAKIP 2024. Nilainya 71,25, kata Sekda kepada wartawan di "
           "kantornya, seraya menyebut perencanaan yang lebih rapi sebagai kuncinya.",
    }
    clusters = syndication_clusters(articles)
    assert clusters[1] == clusters[2] == clusters[3] != clusters[4]


def test_cross_outlet_counts_independent_sources():
    rows = [
        {"id": "a", "article_id": 1, "entity": "X", "scheme": "sakip", "year": 2024, "score": 71.25},
        {"id": "b", "article_id": 2, "entity": "X", "scheme": "sakip", "year": 2024, "score": 71.25},
        {"id": "c", "article_id": 3, "entity": "X", "scheme": "sakip", "year": 2024, "score": 71.25},
        {"id": "d", "article_id": 4, "entity": "Y", "scheme": "skm", "year": 2024, "score": 86.4},
        {"id": "e", "article_id": 5, "entity": "Y", "scheme": "skm", "year": 2024, "score": 84.8},
    ]
    findings = cross_outlet(rows, {1: 1, 2: 1, 3: 3, 4: 4, 5: 5})
    kinds = {(f.evaluation_id, f.kind) for f in findings}
    assert {("a", SYNDICATED), ("b", SYNDICATED), ("a", CORROBORATED), ("c", CORROBORATED)} <= kinds
    assert {("d", CONFLICT), ("e", CONFLICT)} <= kinds
    assert all(f.independent_sources == 2 for f in findings if f.kind == CORROBORATED)
