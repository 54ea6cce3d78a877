"""Photo credits run into their caption and into the story (R7, issue 11): `… tại cơ quan
công an ẢNH: CTV ‖Trước đó, …`, `… sáng sớm. Ảnh: Reuters ‖Người dân …`, `… hồ sen - Ảnh: Zing
‖Theo …`, `Ảnh: Lê Huy - TTXVN ‖Giá lúa …`: the credit is a segment of its own, or stays with a
caption it is joined to by a dash; a scraped page's caption repeated after its credit starts
again. One regex search for the labels, then a bounded look at each."""

from __future__ import annotations

import re

from translate.segment.patterns import LOWER, UPPER
from translate.segment.runin import opens_prose

# A credit label after a word and a space (not after `(`: `(Ảnh: TTXVN)` is an aside).
# (It opens with a character class, so that the regex engine skips ahead quickly.)
# A credit after a dash has no colon: `… biên tập viên Tuanvietnam - Ảnh HN`.
_CREDIT = re.compile(
    r"[ẢN\-–](?:(?<=Ả)nh:|(?<=Ả)NH:|(?<=N)guồn:|(?<=N)GUỒN:"
    rf"|(?<=[-–]) Ảnh(?= [{UPPER}][^\s]{{0,12}}(?: \|| cung cấp|$)))\s*(?=\S)",
    re.MULTILINE,
)
# A credit's value: one to four names or agency codes (`CTV`, `Quang Định`, `TTXVN/Reuters`),
# and the agency's upper-case code after a dash (`Vũ Sinh - TTXVN`).
_CREDIT_VALUE = re.compile(
    rf"[{UPPER}][\w./&-]*(?:\s+[{UPPER}][\w./&-]*){{0,3}}"
    rf"(?P<agency> [-–] [{UPPER}]{{2,}}(?![{LOWER}])[\w./&+-]*)?"
)


_GLUED_CAPITAL = re.compile(rf"[{LOWER}][{UPPER}]")  # (a scrape join cuts there)
# A credit after a finished caption, or joined to it by a dash (which keeps it with the
# caption, `… chú rể - Ảnh: Zing`): only the story after it is cut.
_ENDS_BEFORE_CREDIT = frozenset(".!?…-–")


def credit_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts before a credit run into a caption, and after it where the story goes on."""
    joins: list[int] = []
    for label in _CREDIT.finditer(text, start, end):
        repeat = _caption_repeated(text, start, label.end(), end)
        if repeat >= 0:  # (`Đối tượng T. Ảnh: Công an TP Hà Nội ‖Đối tượng T. Ảnh: …`)
            joins.append(repeat)
        before = label.start() - 2
        glued = label.start() > start and (
            text[before + 1].isalnum() or text[before + 1] in ")]"
        )  # (`… công anẢNH: CTV ‖Trước đó`: the glued join is cut in .joins)
        if label.start() > start and not glued:  # (at the start, only the story is cut)
            if before < start or text[before + 1] != " ":
                continue
            if text[before] in _ENDS_BEFORE_CREDIT:
                pass  # `… Pukguksong-2. Ảnh: Reuters ‖Người …`: the period cuts before it
            elif not (text[before].isalnum() or text[before] in ")]"):
                continue  # in an aside: `(Ảnh: TTXVN)`
            else:
                joins.append(label.start())
        elif glued and text[label.start()] in "-–":
            joins.append(label.start())  # `… biên tập viên Tuanvietnam‖- Ảnh HN |`
        if repeat >= 0:
            continue
        value = _CREDIT_VALUE.match(text, label.end(), end)
        if value is None:
            continue
        words = list(re.finditer(r"\S+", value.group()))
        # The story starts at the first word of the value that opens prose (`CTV Trước đó`).
        for index, word in enumerate(words[1:], start=2):
            position = label.end() + word.start()
            if opens_prose(text, position, end, strong=False):
                following = label.end() + words[index].start() if index < len(words) else -1
                if (following >= 0 and opens_prose(text, following, end, strong=False)) or (
                    _GLUED_CAPITAL.search(word.group()) is not None
                ):  # a name's last word first: `Nguồn: Tuổi Trẻ ‖Sáng nay`, `Tuổi TrẻSáng`
                    continue
                joins.append(position)
                break
        else:
            after = value.end()
            if (
                after + 1 < end
                and text[after] == " "
                and (
                    (value.group("agency") is not None and text[after + 1].isupper())
                    or opens_prose(text, after + 1, end, strong=False)
                )
            ):  # (after the agency's code the credit is over: `- TTXVN ‖Đổi mới …`)
                joins.append(after + 1)
    return joins


_CAPTION_HEAD = 3  # words
_CREDIT_REACH = 60  # characters: the longest credit value


def _caption_repeated(text: str, start: int, value_start: int, end: int) -> int:
    """Where a scraped page's caption starts again after its credit (the unit's first words,
    capitalised, after a space within a credit's length), or -1."""
    head = text[start : min(end, start + 40)].split()[:_CAPTION_HEAD]
    if len(head) < _CAPTION_HEAD or not head[0][:1].isupper():
        return -1
    found = text.find(" " + " ".join(head), value_start, min(end, value_start + _CREDIT_REACH))
    return -1 if found < 0 else found + 1
