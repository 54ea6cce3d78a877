"""Teasers of a listing or a tag page: a lead cut with an ellipsis, then its link label.

`… chia sẻ sau trận đấu. Đây là … Read more‖HLV Shin …`: the label (`Read more`, `Đọc tiếp`,
`Xem thêm`) is a segment of its own (CALLS-A call 16, CALLS-M call 11), so the ellipsis before
it ends the teaser whatever word it follows (`Đây là …` goes on in prose, not before a label),
and the linked title the page glued to the label starts a new segment, even when it opens with
an acronym (`Read moreHLV`) or an English word (`Read moreThe`), which the case rules of
:mod:`.joins` leave alone.
"""

from __future__ import annotations

# The link labels of Vietnamese pages and the English themes they use; a small lexicon.
READ_MORE_LABELS = (
    "Read more",
    "Continue reading",
    "Đọc tiếp",
    "Đọc thêm",
    "Xem tiếp",
    "Xem thêm",
    "Xem chi tiết",
)
# What a label stands after when it is a link: a stop or an ellipsis (the teaser's cut), a
# colon, or the `>>` of a link line; spaces between.
_BEFORE_LABEL = frozenset(".!?…:>")


def label_glued_at(text: str, start: int, position: int) -> bool:
    """Does a link label end right at ``position`` (a capital glued after it), standing
    after the unit's start or a stop, an ellipsis or `>>` (not `đọc thêm` inside prose)?"""
    if not text.endswith(READ_MORE_LABELS, start, position):
        return False
    label_start = position - next(
        len(label) for label in READ_MORE_LABELS if text.endswith(label, start, position)
    )
    before = label_start - 1
    while before >= start and text[before] in " \t":
        before -= 1
    return before < start or text[before] in _BEFORE_LABEL
