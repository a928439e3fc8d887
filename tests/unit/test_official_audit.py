"""News values against official values: each kind of difference, the table's own checks, and
bands an official document states taking precedence over the news-sourced rubric."""
import pytest

from rapor import config
from rapor.extract.official import MappedDocument, OfficialValue, StatedBand
from rapor.pipeline.official_audit import (DIFFERS, MATCHES, NO_OFFICIAL, compare_with_official, is_decimal_slip,
                                     is_transposed, with_stated_bands)
from rapor.pipeline.table_checks import check_table
from rapor.config.reports import load_families

RUBRICS = config.load_rubrics()


def official(entity, score, year=2023, category="", scheme="ombudsman_compliance", value_id=1):
    return {"id": value_id, "entity": entity, "scheme": scheme, "year": year, "score": score, "scale_max": 100.0,
            "category": category, "family": "ombudsman-opini", "document_url": "http://127.0.0.1/a.pdf", "page": 2,
            "document_title": "Lampiran"}


def news(entity, score, predicate="", year=2023, scheme="ombudsman_compliance"):
    return {"id": "e1", "entity": entity, "scheme": scheme, "year": year, "score": score, "scale_max": 100.0,
            "predicate": predicate}


TABLE = [
    official("Pemerintah Kabupaten Pandeglang", 77.37, category="c, kualitas sedang, zona kuning", value_id=1),
    official("Pemerintah Kota Serang", 74.60, category="c, kualitas sedang", value_id=2),
    official("Pemerintah Kota Serang", 70.15, year=2021, category="zona kuning", value_id=3),
    official("Pemerintah Kota Tangerang", 92.10, category="a, kualitas tertinggi", value_id=4),
    official("Pemerintah Kabupaten Tangerang", 85.40, category="b, kualitas tinggi", value_id=5),
    official("Pemerintah Kota Cilegon", 62.50, category="c", value_id=6),
]


@pytest.mark.parametrize("evaluation, kind, difference", [
    (news("Pemerintah Kabupaten Pandeglang", 77.73, "zona kuning"), DIFFERS, "transposed_digits"),
    (news("Pemerintah Kabupaten Pandeglang", 7737.0), DIFFERS, "decimal_separator"),
    (news("Pemerintah Kabupaten Pandeglang", 77.4), DIFFERS, "rounding"),
    (news("Pemerintah Kota Serang", 70.15, "zona kuning"), DIFFERS, "other_period"),
    (news("Pemerintah Kabupaten Tangerang", 92.10), DIFFERS, "kota_vs_kabupaten"),
    (news("Pemerintah Kota Cilegon", 62.50, "zona hijau, kualitas tertinggi"), DIFFERS, "predicate_differs"),
    (news("Pemerintah Kota Cilegon", 62.50, "zona kuning"), MATCHES, ""),      # C is zona kuning by its band
    (news("Pemerintah Kota Tangerang", 92.10, "zona hijau, kualitas tertinggi"), MATCHES, ""),
    (news("Pemerintah Kota Tangerang", 80.00), DIFFERS, "other"),
    (news("Pemerintah Kabupaten Lebak", 82.35), NO_OFFICIAL, ""),
    (news("Pemerintah Kota Tangerang", 92.10, year=2024), NO_OFFICIAL, ""),
])
def test_each_kind_of_difference(evaluation, kind, difference):
    [finding] = compare_with_official([evaluation], TABLE, RUBRICS)
    assert (finding.kind, finding.difference) == (kind, difference), finding.detail
    if kind != NO_OFFICIAL:
        assert finding.rubric_source == "http://127.0.0.1/a.pdf#page=2" and finding.official_value_id


def test_a_predicate_only_record_is_checked_against_the_official_category():
    kip = [official("Pemerintah Kabupaten Serang", 78.40, year=2024, category="cukup informatif", scheme="kip")]
    [finding] = compare_with_official([news("Pemerintah Kabupaten Serang", None, "informatif", 2024, "kip")], kip, RUBRICS)
    assert (finding.kind, finding.difference) == (DIFFERS, "predicate_differs")
    assert "cukup informatif" in finding.detail


def test_no_official_value_says_whether_the_scheme_and_year_are_covered():
    [covered] = compare_with_official([news("Pemerintah Kabupaten Lebak", 82.35)], TABLE, RUBRICS)
    [uncovered] = compare_with_official([news("Pemerintah Kabupaten Lebak", 82.35, scheme="sakip")], TABLE, RUBRICS)
    assert "6" not in uncovered.detail and "no official table of sakip 2023" in uncovered.detail
    assert "official values of ombudsman_compliance 2023 are stored, none for" in covered.detail


def test_digit_helpers():
    assert is_transposed(77.73, 77.37) and is_transposed(7.12, 2.17) and not is_transposed(77.73, 77.37 + 1)
    assert is_decimal_slip(7737, 77.37) and is_decimal_slip(7.737, 77.37) and not is_decimal_slip(77.37, 77.37)


def test_stated_bands_come_before_the_news_rubric():
    stated = [{"scheme": "ombudsman_compliance", "year": 2023, "document_id": 1, "labels": labels, "lower": lower,
               "upper": upper, "page": 3, "document_url": "http://127.0.0.1/a.pdf"}
              for labels, lower, upper in (("e, kualitas terendah, zona merah", 0, 31.99), ("d, kualitas rendah, zona merah", 32, 53.99),
                                           ("c, kualitas sedang, zona kuning", 54, 77.99), ("b, kualitas tinggi, zona hijau", 78, 87.99),
                                           ("a, kualitas tertinggi, zona hijau", 88, 100))]
    rubrics = with_stated_bands(RUBRICS, stated, {"ombudsman_compliance": 100.0})
    first = rubrics["ombudsman_compliance"][0]
    assert (first.first_year, first.last_year, first.source) == (2023, 2023, "http://127.0.0.1/a.pdf#page=3")
    assert first.confidence.startswith("official") and first.band_for(77.99).labels[0] == "c"
    assert len(rubrics["ombudsman_compliance"]) == len(RUBRICS["ombudsman_compliance"]) + 1


def _value(entity, score, category, rank, level="kabupaten"):
    return OfficialValue("ombudsman-opini", "ombudsman_compliance", 2023, entity, entity, None, None, level, score,
                         100.0, category, rank, 0, rank, 1, None)


def test_table_checks_find_an_off_band_category_stated_totals_and_ranks_out_of_order():
    family = load_families()["ombudsman-opini"]
    bands = (StatedBand(("b", "kualitas tinggi", "zona hijau"), 78, 87.99, 1), StatedBand(("a", "kualitas tertinggi", "zona hijau"), 88, 100, 1),
             StatedBand(("c", "kualitas sedang", "zona kuning"), 54, 77.99, 1))
    values = (_value("Boyolali", 93.12, "a, zona hijau", 1), _value("Bogor", 87.95, "a, zona hijau", 2),
              _value("Klaten", 87.44, "b, zona hijau", 4), _value("Banyumas", 86.02, "b, zona hijau", 3))
    mapped = MappedDocument(family, 2023, None, values, bands, {"zona hijau": 5}, {})
    found = {(kind, values[index].entity if index is not None else None) for kind, _, _, index in check_table(mapped, RUBRICS)}
    assert found == {("category_off_band", "Bogor"), ("totals_disagree", None), ("rank_out_of_order", "Klaten")}
