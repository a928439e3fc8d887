"""`rapor report`: one static HTML file with charts (matplotlib, inline SVG) and the audit findings.

Nothing is fetched when the file is opened: charts are inline SVG and there is no script, so the
report can be mailed, archived, or opened offline. The HTML comes from the Jinja2 templates in
`pipeline/templates/` (autoescaped); this module only gathers the rows and draws the charts.

Charts a journalist can publish from: each scheme on its own scale (0–100, 0–5), never
auto-scaled to the spread of its points; values the audit flags (a predicate off its band, a
score out of scale, outlets that disagree) marked and labelled instead of plotted as plain
facts; one colour per region and per agency in every panel.
"""
from __future__ import annotations

import io
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display on servers; set before pyplot is imported
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from rapor.pipeline.audit import PROBLEMS, SYNDICATED  # noqa: E402

TEMPLATES = Path(__file__).resolve().parent / "templates"
KIND_COLOURS = {"consistent": "#2e7d32", "corroborated": "#66bb6a", "inconsistent": "#c62828",
                "out_of_scale": "#ad1457", "conflict": "#ef6c00", "uncertain_band_edge": "#f9a825",
                "syndicated": "#5c6bc0", "no_predicate": "#9e9e9e", "no_rubric": "#bdbdbd",
                "matches_official": "#00838f", "differs_from_official": "#6a1b9a", "no_official_value": "#b0bec5"}
FLAG_COLOUR = "#c62828"
AGENCY_LINES = 10   # per scheme panel: the agencies with most scored results, so the legend stays readable


def scheme_scales() -> dict[str, float]:
    """Each scheme's own scale, from config/rules/schemes.yaml (read only: the rules are not ours)."""
    from rapor import config
    schemes, _ = config.load_yaml(config.RULES_DIR / "schemes.yaml")
    return {scheme: float(spec.get("scale_max") or 100) for scheme, spec in schemes.items()}


def _svg(figure) -> str:
    for axis in figure.axes:
        _LABELS.pop(id(axis), None)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def _palette(names) -> dict[str, str]:
    """One colour per name, the same in every panel (tab20, then tab20b for more)."""
    colours = [matplotlib.colors.to_hex(c) for c in (*plt.get_cmap("tab20").colors, *plt.get_cmap("tab20b").colors)]
    return {name: colours[index % len(colours)] for index, name in enumerate(sorted(names))}


def _on_scale(row: dict, scale: float) -> tuple[float, str]:
    """(value on the scheme's scale, note): a value on another scale (SKM's 1–4 index) is
    converted and says so; a value beyond the scale is drawn at its top edge and says so."""
    score, note = row["score"], ""
    if row["scale_max"] and row["scale_max"] != scale and score <= row["scale_max"]:
        score, note = score * scale / row["scale_max"], f"{row['score']:g} of {row['scale_max']:g}, converted"
    if score > scale:
        return scale, f"{row['score']:g}, beyond 0–{scale:g}"
    return score, note


def _flag(row: dict) -> str:
    return ", ".join(kind.replace("_", " ") for kind in PROBLEMS if kind in (row.get("audit") or []))


def _short(name: str, width: int = 28) -> str:
    return name if len(name) <= width else name[:width - 1] + "…"


def _year_axis(axis, years) -> None:
    """Whole years only, with a year of margin (matplotlib would spread one year over a century)."""
    axis.set_xlim(min(years) - 0.7, max(years) + 0.7)
    axis.set_xticks(range(min(years), max(years) + 1))
    axis.tick_params(labelsize=7)


def _panels(count: int, height: float = 3.4):
    columns = min(count, 3)
    rows = (count + columns - 1) // columns
    figure, axes = plt.subplots(rows, columns, figsize=(4.3 * columns, height * rows), squeeze=False, layout="constrained")
    for axis in axes.flat[count:]:
        axis.set_visible(False)
    return figure, list(axes.flat)


def _mark(axis, x: float, y: float, row: dict, note: str) -> list[str]:
    """A flagged or off-scale point: an open red marker and a label saying why."""
    flag = _flag(row)
    labels = [text for text in (flag, note) if text]
    if not labels:
        return []
    # red for what the audit flags or the scale refuses; grey for a value only converted to the scale
    colour = FLAG_COLOUR if flag or "beyond" in note else "#757575"
    axis.scatter([x], [y], s=120, facecolors="none", edgecolors=colour, linewidths=1.6, zorder=4,
                 marker="^" if "beyond" in note else "o" if flag else "s")
    # labels of one panel stack downwards, so two flagged values at one place stay readable
    placed = _LABELS.setdefault(id(axis), [])
    near = sum(1 for px, py in placed if abs(px - x) < 0.5 and abs(py - y) < axis.get_ylim()[1] * 0.15)
    placed.append((x, y))
    text = f"{_short(row['entity'], 22)} " + ("; ".join(labels) if note else f"{row['score']:g}: {flag}")
    axis.annotate(text, (x, y), xytext=(6, -10 - 9 * near), textcoords="offset points", fontsize=6, color=colour, zorder=5)
    return labels


_LABELS: dict[int, list] = {}   # per panel: where flag labels were put


def _scored(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["score"] is not None and r["year"] is not None]


