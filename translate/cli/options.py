"""Options shared by the commands that segment a source (`segment`, `run`, `export`), the
glossary options of `run`, `check` and `stats`, and the one way commands print a warning.

One definition, so the three cannot drift apart: `export` must segment a source exactly as
`run` did, or its segments no longer find their catalogue entries.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from translate.segment_defaults import DEFAULT_MAX_LENGTH, LINE_BREAK_MODES
from translate.source import SegmentOptions

if TYPE_CHECKING:
    from translate.guard import Guard

F = TypeVar("F", bound=Callable[..., object])

_SEGMENTATION_OPTIONS = (
    click.option(
        "--line-breaks",
        type=click.Choice(LINE_BREAK_MODES),
        default="auto",
        show_default=True,
        help="paragraph: every line break ends a paragraph; wrap: only blank lines do (text "
        "hard-wrapped from PDFs or e-mail); auto: decide with the document's evidence: a line "
        "without final punctuation joins the next when that continues in lowercase, when it ends "
        "on a word that never ends a phrase (của, và), or when the document is hard-wrapped at "
        "one width and the line is full (`tỉnh Hà⏎Tĩnh;`, `năm⏎2023;`); list items, headings, "
        "time codes and `;` clause ends never join.",
    ),
    click.option(
        "--abbreviations",
        "abbreviations_file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="File of extra abbreviations, one per line (`BSCKII.`): entries ending in `.` never "
        "end a sentence, entries without it are mixed-case names never cut as scrape joins.",
    ),
    click.option(
        "--max-length",
        type=click.IntRange(min=20),
        default=DEFAULT_MAX_LENGTH,
        show_default=True,
        help="Cut segments longer than this many characters at a comma or space.",
    ),
    click.option(
        "--input-format",
        type=click.Choice(("auto", "text", "html", "markdown")),
        default="auto",
        show_default=True,
        help="What the sources are. auto: by file name (.html/.htm HTML, .md/.markdown "
        "Markdown, anything else plain text; export: as the catalogue records `run` read it). "
        "HTML and Markdown keep their markup out of the "
        "msgids as placeholders (<1>…</1>, <2/>) and export gives the page back with only "
        "the text replaced. Example: --input-format html page.php",
    ),
    click.option(
        "--encoding",
        default=None,
        metavar="CODEC",
        help="Encoding of the sources (default: UTF-8, or UTF-16/32 with a BOM); e.g. cp1258.",
    ),
)


def _with_options(command: F, options: tuple[Callable[[F], F], ...]) -> F:
    """``command`` decorated with ``options``, listed in --help in their order."""
    for option in reversed(options):
        command = option(command)
    return command


def segmentation_options(command: F) -> F:
    """Add --line-breaks, --abbreviations, --max-length, --input-format and --encoding."""
    return _with_options(command, _SEGMENTATION_OPTIONS)


def segment_options(
    line_breaks: str,
    abbreviations_file: Path | None,
    max_length: int,
    encoding: str | None,
    input_format: str = "auto",
) -> SegmentOptions:
    """The SegmentOptions that the options added by ``segmentation_options`` describe."""
    from translate.segment import load_abbreviations

    abbreviations = None if abbreviations_file is None else load_abbreviations(abbreviations_file)
    return SegmentOptions(line_breaks, abbreviations, max_length, encoding, input_format)


def warn(message: str) -> None:
    """A non-fatal problem, spelled the same way by every command, on standard error."""
    click.echo(f"Warning: {message}", err=True)


_GLOSSARY_OPTIONS = (
    click.option(
        "--glossary",
        "glossaries",
        multiple=True,
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="FILE",
        help="Glossary (TSV or CSV with a source,target[,note,case,pos] header, or TBX); "
        "repeat to merge several. Default: glossary.tsv (.csv, .tbx) in the output or "
        "catalogue folder, or beside the sources. Example: --glossary terms/hue.tsv",
    ),
    click.option(
        "--no-glossary",
        is_flag=True,
        help="Use no glossary, not even the project's default glossary.tsv.",
    ),
)


def glossary_options(command: F) -> F:
    """Add --glossary FILE (repeatable) and --no-glossary to a command."""
    return _with_options(command, _GLOSSARY_OPTIONS)


def glossary_files(
    explicit: tuple[Path, ...], no_glossary: bool, folders: list[Path]
) -> tuple[Path, ...]:
    """The glossaries named on the command line, else the project default found in
    ``folders`` (see translate.glossary.default_glossary_paths)."""
    if no_glossary:
        if explicit:
            raise click.UsageError("--glossary and --no-glossary exclude each other")
        return ()
    if explicit:
        return explicit
    from translate.glossary import default_glossary_paths

    return tuple(default_glossary_paths(folders))


def catalogue_folders(catalogs: tuple[str, ...]) -> list[Path]:
    """Where `check` and `stats` look for the project glossary: each CATALOG folder (a file's
    folder) and the folder above it (`locales/` for `locales/en/x.po`)."""
    folders: list[Path] = []
    for name in catalogs:
        path = Path(name)
        folder = path if path.is_dir() else path.parent
        folders.extend((folder, folder.parent))
    return folders


def load_guard(files: tuple[Path, ...], protect: bool = True) -> Guard:
    from translate.glossary import load_glossaries
    from translate.guard import Guard

    return Guard(load_glossaries(files) if files else None, protect=protect)
