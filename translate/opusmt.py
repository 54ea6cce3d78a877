"""Build Argos Translate packages (``.argosmodel``) from OPUS-MT (Marian) models.

Finding and checking the source model is ``translate.opusmt_source``'s job; this module
converts it, assembles the package and writes the archive.

Two source layouts are recognised, as a folder or inside a ``.zip``:

- a Marian release (what Helsinki-NLP publishes on object storage): ``decoder.yml`` naming the
  ``*.npz`` weights and the ``*.vocab.yml`` vocabularies, plus ``source.spm`` and
  ``target.spm``; converted with ``ctranslate2.converters.OpusMTConverter`` (numpy + PyYAML
  only);
- a Hugging Face ``MarianMTModel`` folder: ``config.json`` (``model_type: marian``), the weights
  (``model.safetensors`` or ``pytorch_model.bin``), ``source.spm``, ``target.spm`` and
  ``vocab.json``; converted with ``ctranslate2.converters.TransformersConverter``, which needs
  the ``opusmt`` extra (transformers, torch).

The package is one top folder ``translate-<from>_<to>-<version with _>/`` holding
``metadata.json``, ``README.md`` (source model, licence, conversion), ``model/`` (CTranslate2)
and the tokenizers. The archive is written to a temporary file beside the target and renamed.

Tokenizers. OPUS-MT models segment the source with ``source.spm`` and produce pieces of
``target.spm``; an Argos package has room for one ``sentencepiece.model``, which argostranslate
uses both to encode and to decode. The package therefore carries:

- ``sentencepiece.model`` = ``source.spm``: encoding must use the source model, byte for byte,
  or the encoder sees pieces it was never trained on;
- ``target.spm`` (when it differs from ``source.spm``), named by the metadata key
  ``"target_sentencepiece_model"``: decoding must join *target* pieces. SentencePiece's
  ``decode_pieces`` returns pieces unknown to the model verbatim, with their ``▁`` word marks
  still in them (``"can▁pay▁online"``), and id-based decoding turns them into ``⁇``. Most
  pieces of an English target vocabulary are unknown to a Vietnamese source model, so a
  package decoded with ``sentencepiece.model`` alone garbles the output. This toolkit's engine
  decodes with the file named by that key (and turns any ``▁`` left by a source-side piece
  from the shared vocabulary into a space). argostranslate ignores the key and still gets
  readable text, because it replaces every remaining ``▁`` with a space after
  ``decode_pieces`` (and, lossily, every ``_`` too).

Multi-target OPUS-MT models, which expect a ``>>xx<<`` token in front of every source sentence,
are refused: an Argos package cannot add one.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import stat
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translate import __version__
from translate.engine import TARGET_TOKENIZER_KEY
from translate.errors import UserError
from translate.fileio import atomic_writer
from translate.languages import language_name
from translate.opusmt_source import (
    HUB_MODEL_ID,
    MARIAN,
    SourceModel,
    default_model_name,
    inspect_model,
    unpacked,
)

QUANTIZATIONS = ("int8", "int8_float32", "float16", "none")
DEFAULT_QUANTIZATION = "int8"
DEFAULT_PACKAGE_VERSION = "1.0"
ARGOS_VERSION = "1.0"
TARGET_TOKENIZER_FILE = "target.spm"
SOURCE_TOKENIZER_FILE = "sentencepiece.model"
EXTRA_HINT = "pip install 'vi-en-translate[opusmt]' (or `make install EXTRAS=dev,opusmt`)"
# Files worth fetching from the Hub for a MarianMTModel (never both weight formats needed,
# but the Hub decides which one exists).
HUB_FILES = (
    "config.json",
    "generation_config.json",
    "model.safetensors",
    "pytorch_model.bin",
    "source.spm",
    "target.spm",
    "vocab.json",
    "tokenizer_config.json",
    "README.md",
    "LICENSE*",
)
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
PACKAGE_VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$")


Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuiltPackage:
    """What `build_package` wrote."""

    archive: Path
    top_folder: str
    metadata: dict[str, Any]
    source_name: str
    source_layout: str
    licence: str
    size_bytes: int


# --------------------------------------------------------------------------------------------
# Pure rules


def check_language_code(code: str, option: str) -> str:
    if not LANGUAGE_CODE.match(code):
        raise UserError(
            f"{option} {code!r}: expected an ISO 639 language code such as 'vi' or 'en'"
        )
    return code


def check_package_version(version: str) -> str:
    if not PACKAGE_VERSION.match(version):
        raise UserError(
            f"--package-version {version!r}: use letters, digits, '.', '+' or '-' "
            "(for example 1.0 or 1.1)"
        )
    return version


def package_code(from_code: str, to_code: str) -> str:
    return f"translate-{from_code}_{to_code}"


def package_folder_name(from_code: str, to_code: str, version: str) -> str:
    """Top folder of the archive, named the way argospm names downloaded packages."""
    return f"{package_code(from_code, to_code)}-{version.replace('.', '_')}"


def quantization_argument(quantization: str) -> str | None:
    if quantization not in QUANTIZATIONS:
        raise UserError(
            f"--quantization {quantization!r}: choose one of {', '.join(QUANTIZATIONS)}"
        )
    return None if quantization == "none" else quantization


def build_metadata(
    *,
    from_code: str,
    to_code: str,
    package_version: str,
    with_target_tokenizer: bool,
    source_name: str,
    licence: str,
) -> dict[str, Any]:
    """The complete ``metadata.json`` of a built package."""
    metadata: dict[str, Any] = {
        "package_version": package_version,
        "argos_version": ARGOS_VERSION,
        "from_code": from_code,
        "from_name": language_name(from_code),
        "to_code": to_code,
        "to_name": language_name(to_code),
        "code": package_code(from_code, to_code),
        "type": "translate",
        "links": [],
        "source_model": source_name,
        "source_licence": licence,
    }
    if with_target_tokenizer:
        metadata[TARGET_TOKENIZER_KEY] = TARGET_TOKENIZER_FILE
    return metadata


def package_readme(
    *,
    top_folder: str,
    metadata: dict[str, Any],
    source: SourceModel,
    quantization: str,
    converter_version: str,
) -> str:
    """README.md of a built package: where the weights come from and under which licence."""
    layout = "Marian release" if source.layout == MARIAN else "Hugging Face MarianMTModel"
    tokenizers = (
        f"`{SOURCE_TOKENIZER_FILE}` is the model's `source.spm` (encoding); "
        f"`{TARGET_TOKENIZER_FILE}` is its `target.spm`, used to decode "
        f'(metadata key `"{TARGET_TOKENIZER_KEY}"`).'
        if TARGET_TOKENIZER_KEY in metadata
        else f"`{SOURCE_TOKENIZER_FILE}` is the model's `source.spm`, identical to its "
        "`target.spm`."
    )
    return (
        f"# {top_folder}\n\n"
        f"{metadata['from_name']} → {metadata['to_name']} translation for Argos Translate.\n\n"
        f"- Source model: {source.name} ({layout}, OPUS-MT)\n"
        f"- Licence of the source model: {source.licence}\n"
        f"- Converted with CTranslate2 {converter_version}, quantization: {quantization}, "
        f"by `translate models build` (vi-en-translate {__version__})\n"
        f"- Tokenizers: {tokenizers}\n\n"
        "The weights are those of the source model; its licence and attribution terms apply "
        "to this package.\n"
    )


# --------------------------------------------------------------------------------------------
# The package archive


def _zip_timestamp() -> tuple[int, int, int, int, int, int]:
    # SOURCE_DATE_EPOCH makes rebuilt archives byte-identical; zip cannot store dates < 1980.
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    seconds = int(epoch) if epoch.isdigit() else int(time.time())
    return max(time.gmtime(seconds)[:6], (1980, 1, 1, 0, 0, 0))


def write_argosmodel(folder: Path, archive: Path) -> None:
    """Zip ``folder`` as ``archive`` with the folder as the only top entry, atomically."""
    stamp = _zip_timestamp()
    with (
        atomic_writer(archive) as stream,
        zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as zf,
    ):
        for path in [folder, *sorted(folder.rglob("*"))]:
            relative = path.relative_to(folder.parent).as_posix()
            if path.is_dir():
                info = zipfile.ZipInfo(relative + "/", date_time=stamp)
                info.external_attr = (stat.S_IFDIR | 0o755) << 16 | 0x10
                zf.writestr(info, b"")
                continue
            info = zipfile.ZipInfo(relative, date_time=stamp)
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with path.open("rb") as source, zf.open(info, "w", force_zip64=True) as sink:
                shutil.copyfileobj(source, sink, 1 << 20)


# --------------------------------------------------------------------------------------------
# Conversion and the whole build


def convert_model(
    source: SourceModel, output_dir: Path, quantization: str, *, quiet: bool = True
) -> None:
    """Convert the model with CTranslate2 into ``output_dir`` (which must not exist).

    ``quiet`` silences the progress bars and warnings that transformers prints to stderr.
    """
    import ctranslate2.converters as converters

    converter: Any
    if source.layout == MARIAN:
        converter = converters.OpusMTConverter(str(source.folder))
    else:
        try:
            import torch  # noqa: F401
            import transformers  # noqa: F401
        except ImportError as exc:
            raise UserError(
                f"{source.name}: converting a Hugging Face MarianMTModel needs transformers "
                f"and torch ({exc.name} is missing): {EXTRA_HINT}"
            ) from exc
        if quiet:
            # Looked up by name: transformers' logging helpers carry no type hints.
            transformers_logging: Any = importlib.import_module("transformers.utils.logging")
            transformers_logging.disable_progress_bar()
            transformers_logging.set_verbosity_error()
        converter = converters.TransformersConverter(str(source.folder))
    try:
        converter.convert(str(output_dir), quantization=quantization_argument(quantization))
    except (ValueError, KeyError, TypeError, OSError, RuntimeError) as exc:
        raise UserError(f"{source.name}: CTranslate2 cannot convert this model: {exc}") from exc


def assemble_package(
    source: SourceModel,
    package_dir: Path,
    *,
    from_code: str,
    to_code: str,
    quantization: str,
    package_version: str,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Fill ``package_dir`` (created here) with the package's files; its metadata."""
    import ctranslate2

    package_dir.mkdir(parents=True)
    if progress:
        kind = "Marian" if source.layout == MARIAN else "Hugging Face"
        progress(f"Converting the {kind} model with CTranslate2 (quantization {quantization})")
    convert_model(source, package_dir / "model", quantization, quiet=progress is None)
    shutil.copyfile(source.source_spm, package_dir / SOURCE_TOKENIZER_FILE)
    separate_target = source.source_spm.read_bytes() != source.target_spm.read_bytes()
    if separate_target:
        shutil.copyfile(source.target_spm, package_dir / TARGET_TOKENIZER_FILE)
    metadata = build_metadata(
        from_code=from_code,
        to_code=to_code,
        package_version=package_version,
        with_target_tokenizer=separate_target,
        source_name=source.name,
        licence=source.licence,
    )
    (package_dir / "metadata.json").write_text(
        json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    readme = package_readme(
        top_folder=package_dir.name,
        metadata=metadata,
        source=source,
        quantization=quantization,
        converter_version=ctranslate2.__version__,
    )
    (package_dir / "README.md").write_text(readme, encoding="utf-8")
    return metadata


def build_package(
    path: Path,
    output: Path,
    *,
    from_code: str,
    to_code: str,
    quantization: str = DEFAULT_QUANTIZATION,
    package_version: str = DEFAULT_PACKAGE_VERSION,
    model_name: str | None = None,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> BuiltPackage:
    """Convert the OPUS-MT model at ``path`` (folder or .zip) into the package ``output``."""
    check_language_code(from_code, "--from")
    check_language_code(to_code, "--to")
    check_package_version(package_version)
    quantization_argument(quantization)
    if output.exists() and not overwrite:
        raise UserError(f"{output} exists; pass --force to replace it, or choose another -o")
    report = progress or (lambda _message: None)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create the folder of {output}: {exc}") from exc

    with unpacked(path) as folder:
        name = model_name or default_model_name(path, folder)
        report(f"Checking {name} ({path})")
        source = inspect_model(folder, name=name, where=str(path))
        top = package_folder_name(from_code, to_code, package_version)
        with tempfile.TemporaryDirectory(prefix="translate-build-") as scratch:
            package_dir = Path(scratch) / top
            metadata = assemble_package(
                source,
                package_dir,
                from_code=from_code,
                to_code=to_code,
                quantization=quantization,
                package_version=package_version,
                progress=progress,
            )
            report(f"Writing {output}")
            try:
                write_argosmodel(package_dir, output)
            except OSError as exc:
                raise UserError(f"cannot write {output}: {exc}") from exc
    return BuiltPackage(
        archive=output,
        top_folder=top,
        metadata=metadata,
        source_name=source.name,
        source_layout=source.layout,
        licence=source.licence,
        size_bytes=output.stat().st_size,
    )


def fetch_from_hub(model_id: str, *, revision: str | None = None, quiet: bool = True) -> Path:
    """Download a MarianMTModel from the Hugging Face Hub (or its cache); its local folder."""
    if not HUB_MODEL_ID.match(model_id):
        raise UserError(
            f"--from-hub {model_id!r}: expected a model id such as Helsinki-NLP/opus-mt-vi-en"
        )
    try:
        from huggingface_hub import constants, snapshot_download

        hub_utils: Any = importlib.import_module("huggingface_hub.utils")
    except ImportError as exc:
        raise UserError(f"--from-hub needs huggingface_hub: {EXTRA_HINT}") from exc
    if quiet:
        hub_utils.disable_progress_bars()
    try:
        folder = snapshot_download(
            repo_id=model_id, revision=revision, allow_patterns=list(HUB_FILES)
        )
    except Exception as exc:
        # huggingface_hub raises its own hierarchy (HTTP, offline, not found, gated): all of
        # them mean "no model from the Hub", and the remedy is the same.
        if constants.HF_HUB_OFFLINE:
            reason = "offline mode is on (HF_HUB_OFFLINE) and the model is not in the cache"
        else:
            first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            reason = f"{type(exc).__name__}: {first_line}"
        raise UserError(
            f"cannot download {model_id} from the Hugging Face Hub ({reason}). On a machine "
            f"with network access run `git clone https://huggingface.co/{model_id}`, copy the "
            "folder here and run `translate models build FOLDER --from .. --to ..`"
        ) from exc
    return Path(folder)
