"""Capitalised names hard-wrapped across a line break: `… ngày mất của Hồ⏎Chí Minh`,
`… tỉnh Hà⏎Tĩnh`, `… cá tra Việt⏎Nam`.

Vietnamese names of people and places are runs of capitalised syllables, so the case of the
next line cannot tell a wrapped name from a new line. Two kinds of evidence can: the document
writes the same pair of words on one line nearby (its own evidence: the same page or article,
a bounded search), or the pair is one of a few dozen place names that
every kind of document mentions (the provinces and the largest neighbours).
"""

from __future__ import annotations

import re

from translate.segment.patterns import LOWER, UPPER

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


_WINDOW = 3000  # characters each side of the line break: the same page


class NamePairs:
    """Does the document write a pair of capitalised words on one line near a line break?"""

    def __init__(self, text: str) -> None:
        self._text = text

    def one_name(self, left: str, right: str, position: int) -> bool:
        """Are the capitalised words ``left`` and ``right`` (wrapped at ``position``) one
        name? (A bounded search each side: linear in the text.)"""
        if (left, right) in KNOWN_PAIRS:
            return True
        floor, ceiling = max(0, position - _WINDOW), position + _WINDOW
        return self._text.find(f"{left} {right}", floor, ceiling) >= 0
