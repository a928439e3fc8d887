"""`rapor`: crawl portals, extract evaluations, look at and export what was found."""
from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from rapor import config
from rapor import store
from rapor.pipeline import contract, stages

# Piped output (CI logs, `| less`) gets a wide table rather than rich's 80-column default.
console = Console(stderr=False, width=None if sys.stdout.isatty() else 180)
err = Console(stderr=True, soft_wrap=True)  # error lines stay whole, for grep and logs

db_option = click.option("--db", "db_path", default=stages.DEFAULT_DB, show_default=True,
                         type=click.Path(dir_okay=False), help="SQLite database file (created if missing).")

FORMATS = ("table", "csv", "json", "jsonl")


def output_options(default_format: str = "table"):
    """The one output grammar of query, history, export and audit: `--format/-f` table, csv,
    json or jsonl, `--output/-o FILE` (default: standard output)."""
    def decorate(fn):
        fn = click.option("--output", "-o", "output_path", type=click.Path(dir_okay=False, allow_dash=True),
                          default="-", show_default=True, help="File to write (- for standard output).")(fn)
        return click.option("--format", "-f", "fmt", type=click.Choice(FORMATS, case_sensitive=False),
                            default=default_format, show_default=True, help="Output format.")(fn)
    return decorate


class RaporError(click.ClickException):
    def show(self, file=None):
        from rich.markup import escape

        err.print(f"[bold red]error:[/] {escape(self.format_message())}")  # "rapor[distributed]" is no markup


def _guard(fn, *args, **kwargs):
    """Known failures become one clear line, not a traceback."""
    try:
        return fn(*args, **kwargs)
    except (config.ConfigError, store.StoreError) as exc:
        raise RaporError(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rapor")
def main():
    """Rapor: reported public-service evaluations from Indonesian regional news."""


# ---------------------------------------------------------------------------------------------

@main.command()
@click.argument("portal_ids", nargs=-1)
@click.option("--all", "all_portals", is_flag=True,
              help="Crawl every configured portal (config/portals/, or $RAPOR_PORTALS_DIR).")
@db_option
@click.option("--log-level", default="WARNING", show_default=True,
              type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False),
              help="Scrapy's log: INFO for its full log and a progress line every 10 s.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Skip entries dated before this (sitemap lastmod, feed dates).")
@click.option("--redis", "redis_url", envvar="RAPOR_REDIS_URL",
              help="Distributed mode: share the frontier in this Redis and push pages there for `rapor drain`.")
@click.option("--fresh", is_flag=True, help="Distributed mode: forget the shared queue and duplicate filter first.")
def crawl(portal_ids, all_portals, db_path, log_level, since, redis_url, fresh):
    """Fetch article pages of PORTAL_IDS into the database (raw HTML; extraction is separate).

    Quiet by default: a live progress display on a terminal, then one line per portal.
    """
    if all_portals:
        portal_ids = tuple(_guard(config.load_portals))
    if not portal_ids:
        known = ", ".join(sorted(_guard(config.load_portals))) or "none"
        raise RaporError(f"name at least one portal (or --all); known portals: {known}")
    runs = _crawl(portal_ids, db_path, log_level.upper(), since=since.date().isoformat() if since else None,
                  redis_url=redis_url, fresh=fresh)
    if redis_url:
        console.print(f"pages pushed to {redis_url}; run `rapor drain --redis {redis_url}` to store them")


def _crawl(portal_ids, db_path, log_level: str, **options) -> list[dict]:
    """stages.crawl with a live display of each portal's progress on a terminal (stderr), one
    summary line per portal after it, and a non-zero exit when a portal's crawl failed."""
    settings = {"LOG_LEVEL": log_level}
    try:
        if not err.is_terminal:
            runs = _guard(stages.crawl, portal_ids, db_path, settings, **options)
        else:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            # created before Scrapy installs its log handler, so log lines print above the display
            with Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), TextColumn("{task.fields[counts]}"),
                          TimeElapsedColumn(), console=err, transient=True) as display:
                tasks = {pid: display.add_task(pid, total=None, counts="starting") for pid in portal_ids}

                def watch(snapshots: list[dict]) -> None:
                    for snap in snapshots:
                        display.update(tasks[snap["portal"]], counts=(
                            f"discovered {snap['discovered']}, fetched {snap['fetched']}, already known "
                            f"{snap['known']}, failed {snap['failed']}" + (" — done" if snap["finished"] else "")))
                runs = _guard(stages.crawl, portal_ids, db_path, settings, watch=watch, **options)
    except stages.CrawlLocked as exc:
        raise RaporError(str(exc)) from None
    except stages.CrawlFailed as exc:
        _print_run_lines(exc.runs)
        raise RaporError(f"crawl failed: {exc}") from None
    _print_run_lines(runs)
    return runs


