"""`translate models …`: list, install, remove and check Argos translation packages."""

from __future__ import annotations

import json
import sys
import time

import click

from translate import model_index
from translate import models as model_store
from translate.cli import LazyGroup
from translate.cli.progress import PLAIN_INTERVAL
from translate.errors import UserError

# Commands defined in other modules, imported when used.
LAZY_COMMANDS: dict[str, tuple[str, str, str]] = {
    "build": (
        "translate.cli.models_build_cmd",
        "build",
        "Convert an OPUS-MT model into an Argos package (.argosmodel).",
    ),
}


@click.group(cls=LazyGroup, lazy_subcommands=LAZY_COMMANDS)
def models_group() -> None:
    """List, install, build and remove Argos Translate packages.

    Packages live where argostranslate keeps them (ARGOS_PACKAGES_DIR, else
    $XDG_DATA_HOME/argos-translate/packages), so packages installed with argospm are used too.
    """


models = models_group


def _human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


@models_group.command("list", short_help="Show installed packages (* = the one used).")
@click.option("--from", "from_code", default="vi", show_default=True, help="Source language.")
@click.option("--to", "to_code", default="en", show_default=True, help="Target language.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
def list_command(from_code: str, to_code: str, as_json: bool) -> None:
    """Show installed packages; `*` marks the one `translate run` uses for --from/--to."""
    installed = model_store.list_installed()
    chosen = model_store.preferred_package(installed, from_code, to_code)
    if as_json:
        rows = [
            {
                "code": p.code,
                "from": p.from_code,
                "to": p.to_code,
                "version": p.version,
                "path": str(p.path),
                "size_bytes": p.size_bytes,
                "tokenizer": p.tokenizer,
                "selected": chosen is not None and p.path == chosen.path,
            }
            for p in installed
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not installed:
        paths = model_store.argos_paths()
        click.echo(f"No packages installed in {paths.packages_dir}.", err=True)
        click.echo(model_store.remedies(from_code, to_code), err=True)
        return
    table = [("", "CODE", "PAIR", "VERSION", "SIZE", "FOLDER")]
    for p in installed:
        mark = "*" if chosen is not None and p.path == chosen.path else ""
        pair = f"{p.from_code}→{p.to_code}"
        table.append((mark, p.code, pair, p.version or "-", _human_size(p.size_bytes), str(p.path)))
    widths = [max(len(row[column]) for row in table) for column in range(len(table[0]) - 1)]
    for row in table:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        click.echo("  ".join([*cells, row[-1]]).rstrip())
    recorded = model_store.chosen_package_code(from_code, to_code)
    how = "chosen with `translate models use`" if recorded else "the highest version"
    click.echo(
        f"* = the package `translate run` uses for {from_code}→{to_code} ({how})"
        if chosen is not None
        else f"No {from_code}→{to_code} package: `translate run` cannot translate yet."
    )


@models_group.command("available", short_help="List the packages in the Argos index.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
def available_command(as_json: bool) -> None:
    """Refresh the Argos package index and list the packages it offers."""
    index = model_index.fetch_index()
    if as_json:
        rows = [
            {"code": p.code, "from": p.from_code, "to": p.to_code, "version": p.version}
            for p in index
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for p in index:
        click.echo(f"{p.code}\t{p.from_code}→{p.to_code}\t{p.version}\t{p.from_name} → {p.to_name}")


class _StderrProgress:
    """Download progress on stderr: a live line on a terminal, else a line every ~10 s."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.terminal = sys.stderr.isatty()
        self.shown = False
        self.last_line = time.monotonic()
        self.text = ""

    def __call__(self, done: int, total: int | None) -> None:
        if total:
            percent = 100 * done // total
            self.text = f"{self.label}: {_human_size(done)} / {_human_size(total)} ({percent}%)"
        else:
            self.text = f"{self.label}: {_human_size(done)}"
        if self.terminal:
            click.echo(f"\r{self.text}\x1b[K", nl=False, err=True)
            self.shown = True
        elif time.monotonic() - self.last_line >= PLAIN_INTERVAL:
            self.last_line = time.monotonic()
            click.echo(self.text, err=True)

    def finish(self) -> None:
        if self.shown:
            click.echo("", err=True)


@models_group.command("install", short_help="Install from a file, URL, index code or pair.")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE…")
@click.option(
    "--sha256", metavar="HEX", help="Expected SHA-256 of the package file (file or URL sources)."
)
@click.option("--force", is_flag=True, help="Replace an installed package of the same name.")
@click.option(
    "--from", "from_code", help="Refuse packages that do not translate from this language."
)
@click.option("--to", "to_code", help="Refuse packages that do not translate into this language.")
def install_command(
    sources: tuple[str, ...],
    sha256: str | None,
    force: bool,
    from_code: str | None,
    to_code: str | None,
) -> None:
    """Install packages from .argosmodel files, http(s) URLs, index codes, or `FROM TO`.

    \b
    Examples:
      translate models install ~/Downloads/translate-vi_en-1_0.argosmodel
      translate models install https://example.org/vi_en.argosmodel --sha256 HEX
      translate models install vi en            (from the Argos package index)

    Each archive is validated (one top folder, metadata.json, model/model.bin, a tokenizer,
    no unsafe paths) before anything is written; a failed install leaves nothing behind.
    """
    if _is_language_pair(sources):
        pair = (sources[0], sources[1])
        progress = _StderrProgress(f"{pair[0]}→{pair[1]}")
        try:
            package = model_index.install_from_index(pair=pair, force=force, progress=progress)
        finally:
            progress.finish()
        _report_installed(package)
        return
    expected_pair = None
    if from_code or to_code:
        if not (from_code and to_code):
            raise UserError("give both --from and --to, or neither")
        expected_pair = (from_code, to_code)
    if sha256 is not None and len(sources) > 1:
        raise UserError("--sha256 applies to one source; install the files one at a time")
    for source in sources:
        progress = _StderrProgress(source)
        try:
            package = model_index.install_source(
                source,
                sha256=sha256,
                force=force,
                expected_pair=expected_pair,
                progress=progress,
            )
        finally:
            progress.finish()
        _report_installed(package)


def _is_language_pair(sources: tuple[str, ...]) -> bool:
    return len(sources) == 2 and all(
        len(code) in (2, 3) and code.isalpha() and code.islower() for code in sources
    )


def _report_installed(package: model_store.InstalledPackage) -> None:
    click.echo(
        f"Installed {package.code} ({package.from_code}→{package.to_code}, "
        f"version {package.version or '-'}) in {package.path}"
    )


@models_group.command("remove", short_help="Delete an installed package.")
@click.argument("code")
def remove_command(code: str) -> None:
    """Delete an installed package (by the code `translate models list` shows)."""
    package = model_store.remove(code)
    click.echo(f"Removed {package.code} from {package.path.parent}")


@models_group.command("use", short_help="Choose the package a language pair uses.")
@click.argument("code", metavar="CODE")
def use_command(code: str) -> None:
    """Make the installed package CODE the one `translate run` uses for its language pair
    (when several are installed); recorded in the settings and shown by `models list`.

    \b
    Examples:
      translate models use translate-vi_en-1_1
    """
    package = model_store.use_package(code)
    click.echo(
        f"{package.from_code}→{package.to_code} now uses {package.code} "
        f"(version {package.version or '-'}) at {package.path}"
    )


@models_group.command("ensure", short_help="Check a FROM→TO package is installed.")
@click.option("--from", "from_code", default="vi", show_default=True, help="Source language.")
@click.option("--to", "to_code", default="en", show_default=True, help="Target language.")
def ensure_command(from_code: str, to_code: str) -> None:
    """Succeed if a FROM→TO package is installed (trying the index once); else exit 2."""
    package = model_index.ensure(from_code, to_code)
    click.echo(f"Using {package.code} ({package.from_code}→{package.to_code}) at {package.path}")
