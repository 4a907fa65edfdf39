"""What every document of the school shares, in the conventions of Russian office papers: A4
with margins of 3 cm on the left, 1.5 cm on the right and 2 cm at the top and bottom, Times New
Roman 12 pt, the organisation's name in the header, the page number in the footer; tables whose
header row repeats on each page; dates as «01.09.2026»; a line to fill where a value is missing
(never «None»); the blocks «УТВЕРЖДАЮ» and the signatures."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from docx import Document as new_document
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from bot.texts import documents as texts

FONT = "Times New Roman"
FONT_SIZE = Pt(12)
TABLE_FONT_SIZE = Pt(11)
BLANK = "________________"
LONG_BLANK = "__________________________________"


def start(organization: str, *, landscape: bool = False) -> Document:
    """A new document of the organisation: page, font, header and page numbers."""
    document = new_document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Table Grid"):
        style = document.styles[name]
        style.font.name = FONT
        style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
        if name.startswith("Heading") or name == "Title":
            style.font.color.rgb = None  # black, as printed papers are
    document.styles["Normal"].font.size = FONT_SIZE
    header = section.header.paragraphs[0]
    header.text = organization
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    header.runs[0].font.size = Pt(10)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(footer)
    return document


# A4 as (width, height) and margins (left, right, top, bottom), in cm: the binding edge keeps
# 3 cm on either page.
PORTRAIT = ((21.0, 29.7), (3.0, 1.5, 2.0, 2.0))
LANDSCAPE = ((29.7, 21.0), (2.0, 2.0, 3.0, 1.5))


def _new_section(document: Document, orientation: WD_ORIENT, layout: tuple[Any, Any]) -> None:
    (width, height), (left, right, top, bottom) = layout
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = orientation
    section.page_width, section.page_height = Cm(width), Cm(height)
    section.left_margin, section.right_margin = Cm(left), Cm(right)
    section.top_margin, section.bottom_margin = Cm(top), Cm(bottom)


def landscape_section(document: Document) -> None:
    """Go on from a new page turned landscape, for a wide table."""
    _new_section(document, WD_ORIENT.LANDSCAPE, LANDSCAPE)


def portrait_section(document: Document) -> None:
    """Go on from a new page in portrait again, after a landscape one."""
    _new_section(document, WD_ORIENT.PORTRAIT, PORTRAIT)


def _page_number(paragraph: Paragraph) -> None:
    """A PAGE field: Word and LibreOffice put the page's number there."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def day(value: date | None) -> str:
    """«01.09.2026», or a line to write the date on."""
    return value.strftime("%d.%m.%Y") if value is not None else "«___» ____________ 20___"


def filled(value: object) -> str:
    """The value, or a line to fill in by hand."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return BLANK
    return str(value)


def title(document: Document, text: str, subtitle: str | None = None) -> None:
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(text)
    run.bold = True
    run.font.size = Pt(14)
    if subtitle:
        below = document.add_paragraph(subtitle)
        below.alignment = WD_ALIGN_PARAGRAPH.CENTER


def heading(document: Document, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(10)
    paragraph.add_run(text).bold = True


def paragraph(document: Document, text: str, *, justify: bool = True) -> Paragraph:
    added = document.add_paragraph(text)
    if justify:
        added.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    added.paragraph_format.first_line_indent = Cm(1.25)
    return added


def right(document: Document, text: str) -> None:
    document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT


def table(
    document: Document,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float] | None = None,
) -> None:
    """A bordered table; its header row repeats at the top of each page it runs onto."""
    grid = document.add_table(rows=1, cols=len(header))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    head = grid.rows[0]
    properties = head._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    properties.append(repeat)
    for cell, text in zip(head.cells, header, strict=True):
        cell.text = text
        run = cell.paragraphs[0].runs[0]
        run.bold = True
        run.font.size = TABLE_FONT_SIZE
    for values in rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = "" if value is None else str(value)
            for run in cell.paragraphs[0].runs:
                run.font.size = TABLE_FONT_SIZE
    if widths:
        grid.autofit = False
        for column, width in zip(grid.columns, widths, strict=True):
            column.width = Cm(width)
        for row in grid.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Cm(width)
    document.add_paragraph()


def facts(document: Document, rows: Sequence[tuple[str, str]]) -> None:
    """Label and value, a row each, in a bordered table of two columns."""
    grid = document.add_table(rows=0, cols=2)
    grid.style = "Table Grid"
    for name, value in rows:
        cells = grid.add_row().cells
        cells[0].text, cells[1].text = name, value
        cells[0].width, cells[1].width = Cm(5.5), Cm(11)
    document.add_paragraph()


def approval(document: Document, position: str, name: str | None, on: date | None) -> None:
    """«УТВЕРЖДАЮ», at the right: who approves, their signature line, and the date."""
    for text in (
        texts.APPROVE,
        position,
        f"{BLANK} / {filled(name)} /",
        day(on),
    ):
        line = document.add_paragraph(text)
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        line.paragraph_format.space_after = Pt(0)
    document.add_paragraph()


def signatures(document: Document, people: Sequence[tuple[str, str | None]]) -> None:
    """A line to sign for each (role, name), the name printed after it."""
    document.add_paragraph()
    for role, name in people:
        line = document.add_paragraph(f"{role}: {BLANK} / {filled(name)} /")
        line.paragraph_format.space_after = Pt(6)


def to_bytes(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
