"""The OPUS-MT model a package is built from: found in a folder or a ``.zip``, its layout
recognised (a Marian release or a Hugging Face ``MarianMTModel``), its parts checked to belong
together, its licence read from the model card.

Everything here reads; ``translate.opusmt`` converts and writes.
"""

from __future__ import annotations

import json
import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from translate.archive_guard import ZIP_READ_ERRORS, unsafe_member_problem
from translate.errors import UserError

MARIAN = "marian"
TRANSFORMERS = "transformers"
# A zip larger than this once extracted is refused (real OPUS-MT releases are < 1 GB).
MAX_EXTRACTED_BYTES = 8 << 30
# Below this share of the tokenizer's pieces in the model vocabulary, the files do not belong
# together (real releases cover nearly all of them).
MIN_VOCABULARY_COVERAGE = 0.5
LANGUAGE_TOKEN = re.compile(r"^>>[a-z]{2,3}(?:_[A-Za-z]+)*<<$")
HUB_MODEL_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*$")


@dataclass(frozen=True)
class SourceModel:
    """An OPUS-MT model found on disk, ready to convert."""

    layout: str  # MARIAN or TRANSFORMERS
    folder: Path
    name: str  # shown in the package README, e.g. "Helsinki-NLP/opus-mt-vi-en"
    licence: str  # e.g. "CC-BY-4.0", or "unknown"
    source_spm: Path
    target_spm: Path


_KNOWN_LICENCE_TITLES = (
    (re.compile(r"attribution[- ]4\.0", re.I), "CC-BY-4.0"),
    (re.compile(r"^\s*mit license", re.I), "MIT"),
    (re.compile(r"apache license,?\s*(version)?\s*2\.0", re.I), "Apache-2.0"),
)


def _one_line(value: str) -> str | None:
    cleaned = " ".join(value.strip().strip("'\"`*").split())
    return cleaned[:120] or None


def licence_from_texts(readme: str | None, licence_file: str | None) -> str:
    """The model's licence as declared by its model card or LICENSE file, else "unknown".

    Order: the card's YAML front matter (``license: apache-2.0``), a known LICENSE title,
    the first line of the LICENSE file, a ``license:`` line in the README body. The result
    is always one non-empty line.
    """
    candidates: list[str | None] = []
    if readme:
        front = re.match(r"\A---\s*\n(.*?)\n---\s*(\n|\Z)", readme, re.S)
        if front:
            found = re.search(r"^licen[sc]e:(.*)$", front.group(1), re.M | re.I)
            candidates.append(found.group(1) if found else None)
    if licence_file and licence_file.strip():
        head = licence_file.strip()[:400]
        titles = [name for pattern, name in _KNOWN_LICENCE_TITLES if pattern.search(head)]
        candidates.append(titles[0] if titles else head.splitlines()[0])
    if readme:
        found = re.search(r"^[*\-\s]*licen[sc]e\s*:(.*)$", readme, re.M | re.I)
        candidates.append(found.group(1) if found else None)
    for candidate in candidates:
        cleaned = _one_line(candidate) if candidate else None
        if cleaned:
            return cleaned
    return "unknown"


def language_tokens(vocabulary: Iterable[str]) -> list[str]:
    """The ``>>xx<<`` target-language tokens of a multi-target OPUS-MT vocabulary."""
    return sorted(token for token in vocabulary if LANGUAGE_TOKEN.match(token))


def vocabulary_coverage(pieces: Iterable[str], vocabulary: set[str]) -> float:
    """Share of a tokenizer's ordinary pieces that the model vocabulary knows."""
    ordinary = [p for p in pieces if not (p.startswith("<") and p.endswith(">"))]
    if not ordinary:
        return 0.0
    return sum(piece in vocabulary for piece in ordinary) / len(ordinary)


# --------------------------------------------------------------------------------------------
# Finding and checking the source model


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def find_licence(folder: Path) -> str:
    readme = _read_text(folder / "README.md") if (folder / "README.md").is_file() else None
    licence_file = None
    for name in ("LICENSE", "LICENSE.txt", "LICENSE.md", "LICENCE", "LICENCE.txt"):
        if (folder / name).is_file():
            licence_file = _read_text(folder / name)
            break
    return licence_from_texts(readme, licence_file)


