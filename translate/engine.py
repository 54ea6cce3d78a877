"""Batched machine translation with one installed Argos package (CTranslate2 + tokenizer).

    engine = Engine(package, EngineOptions(...))   # loads nothing yet
    results = engine.translate(sentences, progress=callback)  # one call, whole list
    engine.calls        # number of translate() calls that reached the model
    engine.provenance   # e.g. "argos-ctranslate2 translate-vi_en 1.0"

``translate`` deduplicates, sorts by length, batches by tokens, and returns one
``Translation`` per input sentence in input order.

Decoding follows argostranslate's own call (beam 4, ``length_penalty=0.2``,
``replace_unknowns=True``, the package's ``target_prefix``), so the best hypothesis is the one
Argos would produce for the same sentence; unlike Argos, sentences are never re-split and
each result stays aligned with its input.

Decoding-length cap: CTranslate2 takes one ``max_decoding_length`` per call, so sentences are
grouped into length buckets (``LENGTH_BUCKET`` source tokens wide) and each call's cap is
computed from its bucket's upper bound: ``min(max_length_cap, ceil(ratio * bucket_top) +
max_length_extra)``. A sentence gets the same cap whether it is translated alone or in a
batch, so batching never changes a result, and a looping model stops after about twice the
source length.

Scores: CTranslate2 returns the sum of token log-probabilities divided by ``n **
length_penalty``, where ``n`` counts the generated tokens plus ``</s>`` when it was emitted.
We multiply back and divide by ``n``: the log-probability per token, comparable across
sentences of different lengths. The best hypothesis is chosen by the decoder (as Argos does);
the alternatives after it are sorted by their per-token score, best first.
"""

from __future__ import annotations

import ctypes
import math
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from translate.errors import UserError
from translate.translation import Alternative, MachineSource, Translation

if TYPE_CHECKING:
    from translate.models import InstalledPackage

DEVICES = ("auto", "cpu", "cuda")
COMPUTE_TYPES = (
    "auto",
    "default",
    "float32",
    "float16",
    "bfloat16",
    "int8",
    "int8_float32",
    "int8_float16",
    "int8_bfloat16",
    "int16",
)
ARGOS_LENGTH_PENALTY = 0.2
TARGET_TOKENIZER_KEY = "target_sentencepiece_model"
WORD_MARK = "\u2581"  # SentencePiece's "▁": a space before the piece
LENGTH_BUCKET = 8


