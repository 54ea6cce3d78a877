"""The translation memory: reviewed sentences kept in one SQLite file, found again by text.

A unit is a source sentence (NFC), its reviewed translation, where it came from (catalogue
and line, or TMX file), the project, the reviewer when known and when it was created and
last changed (seconds since 1970). A memory holds one language pair (written at creation).

- Exact lookup: a 64-bit BLAKE2b hash of the NFC source, unique-indexed (the source text is
  stored once; an index on it would double the file).
- Fuzzy lookup: rapidfuzz's ``fuzz.ratio`` (the normalised Indel similarity, difflib's ratio
  computed in C++), on candidates found by locality-sensitive hashing
  (translate.memory_index: MinHash band keys per unit, one sorted index saved in the file and
  read with the units added since); the ``CANDIDATES`` units sharing most bands (at most
  ``BUCKET`` from one band, those nearest in length) are prefiltered by length (a ratio of
  ``t`` needs ``min/max >= t/(2-t)``) and scored by rapidfuzz. Writes touch one row per unit
  and table.

Concurrency: the file is in WAL mode with a busy timeout, every change runs in one
``BEGIN IMMEDIATE`` transaction, so two processes updating one memory queue instead of
corrupting it, and a failed import leaves it as it was.
"""

from __future__ import annotations

import hashlib
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from translate.errors import UserError
from translate.memory_index import (
    BUSY_TIMEOUT_MS,
    COMPACT_SHARE,
    BandIndex,
    band_array,
    base_is_valid,
    bump_generation,
    pending_share,
    sketch_blobs,
)

SCHEMA_VERSION = 1
DEFAULT_THRESHOLD = 75.0
_CHUNK = 5000
# Values bound in one statement, under SQLite's historical limit of 999 host parameters.
_PARAMETERS = 900


def _parameter_chunks(values: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), _PARAMETERS):
        yield values[start : start + _PARAMETERS]


