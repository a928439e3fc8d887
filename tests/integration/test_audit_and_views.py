"""On the sample portal's database: the audit finds what was planted and nothing else; queries,
history, canned queries, Datasette in a real browser, and the HTML report."""
import json
import subprocess
import time
import urllib.request

import pytest
import yaml

from rapor import store
from rapor.pipeline import datasette_app
from tests.conftest import ARTIFACTS, browser, free_port, run_rapor

pytestmark = pytest.mark.integration

# planted in pipeline/sample_portal/articles: (finding, agency, score)
PLANTED_PROBLEMS = {
    ("inconsistent", "Pemerintah Kota Cilegon", 62.5),      # "zona hijau kualitas tertinggi" for 62,50 in 2023
    ("out_of_scale", "Pemerintah Kota Cilegon", 7.12),      # SPBE is 0–5
    ("conflict", "Dinas Kesehatan Kota Serang", 86.4),      # two outlets, two SKM 2024 values
    ("conflict", "Dinas Kesehatan Kota Serang", 84.8),
}


def test_audit_finds_the_planted_problems_and_nothing_else(sample_db):
    db = store.open_db(sample_db)
    problems = {(r["kind"], r["entity"], r["score"])
                for r in store.findings_with_sources(db, ("inconsistent", "out_of_scale", "conflict",
                                                          "uncertain_band_edge"))}
    assert problems == PLANTED_PROBLEMS


def test_a_press_release_on_three_portals_counts_once(sample_db):
    db = store.open_db(sample_db)
    rows = [r for r in store.findings_with_sources(db, ("syndicated", "corroborated"))
            if r["entity"] == "Pemerintah Kabupaten Serang" and r["scheme"] == "sakip"]
    assert sorted(r["kind"] for r in rows) == ["syndicated"] * 3
    assert len({r["outlet"] for r in rows}) == 3
    sources = {f["independent_sources"] for f in db.query("select independent_sources from audit_findings "
                                                            "where kind = 'syndicated'")}
    assert sources == {1}


def test_audit_command_prints_the_problems_with_quotes(sample_db):
    result = run_rapor("audit", "--db", str(sample_db))
    assert result.returncode == 0, result.stderr
    assert "4 evaluations need a look" in result.stdout
    for needle in ("inconsistent", "out_of_scale", "conflict", "syndicated", "62.5", "7.12", "86.4", "84.8"):
        assert needle in result.stdout


def test_every_evaluation_links_to_a_canonical_agency_and_region(sample_db):
    db = store.open_db(sample_db)
    assert db.execute("select count(*) from evaluations where agency_id is null").fetchone()[0] == 0
    row = db.execute("select e.region_code, g.name from evaluations e join agencies g on g.id = e.agency_id "
                     "where e.entity = 'Dinas Sosial Kabupaten Serang'").fetchone()
    assert row == ("36.04", "Dinas Sosial Kabupaten Serang")
    aliases = {r[0] for r in db.execute("select alias from agency_aliases a join agencies g on g.id = a.agency_id "
                                        "where g.name = 'Dinas Sosial Kabupaten Serang'")}
    assert aliases == {"Dinsos"}


def test_query_filters_and_formats(sample_db):
    db = store.open_db(sample_db)
    in_banten = store.query_evaluations(db, region="Banten")
    assert {r["region"] for r in in_banten} >= {"Kabupaten Serang", "Kota Cilegon", "Kota Serang"}
    assert [r["score"] for r in store.query_evaluations(db, status="inconsistent")] == [62.5]
    assert {r["score"] for r in store.query_evaluations(db, scheme="pekppp", year_from=2024, score_min=4.0)} == {4.35, 4.12}
    result = run_rapor("query", "--db", str(sample_db), "--agency", "Dinsos", "--format", "json")
    rows = json.loads(result.stdout)
    assert [(r["entity"], r["score"]) for r in rows] == [("Dinas Sosial Kabupaten Serang", 94.62)]
    assert {"quote", "url", "outlet", "article_date", "fetched_at", "page_sha256"} <= set(rows[0])


def test_export_writes_every_evaluation_with_provenance(sample_db, tmp_path):
    import csv
    out = tmp_path / "evaluations.csv"
    result = run_rapor("export", "--db", str(sample_db), "--format", "csv", "--output", str(out))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == store.open_db(sample_db)["evaluations"].count
    dinsos = next(r for r in rows if r["entity"] == "Dinas Sosial Kabupaten Serang")
    assert dinsos["quote"] == "Dinsos meraih nilai 94, 62 zona hijau kualitas tertinggi" and dinsos["url"].startswith("http://127.0.0.1:")
    assert len(dinsos["page_sha256"]) == 64 and dinsos["fetched_at"] and dinsos["outlet"] == "Kabar Serang Timur"
    as_json = json.loads(run_rapor("export", "--db", str(sample_db), "--format", "json").stdout)
    assert len(as_json) == len(rows)


