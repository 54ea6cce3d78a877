"""The memory store on its own: identity, updates, fuzzy lookup, bad files."""

from __future__ import annotations

import sqlite3
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate.errors import UserError
from translate.memory import Memory, Unit, source_hash
from translate.memory_index import BANDS, BandIndex, band_array


def test_nfc_identity_and_later_target_wins(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Hòa bình là mục tiêu.")
    with Memory.open(tmp_path / "m.sqlite", create=True) as memory:
        memory.add([Unit(decomposed, "Peace is the goal.", "a.po:1")], 10)
        assert memory.exact("Hòa bình là mục tiêu.") is not None
        counts = memory.add(
            [
                Unit("Hòa bình là mục tiêu.", "Peace is the aim.", "b.po:2"),
                Unit("Một câu khác.", "Another.", "b.po:3"),
                Unit("Một câu khác.", "Another one.", "b.po:4"),
            ],
            20,
        )
        assert (counts.added, counts.changed, counts.unchanged) == (1, 1, 1)
        hit = memory.exact("Hòa bình là mục tiêu.")
        assert hit is not None and (hit.target, hit.origin, hit.score) == (
            "Peace is the aim.",
            "b.po:2",
            100.0,
        )
        other = memory.exact("Một câu khác.")
        assert other is not None and other.target == "Another one."
        # A TMX unit older than the stored one does not replace it.
        older = Unit("Một câu khác.", "Old.", "x.tmx:3", changed=5)
        assert memory.add([older], 30).kept_newer == 1
        stats = memory.stats()
        assert (stats.units, stats.first_change, stats.last_change) == (2, 20, 20)


def test_fuzzy_lookup_scores_and_sees_other_connections_changes(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite"
    with Memory.open(path, create=True) as memory:
        memory.add([Unit("Ban tổ chức công bố danh sách doanh nghiệp.", "List.", "a.po:1")], 0)
        found = memory.fuzzy("Ban tổ chức công bố danh sách các doanh nghiệp.")
        assert len(found) == 1 and 75 <= found[0].score < 100
        assert memory.fuzzy("Hoàn toàn khác.") == []
        assert memory.fuzzy("Ban tổ chức công bố danh sách doanh nghiệp.") == []  # itself
        with Memory.open(path) as other:
            other.add([Unit("Ban tổ chức công bố danh sách doanh nghiệp mới.", "New.", "b")], 0)
        found = memory.fuzzy("Ban tổ chức công bố danh sách các doanh nghiệp.", limit=5)
        assert len(found) == 2 and found[0].score >= found[1].score
        assert memory.fuzzy("Ban tổ chức công bố danh sách các doanh nghiệp.", threshold=99) == []
        assert memory.remove(sources=["Ban tổ chức công bố danh sách doanh nghiệp mới."]) == 1
        assert len(memory.fuzzy("Ban tổ chức công bố danh sách các doanh nghiệp.", limit=5)) == 1


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=80))
def test_band_keys_are_deterministic_per_text(text: str) -> None:
    keys = band_array([text, text + " thêm"])
    assert keys.shape == (2, BANDS)
    assert (band_array([text])[0] == keys[0]).all()
    assert source_hash(text) == source_hash(str(text))


def test_bad_memory_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no translation memory here"):
        Memory.open(tmp_path / "missing.sqlite")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(UserError, match="not a translation memory"):
        Memory.open(other)
    Memory.open(tmp_path / "m.sqlite", create=True).close()
    with pytest.raises(UserError, match="holds vi→en, not vi→fr"):
        Memory.open(tmp_path / "m.sqlite", target_lang="fr")


