"""Capitalised names hard-wrapped across a line break: `… ngày mất của Hồ⏎Chí Minh`,
`… tỉnh Hà⏎Tĩnh`, `… cá tra Việt⏎Nam`.

Vietnamese names of people and places are runs of capitalised syllables, so the case of the
next line cannot tell a wrapped name from a new line. Two kinds of evidence can: the document
writes the same pair of words on one line elsewhere (its own evidence, found with one scan of
the text the first time it is asked), or the pair is one of a few dozen place names that
every kind of document mentions (the provinces and the largest neighbours).
"""

from __future__ import annotations

import re

from translate.segment.patterns import LOWER, UPPER

# Two capitalised words separated by spaces on one line; the look-ahead lets pairs overlap
# (`Hồ Chí Minh` gives `Hồ Chí` and `Chí Minh`).
_TITLE_PAIR = re.compile(
    rf"(?<![^\W\d_])([{UPPER}][{LOWER}]+)[ \t\u00a0]+(?=([{UPPER}][{LOWER}]+)(?![^\W\d_]))"
)
TITLE_WORD = re.compile(rf"[{UPPER}][{LOWER}]+\Z")

_PLACE_NAMES = (
    "Việt Nam, Hà Nội, Hồ Chí Minh, Hải Phòng, Đà Nẵng, Cần Thơ, Thừa Thiên Huế, Hà Giang, "
    "Cao Bằng, Bắc Kạn, Tuyên Quang, Lào Cai, Điện Biên, Lai Châu, Sơn La, Yên Bái, Hòa Bình, "
    "Thái Nguyên, Lạng Sơn, Quảng Ninh, Bắc Giang, Phú Thọ, Vĩnh Phúc, Bắc Ninh, Hải Dương, "
    "Hưng Yên, Thái Bình, Hà Nam, Nam Định, Ninh Bình, Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình, "
    "Quảng Trị, Quảng Nam, Quảng Ngãi, Bình Định, Phú Yên, Khánh Hòa, Ninh Thuận, Bình Thuận, "
    "Kon Tum, Gia Lai, Đắk Lắk, Đắk Nông, Lâm Đồng, Bình Phước, Tây Ninh, Bình Dương, Đồng Nai, "
    "Bà Rịa, Vũng Tàu, Long An, Tiền Giang, Bến Tre, Trà Vinh, Vĩnh Long, Đồng Tháp, An Giang, "
    "Kiên Giang, Hậu Giang, Sóc Trăng, Bạc Liêu, Cà Mau, Tây Nguyên, Trung Quốc, Nhật Bản, "
    "Hàn Quốc, Hoa Kỳ, Triều Tiên, Đài Loan, Thái Lan, Đông Nam Á, Liên Hợp Quốc"
)
KNOWN_PAIRS = frozenset(
    (words[index], words[index + 1])
    for name in _PLACE_NAMES.split(", ")
    for words in [name.split()]
    for index in range(len(words) - 1)
)


class NamePairs:
    """The capitalised word pairs a document writes on one line (computed when first asked)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._pairs: frozenset[tuple[str, str]] | None = None

    def one_name(self, left: str, right: str) -> bool:
        """Are the capitalised words ``left`` and ``right`` one name?"""
        if (left, right) in KNOWN_PAIRS:
            return True
        if self._pairs is None:
            self._pairs = frozenset(
                (match.group(1), match.group(2)) for match in _TITLE_PAIR.finditer(self._text)
            )
        return (left, right) in self._pairs
