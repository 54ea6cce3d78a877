"""`translate segment`: print the sentences the pipeline would translate."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from translate.cli.options import segment_options, segmentation_options, warn
from translate.document import Document

FORMATS = ("text", "jsonl", "pot")


@click.command(
    "segment",
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="""\b
Examples:
  translate segment seeds/hue-digital-transformation-week-2023.vi.txt
  translate segment --format jsonl --line-breaks wrap letter.txt
  cat page.txt | translate segment -
  translate segment --format pot seeds/*.txt > template.pot
  translate segment page.html          # <1>…</1> stand for inline tags
  translate segment --input-format markdown --format jsonl - < README.md""",
)
@click.argument("files", nargs=-1, required=True, metavar="SOURCE…|-")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text: one segment per line, a blank line between paragraphs; jsonl: one JSON "
    "object per segment with its span, line, paragraph, break, language and notes; "
    "pot: a gettext template.",
)
@segmentation_options
def segment(
    files: tuple[str, ...],
    output_format: str,
    line_breaks: str,
    abbreviations_file: Path | None,
    encoding: str | None,
    max_length: int,
    input_format: str,
) -> None:
    """Split Vietnamese documents into sentences and print them.

    Reads each FILE (`-` for standard input) and prints its segments: sentences, headlines,
    captions and list items, each with the language it is written in. Nothing is
    translated and no file is written; the segments are exactly the entries `translate run`
    puts in the catalogues.

    Built for real documents: scraped pages whose paragraphs are glued (`tạm giữ.Sáng`,
    `lại.2Mở`, `cân.UBND`, `giữ."Tôi`, `miền Trung[3]Sau`, `Hà NộiChiều qua`), headings run
    into prose with a space (`… rủi ro Trong khi …`), datelines (`TTO - …`, `Đà Nẵng - …`),
    photo credits (`… ẢNH: CTV Trước đó …`), headings the story repeats, chat posts ended
    by an emoji or a particle (`… thơm lắm 😋 Ai …`), decrees hard-wrapped from PDFs (also
    double-spaced or with `<br />`; `của Hồ⏎Chí Minh` stays whole), Wikipedia copies (edit
    links, footnote marks, `**^**` reference lists, infobox rows), Markdown (`**Điều 9. …**`,
    `### Điều 7.`, fenced code, front matter), flattened tables of contents (also with dot
    leaders, `1.2. Mục tiêu . . . 12`) and subtitles, flattened slides and covers (`VIỆT
    NAMTRƯỜNG ĐẠI HỌC`, `2017 LỜI CAM ĐOAN Tôi …`, run-in bullets, slide footers), sources in
    brackets (`… Đà Lạt. (NLĐO) - Số tiền …`, `(NB&CL) Những …`), upper-case titles wrapped
    over long lines, database dumps, JSON posts and pasted READMEs (`…</p><p>`,
    `<br />\\r\\n`, written-out `\\n` and `\\r\\n`, `\\"` quotes, emoji bullets and headings
    `….🧠 Core LogicHệ thống`, image alt labels `… anh 3Hoa …`, `[cite_start]`, ad scripts
    left in an article, `…</p></div>‖<p>`), teasers and their link labels (`Đây là …‖Read
    more‖HLV …`), related headlines a widget ends with ` -`, machine-made caption cues one a
    line (`… tôi sẽ đến⏎Làm một loạt …⏎về cách lái xe`: a segment each), flattened YouTube SBV
    subtitles (`0:00:01.200,0:00:04.500 Chào.[br]…`) and upper-case headings run into their
    text (`2. KẾT QUẢ Kết quả cho thấy …`, `… TÓM TẮT Bài báo …`).
    `TP.HCM`, `P.Bến Nghé`, `Q.1`, `10.2`, `D.C.`, `PGS-TS.`, e-mails and file names stay
    whole, and so do a Markdown table row (a cell of several sentences is split), a code line,
    one reference entry (`2. ^ Tên (2010). Sách.`) and glued form cells (`Số hiệu:12/QĐNgười
    ký:…`). Text output: one segment per line, a blank line between paragraphs (the form
    ../shared/tools/segscore.py reads).
    """
    from translate.source import read_and_segment

    options = segment_options(line_breaks, abbreviations_file, max_length, encoding, input_format)
    documents = []
    for name in files:
        source = read_and_segment(name, options)
        for warning in source.warnings:
            warn(warning)
        documents.append(source.document)
    # Bytes, so that the output is UTF-8 whatever the terminal's locale says.
    sys.stdout.buffer.write(render(documents, output_format).encode("utf-8"))
    sys.stdout.flush()


def render(documents: Sequence[Document], output_format: str) -> str:
    """The whole output of `translate segment` for ``documents`` in ``output_format``."""
    if output_format == "pot":
        from translate.catalog import render_template

        return render_template(documents)
    if output_format == "jsonl":
        return "".join(_jsonl_lines(documents))
    return "\n".join(_text_paragraphs(documents))


def _text_paragraphs(documents: Sequence[Document]) -> list[str]:
    return [
        "".join(segment.message + "\n" for segment in paragraph)
        for document in documents
        for paragraph in document.paragraphs()
    ]


def _jsonl_lines(documents: Sequence[Document]) -> list[str]:
    lines = []
    for document in documents:
        for index, segment in enumerate(document.segments):
            record = {
                "path": document.path,
                "index": index,
                "text": segment.text,
                "message": segment.message,
                "start": segment.start,
                "end": segment.end,
                "line": segment.line,
                "paragraph": segment.paragraph,
                "break": segment.break_kind.value,
                "lang": segment.lang,
                "notes": [note.value for note in segment.notes],
            }
            if segment.comments:
                record["comments"] = list(segment.comments)
            lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return lines