def _print_run_lines(runs: list[dict]) -> None:
    """One line per portal's run: what it found, fetched and lost."""
    from datetime import datetime

    for run in runs:
        took = ""
        if run["started_at"] and run["finished_at"]:
            seconds = (datetime.fromisoformat(run["finished_at"]) - datetime.fromisoformat(run["started_at"])).total_seconds()
            took = f" in {seconds:.0f} s"
        colour = "green" if run["status"] == "finished" and not run["errors"] else "yellow"
        console.print(f"[bold]{run['portal']}[/]: {run['pages_discovered'] or 0} discovered, "
                      f"{run['pages_seen'] or 0} fetched ({run['pages_new'] or 0} new, {run['pages_changed'] or 0} changed, "
                      f"{(run['pages_unchanged'] or 0) + (run['pages_not_modified'] or 0)} unchanged), "
                      + (f"{run['documents']} documents, " if run.get("documents") else "")
                      + f"{run['pages_skipped_known'] or 0} already known, {run['errors'] or 0} failed — "
                      f"[{colour}]{run['status']}[/]{took}", highlight=False)


@main.command()
@click.option("--redis", "redis_url", envvar="RAPOR_REDIS_URL", required=True, help="The Redis the workers push to.")
@click.option("--wait", type=float, default=0.0, show_default=True,
              help="Seconds to wait for more pages once the list is empty (0: stop at once).")
@db_option
def drain(redis_url, wait, db_path):
    """Store the pages distributed workers pushed to Redis (the one writer of the database)."""
    _guard(stages.require_distributed)
    import redis

    from rapor.pipeline import drain as handoff

    try:
        counts = _guard(handoff.drain, redis_url, db_path, wait)
    except redis.exceptions.ConnectionError as exc:
        raise RaporError(f"cannot reach Redis at {redis_url}: {exc}") from None
    except stages.CrawlLocked as exc:
        raise RaporError(str(exc)) from None
    for portal, outcome in sorted(counts.items()):
        console.print(f"{portal}: " + ", ".join(f"{k} {v}" for k, v in sorted(outcome.items())))
    if not counts:
        console.print("nothing to drain")
    if rejected := counts.get("(drain)", {}).get("rejected"):
        raise RaporError(f"{rejected} queued payloads are not pages; kept in Redis list {handoff.REJECTED} "
                         "for a look (LRANGE), nothing else was lost")


@main.command()
@click.argument("portal_ids", nargs=-1)
@click.option("--every", default="6h", show_default=True, help="Interval between runs: 30m, 6h, 1d.")
@click.option("--runs", type=int, default=0, help="Stop after this many runs (0: run until stopped).")
@db_option
def schedule(portal_ids, every, runs, db_path):
    """Crawl (all portals, or PORTAL_IDS), extract and audit at a fixed interval, unattended.

    Each round runs in its own process under the database's crawl lock, so an overrunning round
    never overlaps the next. For cron or a systemd timer, call `rapor crawl --all` instead (see
    the README); it takes the same lock.
    """
    import subprocess
    import time

    units = {"m": 60, "h": 3600, "d": 86400}
    try:
        interval = float(every[:-1]) * units[every[-1]]
    except (KeyError, ValueError):
        raise RaporError(f"--every takes a number and m, h or d (30m, 6h, 1d), not {every!r}") from None
    done = 0
    while True:
        started = time.monotonic()
        targets = list(portal_ids) or ["--all"]
        for step in (["crawl", *targets, "--db", db_path, "--log-level", "WARNING"],
                     ["extract", "--db", db_path], ["audit", "--db", db_path]):
            result = subprocess.run([sys.executable, "-m", "rapor.pipeline.cli", *step])
            if result.returncode != 0:
                err.print(f"[yellow]{' '.join(step[:2])} ended with {result.returncode}; next round as planned[/]")
                break
        done += 1
        if runs and done >= runs:
            return
        time.sleep(max(0.0, interval - (time.monotonic() - started)))


