"""The Argos package index and downloads: what `translate models install` fetches when the
machine has internet (the index has had no vi→en package since March 2024, so users install a
local or built `.argosmodel`; the code stays for every other pair and for mirrors).

Downloads go to ``<name>.part`` and are renamed when complete (and verified with ``--sha256``),
resuming with an HTTP Range request; installing goes through ``translate.models.install_archive``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translate.errors import UserError
from translate.fileio import atomic_write_bytes
from translate.model_archive import CHUNK_BYTES
from translate.models import (
    InstalledPackage,
    argos_paths,
    install_archive,
    list_installed,
    preferred_package,
    remedies,
    sha256_of,
)

# urllib.request and http.client are imported where used: `translate models --help` must not
# pay for them.

INDEX_TIMEOUT_S = 15.0
DOWNLOAD_TIMEOUT_S = 60.0

# progress(bytes_done, bytes_total or None)
DownloadProgress = Callable[[int, "int | None"], None]


@dataclass(frozen=True)
class AvailablePackage:
    code: str  # argospm name: <type>-<from>_<to>
    from_code: str
    to_code: str
    from_name: str
    to_name: str
    version: str
    links: tuple[str, ...]


def fetch_index(timeout: float = INDEX_TIMEOUT_S) -> list[AvailablePackage]:
    """Refresh the local copy of the Argos package index (as argospm does) and parse it."""
    import urllib.error
    import urllib.request

    paths = argos_paths()
    url = paths.index_url
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = response.read()
        entries = json.loads(data.decode("utf-8"))
        if not isinstance(entries, list):
            raise ValueError("the index is not a JSON list")
    except (urllib.error.URLError, OSError, ValueError, RecursionError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise UserError(
            f"cannot reach the Argos package index at {url}: {reason}; "
            "install a local .argosmodel instead"
        ) from exc
    try:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(paths.local_index, data)
    except OSError:
        pass  # a read-only data folder does not stop us from using the index we just read
    return [package for package in map(_available_from_json, entries) if package is not None]


def _available_from_json(entry: Any) -> AvailablePackage | None:
    if not isinstance(entry, dict):
        return None
    from_code, to_code = entry.get("from_code"), entry.get("to_code")
    if not isinstance(from_code, str) or not isinstance(to_code, str):
        return None
    links = entry.get("links") or []
    return AvailablePackage(
        code=f"{entry.get('type') or 'translate'}-{from_code}_{to_code}",
        from_code=from_code,
        to_code=to_code,
        from_name=str(entry.get("from_name", "")),
        to_name=str(entry.get("to_name", "")),
        version=str(entry.get("package_version", "")),
        links=tuple(str(link) for link in links if isinstance(link, str)),
    )


def find_in_index(
    index: Iterable[AvailablePackage],
    *,
    code: str | None = None,
    pair: tuple[str, str] | None = None,
) -> AvailablePackage | None:
    for package in index:
        if code is not None and package.code == code:
            return package
        if pair is not None and (package.from_code, package.to_code) == pair:
            return package
    return None


def download(
    url: str,
    *,
    sha256: str | None = None,
    progress: DownloadProgress | None = None,
    timeout: float = DOWNLOAD_TIMEOUT_S,
) -> Path:
    """Download ``url`` into the Argos downloads folder and return the finished file.

    Data goes to ``<name>.part`` first and is renamed only when complete (and, with ``sha256``,
    verified), so a broken download never looks finished. An existing ``.part`` is resumed
    with an HTTP Range request when the server supports it.
    """
    import http.client
    import urllib.error

    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme not in ("http", "https"):
        raise UserError(f"{url}: only http:// and https:// URLs can be downloaded")
    name = Path(urllib.parse.unquote(parsed.path)).name or "package.argosmodel"
    if not name.endswith(".argosmodel"):
        name += ".argosmodel"
    downloads = argos_paths().downloads_dir
    downloads.mkdir(parents=True, exist_ok=True)
    url_tag = hashlib.sha256(url.encode()).hexdigest()[:12]
    final = downloads / f"{url_tag}-{name}"
    part = final.with_name(final.name + ".part")
    try:
        _fetch_to_part(url, part, progress, timeout)
    except urllib.error.HTTPError as exc:
        raise UserError(f"cannot download {url}: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
        reason = getattr(exc, "reason", None) or exc
        hint = " (run the same command again to resume)" if part.is_file() else ""
        raise UserError(f"cannot download {url}: {reason}{hint}") from exc
    if sha256 is not None:
        actual = sha256_of(part)
        if actual.lower() != sha256.strip().lower():
            part.unlink(missing_ok=True)
            raise UserError(
                f"{url}: SHA-256 mismatch (expected {sha256.strip().lower()}, got {actual}); "
                "the download was deleted"
            )
    os.replace(part, final)
    return final


def _fetch_to_part(url: str, part: Path, progress: DownloadProgress | None, timeout: float) -> None:
    import urllib.error
    import urllib.request

    have = part.stat().st_size if part.is_file() else 0
    request = urllib.request.Request(url, headers={"User-Agent": "translate-toolkit"})
    if have:
        request.add_header("Range", f"bytes={have}-")
    try:
        response = urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        if exc.code != 416 or not have:
            raise
        # Range not satisfiable: the .part is stale or already complete; start over.
        part.unlink()
        _fetch_to_part(url, part, progress, timeout)
        return
    with response:
        resumed = have > 0 and response.status == 206
        if not resumed:
            have = 0
        length = response.headers.get("Content-Length")
        total = have + int(length) if length and length.isdigit() else None
        with part.open("ab" if resumed else "wb") as sink:
            done = have
            if progress:
                progress(done, total)
            while chunk := response.read(CHUNK_BYTES):
                sink.write(chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
            sink.flush()
            os.fsync(sink.fileno())
        if total is not None and done != total:
            raise OSError(f"connection closed after {done} of {total} bytes")


def install_from_index(
    *,
    code: str | None = None,
    pair: tuple[str, str] | None = None,
    force: bool = False,
    progress: DownloadProgress | None = None,
) -> InstalledPackage:
    """Install a package from the Argos index by argospm code or by language pair."""
    index = fetch_index()
    wanted = code if code is not None else f"{pair[0]}→{pair[1]}" if pair else "?"
    package = find_in_index(index, code=code, pair=pair)
    if package is None:
        note = " (it has had none since March 2024)" if pair == ("vi", "en") else ""
        raise UserError(
            f"the Argos package index has no {wanted} package{note}; "
            "install a local .argosmodel file or URL instead"
        )
    if not package.links:
        raise UserError(f"the Argos package index lists {package.code} without a download link")
    installed = argos_paths().packages_dir / f"{package.code}-{package.version.replace('.', '_')}"
    if installed.is_dir() and not force:
        raise UserError(
            f"{package.code} {package.version} is already installed at {installed}; use "
            "--force to download and replace it"
        )
    errors: list[str] = []
    for link in package.links:
        try:
            path = download(link, progress=progress)
        except UserError as exc:
            errors.append(exc.message)
            continue
        try:
            return install_archive(
                path, expected_pair=(package.from_code, package.to_code), force=force
            )
        finally:
            path.unlink(missing_ok=True)
    raise UserError("; ".join(errors))


_SHA256 = re.compile(r"[0-9a-fA-F]{64}")


def checked_sha256(value: str) -> str:
    """``--sha256`` as 64 lowercase hex digits; UserError before any download otherwise."""
    digest = value.strip()
    if _SHA256.fullmatch(digest) is None:
        raise UserError(
            f"--sha256 {value!r} is not a SHA-256 digest; give its 64 hexadecimal digits "
            "(e.g. from `sha256sum FILE.argosmodel`)"
        )
    return digest.lower()


def _refuse_installed_download(url: str) -> None:
    """A URL whose file name is an installed package's folder (`…/translate-vi_en-1_0.argosmodel`)
    is refused before the download, not after it."""
    name = Path(urllib.parse.unquote(urllib.parse.urlsplit(url).path)).name
    stem = name.removesuffix(".argosmodel")
    installed = argos_paths().packages_dir / stem
    if stem and stem != name and installed.is_dir():
        raise UserError(
            f"{stem} is already installed at {installed}; use --force to download and "
            "replace it, or `translate models remove` first"
        )


def install_source(
    source: str,
    *,
    sha256: str | None = None,
    force: bool = False,
    expected_pair: tuple[str, str] | None = None,
    progress: DownloadProgress | None = None,
) -> InstalledPackage:
    """Install from a local .argosmodel file, an http(s) URL, or an index package code."""
    if sha256 is not None:
        sha256 = checked_sha256(sha256)  # before anything is read or downloaded
    scheme = urllib.parse.urlsplit(source).scheme
    if scheme in ("http", "https"):
        if not force:
            _refuse_installed_download(source)
        path = download(source, sha256=sha256, progress=progress)
        try:
            return install_archive(path, expected_pair=expected_pair, force=force)
        finally:
            path.unlink(missing_ok=True)
    local = Path(source).expanduser()
    if local.exists() or source.endswith((".argosmodel", ".zip")) or os.sep in source:
        if sha256 is not None and local.is_file():
            actual = sha256_of(local)
            if actual.lower() != sha256.strip().lower():
                raise UserError(
                    f"{source}: SHA-256 mismatch (expected {sha256.strip().lower()}, got {actual})"
                )
        return install_archive(local, expected_pair=expected_pair, force=force)
    return install_from_index(code=source, force=force, progress=progress)


def ensure(from_code: str, to_code: str) -> InstalledPackage:
    """An installed package for the pair, trying the index once; else one message, exit 2."""
    package = preferred_package(list_installed(), from_code, to_code)
    if package is not None:
        return package
    try:
        return install_from_index(pair=(from_code, to_code))
    except UserError as exc:
        reason = exc.message
    raise UserError(
        f"no {from_code}→{to_code} translation package is installed, and none could be "
        f"fetched ({reason}).\n" + remedies(from_code, to_code)
    )
