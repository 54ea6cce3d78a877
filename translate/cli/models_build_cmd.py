"""`translate models build`: turn an OPUS-MT (Marian) model into an Argos package."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from translate.cli.progress import Reporter, resolve_mode
from translate.opusmt import (
    DEFAULT_PACKAGE_VERSION,
    DEFAULT_QUANTIZATION,
    QUANTIZATIONS,
)


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
    from translate.model_build import BuildRequest, build

    request = BuildRequest(
        source=source,
        hub_id=hub_id,
        from_code=from_code,
        to_code=to_code,
        output=output,
        install=install,
        quantization=quantization,
        package_version=package_version,
        force=force,
        quiet_fetch=not sys.stderr.isatty(),
    )
    # Each step is named as it starts (in a log, when it lasts: a build takes 10-20 s).
    with Reporter(resolve_mode("auto")) as reporter:
        outcome = build(request, progress=reporter.phase)
    if outcome.archive is not None:
        click.echo(
            f"Wrote {outcome.archive} ({outcome.size_bytes / 1e6:.1f} MB) from "
            f"{outcome.source_name} (licence: {outcome.licence})"
        )
    if outcome.installed_code is not None:
        click.echo(
            f"Installed {outcome.installed_code} ({from_code}→{to_code}, "
            f"version {outcome.installed_version}) in {outcome.installed_path}"
        )