@main.command()
@click.option("--input", "input_path", type=click.Path(dir_okay=False, allow_dash=True),
              help="JSONL of articles to extract (the measurement contract); without it, stored pages.")
@click.option("--output", "-o", "output_path", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="Where to write JSONL results (with --input).")
@click.option("--portal", help="Only stored pages of this portal.")
@click.option("--force", is_flag=True, help="Re-extract pages even if done with the current rules.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes reading stored pages in parallel (this one stays the only writer).")
@db_option
def extract(input_path, output_path, portal, force, workers, db_path):
    """Extract evaluations, from --input JSONL or from the pages in the database."""
    extractor = _guard(stages.build_extractor)
    if input_path:
        def report(line, message):
            err.print(f"[yellow]{input_path}:{line}:[/] {message}")
        try:  # bytes in: each line is decoded on its own, so one bad byte costs one line
            with click.open_file(input_path, "rb") as source, \
                    click.open_file(output_path, "w", encoding="utf-8") as sink:
                done, failed = contract.extract_jsonl(source, sink, extractor, report)
        except OSError as exc:
            raise RaporError(f"{exc.filename}: {exc.strerror}") from None
        err.print(f"extracted {done} articles" + (f", {failed} lines with errors" if failed else ""))
        return
    db = _guard(store.open_db, db_path)
    if portal and portal not in (known := store.stored_portals(db) | set(_guard(stages.outlet_names))):
        raise RaporError(f"unknown portal {portal!r}: no such portal file and no pages of it in {db_path} "
                         f"(known: {', '.join(sorted(known)) or 'none'})")
    summary = _guard(stages.extract_stored, db, extractor, portal=portal, force=force, workers=workers)
    _print_extract_summary(summary)
    _print_document_summary(_guard(_extract_documents, db, extractor.rules, portal=portal, force=force))


@main.command()
@db_option
def demo(db_path):
    """Serve the bundled sample portal on 127.0.0.1, crawl it, extract, and print what was found.

    The sample portal is the demo's own (pipeline/sample_portal/portals/): RAPOR_PORTALS_DIR does
    not change what the demo crawls, and `crawl --all` never crawls the sample.
    """
    from rapor.pipeline.sample_portal import PORTALS_DIR, SamplePortal

    origin = os.environ.get("RAPOR_SAMPLE_ORIGIN", "http://127.0.0.1:8765")
    try:
        host, port = origin.rsplit("//", 1)[1].split(":")
        server = SamplePortal(host, int(port))
    except ValueError:
        raise RaporError(f"RAPOR_SAMPLE_ORIGIN must be http://127.0.0.1:<port>, not {origin!r}") from None
    except OSError as exc:
        raise RaporError(f"cannot serve the sample portal on {origin}: {exc.strerror}; "
                         "set RAPOR_SAMPLE_ORIGIN=http://127.0.0.1:<free port>") from None
    os.environ["RAPOR_SAMPLE_ORIGIN"] = origin
    portal_ids = sorted(p.stem for p in PORTALS_DIR.glob("*.yaml"))
    with server:
        console.print(f"[bold]Sample portal[/] serving {', '.join(portal_ids)} on {origin}")
        _crawl(portal_ids, db_path, "WARNING", portals_dir=PORTALS_DIR)
    db = _guard(store.open_db, db_path)
    extractor = _guard(stages.build_extractor)
    summary = _guard(stages.extract_stored, db, extractor)
    _print_extract_summary(summary)
    documents = _guard(_extract_documents, db, extractor.rules)
    _print_document_summary(documents)
    rows = store.evaluations_with_provenance(db)
    _print_evaluations(rows)
    _guard(stages.run_audit, db)
    _print_official_comparison(db, compact=True)
    console.print(f"Database: [bold]{db_path}[/]  ({', '.join(f'{k} {v}' for k, v in store.table_counts(db).items())})")
    # the demo knows what its sample holds: anything less is a failed stage, not a quiet success
    if summary.errors or documents.errors or not rows:
        raise RaporError(f"the demo did not complete: {len(summary.errors)} page errors, {len(documents.errors)} "
                         f"document errors, {len(rows)} evaluations (see the lines above)")


