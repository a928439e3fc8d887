"""News against the official tables, as pure functions over stored rows.

`compare_with_official` joins every news evaluation to the official value of the same agency,
scheme and year and says `matches_official`, `differs_from_official` (with what kind of
difference: a transposed pair of digits, a decimal separator, rounding, the value of another
period, the value of the Kota or Kabupaten of the same name, a predicate other than the
official category, or other) or `no_official_value`. `with_stated_bands` puts the bands an
official document states ahead of the news-sourced rubric for that scheme and year, so the
audit cites the document. `pipeline.audit.audit` calls these; nothing here touches the store.
"""
from __future__ import annotations

from collections import defaultdict
from rapor.config import Band, RubricPeriod
from rapor.pipeline.audit import Finding, _matches, labels_of

MATCHES = "matches_official"
DIFFERS = "differs_from_official"
NO_OFFICIAL = "no_official_value"
KINDS = (MATCHES, DIFFERS, NO_OFFICIAL)
# what kind of difference, most specific evidence first
TRANSPOSED, DECIMAL, ROUNDING, OTHER_PERIOD, KOTA_KABUPATEN, PREDICATE, NOT_ASSESSED, OTHER = (
    "transposed_digits", "decimal_separator", "rounding", "other_period", "kota_vs_kabupaten",
    "predicate_differs", "not_assessed", "other")
SAME = 0.005   # two-decimal values: equal when they print the same


def document_link(row: dict) -> str:
    return row["document_url"] + (f"#page={row['page']}" if row.get("page") else "")


# ---------------------------------------------------------------------------------------------
# Bands stated by documents

def with_stated_bands(rubrics: dict, stated: list[dict], scales: dict[str, float] | None = None) -> dict:
    """The rubrics with, per scheme and year, the bands an official document states placed first
    (`check_rubric` takes the first period of the right scale). The last document stored wins."""
    by_key: dict[tuple, list[dict]] = {}
    for row in stated:
        if row["scheme"] and row["year"]:
            by_key.setdefault((row["scheme"], row["year"], row["document_id"]), []).append(row)
    chosen: dict[tuple, list[dict]] = {}
    for (scheme, year, _), rows in sorted(by_key.items(), key=lambda item: item[0][2]):
        chosen[(scheme, year)] = rows
    out = {scheme: list(periods) for scheme, periods in rubrics.items()}
    for (scheme, year), rows in chosen.items():
        period = stated_period(scheme, year, rows, (scales or {}).get(scheme))
        if period:
            out.setdefault(scheme, []).insert(0, period)
    return out


def stated_period(scheme: str, year: int, rows: list[dict], scale: float | None) -> RubricPeriod | None:
    rows = sorted(rows, key=lambda r: r["lower"])
    lowers = [r["lower"] for r in rows]
    if len(set(lowers)) != len(lowers):
        return None
    bands = tuple(Band(r["lower"], ">=", tuple(l for l in r["labels"].split(", ") if l)) for r in rows)
    top = scale or (100.0 if max(r["upper"] for r in rows) > 5 else 5.0)
    return RubricPeriod(scheme, year, year, top, 0.0, "official (stated in the document)", document_link(rows[0]), bands)


def band_period(rubrics: dict, scheme: str, year: int | None, scale: float | None) -> RubricPeriod | None:
    periods = [p for p in rubrics.get(scheme, []) if year is not None and p.first_year <= year <= p.last_year]
    return next((p for p in periods if p.scale == scale), periods[0] if periods else None)


# ---------------------------------------------------------------------------------------------
# The comparison

def _digits(value: float) -> str:
    return f"{value:.4f}".replace(".", "").strip("0")


def is_transposed(news: float, official: float) -> bool:
    """77,73 for 77,37: the same digits with one pair swapped."""
    a, b = f"{news:.2f}", f"{official:.2f}"
    if len(a) != len(b):
        return False
    differ = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(differ) == 2 and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]]


def is_decimal_slip(news: float, official: float) -> bool:
    """7737 or 7,737 for 77,37: the same digits, the separator misplaced or misread."""
    return abs(news - official) >= SAME and _digits(news) == _digits(official)


def is_rounding(news: float, official: float) -> bool:
    return any(abs(round(official, places) - news) < 1e-9 for places in (0, 1)) or abs(news - official) <= 0.011


def other_level_name(entity: str) -> str | None:
    """"Pemerintah Kabupaten Tangerang" ↔ "Pemerintah Kota Tangerang" (and the units of each)."""
    padded = f" {entity} "
    for a, b in ((" Kabupaten ", " Kota "), (" Kota ", " Kabupaten ")):
        if a in padded:
            return padded.replace(a, b, 1).strip()
    return None


