"""Catalogue building and the update contract, without files or a model.

Translations here are constructed ``Translation`` values standing for engine output; the
end-to-end tests in test_run.py use the real fixture model.
"""

from __future__ import annotations

import itertools
import random
import shutil
import subprocess
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate import catalog, catalog_header, closematch, provenance
from translate.catalog import (
    TemplateEntry,
    apply_update,
    catalogue_stem,
    current_date,
    plan_update,
    render_template,
    template_entries,
)
from translate.catalog_header import finish_catalogue
from translate.document import NO_LANGUAGE, BreakKind, Document, Note, Segment
from translate.pofile import Message, PoFile, header_fields, parse, serialize
from translate.provenance import has_current_machine_note, msgstr_digest
from translate.translation import Alternative, MachineSource, Translation

MACHINE = MachineSource("argos-ctranslate2", "translate-vi_en", "1.0")
DATE = "2023-11-12 07:26+0000"
LATER = "2024-01-02 03:04+0000"
MSGMERGE = shutil.which("msgmerge")
MSGCAT = shutil.which("msgcat")
MSGFMT = shutil.which("msgfmt")
needs_gettext = pytest.mark.skipif(
    not (MSGMERGE and MSGCAT and MSGFMT), reason="GNU gettext is not installed"
)


def document(
    path: str, lines: Sequence[tuple[str, str]], notes: dict[int, tuple[Note, ...]] | None = None
) -> Document:
    """A document with one segment per line: (text, lang) pairs."""
    text = "\n".join(line for line, _ in lines) + "\n"
    segments = []
    offset = 0
    for number, (line, lang) in enumerate(lines, start=1):
        segments.append(
            Segment(
                text=line,
                start=offset,
                end=offset + len(line),
                line=number,
                paragraph=number - 1,
                break_kind=BreakKind.PARAGRAPH,
                lang=lang,
                notes=(notes or {}).get(number, ()),
            )
        )
        offset += len(line) + 1
    return Document(text=text, segments=tuple(s for s in segments if s.text), path=path)


def mt(
    text: str, score: float = -0.5, alternatives: Sequence[tuple[str, float]] = ()
) -> Translation:
    return Translation(
        source="",
        text=text,
        score=score,
        alternatives=tuple(Alternative(t, s) for t, s in alternatives),
    )


def fake_model(msgids: Sequence[str]) -> dict[str, Translation]:
    """Stand-in engine output for catalogue unit tests: a recognisable function of the input."""
    return {msgid: mt(f"EN[{msgid}]", -0.25) for msgid in msgids}


SOURCE = [
    ("Tuần lễ chuyển đổi số Huế 2023 diễn ra trong hai ngày.", "vi"),
    ("Return to top", "en"),
    ("12/11/2023 07:26", NO_LANGUAGE),
    ("Bonjour tout le monde", "fr"),
    ("Tuần lễ chuyển đổi số Huế 2023 diễn ra trong hai ngày.", "vi"),
    ("Các đại biểu nghe giới thiệu về các giải pháp số.", "vi"),
]


def update(
    entries: Sequence[TemplateEntry],
    old: PoFile | None,
    *,
    use_mt: bool = True,
    purge: bool = False,
) -> tuple[PoFile, catalog.UpdatePlan]:
    plan = plan_update(entries, old, source_lang="vi", use_mt=use_mt)
    messages = apply_update(
        entries,
        old,
        plan,
        fake_model(plan.needs_mt),
        source_lang="vi",
        target_lang="en",
        machine=MACHINE,
        purge_obsolete=purge,
    )
    text = finish_catalogue(
        messages,
        old,
        serialize(old) if old is not None else None,
        project="doc",
        source_lang="vi",
        target_lang="en",
        pot_date=DATE,
        now=DATE if old is None else LATER,
    )
    if text is None:
        assert old is not None
        return old, plan
    return parse(text), plan


def by_msgid(po: PoFile) -> dict[str, Message]:
    return {m.msgid: m for m in po.messages}


def test_template_dedups_messages_and_lists_every_reference_in_order() -> None:
    first = document("seeds/a.vi.txt", SOURCE, notes={6: (Note.REPAIRED_JOIN, Note.WRAPPED)})
    second = document("seeds/b.vi.txt", [("Return to top", "en"), ("", "vi")])
    entries = template_entries([first, second])
    assert [e.msgid for e in entries] == [
        SOURCE[0][0],
        "Return to top",
        "12/11/2023 07:26",
        "Bonjour tout le monde",
        SOURCE[5][0],
    ]
    assert entries[0].references == ("seeds/a.vi.txt:1", "seeds/a.vi.txt:5")
    assert entries[1].references == ("seeds/a.vi.txt:2", "seeds/b.vi.txt:1")
    assert entries[4].notes == (
        "repaired scrape join: split from the text before it",
        "hard-wrapped over 1 source lines",
    )


