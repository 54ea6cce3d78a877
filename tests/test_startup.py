"""`translate --help` stays cheap: counted imported modules, never a timer.

Each check runs in a fresh interpreter, so modules imported by the test session itself do not
hide a heavy import.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Modules that cost seconds, hundreds of MB or a noticeable pause, or that only translation
# needs.
HEAVY = (
    "torch",
    "stanza",
    "spacy",
    "transformers",
    "numpy",
    "argostranslate.translate",
    "ctranslate2",
    "sentencepiece",
    "langdetect",
    "translate.segment",  # its rules compile ~100 patterns at import (~170 ms)
)

# Run `translate ARGS --help` in-process, then report what got imported.
PROBE = """
import json, sys
from translate.cli import main
args = sys.argv[1:]
try:
    main([*args, "--help"])
except SystemExit as exc:
    code = exc.code
else:
    code = 0
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

BASELINE = "import json, sys, click; print(json.dumps({'modules': sorted(sys.modules)}))"


def imported(*args: str, probe: str = PROBE) -> dict[str, object]:
    completed = subprocess.run(
        [sys.executable, "-c", probe, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    last_line = completed.stdout.strip().splitlines()[-1]
    result: dict[str, object] = json.loads(last_line)
    return result


def subcommands() -> list[tuple[str, ...]]:
    from translate.cli import COMMANDS

    found: list[tuple[str, ...]] = [()]
    for name in sorted(COMMANDS):
        found.append((name,))
    from translate.cli.models_cmd import models

    for name in models.list_commands(None):  # type: ignore[arg-type]
        found.append(("models", name))
    return found


@pytest.mark.parametrize("args", subcommands(), ids=lambda args: " ".join(args) or "translate")
def test_help_imports_nothing_heavy(args: tuple[str, ...]) -> None:
    result = imported(*args)
    modules = set(result["modules"])  # type: ignore[arg-type]
    if args and result["code"] not in (0, None):
        pytest.skip(f"`translate {' '.join(args)}` is not available yet")
    heavy = sorted(
        name for name in modules if any(name == h or name.startswith(h + ".") for h in HEAVY)
    )
    assert heavy == []
    # The CLI skeleton plus one command module: a few dozen modules beyond Click itself.
    baseline = set(imported(probe=BASELINE)["modules"])  # type: ignore[arg-type]
    assert len(modules - baseline) < 80, sorted(modules - baseline)
