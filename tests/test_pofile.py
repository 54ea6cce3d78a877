"""The PO writer is byte-identical to GNU msgcat, and the reader takes what tools write."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from translate import pofile
from translate.errors import UserError
from translate.pofile import Message, PoFile, format_header, parse, serialize, wrap_string
from translate.pofile import reader as po_reader
from translate.pofile import wrap as po_wrap

SEED = (
    Path(__file__).resolve().parent.parent / "seeds" / "hue-digital-transformation-week-2023.vi.txt"
)
MSGCAT = shutil.which("msgcat")
MSGFMT = shutil.which("msgfmt")
needs_gettext = pytest.mark.skipif(
    MSGCAT is None or MSGFMT is None, reason="GNU gettext (msgcat, msgfmt) is not installed"
)

HEADER = Message(
    msgid="",
    msgstr=format_header(
        [
            ("Project-Id-Version", "test 1"),
            ("Report-Msgid-Bugs-To", ""),
            ("POT-Creation-Date", "2023-11-12 07:26+0000"),
            ("PO-Revision-Date", "2023-11-12 07:26+0000"),
            ("Last-Translator", "Test Suite <test@example.org>"),
            ("Language-Team", "English"),
            ("Language", "en"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=UTF-8"),
            ("Content-Transfer-Encoding", "8bit"),
            ("Plural-Forms", "nplurals=2; plural=(n != 1);"),
        ]
    ),
    comments=("Test catalogue.",),
)


def msgcat(text: str, tmp_path: Path) -> str:
    source = tmp_path / "in.po"
    source.write_text(text, encoding="utf-8")
    assert MSGCAT is not None
    result = subprocess.run([MSGCAT, str(source)], capture_output=True, encoding="utf-8")
    assert result.returncode == 0, result.stderr + text
    return result.stdout


def msgfmt_check(text: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    source = tmp_path / "check.po"
    source.write_text(text, encoding="utf-8")
    assert MSGFMT is not None
    return subprocess.run(
        [MSGFMT, "--check", "-o", "/dev/null", str(source)],
        capture_output=True,
        encoding="utf-8",
    )


def seed_catalogue() -> PoFile:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    messages: list[Message] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text in seen:
            continue
        seen.add(text)
        messages.append(
            Message(
                msgid=text,
                msgstr=text.upper() if number % 3 else "",
                comments=(f"mt: score=-0.{number}",) if number % 2 else (),
                extracted=("hard-wrapped over 2 source lines",) if number % 5 == 0 else (),
                references=tuple(
                    f"seeds/dir{k}/document-{number}.vi.txt:{number}" for k in range(number % 6)
                ),
                fuzzy=number % 3 == 1,
                previous_msgid=text[: len(text) // 2] if number % 4 == 0 else None,
            )
        )
    messages.append(Message(msgid="Gone " * 30, msgstr="Đã xoá " * 20, obsolete=True))
    return PoFile(header=HEADER, messages=tuple(messages))


@needs_gettext
def test_seed_catalogue_is_what_msgcat_writes(tmp_path: Path) -> None:
    text = serialize(seed_catalogue())
    assert text.count('msgid ""\n') > 10  # long entries were wrapped
    assert msgcat(text, tmp_path) == text
    check = msgfmt_check(text, tmp_path)
    assert (check.returncode, check.stderr) == (0, "")


def test_seed_catalogue_reads_back_to_the_same_model() -> None:
    catalogue = seed_catalogue()
    assert parse(serialize(catalogue)) == catalogue


def test_long_string_starts_with_empty_line_and_breaks_after_spaces() -> None:
    words = "Tuần lễ chuyển đổi số Huế 2023 với chủ đề kiến tạo dữ liệu số thúc đẩy liên kết"
    lines = wrap_string("", "msgid", words + " " + words).split("\n")
    assert lines[0] == 'msgid ""'
    body = [line for line in lines[1:] if line]
    assert all(len(line) <= 79 for line in body)
    assert all(line.endswith(' "') for line in body[:-1])  # the space ends the line


def test_short_string_stays_on_one_line_and_escapes() -> None:
    assert wrap_string("", "msgstr", 'a\t"b"\\c') == 'msgstr "a\\t\\"b\\"\\\\c"\n'


def test_embedded_newlines_split_the_string() -> None:
    assert wrap_string("#~ ", "msgstr", "one\ntwo") == ('#~ msgstr ""\n#~ "one\\n"\n#~ "two"\n')
    assert wrap_string("", "msgid", "end\n") == 'msgid "end\\n"\n'


def test_obsolete_entries_go_last_and_empty_ones_are_dropped() -> None:
    catalogue = PoFile(
        header=HEADER,
        messages=(
            Message(msgid="old", msgstr="cũ", obsolete=True, comments=("kept",)),
            Message(msgid="live", msgstr="sống"),
            Message(msgid="empty", obsolete=True),
        ),
    )
    text = serialize(catalogue)
    assert text.index('msgid "live"') < text.index('#~ msgid "old"')
    assert "# kept\n#~ msgid" in text
    assert "empty" not in text


def test_fuzzy_is_not_written_on_an_empty_msgstr() -> None:
    text = serialize(PoFile(header=HEADER, messages=(Message(msgid="x", fuzzy=True),)))
    assert "fuzzy" not in text


def test_references_fill_lines_like_gnu() -> None:
    references = tuple(f"./seeds/doc-{n}.vi.txt:{n}" for n in range(6))
    text = serialize(PoFile(header=HEADER, messages=(Message("x", "y", references=references),)))
    reference_lines = [line for line in text.split("\n") if line.startswith("#:")]
    assert len(reference_lines) == 2  # three 21-column references fit a line
    assert all(len(line) <= 79 for line in reference_lines)
    assert "./" not in text


# Characters a PO string can hold and the reader keeps exactly: everything but NUL, EOT (the
# msgctxt separator), surrogates and BEL (polib has no `\a` escape).
_TEXT_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\x04\x07")
_VIETNAMESE = st.sampled_from(
    [
        "Thừa Thiên Huế",
        "chuyển đổi số",
        "900.000",
        "“sống”",
        "CĐS",
        "–",
        "…",
        "Hue-S",
        "\t",
        "\\",
        '"',
    ]
)
_text = st.one_of(
    st.text(_TEXT_CHARS, max_size=200),
    st.lists(_VIETNAMESE, max_size=30).map(" ".join),
    st.lists(st.text("ab ", min_size=1, max_size=90), max_size=4).map("\n".join),
)
# Comments lose trailing whitespace when read (polib strips lines); they are single lines.
_comment = st.text(
    st.characters(blacklist_categories=("Cs", "Zl", "Zp", "Cc"), blacklist_characters="\x00"),
    max_size=60,
).map(lambda text: text.rstrip())
_reference = st.from_regex(r"[a-z][a-z0-9_/.-]{0,60}(:[1-9][0-9]{0,4})?", fullmatch=True).filter(
    lambda ref: not ref.startswith("./")
)


@st.composite
def _messages(draw: st.DrawFn) -> Message:
    obsolete = draw(st.booleans()) and draw(st.booleans())
    msgstr = draw(_text)
    if obsolete and not msgstr:
        msgstr = "kept"
    return Message(
        msgid=draw(_text.filter(bool)),
        msgstr=msgstr,
        msgctxt=draw(st.none() | _text),
        # polib drops empty `#` lines before the first non-empty one.
        comments=tuple(draw(st.lists(_comment, max_size=3).filter(lambda c: not c or c[0]))),
        extracted=()
        if obsolete
        else tuple(draw(st.lists(_comment.filter(lambda text: text.strip() != ""), max_size=2))),
        references=() if obsolete else tuple(dict.fromkeys(draw(st.lists(_reference, max_size=8)))),
        fuzzy=draw(st.booleans()) and msgstr != "",
        previous_msgid=draw(st.none() | _text.filter(bool)),
        obsolete=obsolete,
    )


def _unique(messages: list[Message]) -> tuple[Message, ...]:
    by_key: dict[tuple[str | None, str], Message] = {}
    for message in messages:
        by_key.setdefault(message.key, message)
    live = [m for m in by_key.values() if not m.obsolete]
    return (*live, *(m for m in by_key.values() if m.obsolete))


@needs_gettext
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_messages(), min_size=1, max_size=12).map(_unique))
def test_msgcat_leaves_any_catalogue_byte_identical(
    tmp_path: Path, messages: tuple[Message, ...]
) -> None:
    catalogue = PoFile(header=HEADER, messages=messages)
    text = serialize(catalogue)
    assert msgcat(text, tmp_path) == text
    assert parse(text) == catalogue


_prose_char = st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặ.,;:!?0123456789“”")


@needs_gettext
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(_prose_char, min_size=1, max_size=25), min_size=1, max_size=60))
def test_msgfmt_check_is_silent_on_prose(tmp_path: Path, words: list[str]) -> None:
    sentence = " ".join(words)
    message = Message(msgid=sentence, msgstr=sentence[::-1].strip() or "x", fuzzy=True)
    text = serialize(PoFile(header=HEADER, messages=(message,)))
    check = msgfmt_check(text, tmp_path)
    assert (check.returncode, check.stderr) == (0, "")


_prose_word = st.tuples(
    st.text(st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặ0123456789"), min_size=1),
    st.sampled_from(["", ".", ",", ";", ":", "!", "?", "”", "…"]),
).map("".join)


@given(st.lists(_prose_word, min_size=1, max_size=60))
def test_fallback_breaker_agrees_with_libunistring_on_prose(words: list[str]) -> None:
    library = po_wrap._breaker()
    if library is po_wrap._break_after_spaces:
        pytest.skip("libunistring is not installed")
    escaped = pofile.escape(" ".join(words))
    for start in (0, 6, 7):
        assert po_wrap._break_after_spaces(escaped, 77, start, False) == library(
            escaped, 77, start, False
        )


def test_reads_polib_and_poedit_formatting() -> None:
    # polib-style wrapping (breaks before spaces), reordered comments, no blank lines
    # between some entries, extra header fields, CRLF-free but indented continuation.
    text = (
        "# Header comment\n"
        'msgid ""\n'
        'msgstr ""\n'
        '"Project-Id-Version: x\\n"\n'
        '"X-Poedit-Basepath: .\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        "\n"
        "#, fuzzy\n"
        "# translator note\n"
        "#: a.txt:1\n"
        'msgid "Tuần lễ chuyển đổi số"\n'
        '" năm nay"\n'
        'msgstr "Digital transformation"\n'
        '  " week"\n'
        '#~ msgid "old"\n'
        '#~ msgstr "cũ"\n'
    )
    catalogue = parse(text)
    assert catalogue.field("X-Poedit-Basepath") == "."
    (live, old) = catalogue.messages
    assert live == Message(
        msgid="Tuần lễ chuyển đổi số năm nay",
        msgstr="Digital transformation week",
        comments=("translator note",),
        references=("a.txt:1",),
        fuzzy=True,
    )
    assert old.obsolete and old.msgstr == "cũ"
    assert catalogue.header.comments == ("Header comment",)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('msgid "a"\nmsgstr "b"\nbogus line\n', "3"),
        ('msgid "a"\nmsgstr "b\n', "2"),
        ('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', "4"),
    ],
)
def test_unparsable_catalogue_error_names_the_line(text: str, line: str) -> None:
    with pytest.raises(UserError) as caught:
        parse(text, "locales/en/doc.po")
    assert caught.value.exit_code == 2
    assert caught.value.message.startswith(f"locales/en/doc.po:{line}:")


def test_read_rejects_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.po"
    path.write_bytes(b'msgid "caf\xe9"\nmsgstr ""\n')
    with pytest.raises(UserError, match="not UTF-8"):
        pofile.read(path)


@needs_gettext
def test_without_libunistring_prose_still_matches_msgcat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(po_wrap, "_breaker", lambda: po_wrap._break_after_spaces)
    text = serialize(seed_catalogue())
    assert msgcat(text, tmp_path) == text


def _variants(text: str) -> list[str]:
    """The same catalogue as other tools might lay it out."""
    return _layouts(text) + _polib_rewrites(text)


def _layouts(text: str) -> list[str]:
    lines = text.split("\n")
    return [
        text,
        text.replace("\n", "\r\n"),
        "\n".join("  " + line if line.startswith('"') else line for line in lines),
        "\n".join(line + " " for line in lines),
        text.replace("\n\n", "\n\n\n"),
        text.replace("\n\n", "\n"),
    ]


def _polib_rewrites(text: str) -> list[str]:
    import polib

    variants = []
    for width in (40, 78):
        with contextlib.suppress(OSError, ValueError, IndexError, KeyError):
            variants.append(polib.pofile(text, wrapwidth=width).__unicode__())
    return variants


def _reading(read: Callable[[str, str], PoFile], text: str) -> PoFile | tuple[int, str]:
    """What a reader gives: the catalogue, or where and why it refused it. (polib's own
    rewrite may make a catalogue invalid: it writes a msgctxt of `\\x1c` as an empty one, and
    two entries then share a key; both readers must refuse it alike.)"""
    try:
        return read(text, "<variant>")
    except pofile.PoSyntaxError as refused:
        return refused.line, str(refused)


@settings(max_examples=80, deadline=None)
@given(st.lists(_messages(), min_size=0, max_size=10).map(_unique), st.booleans())
def test_fast_reader_reads_exactly_what_polib_reads(
    messages: tuple[Message, ...], fuzzy_header: bool
) -> None:
    catalogue = PoFile(header=replace(HEADER, fuzzy=fuzzy_header), messages=messages)
    text = serialize(catalogue)
    if all(m.msgctxt is None for m in messages):
        # Our own files take the fastest path, and the line reader agrees.
        assert po_reader._parse_strict(po_reader._reader_content(text)) == catalogue
    for variant in _variants(text):
        content = po_reader._reader_content(variant)  # as parse() prepares it
        assert _reading(parse, variant) == _reading(po_reader._parse_with_polib, content)
        strict = po_reader._parse_strict(content)
        if strict is not None:
            assert strict == po_reader._parse_with_polib(content, "<variant>")


@settings(max_examples=60, deadline=None)
@given(st.lists(_messages(), max_size=8).map(_unique))
def test_template_entries_serialise_as_their_messages(messages: tuple[Message, ...]) -> None:
    template = [
        Message(msgid=m.msgid, extracted=m.extracted, references=m.references) for m in messages
    ]
    rows = [(m.msgid, m.extracted, m.references) for m in template]
    assert pofile.serialize_template_entries(rows) == pofile.serialize_messages(template)


def test_wrapping_from_threads_gives_the_same_lines() -> None:
    # ctypes releases the GIL inside libunistring: each call must own its buffer.
    from concurrent.futures import ThreadPoolExecutor

    values = [
        f"Câu thứ {n} " + "rất dài, có nhiều chữ tiếng Việt " * (1 + n % 9) for n in range(400)
    ]
    expected = [po_wrap._wrap("", "msgid", value, 79) for value in values]  # not cached
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda v: po_wrap._wrap("", "msgid", v, 79), values * 4))
    assert results == expected * 4


@settings(max_examples=60, deadline=None)
@given(st.lists(_messages(), min_size=1, max_size=8).map(_unique))
@example(messages=(Message(msgid="\x1e", msgstr=""),))
def test_every_reader_gives_the_msgid_line(messages: tuple[Message, ...]) -> None:
    text = serialize(PoFile(header=HEADER, messages=messages))
    readable = [(variant, parse(variant)) for variant in _layouts(text)]
    for variant in _polib_rewrites(text):
        # (polib's own rewrite may break a catalogue: it reads a raw `\x1e` as a line end and
        # writes that entry as a second header, which GNU rejects too; refused, it has no lines)
        with contextlib.suppress(pofile.PoSyntaxError):
            readable.append((variant, parse(variant)))
    for variant, parsed in readable:
        lines = variant.replace("\r\n", "\n").split("\n")
        for message in parsed.messages:
            keyword = lines[message.line - 1].strip()
            assert keyword.startswith("#~ msgid" if message.obsolete else "msgid"), keyword


def test_syntax_errors_carry_their_line() -> None:
    with pytest.raises(pofile.PoSyntaxError) as caught:
        parse('msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "b\n', "x.po")
    assert caught.value.line == 5 and caught.value.path == "x.po"
    assert caught.value.message.startswith("x.po:5: not a valid PO file (line 5: ")


def test_cr_only_and_crlf_catalogues_read_as_lf() -> None:
    text = serialize(seed_catalogue())
    assert parse(text.replace("\n", "\r\n")) == parse(text)
    assert parse(text.replace("\n", "\r")) == parse(text)