@main.command()
@db_option
def stats(db_path):
    """Counts per table, evaluations per scheme, and the latest crawl runs."""
    db = _existing_db(db_path)
    _guard(config.load_portals)  # a broken portal file is an error here too, before any table
    table = _table("Rapor database", ("table", "rows"), fold=False, show_header=True)
    for name, count in store.table_counts(db).items():
        table.add_row(name, str(count))
    console.print(table)
    per_scheme = _table("Evaluations per scheme", ("scheme", "evaluations", "articles"), fold=False)
    for row in store.evaluations_per_scheme(db):
        per_scheme.add_row(row["scheme"], str(row["evaluations"]), str(row["articles"]))
    console.print(per_scheme)
    per_portal = _table("Portals (latest runs)",
                        ("portal", "runs", "last run", "discovered", "fetched", "new", "changed", "failed",
                         "articles with results", "flag"), fold=False)
    zero_runs = _guard(config.load_crawler_config)["zero_yield_runs"]
    for row in store.portal_summary(db, zero_runs):
        flag = f"[red]no yield in {zero_runs} runs: layout change or block?[/]" if row["flagged"] else ""
        per_portal.add_row(row["portal"], str(row["runs"]), row["last_run"] or "", str(row["discovered"] or 0),
                           str(row["fetched"] or 0), str(row["new"] or 0), str(row["changed"] or 0),
                           str(row["failed"] or 0), str(row["articles_with_evaluations"]), flag)
    console.print(per_portal)
    _print_runs(store.recent_runs(db, 10))


@main.command()
@db_option
@output_options(default_format="csv")
def export(db_path, fmt, output_path):
    """Write every evaluation with its id, provenance (quote, URL, outlet, dates, page hash) and audit outcomes."""
    rows = store.evaluations_with_provenance(_existing_db(db_path))
    _emit(rows, fmt, output_path, lambda: _evaluations_table(rows))
    if output_path != "-":
        err.print(f"wrote {len(rows)} evaluations to {output_path}")


@main.command()
@db_option
@click.option("--all-findings", is_flag=True, help="Also list consistent, corroborated and unchecked results.")
@output_options()
def audit(db_path, all_findings, fmt, output_path):
    """Check every evaluation: predicate vs rubric band, scale, and agreement across outlets.

    As a table: counts per finding, the problems with quotes and sources, and the news against
    the official tables; as csv/json/jsonl: one row per finding with its evaluation and source.
    """
    from rapor.pipeline.audit import PROBLEMS, SYNDICATED

    db = _existing_db(db_path)
    counts = _guard(stages.run_audit, db)
    kinds = tuple(counts) if all_findings else (*PROBLEMS, SYNDICATED)
    rows = store.findings_with_sources(db, kinds)
    if fmt.lower() != "table":
        _emit(rows, fmt, output_path, None)
        return

    def tables():
        table = Table(title="Audit of reported evaluations")
        table.add_column("finding")
        table.add_column("evaluations", justify="right")
        for kind, n in counts.items():
            table.add_row(kind, str(n))
        listing = _table("Findings" if all_findings else "Problems to look at (and syndicated copies)",
                         ("finding", "agency", "scheme", "year", "score", "reported", "detail", "quote",
                          "outlet / source"), show_lines=True)
        for row in rows:
            listing.add_row(row["kind"], row["entity"], row["scheme"], str(row["year"] or ""), f"{row['score']:g}",
                            row["predicate"] or "", row["detail"], row["quote"], f"{row['outlet']}\n{row['url']}")
        problems = sum(counts.get(kind, 0) for kind in PROBLEMS)
        return [table, listing, f"{problems} evaluations need a look; findings stored in table audit_findings of {db_path}",
                *_official_comparison(db)]
    _emit(rows, fmt, output_path, tables)


