"""Tiny but real OPUS-MT models, in both published layouts, for the package-builder tests.

Both models have what Helsinki-NLP ships: a ``source.spm`` trained on Vietnamese (the seed
document), a different ``target.spm`` trained on English written for these tests, and one
model vocabulary shared by both sides (as opus-mt-vi-en has).

- ``write_marian_release``: a Marian release folder (``decoder.yml``, ``*.npz`` written with
  numpy under the parameter names CTranslate2's Marian converter reads, ``*.vocab.yml``,
  ``README.md``, ``LICENSE``). Its weights are built, not random, so that the output is known:
  whatever the source sentence, the decoder emits the pieces of ``CHAIN`` and then ``</s>``.
  The chain is made of target-vocabulary pieces that ``source.spm`` does not know, so only a
  decoder that uses ``target.spm`` turns them into ``marian_expected_text()``.
- ``write_hf_marian``: a Hugging Face ``MarianMTModel`` folder with seeded random weights
  (needs transformers and torch); its output is gibberish.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from argos_fixture import sentencepiece_vocabulary, train_sentencepiece

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "seeds" / "hue-digital-transformation-week-2023.vi.txt"

# Written for these tests: the English side of the tiny models.
ENGLISH_TEXT = """\
Visitors queued outside the exhibition hall long before the doors opened.
Engineers from several provinces showed how online services shorten waiting times.
Officials promised faster broadband for mountain villages within three years.
A startup demonstrated software that reads handwritten land records.
Teachers described lessons streamed to students living far from town.
Hospitals are linking patient files so that doctors can share test results quickly.
Farmers learned to sell fruit directly through marketplace applications.
Speakers warned that security must grow together with connectivity.
The closing ceremony thanked volunteers, sponsors and journalists.
Everyone agreed that skills matter more than expensive equipment.
"""


@dataclass(frozen=True)
class TinyShape:
    d_model: int = 16
    heads: int = 2
    ffn: int = 32
    layers: int = 1
    source_pieces: int = 300
    target_pieces: int = 220


def vietnamese_lines() -> list[str]:
    return [
        line.strip() for line in SEED_TEXT.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def english_lines() -> list[str]:
    return [line.strip() for line in ENGLISH_TEXT.splitlines() if line.strip()]


def _ordinary(pieces: list[str]) -> list[str]:
    return [p for p in pieces if not (p.startswith("<") and p.endswith(">"))]


def shared_vocabulary(source_spm: bytes, target_spm: bytes) -> list[str]:
    """``</s>``, ``<unk>``, then the pieces of both tokenizers (first occurrence order)."""
    vocabulary = ["</s>", "<unk>"]
    seen = set(vocabulary)
    pieces = sentencepiece_vocabulary(source_spm) + sentencepiece_vocabulary(target_spm)
    for piece in _ordinary(pieces):
        if piece not in seen:
            seen.add(piece)
            vocabulary.append(piece)
    return vocabulary


def target_only_pieces(source_spm: bytes, target_spm: bytes) -> list[str]:
    source = set(sentencepiece_vocabulary(source_spm))
    return [p for p in _ordinary(sentencepiece_vocabulary(target_spm)) if p not in source]


def choose_chain(source_spm: bytes, target_spm: bytes) -> list[str]:
    """Three target-only pieces: a word start, a word continuation, another word start."""
    candidates = target_only_pieces(source_spm, target_spm)
    starts = [p for p in candidates if p.startswith("▁") and len(p) >= 4]
    continuations = [p for p in candidates if not p.startswith("▁") and len(p) >= 2]
    return [starts[0], continuations[0], starts[1]]


def decode_with(model: bytes, pieces: list[str]) -> str:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=model)
    return str(processor.decode_pieces(pieces))


@dataclass(frozen=True)
class Tokenizers:
    source: bytes
    target: bytes
    vocabulary: list[str]
    chain: list[str]


def make_tokenizers(shape: TinyShape = TinyShape()) -> Tokenizers:
    source = train_sentencepiece(vietnamese_lines(), shape.source_pieces)
    target = train_sentencepiece(english_lines(), shape.target_pieces)
    return Tokenizers(
        source=source,
        target=target,
        vocabulary=shared_vocabulary(source, target),
        chain=choose_chain(source, target),
    )


def marian_expected_text(tokenizers: Tokenizers) -> str:
    """What every sentence translates to with the Marian fixture, decoded with target.spm."""
    return decode_with(tokenizers.target, tokenizers.chain)


# --------------------------------------------------------------------------------------------
# Marian release


def _yaml_key(token: str) -> str:
    return '"' + token.replace("\\", "\\\\").replace('"', '\\"') + '"'


def marian_vocab_yml(vocabulary: list[str]) -> str:
    return "".join(f"{_yaml_key(token)}: {index}\n" for index, token in enumerate(vocabulary))


def _zero_mean_orthonormal(rng: np.random.Generator, d: int, count: int) -> np.ndarray:
    """``count`` orthonormal vectors of size ``d`` whose components sum to zero."""
    raw = rng.standard_normal((d, count))
    raw -= raw.mean(axis=0, keepdims=True)
    q, _ = np.linalg.qr(raw)
    return q.T.astype(np.float32)


def marian_weights(
    vocabulary: list[str], chain: list[str], shape: TinyShape, seed: int
) -> dict[str, np.ndarray]:
    """Post-norm Transformer weights (OPUS-MT's architecture) whose decoder emits ``chain``.

    Every decoder sub-layer's output projection is zero, so the decoder state after a token is
    the layer-normalised embedding of that token, and the first state (zero embedding, zero
    position table) is zero. The first chain piece wins on its output bias; each embedding
    then points at the next chain piece through the separate output matrix, the last at
    ``</s>``. The encoder is random; its output is read but ignored.
    """
    rng = np.random.default_rng(seed)
    d, ff, size = shape.d_model, shape.ffn, len(vocabulary)

    def random(*dims: int) -> np.ndarray:
        return (rng.standard_normal(dims) * 0.1).astype(np.float32)

    def zeros(*dims: int) -> np.ndarray:
        return np.zeros(dims, dtype=np.float32)

    def ones(*dims: int) -> np.ndarray:
        return np.ones(dims, dtype=np.float32)

    weights: dict[str, np.ndarray] = {}

    def attention(scope: str, silent: bool) -> None:
        for part in "qkv":
            weights[f"{scope}_W{part}"] = random(d, d)
            weights[f"{scope}_b{part}"] = random(1, d)
        weights[f"{scope}_Wo"] = zeros(d, d) if silent else random(d, d)
        weights[f"{scope}_bo"] = zeros(1, d) if silent else random(1, d)
        weights[f"{scope}_Wo_ln_scale"] = ones(1, d)
        weights[f"{scope}_Wo_ln_bias"] = zeros(1, d)

    def feed_forward(scope: str, silent: bool) -> None:
        weights[f"{scope}_W1"] = random(d, ff)
        weights[f"{scope}_b1"] = random(1, ff)
        weights[f"{scope}_W2"] = zeros(ff, d) if silent else random(ff, d)
        weights[f"{scope}_b2"] = zeros(1, d) if silent else random(1, d)
        weights[f"{scope}_ffn_ln_scale"] = ones(1, d)
        weights[f"{scope}_ffn_ln_bias"] = zeros(1, d)

    for layer in range(1, shape.layers + 1):
        attention(f"encoder_l{layer}_self", silent=False)
        feed_forward(f"encoder_l{layer}_ffn", silent=False)
        attention(f"decoder_l{layer}_self", silent=True)
        attention(f"decoder_l{layer}_context", silent=True)
        feed_forward(f"decoder_l{layer}_ffn", silent=True)

    directions = _zero_mean_orthonormal(rng, d, len(chain))
    embeddings = random(size, d)
    output = zeros(size, d)
    bias = zeros(1, size)
    ids = [vocabulary.index(piece) for piece in chain]
    bias[0, ids[0]] = 10.0
    for step, token in enumerate(ids):
        embeddings[token] = 5.0 * directions[step]
        following = ids[step + 1] if step + 1 < len(ids) else vocabulary.index("</s>")
        output[following] = 8.0 * directions[step]
    weights["Wemb"] = embeddings
    weights["decoder_ff_logit_out_W"] = output.T.copy()
    weights["decoder_ff_logit_out_b"] = bias
    # A learned (here: all-zero) position table: no position signal reaches the decoder state.
    weights["Wpos"] = zeros(4096, d)
    config = {
        "type": "transformer",
        "dim-emb": d,
        "enc-depth": shape.layers,
        "dec-depth": shape.layers,
        "transformer-heads": shape.heads,
        "transformer-dim-ffn": ff,
        "transformer-ffn-activation": "swish",
        "transformer-preprocess": "",
        "transformer-postprocess": "dan",
        "transformer-postprocess-emb": "d",
        "transformer-decoder-autoreg": "self-attention",
        "transformer-no-projection": False,
        "transformer-guided-alignment-layer": "last",
        "tied-embeddings-src": True,
    }
    import yaml  # type: ignore[import-untyped, unused-ignore]

    weights["special:model.yml"] = np.frombuffer(
        yaml.safe_dump(config).encode("utf-8") + b"\0", dtype=np.int8
    )
    return weights


MARIAN_NPZ = "opus.spm300-spm220.transformer-align.npz"
MARIAN_VOCAB = "opus.spm300-spm220.vocab.yml"


def write_marian_release(
    folder: Path, tokenizers: Tokenizers, *, seed: int = 0, shape: TinyShape = TinyShape()
) -> Path:
    """Write a Marian release folder (as in Helsinki-NLP's OPUS-MT zips) and return it."""
    import yaml  # type: ignore[import-untyped, unused-ignore]

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "source.spm").write_bytes(tokenizers.source)
    (folder / "target.spm").write_bytes(tokenizers.target)
    (folder / MARIAN_VOCAB).write_text(marian_vocab_yml(tokenizers.vocabulary), encoding="utf-8")
    weights = marian_weights(tokenizers.vocabulary, tokenizers.chain, shape, seed)
    with (folder / MARIAN_NPZ).open("wb") as stream:
        np.savez(stream, **weights)  # type: ignore[arg-type]
    decoder = {
        "models": [MARIAN_NPZ],
        "vocabs": [MARIAN_VOCAB, MARIAN_VOCAB],
        "beam-size": 6,
        "normalize": 0.6,
        "word-penalty": 0,
        "mini-batch": 1,
        "maxi-batch": 1,
        "maxi-batch-sort": "src",
    }
    (folder / "decoder.yml").write_text(yaml.safe_dump(decoder), encoding="utf-8")
    (folder / "README.md").write_text(
        "# tiny-opus-mt-vi-en (test fixture)\n\n"
        "* dataset: none, weights constructed by the test suite\n"
        "* model: transformer-align\n"
        "* pre-processing: normalization + SentencePiece\n",
        encoding="utf-8",
    )
    (folder / "LICENSE").write_text(
        "Attribution 4.0 International\n\n(test fixture: the licence title is all that is read)\n",
        encoding="utf-8",
    )
    return folder


def zip_release(folder: Path, archive: Path, *, inner: str | None = None) -> Path:
    """Zip a release folder's files at the archive root (or below ``inner/``)."""
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.iterdir()):
            name = f"{inner}/{path.name}" if inner else path.name
            zf.write(path, name)
    return archive


