"""Build a tiny but real Argos Translate package for the tests.

The package is genuine in every part that the toolkit and argostranslate read: a SentencePiece
model trained on the seed document (plus a little English written for these tests), a
CTranslate2 Transformer whose vocabulary is the SentencePiece vocabulary, ``metadata.json``,
``README.md``, all zipped under one top folder as ``<name>.argosmodel``. Only the weights are
fake: seeded random numbers, so the output is gibberish and tests must assert structure, never
wording. The output layer is biased towards ``</s>`` so that decoding stops after a handful of
tokens and the suite stays fast.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "seeds" / "hue-digital-transformation-week-2023.vi.txt"

# Written for these tests (not copied from anywhere): gives the shared vocabulary some English.
ENGLISH_TEXT = """\
The digital transformation week opens in Hue on Thursday with a plenary conference.
Provincial leaders will meet businesses and sign cooperation agreements on digital data.
Three workshops discuss platforms, solutions and infrastructure for the digital economy.
The director of the Department of Information and Communications answered our questions.
Citizens can use online public services from their phones at any time of the day.
An exhibition introduces products made by young engineers and startups from the region.
Smart tourism, digital health care and online education are the main topics this year.
The organisers expect more than two thousand visitors during the two days of the event.
Data connects the provinces of the central region and helps them plan together.
This is a short sentence. Here is another one! Is this a question?
Numbers like 2023, 16/11 and 3.5% appear in news articles every day.
"""


# Of the seeds tried, this one gives the most varied short outputs on the seed document.
DEFAULT_SEED = 3


@dataclass(frozen=True)
class FixtureShape:
    """Sizes of the random Transformer; small enough to build and run in well under a second."""

    vocab_size: int = 800
    d_model: int = 64
    num_heads: int = 4
    ffn: int = 128
    encoder_layers: int = 2
    decoder_layers: int = 2
    # Random Transformers mostly loop until the length cap, and average their attention into
    # the same output for every source. Three nudges make outputs short and source-dependent:
    # sharp cross-attention (queries and keys scaled), an amplified cross-attention output, and
    # a shared "stop" direction added to the embeddings of a quarter of the target tokens and
    # to the `</s>` output row, so that emitting one of those tokens tends to end the sentence.
    attention_sharpness: float = 3.0
    cross_attention_gain: float = 8.0
    stop_token_fraction: float = 0.25
    stop_gain: float = 10.0
    eos_bias: float = -1.0


def fixture_fingerprint() -> str:
    """A hash of everything that determines the built package (cache key for the test suite)."""
    digest = hashlib.sha256()
    digest.update(Path(__file__).read_bytes())
    digest.update(SEED_TEXT.read_bytes())
    for module in ("ctranslate2", "sentencepiece"):
        digest.update(_module_version(module).encode())
    return digest.hexdigest()[:16]


def _module_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def training_lines() -> list[str]:
    """Non-empty lines of the seed document and of the English text, in a fixed order."""
    vietnamese = SEED_TEXT.read_text(encoding="utf-8").splitlines()
    english = ENGLISH_TEXT.splitlines()
    return [line.strip() for line in vietnamese + english if line.strip()]


def train_sentencepiece(lines: list[str], vocab_size: int, **trainer_options: Any) -> bytes:
    """A unigram SentencePiece model (serialised), trained deterministically on ``lines``."""
    import sentencepiece as spm

    model = io.BytesIO()
    # Sentence order is fixed and one thread keeps training deterministic.
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        num_threads=1,
        minloglevel=2,
        **trainer_options,
    )
    return model.getvalue()


def sentencepiece_vocabulary(model_bytes: bytes) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=model_bytes)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _random_transformer(vocabulary: list[str], shape: FixtureShape, seed: int) -> object:
    """A TransformerSpec with every weight set from a seeded generator."""
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)
    d = shape.d_model
    vocab = len(vocabulary)

    def normal(*dims: int, scale: float | None = None) -> np.ndarray:
        std = scale if scale is not None else 1.0 / np.sqrt(dims[-1])
        return (rng.standard_normal(dims) * std).astype(np.float32)

    def set_norm(norm: object) -> None:
        norm.gamma = np.ones(d, dtype=np.float32)  # type: ignore[attr-defined]
        norm.beta = np.zeros(d, dtype=np.float32)  # type: ignore[attr-defined]

    def set_linear(linear: object, out_dim: int, in_dim: int) -> None:
        linear.weight = normal(out_dim, in_dim)  # type: ignore[attr-defined]
        linear.bias = normal(out_dim, scale=0.02)  # type: ignore[attr-defined]

    def set_ffn(ffn: object) -> None:
        set_norm(ffn.layer_norm)  # type: ignore[attr-defined]
        set_linear(ffn.linear_0, shape.ffn, d)  # type: ignore[attr-defined]
        set_linear(ffn.linear_1, d, shape.ffn)  # type: ignore[attr-defined]

    spec = transformer_spec.TransformerSpec.from_config(
        (shape.encoder_layers, shape.decoder_layers), shape.num_heads
    )
    encoder, decoder = spec.encoder, spec.decoder

    # CTranslate2 multiplies embeddings by sqrt(d): this keeps them at unit scale, comparable
    # to the attention outputs, so that the output depends on the source sentence.
    embedding_scale = 1.0 / float(np.sqrt(d))
    encoder.embeddings[0].weight = normal(vocab, d, scale=embedding_scale)
    set_norm(encoder.layer_norm)
    for layer in encoder.layer:
        set_norm(layer.self_attention.layer_norm)
        set_linear(layer.self_attention.linear[0], 3 * d, d)
        set_linear(layer.self_attention.linear[1], d, d)
        set_ffn(layer.ffn)

    decoder.embeddings.weight = normal(vocab, d, scale=embedding_scale)
    set_norm(decoder.layer_norm)
    for layer in decoder.layer:
        set_norm(layer.self_attention.layer_norm)
        set_linear(layer.self_attention.linear[0], 3 * d, d)
        set_linear(layer.self_attention.linear[1], d, d)
        set_norm(layer.attention.layer_norm)
        set_linear(layer.attention.linear[0], d, d)
        set_linear(layer.attention.linear[1], 2 * d, d)
        set_linear(layer.attention.linear[2], d, d)
        layer.attention.linear[0].weight *= shape.attention_sharpness
        layer.attention.linear[1].weight[:d] *= shape.attention_sharpness  # keys, not values
        layer.attention.linear[2].weight *= shape.cross_attention_gain
        set_ffn(layer.ffn)

    eos = vocabulary.index("</s>")
    stop = rng.standard_normal(d).astype(np.float32)
    stop /= np.linalg.norm(stop)
    stop_tokens = rng.random(vocab) < shape.stop_token_fraction
    stop_tokens[:3] = False  # <unk>, <s>, </s>
    decoder.embeddings.weight[stop_tokens] += 2.0 * stop
    decoder.projection.weight = normal(vocab, d)
    decoder.projection.weight[eos] += shape.stop_gain * stop
    bias = normal(vocab, scale=0.5)
    bias[eos] += shape.eos_bias
    decoder.projection.bias = bias

    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    return spec


def build_fixture_folder(
    workdir: Path,
    *,
    seed: int = DEFAULT_SEED,
    from_code: str = "vi",
    to_code: str = "en",
    name: str | None = None,
    package_version: str = "1.0",
    target_prefix: str = "",
    shape: FixtureShape = FixtureShape(),
) -> Path:
    """Write an unzipped Argos package folder ``workdir/<name>`` and return its path."""
    name = name or f"translate-{from_code}_{to_code}-fixture"
    folder = workdir / name
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "model").mkdir(parents=True)

    sp_model = train_sentencepiece(
        training_lines(), shape.vocab_size, seed_sentencepiece_size=100000
    )
    (folder / "sentencepiece.model").write_bytes(sp_model)
    vocabulary = sentencepiece_vocabulary(sp_model)

    spec = _random_transformer(vocabulary, shape, seed)
    spec.validate()  # type: ignore[attr-defined]
    spec.optimize(quantization=None)  # type: ignore[attr-defined]
    spec.save(str(folder / "model"))  # type: ignore[attr-defined]

    metadata: dict[str, object] = {
        "package_version": package_version,
        "argos_version": "1.0",
        "from_code": from_code,
        "from_name": {"vi": "Vietnamese", "en": "English"}.get(from_code, from_code),
        "to_code": to_code,
        "to_name": {"vi": "Vietnamese", "en": "English"}.get(to_code, to_code),
        "code": name,
        "type": "translate",
    }
    if target_prefix:
        metadata["target_prefix"] = target_prefix
    (folder / "metadata.json").write_text(
        json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (folder / "README.md").write_text(
        f"# {name}\n\nTest fixture: random {shape.encoder_layers}+{shape.decoder_layers}-layer "
        f"Transformer (seed {seed}); its translations are meaningless.\n",
        encoding="utf-8",
    )
    return folder


def zip_package(folder: Path, archive: Path) -> Path:
    """Zip ``folder`` as an .argosmodel with the folder as the single top-level entry."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.write(folder, folder.name + "/")
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder.parent).as_posix()
            if path.is_dir():
                zf.write(path, relative + "/")
            else:
                zf.write(path, relative)
    return archive