def _finding_kinds() -> tuple[str, ...]:
    from rapor.pipeline import audit, official_audit

    return (*sorted({getattr(audit, name) for name in ("INCONSISTENT", "OUT_OF_SCALE", "CONFLICT", "CONSISTENT",
                                                       "UNCERTAIN_EDGE", "NO_RUBRIC", "NO_PREDICATE", "CORROBORATED",
                                                       "SYNDICATED")}), *official_audit.KINDS)


@main.command()
@db_option
@click.option("--agency", help="Canonical name or alias, partial (\"Dinsos\", \"Pemkab Serang\", \"Kab. Serang\").")
@click.option("--region", help="Region name, partial; a province includes its kabupaten/kota.")
@click.option("--scheme", type=click.Choice(config.SCHEME_IDS, case_sensitive=False))
@click.option("--year-from", type=int)
@click.option("--year-to", type=int)
@click.option("--score-min", type=float)
@click.option("--score-max", type=float)
@click.option("--predicate", help="Part of the reported predicate (\"zona hijau\").")
@click.option("--status", type=click.Choice(_finding_kinds(), case_sensitive=False),
              help="An audit finding kind (inconsistent, conflict, corroborated…).")
@output_options()
@click.option("--limit", type=click.IntRange(1, 1_000_000), default=1000, show_default=True)
def query(db_path, fmt, output_path, limit, **filters):
    """Evaluations filtered by agency, region, scheme, years, score, predicate and audit status."""
    for low, high in (("year_from", "year_to"), ("score_min", "score_max")):
        if filters[low] is not None and filters[high] is not None and filters[low] > filters[high]:
            raise click.UsageError(f"--{low.replace('_', '-')} {filters[low]:g} is above --{high.replace('_', '-')} "
                                   f"{filters[high]:g}: no evaluation can match")
    if filters["agency"]:
        filters["agency"] = _guard(config.agency_name_forms, filters["agency"])
    db = _existing_db(db_path)
    rows = store.query_evaluations(db, limit=limit, **filters)
    _emit(rows, fmt, output_path, lambda: _evaluations_table(rows, title=f"{len(rows)} evaluations"))


@main.command()
@click.argument("agency")
@db_option
@output_options()
def history(agency, db_path, fmt, output_path):
    """The score series of one agency across years and schemes.

    AGENCY is a canonical name or alias, partial, in any usual form of a government's name:
    "Pemkab Serang", "Pemerintah Kabupaten Serang", "Kabupaten Serang", "Kab. Serang".
    """
    forms = _guard(config.agency_name_forms, agency)
    rows = store.agency_history(_existing_db(db_path), forms)
    if not rows:
        raise RaporError(f"no evaluations for an agency matching {' or '.join(repr(f) for f in forms)}")

    def table():
        listing = _table(f"History of {agency!r}",
                         ("agency", "scheme", "year", "score", "predicate", "outlet", "article date"))
        for row in rows:
            score = "" if row["score"] is None else f"{row['score']:g}"
            listing.add_row(row["entity"], row["scheme"], str(row["year"] or ""), score, row["predicate"] or "",
                            row["outlet"], row["published"] or "")
        return listing
    _emit(rows, fmt, output_path, table)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Bind address (loopback by default).")
@click.option("--port", default=8001, show_default=True, type=int)
def serve(db_path, host, port):
    """Browse the database in Datasette (read-only) with Rapor's metadata and canned queries."""
    from rapor.pipeline import datasette_app

    _existing_db(db_path)
    datasette_app.serve(db_path, host, port)


@main.command()
@db_option
@click.option("--output", "-o", "out_path", default="report.html", show_default=True, type=click.Path(dir_okay=False),
              help="HTML file to write.")
def report(db_path, out_path):
    """One static HTML file: charts of scores and audit results, and the findings with quotes."""
    from rapor.pipeline import report as report_module

    db = _existing_db(db_path)
    if not db["audit_findings"].count:
        stages.run_audit(db)
    Path(out_path).write_text(report_module.render(db), encoding="utf-8")
    console.print(f"wrote {out_path}")