def test_a_nonsense_query_is_just_text(sample_db):
    db = store.open_db(sample_db)
    assert store.query_evaluations(db, agency="'; drop table evaluations; --", predicate="%' or 1=1 --") == []
    assert db["evaluations"].count > 0
    bad = run_rapor("query", "--db", str(sample_db), "--year-from", "twenty")
    assert bad.returncode != 0 and "twenty" in bad.stderr and "Traceback" not in bad.stderr


def test_history_of_one_agency(sample_db):
    result = run_rapor("history", "Kota Cilegon", "--db", str(sample_db))
    assert result.returncode == 0
    for needle in ("77.73", "62.5", "ombudsman_compliance", "spbe"):
        assert needle in result.stdout


def test_every_canned_query_runs_and_returns_rows(sample_db):
    metadata = yaml.safe_load(datasette_app.METADATA.read_text())
    params = {"agency": "Cilegon", "scheme": "ombudsman_compliance", "year": "2024"}
    db = store.open_db(sample_db)
    for name, query in metadata["databases"]["rapor"]["queries"].items():
        rows = list(db.query(query["sql"], {k: v for k, v in params.items() if f":{k}" in query["sql"]}))
        assert rows, f"canned query {name} returned nothing on the sample database"


@pytest.fixture(scope="module")
def datasette_server(sample_db, tmp_path_factory):
    folder = tmp_path_factory.mktemp("datasette")
    metadata = folder / "metadata.yaml"
    metadata.write_text(yaml.safe_dump(datasette_app.metadata_for(sample_db), allow_unicode=True))
    port = free_port()
    process = subprocess.Popen(datasette_app.command(sample_db, metadata, "127.0.0.1", port),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    origin = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(origin + "/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("datasette did not start: " + process.stdout.read().decode(errors="replace")[-2000:])
    yield origin
    process.terminate()
    process.wait(timeout=10)


def test_datasette_is_pinned_and_read_only(datasette_server):
    versions = json.load(urllib.request.urlopen(datasette_server + "/-/versions.json"))
    assert versions["datasette"]["version"].startswith("0.65")
    request = urllib.request.Request(datasette_server + "/rapor/-/create", data=b"{}", method="POST")
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(request)


@pytest.mark.parametrize("path, needles", [
    ("/rapor/inconsistent_predicates", ["Predicates that contradict their score", "Pemerintah Kota Cilegon",
                                        "62.5", "kualitas sedang", "out_of_scale"]),
    ("/rapor/cross_outlet_conflicts", ["Outlets that disagree", "Dinas Kesehatan Kota Serang", "86.4", "84.8",
                                       "Warta Banten Raya", "Kabar Serang Timur"]),
    ("/rapor/agency_history?agency=Dinsos", ["One agency", "Dinas Sosial Kabupaten Serang", "94.62"]),
    ("/rapor/region_ranking?scheme=ombudsman_compliance&year=2024", ["Ranking within a scheme and year",
                                                                     "Dinas Sosial Kabupaten Serang"]),
    ("/rapor/most_corroborated", ["Most corroborated results", "71.25"]),
    ("/rapor/news_against_official", ["News against the official tables", "transposed_digits", "77.37",
                                      "lampiran-opini-2023.pdf#page=2", "Radar Serang Raya"]),
    ("/rapor/evaluation_sources?agency__contains=Dinas+Sosial", ["Dinsos meraih nilai 94, 62", "http://127.0.0.1"]),
    ("/rapor/articles?_search=kepatuhan", ["Ombudsman"]),
])
def test_canned_queries_in_a_real_browser(datasette_server, path, needles):
    name = path.strip("/").replace("/", "_").split("?")[0]
    dom = browser(datasette_server + path, screenshot=ARTIFACTS / f"datasette-{name}.png")
    for needle in needles:
        assert needle in dom, f"{needle!r} not on {path}"


def test_evaluation_rows_link_to_their_source_article(datasette_server):
    dom = browser(datasette_server + "/rapor/evaluation_sources?agency__contains=Cilegon")
    assert '<a href="http://127.0.0.1' in dom


def test_the_home_page_starts_with_the_start_here_view_and_hides_internal_tables(datasette_server):
    home = browser(datasette_server + "/", screenshot=ARTIFACTS / "datasette-home.png", size="1400,1000")
    start = home.index("Start here")
    assert start < home.index('href="/rapor"') and "/rapor/evaluation_sources" in home[start:start + 400]
    assert "Predicates that contradict their score" in home[start:]
    page = browser(datasette_server + "/rapor", screenshot=ARTIFACTS / "datasette-database.png", size="1400,1400")
    assert page.index("Start here") < page.index("Custom SQL query") < page.index('id="tables"')
    assert "select * from evaluation_sources limit 100" in page and "_sqlite_migrations" not in page.split("hidden table")[0]
    listed = page[page.index('id="tables"'):page.index("hidden table")]
    for internal in ("_sqlite_migrations", "frontier", "page_revisions", "articles_fts", "articles_fts_data"):
        assert f">{internal}</a>" not in listed, internal
    for visible in ("evaluations", "audit_findings", "agencies", "official_values"):
        assert f">{visible}</a>" in listed, visible


def test_the_start_here_view_facets_one_audit_outcome_at_a_time(datasette_server, sample_db):
    dom = browser(datasette_server + "/rapor/evaluation_sources", screenshot=ARTIFACTS / "datasette-evaluation_sources.png",
                  size="1400,1400")
    for facet in ("audit (array)", "scheme", "region", "year"):
        assert f">{facet}<" in dom.replace("</strong> <span", "<").replace("<span", "<") or facet in dom
    syndicated = json.load(urllib.request.urlopen(
        datasette_server + "/rapor/evaluation_sources.json?_facet_array=audit&audit__arraycontains=syndicated&_shape=objects"))
    assert len(syndicated["rows"]) == 3 and all("syndicated" in json.loads(r["audit"]) for r in syndicated["rows"])
    # agency, score, predicate, year, quote and source come first, side by side at 1,400 px
    header = dom[dom.index("<thead"):dom.index("</thead>")]
    order = [header.index(f'data-column="{c}"') for c in ("id", "agency", "score", "predicate", "year", "scheme", "quote",
                                                          "outlet", "source_url", "audit")]
    assert order == sorted(order)


def test_an_evaluations_page_links_its_article_source_and_findings(datasette_server, sample_db):
    evaluation_id = store.open_db(sample_db).execute(
        "select id from evaluations where entity = 'Pemerintah Kota Cilegon' and score = 62.5").fetchone()[0]
    listing = browser(datasette_server + "/rapor/evaluation_sources?agency__exact=Pemerintah+Kota+Cilegon")
    assert f'href="/rapor/evaluations/{evaluation_id}"' in listing
    dom = browser(datasette_server + f"/rapor/evaluations/{evaluation_id}", screenshot=ARTIFACTS / "datasette-evaluation-row.png",
                  size="1400,1000")
    sources = dom[dom.index("Where it was read"):]
    assert 'href="/rapor/articles/' in sources and '<a href="http://127.0.0.1' in sources
    assert "inconsistent" in sources and "differs_from_official" in sources
    assert "lampiran-opini-2023.pdf#page=3" in sources and "official" in sources   # the rubric's source and confidence


def test_canned_queries_hide_their_sql_until_asked(datasette_server):
    dom = browser(datasette_server + "/rapor/inconsistent_predicates")
    body = dom[dom.index("<body"):]
    assert "_show_sql=1" in body and "62.5" in body                    # the rows, and a link to the SQL
    assert "from audit_findings f join evaluations" not in body         # but no SQL on the page
    shown = browser(datasette_server + "/rapor/inconsistent_predicates?_show_sql=1")
    assert "from audit_findings f join evaluations" in shown[shown.index("<body"):]


def test_report_renders_in_a_real_browser(sample_db, tmp_path):
    out = tmp_path / "report.html"
    result = run_rapor("report", "--db", str(sample_db), "-o", str(out))
    assert result.returncode == 0, result.stderr
    dom = browser(out.as_uri(), screenshot=ARTIFACTS / "report.png", size="1280,3400")
    assert "Rapor audit report" in dom and '<strong id="problem-count">4</strong>' in dom
    assert dom.count("<svg") >= 5 and "Reported scores per scheme and year" in dom
    for needle in ("inconsistent", "out_of_scale", "conflict", "syndicated", "Pemkot Cilegon memperoleh nilai 62,50",
                   "Region governments over time", "Agencies over time"):
        assert needle in dom
    # the rubric's source and its confidence beside each rubric finding
    row = dom[dom.index('<tr class="inconsistent">'):]
    row = row[:row.index("</tr>")]
    assert "lampiran-opini-2023.pdf#page=3" in row and "confidence: official" in row


def test_report_charts_keep_each_schemes_scale_and_label_flagged_values(sample_db):
    """Every panel on its scheme's own scale (an 84.8–86.4 SKM spread stays small on 0–100),
    flagged values marked with a label saying why, one colour per region in every panel."""
    import re

    from rapor.pipeline import report

    db = store.open_db(sample_db)
    rows = store.query_evaluations(db, limit=100_000)
    scales = report.scheme_scales()
    assert (scales["skm"], scales["pekppp"], scales["spbe"]) == (100.0, 5.0, 5.0)
    svg = report.score_distribution(rows, scales)
    titles = re.findall(r"<!-- (\w+) \(scale 0–([\d.]+)\) -->", svg)
    assert ("skm", "100") in titles and ("spbe", "5") in titles and ("pekppp", "5") in titles
    for label in ("62.5: inconsistent", "84.8: conflict", "86.4: conflict", "7.12, beyond 0–5"):
        assert label in svg, label
    regions = report.timelines(rows, scales, key="region", title="t", keep=lambda r: r["entity"].startswith("Pemerintah"))
    # Kota Cilegon is drawn in the same colour in each panel it appears in
    drawn = re.findall(r'<g id="region:Kota Cilegon:(\w+)">\s*<path [^>]*?stroke: (#[0-9a-f]{6})', regions)
    assert len({scheme for scheme, _ in drawn}) >= 3 and len({colour for _, colour in drawn}) == 1, drawn