def build_fixture_package(
    workdir: Path,
    *,
    seed: int = DEFAULT_SEED,
    from_code: str = "vi",
    to_code: str = "en",
    name: str | None = None,
    package_version: str = "1.0",
    target_prefix: str = "",
    shape: FixtureShape = FixtureShape(),
) -> Path:
    """Build ``workdir/<name>.argosmodel`` (one top folder ``<name>/``) and return its path."""
    workdir.mkdir(parents=True, exist_ok=True)
    staging = workdir / "_staging"
    staging.mkdir(exist_ok=True)
    folder = build_fixture_folder(
        staging,
        seed=seed,
        from_code=from_code,
        to_code=to_code,
        name=name,
        package_version=package_version,
        target_prefix=target_prefix,
        shape=shape,
    )
    archive = zip_package(folder, workdir / f"{folder.name}.argosmodel")
    shutil.rmtree(staging)
    return archive


@dataclass(frozen=True)
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> CliResult:
    """Run ``translate ARGS…`` in-process through ``translate.cli.main`` (errors mapped to exit
    codes exactly as the console script does) and capture its output."""
    from click.testing import CliRunner

    from translate.cli import main

    runner = CliRunner()
    with runner.isolation(input=input, env=env) as (stdout, stderr, _output):
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        return CliResult(
            exit_code=code,
            stdout=stdout.getvalue().decode("utf-8", "replace"),
            stderr=stderr.getvalue().decode("utf-8", "replace"),
        )


def one_error(result: CliResult, *needles: str) -> str:
    """The promise for bad input: exit 2, one `Error:` line naming what is wrong, no traceback."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr
    return result.stderr
