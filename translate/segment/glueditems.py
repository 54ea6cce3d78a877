"""List items glued to the bracket or entity that ends the item before them, where a page's
list lost its line breaks (issue 11): `… Lao động 2019)+ Người lao động …`, `… tiền
lương&nbsp;- Trường hợp …`, a Markdown list of links (`… (#tong-quan)- [Giấy phép](…)`) and a
numbered item (`… ở cá vàng)2. Làm …`). A look at the character after each `)` first: prose has
brackets, seldom a glued item."""

from __future__ import annotations

import re

from translate.segment.patterns import NON_SPACE_RUN, UPPER

# A list item glued to the bracket or the entity that ends the line before it, where a page's
# list lost its line breaks: `… (khoản 3 Điều 97 Bộ luật Lao động 2019)+ Người lao động …`,
# `… tạm ứng tiền lương&nbsp;- Trường hợp …` (the marker, a space and a capital: an item).
_GLUED_ITEM = re.compile(rf"(?:\)|&nbsp;)(?=[-–+•] [{UPPER}])")
_ITEM_MARKERS = frozenset("-–+•")
# A Markdown list of links that lost its line breaks: the next item's link glued to the
# bracket that closes the link before it (`… [Tổng quan](#tong-quan)- [Giấy phép](…)`).
_GLUED_LINK_ITEM = re.compile(r"\)(?=[-*+•] \[)")
_LINK_ITEM_MARKERS = _ITEM_MARKERS | {"*"}
# A numbered item glued to the bracket that ends the item before it: `… ở cá vàng)‖2. Làm …`
# (the number, its stop, a space and a capital, looked at past the span: the stop may end it;
# `(2022)2.000 người` is a number).
_GLUED_NUMBER_ITEM = re.compile(rf"\d{{1,2}}\.[ \t]+[{UPPER}]")
_LINK_REACH = 400  # characters from a link's `](` to its closing bracket


def glued_item_joins(text: str, start: int, end: int) -> list[int]:
    """Cuts before list items glued to a closing bracket or a `&nbsp;` (:data:`_GLUED_ITEM`),
    or to the bracket that closes a link (:data:`_GLUED_LINK_ITEM`). (A look at the character
    after each `)` first: prose has brackets, seldom a glued item.)"""
    joins = []
    at = text.find(")", start, end)
    while at >= 0:
        following = text[at + 1 : at + 2]
        if (following in _LINK_ITEM_MARKERS and _item_after_bracket(text, start, end, at)) or (
            following.isdigit() and _GLUED_NUMBER_ITEM.match(text, at + 1, at + 8)
        ):
            joins.append(at + 1)
        at = text.find(")", at + 1, end)
    at = text.find("&nbsp;", start, end)
    while at >= 0:
        if _GLUED_ITEM.match(text, at, end):
            joins.append(at + 6)
        at = text.find("&nbsp;", at + 6, end)
    return joins


def _item_after_bracket(text: str, start: int, end: int, bracket: int) -> bool:
    """Does a list item start right after the `)` at ``bracket``?"""
    if _GLUED_ITEM.match(text, bracket, end):
        return text.rfind("(", start, bracket) > start  # (`(PLO)- Tòa …`: a source, its dash)
    return _GLUED_LINK_ITEM.match(text, bracket, end) is not None and _closes_a_link(
        text, start, bracket
    )


def _closes_a_link(text: str, start: int, bracket: int) -> bool:
    """Does the `)` at ``bracket`` close a Markdown link's target (`](` before it, and no
    space between: a URL or an anchor)?"""
    target = text.rfind("](", max(start, bracket - _LINK_REACH), bracket)
    return target >= 0 and NON_SPACE_RUN.fullmatch(text, target, bracket) is not None