def split_threads(threads: int) -> tuple[int, int]:
    """``(inter_threads, intra_threads)`` for a budget of ``threads`` CPU threads.

    Two batches decoded side by side beat one batch on all cores (on 2 cores and a
    Transformer-base package, about 20% more sentences/s; see bench/RESULTS.md).
    """
    inter = 2 if threads >= 2 else 1
    return inter, max(1, threads // inter)


def _default_inter_threads() -> int:
    return split_threads(os.cpu_count() or 1)[0]


def _default_intra_threads() -> int:
    return split_threads(os.cpu_count() or 1)[1]


ENGINE_NAME = "argos-ctranslate2"


@dataclass(frozen=True)
class EngineOptions:
    beam_size: int = 4
    alternatives: int = 0  # n-best hypotheses returned after the best one
    device: str = "auto"  # auto | cpu | cuda
    inter_threads: int = field(default_factory=_default_inter_threads)  # batches in parallel
    intra_threads: int = field(default_factory=_default_intra_threads)  # threads per batch
    max_length_ratio: float = 2.0  # decoding cap relative to the source length (tokens)
    max_length_extra: int = 10  # added to the relative cap: short sentences need headroom
    max_length_cap: int = 512  # absolute decoding cap in tokens
    # Source tokens per CTranslate2 call, padding included. On a Transformer-base package
    # (bench.package.BASE, 2 CPU threads, 200 NTREX sentences) 4096 ran about twice as fast
    # as 256 or 1024; the machine was shared, so take the ratio as rough.
    max_batch_tokens: int = 4096
    compute_type: str = "auto"

    def __post_init__(self) -> None:
        if self.beam_size < 1:
            raise UserError(f"beam size must be at least 1, not {self.beam_size}")
        if self.alternatives < 0:
            raise UserError(f"alternatives must be 0 or more, not {self.alternatives}")
        if self.device not in DEVICES:
            raise UserError(f"device must be one of {', '.join(DEVICES)}, not {self.device!r}")
        if self.compute_type not in COMPUTE_TYPES:
            raise UserError(
                f"compute type must be one of {', '.join(COMPUTE_TYPES)}, not {self.compute_type!r}"
            )
        if self.inter_threads < 1 or self.intra_threads < 0:
            raise UserError("thread counts must be positive")
        if self.max_length_ratio <= 0 or self.max_length_cap < 1 or self.max_batch_tokens < 1:
            raise UserError("length ratio, length cap and batch size must be positive")

    def decoding_cap(self, source_tokens: int) -> int:
        """The decoding-length cap for a sentence of ``source_tokens`` tokens (see module doc)."""
        bucket_top = LENGTH_BUCKET * max(1, math.ceil(source_tokens / LENGTH_BUCKET))
        relative = math.ceil(self.max_length_ratio * bucket_top) + self.max_length_extra
        return min(self.max_length_cap, relative)


class _Tokenizer(Protocol):
    def encode(self, text: str) -> list[str]: ...

    def decode(self, tokens: list[str]) -> str: ...


class _SentencePiece:
    """Encode with the package's model; decode with its target model when it has one."""

    def __init__(self, model_file: str, target_model_file: str | None = None) -> None:
        import sentencepiece

        self._encoder = sentencepiece.SentencePieceProcessor(model_file=model_file)
        self._decoder = (
            sentencepiece.SentencePieceProcessor(model_file=target_model_file)
            if target_model_file
            else self._encoder
        )

    def encode(self, text: str) -> list[str]:
        return list(self._encoder.encode(text, out_type=str))

    def decode(self, tokens: list[str]) -> str:
        # Pieces the decoding model does not know come back verbatim with their word marks:
        # source pieces copied by replace_unknowns, or any piece of a mismatched vocabulary.
        return str(self._decoder.decode_pieces(tokens)).replace(WORD_MARK, " ")


class _Bpe:
    def __init__(self, model_file: str, from_code: str, to_code: str) -> None:
        from argostranslate.tokenizer import BPETokenizer

        self._tokenizer = BPETokenizer(model_file, from_code, to_code)

    def encode(self, text: str) -> list[str]:
        return list(self._tokenizer.encode(text))

    def decode(self, tokens: list[str]) -> str:
        return str(self._tokenizer.decode(tokens))


def target_tokenizer_file(package: InstalledPackage) -> Path | None:
    """The SentencePiece model that turns generated pieces into text, when not the source one.

    Packages converted from OPUS-MT carry the target model under the metadata key
    ``target_sentencepiece_model`` (see translate/opusmt.py): OPUS-MT source and target
    vocabularies differ, and decoding target pieces with the source model garbles them.
    """
    name = package.metadata.get(TARGET_TOKENIZER_KEY)
    if not name:
        return None
    path = package.path / str(name)
    if Path(str(name)).name != str(name) or not path.is_file():
        raise UserError(
            f"{package.path}: metadata {TARGET_TOKENIZER_KEY}={name!r} does not name a file "
            "in the package folder"
        )
    return path


def import_ctranslate2() -> Any:
    """``import ctranslate2`` with Ctrl-C held until its extension has initialised: an
    interrupted initialisation surfaces as an ImportError traceback (and a half-imported
    module), not as the interruption it is."""
    from translate.interrupts import deferred_interrupts

    with deferred_interrupts():
        import ctranslate2

    return ctranslate2


def resolve_device(requested: str) -> str:
    """``auto`` → ``cuda`` when CTranslate2 sees a CUDA device, else ``cpu``."""
    ctranslate2 = import_ctranslate2()

    cuda_devices = int(ctranslate2.get_cuda_device_count())
    if requested == "auto":
        return "cuda" if cuda_devices > 0 else "cpu"
    if requested == "cuda" and cuda_devices == 0:
        raise UserError(
            "device cuda requested, but CTranslate2 finds no CUDA device (or was built "
            "without CUDA); use --device cpu or --device auto"
        )
    return requested


_ABANDONED: list[Any] = []  # translators an interrupted run leaves to the operating system


@dataclass(frozen=True)
class _Hypothesis:
    text: str
    score: float


class Engine:
    """Translate lists of sentences with one package; the model is loaded on first use."""

    def __init__(self, package: InstalledPackage, options: EngineOptions | None = None) -> None:
        self._package = package
        self.options = options or EngineOptions()
        self.calls = 0  # translate() calls that reached the model
        self.sentences_translated = 0  # distinct sentences sent to the model, all calls
        self._translator: Any = None
        self._tokenizer: _Tokenizer | None = None
        self.device: str | None = None  # resolved on load

    @property
    def package(self) -> InstalledPackage:
        return self._package

    @property
    def provenance(self) -> str:
        source = self.source
        return f"{source.engine} {source.package} {source.version or '-'}"

    @property
    def source(self) -> MachineSource:
        """What the catalogue's `# mt:` lines say produced the translations."""
        return MachineSource(ENGINE_NAME, self._package.code, self._package.version)

    @property
    def loaded(self) -> bool:
        return self._translator is not None

    def load(self) -> None:
        """Load the model and tokenizer now (else the first ``translate`` does)."""
        self._load()

    def _load(self) -> tuple[Any, _Tokenizer]:
        if self._translator is None or self._tokenizer is None:
            ctranslate2 = import_ctranslate2()

            self.device = resolve_device(self.options.device)
            model_dir = self._package.path / "model"
            try:
                self._translator = ctranslate2.Translator(
                    str(model_dir),
                    device=self.device,
                    compute_type=self.options.compute_type,
                    inter_threads=self.options.inter_threads,
                    intra_threads=self.options.intra_threads,
                )
            except (RuntimeError, ValueError, OSError) as exc:
                raise UserError(f"cannot load the CTranslate2 model in {model_dir}: {exc}") from exc
            self._tokenizer = self._load_tokenizer()
        return self._translator, self._tokenizer

    def abandon(self) -> None:
        """Let the process exit without waiting for the batches still queued (Ctrl-C).

        Destroying a CTranslate2 translator first finishes every batch already queued, which
        after an interrupt can take many seconds. An interrupted run exits right after this,
        so the translator is deliberately never destroyed: the operating system reclaims it.
        """
        if self._translator is not None:
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(self._translator))
            _ABANDONED.append(self._translator)
            self._translator = None

    def _load_tokenizer(self) -> _Tokenizer:
        package = self._package
        if package.tokenizer == "sentencepiece":
            target = target_tokenizer_file(package)
            files = [package.path / "sentencepiece.model", *([target] if target else [])]
        else:
            files = [package.path / "bpe.model"]
        try:
            if package.tokenizer == "sentencepiece":
                return _SentencePiece(str(files[0]), str(target) if target else None)
            return _Bpe(str(files[0]), package.from_code, package.to_code)
        except (RuntimeError, OSError, ValueError, UnicodeDecodeError) as exc:
            raise UserError(
                f"cannot load the tokenizer {' or '.join(str(f) for f in files)}: {exc}"
            ) from exc

    def translate(
        self,
        sentences: Sequence[str],
        progress: Callable[[int], None] | None = None,
        on_batch: Callable[[list[Translation]], None] | None = None,
        alternatives: int | None = None,
    ) -> list[Translation]:
        """One ``Translation`` per input, in input order; ``progress(n)`` after each batch,
        and ``on_batch`` with that batch's translations (one per distinct sentence), so that
        a caller can keep them before the whole call ends (an interrupt loses none of them).

        ``alternatives``: n-best after the best for this call (default: the options').
        """
        n_best = 1 + (self.options.alternatives if alternatives is None else alternatives)
        distinct = list(dict.fromkeys(s for s in sentences if s.strip()))
        blanks = sum(1 for s in sentences if not s.strip())
        if blanks and progress:
            progress(blanks)
        results: dict[str, Translation] = {}
        if distinct:
            translator, tokenizer = self._load()
            self.calls += 1
            self.sentences_translated += len(distinct)
            multiplicity: dict[str, int] = {}
            for sentence in sentences:
                multiplicity[sentence] = multiplicity.get(sentence, 0) + 1
            tokenized = [tokenizer.encode(sentence) for sentence in distinct]
            # Every batch is queued at once: CTranslate2 decodes up to `inter_threads` of them
            # in parallel while the results are collected here in order.
            queued = []
            for batch in self._batches(tokenized):
                cap = self.options.decoding_cap(max(len(tokenized[i]) for i in batch))
                pending = self._submit(translator, tokenized, batch, cap, n_best)
                queued.append((batch, cap, pending))
            for batch, cap, pending in queued:
                translated = self._collect(pending, cap)
                for index, hypotheses in zip(batch, translated, strict=True):
                    results[distinct[index]] = self._to_translation(
                        distinct[index], hypotheses, tokenizer
                    )
                if on_batch:
                    on_batch([results[distinct[i]] for i in batch])
                if progress:
                    progress(sum(multiplicity[distinct[i]] for i in batch))
        return [
            results.get(sentence) or Translation(source=sentence, text="", score=0.0)
            for sentence in sentences
        ]

    def _batches(self, tokenized: Sequence[list[str]]) -> list[list[int]]:
        """Indices grouped by length bucket, shortest first, within the token budget."""
        order = sorted(range(len(tokenized)), key=lambda i: (len(tokenized[i]), i))
        batches: list[list[int]] = []
        current: list[int] = []
        current_cap = -1
        for index in order:
            length = max(1, len(tokenized[index]))
            cap = self.options.decoding_cap(length)
            padded = (len(current) + 1) * length  # sorted: this sentence is the longest yet
            if current and (cap != current_cap or padded > self.options.max_batch_tokens):
                batches.append(current)
                current = []
            current.append(index)
            current_cap = cap
        if current:
            batches.append(current)
        return batches

    def _submit(
        self,
        translator: Any,
        tokenized: Sequence[list[str]],
        batch: list[int],
        cap: int,
        hypotheses: int,
    ) -> list[Any]:
        """Queue one batch for decoding; returns CTranslate2's asynchronous results."""
        sources = [tokenized[i] for i in batch]
        prefix_token = self._package.target_prefix
        target_prefix = [[prefix_token] for _ in sources] if prefix_token else None
        try:
            return list(self._translate_batch(translator, sources, target_prefix, hypotheses, cap))
        except RuntimeError as exc:
            raise self._failure(exc) from exc

    def _failure(self, exc: Exception) -> UserError:
        # e.g. out of memory on the device
        return UserError(
            f"translation failed with {self.provenance} on {self.device}: {exc}; "
            "try --device cpu or fewer alternatives"
        )

    def _collect(self, pending: list[Any], cap: int) -> list[list[tuple[list[str], float]]]:
        prefix_token = self._package.target_prefix
        try:
            # Waiting in short sleeps, not in result(): a blocking C++ wait would hold off a
            # Ctrl-C until the batch is done.
            while not all(item.done() for item in pending):
                time.sleep(0.005)
            results = [item.result() for item in pending]
        except RuntimeError as exc:
            raise self._failure(exc) from exc
        except (ValueError, IndexError) as exc:
            # "Invalid token ID 105: valid IDs are between 0 and 9": a vocabulary file that
            # does not belong to the model's weights.
            raise UserError(
                f"{self._package.path}: the package's vocabulary does not match its model "
                f"({exc}); the package is damaged: reinstall or rebuild it"
            ) from exc
        decoded: list[list[tuple[list[str], float]]] = []
        for result in results:
            pairs: list[tuple[list[str], float]] = []
            for tokens, score in zip(result.hypotheses, result.scores, strict=True):
                generated = list(tokens)
                if prefix_token and generated[:1] == [prefix_token]:
                    generated = generated[1:]
                pairs.append((generated, self._per_token(score, len(generated), cap)))
            decoded.append(pairs)
        return decoded

    def _translate_batch(
        self,
        translator: Any,
        batch: list[list[str]],
        target_prefix: list[list[str]] | None,
        hypotheses: int,
        cap: int,
    ) -> Any:
        options = self.options
        return translator.translate_batch(
            batch,
            target_prefix=target_prefix,
            max_batch_size=0,  # batches are already sized by _batches
            beam_size=max(options.beam_size, hypotheses),
            num_hypotheses=hypotheses,
            length_penalty=ARGOS_LENGTH_PENALTY,
            replace_unknowns=True,
            return_scores=True,
            max_decoding_length=cap,
            asynchronous=True,
        )

    def _per_token(self, score: float, generated: int, cap: int) -> float:
        # `</s>` is scored too, unless decoding stopped at the cap before emitting it.
        scored = generated if generated >= cap else generated + 1
        total = float(score) * math.pow(scored, ARGOS_LENGTH_PENALTY)
        return min(0.0, total / scored)

    def _to_translation(
        self,
        source: str,
        hypotheses: list[tuple[list[str], float]],
        tokenizer: _Tokenizer,
    ) -> Translation:
        texts = [
            _Hypothesis(text=_clean(tokenizer.decode(tokens), self._package), score=score)
            for tokens, score in hypotheses
        ]
        best, rest = texts[0], texts[1:]
        alternatives = tuple(
            Alternative(text=h.text, score=h.score)
            for h in sorted(rest, key=lambda h: h.score, reverse=True)
        )
        return Translation(
            source=source, text=best.text, score=best.score, alternatives=alternatives
        )


def _clean(text: str, package: InstalledPackage) -> str:
    """Drop a decoded target prefix (some packages' prefix is not one token) and edge spaces."""
    prefix = package.target_prefix
    if prefix and text.startswith(prefix):
        text = text[len(prefix) :]
    return text.strip()
