"""The memory's fuzzy candidate search: MinHash band keys per unit, one sorted index of them.

Each unit stores ``BANDS`` 32-bit keys (in the narrow ``sketches`` table), each the MinHash of
``ROWS`` hash functions over its distinct words. Two sentences sharing two thirds of their
words meet in some band with probability 0.98 (half their words: 0.80), so recall is high but
not exact. The keys are searched in one sorted array (about 150 MB per million units).

That array is saved in the file (``band_index``) as a *base*: the units up to its last id. A
lookup reads it and merges in the units added since (their sketches, read by id range: an
O(n) merge, no sort), so neither `tm update` nor the run after it rebuilds anything. An
update rewrites the base only once the units added since reach ``COMPACT_SHARE`` of it; a
removal rewrites it without the removed units (and bumps ``epoch``, which ends an unrewritten
base's validity). A file without a valid base gets it built and saved by the next lookup. A
merged index is identical to one rebuilt from scratch: equal keys are ordered by the unit's
position, units by id (property test).
"""

from __future__ import annotations

import re
import sqlite3
import zlib
from collections.abc import Sequence
from typing import Any

import numpy as np

BANDS = 12
ROWS = 3
CANDIDATES = 24  # most units scored per fuzzy lookup (those sharing the most bands)
BUCKET = 32  # most units taken from one band's bucket (those nearest in length)
BUSY_TIMEOUT_MS = 30_000
COMPACT_SHARE = 0.25  # units added since the saved base, as a share of it, that rewrite it
_LENGTH_BITS = 20
_MAX_LENGTH = (1 << _LENGTH_BITS) - 1
_WORD = re.compile(r"\w+")
# MinHash constants: fixed, so every process computes the same keys for the same text.
_RNG = np.random.default_rng(0x7E11)
_MUL = _RNG.integers(1, 2**63, size=BANDS * ROWS, dtype=np.uint64) | np.uint64(1)
_ADD = _RNG.integers(0, 2**63, size=BANDS * ROWS, dtype=np.uint64)
_MIX = _RNG.integers(1, 2**63, size=ROWS + 1, dtype=np.uint64) | np.uint64(1)
_BAND = np.arange(BANDS, dtype=np.uint64)


class _WordHashes(dict[str, int]):
    """word -> CRC-32 of its UTF-8, computed once per word (a vocabulary is small)."""

    def __missing__(self, word: str) -> int:
        if len(self) > 500_000:
            self.clear()
        value = self[word] = zlib.crc32(word.encode("utf-8"))
        return value


_WORD_HASHES = _WordHashes()


def _word_hashes(text: str) -> list[int]:
    folded = text.casefold()
    return list(map(_WORD_HASHES.__getitem__, set(_WORD.findall(folded)) or (folded,)))


def sketch_blobs(ids: Sequence[int], texts: Sequence[str]) -> list[bytes]:
    """Each unit's sketch row: id, length and ``BANDS`` keys as little-endian int32."""
    data = np.empty((len(texts), BANDS + 2), dtype="<i4")
    data[:, 0] = ids
    data[:, 1] = [len(text) for text in texts]
    data[:, 2:] = band_array(texts)
    return [row.tobytes() for row in data]


def band_array(texts: Sequence[str]) -> np.ndarray[Any, np.dtype[np.int32]]:
    """``BANDS`` LSH keys per text (32-bit, little-endian), vectorised over the texts."""
    if not texts:
        return np.zeros((0, BANDS), dtype="<i4")
    hashes = [_word_hashes(text) for text in texts]
    sizes = np.fromiter((len(h) for h in hashes), dtype=np.int64, count=len(hashes))
    offsets = np.zeros(len(hashes), dtype=np.int64)
    np.cumsum(sizes[:-1], out=offsets[1:])
    words = np.fromiter((w for h in hashes for w in h), dtype=np.uint64, count=int(sizes.sum()))
    with np.errstate(over="ignore"):
        permuted = (words[None, :] * _MUL[:, None] + _ADD[:, None]) >> np.uint64(32)
        minima = np.minimum.reduceat(permuted, offsets, axis=1).T.reshape(-1, BANDS, ROWS)
        keys = _BAND * _MIX[ROWS]
        for row in range(ROWS):
            keys = keys + minima[:, :, row] * _MIX[row]
    result: np.ndarray[Any, np.dtype[np.int32]] = (keys >> np.uint64(32)).astype("<u4").view("<i4")
    return result


Array = np.ndarray[Any, Any]


