"""One grammar on the sample database: -f table/csv/json/jsonl and -o on query, history, export
and audit; case-insensitive scheme names; impossible filters refused; a government found under
every usual form of its name; export with evaluation ids and audit outcomes; and `rapor crawl`
as a terminal shows it (a live display, then one line per portal)."""
import csv
import io
import json
import os
import pty
import select
import subprocess
import time

import pytest

from rapor import store
from tests.conftest import RAPOR, ROOT, run_rapor, sample_env

pytestmark = pytest.mark.integration


def rows_in(fmt: str, text: str) -> list[dict]:
    if fmt == "json":
        return json.loads(text)
    if fmt == "jsonl":
        return [json.loads(line) for line in text.splitlines()]
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("command", [
    ("query", "--scheme", "pekppp"), ("history", "Kota Cilegon"), ("export",), ("audit",)])
@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "table"])
def test_every_listing_command_speaks_every_format_to_stdout_and_to_a_file(sample_db, tmp_path, command, fmt):
    to_stdout = run_rapor(*command, "--db", str(sample_db), "-f", fmt)
    assert to_stdout.returncode == 0, to_stdout.stderr
    out = tmp_path / f"out.{fmt}"
    to_file = run_rapor(*command, "--db", str(sample_db), "--format", fmt.upper(), "-o", str(out))
    assert to_file.returncode == 0, to_file.stderr
    written = out.read_text(encoding="utf-8")
    if fmt == "table":
        assert "│" in written or "|" in written or "━" in written
        return
    rows = rows_in(fmt, written)
    assert rows and rows == rows_in(fmt, to_stdout.stdout)
    key = "kind" if command[0] == "audit" else "evaluation_id"
    assert all(row[key] for row in rows)


def test_export_carries_the_evaluation_id_and_its_audit_outcomes(sample_db):
    rows = json.loads(run_rapor("export", "--db", str(sample_db), "-f", "json").stdout)
    db = store.open_db(sample_db)
    assert {r["evaluation_id"] for r in rows} == {r[0] for r in db.execute("select id from evaluations")}
    cilegon = next(r for r in rows if r["entity"] == "Pemerintah Kota Cilegon" and r["score"] == 62.5)
    assert "inconsistent" in cilegon["audit"] and isinstance(cilegon["audit"], list)
    stored = {r[0] for r in db.execute("select kind from audit_findings where evaluation_id = ?", [cilegon["evaluation_id"]])}
    assert set(cilegon["audit"]) == stored
    as_csv = list(csv.DictReader(io.StringIO(run_rapor("export", "--db", str(sample_db)).stdout)))
    row = next(r for r in as_csv if r["evaluation_id"] == cilegon["evaluation_id"])
    assert row["audit"] == ", ".join(cilegon["audit"])


def test_scheme_names_and_finding_kinds_are_case_insensitive(sample_db):
    lower = json.loads(run_rapor("query", "--db", str(sample_db), "--scheme", "pekppp", "-f", "json").stdout)
    upper = run_rapor("query", "--db", str(sample_db), "--scheme", "PEKPPP", "-f", "json")
    assert upper.returncode == 0 and json.loads(upper.stdout) == lower and lower
    status = run_rapor("query", "--db", str(sample_db), "--status", "Inconsistent", "-f", "json")
    assert [r["score"] for r in json.loads(status.stdout)] == [62.5]


@pytest.mark.parametrize("args, message", [
    (("--status", "wrong"), "'wrong' is not one of"),
    (("--scheme", "nosuch"), "'nosuch' is not one of"),
    (("--year-from", "2025", "--year-to", "2020"), "--year-from 2025 is above --year-to 2020"),
    (("--score-min", "90", "--score-max", "10"), "--score-min 90 is above --score-max 10"),
])
def test_an_impossible_filter_is_an_error_not_an_empty_table(sample_db, args, message):
    result = run_rapor("query", "--db", str(sample_db), *args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_an_unknown_portal_is_an_error(sample_db, tmp_path):
    result = run_rapor("extract", "--db", str(sample_db), "--portal", "nosuch")
    assert result.returncode != 0 and "unknown portal 'nosuch'" in result.stderr and "warta-banten" in result.stderr


@pytest.mark.parametrize("name", ["Pemkab Serang", "Pemerintah Kabupaten Serang", "Kabupaten Serang", "Kab. Serang",
                                  "kab serang"])
def test_history_finds_a_government_by_every_usual_form_of_its_name(sample_db, name):
    result = run_rapor("history", name, "--db", str(sample_db), "-f", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {"sakip", "kip"} <= {r["scheme"] for r in rows if r["entity"] == "Pemerintah Kabupaten Serang"}
    if name.lower().startswith("pem"):   # the government itself, not every agency of the kabupaten
        assert {r["entity"] for r in rows} == {"Pemerintah Kabupaten Serang"}


def test_history_of_nobody_says_which_forms_it_tried(sample_db):
    result = run_rapor("history", "Pemkot Atlantis", "--db", str(sample_db))
    assert result.returncode != 0 and "'Pemerintah Kota Atlantis'" in result.stderr


def test_keep_db_is_gone():
    result = run_rapor("demo", "--keep-db")
    assert result.returncode == 2 and "No such option '--keep-db'" in result.stderr


def test_crawl_on_a_terminal_draws_progress_then_one_line_per_portal(tmp_path, sample_portal):
    """Under a pseudo-terminal, as a person runs it: a live display (redrawn), then one summary
    line per portal, and none of Scrapy's start-up boilerplate."""
    main, secondary = pty.openpty()
    env = {**os.environ, **sample_env(sample_portal.origin), "TERM": "xterm", "COLUMNS": "160"}
    process = subprocess.Popen([*RAPOR, "crawl", "warta-banten", "kabar-serang", "--db", str(tmp_path / "r.db")],
                               cwd=ROOT, env=env, stdin=secondary, stdout=secondary, stderr=secondary)
    os.close(secondary)
    output = b""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 1)
        if ready:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        elif process.poll() is not None:
            break
    process.wait(timeout=30)
    os.close(main)
    text = output.decode("utf-8", "replace")
    assert process.returncode == 0, text[-3000:]
    assert "\x1b[" in text and "discovered" in text            # the live display's redraws
    summary = [line for line in text.replace("\r", "\n").splitlines() if "— " in line and "fetched (" in line]
    assert any(line.strip().startswith(("warta-banten:", "\x1b")) and "warta-banten" in line for line in summary)
    assert any("kabar-serang" in line and "11 fetched (11 new" in line for line in summary)
    for boilerplate in ("Scrapy 2.", "Overridden settings", "Enabled extensions", "Telnet", "[scrapy.core.engine] INFO"):
        assert boilerplate not in text


def test_crawl_in_a_log_is_one_line_per_portal(tmp_path, sample_portal):
    result = run_rapor("crawl", "warta-banten", "kabar-serang", "--db", str(tmp_path / "r.db"),
                       env=sample_env(sample_portal.origin))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [line for line in result.stdout.splitlines() if line.startswith(("warta-banten:", "kabar-serang:"))]
    assert len(result.stdout.splitlines()) == 2 and "11 fetched (11 new" in result.stdout
    assert result.stderr == ""    # quiet: nothing went wrong, so Scrapy has nothing to say
    verbose = run_rapor("crawl", "warta-banten", "--db", str(tmp_path / "r2.db"), "--log-level", "info",
                        env=sample_env(sample_portal.origin))
    assert verbose.returncode == 0 and "[scrapy.core.engine] INFO" in verbose.stderr
