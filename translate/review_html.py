"""The review as one static, self-contained HTML page (or a folder of pages and an index).

Everything is inline (CSS and a little JavaScript from ``translate/data/review.css`` and
``review.js``; charts are SVG written here), nothing is fetched: the page works opened from
disk, offline. Catalogues are untrusted input, so every string from them goes through
``html.escape`` and a Content-Security-Policy allows only the page's own style and script,
named by their SHA-256 hashes: even markup that slipped through could not run.
"""

from __future__ import annotations

import base64
import hashlib
import html
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from translate import __version__
from translate.review import (
    STATES,
    Occurrence,
    Review,
    ReviewDocument,
    ReviewEntry,
    Section,
    score_histogram,
)

WORST = 10
_UNSAFE_NAME = re.compile(r"[^\w.-]+")


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def asset(name: str) -> str:
    return resources.files("translate").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(style: str, script: str) -> str:
    return (
        f"default-src 'none'; style-src {csp_hash(style)}; script-src {csp_hash(script)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


@dataclass(frozen=True)
class PageLinks:
    """Where a row lives: '' for this page, else the file name of the document's page."""

    page_of: Callable[[ReviewDocument], str]

    def row(self, document: ReviewDocument, entry: ReviewEntry) -> str:
        return f"{self.page_of(document)}#{row_id(entry, 0)}"


SAME_PAGE = PageLinks(lambda document: "")


def row_id(entry: ReviewEntry, occurrence: int) -> str:
    return f"r-{entry.key}-{occurrence}"


def catalogue_url(entry: ReviewEntry) -> str:
    """file:// URL of the catalogue with the entry's line as an RFC 5147 fragment."""
    try:
        url = Path(entry.catalogue).resolve().as_uri()
    except ValueError:
        return ""
    return f"{url}#line={entry.line}" if entry.line else url


def confidence(score: float) -> float:
    """Per-token probability of a log-probability score, for the score bar (0–1)."""
    return max(0.0, min(1.0, math.exp(score)))


def bar_class(score: float) -> str:
    """The score bar as CSS classes (no inline style: the page's policy allows none): its
    length in tenths of the per-token probability, and low/mid/high for its colour."""
    share = confidence(score)
    tone = "lo" if share < 0.35 else "mid" if share < 0.7 else "hi"
    return f"b{round(share * 10)} {tone}"


# ---------------------------------------------------------------------------------------
# Charts (SVG)


def progress_chart(rows: Sequence[tuple[str, dict[str, int]]]) -> str:
    """One stacked bar per (label, state counts) row."""
    width, label_width, bar_height, gap = 640, 220, 16, 8
    height = len(rows) * (bar_height + gap) + gap
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="progress by state">'
    ]
    span = width - label_width - 60
    for number, (label, counts) in enumerate(rows):
        y = gap + number * (bar_height + gap)
        total = sum(counts.get(state, 0) for state in STATES if state != "obsolete")
        short = label if len(label) <= 34 else "…" + label[-33:]
        parts.append(f'<text x="0" y="{y + 12}">{esc(short)}<title>{esc(label)}</title></text>')
        parts.append(
            f'<rect class="f-track" x="{label_width}" y="{y}" width="{span}" '
            f'height="{bar_height}"/>'
        )
        x = float(label_width)
        for state in STATES:
            count = counts.get(state, 0)
            if state == "obsolete" or not count or not total:
                continue
            share = span * count / total
            parts.append(
                f'<rect class="f-{state}" x="{x:.1f}" y="{y}" width="{share:.1f}" '
                f'height="{bar_height}"><title>{esc(label)}: {count} {state}</title></rect>'
            )
            x += share
        done = counts.get("reviewed", 0) + counts.get("copied", 0)
        percent = 100.0 * done / total if total else 0.0
        parts.append(f'<text x="{label_width + span + 6}" y="{y + 12}">{percent:.0f}%</text>')
    parts.append("</svg>")
    return "".join(parts)


