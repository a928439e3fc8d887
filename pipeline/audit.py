"""The journalists' questions, as pure functions over stored evaluations:

1. is the reported predicate right for the reported score under that scheme's rubric for that
   year (`check_rubric`);
2. do outlets disagree, and how many independent sources say the same (`cross_outlet`), with
   syndicated copies of one press release clustered first (`pipeline.syndication`) so that a
   release printed by three portals counts once;
3. does the news value agree with the official table (`pipeline.official_audit`), when the
   official values are given.

Nothing here reads or writes the database; `pipeline.cli audit` wires it to the store.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

# Finding kinds. The first three are problems a journalist should look at.
INCONSISTENT = "inconsistent"          # predicate of another band than the score's
OUT_OF_SCALE = "out_of_scale"          # 7,12 on SPBE's 0–5; 4,22 on a 0–100 scheme; 105 anywhere
CONFLICT = "conflict"                  # two independent sources, two different scores
CONSISTENT = "consistent"
UNCERTAIN_EDGE = "uncertain_band_edge"  # mismatch within the tolerance of an edge sources only imply
NO_RUBRIC = "no_rubric"                # no bands known for that scheme and year (or no year)
NO_PREDICATE = "no_predicate"          # nothing reported to check, or words the rubric does not use
CORROBORATED = "corroborated"          # the same value from several independent sources
SYNDICATED = "syndicated"              # the article is a copy of a release printed elsewhere too
PROBLEMS = (INCONSISTENT, OUT_OF_SCALE, CONFLICT)


@dataclass(frozen=True)
class Finding:
    evaluation_id: str
    kind: str
    detail: str
    expected: str = ""
    rubric: str = ""
    rubric_source: str = ""
    confidence: str = ""
    cluster: int | None = None
    independent_sources: int | None = None
    official_value_id: int | None = None   # the official row a news value was compared with
    difference: str = ""                   # how it differs from it (pipeline.official_audit)


# ---------------------------------------------------------------------------------------------
# 1. rubric

def labels_of(predicate: str | None) -> list[str]:
    return [p.strip() for p in (predicate or "").split(",") if p.strip()]


def _matches(reported: str, band_label: str) -> bool:
    """"opini kualitas tertinggi" and "kualitas sedang tanpa maladministrasi" carry a band label."""
    return reported == band_label or re.search(rf"(?<!\w){re.escape(band_label)}(?!\w)", reported) is not None


def check_rubric(evaluation: dict, rubrics: dict) -> Finding:
    """Classify one scored evaluation against the rubric of its scheme and year."""
    eid, score, scheme, year = evaluation["id"], evaluation["score"], evaluation["scheme"], evaluation["year"]
    periods = [p for p in rubrics.get(scheme, []) if year is not None and p.first_year <= year <= p.last_year]
    if score < 0 or score > 100:
        return Finding(eid, OUT_OF_SCALE, f"{score:g} is outside every scale Rapor knows (0–100)")
    if not periods:
        why = "no evaluation year stated" if year is None else f"no rubric for {scheme} in {year}"
        return Finding(eid, NO_RUBRIC, why)
    scales = sorted({p.scale for p in periods})
    reported_scale = evaluation.get("scale_max")
    chosen = [p for p in periods if p.scale == reported_scale] or [p for p in periods if score <= p.scale]
    if score > max(scales):
        return Finding(eid, OUT_OF_SCALE, f"{score:g} reported for {scheme} {year}, whose scale is 0–{max(scales):g}",
                       rubric=periods[0].describe(), rubric_source=periods[0].source, confidence=periods[0].confidence)
    if min(scales) >= 100 and score <= 5:
        return Finding(eid, OUT_OF_SCALE, f"{score:g} reported for {scheme} {year}, a 0–100 scheme: "
                       "a value on a 0–5 index", rubric=periods[0].describe(), rubric_source=periods[0].source,
                       confidence=periods[0].confidence)
    period = chosen[0]
    band = period.band_for(score)
    expected = ", ".join(band.labels)
    context = dict(expected=expected, rubric=period.describe(), rubric_source=period.source,
                   confidence=period.confidence)
    known = [label for label in labels_of(evaluation.get("predicate"))
             if any(_matches(label, rubric_label) for rubric_label in period.labels)]
    if not known:
        return Finding(eid, NO_PREDICATE, "no predicate the rubric knows was reported", **context)
    wrong = [label for label in known if not any(_matches(label, b) for b in band.labels)]
    if not wrong:
        return Finding(eid, CONSISTENT, f"{score:g} is in the band {expected}", **context)
    # a mismatch right at an edge the sources only imply is a doubt, not an error
    for other in period.bands:
        if other is band or not any(_matches(label, b) for label in wrong for b in other.labels):
            continue
        edge = max(other.lower, band.lower)
        inferred = (other if other.lower > band.lower else band).edge
        if inferred and abs(score - edge) <= period.tolerance:
            return Finding(eid, UNCERTAIN_EDGE, f"reported '{', '.join(wrong)}' for {score:g}, within "
                           f"{period.tolerance:g} of the edge {edge:g}, which sources only imply", **context)
    return Finding(eid, INCONSISTENT, f"reported '{', '.join(wrong)}' but {score:g} falls in the band "
                   f"'{expected}' ({period.describe()})", **context)


# ---------------------------------------------------------------------------------------------
# 2. syndication and cross-outlet agreement

def cross_outlet(evaluations: list[dict], clusters: dict[int, int]) -> list[Finding]:
    """Conflicts and corroboration per (entity, scheme, year), counting independent sources.

    An independent source is a syndication cluster: three portals printing one release are one.
    """
    findings: list[Finding] = []
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for evaluation in evaluations:
        if evaluation["score"] is not None and evaluation["year"] is not None:
            groups[(evaluation["entity"], evaluation["scheme"], evaluation["year"])].append(evaluation)
    cluster_sizes: dict[int, set[int]] = defaultdict(set)
    for article, cluster in clusters.items():
        cluster_sizes[cluster].add(article)
    for (entity, scheme, year), rows in groups.items():
        by_value: dict[float, set[int]] = defaultdict(set)
        for row in rows:
            by_value[round(row["score"], 2)].add(clusters.get(row["article_id"], row["article_id"]))
        for row in rows:
            cluster = clusters.get(row["article_id"], row["article_id"])
            value = round(row["score"], 2)
            sources = len(by_value[value])
            copies = len(cluster_sizes.get(cluster, {row["article_id"]}))
            if copies > 1:
                findings.append(Finding(row["id"], SYNDICATED, f"one of {copies} copies of the same text "
                                        "(counted once)", cluster=cluster, independent_sources=sources))
            others = {v: s for v, s in by_value.items() if v != value and s - {cluster}}
            if others:
                told = "; ".join(f"{v:g} by {len(s)} source(s)" for v, s in sorted(others.items()))
                findings.append(Finding(row["id"], CONFLICT, f"{entity}, {scheme} {year}: {value:g} here, "
                                        f"but {told} elsewhere", cluster=cluster, independent_sources=sources))
            elif sources > 1:
                findings.append(Finding(row["id"], CORROBORATED, f"{value:g} reported by {sources} independent "
                                        "sources", cluster=cluster, independent_sources=sources))
    return findings


def audit(evaluations: list[dict], clusters: dict[int, int], rubrics: dict,
          official: list[dict] | None = None) -> list[Finding]:
    """Every finding for every evaluation, given the syndication clusters of their articles; with
    `official` values, each evaluation compared with the official table too."""
    findings = [check_rubric(e, rubrics) for e in evaluations if e["score"] is not None]
    findings += cross_outlet(evaluations, clusters)
    if official is not None:
        from rapor.pipeline.official_audit import compare_with_official
        findings += compare_with_official(evaluations, official, rubrics)
    return findings