# --------------------------------------------------------------------------------------------
# Hugging Face MarianMTModel folder


def write_hf_marian(
    folder: Path,
    tokenizers: Tokenizers,
    *,
    seed: int = 0,
    shape: TinyShape = TinyShape(),
    name_or_path: str = "Helsinki-NLP/opus-mt-vi-en",
) -> Path:
    """Write a Hugging Face MarianMTModel folder with seeded random weights; needs torch."""
    import torch
    from transformers import MarianConfig, MarianMTModel

    folder.mkdir(parents=True, exist_ok=True)
    vocabulary = [*tokenizers.vocabulary, "<pad>"]
    pad = len(vocabulary) - 1
    config = MarianConfig(
        vocab_size=len(vocabulary),
        decoder_vocab_size=len(vocabulary),
        d_model=shape.d_model,
        encoder_layers=shape.layers,
        decoder_layers=shape.layers,
        encoder_attention_heads=shape.heads,
        decoder_attention_heads=shape.heads,
        encoder_ffn_dim=shape.ffn,
        decoder_ffn_dim=shape.ffn,
        max_position_embeddings=512,
        activation_function="swish",
        pad_token_id=pad,
        eos_token_id=0,
        decoder_start_token_id=pad,
        share_encoder_decoder_embeddings=True,
        # Wider than the default 0.02 so that the output depends on the source sentence.
        init_std=0.3,
    )
    torch.manual_seed(seed)
    model = MarianMTModel(config)
    with torch.no_grad():
        # Favour </s> so that random decoding usually stops after a few tokens.
        bias: Any = model.final_logits_bias
        bias.zero_()
        bias[0, 0] = 3.5
    model.save_pretrained(str(folder))
    config_path = folder / "config.json"
    saved = json.loads(config_path.read_text(encoding="utf-8"))
    saved["_name_or_path"] = name_or_path
    config_path.write_text(json.dumps(saved, indent=2), encoding="utf-8")
    (folder / "source.spm").write_bytes(tokenizers.source)
    (folder / "target.spm").write_bytes(tokenizers.target)
    (folder / "vocab.json").write_text(
        json.dumps({token: i for i, token in enumerate(vocabulary)}, ensure_ascii=False),
        encoding="utf-8",
    )
    (folder / "tokenizer_config.json").write_text(
        json.dumps(
            {
                "source_lang": "vi",
                "target_lang": "en",
                "model_max_length": 512,
                "tokenizer_class": "MarianTokenizer",
            }
        ),
        encoding="utf-8",
    )
    (folder / "README.md").write_text(
        "---\nlanguage:\n- vi\n- en\ntags:\n- translation\nlicense: apache-2.0\n---\n\n"
        "# tiny opus-mt-vi-en (test fixture)\n\nRandom weights; output is meaningless.\n",
        encoding="utf-8",
    )
    return folder
