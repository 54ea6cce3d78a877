"""GNU gettext's verdict on a catalogue: every catalogue the tool writes must pass
`msgfmt --check` with no warning and come back unchanged from `msgcat`."""

from __future__ import annotations

import subprocess
from pathlib import Path


def gnu(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False)


def assert_gnu_clean(path: Path) -> None:
    check = gnu("msgfmt", "--check", "-o", "/dev/null", str(path))
    assert (check.returncode, check.stderr) == (0, "")
    assert gnu("msgcat", str(path)).stdout == path.read_text(encoding="utf-8")
