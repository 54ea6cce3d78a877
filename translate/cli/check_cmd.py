"""`translate check`: the CI gate for catalogues."""

from __future__ import annotations

import json
from pathlib import Path

import click

from translate.cli.options import catalogue_folders, glossary_files, glossary_options, load_guard
from translate.qa.checks import CHECKS

# Checks on the whole file, beside the per-entry CHECKS registry.
FILE_CHECKS = {
    "msgfmt": "GNU `msgfmt --check` errors and warnings (when installed)",
    "parse": "the catalogue cannot be parsed",
    "max-fuzzy": "more fuzzy entries than --max-fuzzy allows",
    "max-untranslated": "more untranslated entries than --max-untranslated allows",
}


def _check_names(values: tuple[str, ...], option: str) -> tuple[str, ...]:
    # `--only number,date` as well as `--only number --only date`, as linters take them.
    names = tuple(name.strip() for value in values for name in value.split(",") if name.strip())
    for name in names:
        if name in FILE_CHECKS:
            raise click.BadParameter(
                f"{name!r} checks the whole file, not each entry (parse always runs, msgfmt "
                "unless --no-msgfmt, max-fuzzy and max-untranslated with their options); --only "
                "and --skip choose among the entry checks",
                param_hint=option,
            )
        if name not in CHECKS:
            known = ", ".join(CHECKS)
            raise click.BadParameter(f"unknown check {name!r}; known: {known}", param_hint=option)
    return names


def _checks_help() -> str:
    width = max(len(name) for name in (*CHECKS, *FILE_CHECKS)) + 2
    # Indented as the docstring's own lines, which Click dedents as a whole.
    rows = [f"      {name:<{width}}{check.summary}" for name, check in CHECKS.items()]
    rows += [f"      {name:<{width}}{summary}" for name, summary in FILE_CHECKS.items()]
    return "\n".join(rows)


@click.command("check", short_help="Check catalogues for translation errors (CI gate).")
@click.argument("catalogs", metavar="CATALOG…", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: `file:line: check: message` lines and a summary; json: one object for tools.",
)
@click.option(
    "--include-fuzzy",
    is_flag=True,
    help="Also content-check fuzzy entries (by default only counted).",
)
@click.option(
    "--max-fuzzy",
    metavar="N|P%",
    help="Fail when a catalogue has more than N fuzzy entries (or more than P% of them).",
)
@click.option(
    "--max-untranslated",
    metavar="N|P%",
    help="Fail when a catalogue has more than N untranslated entries (or P%).",
)
@click.option(
    "--only",
    "only",
    metavar="NAME",
    multiple=True,
    help="Run only this entry check (repeatable, or comma-separated); names are listed below.",
)
@click.option(
    "--skip",
    "skip",
    metavar="NAME",
    multiple=True,
    help="Do not run this entry check (repeatable, or comma-separated).",
)
@click.option(
    "--no-msgfmt",
    is_flag=True,
    help="Do not run GNU `msgfmt --check`, even when it is installed.",
)
@glossary_options
@click.pass_context
def check(
    ctx: click.Context,
    catalogs: tuple[str, ...],
    output_format: str,
    include_fuzzy: bool,
    max_fuzzy: str | None,
    max_untranslated: str | None,
    only: tuple[str, ...],
    skip: tuple[str, ...],
    no_msgfmt: bool,
    glossaries: tuple[Path, ...],
    no_glossary: bool,
) -> None:
    """Report translation errors in catalogues: exit 1 on any finding, 0 when clean, 2 on
    usage errors. Files are only read.

    CATALOG is a .po file or a folder searched recursively for *.po (for *.pot
    templates when it holds no catalogue yet). Checks, by name:

    \b
    {checks}

    Placeables accept English forms: 900.000 → 900,000 or 900000, 3,5% → 3.5%,
    12/11/2023 → November 12, 2023, 7h30 → 7:30, tháng 11 → November.

    Content checks apply to translated (reviewed) entries; fuzzy ones are counted in the
    summary unless --include-fuzzy. The glossary check uses --glossary FILE (repeatable), else
    glossary.tsv (.csv, .tbx) in the CATALOG folder or the folder above it.

    \b
    Examples:
      translate check locales
      translate check locales --max-fuzzy 0 --max-untranslated 5%
      translate check locales/en/report.po --format json
      translate check locales --skip length --skip language
      translate check locales --glossary terms.tsv --only glossary --only protected
    """
    from translate.compliance import bind_checks
    from translate.qa import CheckOptions, check_catalogues, parse_threshold, select_checks

    checks = select_checks(_check_names(only, "--only"), _check_names(skip, "--skip"))
    files = glossary_files(glossaries, no_glossary, catalogue_folders(catalogs))
    options = CheckOptions(
        include_fuzzy=include_fuzzy,
        checks=bind_checks(checks, load_guard(files)),
        max_fuzzy=parse_threshold(max_fuzzy, "--max-fuzzy") if max_fuzzy is not None else None,
        max_untranslated=(
            parse_threshold(max_untranslated, "--max-untranslated")
            if max_untranslated is not None
            else None
        ),
        use_msgfmt=not no_msgfmt,
    )
    report = check_catalogues(catalogs, options)
    if output_format == "json":
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        for finding in report.findings:
            click.echo(finding.as_text())
        click.echo(report.summary_line())
    ctx.exit(1 if report.findings else 0)


assert check.help is not None
check.help = check.help.replace("    {checks}", _checks_help())