@main.group(invoke_without_command=True)
@db_option
@click.pass_context
def documents(ctx, db_path):
    """Official result documents: list them (default), `stats`, `unmapped` rows, `findings`, `crop`.

    Example: rapor documents; rapor documents unmapped; rapor documents crop 12 -o row.png
    """
    ctx.obj = db_path
    if ctx.invoked_subcommand:
        return
    rows = store.list_documents(_existing_db(db_path))
    table = _table(f"{len(rows)} official documents",
                   ("id", "portal", "document", "format", "family", "pages", "tables", "values", "unmapped",
                    "findings", "status"))
    for row in rows:
        status = row["extract_status"] or "not read yet (rapor extract)"
        if row["extract_error"]:
            status += f": {row['extract_error']}"
        table.add_row(str(row["id"]), row["portal"], f"{row['title'] or ''}\n{row['url']}", row["format"] or "",
                      row["family"] or "", str(row["pages"] or ""), str(row["tables"]), str(row["official_values"]),
                      str(row["unmapped"]), str(row["findings"]), status)
    console.print(table)


@documents.command("stats")
@click.pass_obj
def documents_stats(db_path):
    """Rows per document table, documents per status and per family."""
    db = _existing_db(db_path)
    table = Table(title="Official documents")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in store.document_counts(db).items():
        table.add_row(name, str(count))
    console.print(table)
    per = _table("Per family and status", ("family", "status", "documents", "official values", "unmapped"), fold=False)
    groups: dict[tuple, list] = {}
    for row in store.list_documents(db):
        groups.setdefault((row["family"] or "", row["extract_status"] or "unread"), []).append(row)
    for (family, status), rows in sorted(groups.items()):
        per.add_row(family, status, str(len(rows)), str(sum(r["official_values"] for r in rows)),
                    str(sum(r["unmapped"] for r in rows)))
    console.print(per)


@documents.command("unmapped")
@click.pass_obj
def documents_unmapped(db_path):
    """Official rows Rapor could not map onto an agency or read (kept, with why)."""
    from rapor.pipeline.official_audit import document_link

    rows = store.unmapped_official_values(_existing_db(db_path))
    table = _table(f"{len(rows)} official rows not mapped",
                   ("as written", "scheme", "year", "score", "why", "document, page, row"))
    for row in rows:
        place = f"{document_link(row)}  row {row['row_index'] + 1}"
        table.add_row(row["entity_as_written"], row["scheme"], str(row["year"] or ""),
                      "" if row["score"] is None else f"{row['score']:g}", row["problem"], place)
    console.print(table)


@documents.command("findings")
@click.pass_obj
def documents_findings(db_path):
    """Checks of the tables themselves: category vs band, stated totals, rank order."""
    from rapor.pipeline.official_audit import document_link

    rows = store.document_findings(_existing_db(db_path))
    table = _table(f"{len(rows)} findings on official tables", ("finding", "detail", "document"))
    for row in rows:
        table.add_row(row["kind"], row["detail"], document_link(row))
    console.print(table)


@documents.command("crop")
@click.argument("official_value_id", type=int)
@click.option("--output", "-o", "out_path", required=True, type=click.Path(dir_okay=False), help="PNG file to write.")
@click.pass_obj
def documents_crop(db_path, official_value_id, out_path):
    """Write a PNG of the PDF row an official value was read from."""
    from rapor.pipeline.documents import row_crop_png

    Path(out_path).write_bytes(_guard(row_crop_png, _existing_db(db_path), official_value_id))
    console.print(f"wrote {out_path}")


@main.group(invoke_without_command=True)
@click.pass_context
def portals(ctx):
    """List configured portals (each file is validated on load); `portals check` for more."""
    if ctx.invoked_subcommand:
        return
    table = _table(f"Portals ({config.portals_dir()})",
                   ("id", "name", "style", "base url", "sitemaps", "feeds", "listings"), fold=False)
    for portal in _guard(config.load_portals).values():
        table.add_row(portal.id, portal.name, portal.style, portal.base_url, str(len(portal.sitemaps)),
                      str(len(portal.feeds)), str(len(portal.listings)))
    console.print(table)


@portals.command("check")
@click.argument("portal_id", required=False)
@click.option("--fixture", type=click.Path(exists=True, dir_okay=False),
              help="A saved sitemap, feed or listing page of PORTAL_ID: show what the spider would discover in it.")
