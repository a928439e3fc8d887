"""The fuzzer of `tests/fuzz.py` on a small budget: mutated sentences, wrong types and broken bytes
through `rapor extract --input`'s contract, no crash and no broken promise (`make fuzz` runs
10,000 inputs). RAPOR_FUZZ_SEED picks other inputs than the pinned ones."""
import os

from tests import fuzz

BUDGET = 500


def test_fuzzed_lines_never_crash_and_keep_the_contract(extractor):
    seed = int(os.environ.get("RAPOR_FUZZ_SEED", "11"))
    report = fuzz.run(BUDGET, seed, extractor)
    print("\nfuzz:", report.summary())
    assert report.inputs == BUDGET
    assert report.crashes == [], report.crashes[:3]
    assert report.violations == [], report.violations[:3]
    assert report.records > 0  # the inputs still read as evaluations, or the fuzzer tests nothing


def test_the_fuzzer_sees_a_broken_contract(extractor, monkeypatch):
    """A check that could not fail would prove nothing: break the surrogate guard, and it must tell."""
    import pipeline.contract as contract
    monkeypatch.setattr(contract, "_check_text", lambda name, value: None)
    report = fuzz.run(200, 1, extractor)
    assert report.crashes
