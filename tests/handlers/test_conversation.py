"""A conversation without dead ends, acted as a person would: typing instead of tapping at the
button steps, switching to another command in the middle of a wizard, and, at every step of
every dialogue, a sticker, a photo, a stray command and a stray word each answered by naming
what the step waits for — never the stranger's text or «не понял»."""

from __future__ import annotations

from datetime import timedelta

import pytest
from aiogram.fsm.context import FSMContext
from aiogram.fsm.storage.base import StorageKey
from sqlalchemy import select

import handlers  # noqa: F401 - every handler module declares its dialogues' steps
from bot.callbacks.meetings import MeetingAction, MeetingCb
from bot.dialogue import Step, all_steps
from bot.services.pairs import local_today
from bot.texts import common as common_texts
from bot.texts import difficulties as difficulty_texts
from bot.texts import goals as goal_texts
from bot.texts import help_requests as help_texts
from bot.texts import meetings as meeting_texts
from bot.texts import pairs as pair_texts
from bot.texts import registration as registration_texts
from handlers.achievements import AchievementForm, RecognitionForm
from handlers.help_requests import HelpChat, HelpForm
from handlers.registration import Registration
from handlers.staff import StaffImport
from models import Goal, Meeting, utcnow
from models.enums import MeetingStatus, MentorshipKind, Role
from tests.dialogs import open_invite, reply, users
from tests.factories import (
    make_difficulty,
    make_invite,
    make_meeting,
    make_organization,
    make_pair,
    make_person,
)

CURATOR, MENTOR, MENTEE, STRANGER = 1101, 1102, 1103, 1104
# steps that take a photo or a document as their answer
TAKES_FILES = {
    HelpForm.text.state,
    HelpChat.message.state,
    StaffImport.file.state,
    AchievementForm.file.state,
    RecognitionForm.file.state,
}
NEVER = (common_texts.NEED_INVITE, common_texts.UNKNOWN_INPUT, common_texts.UNEXPECTED_ERROR)


async def school(factory) -> int:
    organization_id = await make_organization(factory)
    await make_person(factory, organization_id, CURATOR, Role.CURATOR, full_name="Завуч Ольга")
    mentor_id = await make_person(
        factory, organization_id, MENTOR, Role.MENTOR, full_name="Орлова Вера"
    )
    mentee_id = await make_person(
        factory, organization_id, MENTEE, Role.MENTEE, full_name="Новикова Ира"
    )
    await make_pair(factory, organization_id, mentor_id, mentee_id)
    return organization_id


async def test_typed_answers_count_as_the_buttons(running_bot, session_factory, telegram):
    organization_id = await school(session_factory)
    code = await make_invite(session_factory, organization_id, Role.MENTEE)
    (mentee,) = await users(telegram, MENTEE)
    stranger = telegram.add_user(user_id=STRANGER, first_name="Гость")

    # consent typed: the step goes on (it is not the stranger's «ask for an invite»)
    await open_invite(stranger, code)
    await stranger.send("Согласен")
    assert "Шаг 1 из 4" in (await reply(stranger)).text

    # a difficulty in three typed answers
    await mentee.send("/new_difficulty")
    await reply(mentee)
    await mentee.send("как это")  # fits no category: the step says what it waits for
    assert f"Сейчас я жду {difficulty_texts.EXPECT_CATEGORY}" in (await reply(mentee)).text
    await mentee.send("Методические")
    assert "Шаг 2 из 3" in (await reply(mentee)).text
    await mentee.send("Не получается удержать внимание класса")
    await reply(mentee)
    await mentee.send("Срочно")
    assert (await reply(mentee)).text == difficulty_texts.DIFFICULTY_SAVED
    assert "Не получается удержать внимание класса" in (await reply(mentee)).text

    # a help request's urgency typed
    await mentee.send("/need_help")
    await reply(mentee)
    await mentee.send("Родители спрашивают про оценки")
    await reply(mentee)
    await mentee.send("не срочно")
    assert "отправлен наставнику" in (await reply(mentee)).text

    # «Отмена» typed ends any step without being taken as its answer
    await mentee.send("/new_difficulty")
    await reply(mentee)
    await mentee.send("Методические")
    await reply(mentee)
    await mentee.send("Отмена")
    assert (await reply(mentee)).text == common_texts.CANCELLED


async def until(user, fragment: str):
    """The next message with `fragment` in its text or a button, passing the notices before it."""
    for _ in range(5):
        message = await reply(user)
        if fragment in message.text or fragment in message.buttons():
            return message
    raise AssertionError(f"no message with {fragment!r}")


