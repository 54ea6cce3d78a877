"""Upper-case headings run into the text after them with a space (R9, D2; issue 11, round 7).

Flattened reports and papers (a viewer's text of a PDF, a document-sharing page) lose the line
break after their upper-case headings:

* a numbered heading's title in upper case ends where a capitalised word followed by a
  lowercase one starts (`2. ĐÁNH GIÁ Ý TƯỞNG ‖ Đánh giá về sản phẩm`): the case of the words
  is the document's own evidence of where the heading stops. Looked at only after a list
  number that opens a segment (a candidate end the sentence pass visits anyway);
* a paper's section labels in upper case (`TÓM TẮT`, `ABSTRACT`: the round-6 labels
  `Tóm tắt:` and `Abstract:` as a flattened first page prints them) are units of their own
  after the front matter they are run into (`… CAO HOÀI ĐỨC ‖ TÓM TẮT ‖ Đề tài đã …`), when
  running text follows. Looked for once per document (:func:`.labels.label_marks`: a literal
  search each).

Each look is one anchored, bounded match: linear.
"""

from __future__ import annotations

import re

from translate.segment.patterns import LOWER, UPPER
from translate.segment.runin import lowercase_soon
from translate.vietnamese import is_vietnamese_syllable

# Two to twelve upper-case words, a space, then a capitalised word and a lowercase one.
_CAPS_TITLE = re.compile(
    rf"[{UPPER}]+(?:[ \t][{UPPER}]+){{1,11}}[ \t](?=[{UPPER}][{LOWER}]+[ \t]+[{LOWER}])"
)
_LONGEST_TITLE = 120  # characters


def caps_title_end(text: str, title_start: int, end: int) -> int:
    """Where the text after an upper-case numbered heading's title starts (the title starts at
    ``title_start``), or -1: the title's words must be Vietnamese syllables (acronyms and codes
    are no heading: `UBND TP Hà Nội`)."""
    title = _CAPS_TITLE.match(text, title_start, min(end, title_start + _LONGEST_TITLE))
    if title is None:
        return -1
    if not all(is_vietnamese_syllable(word) for word in title.group().split()):
        return -1
    return title.end()


# A paper's section labels in upper case (two: each is a scan of the whole document).
CAPS_PAPER_LABELS = ("TÓM TẮT", "ABSTRACT")


def caps_label_joins(text: str, start: int, end: int, marks: list[int]) -> list[int]:
    """Cuts before and after each upper-case section label at ``marks`` (positions of
    :data:`CAPS_PAPER_LABELS` in the unit) that stands as a word after a space (or at the
    unit's start), with a capitalised word and running text soon after it."""
    joins = []
    for at in marks:
        label = next(label for label in CAPS_PAPER_LABELS if text.startswith(label, at))
        after = at + len(label) + 1
        if after >= end or text[after - 1] != " " or not text[after].isupper():
            continue  # (`ABSTRACTS`, `TÓM TẮT:`: not a label run into its text)
        if at > start and text[at - 1] != " ":
            continue  # (glued to a word: `…ĐỨCTÓM TẮT`)
        if not lowercase_soon(text, after, end, 4):
            continue  # (`TÓM TẮT LUẬN ÁN`: a title)
        joins += [at, after] if at > start else [after]
    return joins
