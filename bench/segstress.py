"""Synthetic stress sets for the segmenter: `python -m bench.segstress [--quick] [--keep DIR]`.

Real Vietnamese sentences (NTREX-128 and FLORES-200 in ``../shared/data``, read at run time,
never copied into the repository) are laid out the way real documents damage them, one family
per layout, so that each failure family of issue 11 is measured on its own:

* ``space``: sentences of a paragraph joined with one space (headlines on their own line);
* ``glued``: the same, but most joins after a terminator lose their space, as scraping does
  (``…tạm giữ.Sáng cùng ngày…``), some after a citation mark (``…miền Trung.[3]Sau đó…``);
* ``wrapped``: paragraphs hard-wrapped at 60-80 columns (PDF extracts, e-mails);
* ``wrapped-caps``: the same, but a line is broken before a capitalised word or a number
  whenever one starts within 8 columns of the margin: the case of the next line cannot decide;
* ``markdown``: ``## headings``, ``**Điều 3. …**`` legal headings, emphasis around sentences,
  glued closing/opening marks between sentences;
* ``quoted``: sentences and multi-sentence quotations in straight and curly quotes, quoted
  list numbers of amending decrees (``"2. …"``);
* ``runin``: a headline, a dateline or a source label run into the paragraph that follows it
  with only a space or with nothing (``… giá xăng tăng nhẹ Sáng nay …``, ``Hà NộiChiều qua``,
  ``Đà Nẵng - Theo …``), as scraped news pages and listings do;
* ``numbered``: list items (``1.``, ``a)``, ``-``), flattened `` - `` lists after an
  introducer, and step numbers glued to the previous step (``…để ráo.2Hấp…``).

Each family is written as a segscore data set (``docs/NN.txt``, ``gold/NN.txt``) in a temporary
folder, segmented in-process and scored with ``../shared/tools/segscore.py --predictions``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench import Figure, Section
from translate.segment.patterns import LOWER, UPPER

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
SEGSCORE = SHARED / "tools" / "segscore.py"
NTREX_TEXT = SHARED / "data" / "ntrex128-newstest2019.vi-en.tsv"
NTREX_IDS = SHARED / "data" / "ntrex128-document-ids.tsv"
FLORES_TEXT = SHARED / "data" / "flores200-devtest.vi-en.tsv"

_FINAL = re.compile(r"[.!?…][\"'”’»)\]]*\Z")
_TERMINATED = re.compile(r"[.!?…][\"'”’»)\]]*\Z")


@dataclass(frozen=True)
class StressDoc:
    """A generated document and its gold segments (the segments, concatenated without
    whitespace, give the document without whitespace)."""

    text: str
    gold: tuple[str, ...]


# A builder lays out the sentences of one source document as one stress document.
Builder = Callable[[Sequence[str], random.Random], StressDoc]


class _Writer:
    """Accumulates text and gold segments; ``sep`` is what goes before the next segment."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.gold: list[str] = []

    def add(self, segment: str, sep: str = "") -> None:
        if self.parts:
            self.parts.append(sep)
        self.parts.append(segment)
        self.gold.append(segment)

    def extend_last(self, addition: str) -> None:
        """Glue ``addition`` to the last segment (it belongs to it)."""
        self.parts.append(addition)
        self.gold[-1] += addition

    def doc(self) -> StressDoc:
        return StressDoc("".join(self.parts) + "\n", tuple(self.gold))


def _paragraphs(sentences: Sequence[str], rng: random.Random) -> list[list[str]]:
    paragraphs: list[list[str]] = []
    index = 0
    while index < len(sentences):
        size = rng.randint(2, 6)
        paragraphs.append([s.strip() for s in sentences[index : index + size] if s.strip()])
        index += size
    return [p for p in paragraphs if p]


def _is_final(sentence: str) -> bool:
    return _FINAL.search(sentence) is not None


def _joined(
    paragraph: Sequence[str], rng: random.Random, glue: float, citations: float = 0.0
) -> _Writer:
    """One paragraph: sentences joined by a space, or glued after a terminator."""
    writer = _Writer()
    previous = ""
    for sentence in paragraph:
        if not writer.parts:
            writer.add(sentence)
        elif not _is_final(previous):
            writer.add(sentence, "\n")  # a headline or caption stands on its own line
        elif rng.random() < glue and sentence[:1].isalpha():
            if rng.random() < citations:
                writer.extend_last(f"[{rng.randint(1, 30)}]")
            writer.add(sentence, "")
        else:
            writer.add(sentence, " ")
        previous = sentence
    return writer


