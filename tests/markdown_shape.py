"""The block and inline structure of a Markdown text, to compare a page with its export."""

from __future__ import annotations

from translate.formats.markdown_doc import parse


def same_markdown_structure(before: str, after: str) -> None:
    def shape(text: str) -> list[str]:
        """Block and inline structure with link targets; not text, titles or alt text (an
        image's alt is translated flat)."""
        found: list[str] = []
        in_image = 0
        for event, _ in parse(text):
            if isinstance(event, str):
                found.extend([] if event == "SoftBreak" or in_image else [event])
                continue
            ((kind, value),) = event.items()
            name = value if isinstance(value, str) else next(iter(value or {"": 0}), kind)
            if name == "Image":
                in_image += 1 if kind == "Start" else -1
                if kind == "Start":
                    found.append(f"Image {value['Image']['dest_url']}")
                continue
            if in_image or kind == "Text":
                continue
            if name == "Link" and kind == "Start":
                name = f"Link {value['Link']['dest_url']}"
            found.append(f"{kind} {name}")
        return found

    assert shape(after) == shape(before)
