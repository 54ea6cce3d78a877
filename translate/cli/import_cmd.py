"""`translate import`: bring reviewed translations back into catalogues.

One command for every exchange format, chosen by the file's extension
(translate.importing.IMPORTERS), each in its own module: review sheets (.csv, .xlsx) in
translate.sheet.
"""

from __future__ import annotations

from pathlib import Path

import click

from translate.errors import UserError


@click.command("import", short_help="Bring edited translations back into the catalogues.")
@click.argument("file", metavar="FILE.csv|FILE.xlsx", type=click.Path(dir_okay=False))
def import_(file: str) -> None:
    """Bring back the targets a person changed in a review sheet as reviewed entries.

    FILE is a sheet from `translate review --format csv|xlsx`, edited in a spreadsheet
    (keep its header row and its catalogue and digest columns). Only targets that differ from
    the exported ones change their entry, which becomes reviewed (not fuzzy, the tool's
    `# mt:` lines dropped); every other entry stays byte for byte as it was. An entry a
    person changed in the catalogue after the export is kept and reported. Run it from the
    folder the review was made in (the catalogue column holds paths relative to it).

    \b
    Examples:
      translate review locales --format xlsx -o review.xlsx
      (edit the target column in a spreadsheet, save)
      translate import review.xlsx
    """
    import importlib

    from translate.importing import IMPORTERS, ImportReport

    path = Path(file)
    entry = IMPORTERS.get(path.suffix.lower())
    if entry is None:
        known = ", ".join(sorted(IMPORTERS))
        raise UserError(
            f"{path}: cannot import {path.suffix or 'a file without extension'}; give a "
            f"file ending in {known} (a review sheet from `translate review --format csv|xlsx`)"
        )
    module, function = entry
    report = getattr(importlib.import_module(module), function)(path)
    assert isinstance(report, ImportReport)
    for reason in report.skipped:
        click.echo(f"{path}: {reason}", err=True)
    click.echo(report.summary())
