"""Config files are validated on load, and errors name the file and the line."""
import pytest

from rapor import config
from rapor.config import ConfigError, load_jsonl, load_portal, load_portals, load_tsv, parse_portal


def test_every_bundled_portal_file_loads_and_the_sample_is_not_among_them():
    from rapor.pipeline.sample_portal import PORTALS_DIR, sample_portals

    portals = load_portals()
    assert {"jurnalbanten", "ombudsman-ri"} <= set(portals)
    sample = sample_portals()
    assert set(sample) == {p.stem for p in PORTALS_DIR.glob("*.yaml")} >= {"warta-banten", "kabar-serang", "serangkab"}
    # the demo's own: `rapor crawl --all` (and a timer calling it) never crawls the sample
    assert not set(sample) & set(portals)
    for portal in (*portals.values(), *sample.values()):
        assert portal.base_url.startswith("http")
        assert portal.allowed_domains


def test_unknown_portal_names_the_known_ones():
    with pytest.raises(ConfigError) as error:
        load_portal("no-such-portal")
    assert "unknown portal 'no-such-portal'" in str(error.value)
    assert "jurnalbanten" in str(error.value)


@pytest.mark.parametrize("written, forms", [
    ("Pemkab Serang", ["Pemkab Serang", "Pemerintah Kabupaten Serang"]),
    ("pemkot  Cilegon", ["pemkot Cilegon", "Pemerintah Kota Cilegon"]),
    ("Pemprov Banten", ["Pemprov Banten", "Pemerintah Provinsi Banten"]),
    ("Kab. Serang", ["Kab. Serang", "Kabupaten Serang"]),
    ("Kab Serang", ["Kab Serang", "Kabupaten Serang"]),
    ("Kabupaten Serang", ["Kabupaten Serang"]),
    ("Pemerintah Kabupaten Serang", ["Pemerintah Kabupaten Serang"]),
    ("Kabupatenku", ["Kabupatenku"]),
    ("Dinsos", ["Dinsos"]),
])
def test_a_government_is_looked_up_under_every_usual_form_of_its_name(written, forms):
    assert config.agency_name_forms(written) == forms


@pytest.mark.parametrize("body, line, fragment", [
    ("id: bad\nname: X\nbase_url: http://x/\nallowed_domains: [x]\nfeeds: [a?b, [c]\n", 5, "expected"),
    ("id: bad\nname: X\nbase_url: http://x/\nallowed_domains: [x]\ncolour: red\n", 5, "unknown key 'colour'"),
    ("id: bad\nname: X\nbase_url: http://x/\nallowed_domains: [x]\nallow: ['(unclosed']\n", 5, "bad regex"),
    ("id: bad\nname: X\nbase_url: ftp://x/\nallowed_domains: [x]\n", 3, "must be http"),
    ("id: other\nname: X\nbase_url: http://x/\nallowed_domains: [x]\n", 1, "must equal the file name"),
    ("id: bad\nname: X\nbase_url: http://x/\nallowed_domains: [x]\npoliteness: {delay: fast}\n", 5, "politeness"),
])
def test_malformed_portal_file_error_names_file_and_line(tmp_path, body, line, fragment):
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        parse_portal(path)
    assert str(error.value).startswith(f"{path}:{line}:"), str(error.value)
    assert fragment in str(error.value)


def test_environment_variables_expand_in_portal_urls(tmp_path, monkeypatch):
    path = tmp_path / "p.yaml"
    path.write_text("id: p\nname: P\nbase_url: ${PORTAL_ORIGIN:-http://127.0.0.1:1}/p/\nallowed_domains: [127.0.0.1]\n")
    assert parse_portal(path).base_url == "http://127.0.0.1:1/p/"
    monkeypatch.setenv("PORTAL_ORIGIN", "http://127.0.0.1:9")
    assert parse_portal(path).base_url == "http://127.0.0.1:9/p/"


def test_tsv_rows_with_wrong_cell_count_name_the_line(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("# comment\nalias\tcanonical\tkind\nDinsos\tDinas Sosial\tdinas\nBroken\tonly two\n")
    with pytest.raises(ConfigError, match=r"t\.tsv:4: expected 3"):
        load_tsv(path, ("alias", "canonical", "kind"))


def test_jsonl_duplicate_ids_and_bad_lines_are_refused(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"id": "a"}\n{"id": "a"}\n')
    with pytest.raises(ConfigError, match=r"p\.jsonl:2: duplicate id 'a' \(first on line 1\)"):
        load_jsonl(path)
    path.write_text('{"id": "a"}\nnot json\n')
    with pytest.raises(ConfigError, match=r"p\.jsonl:2: not JSON"):
        load_jsonl(path)


def test_rules_load_with_gazetteer_and_a_stable_version(rules):
    assert len([r for r in rules.regions if r.level == "provinsi"]) == 38
    assert len([r for r in rules.regions if r.level != "provinsi"]) == 514
    assert rules.region_aliases["Kalbar"].name == "Provinsi Kalimantan Barat"
    assert rules.version == config.load_rules().version


def test_a_region_alias_outside_the_gazetteer_is_refused(tmp_path):
    import shutil
    rules_dir = tmp_path / "rules"
    shutil.copytree(config.RULES_DIR, rules_dir)
    with open(rules_dir / "region_aliases.tsv", "a", encoding="utf-8") as handle:
        handle.write("Atlantis\tKota Atlantis\n")
    with pytest.raises(ConfigError, match="region_aliases.tsv:[0-9]+: 'Kota Atlantis' is not in the Kemendagri gazetteer"):
        config.load_rules(rules_dir)


def test_a_scheme_phrase_that_is_not_lowercase_is_refused(tmp_path):
    import shutil
    rules_dir = tmp_path / "rules"
    shutil.copytree(config.RULES_DIR, rules_dir)
    text = (rules_dir / "schemes.yaml").read_text().replace("[zona hijau, zona kuning", "[Zona Hijau, zona kuning", 1)
    (rules_dir / "schemes.yaml").write_text(text)
    with pytest.raises(ConfigError, match=r"schemes.yaml:\d+: predicates entries must be non-empty lowercase"):
        config.load_rules(rules_dir)
