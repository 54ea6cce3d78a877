"""`translate import`: translations from an XLIFF file back into the catalogue."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(
    "import",
    short_help="Merge an XLIFF file's translations back into the catalogue.",
    epilog="""\b
Examples:
  translate export locales/en/report.po --format xliff -o report.xlf
  (translate report.xlf in OmegaT, Trados, Virtaal…)
  translate import report.xlf                # back into locales/en/report.po
  translate import po2xliff-output.xlf --catalog locales/en/report.po""",
)
@click.argument("xliff", metavar="FILE.xlf", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--catalog",
    "catalogue",
    metavar="PO",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The catalogue to update (default: the one the XLIFF's <file original> names).",
)
def import_command(xliff: Path, catalogue: Path | None) -> None:
    """Merge the translations of an XLIFF 1.2 file into its catalogue, under the same merge
    contract as `translate run`: only what changed is written, and reviewed work is never
    overwritten by machine or fuzzy output.

    A unit the translator approved (approved="yes", or state translated/signed-off/final), or
    whose target differs from the text `translate export` wrote, becomes a reviewed entry; other
    targets are imported as fuzzy, never over a reviewed entry. A reviewed entry changed both
    in the catalogue and in the XLIFF since the export stays as in the catalogue and is
    reported as a conflict. Files from `translate export --format xliff`, Translate Toolkit's
    po2xliff and OmegaT are understood. The catalogue is written atomically, under its lock.
    """
    from translate.xliff_import import import_xliff

    for line in import_xliff(xliff, catalogue):
        click.echo(line, err=True)
