"""`translate terms`: list, check and extract glossary terms."""

from __future__ import annotations

import json
from pathlib import Path

import click

from translate.cli.options import glossary_files, warn

_SETTINGS = {"help_option_names": ["-h", "--help"]}


@click.group("terms", context_settings=_SETTINGS)
def terms() -> None:
    """Glossaries: list the merged terms, check a glossary, extract candidate terms.

    A glossary is a TSV or CSV file whose first line names the columns source, target and
    optionally note, case (auto, sensitive, insensitive) and pos; target lists accepted
    translations separated by |, or = for a term never to translate. TBX-Basic termbases
    (.tbx) are read too. `translate run`, `check` and `stats` take --glossary FILE
    (repeatable); without it they use glossary.tsv (.csv, .tbx) in the output or
    catalogue folder, or beside the sources.

    \b
    Example glossary.tsv:
      source<TAB>target<TAB>note
      Sở Thông tin và Truyền thông<TAB>Department of Information and Communications
      UBND<TAB>People's Committee | PC<TAB>acronym
      Hue-S<TAB>=<TAB>app name, never translated
    """


def _texts(paths: tuple[str, ...]) -> list[str]:
    """Msgids of the catalogues, or lines of the plain-text sources, under ``paths``."""
    from translate.pofile import find_catalogues, live_entries, read
    from translate.sourcetext import read_source

    texts: list[str] = []
    catalogue_args = [p for p in paths if Path(p).is_dir() or p.endswith((".po", ".pot"))]
    for catalogue in find_catalogues(catalogue_args) if catalogue_args else []:
        texts.extend(m.msgid for m in live_entries(read(catalogue)))
    for path in paths:
        if path not in catalogue_args:
            texts.extend(read_source(path).text.splitlines())
    return texts


@terms.command("list", context_settings=_SETTINGS)
@click.argument("glossaries", nargs=-1, metavar="[GLOSSARY]…", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per term, with origins.")
def list_terms(glossaries: tuple[Path, ...], as_json: bool) -> None:
    """Print the merged glossary as TSV (what `translate run` uses).

    GLOSSARY files are merged in order (default: glossary.tsv, .csv or .tbx in the
    current folder or in locales/).

    \b
    Examples:
      translate terms list terms.tsv brands.csv
      translate terms list termbase.tbx --json
    """
    from translate.glossary import load_glossaries
    from translate.termtools import glossary_tsv

    files = glossary_files(glossaries, False, [Path("."), Path("locales")])
    if not files:
        raise click.UsageError("no glossary given and no glossary.tsv here or in locales/")
    glossary = load_glossaries(files)
    for warning in glossary.warnings():
        warn(warning)
    if as_json:
        for term in glossary.terms:
            click.echo(
                json.dumps(
                    {
                        "source": term.source,
                        "targets": list(term.targets),
                        "dnt": term.dnt,
                        "case": term.case,
                        "sensitive": term.sensitive,
                        "note": term.note,
                        "pos": term.pos,
                        "origin": term.origin,
                    },
                    ensure_ascii=False,
                )
            )
        return
    click.echo(glossary_tsv(glossary), nl=False)


@terms.command("check", context_settings=_SETTINGS)
@click.argument(
    "glossaries", nargs=-1, required=True, metavar="GLOSSARY…", type=click.Path(path_type=Path)
)
@click.option(
    "--in",
    "texts",
    multiple=True,
    metavar="PATH",
    help="Catalogues (.po/.pot or a folder) or plain-text sources where every term should "
    "occur; terms that never do are reported as unused. Repeatable.",
)
@click.pass_context
def check_terms(ctx: click.Context, glossaries: tuple[Path, ...], texts: tuple[str, ...]) -> None:
    """Check glossaries: exit 1 on findings, 0 when clean, 2 on a bad file.

    \b
    Findings (`file:line: kind: message`):
      duplicate   the same source and target on two rows
      conflict    a source that is do-not-translate on one row and translated on
                  another, or has different case rules
      no-target   a row without a target (ignored by run, check and stats)
      unused      a term that never occurs in the --in texts

    \b
    Examples:
      translate terms check glossary.tsv
      translate terms check glossary.tsv brands.tsv --in locales
    """
    from translate.glossary import load_glossaries
    from translate.termtools import check_glossary

    glossary = load_glossaries(glossaries)
    findings = check_glossary(glossary, _texts(texts) if texts else None)
    for finding in findings:
        click.echo(finding.as_text())
    count = len(findings)
    checked = "" if texts else "; unused terms not checked (no --in)"
    noun = "finding" if count == 1 else "findings"
    click.echo(f"{count or 'no'} {noun} in {len(glossary.terms)} terms{checked}")
    ctx.exit(1 if findings else 0)


@terms.command("extract", context_settings=_SETTINGS)
@click.argument("catalogs", nargs=-1, required=True, metavar="CATALOG…")
@click.option(
    "--min-count",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Only candidates occurring at least this often.",
)
@click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Leave out terms this glossary already has. Repeatable.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the TSV here (atomically) instead of to standard output.",
)
def extract(
    catalogs: tuple[str, ...], min_count: int, glossaries: tuple[Path, ...], output: Path | None
) -> None:
    """Propose candidate terms from catalogues (or plain-text sources) as a TSV to fill in.

    Candidates are runs of two or more capitalised syllables (names of people, places and
    institutions) and acronyms (UBND, TT&TT, CĐS), with their counts, most frequent first.
    The TSV has the glossary columns source, target (empty: to fill in), note (name or
    acronym) and count; rows left without a target are ignored when the glossary is used.

    \b
    Examples:
      translate terms extract locales > candidates.tsv
      translate terms extract locales/en/*.po --min-count 3 --glossary glossary.tsv -o new.tsv
    """
    from translate.glossary import load_glossaries
    from translate.termtools import candidates_tsv, extract_candidates

    known = load_glossaries(glossaries) if glossaries else None
    text = candidates_tsv(extract_candidates(_texts(catalogs), min_count=min_count, known=known))
    if output is None:
        click.echo(text, nl=False)
        return
    from translate.fileio import atomic_write_text

    atomic_write_text(output, text)
