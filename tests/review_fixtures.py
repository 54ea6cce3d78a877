"""Catalogues for the review tests: every review state, findings, alternatives, a hostile
msgid, and a large catalogue; written as `translate run` writes them (translate.pofile)."""

from __future__ import annotations

from pathlib import Path

from translate.pofile import Message, PoFile, format_header, serialize
from translate.provenance import copy_comment, machine_comments, suggestion_comment
from translate.translation import Alternative, MachineSource, Translation

SOURCE = "seeds/sample.vi.txt"
MACHINE = MachineSource("argos-ctranslate2", "translate-vi_en", "1.0")
HOSTILE = '<script>document.title="pwned"</script><img src=x onerror="alert(1)">'


def header(project: str = "sample") -> Message:
    fields = [
        ("Project-Id-Version", project),
        ("PO-Revision-Date", "2023-11-12 07:26+0000"),
        ("Last-Translator", "Reviewer <reviewer@example.org>"),
        ("Language-Team", "English"),
        ("Language", "en"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("Plural-Forms", "nplurals=2; plural=(n != 1);"),
    ]
    return Message(msgid="", msgstr=format_header(fields))


def machine(
    msgid: str, msgstr: str, score: float, line: int, *alts: str, source: str = SOURCE
) -> Message:
    translation = Translation(
        msgid,
        msgstr,
        score,
        tuple(Alternative(text, score - 0.2 * (i + 1)) for i, text in enumerate(alts)),
    )
    return Message(
        msgid=msgid,
        msgstr=msgstr,
        comments=tuple(machine_comments(translation, msgstr, MACHINE)),
        references=(f"{source}:{line}",),
        fuzzy=True,
    )


def sample_messages() -> tuple[Message, ...]:
    suggestion = suggestion_comment(Translation("x", "The city has over 900,000 accounts.", -0.4))
    return (
        Message(
            "Hướng đến hệ sinh thái đồng bộ trong chuyển đổi số",
            "Towards a unified ecosystem in digital transformation",
            references=(f"{SOURCE}:1",),
        ),
        machine(
            "Tuần lễ chuyển đổi số diễn ra trong 2 ngày.",
            "The digital week lasts two days.",
            -0.312,
            3,
            "The digital transformation week takes 2 days.",
        ),
        machine(
            "Sự kiện thu hút hơn 50 diễn giả.", "The event draws more than 50 speakers.", -1.734, 3
        ),
        Message(
            "Thành phố có hơn 900.000 tài khoản Hue-S.",
            "The city has many Hue-S accounts.",
            comments=(suggestion,),
            references=(f"{SOURCE}:5",),
            fuzzy=True,
            previous_msgid="Thành phố có 800.000 tài khoản Hue-S.",
        ),
        Message("Chưa có bản dịch cho câu này.", "", references=(f"{SOURCE}:5",)),
        Message(
            "Return to top",
            "Return to top",
            comments=(copy_comment("en"),),
            references=(f"{SOURCE}:7",),
        ),
        Message(
            HOSTILE,
            HOSTILE + " translated",
            comments=('<b onmouseover="alert(2)">a translator</b>',),
            references=(f"{SOURCE}:9",),
            fuzzy=True,
            previous_msgid="</details><script>alert(3)</script>",
        ),
        Message(
            "Ông cho biết có 3,5% người dân dùng dịch vụ.",
            "He said few residents use the service.",
            references=(f"{SOURCE}:9",),
        ),
        Message("Câu đã bị xóa khỏi nguồn.", "A sentence removed from the source.", obsolete=True),
    )


def write_sample(folder: Path, name: str = "sample.po") -> Path:
    path = folder / name
    path.write_text(serialize(PoFile(header(), sample_messages())), encoding="utf-8")
    return path


def write_large(folder: Path, count: int = 5000) -> Path:
    """``count`` entries over ``count // 4`` paragraphs, a mix of states and scores."""
    messages: list[Message] = []
    for number in range(count):
        line = 1 + 2 * (number // 4)
        msgid = f"Câu số {number} của tài liệu lớn, có {number % 97} người tham dự hội nghị."
        msgstr = f"Sentence {number} of the large document, {number % 97} people attend."
        kind = number % 5
        if kind in (0, 1, 2):
            score = -0.05 - (number % 60) * 0.04
            messages.append(machine(msgid, msgstr, score, line, source="big.vi.txt"))
        elif kind == 3:
            messages.append(Message(msgid, msgstr, references=(f"big.vi.txt:{line}",)))
        else:
            messages.append(Message(msgid, "", references=(f"big.vi.txt:{line}",)))
    path = folder / "large.po"
    path.write_text(serialize(PoFile(header("large"), tuple(messages))), encoding="utf-8")
    return path
