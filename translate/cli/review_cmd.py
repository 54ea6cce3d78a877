"""`translate review`: a bilingual review page (or spreadsheet) of catalogues."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from translate.wording import count

if TYPE_CHECKING:
    from translate.review import Review

FORMATS = ("html", "csv", "xlsx")


def output_format(output: str, chosen: str | None) -> str:
    """--format, else the output's extension (.csv, .xlsx), else html."""
    if chosen:
        return chosen
    suffix = Path(output).suffix.lower().lstrip(".")
    return suffix if suffix in ("csv", "xlsx") else "html"


def is_folder_output(output: str) -> bool:
    """`-o pages/` or an existing folder: one page per catalogue and an index."""
    return output.endswith(("/", "\\")) or Path(output).is_dir()


@click.command("review", short_help="Write a side-by-side review page of catalogues.")
@click.argument("catalogs", metavar="CATALOG…", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    default="review.html",
    show_default=True,
    metavar="FILE|FOLDER/",
    help="The page to write; a folder (existing, or ending in /) gets one page per catalogue "
    "and index.html. With --format csv|xlsx, the sheet to write.",
)
@click.option(
    "--format",
    "chosen_format",
    type=click.Choice(FORMATS),
    default=None,
    help="html: the review page (the default, unless -o ends in .csv or .xlsx); csv, xlsx: "
    "one row per entry with source, target, state, score, findings, "
    "reference (and catalogue, digest for `translate import`).",
)
@click.option(
    "--worst",
    metavar="N",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help="How many of the lowest-scoring machine translations the overview lists.",
)
@click.option(
    "--no-msgfmt",
    is_flag=True,
    help="Do not run GNU `msgfmt --check` for the findings, even when it is installed.",
)
def review(
    catalogs: tuple[str, ...],
    output: str,
    chosen_format: str | None,
    worst: int,
    no_msgfmt: bool,
) -> None:
    """Write the catalogues as a document to review: Vietnamese left, English right, one
    sentence beside its translation, in source order; catalogues are only read.

    The page is one self-contained HTML file (no network, no external scripts or fonts) that
    opens from disk in any browser. Each sentence shows its state by colour and label
    (reviewed, machine, fuzzy, untranslated, copied, obsolete), the machine score as a bar,
    the `translate check` findings, the previous source (#|) and machine alternatives on
    demand, its #: reference and a link to its catalogue line. At the top: progress per
    catalogue and in total, a histogram of machine scores, the lowest-scoring sentences and
    the findings by check. Filter by state or finding, search both languages, sort by
    score; keys j/k go to the next/previous sentence needing review, / to the search box.

    CATALOG is a .po file or a folder searched recursively for *.po.

    \b
    Examples:
      translate review locales -o review.html
      translate review locales/en/*.po -o review/          # one page per catalogue + index
      translate review locales --format xlsx -o review.xlsx
      translate import review.xlsx                          # bring the edited targets back
    """
    from translate.review import build_review

    kind = output_format(output, chosen_format)
    data = build_review(catalogs, use_msgfmt=not no_msgfmt)
    if kind in ("csv", "xlsx"):
        click.echo(_write_sheet(data, Path(output), kind))
    elif is_folder_output(output):
        click.echo(_write_pages(data, Path(output), worst))
    else:
        from translate.fileio import atomic_write_text
        from translate.review_html import render_review

        atomic_write_text(Path(output), render_review(data, worst))
        entries = sum(len(document.entries) for document in data.documents)
        click.echo(
            f"{output}: {count(entries, 'entry', 'entries')} from "
            f"{count(len(data.documents), 'catalogue')}"
        )


def _write_sheet(data: Review, target: Path, kind: str) -> str:
    from translate.fileio import atomic_write_bytes
    from translate.sheet import sheet_rows, to_csv, to_xlsx

    rows = sheet_rows(data)
    # CSV with a BOM: spreadsheets then read it as UTF-8 (Excel guesses otherwise).
    payload = to_csv(rows).encode("utf-8-sig") if kind == "csv" else to_xlsx(rows)
    atomic_write_bytes(target, payload)
    return (
        f"{target}: {count(len(rows), 'entry', 'entries')} from "
        f"{count(len(data.documents), 'catalogue')}"
    )


def _write_pages(data: Review, folder: Path, worst: int) -> str:
    from translate.fileio import atomic_write_text
    from translate.review_html import render_pages

    _make_folder(folder)
    pages = render_pages(data, worst)
    for name, text in pages.items():
        atomic_write_text(folder / name, text)
    return f"{folder / 'index.html'}: index and {count(len(pages) - 1, 'page')}"


def _make_folder(folder: Path) -> None:
    from translate.errors import UserError

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create {folder}: {exc.strerror or exc}") from exc