def _merge(writers: Sequence[_Writer], separator: str = "\n\n") -> StressDoc:
    parts: list[str] = []
    gold: list[str] = []
    for writer in writers:
        if parts:
            parts.append(separator)
        parts.extend(writer.parts)
        gold.extend(writer.gold)
    return StressDoc("".join(parts) + "\n", tuple(gold))


def build_space(sentences: Sequence[str], rng: random.Random) -> StressDoc:
    return _merge([_joined(p, rng, glue=0.0) for p in _paragraphs(sentences, rng)])


def build_glued(sentences: Sequence[str], rng: random.Random) -> StressDoc:
    return _merge([_joined(p, rng, glue=0.7, citations=0.15) for p in _paragraphs(sentences, rng)])


def wrap(text: str, width: int, prefer_capitals: bool) -> str:
    """Hard-wrap ``text`` at ``width`` columns (at spaces). With ``prefer_capitals`` a line is
    cut before a capitalised word or a digit when one starts within 8 columns of the margin."""
    words = text.split(" ")
    lines: list[list[str]] = [[]]
    length = 0
    for index, word in enumerate(words):
        full = lines[-1] and length + 1 + len(word) > width
        early = (
            prefer_capitals
            and lines[-1]
            and length > width - 8
            and (word[:1].isupper() or word[:1].isdigit())
            and index + 1 < len(words)
        )
        if full or early:
            lines.append([])
            length = 0
        length += len(word) + (1 if lines[-1] else 0)
        lines[-1].append(word)
    return "\n".join(" ".join(line) for line in lines)


def _wrapped(sentences: Sequence[str], rng: random.Random, prefer_capitals: bool) -> StressDoc:
    width = rng.randint(60, 80)
    paragraphs = []
    gold: list[str] = []
    for paragraph in _paragraphs(sentences, rng):
        body = [s for s in paragraph if _is_final(s)]
        for heading in (s for s in paragraph if not _is_final(s)):
            paragraphs.append(heading)  # headings stay unwrapped lines of their own
            gold.append(heading)
        if body:
            paragraphs.append(wrap(" ".join(body), width, prefer_capitals))
            gold.extend(body)
    return StressDoc("\n\n".join(paragraphs) + "\n", tuple(gold))


def build_wrapped(sentences: Sequence[str], rng: random.Random) -> StressDoc:
    return _wrapped(sentences, rng, prefer_capitals=False)


def build_wrapped_caps(sentences: Sequence[str], rng: random.Random) -> StressDoc:
    return _wrapped(sentences, rng, prefer_capitals=True)


def _headline(sentence: str, rng: random.Random) -> str:
    words = sentence.rstrip(".!?…").split()
    return " ".join(words[: rng.randint(3, 8)])


def build_markdown(sentences: Sequence[str], rng: random.Random) -> StressDoc:
    writer = _Writer()
    article = 1
    for paragraph in _paragraphs(sentences, rng):
        kind = rng.random()
        heading = _headline(paragraph[0], rng)
        if kind < 0.3:
            writer.add(f"{'#' * rng.randint(1, 3)} {heading}", "\n\n")
        elif kind < 0.6:
            writer.add(f"**Điều {article}. {heading}**", "\n\n")
            article += 1
        elif kind < 0.8:
            writer.add(f"### Điều {article}. {heading}", "\n\n")
            article += 1
        sep = "\n\n"
        for sentence in paragraph:
            style = rng.random()
            if style < 0.2:
                sentence = f"**{sentence}**"
            elif style < 0.4:
                words = sentence.split(" ")
                if len(words) > 4:
                    at = rng.randint(1, len(words) - 3)
                    words[at] = f"*{words[at]}*"
                sentence = " ".join(words)
            elif style < 0.5 and writer.gold and writer.gold[-1].endswith(".**"):
                sep = ""  # glued markup between units: `….**‖**Điều 11 …`
                sentence = f"**{sentence}**"
            writer.add(sentence, sep if not writer.gold or _is_final(writer.gold[-1]) else "\n")
            sep = " "
    return writer.doc()