def official_labels(value: dict, rubrics: dict) -> set[str]:
    """The official category's labels, with the other labels of its band (a document that prints
    only "C" also says "zona kuning") when the band agrees with the category."""
    labels = set(labels_of(value["category"]))
    period = band_period(rubrics, value["scheme"], value["year"], value["scale_max"])
    if period and value["score"] is not None:
        band = period.band_for(value["score"])
        if labels & set(band.labels):
            labels |= set(band.labels)
    return labels


def predicate_mismatch(evaluation: dict, value: dict, rubrics: dict) -> list[str]:
    """Reported labels that the rubric knows and the official category does not carry."""
    official = official_labels(value, rubrics)
    period = band_period(rubrics, value["scheme"], value["year"], value["scale_max"])
    vocabulary = (period.labels if period else set()) | official
    known = [l for l in labels_of(evaluation.get("predicate")) if any(_matches(l, v) for v in vocabulary)]
    return [l for l in known if not any(_matches(l, o) for o in official)]


def compare_with_official(evaluations: list[dict], official: list[dict], rubrics: dict) -> list[Finding]:
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    years_of: dict[tuple, dict[int, dict]] = defaultdict(dict)
    covered: dict[tuple, int] = defaultdict(int)
    for value in official:   # ordered by fetch time: the newest copy comes last and wins
        by_key[(value["entity"], value["scheme"], value["year"])].append(value)
        years_of[(value["entity"], value["scheme"])][value["year"]] = value
        covered[(value["scheme"], value["year"])] += 1
    findings = []
    for evaluation in evaluations:
        if evaluation["score"] is None and not evaluation.get("predicate"):
            continue
        findings.append(_compare_one(evaluation, by_key, years_of, covered, rubrics))
    return findings


def _compare_one(evaluation: dict, by_key, years_of, covered, rubrics) -> Finding:
    eid, entity, scheme, year = evaluation["id"], evaluation["entity"], evaluation["scheme"], evaluation["year"]
    if year is None:
        return Finding(eid, NO_OFFICIAL, "no evaluation year stated: nothing to look up")
    rows = by_key.get((entity, scheme, year))
    if not rows:
        n = covered.get((scheme, year), 0)
        why = (f"{n} official values of {scheme} {year} are stored, none for {entity}" if n
               else f"no official table of {scheme} {year} is stored")
        return Finding(eid, NO_OFFICIAL, why)
    value = rows[-1]
    others = sorted({r["score"] for r in rows if r["score"] is not None and abs(r["score"] - (value["score"] or 0)) >= SAME})
    context = dict(expected=f"{value['score']:g} {value['category']}".strip() if value["score"] is not None else value["category"],
                   rubric=value.get("document_title") or value["family"], rubric_source=document_link(value),
                   confidence="official document", official_value_id=value["id"])
    also = f" (another official copy gives {', '.join(f'{s:g}' for s in others)})" if others else ""
    news = evaluation["score"]
    if news is not None and value["score"] is None:
        return Finding(eid, DIFFERS, f"{news:g} reported; the official table lists {entity} as not assessed",
                       difference=NOT_ASSESSED, **context)
    if news is None or abs(news - value["score"]) < SAME:
        wrong = predicate_mismatch(evaluation, value, rubrics)
        if wrong:
            return Finding(eid, DIFFERS, f"reported '{', '.join(wrong)}', the official category is "
                           f"'{value['category']}'{also}", difference=PREDICATE, **context)
        what = f"{news:g}" if news is not None else f"'{evaluation['predicate']}'"
        return Finding(eid, MATCHES, f"{what} as in the official table{also}", **context)
    difference, detail = classify(news, value, years_of.get((entity, scheme), {}), by_key)
    return Finding(eid, DIFFERS, detail + also, difference=difference, **context)


def classify(news: float, value: dict, by_year: dict[int, dict], by_key: dict) -> tuple[str, str]:
    official = value["score"]
    said = f"{news:g} reported, {official:g} official"
    other_name = other_level_name(value["entity"])
    if other_name:
        twins = by_key.get((other_name, value["scheme"], value["year"])) or []
        if twins and twins[-1]["score"] is not None and abs(twins[-1]["score"] - news) < SAME:
            return KOTA_KABUPATEN, f"{said}: {news:g} is the official value of {other_name}, of the same name"
    for year, other in sorted(by_year.items()):
        if year != value["year"] and other["score"] is not None and abs(other["score"] - news) < SAME:
            return OTHER_PERIOD, f"{said}: {news:g} is the official value of {year}, not {value['year']}"
    if is_decimal_slip(news, official):
        return DECIMAL, f"{said}: the same digits with the decimal separator misplaced"
    if is_transposed(news, official):
        return TRANSPOSED, f"{said}: two digits transposed"
    if is_rounding(news, official):
        return ROUNDING, f"{said}: the official value rounded"
    return OTHER, f"{said} ({news - official:+.2f})"

