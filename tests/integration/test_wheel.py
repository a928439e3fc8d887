"""The package as a user installs it: the wheel built from this tree carries every data file the
code reads, and `rapor demo` from the installed wheel, run from another folder, works (and fails
loudly when a stage fails). Written against the installed `rapor` command only, so it holds
whatever the import names inside the distribution become."""
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, free_port

pytestmark = pytest.mark.integration

PACKAGE_FOLDERS = ("config", "crawlers", "extract", "pipeline", "store")
GENERIC_NAMES = ("config", "crawlers", "extract", "pipeline", "store")


def run(*args, cwd=None, env=None, timeout=900):
    return subprocess.run(list(map(str, args)), cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the tree (nothing built lands in the checkout)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "data", "test-artifacts", "build", "*.egg-info", "__pycache__", ".pytest_cache"))
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", work / "dist", source)
    assert built.returncode == 0, built.stderr[-3000:]
    [found] = (work / "dist").glob("rapor-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel and its dependencies (no extras): its bin folder."""
    venv = tmp_path_factory.mktemp("venv") / "venv"
    assert run(sys.executable, "-m", "venv", venv).returncode == 0
    done = run(venv / "bin" / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel, timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    return venv / "bin"


def site_packages(bin_dir: Path) -> Path:
    out = run(bin_dir / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    return Path(out.stdout.strip())


def test_the_wheel_carries_every_data_file_of_the_packages(wheel):
    """Each file under the package folders that is not Python source is data the code reads
    (portal files, rules, rubrics, templates, the sample's articles and reports)."""
    in_tree = {str(path.relative_to(ROOT)) for folder in PACKAGE_FOLDERS for path in (ROOT / folder).rglob("*")
               if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc",)}
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = {name for name in archive.namelist() if not name.startswith("rapor-")}
    # after the namespace move the same files sit under rapor/: compare the paths below it too
    in_wheel |= {name.split("/", 1)[1] for name in in_wheel if name.startswith("rapor/")}
    missing = sorted(in_tree - in_wheel)
    assert not missing, f"not in the wheel (declare them as package data in pyproject.toml): {missing}"


def test_rapor_demo_from_the_installed_wheel_in_another_folder(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "my-portals").mkdir(parents=True)
    env = {"PATH": f"{installed}:/usr/bin:/bin", "HOME": str(tmp_path), "RAPOR_SAMPLE_ORIGIN": f"http://127.0.0.1:{free_port()}",
           # an operator's own (empty) portal folder: the demo still crawls its own sample
           "RAPOR_PORTALS_DIR": str(elsewhere / "my-portals")}
    result = run(installed / "rapor", "demo", cwd=elsewhere, env=env)
    assert result.returncode == 0, (result.stdout[-3000:], result.stderr[-3000:])
    assert "Traceback" not in result.stderr
    for needle in ("warta-banten: 30 discovered, 11 fetched (11 new", "Dinas Sosial Kabupaten Serang", "94.62", "77.73",
                   "Kabar Serang Timur", "19 news values match the official tables, 7 differ"):
        assert needle in " ".join(result.stdout.split()), needle
    assert (elsewhere / "data" / "rapor.db").stat().st_size > 0


def test_a_demo_whose_crawler_config_is_missing_fails_loudly(installed, tmp_path):
    """The first bug of this test: crawler.yaml was not package data, every spider died with a
    traceback, the table printed empty and the exit code was 0."""
    venv = tmp_path / "broken"
    shutil.copytree(installed.parent, venv, symlinks=True)
    [crawler_yaml] = site_packages(venv / "bin").rglob("config/crawler.yaml") or [None]
    crawler_yaml.unlink()
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path), "RAPOR_SAMPLE_ORIGIN": f"http://127.0.0.1:{free_port()}"}
    result = run(venv / "bin" / "python", "-m", "pip", "--version", env=env)   # the copied venv runs
    assert result.returncode == 0
    result = run(venv / "bin" / "python", venv / "bin" / "rapor", "demo", cwd=tmp_path, env=env)
    assert result.returncode != 0 and "crawler.yaml: file not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_distributed_mode_without_its_extra_says_how_to_get_it(installed, tmp_path):
    env = {"PATH": f"{installed}:/usr/bin:/bin", "HOME": str(tmp_path)}
    for args in (("crawl", "jurnalbanten", "--redis", "redis://127.0.0.1:1/0"), ("drain", "--redis", "redis://127.0.0.1:1/0")):
        result = run(installed / "rapor", *args, "--db", tmp_path / "r.db", cwd=tmp_path, env=env)
        assert result.returncode != 0 and "pip install 'rapor[distributed]'" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_no_generic_top_level_names_are_installed(installed):
    top = site_packages(installed)
    clashing = [name for name in GENERIC_NAMES if (top / name).exists()]
    assert not clashing, f"installed as top-level packages, where they clash with other software: {clashing}"
    assert all((top / "rapor" / name / "__init__.py").exists() for name in GENERIC_NAMES)