def score_distribution(rows: list[dict], scales: dict[str, float]) -> str:
    """Scores per scheme and year, each panel on its scheme's scale, flagged values marked."""
    by_scheme: dict[str, list[dict]] = defaultdict(list)
    for row in _scored(rows):
        by_scheme[row["scheme"]].append(row)
    if not by_scheme:
        return "<p>No scored evaluations yet.</p>"
    figure, axes = _panels(len(by_scheme))
    for axis, scheme in zip(axes, sorted(by_scheme)):
        scale = scales.get(scheme, 100.0)
        for row in by_scheme[scheme]:
            y, note = _on_scale(row, scale)
            axis.scatter([row["year"]], [y], s=22, color="#1565c0", alpha=0.75, zorder=3)
            _mark(axis, row["year"], y, row, note)
        axis.set_ylim(0, scale * 1.04)
        axis.set_title(f"{scheme} (scale 0–{scale:g})", fontsize=9)
        axis.set_ylabel("reported score", fontsize=8)
        _year_axis(axis, [r["year"] for r in by_scheme[scheme]])
    figure.suptitle("Reported scores per scheme and year (open red marks: flagged by the audit or off the scale)", fontsize=10)
    return _svg(figure)


def timelines(rows: list[dict], scales: dict[str, float], *, key: str, title: str, keep) -> str:
    """Lines over the years, one per `key` (region or agency) with one colour in every panel, one
    panel per scheme on its scale; `keep(row)` says which rows belong (governments, agencies)."""
    series: dict[str, dict[str, dict[int, list[dict]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for row in _scored(rows):
        if keep(row) and row[key]:
            series[row["scheme"]][row[key]][row["year"]].append(row)
    if not series:
        return f"<p>No scores for {title.lower()} yet.</p>"
    for scheme, lines in series.items():  # the most reported first, so a busy scheme keeps a readable legend
        series[scheme] = dict(sorted(lines.items(), key=lambda kv: -sum(map(len, kv[1].values())))[:AGENCY_LINES])
    colours = _palette({name for lines in series.values() for name in lines})
    figure, axes = _panels(len(series), height=3.8)
    for axis, scheme in zip(axes, sorted(series)):
        scale = scales.get(scheme, 100.0)
        for name, years in sorted(series[scheme].items()):
            xs = sorted(years)
            ys = [sum(_on_scale(r, scale)[0] for r in years[x]) / len(years[x]) for x in xs]
            axis.plot(xs, ys, marker="o", markersize=4, color=colours[name], label=_short(name), zorder=3,
                      gid=f"{key}:{name}:{scheme}")   # an id in the SVG: which series, in which panel
            for x in xs:
                for row in years[x]:
                    _mark(axis, x, *_on_scale(row, scale)[:1], row, _on_scale(row, scale)[1])
        axis.set_ylim(0, scale * 1.04)
        axis.set_title(f"{scheme} (scale 0–{scale:g})", fontsize=9)
        _year_axis(axis, [year for years in series[scheme].values() for year in years])
        axis.legend(fontsize=6, loc="lower left")
    figure.suptitle(title, fontsize=10)
    return _svg(figure)


def audit_outcomes(counts: dict[str, int]) -> str:
    if not counts:
        return "<p>No audit yet.</p>"
    kinds = sorted(counts, key=lambda k: -counts[k])
    figure, axis = plt.subplots(figsize=(7, 0.3 * len(kinds) + 1), layout="constrained")
    axis.barh(kinds, [counts[k] for k in kinds], color=[KIND_COLOURS.get(k, "#607d8b") for k in kinds])
    axis.invert_yaxis()
    axis.set_xlabel("evaluations")
    axis.set_title("Audit outcomes: each evaluation checked against its rubric, the other outlets and the official tables",
                   fontsize=9)
    return _svg(figure)


def legend_svg() -> str:
    """The markers the charts use, once, above them."""
    figure = plt.figure(figsize=(7, 0.4))
    handles = [Line2D([], [], marker="o", color="#1565c0", linestyle="", label="reported score"),
               Line2D([], [], marker="o", markerfacecolor="none", markeredgecolor=FLAG_COLOUR, linestyle="",
                      markersize=9, label="flagged by the audit (label says why)"),
               Line2D([], [], marker="^", markerfacecolor="none", markeredgecolor=FLAG_COLOUR, linestyle="",
                      markersize=9, label="beyond the scheme's scale, drawn at its top"),
               Line2D([], [], marker="s", markerfacecolor="none", markeredgecolor="#757575", linestyle="",
                      markersize=9, label="reported on another scale, converted")]
    figure.legend(handles=handles, loc="center", ncol=4, fontsize=7, frameon=False)
    return _svg(figure)


def environment():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                       trim_blocks=True, lstrip_blocks=True)


def render(db) -> str:
    from rapor import store
    from rapor.pipeline.report_official import official_context

    rows = store.query_evaluations(db, limit=1_000_000)
    counts = store.finding_counts(db)
    scales = scheme_scales()
    return environment().get_template("report.html").render(
        evaluations=len(rows), counts=counts, problems=sum(counts.get(kind, 0) for kind in PROBLEMS),
        findings=store.findings_with_sources(db, (*PROBLEMS, "uncertain_band_edge", SYNDICATED)),
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        charts={"legend": legend_svg(), "audit": audit_outcomes(counts), "scores": score_distribution(rows, scales),
                "regions": timelines(rows, scales, key="region", title="Region governments over time",
                                     keep=lambda r: r["entity"].startswith("Pemerintah")),
                "agencies": timelines(rows, scales, key="entity", title="Agencies over time (offices and units)",
                                      keep=lambda r: not r["entity"].startswith("Pemerintah"))},
        official=official_context(db))
