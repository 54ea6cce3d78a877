"""`translate import`: translations brought back into the catalogues, whatever carried them.

One command, the format chosen by the file's extension, each format in its own module:
review sheets (.csv, .xlsx) in translate.sheet, XLIFF (.xlf, .xliff) in translate.xliff_import
(issue 12's exchange format, loaded only when such a file is given).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from pathlib import Path

import click

from translate.errors import UserError

SHEETS = (".csv", ".xlsx")
XLIFF = (".xlf", ".xliff")


@click.command(
    "import",
    short_help="Bring translations back into the catalogues (review sheets, XLIFF).",
    epilog="""\b
Examples:
  translate review locales --format xlsx -o review.xlsx
  (edit the target column in a spreadsheet, save)
  translate import review.xlsx               # or review.csv
  translate export locales/en/report.po --format xliff -o report.xlf
  translate import report.xlf                # back into locales/en/report.po""",
)
@click.argument(
    "file", metavar="FILE.csv|FILE.xlsx|FILE.xlf", type=click.Path(dir_okay=False, path_type=Path)
)
@click.option(
    "--catalog",
    "catalogue",
    metavar="PO",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="XLIFF only: the catalogue to update (default: the one the XLIFF's <file original> "
    "names). A review sheet names its catalogues in its catalogue column.",
)
def import_command(file: Path, catalogue: Path | None) -> None:
    """Bring translations back into their catalogues under the merge contract: only what a
    person changed is written, and reviewed work is never overwritten.

    A review sheet (.csv, .xlsx from `translate review --format csv|xlsx`, edited in a
    spreadsheet; keep its header row and its catalogue and digest columns): only targets that
    differ from the exported ones change their entry, which becomes reviewed (not fuzzy, the
    tool's `# mt:` lines dropped); an entry a person changed in the catalogue after the export
    is kept and reported. Run it from the folder the review was made in (the catalogue column
    holds paths relative to it).

    An XLIFF file (.xlf, .xliff from `translate export --format xliff`, Translate Toolkit's
    po2xliff or OmegaT): see `translate export --help`. Catalogues are written atomically,
    under their lock.

    A TMX file is refused here: it goes into the translation memory with `translate tm import
    FILE.tmx`.
    """
    suffix = file.suffix.lower()
    if suffix in SHEETS:
        if catalogue is not None:
            raise UserError(
                f"{file}: --catalog is for XLIFF files; a review sheet names its catalogues "
                "in its catalogue column"
            )
        from translate.sheet import import_sheet

        report = import_sheet(file)
        for reason in report.skipped:
            click.echo(f"{file}: {reason}", err=True)
        click.echo(report.summary())
    elif suffix in XLIFF:
        for line in _xliff_importer()(file, catalogue):
            click.echo(line, err=True)
    elif suffix == ".tmx":
        raise UserError(
            f"{file}: a TMX file goes into the translation memory, not into a catalogue; "
            f"import it with `translate tm import {file}` (the next `translate run` reuses it)"
        )
    else:
        raise UserError(
            f"{file}: cannot import {suffix or 'a file without extension'}; give a review "
            "sheet (.csv, .xlsx from `translate review`) or an XLIFF file (.xlf, .xliff)"
        )


def _xliff_importer() -> Callable[[Path, Path | None], Iterable[str]]:
    """translate.xliff_import.import_xliff, imported by name: the XLIFF module is its own."""
    try:
        module = importlib.import_module("translate.xliff_import")
    except ModuleNotFoundError as exc:
        if exc.name != "translate.xliff_import":
            raise
        raise UserError("XLIFF import is not part of this installation") from exc
    function: Callable[[Path, Path | None], Iterable[str]] = module.import_xliff
    return function
