"""Real catalogues saved by real tools (tests/data/realpo, see its SOURCES.md), and our own
catalogues rewritten in each of those tools' layouts, then `translate run` again.

The excerpts are read, checked, counted and written back (our writer claims msgcat's output);
then one of our catalogues, made by `translate run` with the fixture model, is reviewed and
saved the way each tool was seen to save (its wrapping, header fields and their order, flags
cleared on review, obsolete and previous-msgid entries), the source is edited and the run
repeated: no reviewed translation may be lost or changed, and the result must pass
`msgfmt --check` and stay as it is through `msgcat`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from argos_fixture import CliResult

from translate import pipeline, pofile
from translate.pofile import Message, PoFile, escape

DATA = Path(__file__).parent / "data" / "realpo"
REAL = sorted(DATA.glob("*.po"))
HAS_GETTEXT = all(shutil.which(tool) for tool in ("msgfmt", "msgcat"))
needs_gettext = pytest.mark.skipif(not HAS_GETTEXT, reason="GNU gettext is not installed")

# What names the tool in each excerpt's header.
TOOL = {
    "crowdin-xournalpp.vi.po": "X-Crowdin-Project: xournalpp",
    "gtranslator-2.91-dpkg.vi.po": "X-Generator: Gtranslator 2.91.7",
    "launchpad-cairo-dock-core.vi.po": "X-Generator: Launchpad (build 17196)",
    "lokalize-21.12-newsboat.fr.po": "X-Generator: Lokalize 21.12.1",
    "poedit-3.8-newsboat.nl.po": "X-Generator: Poedit 3.8",
    "poedit-3.9-fcitx5-lotus.vi.po": "X-Generator: Poedit 3.9",
    "poeditor-apostrophe.vi.po": "X-Generator: POEditor.com",
    "transifex-mate-desktop.vi.po": "Language-Team: Vietnamese (https://www.transifex.com/",
    "virtaal-0.7-newsboat.ca.po": "X-Generator: Virtaal 0.7.1",
    "weblate-2026.7-bleachbit.vi.po": "X-Generator: Weblate 2026.7.dev0",
}
# One layout fact per excerpt, as its tool wrote it (the reason it is here).
LAYOUT = {
    "crowdin-xournalpp.vi.po": 'msgid "Audio folder not set or invalid! Recording '
    'won\'t work!\\n"\n"Please set',
    "gtranslator-2.91-dpkg.vi.po": 'msgid_plural "%d files and directories currently '
    'installed.)\\n"',
    "launchpad-cairo-dock-core.vi.po": 'msgid ""\n"Third-party applets provide integration '
    'with many programs, like Pidgin"\n',
    "lokalize-21.12-newsboat.fr.po": '"X-Generator: Lokalize 21.12.1\\n"\n"Plural-Forms:',
    "poedit-3.8-newsboat.nl.po": 'Erwin Poeze "\n"<donnut@outlook.com>, Dennis',
    "poedit-3.9-fcitx5-lotus.vi.po": "#, python-brace-format\n",
    "poeditor-apostrophe.vi.po": 'msgstr ""\n"MIME-Version: 1.0\\n"\n',
    "transifex-mate-desktop.vi.po": '\\"horizontal-gradient"\n"\\", \\"vertical',
    "virtaal-0.7-newsboat.ca.po": "#, fuzzy, c-format\n",
    "weblate-2026.7-bleachbit.vi.po": '#, fuzzy\n#~| msgid "Update uninstallers"\n#~ msgctxt ',
}
ids = [path.name for path in REAL]


def test_every_excerpt_is_listed_small_and_names_its_tool() -> None:
    assert [path.name for path in REAL] == sorted(TOOL)
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    for path in REAL:
        text = path.read_text(encoding="utf-8")
        assert f"`{path.name}`" in sources
        assert TOOL[path.name] in text and LAYOUT[path.name] in text, path.name
        assert len(text.encode()) < 10_000
    assert sum(p.stat().st_size for p in DATA.iterdir()) < 200_000


KEYWORD = re.compile(r"^(?:#~ )?msgid ", re.MULTILINE)


@pytest.mark.parametrize("path", REAL, ids=ids)
def test_every_entry_of_a_real_catalogue_is_read(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    po = pofile.parse(text, str(path))
    assert len(po.messages) == len(KEYWORD.findall(text)) - 1  # the header is not a message
    assert po.field("Content-Type") == "text/plain; charset=UTF-8"
    assert sum(m.obsolete for m in po.messages) == text.count("\n#~ msgid ")


@needs_gettext
@pytest.mark.parametrize("path", REAL, ids=ids)
def test_a_real_catalogue_is_written_back_as_msgcat_writes_it(path: Path) -> None:
    """`serialize` claims msgcat's output: flags such as `c-format` included."""
    gnu = subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True).stdout
    po = pofile.read(path)
    assert pofile.serialize(po) == gnu
    assert pofile.parse(gnu) == po  # GNU's reading and ours agree on every field


