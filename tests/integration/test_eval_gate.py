"""The extraction eval gate: figures on both shared evaluation sets, compared to floors that only rise.

The gold sets and their scorer live in ../shared/eval (beside the clone in CI); the figures are
written to test-artifacts/eval-<set>.json so a run can be read after the fact.
"""
import importlib.util
import json
import subprocess

import pytest

from rapor.extract.records import Article
from tests.conftest import ROOT, SHARED

FLOORS_PATH = ROOT / "tests" / "eval_floors.json"
METRICS = ("scored_f1", "scored_precision", "scored_strict_f1", "predicate_only_f1", "all_f1")
EVAL_SETS = ("dev", "dev2")


def load_scorer():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip(f"{path} is absent: the evaluation sets and scorer live in ../shared/eval beside the clone")
    spec = importlib.util.spec_from_file_location("rapor_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(extractor, name: str) -> dict:
    scorer = load_scorer()
    gold = scorer.load_jsonl(SHARED / "eval" / f"{name}.jsonl")
    predictions = [{"id": row["id"], "evaluations": [r.to_contract() for r in extractor.extract(
        Article(text=row["text"], title=row.get("title"), url=row.get("url"), published=row.get("published")))]}
        for row in gold]
    report = scorer.evaluate(gold, predictions)
    negatives = [p for p, g in zip(predictions, gold) if not g["evaluations"]]
    figures = {
        "scored_f1": report["scored"]["f1"], "scored_precision": report["scored"]["precision"],
        "scored_strict_f1": report["scored"]["strict_f1"], "predicate_only_f1": report["predicate_only"]["f1"],
        "all_f1": report["all"]["f1"], "hard_negative_records": sum(len(p["evaluations"]) for p in negatives),
        "attribute_accuracy": report["attribute_accuracy"],
    }
    out = ROOT / "test-artifacts"
    out.mkdir(exist_ok=True)
    (out / f"eval-{name}.json").write_text(json.dumps({"figures": figures, "report": report}, indent=1))
    print(f"\n{name} extraction:", json.dumps(figures))
    return figures


def floors_by_set(floors: dict) -> dict:
    """The floors file per evaluation set (keys starting with "_" are notes); its first versions
    held the dev set's alone."""
    floors = {k: v for k, v in floors.items() if not k.startswith("_")}
    return floors if "dev" in floors else {"dev": floors}


@pytest.mark.parametrize("name", EVAL_SETS)
def test_evaluation_set_meets_its_floors(extractor, name):
    floors = floors_by_set(json.loads(FLOORS_PATH.read_text()))[name]
    figures = measure(extractor, name)
    for metric in METRICS:
        assert figures[metric] >= floors.get(metric, 0), f"{name} {metric} {figures[metric]} fell below its floor {floors[metric]}"
    assert figures["hard_negative_records"] <= floors["hard_negative_records_max"]


def test_floors_never_went_down_in_history():
    """Each committed version of the floors file is at least as strict as the one before it."""
    try:
        log = subprocess.run(["git", "log", "--format=%H", "--", str(FLOORS_PATH.relative_to(ROOT))],
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    versions = []
    for commit in reversed(log):
        shown = subprocess.run(["git", "show", f"{commit}:tests/eval_floors.json"], cwd=ROOT, capture_output=True, text=True)
        if shown.returncode == 0:
            versions.append((commit[:8], floors_by_set(json.loads(shown.stdout))))
    versions.append(("working tree", floors_by_set(json.loads(FLOORS_PATH.read_text()))))
    for (old_name, old), (new_name, new) in zip(versions, versions[1:]):
        for name, old_floors in old.items():
            assert name in new, f"the {name} floors were dropped from {old_name} to {new_name}"
            for metric in METRICS:
                assert new[name].get(metric, 0) >= old_floors.get(metric, 0), f"{name} {metric} lowered from {old_name} to {new_name}"
            assert new[name]["hard_negative_records_max"] <= old_floors["hard_negative_records_max"]