def build_quoted(sentences: Sequence[str], rng: random.Random) -> StressDoc:
    writer = _Writer()
    for paragraph in _paragraphs(sentences, rng):
        sep = "\n\n"
        index = 0
        while index < len(paragraph):
            sentence = paragraph[index]
            style = rng.random()
            opening, closing = rng.choice([("“", "”"), ('"', '"')])
            if style < 0.3 and _is_final(sentence):
                writer.add(f"{opening}{sentence}{closing}", sep)
            elif style < 0.5 and index + 1 < len(paragraph) and _is_final(sentence):
                second = paragraph[index + 1]  # a two-sentence quotation, split inside (D1)
                writer.add(f"{opening}{sentence}", sep)
                writer.add(f"{second}{closing}", " ")
                index += 1
            elif style < 0.65:
                number = rng.randint(1, 9)
                writer.add(f"{opening}{number}. {sentence}{closing}", "\n" if writer.parts else "")
                sep = "\n"
                index += 1
                continue
            else:
                writer.add(sentence, sep)
            sep = " " if _is_final(writer.gold[-1]) else "\n"
            index += 1
    return writer.doc()


def build_numbered(sentences: Sequence[str], rng: random.Random) -> StressDoc:
    writer = _Writer()
    for paragraph in _paragraphs(sentences, rng):
        style = rng.random()
        if style < 0.3:
            writer.add(f"{_headline(paragraph[0], rng)} gồm:", "\n\n")
            for sentence in paragraph:
                writer.add(f"- {sentence}", " ")  # a list flattened onto one line
        elif style < 0.6:
            first = True
            for number, sentence in enumerate(paragraph, start=1):
                marker = rng.choice([f"{number}. ", f"{number}) ", f"{'abcdeg'[number % 6]}) "])
                writer.add(marker + sentence, "\n\n" if first else "\n")
                first = False
        else:
            first = True
            for number, sentence in enumerate(paragraph, start=1):
                if first:
                    writer.add(
                        f"{number}{sentence}" if sentence[:1].isupper() else sentence, "\n\n"
                    )
                elif _is_final(writer.gold[-1]) and sentence[:1].isupper():
                    writer.add(f"{number}{sentence}", "")  # `…để ráo.2Hấp trong…`
                else:
                    writer.add(sentence, "\n")
                first = False
    return writer.doc()


_DATELINES = ("Hà Nội", "TP.HCM", "Đà Nẵng", "Cần Thơ", "Huế", "Nghệ An", "Quảng Ninh", "Lâm Đồng")
_LABELS = ("Tin tổng hợp", "Thời sự", "Tin nóng", "Xã hội", "Góc nhìn")


def build_runin(sentences: Sequence[str], rng: random.Random) -> StressDoc:
    """Headlines, datelines and section labels run into their paragraph, with a space or
    glued; the rest of the paragraph joined with spaces."""
    writers = []
    for paragraph in _paragraphs(sentences, rng):
        writer, kind = _Writer(), rng.random()
        headline = kind < 0.45 and len(paragraph) > 1  # (then the headline's sentence is left out)
        body = paragraph[1:] if headline else paragraph
        labels = _LABELS if kind < 0.65 else _DATELINES
        writer.add(_headline(paragraph[0], rng) if headline else rng.choice(labels))
        glue_ok = body[0][:1].isupper() and body[0][1:2].islower() and writer.gold[-1][-1].isalpha()
        separator = "" if glue_ok and rng.random() < 0.5 else " "
        if labels is _DATELINES and rng.random() < 0.3:
            writer.extend_last(" -")  # `Đà Nẵng - Theo …`: the dash stays with the dateline
            separator = " "
        for sentence in body:
            after_heading = len(writer.gold) == 1
            writer.add(sentence, separator if after_heading or _is_final(writer.gold[-1]) else "\n")
            separator = " "
        writers.append(writer)
    return _merge(writers)


FAMILIES: dict[str, Builder] = {
    "space": build_space,
    "glued": build_glued,
    "wrapped": build_wrapped,
    "wrapped-caps": build_wrapped_caps,
    "markdown": build_markdown,
    "quoted": build_quoted,
    "numbered": build_numbered,
    "runin": build_runin,
}


