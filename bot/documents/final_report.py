"""The final analytic report (итоговый аналитический отчёт) of a school year as a Word document
(.docx) a curator can print and sign: the monitoring's indicators, tables by form and by
category of difficulty, the charts, the school's roadmap with what was done, room for
conclusions, and the signature line."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from bot import charts
from bot.documents import common
from bot.documents import roadmap as roadmap_document
from bot.services.monitoring import Figures, Summary
from bot.services.pair_results import PairResult
from bot.services.surveys import Results, title_of
from bot.texts import reports as texts
from bot.texts.monitoring import SUMMARY_NONE
from bot.texts.vocabulary import KIND_NAMES, PAIR_STATUS_NAMES, category_short, decimal
from models import RoadmapEvent


def _table(document: Any, header: tuple[str, ...], rows: list[tuple[object, ...]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, header, strict=True):
        cell.text = title
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = str(value)


def _score(value: float | None) -> str:
    return decimal(value) if value is not None else SUMMARY_NONE


@dataclass(frozen=True, slots=True)
class OrganizationSections:
    """What the report of one organisation adds to the figures: its roadmap of the year and
    the list of its pairs with their results."""

    roadmap: list[tuple[RoadmapEvent, str | None]]
    pairs: list[PairResult]
    surveys: list[Results]


def _surveys_table(document: Any, found: list[Results]) -> None:
    rows: list[tuple[object, ...]] = []
    for results in found:
        current = results.questionnaire
        if not results.invited and not results.completed:
            continue
        means = "; ".join(
            f"{result.question.text} — {decimal(mean)}"
            for result in results.questions
            if (mean := result.mean) is not None
        )
        rows.append(
            (
                title_of(current.audience, current.milestone),
                f"{results.completed} из {results.invited} ({round(results.rate * 100)} %)",
                means or SUMMARY_NONE,
            )
        )
    if not rows:
        document.add_paragraph(texts.FINAL_NO_SURVEYS)
        return
    _table(document, texts.FINAL_SURVEYS_HEADER, rows)


def _pairs_table(document: Any, found: list[PairResult]) -> None:
    rows: list[tuple[object, ...]] = [
        (
            number,
            result.mentor,
            ", ".join(result.mentees),
            KIND_NAMES[result.kind].split(" (")[0],
            f"{result.starts_on:%d.%m.%Y} – {result.ends_on:%d.%m.%Y}"
            if result.ends_on
            else f"с {result.starts_on:%d.%m.%Y}",
            PAIR_STATUS_NAMES[result.status],
            result.meetings_held,
            f"{result.steps_done} из {result.steps_total}" if result.steps_total else "",
        )
        for number, result in enumerate(found, start=1)
    ]
    if not rows:
        document.add_paragraph(texts.FINAL_NO_PAIRS)
        return
    common.table(document, texts.FINAL_PAIRS_HEADER, rows, (1, 4.2, 5.2, 3.4, 4.3, 2.6, 2, 3))


def build(
    current: Summary,
    scope_name: str,
    curator: str,
    made_on: date,
    sections: OrganizationSections | None = None,
) -> bytes:
    """The report made on `made_on`; for one organisation (`sections`) with its roadmap and
    its pairs too."""
    figures: Figures = current.total
    chosen = current.period
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    common.approval(document, texts.FINAL_DIRECTOR, None, None)
    title = document.add_heading(texts.FINAL_TITLE, level=1)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(
        texts.FINAL_SUBTITLE.format(
            scope=scope_name, start=f"{chosen.start:%d.%m.%Y}", end=f"{chosen.end:%d.%m.%Y}"
        )
    ).alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(texts.FINAL_MADE.format(day=f"{made_on:%d.%m.%Y}"))

    document.add_heading(texts.FINAL_PARTICIPANTS, level=2)
    _table(
        document,
        texts.FINAL_INDICATOR_HEADER,
        [
            (texts.FINAL_TEACHERS, figures.teachers),
            (texts.FINAL_INVOLVED, f"{figures.involved} ({round(figures.share * 100)} %)"),
            (texts.FINAL_MENTORS, figures.mentors),
            (texts.FINAL_MENTEES, figures.mentees),
            (
                texts.FINAL_YOUNG,
                f"{figures.young_with_mentor} из {figures.young_specialists}"
                + (f" ({round(figures.young_share * 100)} %)" if figures.young_share else ""),
            ),
        ],
    )
    document.add_heading(texts.FINAL_FORMS, level=2)
    _table(
        document,
        texts.FINAL_FORM_HEADER,
        [(KIND_NAMES[form], count) for form, count in figures.pairs_by_kind.items()]
        or [(SUMMARY_NONE, 0)],
    )
    document.add_heading(texts.FINAL_WORK, level=2)
    _table(
        document,
        texts.FINAL_INDICATOR_HEADER,
        [
            (texts.FINAL_MEETINGS, figures.meetings_held),
            (texts.FINAL_MEETINGS_PER_PAIR, decimal(current.per_pair_month(figures))),
            (texts.FINAL_PAIRS_WITHOUT, figures.pairs_without_meetings),
            (texts.FINAL_GOALS_REACHED, figures.goals_reached),
            (texts.FINAL_GOALS_OVERDUE, figures.goals_overdue),
            (texts.FINAL_ACTIVITIES_DONE, figures.activities_done),
            (texts.FINAL_ACTIVITIES_OVERDUE, figures.activities_overdue),
            (texts.FINAL_REQUESTS, figures.requests),
            (texts.FINAL_MEDIAN, _score(figures.first_answer_median_minutes)),
            (texts.FINAL_RATING, _score(figures.rating)),
            (texts.FINAL_SATISFACTION, _score(figures.satisfaction)),
            (texts.FINAL_CATEGORIES, figures.categories_obtained),
            (texts.FINAL_CONTESTS, figures.contest_participants),
            (
                texts.FINAL_YOUNG_RETAINED,
                f"{figures.young_retained} из {figures.young_year_on}",
            ),
        ],
    )
    meetings = charts.meetings(current.meetings_by_month)
    if meetings:
        document.add_picture(io.BytesIO(meetings), width=Cm(16))
    document.add_heading(texts.FINAL_DIFFICULTIES, level=2)
    categories = (
        figures.difficulties_new.keys()
        | figures.difficulties_open.keys()
        | figures.difficulties_overcome.keys()
    )
    _table(
        document,
        texts.FINAL_DIFFICULTY_HEADER,
        [
            (
                category_short(category),
                figures.difficulties_new.get(category, 0),
                figures.difficulties_open.get(category, 0),
                figures.difficulties_overcome.get(category, 0),
            )
            for category in sorted(categories)
        ]
        or [(SUMMARY_NONE, 0, 0, 0)],
    )
    difficulties = charts.difficulties(figures)
    if difficulties:
        document.add_picture(io.BytesIO(difficulties), width=Cm(16))
    document.add_heading(texts.FINAL_SELF_CHECK, level=2)
    _table(
        document,
        texts.FINAL_SELF_CHECK_HEADER,
        [
            (category_short(category), decimal(before), decimal(after))
            for category, (before, after) in sorted(figures.self_check.items())
        ]
        or [(SUMMARY_NONE, "", "")],
    )
    self_check = charts.self_check(figures)
    if self_check:
        document.add_picture(io.BytesIO(self_check), width=Cm(16))
    if len(current.organizations) > 1:
        document.add_heading(texts.FINAL_BY_ORGANIZATION, level=2)
        _table(
            document,
            texts.FINAL_ORGANIZATION_HEADER,
            [
                (
                    name,
                    f"{round(current.by_organization[key].share * 100)} %",
                    current.by_organization[key].active_pairs,
                    current.by_organization[key].meetings_held,
                )
                for key, name in current.organizations.items()
            ],
        )
    if sections is not None:  # the wide tables on landscape pages
        common.landscape_section(document)
        document.add_heading(texts.FINAL_PAIRS, level=2)
        _pairs_table(document, sections.pairs)
        document.add_heading(texts.FINAL_ROADMAP, level=2)
        roadmap_document.add_table(document, sections.roadmap)
        document.add_heading(texts.FINAL_SURVEYS, level=2)
        _surveys_table(document, sections.surveys)
        common.portrait_section(document)
    document.add_heading(texts.FINAL_CONCLUSIONS, level=2)
    for _ in range(6):
        document.add_paragraph("_" * 80)
    document.add_paragraph()
    document.add_paragraph(texts.FINAL_SIGNATURE.format(curator=curator))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