def test_band_index_is_kept_in_the_file_until_the_units_change(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite"
    close = "Ban tổ chức công bố danh sách các doanh nghiệp."
    with Memory.open(path, create=True) as memory:
        memory.add([Unit("Ban tổ chức công bố danh sách doanh nghiệp.", "List.", "a.po:1")], 0)
        assert len(memory.fuzzy(close)) == 1  # builds the index and saves it
    with sqlite3.connect(path) as db:
        meta = dict(db.execute("SELECT key, value FROM meta"))
        assert meta["index_generation"] == meta["generation"]
    with Memory.open(path) as memory:
        assert len(memory.fuzzy(close)) == 1  # read back, same answer
        memory.add([Unit("Ban tổ chức công bố danh sách doanh nghiệp mới.", "New.", "b")], 0)
        assert len(memory.fuzzy(close, limit=5)) == 2  # the change invalidated it
        assert memory.remove(origin_prefix="b") == 1
    with Memory.open(path) as memory:
        assert len(memory.fuzzy(close, limit=5)) == 1


def _arrays(index: BandIndex) -> list[bytes]:
    return [getattr(index, name).tobytes() for name in ("keys", "owners", "ids", "lengths")]


WORDS = ("ban", "tổ", "chức", "công", "bố", "danh", "sách", "các", "doanh", "nghiệp", "mới")


@settings(max_examples=20, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.booleans(), st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
        ),
        min_size=1,
        max_size=5,
    )
)
def test_every_change_keeps_the_saved_index_equal_to_a_rebuilt_one(
    steps: list[tuple[bool, list[list[str]]]],
) -> None:
    """The saved base index with the units added since merged in (removed ones filtered out
    when the base is rewritten) is exactly what a rebuild from the sketches gives."""
    builds: list[object] = []
    build = BandIndex.build.__func__  # type: ignore[attr-defined]

    def counted(cls: type[BandIndex], db: sqlite3.Connection) -> BandIndex:
        builds.append(db)
        return build(cls, db)  # type: ignore[no-any-return]

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "m.sqlite"
        BandIndex.build = classmethod(counted)  # type: ignore[method-assign,assignment]
        try:
            for remove, sentences in steps:  # each change by another process
                with Memory.open(path, create=True) as memory:
                    texts = [" ".join(words) for words in sentences]
                    if remove:
                        memory.remove(sources=texts)
                    else:
                        memory.add([Unit(text, text.upper(), "a.po:1") for text in texts], 0)
        finally:
            BandIndex.build = classmethod(build)  # type: ignore[method-assign,assignment]
        assert len(builds) <= 1  # the first units only: every later change merges
        with sqlite3.connect(path) as db:
            current = BandIndex.current(db)  # the saved base and the units added since
            rebuilt = BandIndex.build(db)
            assert current is not None or len(rebuilt.ids) == 0  # none ever added
            assert current is None or _arrays(current) == _arrays(rebuilt)


def test_a_run_after_an_update_reads_the_index_the_update_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.sqlite"
    close = "Ban tổ chức công bố danh sách các doanh nghiệp."
    with Memory.open(path, create=True) as memory:
        memory.add([Unit("Ban tổ chức công bố danh sách doanh nghiệp.", "List.", "a.po:1")], 0)
    with Memory.open(path) as memory:  # another process: `tm update`
        memory.add([Unit("Ban tổ chức công bố danh sách doanh nghiệp mới.", "New.", "b")], 0)

    def no_rebuild(db: object) -> BandIndex:
        raise AssertionError("the index was rebuilt")

    monkeypatch.setattr(BandIndex, "build", no_rebuild)
    with Memory.open(path) as memory:  # `translate run`
        assert len(memory.fuzzy(close, limit=5)) == 2


def test_a_small_update_leaves_the_base_and_lookups_merge_it_in(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite"
    sentences = [f"Câu thứ {i} của bài báo hôm nay về {i % 7} tỉnh." for i in range(100)]
    with Memory.open(path, create=True) as memory:
        memory.add([Unit(s, s.upper(), "a.po:1") for s in sentences], 0)
    with Memory.open(path) as memory:  # 5% more: the base is left as it is
        memory.add([Unit("Ban tổ chức công bố danh sách doanh nghiệp.", "List.", "b.po:1")], 0)
    with sqlite3.connect(path) as db:
        assert dict(db.execute("SELECT key, value FROM meta"))["index_units"] == "100"
        current = BandIndex.current(db)
        assert current is not None and _arrays(current) == _arrays(BandIndex.build(db))
    with Memory.open(path) as memory:
        found = memory.fuzzy("Ban tổ chức công bố danh sách các doanh nghiệp.")
        assert [m.origin for m in found] == ["b.po:1"]
        assert memory.remove(origin_prefix="b.po") == 1  # a removal rewrites the base
    with sqlite3.connect(path) as db:
        assert dict(db.execute("SELECT key, value FROM meta"))["index_units"] == "100"
        current = BandIndex.current(db)
        assert current is not None and _arrays(current) == _arrays(BandIndex.build(db))


def test_an_index_saved_by_the_previous_version_is_read_then_rewritten(tmp_path: Path) -> None:
    """Files written before the base + added-units scheme kept only ``index_generation``."""
    path = tmp_path / "m.sqlite"
    with Memory.open(path, create=True) as memory:
        memory.add([Unit("Ban tổ chức công bố danh sách doanh nghiệp.", "List.", "a.po:1")], 0)
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM meta WHERE key IN ('index_epoch', 'index_units', 'index_last_id')")
        assert BandIndex.current(db) is not None  # index_generation still matches
    with Memory.open(path) as memory:
        memory.add([Unit("Ban tổ chức công bố danh sách doanh nghiệp mới.", "New.", "b")], 0)
    with sqlite3.connect(path) as db:
        meta = dict(db.execute("SELECT key, value FROM meta"))
        assert meta["index_units"] == "2" and meta["index_generation"] == meta["generation"]
