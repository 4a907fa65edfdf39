"""The mentor's statement of their mentoring (справка о наставнической деятельности): pairs
and periods, meetings held and their hours, the mentees' results and the recognitions, with
the director's and the curator's signatures."""

from __future__ import annotations

from bot.documents import common
from bot.services.recognitions import MentorStatement
from bot.texts import achievements as texts
from bot.texts.vocabulary import PAIR_STATUS_NAMES, decimal, label


def build(data: MentorStatement) -> bytes:
    document = common.start(data.organization)
    common.title(document, texts.STATEMENT_TITLE)
    document.add_paragraph(common.day(data.made_on))
    common.paragraph(
        document,
        texts.STATEMENT_INTRO.format(mentor=data.mentor.full_name, organization=data.organization),
    )
    common.heading(document, texts.STATEMENT_PAIRS)
    if data.pairs:
        pair_rows: list[tuple[object, ...]] = [
            (
                number,
                common.filled(", ".join(pair.mentees)),
                label(pair.kind),
                f"{common.day(pair.starts_on)} – {common.day(pair.ends_on)}"
                if pair.ends_on
                else f"с {common.day(pair.starts_on)}",
                PAIR_STATUS_NAMES[pair.status],
            )
            for number, pair in enumerate(data.pairs, start=1)
        ]
        common.table(document, texts.STATEMENT_PAIRS_HEADER, pair_rows, (0.8, 5.2, 3.6, 4.2, 2.7))
    else:
        common.paragraph(document, texts.STATEMENT_NO_PAIRS)
    common.heading(document, texts.STATEMENT_WORK)
    common.paragraph(
        document,
        texts.STATEMENT_WORK_LINE.format(
            meetings=data.meetings_held,
            hours=decimal(data.meeting_hours),
            goals=data.goals_reached,
            overcome=data.difficulties_overcome,
        ),
    )
    common.heading(document, texts.STATEMENT_RECOGNITIONS)
    if data.recognitions:
        recognition_rows: list[tuple[object, ...]] = [
            (common.day(item.on_date), texts.RECOGNITION_NAMES[item.kind], item.title)
            for item in data.recognitions
        ]
        common.table(document, texts.STATEMENT_RECOGNITIONS_HEADER, recognition_rows, (2.5, 4, 10))
    else:
        common.paragraph(document, texts.STATEMENT_NO_RECOGNITIONS)
    common.paragraph(document, texts.STATEMENT_PURPOSE)
    common.signatures(
        document, [(texts.STATEMENT_DIRECTOR, None), (texts.STATEMENT_CURATOR, data.curator)]
    )
    return common.to_bytes(document)
