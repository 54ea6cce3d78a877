"""Segmentation quality and speed: `python -m bench.segment [--quick]`.

Scores ``translate.segment.segment_text`` against gold sentence boundaries and compares it with
underthesea's ``sent_tokenize`` (when installed) and a plain regex splitter, on

* the hand-segmented gold set in ``bench/data/segment-gold*.txt`` (news, interviews, decrees,
  encyclopaedia and forum text written for this project: paragraphs separated by blank lines,
  one gold sentence per line, the lines of a paragraph joined with single spaces as input,
  except that a sentence without final punctuation keeps its line break, as on a page);
* the real documents of ``tests/data/segdev`` (dev and heldout), with the project's scorer
  ``../shared/tools/segscore.py`` beside underthesea and pysbd: see bench/segment_real.py;
* NTREX-128 (``../shared/data``, 1,997 professionally translated news sentences in 123
  documents), each document joined into running text. Two inputs: *lines*, where a gold
  sentence without sentence-final punctuation (headline, caption, subhead) sits on its own
  line as it does in a real page, the rest joined with spaces; and *strict*, every sentence
  joined with spaces (a headline glued to the body can only be found by guessing).

Boundary precision/recall/F1 count the sentence boundaries inside each input text (the text's
end is not counted); exact-sentence accuracy is the share of gold sentences that come out as
one segment with exactly the gold span.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench import Figure, Section, log

HERE = Path(__file__).resolve().parent
GOLD_FILES = sorted((HERE / "data").glob("segment-gold*.txt"))
SHARED_DATA = HERE.parent.parent / "shared" / "data"
NTREX_TEXT = SHARED_DATA / "ntrex128-newstest2019.vi-en.tsv"
NTREX_IDS = SHARED_DATA / "ntrex128-document-ids.tsv"
TARGET_F1 = 0.98
_FINAL_PUNCTUATION = re.compile(r"[.!?…][\"'”’»)\]]*\Z")
_REGEX_SPLIT = re.compile(r"(?<=[.!?…])\s+")

# A splitter takes one input text and returns its sentences' (start, end) spans.
Splitter = Callable[[str], list[tuple[int, int]]]


@dataclass(frozen=True)
class Sample:
    """One input text and the spans of its gold sentences."""

    text: str
    gold: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    exact: float
    sentences: int
    predicted: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.predicted / self.seconds if self.seconds > 0 else float("inf")


def build_sample(sentences: Sequence[str], own_line: Callable[[str], bool]) -> Sample:
    """Join gold sentences into running text; a sentence for which ``own_line`` is true is
    followed by a line break instead of a space."""
    parts: list[str] = []
    spans = []
    position = 0
    for index, sentence in enumerate(sentences):
        sentence = sentence.strip()
        spans.append((position, position + len(sentence)))
        parts.append(sentence)
        position += len(sentence)
        if index + 1 < len(sentences):
            separator = "\n" if own_line(sentence) else " "
            parts.append(separator)
            position += 1
    return Sample("".join(parts), tuple(spans))


def load_gold(files: Sequence[Path]) -> list[Sample]:
    """Paragraphs of the gold files (blank-line separated; `#` lines are comments)."""
    samples = []
    for path in files:
        paragraph: list[str] = []
        for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
            if line.startswith("#"):
                continue
            if line.strip():
                paragraph.append(line)
            elif paragraph:
                samples.append(build_sample(paragraph, _lacks_final_punctuation))
                paragraph = []
    return samples


def load_ntrex(strict: bool) -> list[Sample] | None:
    if not (NTREX_TEXT.is_file() and NTREX_IDS.is_file()):
        return None
    vietnamese = [
        line.split("\t", 1)[0]
        for line in NTREX_TEXT.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    ids = [line.strip() for line in NTREX_IDS.read_text(encoding="utf-8").splitlines()]
    documents: dict[str, list[str]] = {}
    for document_id, sentence in zip(ids, vietnamese, strict=True):
        documents.setdefault(document_id, []).append(sentence)

    def own_line(sentence: str) -> bool:
        return not strict and _lacks_final_punctuation(sentence)

    return [build_sample(sentences, own_line) for sentences in documents.values()]


def _lacks_final_punctuation(sentence: str) -> bool:
    """Headlines, captions, subheads, signature lines: on a page they stand on their own line."""
    return _FINAL_PUNCTUATION.search(sentence) is None


def score(splitter: Splitter, samples: Sequence[Sample]) -> Score:
    true_positive = predicted_count = gold_count = exact = sentences = segments = 0
    predictions = [splitter(sample.text) for sample in samples]
    for sample, predicted in zip(samples, predictions, strict=True):
        gold_boundaries = {end for _, end in sample.gold[:-1]}
        predicted_boundaries = {end for _, end in predicted[:-1]}
        true_positive += len(gold_boundaries & predicted_boundaries)
        predicted_count += len(predicted_boundaries)
        gold_count += len(gold_boundaries)
        exact += len(set(sample.gold) & set(predicted))
        sentences += len(sample.gold)
        segments += len(predicted)
    precision = true_positive / predicted_count if predicted_count else 1.0
    recall = true_positive / gold_count if gold_count else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, exact / sentences, sentences, segments, 0.0)


def cpu_seconds(splitters: Sequence[Splitter], samples: Sequence[Sample], runs: int) -> list[float]:
    """Best CPU time of each splitter on the samples as one document (paragraphs separated by
    blank lines, as a source file reaches the pipeline); runs interleave so that load drifts
    on a shared machine hit every splitter alike (CPU time, not wall time, for the same
    reason)."""
    document = "\n\n".join(sample.text for sample in samples)
    best = [float("inf")] * len(splitters)
    for _ in range(runs):
        for index, splitter in enumerate(splitters):
            # Untimed: no splitter pays for the collections the one before it left pending.
            gc.collect()
            started = time.process_time()
            splitter(document)
            best[index] = min(best[index], time.process_time() - started)
    return best


def translate_splitter(text: str) -> list[tuple[int, int]]:
    from translate.segment import segment_text

    return [(segment.start, segment.end) for segment in segment_text(text).segments]


def _spans_of(text: str, pieces: Sequence[str]) -> list[tuple[int, int]]:
    """Locate the stripped pieces a splitter returned in the original text, in order."""
    spans = []
    position = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        found = text.find(piece, position)
        if found < 0:  # the splitter changed the text (e.g. normalised spaces): keep going
            spans.append((position, position + len(piece)))
            continue
        spans.append((found, found + len(piece)))
        position = found + len(piece)
    return spans


def regex_splitter(text: str) -> list[tuple[int, int]]:
    pieces = [piece for line in text.splitlines() for piece in _REGEX_SPLIT.split(line)]
    return _spans_of(text, pieces)


def underthesea_splitter() -> tuple[Splitter | None, str]:
    try:
        from underthesea import sent_tokenize
    except ImportError as error:
        return None, f"underthesea not installed ({error}); `make bench` installs it"

    def split(text: str) -> list[tuple[int, int]]:
        return _spans_of(text, [s for line in text.splitlines() for s in sent_tokenize(line)])

    import underthesea

    return split, f"underthesea {getattr(underthesea, '__version__', '?')}"


def linear_time_check(size: int) -> float:
    """Seconds to segment one paragraph of ``size`` characters with no sentence end."""
    from translate.segment import segment_text

    text = ("dữ liệu số TP. Huế 900.000 người, " * (size // 35 + 1))[:size]
    started = time.perf_counter()
    segment_text(text)
    return time.perf_counter() - started


def evaluate(quick: bool) -> tuple[list[tuple[str, str, Score]], list[str]]:
    """(corpus, system, score) rows and notes."""
    notes: list[str] = []
    corpora: list[tuple[str, list[Sample]]] = []
    gold = load_gold(GOLD_FILES)
    if gold:
        corpora.append((f"gold set ({sum(len(s.gold) for s in gold)} sentences)", gold))
    else:
        notes.append("No gold set found under bench/data/segment-gold*.txt.")
    for strict in (False, True):
        ntrex = load_ntrex(strict)
        if ntrex is None:
            notes.append(f"NTREX not found at {SHARED_DATA}: skipped.")
            break
        if quick:
            ntrex = ntrex[:40]
        name = "NTREX strict" if strict else "NTREX lines"
        corpora.append((f"{name} ({sum(len(s.gold) for s in ntrex)} sentences)", ntrex))
    systems: list[tuple[str, Splitter]] = [
        ("translate", translate_splitter),
        ("regex [.!?…]+\\s", regex_splitter),
    ]
    underthesea, description = underthesea_splitter()
    notes.append(f"underthesea: {description}" if underthesea else f"skipped: {description}")
    if underthesea is not None:
        systems.append(("underthesea sent_tokenize", underthesea))
    translate_splitter("Khởi động.")  # load langdetect and compile the rules outside timing
    rows = []
    for corpus, samples in corpora:
        log(f"segment: {len(systems)} systems on {corpus}")
        seconds = cpu_seconds([splitter for _, splitter in systems], samples, 2 if quick else 7)
        for (system, splitter), elapsed in zip(systems, seconds, strict=True):
            result = dataclasses.replace(score(splitter, samples), seconds=elapsed)
            rows.append((corpus, system, result))
    notes.append(
        "segments/s: segments per CPU second on each corpus as one document (paragraphs "
        "separated by blank lines; underthesea and the regex get it line by line), best of "
        "interleaved runs; translate's figure includes language identification of every "
        "segment and building the Document."
    )
    return rows, notes


def format_table(rows: Sequence[tuple[str, str, Score]]) -> str:
    header = ("corpus", "system", "P", "R", "F1", "exact", "segments/s")
    lines = [header]
    for corpus, system, result in rows:
        lines.append(
            (
                corpus,
                system,
                f"{result.precision:.4f}",
                f"{result.recall:.4f}",
                f"{result.f1:.4f}",
                f"{result.exact:.4f}",
                f"{result.per_second:,.0f}",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


def run(quick: bool) -> Section:
    """Entry point for `python -m bench`."""
    rows, notes = evaluate(quick)
    figures = []
    by_key = {(corpus.split(" (")[0], system): result for corpus, system, result in rows}
    for corpus in ("gold set", "NTREX lines", "NTREX strict"):
        ours = by_key.get((corpus, "translate"))
        if ours is None:
            continue
        anchor = by_key.get((corpus, "underthesea sent_tokenize")) or by_key.get(
            (corpus, "regex [.!?…]+\\s")
        )
        anchor_name = (
            "underthesea" if (corpus, "underthesea sent_tokenize") in by_key else "regex splitter"
        )
        figures.append(
            Figure(
                benchmark=f"segmentation F1: {corpus}",
                contender=f"translate: P {ours.precision:.3f} R {ours.recall:.3f}, "
                f"exact {ours.exact:.3f}",
                anchor=f"{anchor_name}: F1 {anchor.f1:.3f}" if anchor else "-",
                result=f"F1 {ours.f1:.4f}",
                target=f"≥ {TARGET_F1}" if corpus != "NTREX strict" else "info",
                passed=ours.f1 >= TARGET_F1 if corpus != "NTREX strict" else None,
            )
        )
    ours = by_key.get(("NTREX lines", "translate"))
    theirs = by_key.get(("NTREX lines", "underthesea sent_tokenize"))
    if ours is not None and theirs is not None:
        figures.append(
            Figure(
                benchmark="segmentation speed vs underthesea",
                contender=f"translate: {ours.per_second:,.0f} segments/s",
                anchor=f"underthesea: {theirs.per_second:,.0f} segments/s",
                result=f"{ours.per_second / theirs.per_second:.1f}×",
                target="> 1×",
                passed=ours.per_second > theirs.per_second,
            )
        )
    size = 200_000 if quick else 1_000_000
    seconds = linear_time_check(size)
    figures.append(
        Figure(
            benchmark="segmentation: paragraph without sentence end",
            contender=f"{size:,} characters: {seconds:.2f} s",
            anchor="-",
            result=f"{seconds:.2f} s",
            target="info",
            passed=None,
        )
    )
    notes = [
        *notes,
        "Segmentation (translate includes language identification of every segment):",
        "```",
        format_table(rows),
        "```",
    ]
    from bench import segment_real  # it imports this module's splitters

    real_rows, real_notes = segment_real.evaluate()
    figures.extend(segment_real.figures(real_rows))
    notes.extend(segment_real.notes(real_rows, real_notes))
    return Section("Segmentation quality", tuple(figures), tuple(notes))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.segment", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="first 40 NTREX documents, 1 run")
    options = parser.parse_args(argv)
    rows, notes = evaluate(options.quick)
    print(format_table(rows))
    for note in notes:
        print(note)
    size = 200_000 if options.quick else 1_000_000
    print(f"{size:,} characters without a sentence end: {linear_time_check(size):.2f} s")
    from bench import segment_real

    return segment_real.main([])


if __name__ == "__main__":
    sys.exit(main())
