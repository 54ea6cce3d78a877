"""Gettext PO files: a plain data model, a GNU-compatible writer and a tolerant reader.

The model (``Message``, ``PoFile``) is frozen data, so catalogue transformations are pure
functions testable without files (the Babel split between ``Catalog`` and ``pofile``).

``serialize`` writes exactly what GNU ``msgcat`` writes for the same catalogue: strings
wrapped at 79 columns with GNU's algorithm, line-break opportunities taken from the same
Unicode line-breaking library GNU gettext links against (libunistring, loaded with ctypes;
without it a break-after-space rule is used, which agrees with GNU on ordinary prose),
``#:`` references packed as GNU packs them, flags kept, ordered and dropped as GNU keeps,
orders and drops them (``gnu_flags``), obsolete entries last. Running ``msgcat`` on
our output therefore leaves it byte-identical, so reviewers' tools and ours never fight over
formatting.

``parse`` reads a file in msgcat's own layout (ours, after any GNU tool) with one pattern match
per entry, and anything else (Poedit, Lokalize, Weblate, Babel, msgctxt, plurals) with polib;
a differential test proves both read the same. A catalogue that does not parse raises
``PoSyntaxError`` (a ``UserError``) carrying its line. ``read``/``read_text`` and
``find_catalogues`` are the one way commands open catalogues.
"""

from translate.pofile.files import decode_text, find_catalogues, read, read_bytes, read_text
from translate.pofile.model import (
    Message,
    PoFile,
    PoSyntaxError,
    format_header,
    gnu_flags,
    header_fields,
    line_break_mismatch,
    line_ends_as_msgid,
    live_entries,
    po_safe,
)
from translate.pofile.reader import parse
from translate.pofile.wrap import PAGE_WIDTH, escape, wrap_string
from translate.pofile.writer import (
    ISOLATE_END,
    ISOLATE_START,
    join_isolated,
    reference_problem,
    serialize,
    serialize_header,
    serialize_messages,
    serialize_template_entries,
)

__all__ = [
    "ISOLATE_END",
    "ISOLATE_START",
    "PAGE_WIDTH",
    "Message",
    "PoFile",
    "PoSyntaxError",
    "decode_text",
    "escape",
    "find_catalogues",
    "format_header",
    "gnu_flags",
    "header_fields",
    "join_isolated",
    "line_break_mismatch",
    "line_ends_as_msgid",
    "live_entries",
    "parse",
    "po_safe",
    "read",
    "read_bytes",
    "read_text",
    "reference_problem",
    "serialize",
    "serialize_header",
    "serialize_messages",
    "serialize_template_entries",
    "wrap_string",
]
