"""Abbreviations an article defines for itself: "Pusat Pelaporan dan Analisis Transaksi Keuangan
(PPATK)", "Radio Republik Indonesia (RRI)".

An article names an unfamiliar body once in full with its abbreviation in brackets, then uses
either form. The long form is found the way Schwartz and Hearst (2003) find it: the shortest run
of words before the bracket whose letters hold the abbreviation's in order, the first letter
starting the first word. Pure.
"""
from __future__ import annotations

import re

ABBREVIATION = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]{1,11})\s*\)")
WORD = re.compile(r"[A-Za-z][\w'’./&-]*")


def defined_abbreviations(text: str, joiners) -> dict[str, str]:
    """{abbreviation: long form} for every "Long Form (ABBR)" in the text, first definition wins;
    `joiners` are the small words a long form may hold uncapitalised ("dan", "&")."""
    found: dict[str, str] = {}
    for match in ABBREVIATION.finditer(text):
        short = match.group(1)
        if sum(c.isupper() for c in short) < 2 or short in found:
            continue
        long_form = _long_form(text[max(0, match.start() - 200):match.start()], short, joiners)
        if long_form:
            found[short] = long_form
    return found


def _long_form(before: str, short: str, joiners) -> str | None:
    """The candidate whose content words' initials spell most of the abbreviation (shorter on a
    tie): "Pusat Pelaporan dan Analisis Transaksi Keuangan" over "Pelaporan … Keuangan"."""
    words = WORD.findall(before.split("\n")[-1])
    limit = min(len(short) + 5, 2 * len(short))
    best, best_initials = None, 0
    for size in range(1, min(limit, len(words)) + 1):
        candidate = words[-size:]
        if candidate[0].lower() in joiners or candidate[0][0] != short[0].upper():
            continue
        if not all(w[0].isupper() or w.lower() in joiners for w in candidate):
            continue
        if not _letters_in_order(" ".join(candidate).lower(), short.lower()):
            continue
        initials = _initials_spelled(candidate, short, joiners)
        if initials > best_initials:
            best, best_initials = " ".join(candidate), initials
    return best or _common_noun_form(words, short, joiners)


def _common_noun_form(words: list[str], short: str, joiners) -> str | None:
    """"layanan pengujian kendaraan bermotor (PKB)": a long form in lower case, every letter of the
    abbreviation the initial of one of its last content words. Such a form names a service or a
    thing, not a body, but it tells which of an abbreviation's meanings the article uses."""
    content = []
    for word in reversed(words):
        if not word.islower():
            break
        content.insert(0, word)
        if len([w for w in content if w not in joiners]) == len(short):
            break
    spelled = [w for w in content if w not in joiners]
    if len(spelled) == len(short) and "".join(w[0] for w in spelled) == short.lower():
        return " ".join(content)
    return None


def _initials_spelled(words: list[str], short: str, joiners) -> int:
    """How many abbreviation letters, in order, are initials of the long form's content words."""
    letters, spelled = short.upper(), 0
    for word in words:
        if word.lower() in joiners:
            continue
        if spelled < len(letters) and word[0].upper() == letters[spelled]:
            spelled += 1
    return spelled


def _letters_in_order(long_form: str, short: str) -> bool:
    """Each letter of the abbreviation, from the last, found right to left in the long form."""
    position = len(long_form)
    for char in reversed(short):
        if not char.isalnum():
            continue
        position = long_form.rfind(char, 0, position)
        if position < 0:
            return False
    return True