def _is_model_folder(folder: Path) -> bool:
    return (folder / "decoder.yml").is_file() or (folder / "config.json").is_file()


def find_model_folder(root: Path, where: str) -> Path:
    """``root`` itself, or the one folder below it (up to 3 levels) that holds a model."""
    if _is_model_folder(root):
        return root
    candidates = sorted(
        path.parent
        for pattern in ("*/decoder.yml", "*/*/decoder.yml", "*/config.json", "*/*/config.json")
        for path in root.glob(pattern)
    )
    unique = sorted(set(candidates))
    if len(unique) == 1:
        return unique[0]
    if not unique:
        raise UserError(
            f"{where}: no OPUS-MT model found; expected a Marian release (decoder.yml, *.npz, "
            "*.vocab.yml, source.spm, target.spm) or a Hugging Face MarianMTModel folder "
            "(config.json, model.safetensors, source.spm, target.spm, vocab.json)"
        )
    names = ", ".join(str(path.relative_to(root)) for path in unique[:5])
    raise UserError(f"{where}: several models inside ({names}); pass one of their folders")


def _require(folder: Path, names: Iterable[str], where: str, layout: str) -> None:
    missing = [name for name in names if not (folder / name).is_file()]
    if missing:
        raise UserError(f"{where}: {layout} model without {', '.join(missing)}")


def _load_yaml(path: Path, where: str) -> Any:
    import yaml  # type: ignore[import-untyped, unused-ignore]

    try:
        with path.open(encoding="utf-8") as stream:
            return yaml.safe_load(stream)
    except (OSError, yaml.YAMLError, UnicodeDecodeError, RecursionError) as exc:
        raise UserError(f"{where}: cannot read {path.name}: {exc}") from exc


def _marian_vocabularies(folder: Path, where: str) -> tuple[list[str], list[str]]:
    """Source and target vocabularies named by ``decoder.yml`` (files checked to exist)."""
    config = _load_yaml(folder / "decoder.yml", where)
    models = config.get("models") if isinstance(config, dict) else None
    vocabs = config.get("vocabs") if isinstance(config, dict) else None
    if not (isinstance(models, list) and models and isinstance(vocabs, list) and vocabs):
        raise UserError(f"{where}: decoder.yml lists no 'models' and 'vocabs'")
    names = [str(models[0]), *(str(v) for v in vocabs)]
    for name in names:
        if PurePosixPath(name).is_absolute() or ".." in PurePosixPath(name).parts:
            raise UserError(f"{where}: decoder.yml names a file outside the model: {name}")
    _require(folder, names, where, "Marian")
    from ctranslate2.converters.marian import load_vocab

    try:
        return load_vocab(str(folder / vocabs[0])), load_vocab(str(folder / vocabs[-1]))
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise UserError(f"{where}: cannot read the vocabulary {vocabs[0]}: {exc}") from exc


def _transformers_vocabulary(folder: Path, where: str) -> list[str]:
    config = _read_json(folder / "config.json", where)
    if config.get("model_type") != "marian":
        kind = config.get("model_type", "unknown")
        raise UserError(
            f"{where}: config.json describes a {kind!r} model, not an OPUS-MT MarianMTModel"
        )
    _require(folder, ("source.spm", "target.spm", "vocab.json"), where, "Hugging Face Marian")
    if not any((folder / name).is_file() for name in ("model.safetensors", "pytorch_model.bin")):
        raise UserError(f"{where}: no weights (model.safetensors or pytorch_model.bin)")
    vocabulary = _read_json(folder / "vocab.json", where)
    return list(vocabulary)


