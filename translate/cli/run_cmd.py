"""`translate run`: segment, translate and create or update the catalogues."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from translate.cli.options import (
    glossary_files,
    glossary_options,
    segment_options,
    segmentation_options,
    warn,
)
from translate.cli.progress import MODES, Reporter, resolve_mode
from translate.engine import DEVICES

if TYPE_CHECKING:  # imported when the command runs: start-up stays light
    from translate.pipeline import RunSummary


@click.command(
    "run",
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="""\b
Examples:
  translate run seeds/hue-digital-transformation-week-2023.vi.txt
      → locales/hue-digital-transformation-week-2023.pot
      → locales/en/hue-digital-transformation-week-2023.po
  translate run --alternatives 2 --output-dir po docs/*.txt
  translate run --no-mt notes.vi.txt        # empty translations for people to fill
  translate run --model ./vi_en.argosmodel --device cpu article.txt
  translate run page.html README.vi.md  # markup kept out of the msgids as <1>…</1>
  translate run --glossary terms.tsv --glossary brands.tsv seeds/*.txt
  translate run --tm ~/team-memory.sqlite --tm-threshold 80 today.vi.txt

Glossary terms, URLs, e-mails, file paths, `code`, #hashtags and @handles go
through the model as placeholders (⟦1⟧) and are put back afterwards; a sentence
whose placeholders the model broke is translated again without them, and what
its translation still misses is written as a `# mt-check:` comment.

Run it again after the source or the catalogue changed: reviewed entries stay
as they are, unchanged sentences are not translated again, close matches become
fuzzy with the old translation (#| shows the old text), and removed sentences
become obsolete (#~) until --purge-obsolete.

With a translation memory (translate tm update locales/en/*.po), sentences
reviewed in any catalogue are reused: exact matches are filled without the
model, close matches become fuzzy with the memory's source as #| msgid; both
carry a `# tm: score=… origin=…` comment.""",
)
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE…")
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("locales"),
    show_default=True,
    help="Where <stem>.pot and <to>/<stem>.po go.",
)
@click.option("--from", "from_code", default="vi", show_default=True, help="Source language.")
@click.option("--to", "to_code", default="en", show_default=True, help="Target language.")
@click.option(
    "--model",
    default=None,
    metavar="CODE|PATH",
    help="Installed package code, package folder or .argosmodel file to use instead of the "
    "installed vi→en package.",
)
@click.option(
    "--beam-size", type=click.IntRange(min=1), default=4, show_default=True, help="Beam width."
)
@click.option(
    "--alternatives",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Also write the N next-best translations as `# mt-alt:` comments.",
)
@click.option(
    "--device",
    type=click.Choice(DEVICES),
    default="auto",
    show_default=True,
    help="Where the model runs; auto uses a CUDA GPU when there is one.",
)
@click.option(
    "--threads",
    type=click.IntRange(min=1),
    default=None,
    help="CPU threads for the model (default: every core; two batches run side by side).",
)
@click.option(
    "--no-mt",
    is_flag=True,
    help="Write catalogues with empty translations for manual work; no model needed.",
)
@click.option(
    "--purge-obsolete", is_flag=True, help="Drop entries whose text left the source (#~)."
)
@click.option(
    "--if-no-model",
    type=click.Choice(["fail", "no-mt"]),
    default="fail",
    show_default=True,
    help="What to do when no package is installed: fail (exit 2), or write the catalogues "
    "without machine translation (as --no-mt), say how to get a model and exit 0; the next "
    "run with a model fills in the translations. `make translate` uses no-mt.",
)
@click.option(
    "--progress",
    "progress_mode",
    type=click.Choice(MODES),
    default="auto",
    show_default=True,
    help="bar: a live line (n of N, rate, ETA); plain: a line per step and every ~10 s, for "
    "logs; none: nothing. auto: bar on a terminal, plain otherwise.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the summary line.")
@glossary_options
@click.option(
    "--no-protect",
    is_flag=True,
    help="Send URLs, e-mails, paths, `code`, #hashtags and @handles to the model as they are "
    "(glossary terms are still masked).",
)
@click.option(
    "--tm",
    "memory",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="PATH",
    help="Translation memory to use before the model (default: OUTPUT-DIR/memory.sqlite "
    "when it exists; fill it with `translate tm update`). E.g. --tm ~/team.sqlite",
)
@click.option("--no-tm", is_flag=True, help="Do not use any translation memory.")
@click.option(
    "--tm-threshold",
    type=click.FloatRange(min=1, max=100),
    default=75.0,
    show_default=True,
    help="Lowest similarity (1-100, rapidfuzz ratio) for a fuzzy memory match, as pot2po.",
)
@click.option(
    "--tm-exact",
    type=click.Choice(("fuzzy", "reviewed")),
    default="fuzzy",
    show_default=True,
    help="How exact memory matches are written: fuzzy (to be confirmed, the context may "
    "differ) or reviewed (accepted as they are, like pot2po).",
)
@segmentation_options
def run(
    sources: tuple[str, ...],
    output_dir: Path,
    from_code: str,
    to_code: str,
    model: str | None,
    beam_size: int,
    alternatives: int,
    device: str,
    threads: int | None,
    no_mt: bool,
    purge_obsolete: bool,
    if_no_model: str,
    progress_mode: str,
    quiet: bool,
    glossaries: tuple[Path, ...],
    no_glossary: bool,
    no_protect: bool,
    memory: Path | None,
    no_tm: bool,
    tm_threshold: float,
    tm_exact: str,
    line_breaks: str,
    abbreviations_file: Path | None,
    max_length: int,
    input_format: str,
    encoding: str | None,
) -> None:
    """Translate source documents into gettext catalogues, keeping all reviewed work.

    For each SOURCE writes the template OUTPUT-DIR/<stem>.pot and the catalogue
    OUTPUT-DIR/<to>/<stem>.po. Vietnamese segments get a machine translation flagged fuzzy
    with a `# mt:` comment (engine, package, score); segments in other languages or with no
    language are copied and marked `# copy:`. All documents share one batched model call.
    """
    from translate import pipeline
    from translate.memory_catalog import MemoryOptions

    options = pipeline.RunOptions(
        output_dir=output_dir,
        source_lang=from_code,
        target_lang=to_code,
        model=model,
        beam_size=beam_size,
        alternatives=alternatives,
        device=device,
        threads=threads,
        use_mt=not no_mt,
        purge_obsolete=purge_obsolete,
        segmentation=segment_options(
            line_breaks, abbreviations_file, max_length, encoding, input_format
        ),
        if_no_model=if_no_model,
        glossaries=glossary_files(
            glossaries, no_glossary, [output_dir, *(Path(s).parent for s in sources if s != "-")]
        ),
        protect=not no_protect,
        memory=MemoryOptions(
            path=memory,
            enabled=not no_tm,
            threshold=tm_threshold,
            exact_reviewed=tm_exact == "reviewed",
        ),
    )
    with Reporter("none" if quiet else resolve_mode(progress_mode)) as reporter:
        progress = pipeline.Progress(
            start=reporter.start,
            advance=reporter.advance,
            finish=reporter.finish,
            phase=reporter.phase,
        )
        summary = pipeline.run(
            list(sources),
            options,
            progress=progress,
            notice=lambda message: None if quiet else click.echo(message, err=True),
        )
    _report(summary, quiet)


def _report(summary: RunSummary, quiet: bool) -> None:
    """The run's warnings (unless quiet), its one-line summary, and what to do without a model."""
    if not quiet:
        for warning in summary.warnings:
            warn(warning)
    click.echo(summary.line(), err=True)
    if summary.missing_model is not None:
        click.echo(
            f"No model: {summary.missing_model}\nThe catalogues were written without machine "
            "translation; once a package is installed, run again to fill them in (see "
            "README.md, 'Getting a Vietnamese→English model').",
            err=True,
        )
