"""Segmentation of real documents: `python -m bench.segment_real`.

Scores the segmenters on the annotated real-document corpus in ``tests/data/segdev`` (``dev``
``dev2``, ``dev3``, ``dev4``, ``dev5``, ``dev6``, ``dev7``, ``dev8``, ``dev9``, ``dev10``,
``dev11``, ``dev12``, ``dev13``, ``dev14``, ``dev15``, ``dev16``, ``dev17``, ``dev18``,
``dev19``, ``dev20``, ``dev21``, ``dev22``, ``dev23`` and ``dev24`` for tuning, ``heldout2``,
``heldout4``, ``heldout11``, ``heldout12``, ``heldout13``, ``heldout14``, ``heldout15``,
``heldout16``, ``heldout17`` and ``dev3-holdout`` not; see its README.md) with the project's
scorer, ``../shared/tools/segscore.py``, imported from beside the repository: boundary precision,
recall and F1 pooled over the documents, F1 of the boundaries not at a line break (in-line),
recall of glued joins (no whitespace at the boundary) and exact-sentence accuracy.
When ``../shared`` is absent the section says so and reports nothing.

Systems: ``translate`` (``segment_text``, the default ``auto`` line breaks, what ``translate
segment -`` prints), underthesea's ``sent_tokenize`` and pysbd (which has no Vietnamese rules:
its English ones are used), both line by line since neither keeps line structure, and the
regex splitter of bench.segment. A package that is not installed is skipped with a note.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from bench import Figure, log
from bench.segment import underthesea_splitter

ROOT = Path(__file__).resolve().parent.parent
SEGDEV = ROOT / "tests" / "data" / "segdev"
SEGSCORE = ROOT.parent / "shared" / "tools" / "segscore.py"
# dev4 and dev5 were the blind held-out sets heldout and heldout5 until stop 22, dev6 was
# heldout6 until stop 23, dev7 heldout7 until round 7, dev8 heldout8 until round 8 and dev9
# heldout9 until round 9, when their aggregate scores had been recorded; dev10 is the even half
# of set J, split from heldout10 in round 9c after both halves' scores were recorded (the odd
# half stays blind); dev11 was heldout3 (set C) until round 11, after its score had stayed at
# F1 0.962 for several rounds; dev12 and dev13 are the even halves of sets K and L, split from
# heldout11 and heldout12 in round 12 after the whole sets' blind scores were recorded (the odd
# halves stay blind); dev14 is the even half of set M, split from heldout13 in round 14 after the
# whole set's blind score was recorded (the odd half stays blind); dev15 is set J's odd half,
# heldout10 until round 14, after its blind score had stayed at F1 0.855 for three rounds; dev16
# is the even half of set N, split from heldout14 in round 15 after the whole set's blind score
# was recorded (the odd half stays blind); dev17 (set P, round 15) was collected as a tuning set
# from the start, to teach the line-break decision the line-structured text (lyrics, lists,
# itineraries, code, cover pages) that blind sets showed it joining; dev18 (set Q, round 17) was
# collected as a tuning set from the start, for the same line-break family; dev19 (set R, round
# 18) was collected as a tuning set from the start, for in-line boundaries in flattened and
# multi-sentence text; dev20 (set T, round 19) was collected as a tuning set of news and
# government pages from the start; dev21 (set V, round 20) was collected as a tuning set of
# line-structured code and data files from the start; dev22 (set W, round 21) was collected as a
# tuning set of PDF extracts, Markdown decrees and documentation from the start; dev23 (set X,
# round 22) was collected as a tuning set of Wikipedia, forums, Q&A and reviews from the start;
# dev24 (set Y, round 22) was collected as a tuning set of scraped news pages with their chrome
# from the start.
# They became tuning sets so that rules could learn the forms only they show, while the sets
# below stay blind.
TUNING_SETS = (
    "dev",
    "dev2",
    "dev3",
    "dev4",
    "dev5",
    "dev6",
    "dev7",
    "dev8",
    "dev9",
    "dev10",
    "dev11",
    "dev12",
    "dev13",
    "dev14",
    "dev15",
    "dev16",
    "dev17",
    "dev18",
    "dev19",
    "dev20",
    "dev21",
    "dev22",
    "dev23",
    "dev24",
)
HELDOUT_SETS = (
    "heldout2",
    "heldout4",
    "heldout11",
    "heldout12",
    "heldout13",
    "heldout14",
    "heldout15",
    "heldout16",
    "heldout17",
    "dev3-holdout",
)
SETS = TUNING_SETS + HELDOUT_SETS
TARGET_F1 = 0.98  # issue 11's target on held-out real documents
ANCHORS = {"underthesea sent_tokenize": "underthesea", "pysbd": "pysbd"}

# A system takes one document and returns its segments, each on one line.
System = Callable[[str], list[str]]


@dataclass(frozen=True)
class RealScore:
    """Pooled segscore counts of one system on one set."""

    documents: int
    gold_boundaries: int
    precision: float
    recall: float
    f1: float
    inline_f1: float
    glued_found: int
    glued_total: int
    exact: float
    lossy: int  # documents whose output did not reproduce the source

    @property
    def glued_recall(self) -> float:
        return self.glued_found / self.glued_total if self.glued_total else 1.0


def load_segscore() -> ModuleType | None:
    """The shared scorer as a module, or None when ../shared is not beside the repository."""
    if not SEGSCORE.is_file():
        return None
    spec = importlib.util.spec_from_file_location("segscore", SEGSCORE)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_set(name: str) -> list[tuple[str, str]]:
    """(document, gold) texts of one set, in file order."""
    pairs = []
    for doc in sorted((SEGDEV / name / "docs").glob("*.txt")):
        gold = SEGDEV / name / "gold" / doc.name
        pairs.append((doc.read_text(encoding="utf-8"), gold.read_text(encoding="utf-8")))
    return pairs


def _f1(true_positive: int, false_positive: int, false_negative: int) -> float:
    predicted = true_positive + false_positive
    expected = true_positive + false_negative
    precision = true_positive / predicted if predicted else 1.0
    recall = true_positive / expected if expected else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_set(segscore: ModuleType, system: System, pairs: Sequence[tuple[str, str]]) -> RealScore:
    totals: dict[str, int] = {}
    lossy = 0
    for text, gold in pairs:
        predicted = "\n".join(" ".join(segment.split()) for segment in system(text))
        result: dict[str, Any] = segscore.score_doc(text, gold, predicted)
        lossy += bool(result["info"]["lossy"])
        for key, value in result.items():
            if isinstance(value, int) and not isinstance(value, bool):
                totals[key] = totals.get(key, 0) + value
    tp, fp, fn = totals["tp"], totals["fp"], totals["fn"]
    inline = [totals[f"{kind}_{gap}"] for kind in ("tp", "fp", "fn") for gap in ("sp", "glued")]
    predicted_count, expected_count = tp + fp, tp + fn
    return RealScore(
        documents=len(pairs),
        gold_boundaries=expected_count,
        precision=tp / predicted_count if predicted_count else 1.0,
        recall=tp / expected_count if expected_count else 1.0,
        f1=_f1(tp, fp, fn),
        inline_f1=_f1(inline[0] + inline[1], inline[2] + inline[3], inline[4] + inline[5]),
        glued_found=totals["tp_glued"],
        glued_total=totals["tp_glued"] + totals["fn_glued"],
        exact=totals["exact"] / totals["gold_sents"] if totals["gold_sents"] else 1.0,
        lossy=lossy,
    )


def translate_system(text: str) -> list[str]:
    from translate.segment import segment_text

    document = segment_text(unicodedata.normalize("NFC", text))
    return [segment.message for segment in document.segments]


def _line_by_line(split: Callable[[str], list[str]]) -> System:
    def system(text: str) -> list[str]:
        return [piece for line in text.splitlines() if line.strip() for piece in split(line)]

    return system


def pysbd_system() -> tuple[System | None, str]:
    try:
        import pysbd
    except ImportError as error:
        return None, f"pysbd not installed ({error}); `make bench` installs it"
    segmenter = pysbd.Segmenter(language="en", clean=False)
    version = getattr(pysbd, "__version__", "?")
    return _line_by_line(segmenter.segment), f"pysbd {version} (no Vietnamese: English rules)"


def systems() -> tuple[list[tuple[str, System]], list[str]]:
    from bench.segment import _REGEX_SPLIT

    found: list[tuple[str, System]] = [("translate", translate_system)]
    notes = []
    if underthesea_splitter()[0] is None:
        notes.append("skipped underthesea: not installed; `make bench` installs it")
    else:
        from underthesea import sent_tokenize

        found.append(("underthesea sent_tokenize", _line_by_line(sent_tokenize)))
    pysbd, description = pysbd_system()
    if pysbd is None:
        notes.append(f"skipped {description}")
    else:
        found.append(("pysbd", pysbd))
        notes.append(f"pysbd: {description}")
    found.append(("regex [.!?…]+\\s", _line_by_line(_REGEX_SPLIT.split)))
    return found, notes


def evaluate() -> tuple[list[tuple[str, str, RealScore]], list[str]]:
    """(set, system, score) rows and notes; no rows when the scorer or the corpus is absent."""
    segscore = load_segscore()
    if segscore is None:
        return [], [f"Real documents skipped: the scorer {SEGSCORE} is absent (../shared)."]
    found, notes = systems()
    rows = []
    for name in SETS:
        pairs = load_set(name)
        if not pairs:
            notes.append(f"Real documents: no {name} set under {SEGDEV}.")
            continue
        log(f"segment_real: {len(found)} systems on {name} ({len(pairs)} documents)")
        for system_name, system in found:
            rows.append((name, system_name, score_set(segscore, system, pairs)))
    return rows, notes


def format_table(rows: Sequence[tuple[str, str, RealScore]]) -> str:
    header = ("set", "system", "P", "R", "F1", "in-line F1", "glued", "exact", "lossy")
    lines = [header]
    for name, system, score in rows:
        lines.append(
            (
                f"{name} ({score.documents} docs, {score.gold_boundaries} boundaries)",
                system,
                f"{score.precision:.3f}",
                f"{score.recall:.3f}",
                f"{score.f1:.3f}",
                f"{score.inline_f1:.3f}",
                f"{score.glued_found}/{score.glued_total}",
                f"{score.exact:.3f}",
                str(score.lossy),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


def figures(rows: Sequence[tuple[str, str, RealScore]]) -> list[Figure]:
    by_key = {(name, system): score for name, system, score in rows}
    result = []
    for name in SETS:
        ours = by_key.get((name, "translate"))
        if ours is None:
            continue
        anchors = [
            f"{ANCHORS[system]} F1 {score.f1:.3f}"
            for (set_name, system), score in by_key.items()
            if set_name == name and system in ANCHORS
        ]
        result.append(
            Figure(
                benchmark=f"segmentation F1: real documents, {name}",
                contender=f"translate: in-line F1 {ours.inline_f1:.3f}, glued "
                f"{ours.glued_found}/{ours.glued_total}, exact {ours.exact:.3f}",
                anchor=", ".join(anchors) or "-",
                result=f"F1 {ours.f1:.4f}",
                target=f"≥ {TARGET_F1}",
                passed=ours.f1 >= TARGET_F1,
            )
        )
    return result


def notes(rows: Sequence[tuple[str, str, RealScore]], extra: Sequence[str]) -> list[str]:
    if not rows:
        return list(extra)
    return [
        *extra,
        "Real documents (tests/data/segdev, scored with ../shared/tools/segscore.py; "
        f"{', '.join(TUNING_SETS)} are for tuning, {', '.join(HELDOUT_SETS)} are not; "
        "glued: joins with no whitespace found / in the gold):",
        "```",
        format_table(rows),
        "```",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.segment_real", description=__doc__)
    parser.parse_args(argv)
    rows, extra = evaluate()
    if rows:
        print(format_table(rows))
    for note in extra:
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
