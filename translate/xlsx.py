"""A minimal SpreadsheetML (.xlsx) writer and reader, standard library only.

Writing: one sheet, every text cell an inline string (never a formula), the header row
frozen. Reading: the first sheet of a workbook saved by Excel, LibreOffice or any other tool
(shared strings, inline strings, rich-text runs, numbers); workbooks are untrusted, so parts
that declare a DOCTYPE or entities, or that unpack past a size limit, are refused.
openpyxl would do both but brings its own dependencies for what fits in this module.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree

from translate.archive_guard import ZIP_READ_ERRORS
from translate.errors import UserError
from translate.safexml import XML_UNWRITABLE

_MAX_XML_BYTES = 200 * 1024 * 1024  # a sheet's XML parts, uncompressed
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CELL_REF = re.compile(r"([A-Z]+)(\d+)$")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def sheet_text(text: str) -> str:
    """The text as a cell can hold it: characters XML 1.0 cannot carry (C0 controls but tab
    and line breaks, :data:`translate.safexml.XML_UNWRITABLE`) replaced by U+FFFD."""
    return XML_UNWRITABLE.sub("\ufffd", text)


# ---------------------------------------------------------------------------------------
# Writing


def _column_name(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        name = chr(65 + remainder) + name
    return name


def _xml_text(text: str) -> str:
    """Cell text as XML character data; a carriage return as a reference, since XML readers
    turn a literal one into a line feed."""
    clean = sheet_text(text)
    return (
        clean.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _sheet_xml(
    rows: Sequence[Sequence[str]], numeric_columns: Sequence[int], wide_columns: int
) -> str:
    columns = (
        f'<cols><col min="1" max="{wide_columns}" width="60" customWidth="1" style="1"/></cols>'
        if wide_columns
        else ""
    )
    lines = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        f'<worksheet xmlns="{_NS}"><sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        "</sheetView></sheetViews>" + columns + "<sheetData>",
    ]
    for number, row in enumerate(rows, start=1):
        cells = []
        for index, value in enumerate(row):
            ref = f"{_column_name(index)}{number}"
            if number > 1 and index in numeric_columns and _NUMBER.fullmatch(value):
                cells.append(f'<c r="{ref}"><v>{_xml_text(value)}</v></c>')
            elif value:
                cells.append(
                    f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">'
                    f"{_xml_text(value)}</t></is></c>"
                )
        lines.append(f'<row r="{number}">{"".join(cells)}</row>')
    lines.append("</sheetData></worksheet>")
    return "".join(lines)


_XLSX_STATIC = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<workbook xmlns="{_NS}" xmlns:r="{_REL_NS}"><sheets>'
        '<sheet name="review" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.xml"/></Relationships>'
    ),
    "xl/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<styleSheet xmlns="{_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/>'
        '</font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/>'
        '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        '</cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" '
        'xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" '
        'applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    ),
}


def workbook(
    table: Sequence[Sequence[str]], numeric_columns: Sequence[int] = (), wide_columns: int = 0
) -> bytes:
    """A one-sheet workbook of ``table`` (first row frozen as the header); cells of
    ``numeric_columns`` below it are numbers, the first ``wide_columns`` are wide, wrapped."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _XLSX_STATIC.items():
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), text)
        sheet = _sheet_xml(table, numeric_columns, wide_columns)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", (1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, sheet)
    return out.getvalue()


# ---------------------------------------------------------------------------------------
# Reading


def _xlsx_part(archive: zipfile.ZipFile, name: str, path: Path) -> ElementTree.Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _MAX_XML_BYTES:
        raise UserError(f"{path}: {name} is too large ({info.file_size} bytes); nothing changed")
    data = archive.read(info)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise UserError(f"{path}: {name} declares a DOCTYPE or entities; nothing was changed")
    return ElementTree.fromstring(data)


_UNREADABLE: tuple[type[Exception], ...] = (*ZIP_READ_ERRORS, ElementTree.ParseError, KeyError)


def read_table(data: bytes, path: Path) -> list[list[str]]:
    """The cells of the workbook's first sheet, row by row, as text; UserError otherwise."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            shared = _shared_strings(_xlsx_part(archive, "xl/sharedStrings.xml", path))
            sheet = _xlsx_part(archive, _first_sheet_name(archive, path), path)
    except _UNREADABLE as exc:
        raise UserError(
            f"{path}: not a readable .xlsx workbook ({exc}); save it again as Excel "
            "Workbook (.xlsx) or as CSV UTF-8; nothing was changed"
        ) from exc
    if sheet is None:
        raise UserError(f"{path}: the workbook has no worksheet; nothing was changed")
    return _sheet_cells(sheet, shared)


def _first_sheet_name(archive: zipfile.ZipFile, path: Path) -> str:
    """The part of the workbook's first sheet (`xl/worksheets/sheet1.xml` when unsure)."""
    workbook = _xlsx_part(archive, "xl/workbook.xml", path)
    rels = _xlsx_part(archive, "xl/_rels/workbook.xml.rels", path)
    if workbook is None or rels is None:
        return "xl/worksheets/sheet1.xml"
    first = workbook.find(f"{{{_NS}}}sheets/{{{_NS}}}sheet")
    if first is None:
        return "xl/worksheets/sheet1.xml"
    rel_id = first.get(f"{{{_REL_NS}}}id", "")
    for rel in rels:
        if rel.get("Id") == rel_id:
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else "xl/" + target
    return "xl/worksheets/sheet1.xml"


def _text_of(element: ElementTree.Element) -> str:
    """The text of an `<si>` or `<is>`: its `<t>`, or its rich-text runs' `<t>`s (not the
    phonetic `<rPh>` ones)."""
    direct = element.find(f"{{{_NS}}}t")
    if direct is not None:
        return direct.text or ""
    return "".join(t.text or "" for t in element.findall(f"{{{_NS}}}r/{{{_NS}}}t"))


def _shared_strings(root: ElementTree.Element | None) -> list[str]:
    if root is None:
        return []
    return [_text_of(item) for item in root.findall(f"{{{_NS}}}si")]


def _cell_value(cell: ElementTree.Element, shared: Sequence[str]) -> str:
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        inline = cell.find(f"{{{_NS}}}is")
        return "" if inline is None else _text_of(inline)
    value = cell.findtext(f"{{{_NS}}}v") or ""
    if kind == "s":
        index = int(value)
        if not 0 <= index < len(shared):
            raise ValueError(f"shared string {index} does not exist")
        return shared[index]
    return value


def _sheet_cells(sheet: ElementTree.Element, shared: Sequence[str]) -> list[list[str]]:
    table: list[list[str]] = []
    for row in sheet.iter(f"{{{_NS}}}row"):
        values: dict[int, str] = {}
        for position, cell in enumerate(row.findall(f"{{{_NS}}}c")):
            match = _CELL_REF.match(cell.get("r", ""))
            column = _column_index(match.group(1)) if match else position
            values[column] = _cell_value(cell, shared)
        width = max(values, default=-1) + 1
        table.append([values.get(index, "") for index in range(width)])
    return table


def _column_index(name: str) -> int:
    index = 0
    for char in name:
        index = index * 26 + ord(char) - 64
    return index - 1
