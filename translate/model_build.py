"""`translate models build` as a library call: fetch (optional), convert an OPUS-MT model into
an Argos package (translate.opusmt), then install it (translate.models) or keep the archive.

Every check that can fail is made before minutes of conversion: the source exists, the
package is not already installed, the output can be written.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from translate.errors import UserError

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildRequest:
    source: Path | None  # a Marian release (folder or .zip) or a Hugging Face folder
    hub_id: str | None  # or a Hugging Face model to fetch first
    from_code: str
    to_code: str
    output: Path | None = None  # None: ./<top>.argosmodel, or no archive kept with install
    install: bool = False
    quantization: str = "int8"
    package_version: str = "1.0"
    force: bool = False
    quiet_fetch: bool = True


@dataclass(frozen=True)
class BuildOutcome:
    archive: Path | None  # the archive kept, if any
    size_bytes: int
    source_name: str
    licence: str
    installed_code: str | None = None
    installed_path: Path | None = None
    installed_version: str = ""


def build(request: BuildRequest, progress: Progress = lambda message: None) -> BuildOutcome:
    from translate import opusmt

    _check_request(request)
    source, model_name = request.source, None
    if request.hub_id is not None:
        progress(f"Fetching {request.hub_id} from the Hugging Face Hub")
        source = opusmt.fetch_from_hub(request.hub_id, quiet=request.quiet_fetch)
        model_name = request.hub_id
    assert source is not None
    top = opusmt.package_folder_name(request.from_code, request.to_code, request.package_version)
    with tempfile.TemporaryDirectory(prefix="translate-build-") as scratch:
        keep = request.output is not None or not request.install
        target = request.output or (
            Path.cwd() / f"{top}.argosmodel" if keep else Path(scratch) / f"{top}.argosmodel"
        )
        built = opusmt.build_package(
            source,
            target,
            from_code=request.from_code,
            to_code=request.to_code,
            quantization=request.quantization,
            package_version=request.package_version,
            model_name=model_name,
            overwrite=request.force,
            progress=progress,
        )
        outcome = BuildOutcome(
            archive=built.archive if keep else None,
            size_bytes=built.size_bytes,
            source_name=built.source_name,
            licence=built.licence,
        )
        if not request.install:
            return outcome
        from translate.models import install_archive

        progress(f"Installing {built.top_folder}")
        package = install_archive(
            built.archive, expected_pair=(request.from_code, request.to_code), force=request.force
        )
    return BuildOutcome(
        archive=outcome.archive,
        size_bytes=outcome.size_bytes,
        source_name=outcome.source_name,
        licence=outcome.licence,
        installed_code=package.code,
        installed_path=package.path,
        installed_version=package.version,
    )


def _check_request(request: BuildRequest) -> None:
    if (request.source is None) == (request.hub_id is None):
        raise UserError("give either DIR_OR_ZIP or --from-hub MODEL_ID (exactly one)")
    if request.source is not None and not request.source.exists():
        raise UserError(
            f"{request.source}: no such folder or .zip; give an OPUS-MT release folder or zip"
        )
    if request.install and not request.force:
        from translate.models import argos_paths
        from translate.opusmt import package_folder_name

        top = package_folder_name(request.from_code, request.to_code, request.package_version)
        installed = argos_paths().packages_dir / top
        if installed.exists():
            raise UserError(
                f"{top} is already installed at {installed}; use --force to replace it, "
                "or --package-version to build another version"
            )
