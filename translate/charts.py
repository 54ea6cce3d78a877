"""`translate stats --chart`: the review page's progress and score charts in the terminal.

Unicode blocks only, no colour needed: each state has its own fill character (named in the
legend), bars are drawn to an eighth of a character.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from translate.review import Review, review_document, score_histogram

FILL = {
    "reviewed": "█",
    "copied": "▓",
    "machine": "▒",
    "fuzzy": "░",
    "untranslated": "·",
}
_EIGHTHS = " ▏▎▍▌▋▊▉█"


def read_review(paths: Sequence[str | Path]) -> Review:
    """The review model without the checks (the charts need states and scores only)."""
    from translate.pofile import find_catalogues, read
    from translate.stats import add_stats

    documents = tuple(
        review_document(index, str(path), read(path))
        for index, path in enumerate(find_catalogues(paths))
    )
    return Review(documents, add_stats([document.stats for document in documents]))


def stacked_bar(counts: dict[str, int], width: int) -> str:
    """``width`` characters split between the live states (largest remainders rounding)."""
    live = [(state, counts.get(state, 0)) for state in FILL]
    total = sum(count for _, count in live)
    if total == 0:
        return " " * width
    exact = [(state, width * count / total) for state, count in live]
    cells = {state: int(share) for state, share in exact}
    spare = width - sum(cells.values())
    for state, share in sorted(exact, key=lambda item: item[1] - int(item[1]), reverse=True):
        if spare <= 0:
            break
        if share > int(share):
            cells[state] += 1
            spare -= 1
    return "".join(FILL[state] * cells[state] for state, _ in live)


def fine_bar(value: float, most: float, width: int) -> str:
    """A horizontal bar of ``value``/``most`` of ``width`` characters, to the eighth."""
    if most <= 0 or value <= 0:
        return ""
    eighths = max(1, round(8 * width * value / most))
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


def progress_lines(review: Review, width: int = 40) -> list[str]:
    rows = [(document.catalogue, document.state_counts()) for document in review.documents]
    if len(rows) > 1:
        rows.append(("total", review.state_counts()))
    name_width = min(max(len(name) for name, _ in rows), 40) if rows else 0
    lines = ["progress (" + ", ".join(f"{FILL[s]} {s}" for s in FILL) + ")"]
    for name, counts in rows:
        live = sum(counts[state] for state in FILL)
        done = counts["reviewed"] + counts["copied"]
        percent = 100.0 * done / live if live else 0.0
        shown = name if len(name) <= name_width else "…" + name[-(name_width - 1) :]
        lines.append(
            f"{shown.ljust(name_width)} {stacked_bar(counts, width)} {percent:5.1f}% of {live}"
        )
    return lines


def histogram_lines(review: Review, width: int = 40) -> list[str]:
    bins = score_histogram(review.scores())
    if not bins:
        return ["machine scores: none (no untouched machine translation)"]
    most = max(count for _, _, count in bins)
    lines = ["machine scores (log-probability per token; 0 = certain)"]
    for low, high, count in bins:
        lines.append(
            f"{low:6.2f} … {high:5.2f} {fine_bar(count, most, width).ljust(width)} {count}"
        )
    return lines


def charts(review: Review, width: int = 40) -> str:
    return "\n".join([*progress_lines(review, width), "", *histogram_lines(review, width)])
