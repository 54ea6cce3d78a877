"""The `translate` command: a thin Click layer over the pipeline stages.

Subcommands live in their own modules and are imported only when invoked (or when their
help is shown), so `translate --help` stays as fast as a bare Python start-up: nothing here
imports ctranslate2, sentencepiece, langdetect or argostranslate at module level.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from collections.abc import Mapping
from typing import Any

import click

from translate import __version__
from translate.errors import UserError

# name -> (module, attribute, one-line contract shown by `translate --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "segment": (
        "translate.cli.segment_cmd",
        "segment",
        "Split Vietnamese documents into sentences.",
    ),
    "run": (
        "translate.cli.run_cmd",
        "run",
        "Segment, translate and create or update the catalogues.",
    ),
    "export": (
        "translate.cli.export_cmd",
        "export",
        "Rebuild the English document from a reviewed catalogue.",
    ),
    "stats": (
        "translate.cli.stats_cmd",
        "stats",
        "Count reviewed, fuzzy and untranslated entries.",
    ),
    "check": (
        "translate.cli.check_cmd",
        "check",
        "Check catalogues for translation errors (CI gate).",
    ),
    "review": (
        "translate.cli.review_cmd",
        "review",
        "Write a side-by-side review page (or sheet) of catalogues.",
    ),
    "import": (
        "translate.cli.import_cmd",
        "import_command",
        "Bring translations back into the catalogues (review sheets, XLIFF).",
    ),
    "terms": (
        "translate.cli.terms_cmd",
        "terms",
        "List, check and extract glossary terms.",
    ),
    "tm": (
        "translate.cli.tm_cmd",
        "tm",
        "Translation memory: reviewed sentences reused across documents, TMX in and out.",
    ),
    "models": (
        "translate.cli.models_cmd",
        "models",
        "List, install, build and remove Argos translation packages.",
    ),
}


class LazyGroup(click.Group):
    """A group whose subcommands named in ``lazy_subcommands`` (name → module, attribute,
    one-line help) are imported on first use; `--help` lists them without importing them."""

    def __init__(
        self,
        *args: Any,
        lazy_subcommands: Mapping[str, tuple[str, str, str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_subcommands = dict(lazy_subcommands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_subcommands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = self.lazy_subcommands.get(cmd_name)
        if entry is None:
            return super().get_command(ctx, cmd_name)
        module_name, attribute, _ = entry
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            return None
        command = getattr(module, attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            lazy = self.lazy_subcommands.get(name)
            command = None if lazy else super().get_command(ctx, name)
            if lazy is not None:
                rows.append((name, lazy[2]))
            elif command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(formatter.width)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    lazy_subcommands=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="translate")
@click.option(
    "--debug",
    is_flag=True,
    envvar="TRANSLATE_DEBUG",
    help="Show the full traceback of errors (also TRANSLATE_DEBUG=1).",
)
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Offline Vietnamese→English translation into gettext catalogues.

    \b
    Typical job:
      translate models install vi_en.argosmodel   # once; see `translate models --help`
      translate run seeds/*.txt                   # locales/<stem>.pot, locales/en/<stem>.po
      (review the .po files in Poedit, Lokalize or Weblate)
      translate check locales                     # CI gate
      translate export locales/en/<stem>.po --source seeds/<stem>.txt -o out.en.txt
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main(argv: list[str] | None = None) -> Any:
    """Console entry point: maps UserError to `Error: …` and its exit code."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:]) or os.environ.get(
        "TRANSLATE_DEBUG", ""
    ) not in ("", "0")
    try:
        result = cli.main(args=argv, prog_name="translate", standalone_mode=False)
        # Without standalone mode Click returns `ctx.exit(code)` codes instead of exiting.
        sys.exit(result if isinstance(result, int) else 0)
    except UserError as exc:
        if debug:
            traceback.print_exc()
        click.echo(f"Error: {exc.message}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        # `translate segment big.txt | head`: the reader went away; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
