"""Lists flattened onto one line after their introducers (R10): `… mang theo: - Đơn …; - Bản
sao …`. Each introducer ending in `:` is a segment of its own and each item after it starts
one, for every introducer of the unit (a lesson plan's or a how-to's sections run together:
`Kỹ năng: - Đo … Thái độ: - Cẩn thận …`), not only the first. A bullet is a dash, `•`, `+` or
a Markdown `*`, with a space after it; an item list ends at a sentence end that no item follows,
or before a roman numeral's dash (`II - Phương pháp`: the next section's heading).
"""

from __future__ import annotations

import re

_FLAT_LIST = re.compile(r":\s*(?=[-–•+*]\s)")
_FLAT_ITEM = re.compile(r"(?:\s|(?<=[;.]))(?=[-–•+*]\s)")
_LIST_ENDS = re.compile(r"[.!?…]\s+(?![-–•+*]\s)")
_ROMAN_BEFORE = re.compile(r"(?<!\S)[IVX]{1,4}\Z")


def flat_list_cuts(text: str, start: int, colon: int, end: int) -> list[int]:
    """The starts of the flattened items in the unit ``text[start:end]`` after ``colon``, its
    first colon, in order. Each introducer's items are looked for up to the next introducer,
    so each stretch is searched once: linear."""
    cuts: list[int] = []
    introducers = list(_FLAT_LIST.finditer(text, colon, end))
    stars, counted = 0, start  # the `*` before ``counted``: an odd count leaves emphasis open
    for index, introducer in enumerate(introducers):
        stop = introducers[index + 1].start() if index + 1 < len(introducers) else end
        checked = introducer.end()
        marker = text[checked]
        if marker == "*":
            stars += text.count("*", counted, checked)
            counted = checked
            if stars % 2:
                continue  # `… chia *sẻ: * “Đấy …`: the star closes an emphasis
        cuts.append(checked)
        for item in _FLAT_ITEM.finditer(text, checked + 1, stop):
            if _LIST_ENDS.search(text, checked, item.end()) is not None:
                break  # a sentence after the last item ends the list
            if _ROMAN_BEFORE.search(text, max(checked, item.start() - 6), item.start()):
                break  # `… khoa học II - Phương pháp`: the next section's numeral and dash
            checked = item.end()
            if text[checked] == marker:
                cuts.append(checked)
    return cuts
