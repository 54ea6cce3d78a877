"""Round 15's hostile pass on untrusted input: each test is a defect found by attacking the
CLI with generated files (see the commit that added it), kept so it stays fixed."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from argos_fixture import CliResult, one_error
from hypothesis import given, settings
from hypothesis import strategies as st
from linear_time import assert_linear_work

from translate.qa.checks import entry_findings, select_checks
from translate.termtools import _starts_sentence, extract_candidates

# -- check: one huge entry of a hostile catalogue ------------------------------------------------
# `translate check` (and `review`, which shows check findings) ran for minutes on a single
# megabyte msgid: the checks' searches were quadratic in its length.


def _pair(unit: str, target: str, size: int) -> tuple[str, str]:
    return unit * (size // len(unit)), target * (size // len(target))


@pytest.mark.parametrize(
    ("unit", "target"),
    [
        ("a", "b"),  # a word with no `@` was tried as an e-mail from each of its characters
        ("1.2", "1,2"),  # each start inside a run of numbers was tried as a percentage again
        ("http://a.b/c ", "x "),  # each URL was compared with every URL kept before it
        ("1% ", "1 "),  # each percentage was searched for in the whole msgstr
    ],
    ids=["word", "number-run", "urls", "percentages"],
)
def test_checks_are_linear_in_the_entry_length(unit: str, target: str) -> None:
    assert_linear_work(lambda size: entry_findings(*_pair(unit, target, size)), 20_000, 0.5)


def test_many_distinct_placeables_are_still_found_missing_or_kept() -> None:
    msgid = " ".join(f"{n}%" for n in range(200))
    msgstr = " ".join(f"{n}%" for n in range(200) if n != 150)
    percent = select_checks(only=("percent",))
    (finding,) = entry_findings(msgid, msgstr, checks=percent)
    assert finding == ("percent", "'150%' of the msgid missing from the msgstr")
    assert entry_findings(msgid, msgid.replace("%", " percent"), checks=percent) == []


# -- terms extract: a msgid of a hundred thousand names ----------------------------------------


def test_extracting_terms_is_linear_in_the_msgid_length() -> None:
    # Each run of capitalised words searched the whole text before it for a sentence end.
    unit = "Xin Chào ông Trần Văn "

    def extract(size: int) -> None:
        extract_candidates([unit * (size // len(unit))])

    assert_linear_work(extract, 20_000, 0.5)


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(alphabet='.!?:;… \t\u00a0\n"“(«aX', max_size=8))
def test_a_sentence_start_is_read_as_the_pattern_read_it(before: str) -> None:
    pattern = re.compile(r"(?:^|[.!?:;…]\s+|[\"“(«]\s*)$")
    text = before + "Trần Văn"
    assert _starts_sentence(text, len(before)) == (pattern.search(before) is not None)


# -- glossaries: a source cell of megabytes -------------------------------------------------------

_HUGE = "Sở " * 400_000
_LONG = "Sở " * 30_000  # Python's csv refuses cells past 128 kB itself


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("terms.tsv", f"source\ttarget\nUBND\tPeople's Committee\n{_HUGE}\tDepartment\n"),
        (
            "terms.tsv",
            f"source\ttarget\tnote\nUBND\tPeople's Committee\t\n{_HUGE}\tDepartment\tx\n",
        ),
        ("terms.csv", f'source,target\nUBND,"People\'s Committee"\n"{_LONG}",Department\n'),
        (
            "terms.tbx",
            '<?xml version="1.0"?><martif type="TBX-Basic"><text><body>'
            '<termEntry id="a"><langSet xml:lang="vi"><tig><term>UBND</term></tig></langSet>'
            '<langSet xml:lang="en"><tig><term>People</term></tig></langSet></termEntry>\n'
            f'<termEntry id="b"><langSet xml:lang="vi"><tig><term>{_HUGE}</term></tig></langSet>'
            '<langSet xml:lang="en"><tig><term>Dept</term></tig></langSet></termEntry>'
            "</body></text></martif>",
        ),
    ],
    ids=["tsv", "tsv-squeezed", "csv", "tbx"],
)
def test_a_source_term_of_megabytes_gets_one_line(
    name: str, content: str, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    # The term matcher's automaton is quadratic in one needle's length: `terms check --in`
    # and `check --glossary` ran for minutes compiling a 2 MB cell (a file whose line breaks
    # were lost); a glossary term is a word or a phrase.
    glossary = tmp_path / name
    glossary.write_text(content, encoding="utf-8")
    (tmp_path / "doc.txt").write_text("Sở Nội vụ.\n", encoding="utf-8")
    result = cli("terms", "check", str(glossary), "--in", str(tmp_path / "doc.txt"))
    one_error(result, f"{glossary}:", "a source term of ", "characters (at most 1,000)")
