"""`translate tm`: the translation memory (update from catalogues, TMX in and out, lookups)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from translate.wording import count

if TYPE_CHECKING:
    from translate.memory import Memory

F = TypeVar("F", bound=Callable[..., object])
DEFAULT_MEMORY = Path("locales/memory.sqlite")


def memory_options(function: F) -> F:
    """--tm, --from, --to: the memory file and its language pair (shared by subcommands)."""
    for option in reversed(
        (
            click.option(
                "--tm",
                "memory_path",
                type=click.Path(dir_okay=False, path_type=Path),
                default=DEFAULT_MEMORY,
                show_default=True,
                metavar="PATH",
                help="The memory file (what `translate run` uses by default with the default "
                "--output-dir).",
            ),
            click.option(
                "--from",
                "from_code",
                default="vi",
                show_default=True,
                help="Source language of the memory (set when it is created).",
            ),
            click.option(
                "--to",
                "to_code",
                default="en",
                show_default=True,
                help="Target language of the memory.",
            ),
        )
    ):
        function = option(function)
    return function


@contextmanager
def _open(path: Path, from_code: str, to_code: str, *, create: bool = False) -> Iterator[Memory]:
    from translate.memory import Memory

    with Memory.open(path, create=create, source_lang=from_code, target_lang=to_code) as memory:
        yield memory


@click.group("tm", context_settings={"help_option_names": ["-h", "--help"]})
def tm() -> None:
    """The translation memory: every reviewed sentence, reused by `translate run`.

    One SQLite file (default locales/memory.sqlite, beside the catalogues; --tm to share one
    across projects) holds the reviewed translations of your catalogues: entries that are not
    fuzzy, not empty, not a copy of the source, and not machine output a reviewer never
    touched. Two commands may update it at once: one waits for the other.

    \b
    Examples:
      translate tm update locales/en/*.po
      translate tm lookup "Hướng đến hệ sinh thái đồng bộ trong chuyển đổi số"
      translate tm export -o team.tmx
      translate tm import omegat-project-save.tmx
      translate tm stats
    """


@tm.command("update")
@click.argument("catalogs", metavar="CATALOG…", nargs=-1, required=True)
@memory_options
def update(catalogs: tuple[str, ...], memory_path: Path, from_code: str, to_code: str) -> None:
    """Add or refresh the reviewed entries of CATALOG… (files or folders of *.po).

    Idempotent: running it again on unchanged catalogues changes nothing; an entry a reviewer
    changed replaces the older translation. Example: translate tm update locales
    """
    from translate.memory_catalog import now_epoch, units_from_catalogue
    from translate.pofile import find_catalogues

    paths = [p for p in find_catalogues(catalogs) if p.suffix == ".po"]
    units = [unit for path in paths for unit in units_from_catalogue(path)]
    with _open(memory_path, from_code, to_code, create=True) as memory:
        counts = memory.add(units, now_epoch())
    click.echo(
        f"{memory_path}: {counts.added} added, {counts.changed} changed, {counts.unchanged} "
        f"unchanged (reviewed entries of {count(len(paths), 'catalogue')})",
        err=True,
    )


@tm.command("import")
@click.argument("tmx_file", metavar="FILE.tmx", type=click.Path(dir_okay=False, path_type=Path))
@memory_options
def import_(tmx_file: Path, memory_path: Path, from_code: str, to_code: str) -> None:
    """Add the units of a TMX file (OmegaT, Okapi, Trados, Translate Toolkit, ours).

    All or nothing: a malformed or hostile file (not XML, no srclang, a unit without the
    source language, a DTD internal subset or ENTITY declaration) is refused with its line and
    the memory is left as it was; no DTD or external entity is ever read. A unit older
    (changedate) than the one stored is not imported.

    Example: translate tm import project_save.tmx
    """
    from translate.memory_catalog import now_epoch
    from translate.tmx import ReadReport, read_units

    existed = memory_path.exists()
    report = ReadReport()
    try:
        with _open(memory_path, from_code, to_code, create=True) as memory:
            units = read_units(tmx_file, source_lang=from_code, target_lang=to_code, report=report)
            counts = memory.add(units, now_epoch())
    except BaseException:
        if not existed:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{memory_path}{suffix}").unlink(missing_ok=True)
        raise
    for warning in report.warnings(str(tmx_file), to_code):
        click.echo(f"Warning: {warning}", err=True)
    click.echo(
        f"{memory_path}: {counts.added} added, {counts.changed} changed, {counts.unchanged} "
        f"unchanged, {counts.kept_newer} older than the stored unit "
        f"({count(report.units, 'unit')} in {tmx_file})",
        err=True,
    )


@tm.command("export")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The TMX file to write (replaced atomically).",
)
@memory_options
def export(output: Path, memory_path: Path, from_code: str, to_code: str) -> None:
    """Write the whole memory as TMX 1.4b (srclang, dates, origin as a prop).

    Example: translate tm export -o team.tmx
    """
    from translate.fileio import atomic_writer
    from translate.memory_catalog import now_epoch
    from translate.tmx import write_units

    with _open(memory_path, from_code, to_code) as memory, atomic_writer(output) as stream:
        written = write_units(
            stream,
            memory.units(),
            source_lang=memory.source_lang,
            target_lang=memory.target_lang,
            now=now_epoch(),
        )
    if written.altered:
        # (XML 1.0 has no way to write them, not even as references: said, not silent)
        click.echo(
            f"Warning: {output}: {count(written.altered, 'unit')} held control characters that "
            "XML 1.0 cannot carry; they were written as U+FFFD (the memory keeps the originals)",
            err=True,
        )
    click.echo(f"{output}: {count(written.units, 'unit')} written", err=True)


@tm.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@memory_options
def stats(as_json: bool, memory_path: Path, from_code: str, to_code: str) -> None:
    """Units, projects, dates and size of the memory. Example: translate tm stats --json"""
    from translate.tmx import format_date

    with _open(memory_path, from_code, to_code) as memory:
        found = memory.stats()
    data = {
        "path": found.path,
        "languages": f"{found.source_lang}-{found.target_lang}",
        "units": found.units,
        "projects": found.projects,
        "first_change": format_date(found.first_change) if found.first_change else None,
        "last_change": format_date(found.last_change) if found.last_change else None,
        "size_bytes": found.size_bytes,
    }
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for key, value in data.items():
        click.echo(f"{key}: {value if value is not None else '-'}")


@tm.command("lookup")
@click.argument("text")
@click.option("--limit", type=click.IntRange(min=1), default=5, show_default=True)
@click.option("--threshold", type=click.FloatRange(min=1, max=100), default=75.0, show_default=True)
@memory_options
def lookup(
    text: str, limit: int, threshold: float, memory_path: Path, from_code: str, to_code: str
) -> None:
    """Print the best matches for TEXT: score, source, translation and origin.

    Exit 1 when nothing matches. Example: translate tm lookup "Tôi đi học hôm nay."
    """
    with _open(memory_path, from_code, to_code) as memory:
        exact = memory.exact(text)
        matches = ([exact] if exact else []) + memory.fuzzy(text, threshold, limit)
    for match in matches[:limit]:
        click.echo(f"{match.score:5.1f}  {match.source}\n       → {match.target}  ({match.origin})")
    if not matches:
        click.echo("no match", err=True)
        raise click.exceptions.Exit(1)


@tm.command("remove")
@click.argument("sources", nargs=-1, metavar="[SOURCE…]")
@click.option("--project", default=None, help="Remove the units of this project.")
@click.option(
    "--origin", "origin_prefix", default=None, help="Remove units whose origin starts so."
)
@memory_options
def remove(
    sources: tuple[str, ...],
    project: str | None,
    origin_prefix: str | None,
    memory_path: Path,
    from_code: str,
    to_code: str,
) -> None:
    """Remove units: by exact source text, project, or origin prefix (all given must hold).

    Example: translate tm remove --origin locales/en/old-article.po
    """
    from translate.errors import UserError

    if not sources and project is None and origin_prefix is None:
        raise UserError("say what to remove: SOURCE text, --project or --origin")
    with _open(memory_path, from_code, to_code) as memory:
        removed = memory.remove(sources=sources, project=project, origin_prefix=origin_prefix)
    click.echo(f"{memory_path}: {count(removed, 'unit')} removed", err=True)
