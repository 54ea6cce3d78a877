"""`translate models build`: turn an OPUS-MT (Marian) model into an Argos package."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click

from translate.errors import UserError
from translate.opusmt import (
    DEFAULT_PACKAGE_VERSION,
    DEFAULT_QUANTIZATION,
    QUANTIZATIONS,
    package_folder_name,
)


def _progress(message: str) -> None:
    click.echo(message + "…", err=True)


@click.command("build")
@click.argument(
    "source",
    required=False,
    metavar="[DIR_OR_ZIP]",
    type=click.Path(path_type=Path),
)
@click.option("--from", "from_code", required=True, metavar="CODE", help="Source language.")
@click.option("--to", "to_code", required=True, metavar="CODE", help="Target language.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Archive to write [default: ./translate-<from>_<to>-<version>.argosmodel; "
    "with --install and no -o, none is kept].",
)
@click.option("--install", "install", is_flag=True, help="Install the package once built.")
@click.option(
    "--quantization",
    type=click.Choice(QUANTIZATIONS),
    default=DEFAULT_QUANTIZATION,
    show_default=True,
    help="Weight type stored in the package (none = float32 as trained).",
)
@click.option(
    "--package-version",
    default=DEFAULT_PACKAGE_VERSION,
    show_default=True,
    help="Version written to metadata.json and the archive name.",
)
@click.option(
    "--from-hub",
    "hub_id",
    metavar="MODEL_ID",
    help="Download this Hugging Face model first (e.g. Helsinki-NLP/opus-mt-vi-en); "
    "needs network access.",
)
@click.option("--force", is_flag=True, help="Replace an existing archive or installed package.")
def build(
    source: Path | None,
    from_code: str,
    to_code: str,
    output: Path | None,
    install: bool,
    quantization: str,
    package_version: str,
    hub_id: str | None,
    force: bool,
) -> None:
    """Convert an OPUS-MT model into an Argos package (.argosmodel); the model is only read.

    DIR_OR_ZIP is a Marian release (a folder or its .zip with decoder.yml, *.npz,
    *.vocab.yml, source.spm, target.spm) or a Hugging Face MarianMTModel folder
    (config.json, model.safetensors or pytorch_model.bin, source.spm, target.spm,
    vocab.json; converting it needs the `opusmt` extra). The package keeps source.spm for
    encoding and target.spm for decoding, and names the source model and its licence in its
    README.md.

    \b
    Examples:
      translate models build opus-2020-01-20.zip --from vi --to en --install
      translate models build ./opus-mt-vi-en --from vi --to en -o vi_en.argosmodel
      translate models build --from-hub Helsinki-NLP/opus-mt-vi-en --from vi --to en --install
    """
    from translate import opusmt

    if (source is None) == (hub_id is None):
        raise UserError("give either DIR_OR_ZIP or --from-hub MODEL_ID (exactly one)")
    show_progress = sys.stderr.isatty()
    progress = _progress if show_progress else None
    model_name: str | None = None
    if hub_id is not None:
        if show_progress:
            _progress(f"Fetching {hub_id} from the Hugging Face Hub")
        source = opusmt.fetch_from_hub(hub_id, quiet=not show_progress)
        model_name = hub_id
    assert source is not None

    top = package_folder_name(from_code, to_code, package_version)
    if install and not force:
        from translate.models import argos_paths

        # Refuse before minutes of conversion rather than after.
        installed = argos_paths().packages_dir / top
        if installed.exists():
            raise UserError(
                f"{top} is already installed at {installed}; use --force to replace it, "
                "or --package-version to build another version"
            )
    with tempfile.TemporaryDirectory(prefix="translate-build-") as scratch:
        if output is None and install:
            target = Path(scratch) / f"{top}.argosmodel"
        else:
            target = output if output is not None else Path.cwd() / f"{top}.argosmodel"
        built = opusmt.build_package(
            source,
            target,
            from_code=from_code,
            to_code=to_code,
            quantization=quantization,
            package_version=package_version,
            model_name=model_name,
            overwrite=force,
            progress=progress,
        )
        size_mb = built.size_bytes / 1e6
        if output is not None or not install:
            click.echo(
                f"Wrote {built.archive} ({size_mb:.1f} MB) from {built.source_name} "
                f"(licence: {built.licence})"
            )
        if install:
            from translate.models import install_archive

            if show_progress:
                _progress(f"Installing {built.top_folder}")
            package = install_archive(
                built.archive, expected_pair=(from_code, to_code), force=force
            )
            click.echo(
                f"Installed {package.code} ({package.from_code}→{package.to_code}, "
                f"version {package.version}) in {package.path}"
            )
