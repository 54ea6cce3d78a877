"""Issue 12, "Nobody's work is lost": the holes in the merge contract, one regression test each.

Catalogue-level cases run the pure update (plan + apply + finish) on hand-made catalogues, as a
translator's editor or a GNU tool would have left them; the `run`-level cases are in
test_workloss_run.py.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from gnu_tools import assert_gnu_clean
from test_catalog import DATE, LATER, MACHINE, document, fake_model, mt, update

from translate import closematch, provenance, stats
from translate.catalog import apply_update, plan_update, template_entries
from translate.catalog_header import catalogue_header, finish_catalogue
from translate.pofile import Message, PoFile, parse, serialize

HAS_GETTEXT = all(shutil.which(tool) for tool in ("msgfmt", "msgcat", "msgmerge"))
needs_gettext = pytest.mark.skipif(not HAS_GETTEXT, reason="GNU gettext is not installed")

SENTENCES = [
    ("Xem thêm.", "vi"),
    ("Xin cảm ơn ông!", "vi"),
    ("Tuần lễ chuyển đổi số Huế 2023 diễn ra trong hai ngày tại trung tâm hội nghị.", "vi"),
]


def first_catalogue(lines: list[tuple[str, str]] = SENTENCES) -> PoFile:
    catalogue, _ = update(template_entries([document("a.vi.txt", lines)]), None)
    return catalogue


def rerun(old: PoFile, lines: list[tuple[str, str]] = SENTENCES) -> tuple[PoFile, list[str]]:
    """Re-run on ``lines``; returns the catalogue and the msgids sent to the model."""
    new, plan = update(template_entries([document("a.vi.txt", lines)]), old)
    return new, list(plan.needs_mt)


def reviewed(po: PoFile, msgstr: dict[str, str]) -> PoFile:
    """The catalogue after a reviewer rewrote the given entries (not fuzzy any more)."""
    return replace(
        po,
        messages=tuple(
            replace(m, msgstr=msgstr[m.msgid], fuzzy=False) if m.msgid in msgstr else m
            for m in po.messages
        ),
    )


def gnu_clean(text: str, tmp_path: Path) -> None:
    path = tmp_path / "check.po"
    path.write_text(text, encoding="utf-8")
    assert_gnu_clean(path)


# 1 -------------------------------------------------------------------------------------


@needs_gettext
def test_case1_translated_msgctxt_and_plural_entries_are_kept(tmp_path: Path) -> None:
    po = first_catalogue()
    extra = (
        Message("Xem thêm.", "More", msgctxt="button"),
        Message("Xin cảm ơn ông!", "Thank you, sir!", msgctxt="letter"),
        Message("%d tệp", msgid_plural="%d tệp", msgstr_plural=("%d file", "%d files")),
    )
    po = replace(po, messages=po.messages + extra)
    # The second source no longer has "Xin cảm ơn ông!": its context variant goes obsolete.
    new, _ = rerun(po, [SENTENCES[0], SENTENCES[2]])
    by_key = {m.key: m for m in new.messages}
    button = by_key[("button", "Xem thêm.")]
    assert (button.msgstr, button.obsolete, button.references) == ("More", False, ("a.vi.txt:1",))
    letter = by_key[("letter", "Xin cảm ơn ông!")]
    assert (letter.msgstr, letter.obsolete) == ("Thank you, sir!", True)
    plural = by_key[(None, "%d tệp")]
    assert plural.msgstr_plural == ("%d file", "%d files") and plural.obsolete
    keys = [m.key for m in new.messages]
    assert keys.index(("button", "Xem thêm.")) == keys.index((None, "Xem thêm.")) + 1
    gnu_clean(serialize(new), tmp_path)
    # And a further re-run keeps them as they are.
    again, needs = rerun(new, [SENTENCES[0], SENTENCES[2]])
    assert again == new and needs == []


# 2 -------------------------------------------------------------------------------------


def test_case2_short_edited_sentence_keeps_its_translation_as_fuzzy() -> None:
    po = reviewed(first_catalogue(), {"Xin cảm ơn ông!": "Thank you, sir!"})
    edited = [SENTENCES[0], ("Xin chân thành cảm ơn ông!", "vi"), SENTENCES[2]]
    new, needs = rerun(po, edited)
    message = next(m for m in new.messages if m.msgid == "Xin chân thành cảm ơn ông!")
    assert (message.msgstr, message.fuzzy) == ("Thank you, sir!", True)
    assert message.previous_msgid == "Xin cảm ơn ông!"
    assert not any(m.obsolete and m.msgid == "Xin cảm ơn ông!" for m in new.messages)
    assert "Xin chân thành cảm ơn ông!" in needs  # the fresh MT becomes a suggestion


EDITS = [
    ("Xin cảm ơn ông!", "Xin chân thành cảm ơn ông!"),
    ("Tôi đi học.", "Hôm nay tôi đi học muộn."),
    ("Cảm ơn.", "Xin cảm ơn."),
    ("Hà Nội đẹp.", "Hà Nội rất đẹp vào mùa thu."),
    ("Anh ấy về nhà.", "Chị ấy về quê."),
    ("Giá tăng 5%.", "Giá xăng tăng 5% hôm qua."),
    ("Trời mưa.", "Trời hôm nay mưa to quá."),
    (
        "Thừa Thiên Huế công bố kế hoạch chuyển đổi số năm 2023.",
        "Tỉnh Thừa Thiên Huế đã công bố kế hoạch chuyển đổi số cho năm 2024.",
    ),
    ("Các đơn vị phải hoàn thành.", "Mọi cơ quan cần báo cáo sớm."),
]


@needs_gettext
@pytest.mark.parametrize(("old", "new"), EDITS, ids=[new for _, new in EDITS])
def test_case2_fuzzy_matching_finds_what_msgmerge_finds(old: str, new: str, tmp_path: Path) -> None:
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    (tmp_path / "old.po").write_text(header + f'msgid "{old}"\nmsgstr "X"\n', encoding="utf-8")
    (tmp_path / "new.pot").write_text(header + f'msgid "{new}"\nmsgstr ""\n', encoding="utf-8")
    merged = subprocess.run(
        ["msgmerge", "--previous", "-q", str(tmp_path / "old.po"), str(tmp_path / "new.pot")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    gnu_fuzzy = "#, fuzzy" in merged
    ours = closematch.fuzzy_matches([new], [Message(old, "X")])
    if gnu_fuzzy:
        assert new in ours, "msgmerge keeps this translation as fuzzy, so must we"


# 3 -------------------------------------------------------------------------------------


def _wrapped(comments: tuple[str, ...], width: int) -> tuple[str, ...]:
    """Comment lines as polib (width 78, counting '# ') or Babel (76 of text) wrap them."""
    import textwrap

    lines: list[str] = []
    for comment in comments:
        if len(comment) + 2 > width:
            lines += [
                line[2:]
                for line in textwrap.wrap(
                    comment,
                    width,
                    initial_indent="# ",
                    subsequent_indent="# ",
                    break_long_words=False,
                )
            ]
        else:
            lines.append(comment)
    return tuple(lines)


@pytest.mark.parametrize("width", [77, 78, 79])
def test_case3_wrapped_machine_comments_leave_no_fragment(width: int) -> None:
    long = "Towards a synchronous ecosystem in the digital transformation of Hue-S and the province"
    lines = [("Hướng đến hệ sinh thái đồng bộ trong chuyển đổi số ở Huế.", "vi")]
    entries = template_entries([document("a.vi.txt", lines)])
    plan = plan_update(entries, None, source_lang="vi")
    translations = {lines[0][0]: mt(long, -0.5, [(long + " again", -0.7), (long + " too", -0.9)])}
    messages = apply_update(
        entries, None, plan, translations, source_lang="vi", target_lang="en", machine=MACHINE
    )
    message = replace(messages[0], comments=("reviewer: check Hue-S", *messages[0].comments))
    suggestion = provenance.suggestion_comment(mt(long + " suggested", -0.2))
    message = replace(message, comments=(*message.comments, suggestion))
    damaged = replace(message, comments=_wrapped(message.comments, width))
    assert len(damaged.comments) > len(message.comments)  # the tool did wrap them
    assert provenance.rejoin_wrapped_provenance(damaged.comments) == message.comments
    # Reviewed: every provenance line goes, whole; the reviewer's own line stays.
    po = PoFile(messages=(replace(damaged, msgstr="Towards one ecosystem", fuzzy=False),))
    new, _ = update(entries, po)
    assert new.messages[0].comments == ("reviewer: check Hue-S",)
    # Obsolete: no lone `# score=… digest=…` line either.
    gone, _ = update(template_entries([document("a.vi.txt", [("Khác hẳn.", "vi")])]), po)
    obsolete = [m for m in gone.messages if m.obsolete]
    assert [m.comments for m in obsolete] == [("reviewer: check Hue-S",)]


def test_case3_babel_previous_msgid_damage_is_undone() -> None:
    po = reviewed(first_catalogue(), {"Xin cảm ơn ông!": "Thank you, sir!"})
    edited = [SENTENCES[0], ("Xin chân thành cảm ơn ông!", "vi"), SENTENCES[2]]
    merged, _ = rerun(po, edited)
    message = next(m for m in merged.messages if m.previous_msgid)
    # Babel's write_po turns `#| msgid "…"` into a translator comment `# | msgid "…"`.
    babel = replace(
        message,
        previous_msgid=None,
        comments=(*message.comments, f'| msgid "{message.previous_msgid}"'),
    )
    damaged = replace(merged, messages=tuple(babel if m is message else m for m in merged.messages))
    again, _ = rerun(damaged, edited)
    fixed = next(m for m in again.messages if m.msgid == message.msgid)
    assert fixed.previous_msgid == "Xin cảm ơn ông!"
    assert not any(c.startswith("|") for c in fixed.comments)
    # Accepted after Babel's damage: the `# | msgid` line goes too, not left as a comment.
    accepted = replace(babel, fuzzy=False)
    assert not any(c.startswith("|") for c in provenance.repair(accepted).comments)


# 4 -------------------------------------------------------------------------------------


def test_case4_reviewer_comment_starting_with_mt_is_kept() -> None:
    po = first_catalogue()
    own = ("mt: the name Hue-S must stay as it is", "mt: engine is wrong here, see glossary")
    messages = tuple(
        replace(m, msgstr="Read more", fuzzy=False, comments=(*own, *m.comments))
        if m.msgid == "Xem thêm."
        else m
        for m in po.messages
    )
    new, _ = rerun(replace(po, messages=messages))
    message = next(m for m in new.messages if m.msgid == "Xem thêm.")
    assert message.comments == own  # the stale `# mt:` line went, the reviewer's stayed
    assert not provenance.is_own_line(own[0])
    # Nor does a reviewer's `mt:` line make an entry count as machine output.
    assert provenance.machine_note_if_untouched(message) is None


# 6 -------------------------------------------------------------------------------------


def test_case6_msginit_copies_of_the_vietnamese_msgid_are_untranslated() -> None:
    entries = template_entries([document("a.vi.txt", [*SENTENCES, ("Return to top", "en")])])
    template = PoFile(messages=tuple(Message(e.msgid) for e in entries))
    # msginit -l en_US / msgen: every msgstr is the msgid, not fuzzy.
    msginit = replace(
        template, messages=tuple(replace(m, msgstr=m.msgid) for m in template.messages)
    )
    plan = plan_update(entries, msginit, source_lang="vi")
    assert plan.source_copies == 3 and plan.reused == 1  # "Return to top" is English
    assert list(plan.needs_mt) == [s for s, _ in SENTENCES]
    messages = apply_update(
        entries,
        msginit,
        plan,
        fake_model(plan.needs_mt),
        source_lang="vi",
        target_lang="en",
        machine=MACHINE,
    )
    assert [m.msgstr for m in messages[:3]] == [f"EN[{s}]" for s, _ in SENTENCES]
    assert all(m.fuzzy for m in messages[:3])
    assert messages[3].msgstr == "Return to top"
    # stats counts them as untranslated, not reviewed
    counted = stats.catalogue_stats(msginit, "x.po")[0]
    assert (counted.reviewed, counted.untranslated) == (1, 3)


def test_case6_model_answer_equal_to_its_input_is_not_asked_again() -> None:
    lines = [("Hue-S", "vi")]
    entries = template_entries([document("a.vi.txt", lines)])
    plan = plan_update(entries, None, source_lang="vi")
    messages = apply_update(
        entries,
        None,
        plan,
        {"Hue-S": mt("Hue-S")},
        source_lang="vi",
        target_lang="en",
        machine=MACHINE,
    )
    again = plan_update(entries, PoFile(messages=messages), source_lang="vi")
    assert again.needs_mt == () and again.source_copies == 0


# 9 -------------------------------------------------------------------------------------


def test_case9_accepted_entries_lose_previous_msgid_and_suggestion() -> None:
    po = reviewed(first_catalogue(), {"Xin cảm ơn ông!": "Thank you, sir!"})
    edited = [SENTENCES[0], ("Xin chân thành cảm ơn ông!", "vi"), SENTENCES[2]]
    merged, _ = rerun(po, edited)
    message = next(m for m in merged.messages if m.previous_msgid)
    assert any(provenance.is_suggestion_line(c) for c in message.comments)
    # Lokalize / msgattrib --clear-fuzzy: accepted, #| and the suggestion still there.
    accepted = replace(
        merged,
        messages=tuple(replace(m, fuzzy=False) if m is message else m for m in merged.messages),
    )
    after, needs = rerun(accepted, edited)
    kept = next(m for m in after.messages if m.msgid == message.msgid)
    assert (kept.msgstr, kept.fuzzy) == ("Thank you, sir!", False)
    assert kept.previous_msgid is None
    assert not any(provenance.is_suggestion_line(c) for c in kept.comments)
    assert needs == []


def test_case9_stale_mt_line_is_stale_for_stats_and_check_before_any_rerun() -> None:
    from translate import qa

    po = first_catalogue()
    edited = reviewed(po, {"Xem thêm.": "Read more"})
    message = next(m for m in edited.messages if m.msgid == "Xem thêm.")
    assert provenance.machine_line(message.comments) is not None  # still there
    assert provenance.machine_note_if_untouched(message) is None
    counted = stats.catalogue_stats(edited, "x.po")[0]
    assert counted.machine == len(SENTENCES) - 1 and counted.reviewed == 1
    assert qa.entry_findings(message.msgid, message.msgstr, lambda text: "en") == []


# 8 -------------------------------------------------------------------------------------


def test_case8_revision_date_kept_when_only_stale_provenance_goes() -> None:
    po = reviewed(first_catalogue(), {"Xem thêm.": "Read more"})
    header = catalogue_header(
        None,
        project="doc",
        source_lang="vi",
        target_lang="en",
        pot_date=DATE,
        revision_date=DATE,
    )
    po = replace(po, header=header)
    text = serialize(po)
    entries = template_entries([document("a.vi.txt", SENTENCES)])
    plan = plan_update(entries, po, source_lang="vi")
    messages = apply_update(
        entries, po, plan, {}, source_lang="vi", target_lang="en", machine=MACHINE
    )
    assert messages != po.messages  # the stale `# mt:` line is dropped ...
    written = finish_catalogue(
        messages,
        po,
        text,
        project="doc",
        source_lang="vi",
        target_lang="en",
        pot_date=DATE,
        now=LATER,
    )
    assert written is not None
    assert parse(written).field("PO-Revision-Date") == DATE  # ... but nobody revised anything
