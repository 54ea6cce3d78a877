"""Benchmark Argos packages: real shape, seeded random weights, a known output length.

A random-weight Transformer almost never emits ``</s>``, so it would decode to the length
cap and a benchmark would measure the cap, not translation. The packages built here keep the
full cost of a real model (every matrix of the encoder and decoder is multiplied at every
step) but are wired so that every hypothesis ends after exactly ``eos_step`` target tokens:

* the decoder's output projections of its sublayers (self-attention, cross-attention and
  feed-forward outputs) and its token embeddings are effectively zero (random values of
  magnitude 1e-6, so CTranslate2 does not alias equal matrices and keeps the memory traffic
  of distinct weights); the residual stream then carries only the position encoding;
* the decoder's position encodings are a table in which position ``t < eos_step`` is a spike
  on dimension ``t`` and every position from ``eos_step`` on is a spike on dimension
  ``eos_step``;
* the output projection maps dimension ``t`` to one fixed target piece and dimension
  ``eos_step`` to ``</s>`` (which is pushed down everywhere else), on top of small random
  logits for the rest of the vocabulary.

So ``</s>`` wins exactly from step ``eos_step`` on whatever the source, for every beam. The
encoder is random with its full cost. The SentencePiece model (one, shared by both sides as in
Argos packages) is trained on the Vietnamese and English sides of the NTREX-128 and FLORES-200
files in ``../shared/data`` (read at bench time, never copied), or on ``seeds/`` without them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
SEEDS = REPO_ROOT / "seeds"
CACHE_ROOT = REPO_ROOT / ".bench-cache"
NTREX_FILE = "ntrex128-newstest2019.vi-en.tsv"
FLORES_FILE = "flores200-devtest.vi-en.tsv"

# Raise when the construction below changes, so cached packages are rebuilt.
BUILDER_REVISION = 3


@dataclass(frozen=True)
class PackageShape:
    """The architecture and decoding behaviour of one benchmark package."""

    name: str
    encoder_layers: int
    decoder_layers: int
    d_model: int
    heads: int
    ffn: int
    vocabulary: int
    eos_step: int  # every translation is exactly this many target tokens long
    seed: int = 1234

    def describe(self) -> str:
        return (
            f"{self.name}: Transformer {self.encoder_layers}+{self.decoder_layers} layers, "
            f"d_model {self.d_model}, {self.heads} heads, ffn {self.ffn}, "
            f"vocabulary {self.vocabulary}, int8; every output ends after "
            f"{self.eos_step} tokens"
        )


# Transformer base, as in the published Argos packages.
BASE = PackageShape("base", 6, 6, 512, 8, 2048, 16000, eos_step=28)
# Small enough to build and run in seconds for `--quick`.
SMALL = PackageShape("small", 2, 2, 256, 4, 1024, 8000, eos_step=28)


@dataclass(frozen=True)
class BenchPackage:
    """A built benchmark package: the archive, and the folder Argos has it installed in."""

    shape: PackageShape
    archive: Path  # .argosmodel
    packages_dir: Path  # a private ARGOS_PACKAGES_DIR holding only this package
    package_dir: Path  # the installed package folder (metadata.json, model/, sentencepiece.model)
    sentences_source: str  # where the tokenizer's training text came from

    @property
    def model_dir(self) -> Path:
        return self.package_dir / "model"


# ---------------------------------------------------------------------------------------------
# Real sentences (read at bench time from ../shared/data, or from seeds/)


def _tsv_pairs(path: Path) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            source, _, reference = line.rstrip("\n").partition("\t")
            if source.strip():
                yield source.strip(), reference.strip()


_SEED_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-Ỹ“\"])")


def _seed_sentences() -> list[str]:
    sentences: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            sentences.extend(s.strip() for s in _SEED_SENTENCE_END.split(line) if s.strip())
    return sentences


def news_sentences(which: str = "ntrex") -> tuple[list[str], list[str], str]:
    """Vietnamese sentences, their English references (maybe empty) and where they came from.

    ``which`` is ``ntrex`` (news, 1,997 lines), ``flores`` or ``all``. Without the shared
    data, the sentences of ``seeds/`` are used and the references are empty.
    """
    names = {"ntrex": [NTREX_FILE], "flores": [FLORES_FILE], "all": [NTREX_FILE, FLORES_FILE]}
    paths = [SHARED_DATA / name for name in names[which]]
    if all(path.is_file() for path in paths):
        pairs = [pair for path in paths for pair in _tsv_pairs(path)]
        return (
            [vi for vi, _ in pairs],
            [en for _, en in pairs],
            " + ".join(f"../shared/data/{path.name}" for path in paths),
        )
    return _seed_sentences(), [], "seeds/*.txt (shared data not found)"


# ---------------------------------------------------------------------------------------------
# Building


def _cache_key(shape: PackageShape, corpus_digest: str) -> str:
    blob = json.dumps(
        {"shape": asdict(shape), "corpus": corpus_digest, "revision": BUILDER_REVISION},
        sort_keys=True,
    )
    return hashlib.sha1(blob.encode()).hexdigest()[:12]


def _train_tokenizer(lines: list[str], vocabulary: int, seed: int, folder: Path) -> Path:
    import sentencepiece as spm

    text_file = folder / "train.txt"
    text_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    prefix = folder / "sentencepiece"
    spm.SentencePieceTrainer.train(
        input=str(text_file),
        model_prefix=str(prefix),
        vocab_size=vocabulary,
        model_type="unigram",
        character_coverage=1.0,
        # A small corpus cannot always fill the requested vocabulary; the model's vocabulary
        # is padded to the full size below so the output layer keeps its real cost.
        hard_vocab_limit=False,
        num_threads=os.cpu_count() or 1,
        minloglevel=2,
    )
    text_file.unlink()
    return prefix.with_suffix(".model")


def _sentencepiece_pieces(model_file: Path) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(model_file))
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _output_pieces(pieces: list[str], count: int) -> list[int]:
    """Ids of ``count`` distinct ordinary word pieces to emit before ``</s>``."""
    chosen = [
        index
        for index, piece in enumerate(pieces)
        if piece.startswith("▁") and len(piece) > 2 and piece[1:].isalpha()
    ]
    if len(chosen) < count:
        chosen = [i for i, p in enumerate(pieces) if not (p.startswith("<") and p.endswith(">"))]
    return chosen[:count]


def _build_spec(shape: PackageShape, vocabulary: list[str], emitted: list[int]) -> Any:
    import numpy as np
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(shape.seed)
    d = shape.d_model

    def dense(rows: int, columns: int) -> Any:
        return (rng.standard_normal((rows, columns)) / np.sqrt(columns)).astype(np.float32)

    def tiny(rows: int, columns: int) -> Any:
        return (rng.standard_normal((rows, columns)) * 1e-6).astype(np.float32)

    def set_linear(linear: Any, weight: Any) -> None:
        linear.weight = weight
        linear.bias = np.zeros(weight.shape[0], dtype=np.float32)

    def set_norm(norm: Any) -> None:
        norm.gamma = np.ones(d, dtype=np.float32)
        norm.beta = np.zeros(d, dtype=np.float32)

    spec = transformer_spec.TransformerSpec.from_config(
        (shape.encoder_layers, shape.decoder_layers), shape.heads
    )
    encoder, decoder = spec.encoder, spec.decoder
    size = len(vocabulary)

    # Encoder: random weights, sinusoidal positions computed by CTranslate2, full cost.
    encoder.embeddings[0].weight = (rng.standard_normal((size, d)) * 0.05).astype(np.float32)
    for layer in encoder.layer:
        set_norm(layer.self_attention.layer_norm)
        set_linear(layer.self_attention.linear[0], dense(3 * d, d))
        set_linear(layer.self_attention.linear[1], dense(d, d))
        set_norm(layer.ffn.layer_norm)
        set_linear(layer.ffn.linear_0, dense(shape.ffn, d))
        set_linear(layer.ffn.linear_1, dense(d, shape.ffn))
    set_norm(encoder.layer_norm)

    # Decoder: full-size sublayers whose outputs are effectively zero, so that the residual
    # stream is the position encoding alone.
    decoder.embeddings.weight = tiny(size, d)
    for layer in decoder.layer:
        set_norm(layer.self_attention.layer_norm)
        set_linear(layer.self_attention.linear[0], dense(3 * d, d))
        set_linear(layer.self_attention.linear[1], tiny(d, d))
        set_norm(layer.attention.layer_norm)
        set_linear(layer.attention.linear[0], dense(d, d))
        set_linear(layer.attention.linear[1], dense(2 * d, d))
        set_linear(layer.attention.linear[2], tiny(d, d))
        set_norm(layer.ffn.layer_norm)
        set_linear(layer.ffn.linear_0, dense(shape.ffn, d))
        set_linear(layer.ffn.linear_1, tiny(d, shape.ffn))
    set_norm(decoder.layer_norm)

    steps = shape.eos_step
    positions = 1024
    table = np.zeros((positions, d), dtype=np.float32)
    for position in range(positions):
        table[position, min(position, steps)] = 4.0
    decoder.position_encodings.encodings = table

    # After the final layer norm, position t is ~sqrt(d) on dimension min(t, steps).
    projection = (rng.standard_normal((size, d)) * 0.02).astype(np.float32)
    eos = vocabulary.index("</s>")
    projection[eos, :] = 0.0
    projection[eos, :steps] = -1.0
    projection[eos, steps] = 1.0
    for step, piece in enumerate(emitted):
        projection[piece, :] = 0.0
        projection[piece, step] = 1.0
    set_linear(decoder.projection, projection)

    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization="int8")
    return spec


def _write_package(shape: PackageShape, folder: Path, lines: list[str], corpus: str) -> Path:
    """Write the package folder ``folder/translate-vi_en`` and return it."""
    package_dir = folder / "translate-vi_en"
    package_dir.mkdir(parents=True)
    tokenizer = _train_tokenizer(lines, shape.vocabulary, shape.seed, package_dir)
    pieces = _sentencepiece_pieces(tokenizer)
    vocabulary = list(pieces)
    padding = 0
    while len(vocabulary) < shape.vocabulary:
        vocabulary.append(f"<bench_pad_{padding}>")
        padding += 1
    emitted = _output_pieces(pieces, shape.eos_step)
    spec = _build_spec(shape, vocabulary, emitted)
    (package_dir / "model").mkdir()
    spec.save(str(package_dir / "model"))
    metadata = {
        "package_version": "1.0",
        "argos_version": "1.9.0",
        "from_code": "vi",
        "from_name": "Vietnamese",
        "to_code": "en",
        "to_name": "English",
        "type": "translate",
        "links": [],
        "bench": {
            "shape": asdict(shape),
            "sentencepiece_pieces": len(pieces),
            "vocabulary_padding": padding,
            "tokenizer_corpus": corpus,
            "revision": BUILDER_REVISION,
        },
    }
    (package_dir / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (package_dir / "README.md").write_text(
        "Benchmark package: seeded random weights, output is gibberish.\n" + (__doc__ or ""),
        encoding="utf-8",
    )
    return package_dir


def _zip_folder(folder: Path, archive: Path) -> None:
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as bundle:
        for path in sorted(folder.rglob("*")):
            bundle.write(path, path.relative_to(folder.parent).as_posix())


def build_package(shape: PackageShape, cache_root: Path = CACHE_ROOT) -> BenchPackage:
    """Build (or reuse from the cache) the benchmark package of ``shape``."""
    vietnamese, english, corpus = news_sentences("all")
    lines = vietnamese + english
    digest = hashlib.sha1("\n".join(lines).encode()).hexdigest()
    home = cache_root / "packages" / f"{shape.name}-{_cache_key(shape, digest)}"
    result = BenchPackage(
        shape=shape,
        archive=home / f"translate-vi_en-bench-{shape.name}.argosmodel",
        packages_dir=home / "argos-packages",
        package_dir=home / "argos-packages" / "translate-vi_en",
        sentences_source=corpus,
    )
    if (home / "complete").is_file():
        return result
    home.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{shape.name}-", dir=home.parent))
    try:
        package_dir = _write_package(shape, staging / "argos-packages", lines, corpus)
        _zip_folder(package_dir, staging / result.archive.name)
        (staging / "complete").write_text(corpus + "\n", encoding="utf-8")
        if home.exists():
            shutil.rmtree(home)
        os.replace(staging, home)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return result


def verify_stops(package: BenchPackage, sources: list[str], beam_size: int = 4) -> list[int]:
    """Decode ``sources`` with the raw model; the distinct lengths of the best hypotheses.

    A correct benchmark package gives exactly ``[package.shape.eos_step]`` (n-best
    alternatives after the best may be one token longer: they leave the best path once).
    """
    import ctranslate2
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(
        model_file=str(package.package_dir / "sentencepiece.model")
    )
    tokens = [processor.encode(text, out_type=str) for text in sources]
    translator = ctranslate2.Translator(str(package.model_dir), device="cpu")
    results = translator.translate_batch(
        tokens,
        beam_size=beam_size,
        num_hypotheses=1,
        max_batch_size=1024,
        batch_type="tokens",
        max_decoding_length=256,
    )
    return sorted({len(hypothesis) for result in results for hypothesis in result.hypotheses})
