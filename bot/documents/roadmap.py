"""The school's roadmap of the mentorship system for a school year: each event with its kind,
day, who is responsible and the mark of what was done."""

from __future__ import annotations

from docx.document import Document

from bot.documents import common
from bot.services.roadmap import RoadmapView
from bot.texts import documents as texts
from models import RoadmapEvent
from models.enums import RoadmapStatus


def mark(event: RoadmapEvent) -> str:
    """What the last column says: done with its result, cancelled, or empty to fill."""
    if event.status is RoadmapStatus.DONE:
        return texts.ROADMAP_DONE_MARK.format(result=event.result or "")
    if event.status is RoadmapStatus.CANCELLED:
        return texts.EVENT_STATUS_NAMES[event.status]
    return ""


def add_table(document: Document, events: list[tuple[RoadmapEvent, str | None]]) -> None:
    """The roadmap's table (also a section of the final report)."""
    if not events:
        common.paragraph(document, texts.ROADMAP_EMPTY)
        return
    rows = [
        (
            number,
            event.title,
            texts.EVENT_KIND_NAMES[event.kind],
            common.day(event.on_date),
            common.filled(responsible),
            mark(event),
        )
        for number, (event, responsible) in enumerate(events, start=1)
    ]
    common.table(document, texts.ROADMAP_HEADER, rows, (0.8, 5, 2.6, 2.2, 3.2, 3))


def build(data: RoadmapView) -> bytes:
    document = common.start(data.organization)
    common.approval(document, texts.REGULATION_DIRECTOR, None, None)
    common.title(
        document,
        texts.ROADMAP_TITLE.format(year=data.first_year, next=data.first_year + 1),
        data.organization,
    )
    add_table(document, data.events)
    common.signatures(document, [(texts.PROGRAMME_CURATOR, data.curator)])
    return common.to_bytes(document)