# A sentence end inside a source line: its terminator and closing quote, a space and a
# capital, after a lowercase word of two letters or more, a capitalised word of three or
# more that no abbreviation list has (`… Hoa Kỳ và Justin Thomas.`), a number after a
# lowercase word (`… bằng 0.`, not `Điều 5.`) or a closing bracket or quote (`… (MS).`):
# never an initial, a title or a list number. NTREX and FLORES align a translation unit a
# line, and some units hold two sentences (`… mọi hình dạng. Nó có thể …`): by R2 and D1 of
# the conventions each is a segment, so the gold must cut there too.
_INNER_END = re.compile(
    rf"(?:(?<![^\s\"“‘'(])(?:[{LOWER}]{{2,}}|[{UPPER}][{LOWER}]{{2,}}|[{LOWER}]+ \d{{1,4}})"
    rf"|[)”\"’])[.!?]+[\"”’']?(?= [\"“‘']?[{UPPER}])"
)
_ABBREVIATIONS = frozenset(
    ("Mrs", "Ltd", "Inc", "Corp", "Prof", "Sept", "Capt", "Dept", "Gen", "Col", "Sgt", "Rev")
) | frozenset(("Hon", "Vol", "Fig", "Jan", "Feb", "Mar", "Apr", "Aug", "Oct", "Nov", "Dec"))
_ABBREVIATIONS |= {"Mme", "Mlle", "Bros", "Ave", "Blvd", "Univ", "Assn", "Est", "Ths", "Nxb"}
# A short clause after a closing quote is its attribution, which stays with the quotation
# (`“… ở đó!” Hammel chia sẻ thêm.`, R5).
_ATTRIBUTION = re.compile(
    r" \S+(?: \S+){0,3}? (?:nói|cho biết|chia sẻ|kể|phát biểu|hỏi|đáp|trả lời|viết|bổ sung|"
    r"khẳng định|nhấn mạnh|tuyên bố)(?: thêm| lại)?[.!?]\Z"
)


def split_units(line: str) -> list[str]:
    """The sentences of one source line (see ``_INNER_END``)."""
    sentences, start = [], 0
    for end in _INNER_END.finditer(line):
        if end.group()[-1] in "\"”’'" and _ATTRIBUTION.match(line, end.end()):
            continue
        if end.group().rstrip(".!?\"”’')") in _ABBREVIATIONS:
            continue
        sentences.append(line[start : end.end()])
        start = end.end() + 1
    return [*sentences, line[start:]]


def source_documents(limit: int | None = None) -> list[list[str]] | None:
    """The Vietnamese sentences of NTREX (by document) and FLORES (in runs of 10); a source
    line that holds two sentences gives both (:func:`split_units`)."""
    if not (NTREX_TEXT.is_file() and NTREX_IDS.is_file()):
        return None
    documents: dict[str, list[str]] = {}
    lines = NTREX_TEXT.read_text(encoding="utf-8").splitlines()
    ids = NTREX_IDS.read_text(encoding="utf-8").splitlines()
    for document_id, line in zip(ids, lines, strict=True):
        documents.setdefault(document_id, []).extend(split_units(line.split("\t", 1)[0]))
    result = list(documents.values())
    if FLORES_TEXT.is_file():
        flores = [line.split("\t", 1)[0] for line in FLORES_TEXT.read_text("utf-8").splitlines()]
        result += [
            [sentence for line in flores[i : i + 10] for sentence in split_units(line)]
            for i in range(0, len(flores), 10)
        ]
    return result[:limit] if limit else result


def write_set(folder: Path, docs: Sequence[StressDoc]) -> None:
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "gold").mkdir(parents=True, exist_ok=True)
    for number, doc in enumerate(docs, start=1):
        name = f"{number:03d}.txt"
        (folder / "docs" / name).write_text(doc.text, encoding="utf-8")
        (folder / "gold" / name).write_text("\n".join(doc.gold) + "\n", encoding="utf-8")


def build_family(
    family: str, documents: Sequence[Sequence[str]], seed: int = 11
) -> list[StressDoc]:
    rng = random.Random(f"{family}-{seed}")
    return [FAMILIES[family](sentences, rng) for sentences in documents]


def translate_lines(text: str) -> str:
    from translate.segment import segment_text

    return "".join(segment.message + "\n" for segment in segment_text(text).segments)