@needs_gettext
def test_format_checks_survive_a_round_trip(tmp_path: Path) -> None:
    """A real `c-format` entry with a broken translation: msgfmt --check must still see it
    after we wrote the catalogue (before, the flag was dropped and the check passed)."""
    text = (DATA / "gtranslator-2.91-dpkg.vi.po").read_text(encoding="utf-8")
    broken = text.replace('msgstr "không thể ghi tập tin “%s”"', 'msgstr "không thể ghi tập tin"')
    assert broken != text
    ours = tmp_path / "ours.po"
    ours.write_text(pofile.serialize(pofile.parse(broken)), encoding="utf-8")
    checked = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(ours)], capture_output=True
    )
    assert checked.returncode == 1 and b"format specifications" in checked.stderr


@pytest.mark.parametrize("path", REAL, ids=ids)
def test_check_and_stats_read_a_real_catalogue(path: Path, cli: Callable[..., CliResult]) -> None:
    checked = cli("check", str(path))
    assert checked.exit_code in (0, 1) and "Traceback" not in checked.stderr, checked.stderr
    stats = cli("stats", str(path))
    assert stats.exit_code == 0 and "Traceback" not in stats.stderr, stats.stderr
    live = [m for m in pofile.read(path).messages if not m.obsolete]
    row = next(line for line in stats.stdout.splitlines() if line.startswith(str(path)))
    assert int(row.split()[1]) == len(live)


# --------------------------------------------------------------------------------------------
# Our catalogue in each tool's layout, then `translate run` on an edited source


ACCEPTED = "Thừa Thiên Huế công bố kế hoạch chuyển đổi số năm 2023 với nhiều mục tiêu cụ thể."
QUOTED = (
    "Ứng dụng Hue-S đã có hơn 900.000 tài khoản, theo Trung tâm giám sát điều hành đô thị "
    "thông minh."
)
COMMENTED = "Các đơn vị phải hoàn thành trước tháng mười hai."
LEAVING = "Câu này sẽ bị xoá khỏi văn bản nguồn ở lần sau."
EDITED = "Hội thảo chuyên đề về dữ liệu số thu hút nhiều doanh nghiệp tham gia."
V1 = [ACCEPTED, QUOTED, COMMENTED, LEAVING, EDITED]
V2 = [ACCEPTED, QUOTED, COMMENTED, EDITED.replace("nhiều", "rất nhiều"), "Câu mới ở cuối bài."]
V3 = [*V2[:4], "Một câu khác thay cho câu mới."]
REVIEWED = {
    # Poedit 3.8 breaks this after "https://", GNU after ".vn/"; Translate Toolkit before it.
    QUOTED: 'The "Hue-S" app has 900,000 accounts (see https://hues.thuathienhue.gov.vn/'
    'gioi-thieu), says the "Smart City" centre.',
    # Translate Toolkit breaks this before `\"Smart`, GNU after it.
    COMMENTED: 'Units must finish work before December, departments were told by the "Smart '
    'City" committee.',
    LEAVING: "This sentence will be deleted from the source next time.",
}
NOTE = "reviewer: December, as the decision says (Quyết định 1234/QĐ-UBND)"
PO = Path("locales/en/doc.po")


def review(po: PoFile) -> PoFile:
    """What a reviewer does in any editor: accept one, rewrite three, comment one."""
    messages: list[Message] = []
    for message in po.messages:
        if message.msgid == ACCEPTED and message.fuzzy:
            message = replace(message, fuzzy=False)
        elif message.msgid in REVIEWED and (message.fuzzy or not message.msgstr):
            comments = (NOTE, *message.comments) if message.msgid == COMMENTED else message.comments
            message = replace(
                message,
                msgstr=REVIEWED[message.msgid],
                fuzzy=False,
                comments=comments,
                previous_msgid=None,
            )
        messages.append(message)
    return replace(po, messages=tuple(messages))