async def test_a_meeting_and_a_goal_typed_from_start_to_end(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    mentor_id = await make_person(
        session_factory, organization_id, MENTOR, Role.MENTOR, full_name="Орлова Вера"
    )
    mentee_ids = [
        await make_person(session_factory, organization_id, user_id, Role.MENTEE, full_name=name)
        for user_id, name in ((MENTEE, "Новикова Ира"), (STRANGER, "Зайцев Пётр"))
    ]
    pair_id = await make_pair(
        session_factory, organization_id, mentor_id, *mentee_ids, kind=MentorshipKind.GROUP
    )
    await make_difficulty(session_factory, mentee_ids[0], "Не успеваю проверять тетради")
    mentor, mentee, _ = await users(telegram, MENTOR, MENTEE, STRANGER)

    # a meeting scheduled: every answer after the first tap typed
    await mentor.send("/meetings")
    listing = await reply(mentor)
    new = next(label for label in listing.buttons() if label.startswith("➕ Назначить"))
    await mentor.press(listing, new)
    assert (await reply(mentor)).text == meeting_texts.MEETING_ASK_WHOM
    await mentor.send("Новикова")
    await reply(mentor)  # the day
    await mentor.send("завтра 15:30")
    assert (await reply(mentor)).text == meeting_texts.MEETING_ASK_FORMAT
    await mentor.send("очно")
    await reply(mentor)  # the topic
    await mentor.send("Разбор открытого урока")
    assert (await reply(mentor)).text == meeting_texts.MEETING_SCHEDULED
    await reply(mentor)  # its card
    await until(mentee, "Разбор открытого урока")  # the invitation

    # a held meeting's log typed, the touched difficulty named, «Готово» typed
    held_id = await make_meeting(
        session_factory, pair_id, utcnow() - timedelta(hours=2), mentee_ids[0]
    )
    await mentor.press_data(
        listing.message_id, MeetingCb(action=MeetingAction.HELD, meeting_id=held_id).pack()
    )
    assert (await reply(mentor)).text == meeting_texts.MEETING_ASK_DURATION  # the list edited
    await mentor.send("45")
    await reply(mentor)
    await mentor.send("Разобрали критерии оценивания")
    await reply(mentor)
    await mentor.send("Попробовать на следующей неделе")
    assert (await reply(mentor)).text == meeting_texts.MEETING_ASK_TOUCHED
    await mentor.send("Не успеваю")
    marked = await reply(mentor)
    assert any(label.startswith("✅") for label in marked.buttons()), marked.buttons()
    await mentor.send("Готово")
    assert (await until(mentor, "Итоги встречи")).text == meeting_texts.MEETING_LOGGED
    rate = await until(mentee, "⭐ Оцените")
    await mentee.press(rate, "5")
    await reply(mentee)  # a comment?
    await mentee.send("Пропустить")
    assert (await reply(mentee)).text == meeting_texts.MEETING_RATED

    # a goal for one mentee of the group, the mentee and «Без привязки» typed
    await mentor.send("/goals")
    goals = await until(mentor, goal_texts.BUTTON_GOAL_NEW)  # past the rating's notice
    await mentor.press(goals, goal_texts.BUTTON_GOAL_NEW)
    assert (await reply(mentor)).text == goal_texts.GOAL_ASK_MENTEE
    await mentor.send("Новикова Ира")
    assert (await reply(mentor)).text == goal_texts.GOAL_ASK_TITLE
    await mentor.send("Провести открытый урок")
    await reply(mentor)
    await mentor.send((local_today("Europe/Moscow") + timedelta(days=14)).strftime("%d.%m.%Y"))
    await reply(mentor)
    await mentor.send("Урок проведён и разобран")
    assert (await reply(mentor)).text == goal_texts.GOAL_ASK_LINK
    await mentor.send("без привязки")
    assert (await reply(mentor)).text == goal_texts.GOAL_CREATED
    async with session_factory() as session:
        meeting = await session.get(Meeting, held_id)
        goal = await session.scalar(select(Goal))
    assert meeting is not None and meeting.status is MeetingStatus.HELD
    assert meeting.duration_minutes == 45
    assert goal is not None and goal.mentee_id == mentee_ids[0] and goal.difficulty_id is None


async def test_a_new_command_ends_the_wizard_in_progress(running_bot, session_factory, telegram):
    await school(session_factory)
    (curator,) = await users(telegram, CURATOR)
    await curator.send("/new_pair")
    picker = await reply(curator)
    await curator.press(picker, "Орлова Вера")  # a mentor chosen: something is half-entered
    assert "наставляемые" in (await reply(curator)).text
    await curator.send("/invites")
    assert (await reply(curator)).text == common_texts.DIALOGUE_INTERRUPTED
    await reply(curator)  # the invites
    await curator.send("14")  # no longer the wizard's search
    answer = await reply(curator)
    assert pair_texts.PAIR_WIZARD_MENTEES.split("{")[0] not in answer.text
    assert answer.text == common_texts.UNKNOWN_INPUT

    # a menu button ends it too; where nothing was typed yet, silently
    await curator.send("/new_pair")
    await reply(curator)
    await curator.send("/start")
    menu = await reply(curator)  # not DIALOGUE_INTERRUPTED first: no half-entered pair
    assert menu.text.startswith("Главное меню"), menu.text


@pytest.mark.parametrize(
    ("user_id", "opening", "half_entered", "switch"),
    [
        (MENTEE, ["/new_difficulty"], "Методические", "/my_difficulties"),
        (MENTEE, ["/need_help"], "Как выставить итоговые оценки?", "/start"),
        (MENTOR, ["/goals", goal_texts.BUTTON_GOAL_NEW], "Провести открытый урок", "/meetings"),
    ],
    ids=["difficulty", "help", "goal"],
)
async def test_each_wizard_ends_on_another_command(
    running_bot, session_factory, telegram, user_id, opening, half_entered, switch
):
    await school(session_factory)
    (user,) = await users(telegram, user_id)
    command, *taps = opening
    await user.send(command)
    prompt = await reply(user)
    for tap in taps:
        await user.press(prompt, tap)
        prompt = await reply(user)
    await user.send(half_entered)
    await reply(user)  # the next step
    await user.send(switch)
    assert (await reply(user)).text == common_texts.DIALOGUE_INTERRUPTED
    await reply(user)  # what the command shows
    await user.send("12.12")  # no longer an answer to the wizard
    assert (await reply(user)).text == common_texts.UNKNOWN_INPUT


async def _at(running_bot, telegram, user_id: int, step: Step) -> FSMContext:
    key = StorageKey(bot_id=running_bot.bot.id, chat_id=user_id, user_id=user_id)
    state = FSMContext(storage=running_bot.dispatcher.storage, key=key)
    await state.set_state(step)
    return state


@pytest.mark.parametrize("step", all_steps(), ids=lambda step: step.state)
async def test_every_step_names_what_it_waits_for(
    running_bot, session_factory, telegram, step: Step
):
    await school(session_factory)
    stranger_step = str(step.state).startswith(Registration.__full_group_name__)
    user_id = STRANGER if stranger_step else MENTOR
    user = telegram.add_user(user_id=user_id, first_name="Педагог")
    telegram.open_chat(user)
    expects = f"Сейчас я жду {step.expects}"

    attempts = [("sticker", user.send_sticker()), ("command", user.send("/abracadabra"))]
    if step.state not in TAKES_FILES:
        attempts.append(("photo", user.send_photo(b"\xff\xd8jpeg")))
    for what, sending in attempts:
        await _at(running_bot, telegram, user_id, step)
        await sending
        answer = (await reply(user)).text
        assert expects in answer, (what, answer)
        if what == "command":
            assert answer.startswith(common_texts.NO_SUCH_COMMAND)

    # a word: the step takes it, refuses it saying why, or says what it waits for
    await _at(running_bot, telegram, user_id, step)
    await user.send("абв")
    answer = (await reply(user)).text
    assert answer not in NEVER, answer
    assert not answer.startswith(common_texts.NEED_INVITE.split("\n")[0])


def test_the_steps_are_all_declared() -> None:
    """The walk above covers the dialogues of every feature (a feature whose states are not
    `Step`s would escape it)."""
    groups = {str(step.state).split(":")[0] for step in all_steps()}
    assert {
        "Registration",
        "NewDifficulty",
        "PairWizard",
        "MeetingForm",
        "MeetingLog",
        "GoalForm",
        "HelpForm",
        "HelpChat",
        "ActivityForm",
        "SelfCheck",
        "InviteSearch",
        "MentorChange",
        "PairChange",
        "ProposalDecline",
        "NoteForm",
        "TeacherForm",
        "TeacherEdit",
        "TeacherSearch",
    } <= groups
    assert registration_texts.EXPECT_CONSENT and help_texts.EXPECT_TEXT