def histogram_chart(scores: Sequence[float]) -> str:
    bins = score_histogram(scores)
    if not bins:
        return '<p class="nothing">No machine scores (no untouched machine translation).</p>'
    width, height, bottom = 420, 150, 30
    top = max(count for _, _, count in bins) or 1
    bar = (width - 20) / len(bins)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="machine score histogram">'
    ]
    for index, (low, high, count) in enumerate(bins):
        x = 10 + index * bar
        tall = (height - bottom - 16) * count / top
        y = height - bottom - tall
        parts.append(
            f'<rect class="f-bar" x="{x + 1:.1f}" y="{y:.1f}" width="{bar - 2:.1f}" '
            f'height="{tall:.1f}"><title>{count} with score {low:.2f} to {high:.2f}</title></rect>'
        )
        parts.append(
            f'<text x="{x + bar / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle">{count}</text>'
        )
        if index % 2 == 0 or len(bins) <= 6:
            parts.append(
                f'<text x="{x:.1f}" y="{height - bottom + 14}" text-anchor="start">{low:.2f}</text>'
            )
    parts.append(
        f'<text x="{width / 2}" y="{height - 2}" text-anchor="middle">score (log-probability per'
        " token; 0 = certain)</text></svg>"
    )
    return "".join(parts)


def legend() -> str:
    items = "".join(
        f'<span><svg width="12" height="12" aria-hidden="true"><rect class="f-{state}" '
        f'width="12" height="12"/></svg> {state}</span>'
        for state in STATES
        if state != "obsolete"
    )
    return f'<div class="legend">{items}</div>'


# ---------------------------------------------------------------------------------------
# Overview


def overview(
    review: Review,
    documents: Sequence[ReviewDocument],
    links: PageLinks,
    *,
    filters: bool = True,
    worst: int = WORST,
) -> str:
    """Charts and lists (the ``worst`` lowest scores); ``filters``: the findings link to the
    page's finding filter."""
    rows = [(document.title, document.state_counts()) for document in documents]
    if len(documents) > 1:
        counts = {state: sum(row[1][state] for row in rows) for state in STATES}
        rows.append(("total", counts))
    scores = [s for d in documents for s in Review((d,), d.stats).scores()]
    part = Review(tuple(documents), review.total)
    return (
        '<section id="overview"><h2>Overview</h2><div class="charts">'
        f"<figure><figcaption>Progress ({_progress_words(part)})</figcaption>"
        f"{progress_chart(rows)}{legend()}</figure>"
        f"<figure><figcaption>Machine scores of untouched machine translations</figcaption>"
        f"{histogram_chart(scores)}</figure></div>"
        f'<div class="lists">{_worst_list(part, links, worst)}{_findings_list(part, filters)}</div>'
        "</section>"
    )


def _progress_words(review: Review) -> str:
    counts = review.state_counts()
    live = sum(counts[state] for state in STATES if state != "obsolete")
    needs = sum(1 for entry in review.entries if entry.needs_review)
    return f"{live} entries, {needs} need review, {counts['obsolete']} obsolete"


def _worst_list(review: Review, links: PageLinks, count: int) -> str:
    worst = review.worst(count)
    if not worst:
        return '<div><h3>Lowest machine scores</h3><p class="nothing">none</p></div>'
    document_of = {d.catalogue: d for d in review.documents}
    items = "".join(
        f'<li><a href="{esc(links.row(document_of[entry.catalogue], entry))}">'
        f'<span class="score">{entry.score:.3f}</span></a> {esc(_short(entry.source))}</li>'
        for entry in worst
        if entry.score is not None
    )
    return f"<div><h3>Lowest machine scores</h3><ol>{items}</ol></div>"


def _findings_list(review: Review, filters: bool) -> str:
    counts = review.finding_counts()
    if not counts:
        return '<div><h3>Findings by check</h3><p class="nothing">no findings</p></div>'
    items = "".join(
        f'<li><a href="#" data-check="{esc(check)}">{esc(check)}</a>: {count}</li>'
        if filters
        else f"<li>{esc(check)}: {count}</li>"
        for check, count in counts.items()
    )
    other = [
        f"<li>{esc(d.catalogue)}: <b>{esc(n.check)}</b>: {esc(n.message)}</li>"
        for d in review.documents
        for n in d.other_findings
    ]
    rest = f"<h3>Findings on no entry</h3><ul>{''.join(other)}</ul>" if other else ""
    return f"<div><h3>Findings by check</h3><ul>{items}</ul>{rest}</div>"


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------------------
# Rows