def with_fields(header: Message, changes: list[tuple[str, str]], after: str = "") -> Message:
    """The header with fields replaced in place, or added at the end (or after ``after``)."""
    fields = list(header_fields(header))
    for key, value in changes:
        index = next((i for i, (k, _) in enumerate(fields) if k == key), None)
        if index is not None:
            fields[index] = (key, value)
        elif after and any(k == after for k, _ in fields):
            position = next(i for i, (k, _) in enumerate(fields) if k == after)
            fields.insert(position, (key, value))
        else:
            fields.append((key, value))
    return replace(header, msgstr=pofile.format_header(fields))


def header_fields(header: Message) -> tuple[tuple[str, str], ...]:
    return pofile.header_fields(header.msgstr)


# String layouts. GNU's (Poedit 3.9, Lokalize, Gtranslator, Virtaal write it): our writer.


def unwrapped(prefix: str, keyword: str, value: str) -> str:
    """Crowdin, POEditor: one line per embedded line break, the first on the keyword's line."""
    parts = re.findall(r"[^\n]*\n|[^\n]+", value) or [""]
    lines = [f'{prefix}{keyword} "{escape(parts[0])}"']
    lines += [f'{prefix}"{escape(part)}"' for part in parts[1:]]
    return "".join(line + "\n" for line in lines)


def greedy(width: int, breaks: str) -> Callable[[str, str, str], str]:
    """A wrapper that fills lines up to ``width`` columns, breaking after the ``breaks``
    pattern: Translate Toolkit (Weblate, Transifex) also breaks before an escaped quote at 77,
    Poedit 3.8 after the slashes of a URL."""
    opportunity = re.compile(breaks)

    def wrap(prefix: str, keyword: str, value: str) -> str:
        pieces: list[str] = []
        for part in re.findall(r"[^\n]*\n|[^\n]+", value) or [""]:
            text = escape(part)
            cuts = [m.end() for m in opportunity.finditer(text) if 0 < m.end() < len(text)]
            start, previous = 0, 0
            for cut in [*cuts, len(text)]:
                if len(prefix) + cut - start + 2 > width and previous > start:
                    pieces.append(text[start:previous])
                    start = previous
                previous = cut
            pieces.append(text[start:])
        first = f'{prefix}{keyword} "{pieces[0]}"'
        if len(pieces) == 1 and len(first) <= width:
            return first + "\n"
        return f'{prefix}{keyword} ""\n' + "".join(f'{prefix}"{piece}"\n' for piece in pieces)

    return wrap


TTK = greedy(77, r' |(?=\\")')
POEDIT_38 = greedy(79, r" |//")
# Launchpad counts the closing quote: a 72-character msgid goes on a line of its own.
LAUNCHPAD = greedy(79, r" ")


def render(po: PoFile, wrap: Callable[[str, str, str], str]) -> str:
    """The catalogue with every string laid out by ``wrap`` (comments as GNU writes them;
    references one per tool line, unwrapped as Crowdin and POEditor leave them)."""
    chunks: list[str] = []
    for message in (po.header, *po.messages):
        prefix = "#~ " if message.obsolete else ""
        lines = [f"# {c}" if c else "#" for c in message.comments]
        if not message.obsolete:
            lines += [f"#. {c}" for c in message.extracted]
            lines += [f"#: {' '.join(message.references)}"] if message.references else []
        if message.fuzzy and (message.msgstr or not message.msgid):
            lines.append("#, fuzzy")
        text = "".join(line + "\n" for line in lines)
        if message.previous_msgid is not None:
            text += wrap("#~| " if message.obsolete else "#| ", "msgid", message.previous_msgid)
        text += wrap(prefix, "msgid", message.msgid) + wrap(prefix, "msgstr", message.msgstr)
        chunks.append(text)
    return "\n".join(chunks)


def gnu(po: PoFile) -> str:
    return pofile.serialize(po)


def poedit_39(po: PoFile) -> str:
    """Poedit 3.9: GNU layout; the translator's fields and its generator at the end."""
    header = with_fields(
        po.header,
        [
            ("PO-Revision-Date", "2026-06-24 20:26+0700"),
            ("Last-Translator", "Nguyễn Hoàng Kỳ <ky@example.org>"),
            ("Language-Team", ""),
            ("Plural-Forms", "nplurals=2; plural=(n != 1);"),
            ("X-Generator", "Poedit 3.9"),
        ],
    )
    return gnu(replace(po, header=header))


