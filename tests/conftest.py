"""Shared test fixtures: an isolated Argos home and a tiny real vi→en package installed in it.

Fixtures (all session-scoped unless noted):

- ``argos_home``: an ``ArgosHome`` whose folders the whole session uses. Set before any test
  runs (autouse), so neither this process nor the subprocesses it starts ever touch the user's
  real Argos folders: ``ARGOS_PACKAGES_DIR``, ``XDG_DATA_HOME``, ``XDG_CONFIG_HOME``,
  ``XDG_CACHE_HOME`` point into a temporary folder and ``ARGOS_PACKAGE_INDEX`` points at an
  unreachable local address, so nothing can reach the network.
- ``fixture_archive``: path of the random-weight ``translate-vi_en-fixture.argosmodel``
  (built once, cached under ``.pytest_cache`` keyed by the builder source and the seed text).
- ``installed_package``: the fixture installed into ``argos_home`` through the real
  ``translate models install`` command; a ``translate.models.InstalledPackage``.
- ``empty_argos_home`` (function scope): points ``ARGOS_PACKAGES_DIR`` at a fresh empty folder
  for one test (no package installed).
- ``cli`` (function scope): ``run_cli`` from ``argos_fixture``, which runs
  ``translate.cli.main`` in-process and returns exit code, stdout and stderr.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from argos_fixture import (
    CliResult,
    build_fixture_package,
    fixture_fingerprint,
    run_cli,
)

# Nothing listens on the discard port of the loopback address: connections fail at once.
UNREACHABLE_INDEX = "http://127.0.0.1:9/"


@dataclass(frozen=True)
class ArgosHome:
    root: Path
    packages_dir: Path
    data_home: Path
    config_home: Path
    cache_home: Path


def _argos_environment(root: Path) -> dict[str, str]:
    return {
        "ARGOS_PACKAGES_DIR": str(root / "packages"),
        "XDG_DATA_HOME": str(root / "data"),
        "XDG_CONFIG_HOME": str(root / "config"),
        "XDG_CACHE_HOME": str(root / "cache"),
        "ARGOS_PACKAGE_INDEX": UNREACHABLE_INDEX,
    }


@pytest.fixture(scope="session", autouse=True)
def argos_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArgosHome]:
    root = tmp_path_factory.mktemp("argos-home")
    environment = _argos_environment(root)
    for key in ("packages", "data", "config", "cache"):
        (root / key).mkdir()
    saved = {key: os.environ.get(key) for key in [*environment, "SNAP", "ARGOS_DEVICE_TYPE"]}
    os.environ.update(environment)
    os.environ.pop("SNAP", None)
    os.environ.pop("ARGOS_DEVICE_TYPE", None)
    try:
        yield ArgosHome(
            root=root,
            packages_dir=root / "packages",
            data_home=root / "data",
            config_home=root / "config",
            cache_home=root / "cache",
        )
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(scope="session")
def fixture_archive(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    cache_dir = Path(request.config.cache.mkdir("argos-fixture")) / fixture_fingerprint()
    cached = cache_dir / "translate-vi_en-fixture.argosmodel"
    if not cached.is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        # Parallel pytest sessions may build at the same time: build aside, rename atomically.
        with tempfile.TemporaryDirectory(dir=cache_dir) as scratch:
            built = build_fixture_package(Path(scratch))
            os.replace(built, cached)
    target = tmp_path_factory.mktemp("fixture-archive") / cached.name
    shutil.copyfile(cached, target)
    return target


@pytest.fixture(scope="session")
def installed_package(fixture_archive: Path, argos_home: ArgosHome) -> Any:
    from translate.models import resolve_package

    result = run_cli("models", "install", str(fixture_archive), "--force")
    assert result.exit_code == 0, result.stderr
    return resolve_package("vi", "en")


@pytest.fixture
def empty_argos_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    packages = tmp_path / "empty-packages"
    packages.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    return packages


@pytest.fixture
def cli() -> Callable[..., CliResult]:
    return run_cli
