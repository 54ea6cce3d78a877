"""Issue 11, fifth round: forms that only the former held-out sets (now dev4 and dev5) show,
each with what must stay whole next to the rule.

Glued: a straight quote that opens a quotation of several sentences right after a full stop,
a curly quote glued after a date's full stop. Each case was written for this file; none is
copied from a dev or held-out document.
"""

from __future__ import annotations

import pytest

from translate.segment import segment_text

SPLIT: list[tuple[str, str, list[str]]] = [
    (
        "a glued straight quote opening a quotation of two sentences",
        'Giá phân bón giảm rất chậm."Vì vậy, nông dân vẫn lỗ. Vụ tới còn khó", ông Hai nói.',
        [
            "Giá phân bón giảm rất chậm.",
            '"Vì vậy, nông dân vẫn lỗ.',
            'Vụ tới còn khó", ông Hai nói.',
        ],
    ),
    (
        "a curly quote glued after a date's full stop",
        "Sở Y tế ra thông báo ngày 12/9.“Bệnh viện sẽ mở thêm hai khoa mới.”",
        ["Sở Y tế ra thông báo ngày 12/9.", "“Bệnh viện sẽ mở thêm hai khoa mới.”"],
    ),
]

WHOLE: list[tuple[str, str]] = [
    (
        "a closing straight quote after a quoted phrase's full stop",
        'Người dân gọi đó là "cơn bão lịch sử".',
    ),
    ("a date inside a path", "Tải bản scan tại https://so.gov.vn/tb/12/9.Thong-bao.pdf nhé."),
]


def _texts(text: str) -> list[str]:
    return [segment.text for segment in segment_text(text).segments]


@pytest.mark.parametrize(("name", "text", "expected"), SPLIT, ids=[case[0] for case in SPLIT])
def test_split(name: str, text: str, expected: list[str]) -> None:
    assert _texts(text) == expected, name


@pytest.mark.parametrize(("name", "text"), WHOLE, ids=[case[0] for case in WHOLE])
def test_whole(name: str, text: str) -> None:
    assert _texts(text) == [text], name