def poedit_38(po: PoFile) -> str:
    """Poedit 3.8 breaks URLs after their slashes where GNU breaks elsewhere."""
    header = with_fields(po.header, [("X-Generator", "Poedit 3.8")])
    return render(replace(po, header=header), POEDIT_38)


def lokalize(po: PoFile) -> str:
    """Lokalize 21.12: GNU layout, a translator line under a bare `#`, X-Generator before
    Plural-Forms."""
    header = with_fields(
        po.header,
        [
            ("Last-Translator", "Tonus <tonus1@example.org>"),
            ("X-Generator", "Lokalize 21.12.1"),
            ("Plural-Forms", "nplurals=2; plural=(n != 1);"),
        ],
    )
    header = replace(header, comments=(*header.comments, "", "Tonus <tonus1@example.org>, 2022."))
    return gnu(replace(po, header=header))


def weblate(po: PoFile) -> str:
    """Weblate (Translate Toolkit): 77 columns, breaks before escaped quotes, its team URL."""
    header = with_fields(
        po.header,
        [
            ("Last-Translator", "Henry Ngo <huy.ngo.tech@example.org>"),
            ("Language-Team", "English <https://hosted.weblate.org/projects/translate/doc/en/>"),
            ("Plural-Forms", "nplurals=2; plural=n != 1;"),
            ("X-Generator", "Weblate 2026.7.dev0"),
        ],
    )
    return render(replace(po, header=header), TTK)


def transifex(po: PoFile) -> str:
    header = with_fields(
        po.header,
        [
            ("Last-Translator", "Stefano Karapetsas <stefano@example.org>, 2021"),
            ("Language-Team", "English (https://www.transifex.com/translate/teams/13566/en/)"),
        ],
    )
    fields = [(k, v) for k, v in header_fields(header) if k != "X-Generator"]
    header = replace(
        header,
        msgstr=pofile.format_header(fields),
        comments=(*header.comments, "", "Translators:", "Stefano Karapetsas, 2021", ""),
    )
    return render(replace(po, header=header), TTK)


def launchpad(po: PoFile) -> str:
    """A Launchpad export: its two keys, then `Language`, at the end."""
    fields = [(k, v) for k, v in header_fields(po.header) if k not in ("Language", "X-Generator")]
    fields += [
        ("X-Launchpad-Export-Date", "2014-09-07 05:59+0000"),
        ("X-Generator", "Launchpad (build 17196)"),
        ("Language", "en"),
    ]
    header = replace(po.header, msgstr=pofile.format_header(fields))
    return render(replace(po, header=header), LAUNCHPAD)


def zanata(po: PoFile) -> str:
    """Zanata 4 (OpenStack's saves): the translator's fields after the MIME ones, its
    generator before a Plural-Forms without the final semicolon."""
    fields = dict(header_fields(po.header))
    order = [
        ("Project-Id-Version", fields.get("Project-Id-Version", "doc")),
        ("Report-Msgid-Bugs-To", ""),
        ("POT-Creation-Date", fields.get("POT-Creation-Date", "")),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("PO-Revision-Date", "2022-08-14 12:25+0000"),
        ("Last-Translator", "Andi Chandler <andi@example.org>"),
        ("Language-Team", "English (United Kingdom)"),
        ("Language", "en_GB"),
        ("X-Generator", "Zanata 4.3.3"),
        ("Plural-Forms", "nplurals=2; plural=(n != 1)"),
    ]
    return gnu(replace(po, header=replace(po.header, msgstr=pofile.format_header(order))))


def crowdin(po: PoFile) -> str:
    """Crowdin: nothing wrapped, a zoneless revision date, its own keys, `en_US`."""
    header = with_fields(
        po.header,
        [
            ("PO-Revision-Date", "2023-11-22 08:44"),
            ("Last-Translator", ""),
            ("Language-Team", "English"),
            ("Language", "en_US"),
            ("Plural-Forms", "nplurals=2; plural=(n != 1);"),
            ("X-Crowdin-Project", "translate"),
            ("X-Crowdin-Language", "en"),
            ("X-Crowdin-File", "/main/locales/en/doc.po"),
        ],
    )
    return render(replace(po, header=header), unwrapped)


