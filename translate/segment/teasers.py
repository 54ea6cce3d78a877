"""Teasers of a listing or a tag page: a lead cut with an ellipsis, then its link label.

`… chia sẻ sau trận đấu. Đây là … Read more‖HLV Shin …`: the label (`Read more`, `Đọc tiếp`,
`Xem thêm`) is a segment of its own (CALLS-A call 16, CALLS-M call 11), so the ellipsis before
it ends the teaser whatever word it follows (`Đây là …` goes on in prose, not before a label),
and the linked title after the label starts a new segment: glued, even when it opens with an
acronym (`Read moreHLV`) or an English word (`Read moreThe`), which the case rules of
:mod:`.joins` leave alone, or after a space (`… Read more HLV Shin …`) when the label follows
the teaser's ellipsis (`Xem thêm Điều 5 …` after a full stop is a sentence).
"""

from __future__ import annotations

# The link labels of Vietnamese pages and the English themes they use; a small lexicon.
READ_MORE_LABELS = (
    "Read more",
    "Read More",
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


LABEL_INITIALS = frozenset(label[0] for label in READ_MORE_LABELS)


def title_after_label(text: str, position: int, end: int) -> int:
    """Where the linked title starts after the link label at ``position`` (a capital or an
    opening quote after it, glued or after spaces), or -1."""
    for label in READ_MORE_LABELS:
        if text.startswith(label, position):
            title = position + len(label)
            while title < end and text[title] in " \t":
                title += 1
            if title < end and (text[title].isupper() or text[title] in '"“‘'):
                return title
            return -1
    return -1