def test_wrapped_segment_note_counts_source_lines() -> None:
    segment = Segment("một câu\nbị ngắt\ndòng.", 0, 19, 1, 0, BreakKind.END, "vi", (Note.WRAPPED,))
    assert catalog.segment_notes(segment) == ("hard-wrapped over 3 source lines",)


@needs_gettext
def test_template_is_valid_and_msgcat_stable(tmp_path: Path) -> None:
    text = render_template([document("seeds/a.vi.txt", SOURCE)], date=DATE)
    assert '"POT-Creation-Date: 2023-11-12 07:26+0000\\n"' in text
    path = tmp_path / "a.pot"
    path.write_text(text, encoding="utf-8")
    assert subprocess.run([MSGCAT, str(path)], capture_output=True, text=True).stdout == text  # type: ignore[list-item]
    check = subprocess.run(
        [MSGFMT, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )  # type: ignore[list-item]
    assert (check.returncode, check.stderr) == (0, "")


def test_stem_drops_extension_and_source_language() -> None:
    assert catalogue_stem("seeds/hue-digital-transformation-week-2023.vi.txt", "vi") == (
        "hue-digital-transformation-week-2023"
    )
    assert catalogue_stem("notes.txt", "vi") == "notes"
    assert catalogue_stem("README", "vi") == "README"
    assert catalogue_stem("-", "vi") == "stdin"


def test_source_date_epoch_sets_dates() -> None:
    assert current_date({"SOURCE_DATE_EPOCH": "1699773960"}) == DATE
    with pytest.raises(Exception, match="SOURCE_DATE_EPOCH"):
        current_date({"SOURCE_DATE_EPOCH": "yesterday"})


def test_new_catalogue_layout() -> None:
    entries = template_entries([document("seeds/a.vi.txt", SOURCE)])
    po, plan = update(entries, None)
    assert plan.needs_mt == (SOURCE[0][0], SOURCE[5][0])
    messages = by_msgid(po)
    machine = messages[SOURCE[0][0]]
    assert machine.fuzzy and machine.msgstr == f"EN[{SOURCE[0][0]}]"
    assert machine.comments[0].startswith(
        "mt: engine=argos-ctranslate2 package=translate-vi_en version=1.0 score=-0.250 digest="
    )
    assert has_current_machine_note(machine)
    english = messages["Return to top"]
    assert (english.msgstr, english.fuzzy) == ("Return to top", False)
    assert english.comments == ("copy: source language is en, not sent to the model",)
    number = messages["12/11/2023 07:26"]
    assert not number.fuzzy and number.comments[0].startswith("copy: no words to translate")
    french = messages["Bonjour tout le monde"]
    assert french.fuzzy and french.msgstr == french.msgid
    assert po.field("Language") == "en" and po.field("X-Source-Language") == "vi"
    assert po.field("Plural-Forms") == "nplurals=2; plural=(n != 1);"


def test_alternatives_follow_the_mt_line() -> None:
    entries = template_entries([document("a.vi.txt", SOURCE[:1])])
    plan = plan_update(entries, None, source_lang="vi")
    translation = mt("best", -0.1, [("second\nline", -0.7), ("third", -0.9)])
    (message,) = apply_update(
        entries,
        None,
        plan,
        {SOURCE[0][0]: translation},
        source_lang="vi",
        target_lang="en",
        machine=MACHINE,
    )
    assert message.comments[1:] == (
        "mt-alt: score=-0.700 | second line",
        "mt-alt: score=-0.900 | third",
    )
    assert message.comments[0].endswith(f"digest={msgstr_digest('best')}")


def test_no_mt_writes_empty_msgstr_without_fuzzy() -> None:
    entries = template_entries([document("a.vi.txt", SOURCE)])
    po, plan = update(entries, None, use_mt=False)
    assert plan.needs_mt == ()
    message = by_msgid(po)[SOURCE[0][0]]
    assert (message.msgstr, message.fuzzy, message.comments) == ("", False, ())
    # A later run with the model fills them in.
    _, later = update(entries, po)
    assert later.needs_mt == (SOURCE[0][0], SOURCE[5][0])


def reviewed_catalogue() -> tuple[PoFile, tuple[TemplateEntry, ...]]:
    entries = template_entries([document("seeds/a.vi.txt", SOURCE)])
    po, _ = update(entries, None)
    messages = []
    for message in po.messages:
        if message.msgid == SOURCE[0][0]:  # reviewer rewrote it and cleared fuzzy
            message = replace(
                message, msgstr="Hue Digital Transformation Week 2023 lasts two days.", fuzzy=False
            )
            message = replace(message, comments=("checked with the organisers", *message.comments))
        if message.msgid == SOURCE[5][0]:  # reviewer accepted the MT as it is
            message = replace(message, fuzzy=False)
        messages.append(message)
    return replace(po, messages=tuple(messages)), entries


def test_unchanged_rerun_needs_no_model_and_writes_nothing() -> None:
    entries = template_entries([document("seeds/a.vi.txt", SOURCE)])
    first, _ = update(entries, None)
    plan = plan_update(entries, first, source_lang="vi")
    assert plan.needs_mt == ()
    messages = apply_update(
        entries, first, plan, {}, source_lang="vi", target_lang="en", machine=MACHINE
    )
    old_text = serialize(first)
    assert (
        finish_catalogue(
            messages,
            first,
            old_text,
            project="doc",
            source_lang="vi",
            target_lang="en",
            pot_date=DATE,
            now=LATER,
        )
        is None
    )


def test_a_copy_comment_in_the_old_wording_is_still_the_tools_and_left_alone() -> None:
    """Catalogues written before the wording changed are not rewritten for it."""
    entries = template_entries([document("seeds/a.vi.txt", SOURCE)])
    first, _ = update(entries, None)
    old_wording = "copy: no language (numbers, dates or punctuation only), not sent to the model"
    aged = PoFile(
        first.header,
        [
            replace(m, comments=("a reviewer's note", old_wording)) if provenance.is_copy(m) else m
            for m in first.messages
        ],
    )
    again, plan = update(entries, aged)
    assert plan.needs_mt == ()
    number = by_msgid(again)["12/11/2023 07:26"]
    assert number.comments == ("a reviewer's note", old_wording)
    assert provenance.is_copy_line(old_wording) and provenance.is_copy(number)
    assert by_msgid(first)["12/11/2023 07:26"].comments == (provenance.copy_comment(NO_LANGUAGE),)


def test_reviewed_entries_are_never_changed_and_stale_mt_lines_go() -> None:
    reviewed, entries = reviewed_catalogue()
    po, plan = update(entries, reviewed)
    assert plan.needs_mt == ()
    edited = by_msgid(po)[SOURCE[0][0]]
    assert edited.msgstr == "Hue Digital Transformation Week 2023 lasts two days."
    assert not edited.fuzzy
    assert edited.comments == ("checked with the organisers",)  # stale `# mt:` dropped
    accepted = by_msgid(po)[SOURCE[5][0]]
    assert not accepted.fuzzy and has_current_machine_note(accepted)  # digest still matches
    # the stale line went, but no translation changed: the revision date stays (issue 12, case 8)
    assert po.field("PO-Revision-Date") == DATE


def test_changed_source_fuzzy_match_obsolete_and_purge() -> None:
    reviewed, _ = reviewed_catalogue()
    changed = [
        ("Tuần lễ chuyển đổi số Huế 2023 diễn ra trong ba ngày.", "vi"),  # edited sentence
        ("Return to top", "en"),
        ("Một câu hoàn toàn mới được thêm vào văn bản.", "vi"),  # added
        ("12/11/2023 07:26", NO_LANGUAGE),
    ]  # "Bonjour…" and SOURCE[5] deleted
    entries = template_entries([document("seeds/a.vi.txt", [("", "vi"), *changed])])
    po, plan = update(entries, reviewed)
    assert plan.needs_mt == (changed[0][0], changed[2][0])
    messages = by_msgid(po)
    edited = messages[changed[0][0]]
    assert edited.fuzzy
    assert edited.msgstr == "Hue Digital Transformation Week 2023 lasts two days."
    assert edited.previous_msgid == SOURCE[0][0]
    assert edited.comments == (
        "checked with the organisers",
        f"mt-suggestion: score=-0.250 | EN[{changed[0][0]}]",
    )
    assert messages[changed[2][0]].msgstr == f"EN[{changed[2][0]}]"
    # References moved with the inserted line; identity is the text.
    assert messages["Return to top"].references == ("seeds/a.vi.txt:3",)
    obsolete = [m for m in po.messages if m.obsolete]
    assert {m.msgid for m in obsolete} == {"Bonjour tout le monde", SOURCE[5][0]}
    assert all(not m.references for m in obsolete)
    purged, _ = update(entries, reviewed, purge=True)
    assert not [m for m in purged.messages if m.obsolete]
    # A segment that comes back revives its obsolete entry, translation and all.
    back, plan_back = update(template_entries([document("seeds/a.vi.txt", SOURCE)]), po)
    revived = by_msgid(back)[SOURCE[5][0]]
    assert not revived.obsolete and revived.msgstr == by_msgid(reviewed)[SOURCE[5][0]].msgstr
    assert SOURCE[5][0] not in plan_back.needs_mt


def test_foreign_formatting_merges_cleanly(tmp_path: Path) -> None:
    import polib

    reviewed, entries = reviewed_catalogue()
    ours, _ = update(entries, reviewed)
    ours_text = serialize(ours)
    # polib re-saves with its own wrapping, entries reordered, an extra header field.
    foreign = polib.pofile(ours_text, wrapwidth=40)
    foreign.metadata["X-Poedit-SourceCharset"] = "UTF-8"
    live = [e for e in foreign if not e.obsolete]
    for entry in live:
        foreign.remove(entry)
    for entry in reversed(live):
        foreign.append(entry)
    path = tmp_path / "foreign.po"
    foreign.save(str(path))
    reread = catalog_from(path)
    again, plan = update(entries, reread)
    assert plan.needs_mt == ()
    assert again.field("X-Poedit-SourceCharset") == "UTF-8"
    assert [m.msgid for m in again.messages] == [m.msgid for m in ours.messages]
    assert [replace(m) for m in again.messages] == list(ours.messages)


def catalog_from(path: Path) -> PoFile:
    from translate import pofile

    return pofile.read(path)


@needs_gettext
def test_provenance_survives_gnu_msgmerge(tmp_path: Path) -> None:
    entries = template_entries([document("seeds/a.vi.txt", SOURCE)])
    po, _ = update(entries, None)
    po_path, pot_path = tmp_path / "a.po", tmp_path / "a.pot"
    po_path.write_text(serialize(po), encoding="utf-8")
    pot_path.write_text(
        render_template([document("seeds/a.vi.txt", [("", "vi"), *SOURCE])], date=DATE),
        encoding="utf-8",
    )
    merged = subprocess.run(
        [MSGMERGE, "--quiet", "--previous", str(po_path), str(pot_path)],  # type: ignore[list-item]
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    after = by_msgid(parse(merged))
    for message in po.messages:
        if message.comments and message.comments[0].startswith("mt:"):
            assert after[message.msgid].comments == message.comments
            assert has_current_machine_note(after[message.msgid])
            assert after[message.msgid].fuzzy
    # And our own update reads msgmerge's output without needing the model again.
    _, plan = update(entries, parse(merged))
    assert plan.needs_mt == ()


def test_header_keeps_fields_people_set_and_fills_placeholders() -> None:
    old = PoFile(
        header=Message(
            msgid="",
            msgstr=(
                "Project-Id-Version: PACKAGE VERSION\nLast-Translator: Lan <lan@example.org>\n"
                "Language-Team: LANGUAGE <LL@li.org>\nX-Poedit-Basepath: .\n"
                "Content-Type: text/plain; charset=CHARSET\n"
            ),
        )
    )
    header = catalog_header.catalogue_header(
        old.header,
        project="doc",
        source_lang="vi",
        target_lang="en",
        pot_date=DATE,
        revision_date=LATER,
    )
    fields = dict(header_fields(header.msgstr))
    assert fields["Last-Translator"] == "Lan <lan@example.org>"
    assert fields["Project-Id-Version"] == "doc"
    assert fields["Language-Team"] == "English"
    assert fields["X-Poedit-Basepath"] == "."
    assert fields["Content-Type"] == "text/plain; charset=UTF-8"
    assert fields["PO-Revision-Date"] == LATER


def test_update_with_one_percent_changed_scales() -> None:
    # Zipf-distributed vocabulary, as in real text: a few very common words, many rare ones.
    rng = random.Random(7)
    syllables = [a + b for a in "bcdghklmnpqrstvx" for b in "aăâeêioôơuưy"]
    vocabulary = [rng.choice(syllables) + rng.choice(syllables) for _ in range(6000)]
    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
    sentences = list(
        dict.fromkeys(
            " ".join(rng.choices(vocabulary, cum_weights=weights, k=rng.randint(8, 30))) + "."
            for _ in range(20000)
        )
    )
    old = PoFile(messages=tuple(Message(msgid=s, msgstr=f"t{i}") for i, s in enumerate(sentences)))
    edited = {s: s.replace(" ", " mới ", 1) for s in sentences[::100]}
    entries = [
        TemplateEntry(edited.get(s, s), (f"a.txt:{i}",), (), "vi") for i, s in enumerate(sentences)
    ]
    started = time.perf_counter()
    plan = plan_update(entries, old, source_lang="vi")
    elapsed = time.perf_counter() - started
    assert set(plan.needs_mt) == set(edited.values())
    assert {new: plan.matches[new].msgid for new in edited.values()} == {
        new: old_text for old_text, new in edited.items()
    }
    assert closematch.fuzzy_matches(["hoàn toàn khác hẳn"], old.messages) == {}
    assert elapsed < 10, elapsed  # about 1 s here; all-pairs difflib would take minutes


_WORDS = st.sampled_from(
    ["Huế", "chuyển", "đổi", "số", "dữ", "liệu", "Return", "top", "2023", "năm", "nay"]
)
_sentence = st.tuples(
    st.lists(_WORDS, min_size=1, max_size=8).map(" ".join),
    st.sampled_from(["vi", "vi", "vi", "en", NO_LANGUAGE, "fr"]),
)


@st.composite
def _review(draw: st.DrawFn, po: PoFile) -> PoFile:
    messages = []
    for message in po.messages:
        action = draw(st.sampled_from(["keep", "keep", "accept", "rewrite", "comment"]))
        if action == "accept" and message.msgstr:
            message = replace(message, fuzzy=False)
        elif action == "rewrite":
            message = replace(
                message,
                msgstr=draw(st.text("abc ", min_size=1, max_size=12)).strip() or "x",
                fuzzy=False,
            )
        elif action == "comment":
            message = replace(message, comments=("reviewer note", *message.comments))
        messages.append(message)
    return replace(po, messages=tuple(messages))


@settings(max_examples=150, deadline=None)
@given(st.data(), st.lists(_sentence, min_size=1, max_size=10), st.lists(_sentence, max_size=10))
def test_update_never_loses_reviewed_work(
    data: st.DataObject, before: list[tuple[str, str]], added: list[tuple[str, str]]
) -> None:
    entries = template_entries([document("a.vi.txt", before)])
    first, _ = update(entries, None)
    reviewed = data.draw(_review(first))
    kept = data.draw(st.lists(st.sampled_from(before), max_size=len(before)))
    after_source = kept + added
    new_entries = template_entries([document("a.vi.txt", after_source)])
    second, plan = update(new_entries, reviewed)

    old = {m.msgid: m for m in reviewed.messages}
    live = [m for m in second.messages if not m.obsolete]
    assert [m.msgid for m in live] == [e.msgid for e in new_entries]
    for message in second.messages:
        assert not (message.fuzzy and message.msgstr == "")
        before_message = old.get(message.msgid)
        if before_message is None:
            continue
        if provenance.is_reviewed(before_message):
            assert (message.msgstr, message.fuzzy) == (before_message.msgstr, False)
        if "reviewer note" in before_message.comments:
            assert "reviewer note" in message.comments
        assert message.msgid not in plan.needs_mt or before_message.msgstr == ""
    # Old translations are never silently lost: kept, obsolete, or inherited by a close match.
    inherited = {m.previous_msgid for m in live if m.previous_msgid}
    present = {m.msgid for m in second.messages}
    for msgid, message in old.items():
        if message.msgstr:
            assert msgid in present or msgid in inherited
    # Running again on the result changes nothing and needs no model.
    third, again = update(new_entries, second)
    assert again.needs_mt == ()
    assert third is second


def test_empty_model_output_is_recorded_and_not_requested_again() -> None:
    entries = template_entries([document("a.vi.txt", SOURCE[:1])])
    plan = plan_update(entries, None, source_lang="vi")
    (message,) = apply_update(
        entries,
        None,
        plan,
        {SOURCE[0][0]: mt("  ", -3.0)},
        source_lang="vi",
        target_lang="en",
        machine=MACHINE,
    )
    assert (message.msgstr, message.fuzzy) == ("", False)
    assert message.comments[0].endswith(f"digest={msgstr_digest('')}")
    assert not has_current_machine_note(message)
    po = PoFile(messages=(replace(message, references=("a.vi.txt:1",)),))
    assert plan_update(entries, po, source_lang="vi").needs_mt == ()
    retry = PoFile(messages=(replace(message, comments=()),))
    assert plan_update(entries, retry, source_lang="vi").needs_mt == (SOURCE[0][0],)