class BandIndex:
    """Every unit's band keys, sorted, for candidate search (see the module docstring).

    ``keys`` holds ``key << 20 | length`` sorted, so each bucket (units sharing a band key) is
    ordered by length; ``owners`` the position (in ``ids`` and ``lengths``) of each key's unit.
    ``ids`` is ascending.
    """

    def __init__(self, keys: Array, owners: Array, ids: Array, lengths: Array) -> None:
        self.keys = keys
        self.owners = owners
        self.ids = ids
        self.lengths = lengths
        self.version: Any = None  # set by the memory: the file state it was read at

    # -- reading and building -----------------------------------------------------------

    @classmethod
    def saved(cls, db: sqlite3.Connection) -> BandIndex | None:
        """The base index saved in the file, when it is still valid (no removal since)."""
        if not base_is_valid(db):
            return None
        arrays = {name: _read_array(db, name, dtype) for name, dtype in _INDEX_ARRAYS}
        count = len(arrays["ids"])
        if len(arrays["keys"]) != BANDS * count or len(arrays["owners"]) != BANDS * count:
            return None
        return cls(arrays["keys"], arrays["owners"], arrays["ids"], arrays["lengths"])

    @classmethod
    def current(cls, db: sqlite3.Connection) -> BandIndex | None:
        """The saved base index with the units added since merged in; None without a valid
        base. Units added after the base have larger ids (a removal rewrites the base)."""
        base = cls.saved(db)
        if base is None:
            return None
        last = int(base.ids[-1]) if len(base.ids) else 0
        rows = db.execute("SELECT data FROM sketches WHERE id > ? ORDER BY id", (last,))
        data = b"".join(row[0] for row in rows)
        return base.with_rows(np.frombuffer(data, dtype="<i4").reshape(-1, BANDS + 2))

    @classmethod
    def load(cls, db: sqlite3.Connection) -> BandIndex:
        """The index of the file's current units: the saved one (and the units added since),
        else built and saved (the save is skipped when the file is read-only or busy)."""
        db.execute("BEGIN")  # one snapshot: the saved index and the units it names
        try:
            generation = meta_value(db, "generation")
            index = cls.current(db)
            built = index is None
            if index is None:
                index = cls.build(db)
        finally:
            db.execute("COMMIT")
        if built:
            index.save(db, generation)
        return index

    @classmethod
    def build(cls, db: sqlite3.Connection) -> BandIndex:
        # A narrow table read in one pass (about 60 MB per million units), in id order.
        data = b"".join(row[0] for row in db.execute("SELECT data FROM sketches ORDER BY id"))
        table = np.frombuffer(data, dtype="<i4").reshape(-1, BANDS + 2)
        return cls.of_rows(table)

    @classmethod
    def of_rows(cls, table: Array) -> BandIndex:
        """The index of sketch rows (id, length, keys…), ordered by id."""
        lengths = table[:, 1].astype(np.int32)
        keys = _tagged(table[:, 2:], lengths).reshape(-1)
        order = np.argsort(keys, kind="stable")
        owners = (order // BANDS).astype(np.int32)
        return cls(keys[order], owners, table[:, 0].astype(np.int64), lengths)

    # -- changes ------------------------------------------------------------------------

    def with_rows(self, table: Array) -> BandIndex:
        """This index and the units of sketch ``table`` (ids above every id here), merged."""
        if not len(table):
            return self
        added = BandIndex.of_rows(table)
        base = len(self.ids)
        # After the equal keys already here: units ordered by position, as a rebuild has them.
        at = np.searchsorted(self.keys, added.keys, side="right")
        keys = np.insert(self.keys, at, added.keys)
        owners = np.insert(self.owners, at, added.owners + base).astype(np.int32)
        ids = np.concatenate((self.ids, added.ids))
        lengths = np.concatenate((self.lengths, added.lengths)).astype(np.int32)
        return BandIndex(keys, owners, ids, lengths)

    def without(self, removed: Sequence[int]) -> BandIndex:
        """This index less the units whose ids are ``removed``."""
        if not len(removed):
            return self
        keep_unit = ~np.isin(self.ids, np.asarray(removed, dtype=np.int64))
        position = (np.cumsum(keep_unit) - 1).astype(np.int32)
        keep_key = keep_unit[self.owners]
        return BandIndex(
            self.keys[keep_key],
            position[self.owners[keep_key]],
            self.ids[keep_unit],
            self.lengths[keep_unit],
        )

    def write(self, db: sqlite3.Connection) -> None:
        """Store the index as the file's base, inside the caller's write transaction."""
        db.execute("DELETE FROM band_index")
        for name, dtype in _INDEX_ARRAYS:
            array = np.ascontiguousarray(getattr(self, name), dtype=dtype)
            for part, start in enumerate(range(0, len(array), _INDEX_PART)):
                piece = array[start : start + _INDEX_PART].tobytes()
                db.execute(
                    "INSERT INTO band_index (name, part, data) VALUES (?, ?, ?)",
                    (name, part, piece),
                )
        for key, value in (
            ("index_epoch", meta_value(db, "epoch") or "0"),
            ("index_generation", meta_value(db, "generation") or "0"),
            ("index_units", str(len(self.ids))),
            ("index_last_id", str(int(self.ids[-1]) if len(self.ids) else 0)),
        ):
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def save(self, db: sqlite3.Connection, generation: str | None) -> None:
        """Keep the index in the file in a transaction of its own; skipped when the file is
        read-only, busy, or changed meanwhile (it is only a cache)."""
        try:
            db.execute("PRAGMA busy_timeout = 0")
            db.execute("BEGIN IMMEDIATE")
            try:
                if meta_value(db, "generation") == generation:
                    self.write(db)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error:
            pass
        finally:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    # -- lookups ------------------------------------------------------------------------
    def candidates(
        self, keys: np.ndarray[Any, Any], texts: Sequence[str], threshold: float
    ) -> list[list[int]]:
        """Per text, up to ``CANDIDATES`` unit ids sharing a band with it and of a length
        that can reach ``threshold``, those sharing the most bands first (ties: older unit)."""
        result: list[list[int]] = []
        for start in range(0, len(texts), 256):  # bounded temporaries on popular buckets
            part = texts[start : start + 256]
            result.extend(self._candidates(keys[start : start + len(part)], part, threshold))
        return result

    def _candidates(
        self, keys: np.ndarray[Any, Any], texts: Sequence[str], threshold: float
    ) -> list[list[int]]:
        count = len(texts)
        flat = keys.reshape(-1).astype(np.int64) << _LENGTH_BITS
        length = np.fromiter((len(t) for t in texts), dtype=np.int64, count=count)
        lows = np.searchsorted(self.keys, flat, side="left")
        highs = np.searchsorted(self.keys, flat + (1 << _LENGTH_BITS), side="left")
        # A popular bucket (many near-identical units) gives the BUCKET units nearest in length.
        near = np.searchsorted(self.keys, flat | np.repeat(np.minimum(length, _MAX_LENGTH), BANDS))
        starts = np.maximum(lows, np.minimum(near - BUCKET // 2, highs - BUCKET))
        sizes = np.minimum(highs, starts + BUCKET) - starts
        total = int(sizes.sum())
        if total == 0:
            return [[] for _ in texts]
        # Every (query, unit) pair that shares a band: the ranges expanded without a loop.
        query = np.repeat(np.repeat(np.arange(count, dtype=np.int64), BANDS), sizes)
        positions = np.repeat(starts - np.cumsum(sizes) + sizes, sizes) + np.arange(total)
        owners = self.owners[positions].astype(np.int64)
        ratio = threshold / 100.0
        bound = ratio / (2.0 - ratio) if ratio < 1.0 else 1.0
        unit_length = self.lengths[owners]
        keep = (unit_length >= np.floor(length * bound)[query]) & (
            unit_length <= (length / max(bound, 1e-9) + 1.0)[query]
        )
        pairs, shared = np.unique(query[keep] * len(self.ids) + owners[keep], return_counts=True)
        query, owners = pairs // len(self.ids), pairs % len(self.ids)
        order = np.lexsort((owners, -shared, query))
        query, owners = query[order], owners[order]
        rank = np.arange(len(query)) - np.searchsorted(query, query, side="left")
        query, owners = query[rank < CANDIDATES], owners[rank < CANDIDATES]
        bounds = np.searchsorted(query, np.arange(count + 1)).tolist()
        ids: list[int] = self.ids[owners].tolist()
        return [ids[bounds[i] : bounds[i + 1]] for i in range(count)]


_INDEX_ARRAYS = (("keys", "<i8"), ("owners", "<i4"), ("ids", "<i8"), ("lengths", "<i4"))
_INDEX_PART = 1 << 20  # elements per stored blob


def _tagged(keys: Array, lengths: Array) -> Array:
    """Band keys widened to ``key << 20 | length`` (a bucket sorted by length)."""
    tagged = np.ascontiguousarray(keys).astype(np.int64) << _LENGTH_BITS
    tagged |= np.minimum(lengths, _MAX_LENGTH).astype(np.int64)[:, None]
    return tagged


def meta_value(db: sqlite3.Connection, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _bump(db: sqlite3.Connection, key: str) -> None:
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, '1') "
        "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
        (key,),
    )


def bump_generation(db: sqlite3.Connection, *, removal: bool = False) -> None:
    """Mark the units as changed (lookups read the index again); a removal also ends the
    saved base index's validity (its units are no longer all there)."""
    _bump(db, "generation")
    if removal:
        _bump(db, "epoch")


def base_is_valid(db: sqlite3.Connection) -> bool:
    """Whether the saved base index holds every unit up to its last id, and only those.

    True when no unit was removed since it was written (``index_epoch``); a file written by
    an older version, which kept only ``index_generation``, when no unit changed since."""
    if meta_value(db, "index_epoch") == (meta_value(db, "epoch") or "0"):
        return True
    generation = meta_value(db, "generation")
    return generation is not None and meta_value(db, "index_generation") == generation


def pending_share(db: sqlite3.Connection) -> float:
    """Units added since the base index was written, as a share of the units in it."""
    in_base = int(meta_value(db, "index_units") or 0)
    last = int(meta_value(db, "index_last_id") or 0)
    added = db.execute("SELECT count(*) FROM sketches WHERE id > ?", (last,)).fetchone()[0]
    return float(added) / max(in_base, 1)


def _read_array(db: sqlite3.Connection, name: str, dtype: str) -> Array:
    rows = db.execute("SELECT data FROM band_index WHERE name = ? ORDER BY part", (name,))
    return np.frombuffer(b"".join(row[0] for row in rows), dtype=dtype)
