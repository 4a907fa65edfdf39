"""The portfolio of a young specialist (seed 004): who they are, who mentored them, their
achievements, and their growth (difficulties overcome, goals reached, the self-diagnosis)."""

from __future__ import annotations

from bot.documents import common
from bot.services.achievements import Portfolio, overcome
from bot.texts import achievements as texts
from bot.texts.vocabulary import label


def build(data: Portfolio) -> bytes:
    mentee = data.mentee
    document = common.start(data.organization)
    common.title(document, texts.PORTFOLIO_TITLE, data.organization)
    values = {
        "name": mentee.full_name,
        "position": common.filled(mentee.position),
        "subject": common.filled(mentee.subject),
        "experience": common.filled(mentee.experience_years),
    }
    common.facts(
        document, [(name, value.format(**values)) for name, value in texts.PORTFOLIO_FACTS]
    )

    common.heading(document, texts.PORTFOLIO_MENTORS)
    if data.mentors:
        mentor_rows: list[tuple[object, ...]] = [
            (name, common.day(starts), common.day(ends)) for name, starts, ends in data.mentors
        ]
        common.table(document, texts.PORTFOLIO_MENTORS_HEADER, mentor_rows, (9, 3.7, 3.7))
    else:
        common.paragraph(document, texts.PORTFOLIO_NO_MENTORS)

    common.heading(document, texts.PORTFOLIO_ACHIEVEMENTS)
    if data.achievements:
        achievement_rows: list[tuple[object, ...]] = [
            (
                common.day(item.on_date),
                texts.KIND_NAMES[item.kind],
                item.title,
                texts.LEVEL_NAMES[item.level] if item.level else common.BLANK,
                common.filled(item.result),
            )
            for item in data.achievements
        ]
        common.table(
            document,
            texts.PORTFOLIO_ACHIEVEMENTS_HEADER,
            achievement_rows,
            (2.5, 3.6, 4.5, 3.2, 2.6),
        )
    else:
        common.paragraph(document, texts.PORTFOLIO_NO_ACHIEVEMENTS)

    common.heading(document, texts.PORTFOLIO_GROWTH)
    common.paragraph(
        document,
        texts.PORTFOLIO_GROWTH_LINE.format(
            difficulties=len(data.difficulties),
            overcome=overcome(data.difficulties),
            goals=data.goals_reached,
        ),
    )
    if data.self_check:
        self_check_rows: list[tuple[object, ...]] = [
            (label(row.category), common.filled(row.start), common.filled(row.end))
            for row in data.self_check
        ]
        common.table(document, texts.PORTFOLIO_SELF_CHECK_HEADER, self_check_rows, (8.4, 4, 4))
    mentor = data.mentors[-1][0] if data.mentors else None
    names = {"mentee": mentee.full_name, "mentor": mentor or ""}
    common.signatures(
        document,
        [(role, name.format(**names) or None) for role, name in texts.PORTFOLIO_SIGNATURES],
    )
    return common.to_bytes(document)