def poeditor(po: PoFile) -> str:
    """POEditor.com: five header fields in its own order, nothing wrapped, no header comment,
    the entries in its own order (not the source's)."""
    fields = dict(header_fields(po.header))
    header = Message(
        "",
        pofile.format_header(
            [
                ("MIME-Version", "1.0"),
                ("Content-Type", "text/plain; charset=UTF-8"),
                ("Content-Transfer-Encoding", "8bit"),
                ("X-Generator", "POEditor.com"),
                ("Project-Id-Version", fields.get("Project-Id-Version", "doc")),
                ("Language", "en"),
            ]
        ),
    )
    return render(PoFile(header, tuple(sorted(po.messages, key=lambda m: m.msgid))), unwrapped)


def windows_checkout(po: PoFile) -> str:
    """Poedit 3.9's save checked out on Windows with `core.autocrlf`: CRLF line ends."""
    return poedit_39(po).replace("\n", "\r\n")


def notepad(po: PoFile) -> str:
    """A hand edit saved by an editor that adds a BOM and drops the final line break."""
    return "\ufeff" + poedit_39(po).rstrip("\n")


EDITORS = {
    "poedit-3.9": poedit_39,
    "poedit-3.8": poedit_38,
    "lokalize-21.12": lokalize,
    "gtranslator": gnu,
    "virtaal": gnu,
    "weblate": weblate,
    "transifex": transifex,
    "launchpad": launchpad,
    "zanata": zanata,
    "crowdin": crowdin,
    "poeditor": poeditor,
    "crlf": windows_checkout,
    "bom-no-final-newline": notepad,
}


def write_doc(sentences: list[str]) -> None:
    Path("doc.vi.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")


def run() -> None:
    pipeline.run(["doc.vi.txt"], pipeline.RunOptions())


def saved_by(editor: Callable[[PoFile], str]) -> PoFile:
    """The catalogue reviewed and saved by ``editor`` (a temporary file renamed over it)."""
    text = editor(review(pofile.read(PO)))
    temporary = PO.with_name("doc.po~")
    temporary.write_bytes(text.encode("utf-8"))  # line ends as the tool wrote them
    os.replace(temporary, PO)
    return pofile.read(PO)


def assert_gnu_clean() -> None:
    checked = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(PO)], capture_output=True, text=True
    )
    assert (checked.returncode, checked.stderr) == (0, "")
    text = PO.read_text(encoding="utf-8")
    assert subprocess.run(["msgcat", str(PO)], capture_output=True, text=True).stdout == text