def _read_json(path: Path, where: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as exc:  # (nested past the parser's depth)
        raise UserError(f"{where}: cannot read {path.name}: {exc}") from exc
    if not isinstance(data, dict):
        raise UserError(f"{where}: {path.name} is not a JSON object")
    return data


def _spm_pieces(path: Path, where: str) -> list[str]:
    import sentencepiece as spm

    try:
        processor = spm.SentencePieceProcessor(model_file=str(path))
    except (OSError, RuntimeError) as exc:
        raise UserError(f"{where}: {path.name} is not a SentencePiece model ({exc})") from exc
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def inspect_model(folder: Path, *, name: str, where: str) -> SourceModel:
    """Recognise the layout of an unpacked OPUS-MT model and check that its parts fit."""
    if (folder / "decoder.yml").is_file():
        layout = MARIAN
        _require(folder, ("source.spm", "target.spm"), where, "Marian")
        source_vocab, target_vocab = _marian_vocabularies(folder, where)
    elif (folder / "config.json").is_file():
        layout = TRANSFORMERS
        source_vocab = target_vocab = _transformers_vocabulary(folder, where)
    else:
        raise UserError(f"{where}: neither decoder.yml nor config.json found")
    # The >>xx<< token goes in front of the source; with a shared vocabulary it is on both sides.
    tokens = language_tokens({*source_vocab, *target_vocab})
    if tokens:
        shown = " ".join(tokens[:4]) + (" …" if len(tokens) > 4 else "")
        raise UserError(
            f"{where}: multi-target model (target-language tokens {shown}); an Argos package "
            "cannot put the >>xx<< token in front of each sentence. Use a model with a single "
            "target language, such as Helsinki-NLP/opus-mt-vi-en"
        )
    for spm_name, vocabulary in (("source.spm", source_vocab), ("target.spm", target_vocab)):
        coverage = vocabulary_coverage(_spm_pieces(folder / spm_name, where), set(vocabulary))
        if coverage < MIN_VOCABULARY_COVERAGE:
            raise UserError(
                f"{where}: {spm_name} does not belong to this model (only {coverage:.0%} of "
                "its pieces are in the model vocabulary)"
            )
    return SourceModel(
        layout=layout,
        folder=folder,
        name=name,
        licence=find_licence(folder),
        source_spm=folder / "source.spm",
        target_spm=folder / "target.spm",
    )


def default_model_name(path: Path, folder: Path) -> str:
    """A name for the source model: the Hub id it was saved from, else the file name."""
    config_path = folder / "config.json"
    if config_path.is_file() and not (folder / "decoder.yml").is_file():
        try:
            saved_from = json.loads(config_path.read_text(encoding="utf-8")).get("_name_or_path")
        except (OSError, ValueError, AttributeError, RecursionError):
            saved_from = None
        if isinstance(saved_from, str) and HUB_MODEL_ID.match(saved_from):
            return saved_from
    return path.name


# --------------------------------------------------------------------------------------------
# Archives


def extract_model_zip(archive: Path, destination: Path) -> None:
    """Extract a model .zip, refusing unsafe entries and archives too large to be a model."""
    try:
        with zipfile.ZipFile(archive) as zf:
            members = zf.infolist()
            for member in members:
                problem = unsafe_member_problem(member)
                if problem:
                    raise UserError(f"{archive}: refusing entry {member.filename!r} ({problem})")
            if sum(member.file_size for member in members) > MAX_EXTRACTED_BYTES:
                raise UserError(f"{archive}: larger than {MAX_EXTRACTED_BYTES >> 30} GiB unpacked")
            zf.extractall(destination)
    except ZIP_READ_ERRORS as exc:
        raise UserError(f"{archive}: not a readable zip archive ({exc})") from exc


@contextmanager
def unpacked(path: Path) -> Iterator[Path]:
    """The folder of a model given as a folder or a .zip (extracted to a temporary folder)."""
    if path.is_dir():
        yield find_model_folder(path, str(path))
        return
    from translate.fileguard import check_regular

    if not check_regular(path, what="model .zip"):  # a FIFO: named so, not "no such file"
        raise UserError(f"{path}: no such file or folder")
    if not zipfile.is_zipfile(path):
        raise UserError(
            f"{path}: not a folder or a .zip; pass an OPUS-MT model folder or its release .zip"
        )
    with tempfile.TemporaryDirectory(prefix="opusmt-") as scratch:
        extract_model_zip(path, Path(scratch))
        yield find_model_folder(Path(scratch), str(path))
