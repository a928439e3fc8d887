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
    """A check that could not fail would prove nothing: shift every quote's offsets by one, and
    raise on one input in ten; the fuzzer must see both."""
    from dataclasses import replace

    calls = []
    original = extractor.extract

    def broken(article):
        calls.append(1)
        if len(calls) % 10 == 0:
            raise RuntimeError("planted")
        return [replace(r, start=r.start + 1, end=r.end + 1) for r in original(article)]

    monkeypatch.setattr(extractor, "extract", broken)
    report = fuzz.run(200, 1, extractor)
    assert report.crashes and any("quote" in what for _, what in report.violations)
