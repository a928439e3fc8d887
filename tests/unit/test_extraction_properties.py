"""Property-based: mutated real-looking sentences never crash the extractor, and what it returns
always explains itself (its quote sits at its offsets, scores are on a sane scale)."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rapor.extract.records import Article
from tests.fuzz import FRAGMENTS, SEEDS  # one list of real-looking sentences for both fuzzers


@st.composite
def mutated(draw):
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(0, 8))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "swap_case", "duplicate"]))
        if action == "insert":
            text = text[:position] + draw(st.sampled_from(FRAGMENTS) | st.text(max_size=4)) + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 6)):]
        elif action == "swap_case":
            text = text[:position] + text[position:position + 12].swapcase() + text[position + 12:]
        else:
            text = text + " " + text[:position]
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated(), title=st.none() | st.text(max_size=40))
def test_mutated_sentences_never_crash_and_records_explain_themselves(extractor, text, title):
    records = extractor.extract(Article(text=text, title=title))
    for record in records:
        assert 0 <= record.start < record.end <= len(text)
        assert text[record.start:record.end] == record.quote
        assert record.score is None or 0 <= record.score <= 100
        assert record.scheme in ("ombudsman_compliance", "pekppp", "skm", "sakip", "spbe", "rb", "kip", "zi", "other")
        assert record.rule_ids and record.entity


@settings(max_examples=60, deadline=None)
@given(blob=st.binary(min_size=0, max_size=3000))
def test_binary_garbage_decoded_as_text_gives_no_error(extractor, blob):
    extractor.extract(Article(text=blob.decode("latin-1")))


def test_a_lone_surrogate_or_an_unreadable_url_is_read_around(extractor):
    from rapor.extract.records import Article
    text = "Ombudsman menilai kepatuhan 2023: Kota Kendari meraih nilai 88,1 \ud800 zona hijau."
    [record] = extractor.extract(Article(text=text, title="Judul \udfff", url="https://host.[x/a"))
    assert record.score == 88.1 and "\ud800" not in record.quote