def score_set(folder: Path, splitter: Callable[[str], str] = translate_lines) -> dict[str, object]:
    """segscore's JSON report for ``splitter`` on the data set in ``folder``."""
    predictions = folder / "predictions"
    predictions.mkdir(exist_ok=True)
    for path in sorted((folder / "docs").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        (predictions / path.name).write_text(splitter(text), encoding="utf-8")
    report = folder / "report.json"
    subprocess.run(
        [sys.executable, str(SEGSCORE), "--data", str(folder), "--predictions", str(predictions),
         "--json", str(report)],
        check=True, capture_output=True,
    )  # fmt: skip
    result: dict[str, object] = json.loads(report.read_text(encoding="utf-8"))
    return result


@dataclass(frozen=True)
class FamilyScore:
    family: str
    boundaries: int
    f1: float
    inline_f1: float
    glued_recall: float | None
    exact: float
    lossy: bool
    seconds: float


_REGEX_SPLIT = re.compile(r"(?<=[.!?…])\s+")


def regex_lines(text: str) -> str:
    """The anchor: a break after every terminator followed by whitespace, and at every line."""
    return "".join(piece + "\n" for line in text.splitlines() for piece in _REGEX_SPLIT.split(line))


def evaluate(
    quick: bool, keep: Path | None = None, splitter: Callable[[str], str] = translate_lines
) -> list[FamilyScore] | None:
    documents = source_documents(30 if quick else None)
    if documents is None:
        return None
    rows = []
    with tempfile.TemporaryDirectory(prefix="segstress-") as temporary:
        root = keep or Path(temporary)
        for family in FAMILIES:
            folder = root / family
            write_set(folder, build_family(family, documents))
            started = time.process_time()
            report = score_set(folder, splitter)
            seconds = time.process_time() - started
            micro = report["micro"]
            inline = report["inline"]
            by_gap = report["by_gap"]
            assert isinstance(micro, dict) and isinstance(inline, dict)
            assert isinstance(by_gap, dict) and isinstance(report["boundaries"], dict)
            exact = report["exact_sentence_accuracy"]
            assert isinstance(exact, float)
            rows.append(
                FamilyScore(
                    family,
                    int(report["boundaries"]["gold"]),
                    float(micro["f1"]),
                    float(inline["f1"]),
                    by_gap["glued"]["recall"],
                    exact,
                    bool(report["lossy"]),
                    seconds,
                )
            )
    return rows


def format_rows(rows: Sequence[FamilyScore]) -> str:
    lines = [("family", "boundaries", "F1", "in-line F1", "glued R", "exact", "lossy")]
    for row in rows:
        glued = "-" if row.glued_recall is None else f"{row.glued_recall:.3f}"
        lines.append(
            (row.family, str(row.boundaries), f"{row.f1:.3f}", f"{row.inline_f1:.3f}", glued,
             f"{row.exact:.3f}", "yes" if row.lossy else "no")
        )  # fmt: skip
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


TARGET_F1 = 0.95


def run(quick: bool) -> Section:
    """Entry point for `python -m bench`: one figure per family, against the regex anchor."""
    ours = evaluate(quick)
    if ours is None:
        return Section(
            "Segmentation stress families",
            (Figure("segmentation stress", "skipped", "-", "n/a", "-", None),),
            (f"No source sentences at {SHARED / 'data'}: the stress families were skipped.",),
        )
    anchor = {row.family: row for row in evaluate(quick, splitter=regex_lines) or []}
    figures = []
    for row in ours:
        glued = "" if row.glued_recall is None else f", glued R {row.glued_recall:.3f}"
        base = anchor.get(row.family)
        figures.append(
            Figure(
                benchmark=f"segmentation stress: {row.family} ({row.boundaries} boundaries)",
                contender=f"translate: in-line F1 {row.inline_f1:.3f}{glued}, exact "
                f"{row.exact:.3f}{', LOSSY' if row.lossy else ''}",
                anchor=f"regex splitter: F1 {base.f1:.3f}" if base else "-",
                result=f"F1 {row.f1:.3f}",
                target=f"≥ {TARGET_F1}",
                passed=row.f1 >= TARGET_F1 and not row.lossy,
            )
        )
    notes = (
        "Stress families (bench/segstress.py): NTREX-128 and FLORES-200 sentences from "
        "../shared/data laid out as scraped, hard-wrapped, Markdown, quoted and numbered "
        "documents, each family scored with ../shared/tools/segscore.py.",
        "```",
        format_rows(ours),
        "```",
    )
    return Section("Segmentation stress families", tuple(figures), notes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.segstress", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="the first 30 source documents")
    parser.add_argument("--keep", type=Path, help="write the data sets here and keep them")
    options = parser.parse_args(argv)
    rows = evaluate(options.quick, options.keep)
    if rows is None:
        print(f"no source sentences at {SHARED / 'data'}: nothing to generate")
        return 1
    print(format_rows(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
