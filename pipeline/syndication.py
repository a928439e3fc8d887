"""Which articles are copies of one text (a press release printed by several portals), in
near-linear time: MinHash signatures of word shingles (datasketch), LSH banding for candidate
pairs, and the exact shingle Jaccard for the verdict on each candidate.

Datelines and outlet names differ between copies, the body does not, so shingle overlap tells
a reprinted release from two reports of the same event. The verdict is the test the audit
always used — two texts sharing at least half of their 5-word shingles are one release — so
LSH (and a cheap estimate from the signatures) only decides which pairs are looked at: a pair
at Jaccard 0.5 is a candidate with probability 0.996 (`found_probability`), one at 0.6 with
0.99996. Signatures depend on the text alone, so the store keeps them and a new audit round
hashes only the articles it has not seen (`pipeline.stages.syndication_clusters`).

Pure: no database, no files, no clock.
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable

import numpy as np

SHINGLE = 5                  # words per shingle
THRESHOLD = 0.5              # press-release copies share most shingles; independent reports share few
ROWS, BANDS = 3, 42          # LSH: 42 bands of 3 signature values (see found_probability)
NUM_PERM = ROWS * BANDS
# Signature agreement estimates the Jaccard with a standard error of 0.045 at 0.5 (126 values):
# below 0.3, 4.5 errors under the threshold, a pair is not worth reading the texts for.
ESTIMATE_FLOOR = 0.3
SEED = 1
# Stored beside each signature: changing any parameter above makes old signatures stale.
METHOD = f"minhash-affine32-crc32-w{SHINGLE}-p{NUM_PERM}-s{SEED}"
_WORD = re.compile(r"\w+")
_MIX = np.uint64(0x9E3779B1)  # odd multiplier combining word hashes into a shingle hash


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str) -> set[tuple[str, ...]]:
    """5-word shingles; a text shorter than that is one shingle of all its words."""
    tokens = words(text)
    return {tuple(tokens[i:i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))}


def jaccard(a: set, b: set) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _shingle_hashes(text: str, word_hashes: dict[str, int]) -> list[int]:
    """32-bit hashes of the shingles, stable across processes (crc32, not Python's salted hash).

    `word_hashes` memoises crc32 per word across texts: news vocabulary repeats.
    """
    tokens = words(text)
    for token in tokens:
        if token not in word_hashes:
            word_hashes[token] = zlib.crc32(token.encode())
    hashed = np.array([word_hashes[t] for t in tokens] or [0], dtype=np.uint64)
    width = min(SHINGLE, len(hashed))
    count = len(hashed) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(width):  # polynomial over the words of each shingle, vectorised per offset
        combined = combined * _MIX + hashed[offset:offset + count]
    return (combined & np.uint64(0xFFFFFFFF)).tolist()


def _identity(value: int) -> int:
    return value


def signatures(texts: Iterable[str]) -> list[bytes]:
    """One MinHash signature (NUM_PERM uint32 values, as bytes) per text."""
    from datasketch import MinHash

    word_hashes: dict[str, int] = {}
    return [m.hashvalues.astype("<u4").tobytes() for m in MinHash.generator(
        (_shingle_hashes(t, word_hashes) for t in texts), num_perm=NUM_PERM, seed=SEED, hashfunc=_identity,
        scheme="affine32")]


def found_probability(similarity: float) -> float:
    """Chance that two texts of this Jaccard similarity share at least one LSH band."""
    return 1 - (1 - similarity ** ROWS) ** BANDS


def _matrix(signature_bytes: list[bytes]) -> np.ndarray:
    return np.frombuffer(b"".join(signature_bytes), dtype="<u4").reshape(len(signature_bytes), NUM_PERM)


def candidate_groups(ids: list[int], matrix: np.ndarray) -> Iterable[list[int]]:
    """Groups of ids whose signatures (rows of `matrix`) agree on a whole band, band by band.

    Sorting each band's values finds equal ones without a hash table per bucket, so memory
    stays one matrix of NUM_PERM values per article.
    """
    keys = np.asarray(ids)
    wide = matrix.astype(np.uint64)
    for band in range(BANDS if len(ids) > 1 else 0):
        columns = wide[:, band * ROWS:(band + 1) * ROWS]
        # three 32-bit values folded into one 64-bit key; a rare collision only adds a candidate
        folded = columns[:, 0] ^ (columns[:, 1] << np.uint64(21)) ^ (columns[:, 2] << np.uint64(42)) \
            ^ (columns[:, 1] >> np.uint64(43)) ^ (columns[:, 2] >> np.uint64(22))
        order = np.argsort(folded, kind="stable")
        ordered = folded[order]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        ends = np.r_[starts[1:], len(ordered)]
        for start, end in zip(starts[ends - starts > 1], ends[ends - starts > 1]):
            yield sorted(keys[order[start:end]].tolist())


def clusters(ids: Iterable[int], signature_of: dict[int, bytes],
             text_of: Callable[[list[int]], dict[int, str]]) -> dict[int, int]:
    """article id → cluster id (the smallest id in the cluster); copies of one text share one.

    In each LSH group, pairs whose signatures agree on fewer than ESTIMATE_FLOOR of their
    values are dropped without reading a text (their Jaccard is far below the threshold); the
    rest get the exact test. `text_of(ids)` returns the texts of those candidates only.
    """
    ids = sorted(ids)
    parent = {i: i for i in ids}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    row_of = {i: row for row, i in enumerate(ids)}
    matrix = _matrix([signature_of[i] for i in ids])
    pairs: list[tuple[int, int]] = []
    seen: set[tuple[int, int]] = set()
    for group in candidate_groups(ids, matrix):
        rows = matrix[[row_of[i] for i in group]]
        for position, a in enumerate(group[:-1]):
            estimates = (rows[position + 1:] == rows[position]).mean(axis=1)
            for offset in np.flatnonzero(estimates >= ESTIMATE_FLOOR).tolist():
                pair = (a, group[position + 1 + offset])
                if pair not in seen:
                    seen.add(pair)
                    pairs.append(pair)
    texts = text_of(sorted({i for pair in pairs for i in pair}))
    sets: dict[int, set] = {}
    for a, b in pairs:
        if root(a) == root(b):
            continue
        for i in (a, b):
            if i not in sets:
                sets[i] = shingles(texts[i])
        if jaccard(sets[a], sets[b]) >= THRESHOLD:
            low, high = sorted((root(a), root(b)))
            parent[high] = low  # the smaller id stays the root: cluster ids are stable
    return {i: root(i) for i in ids}


def syndication_clusters(articles: dict[int, str]) -> dict[int, int]:
    """article id → cluster id for texts in memory (signatures computed here, none stored)."""
    ids = sorted(articles)
    signature_of = dict(zip(ids, signatures(articles[i] for i in ids)))
    return clusters(ids, signature_of, lambda wanted: {i: articles[i] for i in wanted})
