"""Checks of an official table against itself, as pure functions: findings, never corrections.

1. `category_off_band`: the category printed beside a value is not the band of that value
   under the bands the document states (or, where it states none, the rubric of that year).
2. `totals_disagree`: a count per category the document states ("Jumlah instansi zona hijau:
   52") differs from the rows that carry that category.
3. `rank_out_of_order`: within a group, a row ranked below another has the higher value.
4. `unmapped_row` and `no_header`: rows and tables Rapor could not map, listed.
"""
from __future__ import annotations

from collections import defaultdict

from rapor.extract.official import MappedDocument
from rapor.pipeline.audit import INCONSISTENT, check_rubric
from rapor.pipeline.official_audit import stated_period

CATEGORY_OFF_BAND, TOTALS_DISAGREE, RANK_OUT_OF_ORDER = "category_off_band", "totals_disagree", "rank_out_of_order"
UNMAPPED_ROW, NO_HEADER = "unmapped_row", "no_header"


def document_rubrics(mapped: MappedDocument, rubrics: dict, url: str) -> dict:
    """The rubrics, with the bands this document states first for its scheme and year."""
    if not mapped.bands or mapped.year is None:
        return rubrics
    rows = [{"labels": ", ".join(b.labels), "lower": b.lower, "upper": b.upper, "page": b.page, "document_url": url}
            for b in mapped.bands]
    period = stated_period(mapped.family.scheme, mapped.year, rows, mapped.family.scale_max)
    if period is None:
        return rubrics
    return {**rubrics, mapped.family.scheme: [period, *rubrics.get(mapped.family.scheme, [])]}


def check_table(mapped: MappedDocument, rubrics: dict, url: str = "") -> list[tuple[str, str, int | None, int | None]]:
    """(kind, detail, page, index of the value in `mapped.values` or None) for every failure."""
    found = [(NO_HEADER, problem, None, None) for problem in mapped.problems]
    rubrics = document_rubrics(mapped, rubrics, url)
    values = mapped.values
    for index, value in enumerate(values):
        if value.problem:
            found.append((UNMAPPED_ROW, f"{value.entity_as_written!r}: {value.problem}", value.page, index))
            continue
        if value.score is None or not value.category:
            continue
        verdict = check_rubric({"id": index, "score": value.score, "scheme": value.scheme, "year": value.year,
                                "scale_max": value.scale_max, "predicate": value.category}, rubrics)
        if verdict.kind == INCONSISTENT:
            found.append((CATEGORY_OFF_BAND, f"{value.entity}: {value.score:g} is printed with "
                          f"'{value.category}', but the band of {value.score:g} is '{verdict.expected}' "
                          f"({verdict.rubric_source})", value.page, index))
    for label, stated in mapped.totals.items():
        counted = sum(1 for v in values if label in v.labels)
        if counted != stated:
            found.append((TOTALS_DISAGREE, f"the document states {stated} with '{label}'; its rows show {counted}",
                          None, None))
    groups: dict[tuple, list[int]] = defaultdict(list)
    for index, value in enumerate(values):
        if value.rank is not None and value.score is not None:
            groups[(value.level, value.year)].append(index)
    for indices in groups.values():
        ordered = sorted(indices, key=lambda i: values[i].rank)
        for above, below in zip(ordered, ordered[1:]):
            upper, lower = values[above], values[below]
            if lower.rank > upper.rank and lower.score > upper.score:
                found.append((RANK_OUT_OF_ORDER, f"{lower.entity} is ranked {lower.rank} with {lower.score:g}, "
                              f"above {upper.entity} ranked {upper.rank} with {upper.score:g}", lower.page, below))
    return found