def render_row(entry: ReviewEntry, occurrence: int, reference: str) -> str:
    checks = " ".join(sorted({note.check for note in entry.findings}))
    score = "" if entry.score is None else f"{entry.score:.3f}"
    attributes = (
        f'class="row st-{entry.state}" id="{row_id(entry, occurrence)}" '
        f'data-state="{entry.state}"'
        + (f' data-score="{score}"' if score else "")
        + (f' data-checks="{esc(checks)}"' if checks else "")
        + (' data-review="1"' if entry.needs_review else "")
    )
    target_class = "tgt" if entry.target else "tgt empty"
    return (
        f"<div {attributes}>"
        f'<div class="src" lang="vi">{esc(entry.source)}</div>'
        f'<div class="{target_class}" lang="en">{esc(entry.target)}</div>'
        f"{_meta(entry, reference)}{_findings(entry)}{_details(entry)}</div>"
    )


def _meta(entry: ReviewEntry, reference: str) -> str:
    parts = [f'<span class="badge st-{entry.state}">{esc(entry.label)}</span>']
    if entry.score is not None:
        parts.append(
            f'<span class="bar {bar_class(entry.score)}" aria-hidden="true"></span>'
            f'<span class="score">score {entry.score:.3f}</span>'
        )
    location = f"{entry.catalogue}:{entry.line}" if entry.line else entry.catalogue
    url = catalogue_url(entry)
    if url:
        parts.append(f'<a class="cat" href="{esc(url)}">{esc(location)}</a>')
    else:
        parts.append(f'<span class="cat">{esc(location)}</span>')
    if reference:
        parts.append(f'<span class="ref">#: {esc(reference)}</span>')
    if entry.msgctxt is not None:
        parts.append(f'<span class="ctxt">context: {esc(entry.msgctxt)}</span>')
    parts.extend(f'<span class="notes">{esc(note)}</span>' for note in entry.notes)
    return f'<div class="meta">{"".join(parts)}</div>'


def _findings(entry: ReviewEntry) -> str:
    if not entry.findings:
        return ""
    items = "".join(
        f"<li><b>{esc(note.check)}</b>: {esc(note.message)}</li>" for note in entry.findings
    )
    return f'<ul class="findings">{items}</ul>'


def _details(entry: ReviewEntry) -> str:
    parts: list[str] = []
    if entry.previous is not None:
        parts.append(
            "<details><summary>previous source (#|)</summary>"
            f'<p lang="vi">{esc(entry.previous)}</p></details>'
        )
    if entry.alternatives:
        items = "".join(
            f'<li><span class="score">{"" if alt.score is None else f"{alt.score:.3f}"}</span>'
            f" {'suggestion: ' if alt.kind == 'suggestion' else ''}{esc(alt.text)}</li>"
            for alt in entry.alternatives
        )
        noun = "alternative" if len(entry.alternatives) == 1 else "alternatives"
        parts.append(
            f"<details><summary>{len(entry.alternatives)} machine {noun}</summary>"
            f'<ol lang="en">{items}</ol></details>'
        )
    if entry.comments:
        text = "<br>".join(esc(comment) for comment in entry.comments)
        parts.append(f"<details><summary>translator comments</summary><p>{text}</p></details>")
    return "".join(parts)


def render_section(section: Section) -> str:
    title = section.source or "(no source reference)"
    paragraphs = []
    for paragraph in section.paragraphs:
        rows = "".join(_occurrence(item) for item in paragraph.occurrences)
        paragraphs.append(f'<div class="para">{rows}</div>')
    return (
        f'<section class="source"><h3>{esc(title)}</h3>'
        '<div class="columns"><div>Vietnamese source</div><div>English translation</div></div>'
        f"{''.join(paragraphs)}</section>"
    )


def _occurrence(item: Occurrence) -> str:
    position = item.entry.references.index(item.reference) if item.reference else 0
    return render_row(item.entry, position, item.reference)


def render_document(document: ReviewDocument) -> str:
    sections = "".join(render_section(section) for section in document.sections)
    obsolete = document.obsolete
    if obsolete:
        rows = "".join(render_row(entry, 0, "") for entry in obsolete)
        sections += (
            '<section class="source"><h3>Obsolete entries (#~, no longer in the source)</h3>'
            f'<div class="para">{rows}</div></section>'
        )
    return (
        f'<article class="doc" id="doc-{document.index}"><h2>{esc(document.title)} '
        f"<small>{esc(document.catalogue)}</small></h2>{sections}</article>"
    )