def portals_check(portal_id, fixture):
    """Validate every portal file (and PORTAL_ID, which must exist); with --fixture, show the
    article URLs a saved page would yield. A saved sitemap index's child sitemaps are fetched
    from the portal and read, as the spider does."""
    from rapor.crawlers.discovery import discover_in

    found = _guard(config.load_portals)
    console.print(f"{len(found)} portal files valid in {config.portals_dir()}")
    if fixture and not portal_id:
        raise RaporError("name the portal the fixture belongs to: rapor portals check PORTAL --fixture FILE")
    if not portal_id:
        return
    portal = _guard(config.load_portal, portal_id)
    if not fixture:
        console.print(f"{portal.id}: {portal.name}, {portal.base_url} — {len(portal.sitemaps)} sitemaps, "
                      f"{len(portal.feeds)} feeds, {len(portal.listings)} listings, {len(portal.search)} searches")
        return
    result = discover_in(portal, Path(fixture).read_bytes(), fetch=lambda url: _fetch_for_check(portal, url))
    kept = sum(1 for _, _, k in result.urls if k)
    title = f"{portal.id}: {len(result.urls)} article URLs ({kept} kept) in {fixture} ({result.kind})"
    if result.children:
        title += f", from {len(result.children)} child sitemaps"
    table = _table(title, ("url", "date", "kept"))
    for url, error in result.children:
        table.add_row(url, "", "child sitemap: " + (f"[red]not read: {error}[/]" if error else "followed"))
    for url, when, kept_url in result.urls:
        table.add_row(url, when or "", "yes" if kept_url else "no (allow/deny)")
    console.print(table)
    if result.error or any(error for _, error in result.children):
        raise RaporError(result.error or f"{sum(1 for _, e in result.children if e)} child sitemaps could not be read")


def _fetch_for_check(portal, url: str) -> bytes:
    """A child sitemap, fetched as the spider would: http(s) on the portal's domains only, with
    Rapor's User-Agent, one request, 5 MB at most."""
    import urllib.request
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").lower()
    if urlsplit(url).scheme not in ("http", "https") or not any(host == d or host.endswith("." + d)
                                                                for d in portal.allowed_domains):
        raise ValueError("not http(s) on the portal's domains: the spider would not fetch it")
    request = urllib.request.Request(url, headers={"User-Agent": config.load_crawler_config()["user_agent"]})
    with urllib.request.urlopen(request, timeout=20) as response:
        return response.read(5 * 1024 * 1024)


# ---------------------------------------------------------------------------------------------

def _print_runs(runs: list[dict]) -> None:
    table = _table("Crawl runs", ("run", "portal", "status", "pages", "new", "changed", "unchanged", "errors"),
                   fold=False)
    for run in runs:
        table.add_row(str(run["id"]), run["portal"], run["status"] or "", str(run["pages_seen"] or 0),
                      str(run["pages_new"] or 0), str(run["pages_changed"] or 0),
                      str(run["pages_unchanged"] or 0), str(run["errors"] or 0))
    console.print(table)


def _print_extract_summary(summary) -> None:
    console.print(f"Extraction: {summary.pages} pages, {summary.articles} articles extracted, "
                  f"{summary.skipped_unchanged} unchanged since last extraction, "
                  f"{summary.not_articles} not articles, {summary.evaluations} evaluations")
    for url, message in summary.errors:
        err.print(f"[yellow]{url}:[/] {message}")


def _extract_documents(db, rules, **options):
    from rapor.pipeline.documents import extract_documents
    return extract_documents(db, rules, **options)


def _print_document_summary(summary) -> None:
    console.print(f"Documents: {summary.documents} stored, {summary.read} read, {summary.skipped_unchanged} unchanged "
                  f"since last reading, {summary.official_values} official values ({summary.unmapped} not mapped), "
                  f"{summary.findings} findings on the tables")
    for url, message in summary.needs_ocr:
        err.print(f"[yellow]{url}:[/] {message}")
    for url, message in summary.errors:
        err.print(f"[yellow]{url}:[/] {message}")


def _print_official_comparison(db, compact: bool = False) -> None:
    for renderable in _official_comparison(db, compact):
        console.print(renderable)


