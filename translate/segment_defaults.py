"""The segmenter's settings that commands show before they segment anything.

Kept apart from :mod:`translate.segment`, whose rules compile about a hundred patterns when it
is imported (~170 ms): ``translate run --help`` lists these and needs nothing else of it.
:mod:`translate.segment` re-exports both names.
"""

from __future__ import annotations

LINE_BREAK_MODES = ("auto", "paragraph", "wrap")
DEFAULT_MAX_LENGTH = 2000  # characters: a longer segment is cut at its last comma or space
