"""spaCy's blank Indonesian, adjusted where the rules need other token ends.

The tokenizer facts the patterns rely on are pinned in `tests/unit/test_tokenizer_id.py`.
"""
from __future__ import annotations

# "KementerianLuar Negeri": two words a page glued where it lost a line break; the tokenizer
# parts them, and a name read across them is written with its space
GLUED_WORDS = r"(?<=[a-z]{4})(?=[A-Z][a-z]{2})"


def indonesian():
    """spaCy's blank Indonesian, whose tokenizer also splits a bracket glued to a word
    ("Timor Tengah Utara(TTU)"). Set on the language defaults, so the tokenizer's ~30,000
    special cases are compiled once, not again after an infix change (seconds at start-up)."""
    from spacy.lang.id import Indonesian

    class Defaults(Indonesian.Defaults):
        # "(A-/Sangat Baik)", "(A/Pelayanan Prima)": a letter grade and its label across a slash
        infixes = list(Indonesian.Defaults.infixes) + [r"(?<=[A-Za-z])\((?=[A-Za-z])",
                                                       r"(?<=\b[A-D])[\-+](?=/[A-Za-z])",
                                                       r"(?<=\b[A-D][\-+])/(?=[A-Za-z])", r"(?<=\b[A-D])/(?=[A-Z][a-z])",
                                                       GLUED_WORDS]
        # ~15,600 of the ~16,000 exceptions keep reduplicated words ("anak-anak") whole; each
        # costs start-up time and none matters to the rules, which read both halves alike.
        # Abbreviations with a dot ("a.", "dr.") stay: they decide where tokens end.
        # Emoticons ("):", ":(") glue a bracket to a colon: "Predikat A (Pelayanan Prima): Polres X"
        # needs its colon apart, and no news article is read for its emoticons.
        tokenizer_exceptions = {k: v for k, v in Indonesian.Defaults.tokenizer_exceptions.items()
                                if "-" not in k and not (set(k) & set("()") and not any(c.isalnum() for c in k))}

    class RaporIndonesian(Indonesian):
        lang = "id"

    RaporIndonesian.Defaults = Defaults
    return RaporIndonesian()