def _official_comparison(db, compact: bool = False) -> list:
    """The news values that differ from the official tables (with both sources; `compact`: the
    document's link only, as the demo prints it), and how many match."""
    from rapor.pipeline.official_audit import DIFFERS, KINDS, MATCHES, NO_OFFICIAL, document_link

    rows = store.official_comparisons(db, KINDS)
    counted = {kind: sum(1 for r in rows if r["kind"] == kind) for kind in KINDS}
    if not any(counted[k] for k in (MATCHES, DIFFERS)):
        return ["No news value could be compared with an official table (no official documents read)."]
    columns = ("difference", "agency", "scheme", "year", "news", "official") + \
        (("official source",) if compact else ("detail", "news source", "official source"))
    listing = _table("News against the official tables", columns, show_lines=not compact)
    for row in rows:
        if row["kind"] != DIFFERS:
            continue
        news = (f"{row['score']:g} " if row["score"] is not None else "") + (row["predicate"] or "")
        official = (f"{row['official_score']:g} " if row["official_score"] is not None else "") + (row["official_category"] or "")
        cells = [row["difference"], row["entity"], row["scheme"], str(row["year"] or ""), news.strip(), official.strip()]
        if compact:
            cells.append(document_link(row))
        else:
            cells += [row["detail"], f"\"{row['quote']}\"\n{row['outlet']}\n{row['url']}",
                      f"{row['document_title'] or ''}\n{document_link(row)}\nrow {row['row_index'] + 1}"]
        listing.add_row(*cells)
    return [listing, f"{counted[MATCHES]} news values match the official tables, {counted[DIFFERS]} differ, "
                     f"{counted[NO_OFFICIAL]} have no official value"]


def _existing_db(db_path: str):
    if not Path(db_path).exists():
        raise RaporError(f"{db_path}: no database yet; run `rapor crawl` or `rapor demo` first")
    return _guard(store.open_db, db_path)


def _emit(rows: list[dict], fmt: str, output_path: str, renderables) -> None:
    """Rows in the chosen format to standard output or a file. `renderables()` gives what the
    table format shows (a rich Table, or a list of tables and lines); csv, json and jsonl write
    the rows themselves, lists (audit outcomes) as JSON arrays, or joined by ", " in CSV."""
    fmt = fmt.lower()
    try:
        with click.open_file(output_path, "w", encoding="utf-8") as sink:
            if fmt == "table":
                shown = renderables() if renderables else []
                # a file gets plain text at a width that keeps rows whole; a terminal, colours
                target = console if output_path == "-" else Console(file=sink, width=200, no_color=True)
                for renderable in shown if isinstance(shown, list) else [shown]:
                    target.print(renderable)
            elif fmt == "json":
                json.dump(rows, sink, ensure_ascii=False, indent=1)
                sink.write("\n")
            elif fmt == "jsonl":
                for row in rows:
                    sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                writer = csv.DictWriter(sink, fieldnames=list(rows[0]) if rows else ["evaluation_id"], lineterminator="\n")
                writer.writeheader()
                writer.writerows({k: ", ".join(v) if isinstance(v, list) else v for k, v in row.items()} for row in rows)
    except BrokenPipeError:  # `rapor export | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as exc:
        raise RaporError(f"{exc.filename or output_path}: {exc.strerror}") from None


def _table(title: str, columns: tuple[str, ...], fold: bool = True, **options) -> Table:
    """A rich table with these column names; long cells fold rather than being cut."""
    table = Table(title=title, **options)
    for name in columns:
        table.add_column(name, overflow="fold" if fold else "ellipsis")
    return table


def _evaluations_table(rows: list[dict], title: str | None = None) -> Table:
    table = _table(title or f"Reported evaluations ({len(rows)})",
                   ("agency", "region", "scheme", "score", "predicate", "year", "outlet", "article date"),
                   show_lines=False)
    for row in rows:
        score = "" if row["score"] is None else f"{row['score']:g}" + (f"/{row['scale_max']:g}" if row["scale_max"] else "")
        table.add_row(row["entity"], row["region"] or "", row["scheme"], score, row["predicate"] or "",
                      str(row["year"] or ""), row["outlet"], row["article_date"] or "")
    return table


def _print_evaluations(rows: list[dict], title: str | None = None) -> None:
    console.print(_evaluations_table(rows, title))


if __name__ == "__main__":
    sys.exit(main())
