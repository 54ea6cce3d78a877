"""Running the checks over catalogues: findings, thresholds, GNU `msgfmt --check`, reports."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from translate.errors import UserError
from translate.pofile import PoSyntaxError, find_catalogues, live_entries, read
from translate.provenance import entry_state
from translate.qa.checks import CHECKS, Check, entry_findings
from translate.wording import count


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    check: str
    message: str

    def as_text(self) -> str:
        return f"{self.path}:{self.line}: {self.check}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "check": self.check, "message": self.message}


@dataclass(frozen=True)
class Threshold:
    """`--max-fuzzy 10` (entries) or `--max-fuzzy 5%` (of the catalogue's entries)."""

    value: float
    percent: bool

    def exceeded(self, count: int, total: int) -> bool:
        if self.percent:
            return total > 0 and 100.0 * count / total > self.value
        return count > self.value

    def __str__(self) -> str:
        return f"{self.value:g}%" if self.percent else f"{self.value:g}"


def parse_threshold(text: str, option: str = "threshold") -> Threshold:
    """`12` → 12 entries; `2.5%` → 2.5 per cent; UserError (exit 2) otherwise."""
    raw = text.strip()
    percent = raw.endswith("%")
    number = raw[:-1].strip() if percent else raw
    try:
        value = float(number)
    except ValueError:
        value = -1.0
    if value < 0 or (not percent and not value.is_integer()) or (percent and value > 100):
        raise UserError(f"{option} {text!r}: expected a count (e.g. 10) or a percentage (e.g. 5%)")
    return Threshold(value, percent)


@dataclass(frozen=True)
class CheckOptions:
    include_fuzzy: bool = False
    checks: Mapping[str, Check] = field(default_factory=lambda: dict(CHECKS))
    max_fuzzy: Threshold | None = None
    max_untranslated: Threshold | None = None
    use_msgfmt: bool = True


@dataclass(frozen=True)
class CatalogueSummary:
    path: str
    entries: int
    checked: int
    fuzzy: int
    untranslated: int


@dataclass(frozen=True)
class CheckReport:
    findings: tuple[Finding, ...]
    catalogues: tuple[CatalogueSummary, ...]
    msgfmt: str | None  # path of the msgfmt that ran, or None
    msgfmt_skipped: str = ""  # why msgfmt did not run, for the summary

    def summary_line(self) -> str:
        checked = sum(item.checked for item in self.catalogues)
        fuzzy = sum(item.fuzzy for item in self.catalogues)
        untranslated = sum(item.untranslated for item in self.catalogues)
        head = count(len(self.findings), "finding") if self.findings else "no findings"
        tail = f"; {self.msgfmt_skipped}" if self.msgfmt_skipped else ""
        return (
            f"{head} in {count(len(self.catalogues), 'catalogue')} "
            f"({count(checked, 'entry', 'entries')} checked; "
            f"{fuzzy} fuzzy and {untranslated} untranslated not content-checked){tail}"
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "findings": [finding.as_dict() for finding in self.findings],
            "catalogues": [
                {
                    "path": item.path,
                    "entries": item.entries,
                    "checked": item.checked,
                    "fuzzy": item.fuzzy,
                    "untranslated": item.untranslated,
                }
                for item in self.catalogues
            ],
            "msgfmt": self.msgfmt,
            "summary": self.summary_line(),
        }


_MSGFMT_PROGRAM = re.compile(r"^(?:\S*/)?msgfmt: ")
_MSGFMT_TOTAL = re.compile(r"^(?:\S*/)?msgfmt: found \d+ fatal errors?$")
_MSGFMT_LOCATION = re.compile(r"(\d+):(?:\d+:)? ?(.*)$", re.DOTALL)


def parse_msgfmt_output(output: str, path: str) -> list[Finding]:
    """Findings from `msgfmt --check` stderr (`file:line: message`), continuations folded in."""
    findings: list[Finding] = []
    for raw in output.splitlines():
        line = raw.rstrip()
        if not line or _MSGFMT_TOTAL.match(line):
            continue
        if line[:1].isspace() and findings:
            # msgfmt indents the continuation of a long message under its first line.
            previous = findings[-1]
            joined = f"{previous.message}; {line.strip()}"
            findings[-1] = Finding(previous.path, previous.line, previous.check, joined)
            continue
        located = (
            _MSGFMT_LOCATION.match(line[len(path) + 1 :]) if line.startswith(path + ":") else None
        )
        if located is None:
            message = _MSGFMT_PROGRAM.sub("", line).removeprefix(path + ": ")
            findings.append(Finding(path, 1, "msgfmt", message))
            continue
        number, message = int(located.group(1)), located.group(2)
        if message.startswith("...") and findings:
            # `...this is the location of the first definition` belongs to the line before.
            previous = findings[-1]
            joined = f"{previous.message.rstrip('. ')} (see line {number}: {message.strip('. ')})"
            findings[-1] = Finding(previous.path, previous.line, previous.check, joined)
            continue
        findings.append(Finding(path, number, "msgfmt", message))
    return findings


def run_msgfmt(path: str, msgfmt: str) -> list[Finding]:
    """`msgfmt --check` on one catalogue, its warnings and errors as findings."""
    import os

    environment = {**os.environ, "LC_ALL": "C", "LANGUAGE": ""}
    try:
        completed = subprocess.run(
            [msgfmt, "--check", "-o", os.devnull, "--", path],
            capture_output=True,
            text=True,
            errors="replace",
            env=environment,
            timeout=300,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [Finding(path, 1, "msgfmt", f"could not run {msgfmt}: {exc}")]
    findings = parse_msgfmt_output(completed.stderr, path)
    if completed.returncode != 0 and not findings:
        findings.append(Finding(path, 1, "msgfmt", f"exited with status {completed.returncode}"))
    return findings


def check_catalogue(
    path: Path,
    options: CheckOptions,
    msgfmt: str | None,
    detect: Callable[[str], str] | None = None,
) -> tuple[list[Finding], CatalogueSummary]:
    """All findings for one catalogue file."""
    name = str(path)
    findings: list[Finding] = []
    if msgfmt is not None:
        findings += run_msgfmt(name, msgfmt)
    try:
        catalogue = read(path)
    except PoSyntaxError as exc:
        findings.append(Finding(name, exc.line or 1, "parse", exc.problem))
        findings.sort(key=lambda finding: finding.line)
        return findings, CatalogueSummary(name, 0, 0, 0, 0)
    except UserError as exc:
        findings.append(Finding(name, 1, "parse", exc.message.removeprefix(f"{name}: ")))
        findings.sort(key=lambda finding: finding.line)
        return findings, CatalogueSummary(name, 0, 0, 0, 0)

    entries = live_entries(catalogue)
    states = [entry_state(entry) for entry in entries]
    fuzzy = states.count("fuzzy")
    untranslated = states.count("untranslated")
    checked = 0
    for entry, state in zip(entries, states, strict=True):
        if state == "untranslated" or entry.msgid_plural is not None:
            if state == "untranslated" and entry.translated and not entry.fuzzy:
                # msginit/msgen copied the msgid: counted untranslated, and said so
                pairs = entry_findings(entry.msgid, entry.msgstr, detect, options.checks)
                line = entry.line or 1
                findings += [Finding(name, line, c, m) for c, m in pairs if c == "untranslated"]
            continue
        if state == "fuzzy" and not options.include_fuzzy:
            continue
        checked += 1
        line = entry.line or 1
        for check, message in entry_findings(entry.msgid, entry.msgstr, detect, options.checks):
            findings.append(Finding(name, line, check, message))

    total = len(entries)
    header_line = catalogue.header.line or 1
    for label, found, threshold in (
        ("fuzzy", fuzzy, options.max_fuzzy),
        ("untranslated", untranslated, options.max_untranslated),
    ):
        if threshold is not None and threshold.exceeded(found, total):
            share = 100.0 * found / total if total else 0.0
            findings.append(
                Finding(
                    name,
                    header_line,
                    f"max-{label}",
                    f"{found} {label} entries ({share:.1f}% of {total}) exceed "
                    f"--max-{label} {threshold}",
                )
            )
    findings.sort(key=lambda finding: finding.line)
    included = fuzzy if options.include_fuzzy else 0
    summary = CatalogueSummary(name, total, checked, fuzzy - included, untranslated)
    return findings, summary


def check_catalogues(
    paths: Iterable[str | Path],
    options: CheckOptions = CheckOptions(),
    detect: Callable[[str], str] | None = None,
) -> CheckReport:
    """Check every catalogue named or found under ``paths`` (UserError when there is none)."""
    catalogues = find_catalogues(paths)
    msgfmt = shutil.which("msgfmt") if options.use_msgfmt else None
    if not options.use_msgfmt:
        skipped = "msgfmt --check not run (--no-msgfmt)"
    elif msgfmt is None:
        skipped = "msgfmt --check not run (GNU gettext is not installed)"
    else:
        skipped = ""
    findings: list[Finding] = []
    summaries: list[CatalogueSummary] = []
    for path in catalogues:
        found, summary = check_catalogue(path, options, msgfmt, detect)
        findings += found
        summaries.append(summary)
    return CheckReport(tuple(findings), tuple(summaries), msgfmt, skipped)
