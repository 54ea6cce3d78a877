"""The extracted comments of the entries of markup sources, written by ``units`` and read
back by export, XLIFF and ``check``: the legend of a sentence's placeholders (``#. markup:
<1> = <b> … </b>``) and, on the page's first entry, the format it was read as and the digest
of its markup (``#. page markup: html sha1=… (export compares the page)``).

Nothing else imported: the readers of catalogues use these without loading the segmenter.
"""

from __future__ import annotations

import re

MARKUP_PREFIX = "markup:"
SKELETON_PREFIX = "page markup:"


def page_note(format: str, skeleton: str) -> str:
    return f"{SKELETON_PREFIX} {format} sha1={skeleton} (export compares the page)"


def read_page_note(comment: str) -> tuple[str, str | None] | None:
    """The format (its first word, "" if none) and the digest (None if none) of a page note
    (``page_note``), or None for any other comment."""
    if not comment.startswith(SKELETON_PREFIX):
        return None
    words = comment[len(SKELETON_PREFIX) :].split(maxsplit=1)
    digest = _DIGEST.search(comment)
    return (words[0] if words else "", digest.group(1) if digest else None)


_DIGEST = re.compile(r"sha1=([0-9a-f]+)")
