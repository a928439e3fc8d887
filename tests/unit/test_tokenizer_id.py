"""spaCy's Indonesian tokenizer facts that the extraction patterns rely on.

If a spaCy upgrade changes any of these, the number reader and the grade patterns in
extract/evaluations/ must change with it; this test says so first.
"""
import pytest
import spacy


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("id")


@pytest.mark.parametrize("text, tokens", [
    ("nilai 94,62 zona", ["nilai", "94,62", "zona"]),            # decimal comma: one token
    ("nilai 94, 62 zona", ["nilai", "94", ",", "62", "zona"]),   # comma + space: three tokens
    ("nilai 68.52.", ["nilai", "68.52", "."]),                   # decimal point, then sentence end
    ("nilai 82.", ["nilai", "82", "."]),                         # integer at sentence end
    ("Kamis, (8/6/2023)", ["Kamis", ",", "(", "8", "/", "6", "/", "2023", ")"]),
    ("predikat A-.", ["predikat", "A", "-", "."]),               # a graded letter splits from its sign
    ("predikat BB,", ["predikat", "BB", ","]),
    ("predikat B.", ["predikat", "B."]),                         # ...but a capital and a dot stay one
    ("Kab. Serang", ["Kab", ".", "Serang"]),
    ("posisi ke 94, 95, 96", ["posisi", "ke", "94", ",", "95", ",", "96"]),
    ("(80 - 89,9)", ["(", "80", "-", "89,9", ")"]),
    ("81,00 – 100", ["81,00", "–", "100"]),
])
def test_tokenizer(nlp, text, tokens):
    assert [t.text for t in nlp(text)] == tokens


@pytest.mark.parametrize("text, tokens", [
    ("Predikat A (Pelayanan Prima): Polres", ["Predikat", "A", "(", "Pelayanan", "Prima", ")", ":", "Polres"]),
    ("Timor Tengah Utara(TTU)", ["Timor", "Tengah", "Utara", "(", "TTU", ")"]),
    ("RSUD Dr. Soetomo", ["RSUD", "Dr.", "Soetomo"]),
    ("(A-/Sangat Baik)", ["(", "A", "-", "/", "Sangat", "Baik", ")"]),   # a grade and its label across a slash
    ("(A/Pelayanan Prima)", ["(", "A", "/", "Pelayanan", "Prima", ")"]),
    ("KementerianLuar Negeri", ["Kementerian", "Luar", "Negeri"]),   # two words glued at a lost line break
    ("KemenPAN-RB dan DPMPTSP", ["KemenPAN", "-", "RB", "dan", "DPMPTSP"]),  # ...but not a short form
])
def test_rapor_tokenizer_splits_what_the_blank_one_glues(text, tokens):
    """Rapor's Indonesian: a bracket glued to a word splits, an emoticon ("):") is two marks, and
    a letter grade comes apart from its label across a slash."""
    from rapor.extract.evaluations.language import indonesian
    assert [t.text for t in indonesian()(text)] == tokens
