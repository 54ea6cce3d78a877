"""`translate export`: rebuild the English document from a reviewed catalogue."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from translate.cli.options import segment_options, segmentation_options, warn
from translate.errors import UserError


@click.command(
    "export",
    short_help="Rebuild the English document from a reviewed catalogue.",
)
@click.argument("catalog", metavar="CATALOG", type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "--source",
    metavar="FILE",
    help="Source document (default: the file named by the catalogue's `#:` references, "
    "relative to the current folder).",
)
@click.option(
    "-o",
    "--output",
    metavar="FILE|-",
    default="-",
    show_default=True,
    help="Where to write the document; written atomically, `-` is standard output. "
    "Never the catalogue or the source itself (refused), e.g. -o report.en.txt.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "xliff"]),
    default="text",
    show_default=True,
    help="text: the English document; xliff: the catalogue as XLIFF 1.2 for CAT tools "
    "(e.g. `--format xliff -o report.xlf`; `translate import report.xlf` brings it back).",
)
@click.option(
    "--include-fuzzy",
    is_flag=True,
    help="Also use fuzzy (machine, unreviewed) translations.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Fail (exit 1, listing the first few) when a segment has no usable translation, "
    "instead of keeping its source text.",
)
@segmentation_options
def export(
    catalog: str,
    source: str | None,
    output: str,
    output_format: str,
    include_fuzzy: bool,
    strict: bool,
    encoding: str | None,
    line_breaks: str,
    abbreviations_file: Path | None,
    max_length: int,
    input_format: str,
) -> None:
    """Write the source document with every segment replaced by its reviewed msgstr.

    The source is segmented again exactly as `translate run` did, and everything between
    segments (paragraphs, blank lines, indentation, line endings) is copied from it. Segments
    without a reviewed translation keep their source text (with --include-fuzzy, machine
    translations are used too; with --strict they are an error). The catalogue is only read.
    The document is written in the source's encoding when that is UTF-8, UTF-16 or UTF-32
    (with its byte-order mark, if it had one); a source read with a code page such as
    --encoding cp1258 is written as UTF-8.

    \b
    Examples:
      translate export locales/en/report.po -o report.en.txt
      translate export locales/en/report.po --source seeds/report.vi.txt --include-fuzzy
      translate export locales/en/page.po -o page.en.html   # only the text replaced
      translate export locales/en/report.po --format xliff -o report.xlf
    """
    if output_format == "xliff":
        from translate.pofile import read
        from translate.xliff import catalogue_to_xliff

        text = catalogue_to_xliff(read(Path(catalog)), original=catalog)
        _refuse_inputs(output, catalog, None)
        _write(output, text.encode("utf-8"))
        click.echo(f"{catalog}: written as XLIFF 1.2 to {output}", err=True)
        return
    from translate.export import ExportOptions, export_catalogue, strict_error

    options = ExportOptions(
        include_fuzzy=include_fuzzy,
        segmentation=segment_options(
            line_breaks, abbreviations_file, max_length, encoding, input_format
        ),
    )
    result, warnings = export_catalogue(catalog, source, options=options)
    for warning in warnings:
        warn(warning)
    if strict and result.missing:
        raise strict_error(result)
    if result.not_in_catalogue:
        warn(
            f"{result.not_in_catalogue} segments of {result.source} have no entry in "
            f"{catalog}: the source or the segmentation options changed since `translate run`"
        )
    _refuse_inputs(output, catalog, result.source)
    data, codec = result.encoded()
    if codec != result.encoding:  # (a code page's source: Unicode ones are given back)
        warn(
            f"{result.source} was read as {result.encoding}; the English document is written "
            "as UTF-8, which holds any translation (convert it with iconv if you need the "
            "old encoding)"
        )
    _write(output, data)
    click.echo(result.summary_line(), err=True)


def _refuse_inputs(output: str, catalog: str, source: str | None) -> None:
    if output != "-":
        from translate.export import refuse_output_over_inputs

        refuse_output_over_inputs(Path(output), Path(catalog), source or "-")


def _write(output: str, data: bytes) -> None:
    """To standard output (`-`), a device or pipe as it is, or a file atomically."""
    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        from translate.fileio import atomic_write_bytes

        target = Path(output)
        if target.is_dir():
            raise UserError(f"{target}: is a folder; give a file name for --output")
        try:
            if target.exists() and not target.is_file():
                # A device or pipe (`-o /dev/null`, a FIFO) is written to, never replaced.
                with target.open("wb") as stream:
                    stream.write(data)
            else:
                atomic_write_bytes(target, data)
        except OSError as exc:
            raise UserError(f"{target}: cannot write the document: {exc}") from exc
