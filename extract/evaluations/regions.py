"""Region names resolved onto the Kemendagri gazetteer: "Serang" + level → Region."""
from __future__ import annotations


def resolve_region(vocab, core: str, level: str | None):
    """A region by its name as written ("Serang", "Kalbar", "Tebingtinggi"), at `level` if given;
    a name several regions share resolves to none (a province stands for itself)."""
    core = core.strip()
    alias = next((region for alias, region in vocab.rules.region_aliases.items() if alias.lower() == core.lower()), None) \
        if core.islower() else vocab.rules.region_aliases.get(core)
    if alias is not None:
        return alias if level is None or alias.level == level else None
    candidates = vocab.regions_by_core.get(core.lower(), []) or vocab.regions_by_joined.get(core.lower().replace(" ", ""), [])
    if level:
        candidates = [r for r in candidates if r.level == level] or _named_by_its_first_words(vocab, core, level)
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        # a bare name shared by a province, a kabupaten and a kota: the province is the
        # most often evaluated on its own; kabupaten and kota stay apart unless text says
        provinces = [r for r in candidates if r.level == "provinsi"]
        return provinces[0] if provinces and level is None else None
    return None


def level_of(vocab, prefix: str) -> str | None:
    """"Pemkab", "Kabupaten", "Bupati" → kabupaten; "Pemko", "Wali Kota" → kota; "Gubernur" → provinsi."""
    return vocab.levels.get(prefix.lower().rstrip("."))


def _named_by_its_first_words(vocab, core: str, level: str) -> list:
    """"Pemkot Tidore" for Kota Tidore Kepulauan, "Kabupaten Pangkajene" for Pangkajene dan
    Kepulauan: with its level said, a government named by the first words of exactly one name of
    that level is that one."""
    start = core.lower() + " "
    found = [r for name, regions in vocab.regions_by_core.items() if name.startswith(start)
             for r in regions if r.level == level]
    return found if len(found) == 1 else []
