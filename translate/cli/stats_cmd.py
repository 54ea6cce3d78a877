"""`translate stats`: progress counts of catalogues."""

from __future__ import annotations

import json
from pathlib import Path

import click

from translate.cli.options import catalogue_folders, glossary_files, glossary_options, load_guard


@click.command("stats", short_help="Count reviewed, fuzzy and untranslated entries.")
@click.argument("catalogs", metavar="CATALOG…", nargs=-1, required=True)
@click.option(
    "--worst",
    metavar="N",
    type=click.IntRange(min=0),
    default=0,
    help="Also list the N lowest-scoring machine translations still untouched by a reviewer.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option(
    "--chart",
    is_flag=True,
    help="Also draw progress per catalogue and a histogram of machine scores with Unicode "
    "blocks (the charts of `translate review`; not with --json).",
)
@glossary_options
def stats(
    catalogs: tuple[str, ...],
    worst: int,
    as_json: bool,
    chart: bool,
    glossaries: tuple[Path, ...],
    no_glossary: bool,
) -> None:
    """Count the entries of each catalogue by state, and the total; files are only read.

    CATALOG is a .po file or a folder searched recursively for *.po (for *.pot
    templates when it holds no catalogue yet). Columns: reviewed (not
    fuzzy, msgstr filled), fuzzy, untranslated (empty msgstr), obsolete (#~), machine (machine
    translations a reviewer has not changed, per their `# mt:` digest), source words and the
    share of entries reviewed. Source words are whitespace-separated tokens of the msgids:
    for Vietnamese these are syllables, as in `pocount`. The header entry is not counted.

    With a glossary (--glossary FILE, or glossary.tsv in the CATALOG folder or the one
    above it) a last line gives its compliance: how many glossary-term uses of the
    translated entries have a required translation, and how many protected spans (URLs,
    e-mails, paths, `code`, #hashtags, @handles, do-not-translate terms) are kept exactly.

    \b
    Examples:
      translate stats locales
      translate stats locales/en/report.po --worst 10
      translate stats locales --json
      translate stats locales --chart
      translate stats locales --glossary terms.tsv
    """
    from translate.stats import collect_stats, format_table

    files = glossary_files(glossaries, no_glossary, catalogue_folders(catalogs))
    report = collect_stats(catalogs, worst=worst, guard=load_guard(files) if files else None)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(report))
    if chart and not as_json:
        from translate.charts import charts, read_review

        click.echo("")
        click.echo(charts(read_review(catalogs)))
