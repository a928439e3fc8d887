"""`rapor report`: one static HTML file with charts (matplotlib, inline SVG) and the audit findings.

Nothing is fetched when the file is opened: charts are inline SVG and there is no script, so the
report can be mailed, archived, or opened offline.
"""
from __future__ import annotations

import html
import io
from collections import defaultdict
from datetime import datetime, timezone

import matplotlib

matplotlib.use("Agg")  # no display on servers; set before pyplot is imported
import matplotlib.pyplot as plt  # noqa: E402

from pipeline.audit import PROBLEMS, SYNDICATED  # noqa: E402
from pipeline.report_official import official_section  # noqa: E402

KIND_COLOURS = {"consistent": "#2e7d32", "corroborated": "#66bb6a", "inconsistent": "#c62828",
                "out_of_scale": "#ad1457", "conflict": "#ef6c00", "uncertain_band_edge": "#f9a825",
                "syndicated": "#5c6bc0", "no_predicate": "#9e9e9e", "no_rubric": "#bdbdbd"}


def _svg(figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def _percent(row: dict) -> float:
    return 100 * row["score"] / row["scale_max"] if row["scale_max"] else row["score"]


def _year_axis(axis, years: list[int]) -> None:
    """Whole years only, with a year of margin (matplotlib would spread one year over a century)."""
    axis.set_xlim(min(years) - 1, max(years) + 1)
    axis.set_xticks(range(min(years) - 1, max(years) + 2))
    axis.tick_params(labelsize=7)


def score_distribution(rows: list[dict]) -> str:
    """Scores per scheme and year, each on its own scale."""
    by_scheme: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if row["score"] is not None and row["year"] is not None:
            by_scheme[row["scheme"]].append(row)
    schemes = sorted(by_scheme)
    if not schemes:
        return "<p>No scored evaluations yet.</p>"
    figure, axes = plt.subplots(1, len(schemes), figsize=(3.2 * len(schemes), 3.2), squeeze=False)
    for axis, scheme in zip(axes[0], schemes):
        points = by_scheme[scheme]
        # one scheme may mix scales (SKM's 1–4 and 25–100): plot each as a share of its own scale
        axis.scatter([p["year"] for p in points], [_percent(p) for p in points], alpha=0.7, color="#1565c0")
        axis.set_title(scheme, fontsize=9)
        axis.set_xlabel("evaluation year", fontsize=8)
        axis.set_ylabel("score, % of its scale", fontsize=8)
        _year_axis(axis, [p["year"] for p in points])
    figure.suptitle("Reported scores per scheme and year")
    return _svg(figure)


def region_timelines(rows: list[dict]) -> str:
    """Each region government's reported scores over the years, one panel per scheme."""
    series: dict[tuple[str, str], dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        if row["score"] is not None and row["year"] is not None and row["region"] and row["entity"].startswith("Pemerintah"):
            series[(row["scheme"], row["region"])][row["year"]].append(row["score"])
    schemes = sorted({scheme for scheme, _ in series})
    if not schemes:
        return "<p>No government-level scores yet.</p>"
    figure, axes = plt.subplots(1, len(schemes), figsize=(3.6 * len(schemes), 3.4), squeeze=False)
    for axis, scheme in zip(axes[0], schemes):
        for (s, region), years in sorted(series.items()):
            if s != scheme:
                continue
            xs = sorted(years)
            axis.plot(xs, [sum(years[x]) / len(years[x]) for x in xs], marker="o", label=region)
        axis.set_title(scheme, fontsize=9)
        _year_axis(axis, [year for (s, _), ys in series.items() if s == scheme for year in ys])
        axis.legend(fontsize=6)
    figure.suptitle("Region governments over time")
    return _svg(figure)


def audit_outcomes(counts: dict[str, int]) -> str:
    if not counts:
        return "<p>No audit yet.</p>"
    kinds = sorted(counts, key=lambda k: -counts[k])
    figure, axis = plt.subplots(figsize=(7, 2.8))
    axis.barh(kinds, [counts[k] for k in kinds], color=[KIND_COLOURS.get(k, "#607d8b") for k in kinds])
    axis.invert_yaxis()
    axis.set_xlabel("evaluations")
    axis.set_title("Audit: consistent, inconsistent, conflicting…")
    return _svg(figure)


def render(db) -> str:
    import store

    rows = store.query_evaluations(db, limit=1_000_000)
    counts = store.finding_counts(db)
    findings = store.findings_with_sources(db, (*PROBLEMS, "uncertain_band_edge", SYNDICATED))
    items = "".join(
        f"<tr class='{html.escape(f['kind'])}'><td>{html.escape(f['kind'])}</td><td>{html.escape(f['entity'])}</td>"
        f"<td>{html.escape(f['scheme'])} {f['year'] or ''}</td><td>{f['score']:g}</td>"
        f"<td>{html.escape(f['predicate'] or '')}</td><td>{html.escape(f['detail'])}</td>"
        f"<td><q>{html.escape(f['quote'])}</q></td>"
        f"<td><a href='{html.escape(f['url'])}'>{html.escape(f['outlet'])}</a> {html.escape(f['published'] or '')}</td></tr>"
        for f in findings)
    problems = sum(counts.get(kind, 0) for kind in PROBLEMS)
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Rapor audit report</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1200px; color: #212121; }}
h1 {{ margin-bottom: 0; }} .lead {{ color: #555; }}
figure {{ margin: 1.5rem 0; }} svg {{ max-width: 100%; height: auto; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.85rem; }}
td, th {{ border-bottom: 1px solid #ddd; padding: 0.35rem; vertical-align: top; text-align: left; }}
tr.inconsistent td:first-child, tr.out_of_scale td:first-child {{ color: #c62828; font-weight: bold; }}
tr.conflict td:first-child {{ color: #ef6c00; font-weight: bold; }}
q {{ font-style: italic; }}
img.row-crop {{ max-width: 420px; border: 1px solid #bbb; display: block; margin-top: 0.3rem; }}
</style></head><body>
<h1>Rapor audit report</h1>
<p class="lead">{len(rows)} reported evaluations; <strong id="problem-count">{problems}</strong> need a look
(predicate against its band, scale, disagreement between outlets). Generated {generated}.</p>
<figure id="audit-outcomes">{audit_outcomes(counts)}</figure>
<figure id="score-distribution">{score_distribution(rows)}</figure>
<figure id="region-timelines">{region_timelines(rows)}</figure>
<h2>Findings</h2>
<table id="findings"><thead><tr><th>finding</th><th>agency</th><th>scheme, year</th><th>score</th>
<th>reported</th><th>detail</th><th>quote</th><th>source</th></tr></thead><tbody>{items}</tbody></table>
{official_section(db)}
</body></html>
"""