def _marks(values: Sequence[int]) -> str:
    """The ``?, ?, …`` of an ``IN (…)`` list of ``values``."""
    return ",".join("?" * len(values))


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY,
    hash INTEGER NOT NULL UNIQUE,
    length INTEGER NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    origin TEXT NOT NULL,
    project TEXT,
    reviewer TEXT,
    created INTEGER,
    changed INTEGER
);
CREATE TABLE IF NOT EXISTS sketches (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS band_index (
    name TEXT NOT NULL, part INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (name, part)
) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class Unit:
    source: str
    target: str
    origin: str
    project: str | None = None
    reviewer: str | None = None
    created: int | None = None
    changed: int | None = None


@dataclass(frozen=True)
class Match:
    source: str
    target: str
    origin: str
    score: float  # 0-100; 100 for an exact match

    @property
    def exact(self) -> bool:
        return self.score >= 100.0


@dataclass(frozen=True)
class Counts:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    kept_newer: int = 0  # incoming units older than the stored ones (TMX dates)


@dataclass(frozen=True)
class MemoryStats:
    path: str
    source_lang: str
    target_lang: str
    units: int
    projects: int
    first_change: int | None
    last_change: int | None
    size_bytes: int


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def source_hash(source: str) -> int:
    """The unit's identity: 64 bits of BLAKE2b of the NFC source, as a signed SQLite integer."""
    digest = hashlib.blake2b(source.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class Memory:
    """An open memory file. Use as a context manager; see the module docstring."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path
        self._index: BandIndex | None = None
        self._changes = 0  # commits through this connection (data_version ignores them)
        self.meta: dict[str, str] = dict(connection.execute("SELECT key, value FROM meta"))
        self.source_lang = self.meta.get("source_lang", "vi")
        self.target_lang = self.meta.get("target_lang", "en")

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        create: bool = False,
        source_lang: str = "vi",
        target_lang: str = "en",
    ) -> Memory:
        """Open (or with ``create`` make) the memory at ``path`` for the given language pair."""
        from translate.fileguard import check_regular

        if not check_regular(path, what="translation memory") and not create:
            raise UserError(
                f"{path}: no translation memory here; create it with "
                f"`translate tm update --tm {path} CATALOG…` or `translate tm import`"
            )
        if create:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise UserError(f"cannot create {path.parent}: {exc.strerror or exc}") from exc
        try:
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise UserError(f"{path}: cannot open the translation memory ({exc})") from exc
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA cache_size = -131072")
            if create:  # WAL is a property of the file: set once, kept by every connection
                if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    connection.execute("PRAGMA journal_mode = WAL")
                _initialise(connection, source_lang, target_lang)
            memory = cls(connection, path)
            version = memory.meta.get("schema_version")
            if version != str(SCHEMA_VERSION):
                raise sqlite3.DatabaseError(f"schema version {version}, not {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            connection.close()
            raise UserError(
                f"{path}: not a translation memory ({exc}); name another file with --tm"
            ) from exc
        if (memory.source_lang, memory.target_lang) != (source_lang, target_lang):
            connection.close()
            raise UserError(
                f"{path}: this memory holds {memory.source_lang}→{memory.target_lang}, not "
                f"{source_lang}→{target_lang}; use another --tm file for this language pair"
            )
        return memory

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Memory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- changes ------------------------------------------------------------------------

    def add(self, units: Iterable[Unit], now: int) -> Counts:
        """Add or refresh ``units`` in one transaction (all or nothing).

        A unit whose source is stored already replaces the stored target when it differs,
        unless both carry a change date and the incoming one is older. Of several units with
        one source, the last wins.
        """
        totals = np.zeros(4, dtype=np.int64)
        with self._transaction():
            batch: list[Unit] = []
            for unit in units:
                batch.append(unit)
                if len(batch) >= _CHUNK:
                    totals += self._add_batch(batch, now)
                    batch = []
            if batch:
                totals += self._add_batch(batch, now)
            if totals[0]:
                self._compact_index()
        added, changed, unchanged, kept = (int(n) for n in totals)
        return Counts(added, changed, unchanged, kept)

    def _compact_index(self) -> None:
        """Inside an add: rewrite the saved base index when it is missing or invalid, or when
        the units added since reach ``COMPACT_SHARE`` of it (lookups merge those in)."""
        db = self._db
        if base_is_valid(db) and pending_share(db) < COMPACT_SHARE:
            return
        (BandIndex.current(db) or BandIndex.build(db)).write(db)

    def _stored(self, hashes: list[int]) -> dict[int, tuple[int, str, str, int | None]]:
        """hash -> (id, source, target, changed) of the stored units among ``hashes``."""
        found: dict[int, tuple[int, str, str, int | None]] = {}
        for key, *rest in self._by_hash("id, source, target, changed", hashes):
            found[key] = (rest[0], rest[1], rest[2], rest[3])
        return found

    def _by_hash(self, columns: str, hashes: Sequence[int]) -> Iterator[Any]:
        """(hash, *columns) of the stored units among ``hashes``."""
        for part in _parameter_chunks(hashes):
            yield from self._db.execute(
                f"SELECT hash, {columns} FROM units WHERE hash IN ({_marks(part)})", part
            )

    def _add_batch(self, batch: list[Unit], now: int) -> list[int]:
        """[added, changed, unchanged, kept] for one batch, inside the open transaction."""
        sources = [normalise(unit.source) for unit in batch]
        hashes = [source_hash(source) for source in sources]
        stored = self._stored(hashes)
        next_id = (self._db.execute("SELECT max(id) FROM units").fetchone()[0] or 0) + 1
        new: dict[int, list[Any]] = {}  # hash -> the row to insert
        updates: list[tuple[Any, ...]] = []
        changed = unchanged = kept = 0
        for unit, source, key in zip(batch, sources, hashes, strict=True):
            changed_at = unit.changed if unit.changed is not None else now
            row = stored.get(key)
            if row is None:
                if key in new:  # the same source earlier in this batch: the last one wins
                    new[key][4:8] = [unit.target, unit.origin, unit.project, unit.reviewer]
                    new[key][9] = changed_at
                    unchanged += 1
                    continue
                created = unit.created if unit.created is not None else now
                new[key] = [next_id, key, len(source), source, unit.target, unit.origin]
                new[key] += [unit.project, unit.reviewer, created, changed_at]
                next_id += 1
            elif row[1] != source or row[2] == unit.target:
                unchanged += 1  # the same unit (or, once in 2^64, another text: kept)
            elif unit.changed is not None and row[3] is not None and unit.changed < row[3]:
                kept += 1
            else:
                updates.append(
                    (unit.target, unit.origin, unit.project, unit.reviewer, changed_at, row[0])
                )
                stored[key] = (row[0], source, unit.target, changed_at)
                changed += 1
        db = self._db
        if updates:
            db.executemany(
                "UPDATE units SET target = ?, origin = ?, project = ?, reviewer = ?, "
                "changed = ? WHERE id = ?",
                updates,
            )
        if new:
            rows = list(new.values())
            db.executemany(
                "INSERT INTO units (id, hash, length, source, target, origin, project, "
                "reviewer, created, changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            ids = [row[0] for row in rows]
            blobs = sketch_blobs(ids, [row[3] for row in rows])
            db.executemany(
                "INSERT INTO sketches (id, data) VALUES (?, ?)", zip(ids, blobs, strict=True)
            )
            bump_generation(db)
        return [len(new), changed, unchanged, kept]

    def remove(
        self,
        *,
        sources: Sequence[str] = (),
        project: str | None = None,
        origin_prefix: str | None = None,
    ) -> int:
        """Delete units by exact source text, project or origin prefix; how many went."""
        clauses: list[str] = []
        values: list[Any] = []
        if sources:
            hashes = [source_hash(normalise(s)) for s in sources]
            clauses.append(f"hash IN ({_marks(hashes)})")
            values.extend(hashes)
        if project is not None:
            clauses.append("project = ?")
            values.append(project)
        if origin_prefix is not None:
            clauses.append("substr(origin, 1, ?) = ?")
            values.extend((len(origin_prefix), origin_prefix))
        if not clauses:
            return 0
        where = " AND ".join(clauses)
        with self._transaction():
            db = self._db
            ids = [row[0] for row in db.execute(f"SELECT id FROM units WHERE {where}", values)]
            # The index before the removal (its base is no longer valid after it).
            index = BandIndex.current(db) if ids else None
            for part in _parameter_chunks(ids):
                db.execute(f"DELETE FROM sketches WHERE id IN ({_marks(part)})", part)
                db.execute(f"DELETE FROM units WHERE id IN ({_marks(part)})", part)
            if ids:
                bump_generation(db, removal=True)
                (index.without(ids) if index is not None else BandIndex.build(db)).write(db)
        return len(ids)

    class _Transaction:
        def __init__(self, owner: Memory) -> None:
            self.owner = owner
            self.db = owner._db
            self.path = owner.path

        def __enter__(self) -> None:
            try:
                self.db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise UserError(
                    f"{self.path}: the translation memory is busy ({exc}); another `translate` "
                    "is updating it: try again when it has finished"
                ) from exc

        def __exit__(self, kind: object, value: object, tb: object) -> None:
            if kind is None:
                self.db.execute("COMMIT")
                self.owner._changes += 1
            else:
                self.db.execute("ROLLBACK")

    def _transaction(self) -> Memory._Transaction:
        return Memory._Transaction(self)

    # -- lookups ------------------------------------------------------------------------

    def exact(self, source: str) -> Match | None:
        return self.exact_many([source]).get(source)

    def exact_many(self, sources: Sequence[str]) -> dict[str, Match]:
        """source -> its exact match (same NFC text), for those the memory holds."""
        wanted: dict[int, tuple[str, str]] = {}
        for source in sources:
            text = normalise(source)
            wanted[source_hash(text)] = (source, text)
        found: dict[str, Match] = {}
        for key, text, target, origin in self._by_hash("source, target, origin", list(wanted)):
            original, normalised = wanted[key]
            if text == normalised:
                found[original] = Match(text, target, origin, 100.0)
        return found

    def fuzzy(
        self, source: str, threshold: float = DEFAULT_THRESHOLD, limit: int = 1
    ) -> list[Match]:
        """The ``limit`` most similar units other than ``source`` itself, best first."""
        return self.fuzzy_many([source], threshold, limit)[0]

    def fuzzy_many(
        self, sources: Sequence[str], threshold: float = DEFAULT_THRESHOLD, limit: int = 1
    ) -> list[list[Match]]:
        """For each source, its ``limit`` most similar units (not itself), best first."""
        from rapidfuzz import fuzz, process

        if not sources:
            return []
        version = self._data_version()
        if self._index is None or self._index.version != version:
            self._index = BandIndex.load(self._db)
            self._index.version = version
        texts = [normalise(source) for source in sources]
        candidates = self._index.candidates(band_array(texts), texts, threshold)
        results: list[list[Match]] = []
        rows: dict[int, tuple[str, str, str]] = {}
        for start in range(0, len(texts), 64):
            group = range(start, min(start + 64, len(texts)))
            missing = sorted({i for q in group for i in candidates[q]} - rows.keys())
            for first in range(0, len(missing), 900):
                part = missing[first : first + 900]
                marks = ",".join("?" * len(part))
                query = f"SELECT id, source, target, origin FROM units WHERE id IN ({marks})"
                rows.update((row[0], row[1:]) for row in self._db.execute(query, part))
            for q in group:
                choices = [rows[i] for i in candidates[q] if i in rows and rows[i][0] != texts[q]]
                found = process.extract(
                    texts[q],
                    [choice[0] for choice in choices],
                    scorer=fuzz.ratio,
                    score_cutoff=threshold,
                    limit=limit,
                )
                results.append([Match(*choices[index], score) for _, score, index in found])
            if len(rows) > 100_000:
                rows.clear()
        return results

    def _data_version(self) -> tuple[int, int]:
        """Changes when any connection changes the file (index freshness)."""
        data = self._db.execute("PRAGMA data_version").fetchone()[0]
        return data, self._changes

    def best(self, source: str, threshold: float = DEFAULT_THRESHOLD) -> Match | None:
        """The exact match, else the best fuzzy match at or above ``threshold``."""
        hit = self.exact(source)
        if hit is not None:
            return hit
        found = self.fuzzy(source, threshold)
        return found[0] if found else None

    # -- reading all --------------------------------------------------------------------

    def units(self) -> Iterator[Unit]:
        cursor = self._db.execute(
            "SELECT source, target, origin, project, reviewer, created, changed FROM units "
            "ORDER BY id"
        )
        for row in cursor:
            yield Unit(*row)

    def stats(self) -> MemoryStats:
        units, projects, first, last = self._db.execute(
            "SELECT count(*), count(DISTINCT project), min(changed), max(changed) FROM units"
        ).fetchone()
        pages = self._db.execute("PRAGMA page_count").fetchone()[0]
        page_size = self._db.execute("PRAGMA page_size").fetchone()[0]
        return MemoryStats(
            str(self.path),
            self.source_lang,
            self.target_lang,
            units,
            projects,
            first,
            last,
            pages * page_size,
        )


def _initialise(db: sqlite3.Connection, source_lang: str, target_lang: str) -> None:
    db.execute("BEGIN IMMEDIATE")
    try:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        for key, value in (
            ("schema_version", str(SCHEMA_VERSION)),
            ("source_lang", source_lang),
            ("target_lang", target_lang),
        ):
            db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (key, value))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
