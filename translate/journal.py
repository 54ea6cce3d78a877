"""A journal of finished machine translations, so that an interrupt or a kill loses none.

While `translate run` waits for the model, each batch's translations are appended to
``<catalogue>.mt-journal`` beside every catalogue that needs them: one JSON object per line,
written with one ``write`` on a file opened for appending and flushed to disk with ``fsync``
before the run goes on. A kill leaves at most a torn last line, which the reader skips.

The next run (under the same catalogue lock) reads the journals of its catalogues and uses
every entry made with the same package and decoding settings before asking the model; once a
catalogue is written, its journal is removed. A journal from another package or settings is
ignored (and removed with the catalogue's next write).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from translate.translation import Alternative, Translation

SUFFIX = ".mt-journal"


def journal_path(catalogue: Path) -> Path:
    return catalogue.with_name(catalogue.name + SUFFIX)


def _record(key: str, translation: Translation) -> dict[str, object]:
    return {
        "key": key,
        "source": translation.source,
        "text": translation.text,
        "score": translation.score,
        "alternatives": [[a.text, a.score] for a in translation.alternatives],
    }


def append(path: Path, key: str, translations: Iterable[Translation]) -> None:
    """Add ``translations`` to the journal at ``path`` durably (one write, then fsync)."""
    data = "".join(
        json.dumps(_record(key, t), ensure_ascii=False) + "\n" for t in translations
    ).encode("utf-8")
    if not data:
        return
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        view = memoryview(data)
        while view:
            written = os.write(descriptor, view)
            view = view[written:]
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _translation(line: str, key: str) -> Translation | None:
    try:
        record = json.loads(line)
        if not isinstance(record, dict) or record.get("key") != key:
            return None
        source, text, score = record["source"], record["text"], float(record["score"])
        alternatives = tuple(
            Alternative(str(alt_text), float(alt_score))
            for alt_text, alt_score in record.get("alternatives", [])
        )
    except (ValueError, KeyError, TypeError, RecursionError):
        return None  # a torn last line, or not ours (JSON nested past the parser's depth)
    if not isinstance(source, str) or not isinstance(text, str) or not math.isfinite(score):
        return None
    return Translation(source=source, text=text, score=score, alternatives=alternatives)


def read(path: Path, key: str) -> dict[str, Translation]:
    """source sentence → translation, for the entries made with ``key``; {} when none."""
    try:
        text = path.read_bytes().decode("utf-8", "replace")
    except FileNotFoundError:
        return {}
    except OSError:
        return {}  # unreadable: the model is asked again, nothing is lost but time
    found: dict[str, Translation] = {}
    for line in text.splitlines():
        translation = _translation(line, key)
        if translation is not None:
            found[translation.source] = translation
    return found


def exists(path: Path) -> bool:
    return path.is_file()


def remove(path: Path) -> None:
    """Consume a journal once its catalogue holds what it recorded."""
    path.unlink(missing_ok=True)


def record_batch(
    journals: Mapping[str, list[Path]], key: str, translations: Iterable[Translation]
) -> None:
    """Append each translation to the journal of every catalogue that needs its sentence."""
    by_journal: dict[Path, list[Translation]] = {}
    for translation in translations:
        for path in journals.get(translation.source, ()):
            by_journal.setdefault(path, []).append(translation)
    for path, items in by_journal.items():
        append(path, key, items)


def journal_key(engine: str, package: str, version: str, beam: int, alternatives: int) -> str:
    """What a journal entry must match to be used: who translated, with which settings."""
    return f"{engine} {package} {version or '-'} beam={beam} alternatives={alternatives}"


class RunJournal:
    """The journals of one run's catalogues: what each needs, read once, appended per batch."""

    def __init__(self, needs: Mapping[Path, Iterable[str]]) -> None:
        self._paths = {catalogue: journal_path(catalogue) for catalogue in needs}
        self._by_msgid: dict[str, list[Path]] = {}
        self._needs = {catalogue: set(msgids) for catalogue, msgids in needs.items()}
        for catalogue, msgids in self._needs.items():
            for msgid in msgids:
                self._by_msgid.setdefault(msgid, []).append(self._paths[catalogue])
        self.key = ""
        self.recorded = 0  # translations appended (the caller may reset it)

    def pending(self) -> bool:
        """Whether an earlier run left finished translations behind."""
        return any(exists(path) for path in self._paths.values())

    def load(self, key: str) -> dict[str, Translation]:
        """The earlier runs' translations made under ``key`` that this run still needs."""
        self.key = key
        found: dict[str, Translation] = {}
        for catalogue, path in self._paths.items():
            if not exists(path):
                continue
            for source, translation in read(path, key).items():
                if source in self._needs[catalogue]:
                    found[source] = translation
        return found

    def record(self, translations: list[Translation]) -> None:
        """``Engine.translate``'s per-batch callback."""
        record_batch(self._by_msgid, self.key, translations)
        self.recorded += len(translations)

    def consume(self, catalogue: Path) -> None:
        """The catalogue now holds its translations: its journal goes."""
        remove(self._paths[catalogue])