@needs_gettext
@pytest.mark.parametrize("editor", list(EDITORS.values()), ids=list(EDITORS))
def test_reviewed_work_survives_each_tools_save_and_two_source_edits(
    editor: Callable[[PoFile], str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    installed_package: Any,
    cli: Callable[..., CliResult],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    write_doc(V1)
    run()
    saved = saved_by(editor)
    reviewed = {m.msgid: m.msgstr for m in saved.messages if m.msgstr and not m.fuzzy}
    assert set(reviewed) >= {ACCEPTED, *REVIEWED}
    for command in ("check", "stats"):
        result = cli(command, str(PO))
        assert result.exit_code in (0, 1) and "Traceback" not in result.stderr, result.stderr

    write_doc(V2)  # one reviewed sentence removed, one machine one edited, one added
    run()
    assert_gnu_clean()
    after = {m.msgid: m for m in pofile.read(PO).messages}
    for msgid, msgstr in reviewed.items():
        assert after[msgid].msgstr == msgstr and not after[msgid].fuzzy, msgid
    assert after[LEAVING].obsolete
    assert NOTE in after[COMMENTED].comments

    # Saved again by the same tool, now with obsolete and previous-msgid entries, then a
    # third source: still nothing lost, and a run on an unchanged source writes nothing.
    saved_by(editor)
    write_doc(V3)
    run()
    assert_gnu_clean()
    final = {m.msgid: m for m in pofile.read(PO).messages}
    for msgid, msgstr in reviewed.items():
        assert final[msgid].msgstr == msgstr and not final[msgid].fuzzy, msgid
    assert final[LEAVING].obsolete
    before = PO.read_bytes()
    run()
    assert PO.read_bytes() == before


# --------------------------------------------------------------------------------------------
# The two defects the excerpts found, on their own: flags other than fuzzy, bare `#` lines


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
LONG = " ".join(["aaaa"] * 19)
FLAGGED = (
    HEADER
    + "\n#, python-format, fuzzy, mt, no-wrap, max-length:80, c-format\n"
    + 'msgid "a %s"\nmsgstr "b %s"\n'
    + '\n#, range: 0..10, no-c-format, python-brace-format\nmsgid "x {}"\nmsgstr "y {}"\n'
    + '\n#, possible-c-format, wrap\nmsgid "z"\nmsgstr "zz"\n'
    + f'\n#, no-wrap\nmsgid "{LONG}\\n{LONG}"\nmsgstr "short"\n'
    + f'\n#, c-format, no-wrap\n#~ msgid "old %s {LONG}"\n#~ msgstr "vieux %s"\n'
)
BARE = (
    "#\n# Nicolas Martyanoff <khaelin@example.org>, 2007.\n"
    + HEADER
    + '\n#\nmsgid "a"\nmsgstr "b"\n'
    '\n#: x.c:1\n#\n# kept\nmsgid "c"\nmsgstr "d"\n\n#\n#\n#: y.c:2\nmsgid "e"\nmsgstr "f"\n'
)


@needs_gettext
@pytest.mark.parametrize("text", [FLAGGED, BARE], ids=["flags", "bare-comment-lines"])
def test_flags_and_bare_comment_lines_are_kept_as_msgcat_keeps_them(text: str) -> None:
    from translate.pofile import reader

    gnu = subprocess.run(["msgcat", "-"], input=text, capture_output=True, text=True, check=True)
    assert pofile.serialize(pofile.parse(text)) == gnu.stdout
    # Both readers: the line reader (msgcat's layout) and polib (any other).
    strict = reader._parse_strict(gnu.stdout)
    assert strict is not None and strict == reader._parse_with_polib(gnu.stdout, "x")
    assert pofile.parse(text) == strict


def test_gnu_flags() -> None:
    assert pofile.gnu_flags(["python-format", "mt", "c-format", "wrap"]) == (
        "c-format",
        "python-format",
    )
    assert pofile.gnu_flags(["no-wrap", "range:1..5", "no-c-format", "c-format"]) == (
        "c-format",
        "range: 1..5",
        "no-wrap",
    )
    assert pofile.gnu_flags(["possible-python-format", "max-length:80", "fuzzy"]) == (
        "python-format",
    )


def test_two_flag_lines_both_count() -> None:
    """A Pootle 1.0 save (quoted in Translate Toolkit's tests) writes `#, python-format` and
    `#, fuzzy` on two lines. Translate Toolkit reads both; GNU 0.21 keeps only the last line,
    so `#, fuzzy` then `#, c-format` would compile an unreviewed entry. Both count here: the
    entry stays fuzzy and keeps its format flag, and is written on one line as GNU writes it."""
    for lines in ("#, python-format\n#, fuzzy\n", "#, fuzzy\n#, python-format\n"):
        po = pofile.parse(
            HEADER + f'\n#: web/server.py:57\n{lines}msgid "Login for %s"\n'
            'msgstr "Meld aan vir %s"\n'
        )
        (message,) = po.messages
        assert (message.fuzzy, message.flags) == (True, ("python-format",))
        assert "\n#, fuzzy, python-format\n" in pofile.serialize(po)


def test_an_import_into_a_real_catalogue_changes_only_what_it_imports(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    """XLIFF back into Gtranslator's dpkg catalogue: one entry and the revision date change;
    before, every `#, c-format` line of the file went too."""
    original = (DATA / "gtranslator-2.91-dpkg.vi.po").read_text(encoding="utf-8")
    catalogue, xliff = tmp_path / "vi.po", tmp_path / "vi.xlf"
    catalogue.write_text(original, encoding="utf-8")
    assert cli("export", str(catalogue), "--format", "xliff", "-o", str(xliff)).exit_code == 0
    old = "không thể ghi tập tin “%s”"
    text = xliff.read_text(encoding="utf-8")
    assert text.count(f">{old}</target>") == 1
    xliff.write_text(text.replace(f">{old}</target>", ">không ghi được tập tin “%s”</target>"))
    result = cli("import", str(xliff), "--catalog", str(catalogue))
    assert result.exit_code == 0, result.stderr
    expected = original.replace(f'msgstr "{old}"', 'msgstr "không ghi được tập tin “%s”"')
    written = catalogue.read_text(encoding="utf-8")
    revision = re.compile(r'^"PO-Revision-Date: [^"]*"$', re.MULTILINE)
    assert revision.sub("", written) == revision.sub("", expected)
