"""The personalised mentorship programme of a pair (seed 001 §1.2): participants, period, aim,
the mentee's difficulties and strengths, the directions of work, the roadmap table, the start
and end self-diagnosis, «УТВЕРЖДАЮ» and the participants' signatures."""

from __future__ import annotations

from bot.documents import common
from bot.services.programmes import ProgrammeDocument
from bot.texts import documents as texts
from bot.texts.vocabulary import label
from models.enums import DifficultyCategory

STRONG = 4  # a start self-rating of 4 or 5 is a strength to lean on


def build(data: ProgrammeDocument) -> bytes:
    current = data.current
    programme = current.programme
    assert programme is not None  # the service refuses a pair without a programme
    pair = current.pair
    document = common.start(data.organization)
    common.approval(document, texts.PROGRAMME_CURATOR, data.curator, data.approved_on)
    common.title(document, texts.PROGRAMME_TITLE)
    status = (
        texts.PROGRAMME_APPROVED.format(day=common.day(data.approved_on))
        if data.approved_on is not None
        else texts.PROGRAMME_DRAFT
    )
    document.add_paragraph(status)

    common.heading(document, texts.PROGRAMME_PARTICIPANTS)
    mentees = ", ".join(mentee.full_name for mentee in pair.mentees)
    facts = [
        (texts.PROGRAMME_MENTOR, pair.mentor.full_name),
        (texts.PROGRAMME_MENTEES, common.filled(mentees)),
        (texts.PROGRAMME_KIND, label(pair.pair.kind)),
        (texts.PROGRAMME_FORM, label(pair.pair.form)),
        (texts.PROGRAMME_MODEL, label(pair.pair.role_model)),
        (
            texts.PROGRAMME_PERIOD,
            texts.PROGRAMME_PERIOD_VALUE.format(
                starts=common.day(programme.starts_on), ends=common.day(programme.ends_on)
            ),
        ),
    ]
    common.facts(document, facts)

    common.heading(document, texts.PROGRAMME_AIM)
    common.paragraph(document, common.filled(programme.aim))

    common.heading(document, texts.PROGRAMME_DIFFICULTIES)
    if data.difficulties:
        common.table(
            document,
            texts.PROGRAMME_DIFFICULTY_HEADER,
            [
                (name, label(item.category), item.description, label(item.status))
                for name, item in data.difficulties
            ],
            (3.5, 3.5, 6.5, 3),
        )
    else:
        common.paragraph(document, texts.PROGRAMME_NO_DIFFICULTIES)

    common.heading(document, texts.PROGRAMME_STRENGTHS)
    strengths = [
        f"{name}: {label(category)} ({start})"
        for name, category, start, _ in data.self_checks
        if start is not None and start >= STRONG
    ]
    common.paragraph(document, "; ".join(strengths) or texts.PROGRAMME_NO_STRENGTHS)

    common.heading(document, texts.PROGRAMME_DIRECTIONS)
    directions = sorted(
        {item.category for _, item in data.difficulties}, key=list(DifficultyCategory).index
    )
    for direction in directions:
        common.paragraph(document, f"— {label(direction)};")
    if not directions:
        document.add_paragraph(common.LONG_BLANK)

    common.heading(document, texts.PROGRAMME_ROADMAP)
    rows = [
        (
            number,
            activity.title,
            common.filled(data.activity_difficulties.get(activity.id)),
            common.day(activity.due_on),
            common.filled(activity.expected_result),
            common.filled(activity.result),
            texts.PROGRAMME_MARKS[activity.status.value],
        )
        for number, activity in enumerate(current.activities, start=1)
    ]
    if not rows:
        rows = [(1, "", "", "", "", "", "")]  # a row to fill in by hand
    common.table(document, texts.PROGRAMME_ROADMAP_HEADER, rows, (0.8, 3.6, 2.8, 2, 3, 2.6, 1.7))

    common.heading(document, texts.PROGRAMME_SELF_CHECK)
    if data.self_checks:
        common.table(
            document,
            texts.PROGRAMME_SELF_CHECK_HEADER,
            [
                (name, label(category), _score(start), _score(end))
                for name, category, start, end in data.self_checks
            ],
            (4.5, 6.5, 2.5, 2.5),
        )
    else:
        common.paragraph(document, texts.PROGRAMME_NO_SELF_CHECK)

    document.add_paragraph(texts.PROGRAMME_SIGNATURES)
    people: list[tuple[str, str | None]] = [(texts.PROGRAMME_MENTOR, pair.mentor.full_name)]
    people += [(texts.PROGRAMME_MENTEE, mentee.full_name) for mentee in pair.mentees]
    people.append((texts.PROGRAMME_CURATOR_SIGN, data.curator))
    common.signatures(document, people)
    return common.to_bytes(document)


def _score(value: int | None) -> str:
    return "" if value is None else str(value)