# ---------------------------------------------------------------------------------------
# Pages


def toolbar(review: Review) -> str:
    counts = review.state_counts()
    boxes = "".join(
        f'<label><input type="checkbox" name="state" value="{state}"'
        f'{"" if state == "obsolete" else " checked"}> <span class="badge st-{state}">'
        f"{state}</span> {counts[state]}</label>"
        for state in STATES
    )
    findings = review.finding_counts()
    options = "".join(
        f'<option value="{esc(check)}">{esc(check)} ({count})</option>'
        for check, count in findings.items()
    )
    return (
        '<nav class="toolbar" aria-label="find work">'
        f"<fieldset><legend>State</legend>{boxes}</fieldset>"
        '<label>Finding <select id="finding"><option value="">any</option>'
        '<option value="*">with a finding</option><option value="-">without findings</option>'
        f"{options}</select></label>"
        '<label>Search <input type="search" id="search" placeholder="Vietnamese or English">'
        "</label>"
        '<label><input type="checkbox" id="sort"> lowest score first</label>'
        '<span id="shown" aria-live="polite"></span>'
        '<span class="keys"><kbd>j</kbd>/<kbd>k</kbd> next/previous needing review, '
        "<kbd>/</kbd> search</span></nav>"
    )


def page(
    review: Review,
    documents: Sequence[ReviewDocument],
    links: PageLinks,
    title: str,
    *,
    summary: Sequence[ReviewDocument] | None = None,
    lead: str = "",
    worst: int = WORST,
) -> str:
    """One complete HTML page: the overview of ``summary`` (default: ``documents``), ``lead``
    markup, then the rows of ``documents``."""
    style, script = asset("review.css"), asset("review.js")
    summarised = tuple(documents if summary is None else summary)
    part = Review(summarised, review.total)
    body = "".join(render_document(document) for document in documents)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" '
        f'content="{content_security_policy(style, script)}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{style}</style></head><body>"
        f'<header class="top"><h1>{esc(title)}</h1><p>{esc(_subtitle(part))}</p></header>'
        f"{toolbar(Review(tuple(documents), review.total)) if documents else ''}"
        f"{overview(review, summarised, links, filters=bool(documents), worst=worst)}"
        f'<main>{lead}<div id="sorted"></div><div id="documents">{body}</div></main>'
        f"<script>{script}</script></body></html>\n"
    )


def _subtitle(review: Review) -> str:
    names = ", ".join(document.catalogue for document in review.documents)
    return f"{names} · made by translate {__version__} · source left, translation right"


def render_review(review: Review, worst: int = WORST) -> str:
    """The whole review as one page."""
    if len(review.documents) == 1:
        title = f"Review: {review.documents[0].title}"
    else:
        title = f"Review of {len(review.documents)} catalogues"
    return page(review, review.documents, SAME_PAGE, title, worst=worst)


def page_names(review: Review) -> dict[str, str]:
    """Catalogue path → file name of its page (unique, safe on every file system)."""
    names: dict[str, str] = {}
    used = {"index.html"}
    for document in review.documents:
        stem = _UNSAFE_NAME.sub("-", Path(document.catalogue).stem).strip("-.") or "catalogue"
        name, number = f"{stem}.html", 2
        while name in used:
            name, number = f"{stem}-{number}.html", number + 1
        used.add(name)
        names[document.catalogue] = name
    return names


def render_pages(review: Review, worst: int = WORST) -> dict[str, str]:
    """File name → HTML: one page per catalogue, and ``index.html`` with the overview."""
    names = page_names(review)
    links = PageLinks(lambda document: names[document.catalogue])
    pages = {
        names[d.catalogue]: page(review, (d,), SAME_PAGE, f"Review: {d.title}", worst=worst)
        for d in review.documents
    }
    items = "".join(
        f'<li><a href="{esc(names[d.catalogue])}">{esc(d.title)}</a> '
        f"<small>{esc(d.catalogue)}</small>: {d.stats.reviewed_percent:.0f}% reviewed</li>"
        for d in review.documents
    )
    lead = f'<h2>Documents</h2><ul class="pages">{items}</ul>'
    pages["index.html"] = page(
        review, (), links, "Review index", summary=review.documents, lead=lead, worst=worst
    )
    return pages
