"""Our catalogues saved by the tools reviewers use, then updated again (issue 12, Tests).

A catalogue with every kind of provenance (`# mt:` with long `# mt-alt:` lines, a
`# mt-suggestion:` and `#|` on a close match, `# copy:`) is reviewed (entries accepted,
rewritten, commented, a comment that starts with "mt:"), saved by polib (its default width
78), polib at 77 (a Weblate-style writer), Babel's ``write_po`` (when Babel is installed; it is
not a project dependency), GNU ``msgcat``, GNU ``msgattrib --clear-fuzzy`` and, when
``TRANSLATE_TOOLKIT_PYTHON`` names a Python with Translate Toolkit (it cannot share our
environment), Translate Toolkit's PO storage; then updated on a changed source. Every reviewed
translation must come back byte-exact, no fragment of our comments may survive as a translator
comment, and the result must be `msgfmt --check`-silent and msgcat-stable.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import textwrap
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from gnu_tools import assert_gnu_clean
from test_catalog import MACHINE, document, mt

from translate.catalog import apply_update, plan_update, template_entries
from translate.document import NO_LANGUAGE
from translate.pofile import Message, PoFile, parse, serialize
from translate.provenance import is_own_line
from translate.translation import Translation

HAS_GETTEXT = all(shutil.which(tool) for tool in ("msgfmt", "msgcat", "msgattrib"))
pytestmark = pytest.mark.skipif(not HAS_GETTEXT, reason="GNU gettext is not installed")
HAS_BABEL = importlib.util.find_spec("babel") is not None
TTK_PYTHON = os.environ.get("TRANSLATE_TOOLKIT_PYTHON", "")

V1 = [
    ("Tuần lễ chuyển đổi số Huế 2023 diễn ra trong hai ngày tại trung tâm hội nghị.", "vi"),
    ("Xin cảm ơn ông!", "vi"),
    ("Các đại biểu nghe giới thiệu về các giải pháp số của tỉnh Thừa Thiên Huế.", "vi"),
    ("Ông Nguyễn Văn A. cho biết hệ thống Hue-S đã có hơn 900.000 tài khoản.", "vi"),
    ("Return to top", "en"),
    ("12/11/2023 07:26", NO_LANGUAGE),
    ("Hội thảo chuyên đề về dữ liệu số thu hút nhiều doanh nghiệp tham gia.", "vi"),
    ("Câu này sẽ bị xoá khỏi văn bản nguồn ở lần sau.", "vi"),
]
# The second source: one short sentence edited (a close match with #| and a suggestion).
V2 = [V1[0], ("Xin chân thành cảm ơn ông!", "vi"), *V1[2:]]
# The third: a sentence added, one removed.
V3 = [*V2[:7], ("Một câu hoàn toàn mới được thêm vào cuối bài viết.", "vi")]

HUMAN = (
    "reviewer: the name Hue-S is the product's own spelling and must never be translated or "
    "split, whatever the machine proposes",
    "mt: wrong here, see the glossary entry for 'chuyển đổi số'",
)


def machine(text: str) -> Translation:
    """Long stand-ins for model output, with two long alternatives (wrapped by every tool)."""
    long = f"Machine translation of «{text}» rendered at some length to be wrapped"
    return mt(long, -0.4, [(long + " (alternative one)", -0.7), (long + " (second)", -0.9)])


def update(lines: list[tuple[str, str]], old: PoFile | None) -> PoFile:
    entries = template_entries([document("seeds/doc.vi.txt", lines)])
    plan = plan_update(entries, old, source_lang="vi")
    messages = apply_update(
        entries,
        old,
        plan,
        {msgid: machine(msgid) for msgid in plan.needs_mt},
        source_lang="vi",
        target_lang="en",
        machine=MACHINE,
    )
    header = Message(
        "",
        "Project-Id-Version: doc\nPO-Revision-Date: 2023-11-12 07:26+0000\n"
        "Last-Translator: Reviewer <r@example.org>\nLanguage-Team: English\nLanguage: en\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\nPlural-Forms: nplurals=2; plural=(n != 1);\n",
    )
    return PoFile(header=header, messages=messages)


def reviewed_catalogue() -> PoFile:
    po = update(V2, update(V1, None))
    out: list[Message] = []
    for message in po.messages:
        if message.msgid == V1[0][0]:  # accepted as it is
            message = replace(message, fuzzy=False)
        elif message.msgid == V1[2][0]:  # rewritten, with a long comment
            message = replace(
                message,
                msgstr="Delegates heard about the province's digital solutions.",
                fuzzy=False,
                comments=(HUMAN[0], *message.comments),
            )
        elif message.msgid == V1[3][0]:  # rewritten, with a comment that starts with mt:
            message = replace(
                message,
                msgstr="Mr Nguyen Van A. said Hue-S had over 900,000 accounts.",
                fuzzy=False,
                comments=(HUMAN[1], *message.comments),
            )
        elif message.msgid == V1[7][0]:  # rewritten; its sentence leaves the source next
            message = replace(message, msgstr="This sentence will be deleted.", fuzzy=False)
        out.append(message)
    return replace(po, messages=tuple(out))


def save_polib(path: Path, width: int = 78) -> None:
    import polib

    catalogue = polib.pofile(str(path), wrapwidth=width)
    catalogue.save(str(path))


def save_polib_77(path: Path) -> None:
    save_polib(path, 77)


def save_babel(path: Path) -> None:
    from babel.messages.pofile import read_po, write_po

    with path.open("rb") as stream:
        catalogue = read_po(stream)
    with path.open("wb") as stream:
        write_po(stream, catalogue)


def save_gnu(*command: str) -> Callable[[Path], None]:
    def save(path: Path) -> None:
        done = subprocess.run([*command, "-o", str(path), str(path)], capture_output=True)
        assert done.returncode == 0, done.stderr

    return save


TTK_SAVE = textwrap.dedent(
    """
    import sys
    from translate.storage import factory
    store = factory.getobject(sys.argv[1])  # translate.storage.pypo, as Weblate uses it
    store.savefile(sys.argv[1])
    """
)


def save_translate_toolkit(path: Path) -> None:
    # -I: isolated, so that this repository's `translate` package does not shadow Translate
    # Toolkit's (they share the name).
    done = subprocess.run([TTK_PYTHON, "-I", "-c", TTK_SAVE, str(path)], capture_output=True)
    assert done.returncode == 0, done.stderr


TOOLS = [
    pytest.param(save_polib, id="polib-78"),
    pytest.param(save_polib_77, id="weblate-width-77"),
    pytest.param(
        save_babel,
        id="babel",
        marks=pytest.mark.skipif(not HAS_BABEL, reason="Babel is not installed (optional)"),
    ),
    pytest.param(save_gnu("msgcat"), id="msgcat"),
    pytest.param(save_gnu("msgattrib", "--clear-fuzzy"), id="msgattrib-clear-fuzzy"),
    pytest.param(
        save_translate_toolkit,
        id="translate-toolkit",
        marks=pytest.mark.skipif(
            not TTK_PYTHON, reason="set TRANSLATE_TOOLKIT_PYTHON to a Python with it installed"
        ),
    ),
]


def reviewed_entries(po: PoFile) -> dict[tuple[str | None, str], str]:
    return {m.key: m.msgstr for m in po.messages if m.translated and not m.fuzzy}


@pytest.mark.parametrize("save", TOOLS)
def test_saved_by_an_editor_then_updated(save: Callable[[Path], None], tmp_path: Path) -> None:
    path = tmp_path / "doc.po"
    path.write_text(serialize(reviewed_catalogue()), encoding="utf-8")
    save(path)
    saved = parse(path.read_text(encoding="utf-8"))
    reviewed = reviewed_entries(saved)
    assert len(reviewed) >= 5  # accepted, rewritten, copies (and all of them after msgattrib)

    result = update(V3, saved)
    text = serialize(result)
    by_key = {m.key: m for m in result.messages}
    for key, msgstr in reviewed.items():
        message = by_key[key]
        assert message.msgstr.encode() == msgstr.encode(), key
        assert not message.fuzzy
    assert by_key[(None, V1[7][0])].obsolete
    for message in result.messages:
        for comment in message.comments:
            # A person's comment may come back re-wrapped by the editor; ours never in pieces.
            human = any(comment.strip() in text for text in HUMAN)
            assert human or is_own_line(comment), (message.msgid, comment)
        if message.translated and not message.fuzzy:
            assert message.previous_msgid is None
            assert not any(c.startswith("mt-suggestion:") for c in message.comments)
    final = tmp_path / "final.po"
    final.write_text(text, encoding="utf-8")
    assert_gnu_clean(final)
    # And the next update on the same source changes nothing.
    assert update(V3, result).messages == result.messages
