"""`translate stats` and the entry classification in translate/stats.py."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translate import pofile, provenance, stats
from translate.cli import main
from translate.errors import UserError


def mt_comment(msgstr: str, score: float) -> str:
    digest = provenance.msgstr_digest(msgstr)
    return (
        f"mt: engine=argos-ctranslate2 package=translate-vi_en version=1.0 score={score} "
        f"digest={digest}"
    )


def make_catalogue(path: Path, entries: list[polib.POEntry]) -> Path:
    catalogue = polib.POFile(wrapwidth=79)
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for entry in entries:
        catalogue.append(entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(path))
    return path


def sample_entries() -> list[polib.POEntry]:
    return [
        # reviewed by a human
        polib.POEntry(msgid="Xin chào các bạn", msgstr="Hello everyone"),
        # untouched machine translation, fuzzy
        polib.POEntry(
            msgid="Sự kiện gồm nhiều hoạt động",
            msgstr="The event includes many activities",
            flags=["fuzzy"],
            tcomment=mt_comment("The event includes many activities", -0.9),
        ),
        # machine translation edited by a reviewer who left it fuzzy: no longer machine
        polib.POEntry(
            msgid="Tuần lễ chuyển đổi số",
            msgstr="Digital transformation week",
            flags=["fuzzy"],
            tcomment=mt_comment("Digital transformation weak", -0.2),
        ),
        # machine translation approved as it was: reviewed and still machine
        polib.POEntry(
            msgid="Huế 2023",
            msgstr="Hue 2023",
            tcomment="translator note\n" + mt_comment("Hue 2023", -0.1),
        ),
        polib.POEntry(msgid="Chưa dịch câu này", msgstr=""),
        polib.POEntry(msgid="Câu cũ", msgstr="Old sentence", obsolete=True),
    ]


def test_parse_machine_note() -> None:
    note = provenance.parse_machine_note("reviewer: check\n" + mt_comment("Hello", -0.532))
    assert note is not None
    assert note.score == pytest.approx(-0.532)
    assert note.digest == provenance.msgstr_digest("Hello")
    assert note.fields["package"] == "translate-vi_en"
    assert provenance.parse_machine_note("copy: source language is en") is None
    wrapped = "mt: engine=argos-ctranslate2 package=translate-vi_en\nversion=1.0 digest=abcdef12"
    assert provenance.parse_machine_note(wrapped).digest == "abcdef12"  # type: ignore[union-attr]
    prose = "mt: engine=x digest=abcdef12\nsee the glossary entry"
    assert provenance.parse_machine_note(prose).fields == {"engine": "x", "digest": "abcdef12"}  # type: ignore[union-attr]
    assert provenance.parse_machine_note("mt: engine=x score=n/a").score is None  # type: ignore[union-attr]


def test_catalogue_stats_counts(tmp_path: Path) -> None:
    path = make_catalogue(tmp_path / "en" / "doc.po", sample_entries())
    report = stats.collect_stats([path], worst=5)
    (item,) = report.catalogues
    assert (item.reviewed, item.fuzzy, item.untranslated, item.obsolete, item.machine) == (
        2,
        2,
        1,
        1,
        2,
    )
    assert item.entries == 5
    assert item.words == 4 + 6 + 5 + 2 + 4  # whitespace tokens of live msgids
    assert item.reviewed_words == 4 + 2
    assert item.reviewed_percent == pytest.approx(40.0)
    assert [(w.score, w.msgid) for w in report.worst] == [
        (-0.9, "Sự kiện gồm nhiều hoạt động"),
        (-0.1, "Huế 2023"),
    ]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[report.worst[0].line - 1] == 'msgid "Sự kiện gồm nhiều hoạt động"'


def test_folders_are_searched_and_totalled(tmp_path: Path) -> None:
    make_catalogue(tmp_path / "locales" / "en" / "a.po", sample_entries())
    make_catalogue(tmp_path / "locales" / "fr" / "b.po", sample_entries()[:1])
    (tmp_path / "locales" / "a.pot").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    report = stats.collect_stats([tmp_path / "locales", tmp_path / "locales" / "en" / "a.po"])
    assert [Path(item.path).name for item in report.catalogues] == ["a.po", "b.po"]
    assert report.total.reviewed == 3 and report.total.entries == 6
    assert report.worst == ()


def test_no_catalogue_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no catalogues"):
        pofile.find_catalogues([tmp_path])
    # A fresh clone's locales/ holds only the committed template: that is what there is.
    template = tmp_path / "doc.pot"
    template.write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    assert pofile.find_catalogues([tmp_path]) == [template]
    with pytest.raises(UserError, match="no such file"):
        pofile.find_catalogues([tmp_path / "missing.po"])


def test_stats_command_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = make_catalogue(tmp_path / "en" / "a.po", sample_entries())
    second = make_catalogue(tmp_path / "en" / "b.po", sample_entries()[:2])
    with pytest.raises(SystemExit) as exit_info:
        main(["stats", str(tmp_path), "--worst", "1"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == [
        "catalogue",
        "entries",
        "reviewed",
        "fuzzy",
        "untransl.",
        "obsolete",
        "machine",
        "words",
        "reviewed%",
    ]
    assert out[1].split() == [str(first), "5", "2", "2", "1", "1", "2", "21", "40.0"]
    assert out[2].split() == [str(second), "2", "1", "1", "0", "0", "1", "10", "50.0"]
    assert out[3].split() == ["total", "7", "3", "3", "1", "1", "3", "31", "42.9"]
    assert out[5] == "1 lowest-scoring machine translations:"
    assert out[6].startswith(f"{first}:") and "score -0.900" in out[6]

    with pytest.raises(SystemExit) as exit_info:
        main(["stats", "--json", str(first)])
    assert exit_info.value.code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["reviewed"] == 2 and data["total"]["source_words"] == 21
    assert data["catalogues"][0]["path"] == str(first)

    with pytest.raises(SystemExit) as exit_info:
        main(["stats", str(tmp_path / "nope")])
    assert exit_info.value.code == 2
    assert "no such file or folder" in capsys.readouterr().err


STATES = st.sampled_from(["reviewed", "fuzzy", "untranslated", "obsolete", "machine"])
WORDS = st.lists(st.sampled_from(["một", "hai", "Huế", "số", "dữ", "liệu"]), min_size=1, max_size=6)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(STATES, WORDS), max_size=12))
def test_counts_partition_the_catalogue(tmp_path: Path, spec: list[tuple[str, list[str]]]) -> None:
    entries = []
    for index, (state, words) in enumerate(spec):
        msgid = " ".join(words) + f" {index}"
        msgstr = "" if state == "untranslated" else f"text {index}"
        entry = polib.POEntry(msgid=msgid, msgstr=msgstr, obsolete=state == "obsolete")
        if state in ("fuzzy", "machine"):
            entry.flags = ["fuzzy"]
        if state == "machine":
            entry.tcomment = mt_comment(msgstr, -float(index))
        entries.append(entry)
    path = make_catalogue(tmp_path / "doc.po", entries)
    report = stats.collect_stats([path], worst=len(spec))
    item = report.catalogues[0]
    states = [state for state, _ in spec]
    assert item.reviewed == states.count("reviewed")
    assert item.fuzzy == states.count("fuzzy") + states.count("machine")
    assert item.untranslated == states.count("untranslated")
    assert item.obsolete == states.count("obsolete")
    assert item.machine == states.count("machine") == len(report.worst)
    assert item.words == sum(len(words) + 1 for state, words in spec if state != "obsolete")
    assert [w.score for w in report.worst] == sorted(w.score for w in report.worst)


def test_plural_entries_are_translated_when_every_form_is(tmp_path: Path) -> None:
    full = polib.POEntry(msgid="Một quả táo", msgid_plural="%d quả táo")
    full.msgstr_plural = {0: "One apple", 1: "%d apples"}
    partial = polib.POEntry(msgid="Một quả lê", msgid_plural="%d quả lê")
    partial.msgstr_plural = {0: "One pear", 1: ""}
    path = make_catalogue(tmp_path / "doc.po", [full, partial])
    (item,) = stats.collect_stats([path]).catalogues
    assert (item.reviewed, item.untranslated) == (1, 1)
