"""Inline keyboards of every screen; callback data comes only from `bot.callbacks`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot import texts
from bot.callbacks import (
    ActivityCb,
    ActivityDifficultyCb,
    CancelCb,
    ConsentCb,
    DeleteMeCb,
    DifficultyCategoryCb,
    DifficultyCb,
    DifficultyListCb,
    GoalCb,
    GoalLinkCb,
    GoalMenteeCb,
    HelpCb,
    HelpListCb,
    HelpPassCb,
    HelpUrgencyCb,
    InviteRevokeCb,
    InvitesPageCb,
    InviteWizardCb,
    MeetingCb,
    MeetingDayCb,
    MeetingDurationCb,
    MeetingFormatCb,
    MeetingRateCb,
    MeetingTimeCb,
    MeetingTouchCb,
    MeetingWhomCb,
    MentorsPageCb,
    MenuCb,
    OrgCb,
    OrgSettingsCb,
    OrgsPageCb,
    PairCb,
    PairGoalsCb,
    PairMeetingsCb,
    PairsPageCb,
    PairWizardCb,
    PickCb,
    ProfileCb,
    ProgrammeCb,
    QuietHoursCb,
    ReflectionScoreCb,
    ReminderToggleCb,
    SelfCheckCb,
    SelfCheckViewCb,
    SkipCb,
    SummaryCb,
    TimezoneCb,
    UnpairedPageCb,
    UrgencyCb,
)
from bot.services.invites import EXPIRY_DAYS_CHOICES, TEACHER_ROLES, USES_CHOICES
from bot.services.pagination import Page
from bot.services.pairs import PERIOD_CHOICES
from models import Person
from models.enums import AssessmentStage, Role

MENTEE_BUTTONS = 20  # a message holds at most 100 buttons; larger groups list the first


def _button(text: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data.pack())


def cancel() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[_button(texts.BUTTON_CANCEL, CancelCb())]])


def consent() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_button(texts.BUTTON_CONSENT_YES, ConsentCb(accept=True))],
            [_button(texts.BUTTON_CONSENT_NO, ConsentCb(accept=False))],
        ]
    )


def main_menu(roles: frozenset[Role], is_admin: bool) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if Role.MENTEE in roles:
        builder.row(
            _button(texts.BUTTON_NEW_DIFFICULTY, MenuCb(action="new_difficulty")),
            _button(texts.BUTTON_MY_DIFFICULTIES, MenuCb(action="my_difficulties")),
        )
        builder.row(
            _button(texts.BUTTON_SELF_CHECK, MenuCb(action="self_check")),
            _button(texts.BUTTON_NEED_HELP, MenuCb(action="need_help")),
        )
    if roles & {Role.MENTOR, Role.MENTEE}:
        builder.row(
            _button(texts.BUTTON_MY_PAIRS, MenuCb(action="my_pairs")),
            _button(texts.BUTTON_MEETINGS, PairMeetingsCb(action="list", pair_id=0)),
        )
    if roles:
        builder.row(_button(texts.BUTTON_HELP_REQUESTS, MenuCb(action="requests")))
    if Role.CURATOR in roles:
        builder.row(
            _button(texts.BUTTON_NEW_PAIR, MenuCb(action="new_pair")),
            _button(texts.BUTTON_PAIRS, MenuCb(action="pairs")),
        )
        builder.row(
            _button(texts.BUTTON_UNPAIRED, MenuCb(action="unpaired")),
            _button(texts.BUTTON_IMPORT, MenuCb(action="import")),
        )
        builder.row(_button(texts.BUTTON_INVITE, MenuCb(action="invite")))
        builder.row(
            _button(texts.BUTTON_INVITES, MenuCb(action="invites")),
            _button(texts.BUTTON_ORG_SETTINGS, MenuCb(action="settings")),
        )
    if Role.CURATOR in roles or is_admin:
        builder.row(_button(texts.BUTTON_SUMMARY, MenuCb(action="summary")))
    if is_admin:
        builder.row(
            _button(texts.BUTTON_NEW_ORG, MenuCb(action="new_org")),
            _button(texts.BUTTON_ORGS, MenuCb(action="orgs")),
        )
    if roles:
        builder.row(
            _button(texts.BUTTON_PROFILE, MenuCb(action="profile")),
            _button(texts.BUTTON_REMINDERS, MenuCb(action="reminders")),
        )
        builder.row(_button(texts.BUTTON_MY_DATA, MenuCb(action="my_data")))
    builder.row(_button(texts.BUTTON_HELP, MenuCb(action="help")))
    return builder.as_markup()


def invite_roles() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for role in TEACHER_ROLES:
        builder.button(
            text=texts.ROLE_NAMES[role].capitalize(), callback_data=InviteWizardCb(role=role)
        )
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def invite_days(role: Role) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for days in EXPIRY_DAYS_CHOICES:
        builder.button(
            text=texts.BUTTON_DAYS.format(days=days),
            callback_data=InviteWizardCb(role=role, days=days),
        )
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def invite_uses(role: Role, days: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for uses in USES_CHOICES:
        builder.button(
            text=texts.BUTTON_USES.format(uses=uses),
            callback_data=InviteWizardCb(role=role, days=days, uses=uses),
        )
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def pager(
    builder: InlineKeyboardBuilder, page: Page[object], make: Callable[[int], CallbackData]
) -> None:
    """Add ‹ n/N › buttons under a paged list (nothing when it fits one page)."""
    if page.pages <= 1:
        return
    row: list[InlineKeyboardButton] = []
    if page.has_previous:
        row.append(_button(texts.BUTTON_PREVIOUS, make(page.number - 1)))
    row.append(_button(f"{page.number + 1}/{page.pages}", make(page.number)))
    if page.has_next:
        row.append(_button(texts.BUTTON_NEXT, make(page.number + 1)))
    builder.row(*row)


def numbered(
    page: Page[object], opens: list[CallbackData], turn: Callable[[int], CallbackData]
) -> InlineKeyboardBuilder:
    """A button per item, numbered as the list's lines are, four to a row, then the pager."""
    builder = InlineKeyboardBuilder()
    for number, data in enumerate(opens, start=page.first):
        builder.button(text=str(number), callback_data=data)
    builder.adjust(4)
    pager(builder, page, turn)
    return builder


def invites_list(page: Page[object], invite_ids: list[int]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for number, invite_id in enumerate(invite_ids, start=page.first):
        builder.button(
            text=texts.BUTTON_REVOKE.format(number=number),
            callback_data=InviteRevokeCb(invite_id=invite_id, page=page.number),
        )
    builder.adjust(2)
    pager(builder, page, lambda number: InvitesPageCb(page=number))
    return builder.as_markup()


def organizations_list(page: Page[object], entries: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for organization_id, name in entries:
        builder.row(
            _button(
                name[:60], OrgCb(organization_id=organization_id, action="open", page=page.number)
            )
        )
    pager(builder, page, lambda number: OrgsPageCb(page=number))
    return builder.as_markup()


def organization_card(organization_id: int, page: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                _button(
                    texts.BUTTON_CURATOR_LINK,
                    OrgCb(organization_id=organization_id, action="curator_link", page=page),
                )
            ],
            [_button(texts.BUTTON_BACK, OrgsPageCb(page=page))],
        ]
    )


def timezones(default: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.row(_button(texts.BUTTON_DEFAULT_TIMEZONE.format(zone=default), TimezoneCb(index=-1)))
    for index, (city, _zone) in enumerate(texts.TIMEZONE_CHOICES):
        builder.button(text=city, callback_data=TimezoneCb(index=index))
    builder.adjust(1, 3)
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def profile(share_contact: bool) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for field, name in texts.PROFILE_FIELD_NAMES.items():
        builder.button(
            text=texts.BUTTON_EDIT.format(field=name), callback_data=ProfileCb(action=field)
        )
    builder.adjust(2)
    if share_contact:
        builder.row(_button(texts.BUTTON_SHARE_OFF, ProfileCb(action="share_off")))
    else:
        builder.row(_button(texts.BUTTON_SHARE_ON, ProfileCb(action="share_on")))
    return builder.as_markup()


def delete_me() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_button(texts.BUTTON_DELETE_YES, DeleteMeCb(confirm=True))],
            [_button(texts.BUTTON_DELETE_NO, DeleteMeCb(confirm=False))],
        ]
    )


def difficulty_categories() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for category, label in texts.DIFFICULTY_CATEGORY_BUTTONS.items():
        builder.button(text=label, callback_data=DifficultyCategoryCb(category=category))
    builder.adjust(2)
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def urgencies(difficulty_id: int = 0) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for urgency, label in texts.URGENCY_NAMES.items():
        builder.button(
            text=label.capitalize(),
            callback_data=UrgencyCb(urgency=urgency, difficulty_id=difficulty_id),
        )
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def difficulty_list(
    page: Page[object], mentee_id: int, difficulty_ids: list[int]
) -> InlineKeyboardMarkup:
    opens: list[CallbackData] = [
        DifficultyCb(action="open", difficulty_id=difficulty_id, page=page.number)
        for difficulty_id in difficulty_ids
    ]
    return numbered(
        page, opens, lambda number: DifficultyListCb(mentee_id=mentee_id, page=number)
    ).as_markup()


def difficulty_card(
    difficulty_id: int, mentee_id: int, page: int, *, owner: bool, can_take: bool
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()

    def action(label: str, name: str) -> None:
        builder.button(
            text=label,
            callback_data=DifficultyCb(action=name, difficulty_id=difficulty_id, page=page),
        )

    if owner:
        action(texts.BUTTON_DIFFICULTY_DESCRIBE, "describe")
        action(texts.BUTTON_DIFFICULTY_URGENCY, "urgency")
    if can_take:
        action(texts.BUTTON_DIFFICULTY_WORK, "work")
    if owner and can_take:
        action(texts.BUTTON_DIFFICULTY_OVERCOME, "overcome")
    builder.adjust(2)
    builder.row(_button(texts.BUTTON_BACK, DifficultyListCb(mentee_id=mentee_id, page=page)))
    return builder.as_markup()


def self_check_stages() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                _button(
                    texts.BUTTON_SELF_CHECK_START,
                    SelfCheckCb(stage=AssessmentStage.START, index=0),
                ),
                _button(
                    texts.BUTTON_SELF_CHECK_END, SelfCheckCb(stage=AssessmentStage.END, index=0)
                ),
            ]
        ]
    )


def self_check_scores(stage: AssessmentStage, index: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for score in range(1, 6):
        builder.button(
            text=str(score), callback_data=SelfCheckCb(stage=stage, index=index, score=score)
        )
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def people_picker(
    purpose: str, page: Page[Person], selected: frozenset[int] = frozenset(), pair_id: int = 0
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for person in page.items:
        label = person.full_name
        if person.id in selected:
            label = texts.BUTTON_SELECTED.format(name=label)
        builder.row(
            _button(
                label[:60],
                PickCb(purpose=purpose, person_id=person.id, page=page.number, pair_id=pair_id),
            )
        )
    pager(builder, page, lambda number: PickCb(purpose=purpose, page=number, pair_id=pair_id))
    if purpose == "mentees":
        builder.row(
            _button(
                texts.BUTTON_DONE.format(count=len(selected)),
                PairWizardCb(step="mentees_done"),
            )
        )
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def _choices(step: str, labels: dict[str, str]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for value, label in labels.items():
        builder.row(_button(label, PairWizardCb(step=step, value=value)))
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def forms() -> InlineKeyboardMarkup:
    return _choices("form", {form.value: label for form, label in texts.FORM_NAMES.items()})


def role_models() -> InlineKeyboardMarkup:
    return _choices(
        "model", {model.value: label for model, label in texts.ROLE_MODEL_NAMES.items()}
    )


def periods() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for months in PERIOD_CHOICES:
        builder.button(
            text=texts.BUTTON_PERIOD.format(months=months),
            callback_data=PairWizardCb(step="period", value=str(months)),
        )
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def pair_confirm() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_button(texts.BUTTON_CREATE, PairWizardCb(step="confirm"))],
            [_button(texts.BUTTON_CANCEL, CancelCb())],
        ]
    )


def pairs_list(
    page: Page[object], pair_ids: list[int], mine: bool, only: str = ""
) -> InlineKeyboardMarkup:
    builder = numbered(
        page,
        [PairCb(action="open", pair_id=pair_id, page=page.number) for pair_id in pair_ids],
        lambda number: PairsPageCb(page=number, mine=mine, only=only),
    )
    if not mine:
        filters = InlineKeyboardBuilder()
        for code, label in texts.PAIRS_FILTER_BUTTONS.items():
            shown = f"✅ {label}" if code == only else label
            filters.button(text=shown, callback_data=PairsPageCb(page=0, only=code))
        filters.adjust(3)
        builder.attach(filters)
    return builder.as_markup()


def unpaired(page: Page[object]) -> InlineKeyboardMarkup | None:
    builder = InlineKeyboardBuilder()
    pager(builder, page, lambda number: UnpairedPageCb(page=number))
    return builder.as_markup() if page.pages > 1 else None


def pair_card(
    pair_id: int,
    mentees: list[tuple[int, str]],
    *,
    manage: bool,
    see_mentees: bool,
    reflect: bool,
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.row(_button(texts.BUTTON_PROGRAMME, ProgrammeCb(action="open", pair_id=pair_id)))
    builder.row(
        _button(texts.BUTTON_MEETINGS, PairMeetingsCb(action="list", pair_id=pair_id)),
        _button(texts.BUTTON_GOALS, PairGoalsCb(action="list", pair_id=pair_id)),
    )
    if reflect:
        builder.row(
            _button(texts.BUTTON_FINAL_REFLECTION, PairCb(action="reflect", pair_id=pair_id))
        )
    if see_mentees:
        for mentee_id, name in mentees[:MENTEE_BUTTONS]:
            short = name.split(" ")[0]
            builder.row(
                _button(
                    texts.BUTTON_MENTEE_DIFFICULTIES.format(name=short),
                    DifficultyListCb(mentee_id=mentee_id),
                ),
                _button(
                    texts.BUTTON_MENTEE_SELF_CHECK.format(name=short),
                    SelfCheckViewCb(mentee_id=mentee_id),
                ),
            )
    if manage:
        builder.row(
            _button(texts.BUTTON_CHANGE_MENTOR, PairCb(action="change_mentor", pair_id=pair_id))
        )
        builder.row(
            _button(texts.BUTTON_COMPLETE, PairCb(action="complete", pair_id=pair_id)),
            _button(texts.BUTTON_STOP, PairCb(action="stop", pair_id=pair_id)),
        )
    return builder.as_markup()


def confirm_complete(pair_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_button(texts.BUTTON_COMPLETE_YES, PairCb(action="complete_yes", pair_id=pair_id))],
            [_button(texts.BUTTON_CANCEL, CancelCb())],
        ]
    )


def reflection_scores(pair_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for score in range(1, 6):
        builder.button(
            text=str(score), callback_data=ReflectionScoreCb(pair_id=pair_id, score=score)
        )
    return builder.as_markup()


def programme(
    pair_id: int, activity_ids: list[int], *, mentor: bool, mentee: bool, exists: bool
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for number, activity_id in enumerate(activity_ids, start=1):
        builder.button(
            text=str(number), callback_data=ActivityCb(action="open", activity_id=activity_id)
        )
    builder.adjust(5)
    if mentor:
        aim = texts.BUTTON_PROGRAMME_AIM if exists else texts.BUTTON_PROGRAMME_CREATE
        row = [_button(aim, ProgrammeCb(action="aim", pair_id=pair_id))]
        if exists:
            row.append(
                _button(texts.BUTTON_ACTIVITY_ADD, ProgrammeCb(action="add", pair_id=pair_id))
            )
        builder.row(*row)
    if mentee and exists:
        builder.row(_button(texts.BUTTON_PROPOSE, ProgrammeCb(action="propose", pair_id=pair_id)))
    builder.row(_button(texts.BUTTON_BACK, PairCb(action="open", pair_id=pair_id)))
    return builder.as_markup()


def activity(
    activity_id: int, pair_id: int, *, can_finish: bool, can_reflect: bool
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if can_finish:
        builder.button(
            text=texts.BUTTON_ACTIVITY_DONE,
            callback_data=ActivityCb(action="done", activity_id=activity_id),
        )
    if can_reflect:
        builder.button(
            text=texts.BUTTON_ACTIVITY_REFLECT,
            callback_data=ActivityCb(action="reflect", activity_id=activity_id),
        )
    builder.row(_button(texts.BUTTON_BACK, ProgrammeCb(action="open", pair_id=pair_id)))
    return builder.as_markup()


def activity_difficulties(choices: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for difficulty_id, label in choices:
        builder.row(_button(label[:60], ActivityDifficultyCb(difficulty_id=difficulty_id)))
    builder.row(_button(texts.BUTTON_NO_DIFFICULTY, ActivityDifficultyCb(difficulty_id=0)))
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def open_programme(pair_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_button(texts.BUTTON_PROGRAMME, ProgrammeCb(action="open", pair_id=pair_id))]
        ]
    )


# --- meetings ---------------------------------------------------------------------------------


def skip() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_button(texts.BUTTON_SKIP, SkipCb())],
            [_button(texts.BUTTON_CANCEL, CancelCb())],
        ]
    )


def meeting_whom(mentees: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.row(_button(texts.MEETING_WHOLE_GROUP, MeetingWhomCb(mentee_id=0)))
    for mentee_id, name in mentees[:MENTEE_BUTTONS]:
        builder.row(_button(name, MeetingWhomCb(mentee_id=mentee_id)))
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def meeting_days(days: list[date]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for day in days:
        label = f"{texts.WEEKDAY_SHORT[day.weekday()]} {day:%d.%m}"
        builder.button(text=label, callback_data=MeetingDayCb(day=int(f"{day:%Y%m%d}")))
    builder.adjust(4)
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def meeting_times(minutes: list[int]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for minute in minutes:
        hours, rest = divmod(minute, 60)
        builder.button(text=f"{hours:02d}:{rest:02d}", callback_data=MeetingTimeCb(minute=minute))
    builder.adjust(4)
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def meeting_formats() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for meeting_format, label in texts.MEETING_FORMAT_NAMES.items():
        builder.button(
            text=label.capitalize(), callback_data=MeetingFormatCb(format=meeting_format)
        )
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def meeting_invitation(meeting_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                _button(
                    texts.BUTTON_MEETING_CONFIRM, MeetingCb(action="confirm", meeting_id=meeting_id)
                ),
                _button(
                    texts.BUTTON_MEETING_ASK_MOVE,
                    MeetingCb(action="ask_move", meeting_id=meeting_id),
                ),
            ],
            [_button(texts.BUTTON_MEETING_OPEN, MeetingCb(action="open", meeting_id=meeting_id))],
        ]
    )


def open_meeting(meeting_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_button(texts.BUTTON_MEETING_OPEN, MeetingCb(action="open", meeting_id=meeting_id))]
        ]
    )


def meeting_card(
    meeting_id: int,
    pair_id: int,
    *,
    answer: bool,
    change: bool,
    decline: bool,
    log: bool,
    rate: bool,
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()

    def action(label: str, name: str) -> None:
        builder.button(text=label, callback_data=MeetingCb(action=name, meeting_id=meeting_id))

    if answer:
        action(texts.BUTTON_MEETING_CONFIRM, "confirm")
        action(texts.BUTTON_MEETING_ASK_MOVE, "ask_move")
    if change:
        action(texts.BUTTON_MEETING_MOVE, "move")
        action(texts.BUTTON_MEETING_CANCEL, "cancel")
    if decline:
        action(texts.BUTTON_MEETING_DECLINE, "decline")
    if log:
        action(texts.BUTTON_MEETING_LOG, "log")
    builder.adjust(2)
    if rate:
        builder.row(*rating_buttons(meeting_id))
    builder.row(_button(texts.BUTTON_MEETINGS, PairMeetingsCb(action="list", pair_id=pair_id)))
    return builder.as_markup()


def rating_buttons(meeting_id: int) -> list[InlineKeyboardButton]:
    return [
        _button(str(score), MeetingRateCb(meeting_id=meeting_id, score=score))
        for score in range(1, 6)
    ]


def meeting_rating(meeting_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[rating_buttons(meeting_id)])


def confirm_meeting_cancel(meeting_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                _button(
                    texts.BUTTON_MEETING_CANCEL_YES,
                    MeetingCb(action="cancel_yes", meeting_id=meeting_id),
                )
            ],
            [_button(texts.BUTTON_BACK, MeetingCb(action="open", meeting_id=meeting_id))],
        ]
    )


def meeting_held(meeting_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                _button(texts.BUTTON_MEETING_HELD, MeetingCb(action="held", meeting_id=meeting_id)),
                _button(
                    texts.BUTTON_MEETING_NOT_HELD,
                    MeetingCb(action="not_held", meeting_id=meeting_id),
                ),
            ],
            [_button(texts.BUTTON_CANCEL, CancelCb())],
        ]
    )


def meeting_durations(choices: tuple[int, ...]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for minutes in choices:
        builder.button(
            text=texts.MEETING_MINUTES.format(minutes=minutes),
            callback_data=MeetingDurationCb(minutes=minutes),
        )
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def meeting_touched(items: list[tuple[str, int, str, bool]]) -> InlineKeyboardMarkup:
    """(kind, id, label, chosen) toggles, then «Готово»."""
    builder = InlineKeyboardBuilder()
    for kind, item_id, label, chosen in items:
        icon = "✅" if chosen else ("🧩" if kind == "difficulty" else "📘")
        builder.row(_button(f"{icon} {label[:50]}", MeetingTouchCb(kind=kind, item_id=item_id)))
    count = sum(1 for *_, chosen in items if chosen)
    builder.row(_button(texts.BUTTON_DONE.format(count=count), MeetingTouchCb(kind="done")))
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def meetings_list(
    page: Page[object], meeting_ids: list[int], pair_id: int, *, can_plan: bool
) -> InlineKeyboardMarkup:
    builder = numbered(
        page,
        [MeetingCb(action="open", meeting_id=meeting_id) for meeting_id in meeting_ids],
        lambda number: PairMeetingsCb(action="list", pair_id=pair_id, page=number),
    )
    if can_plan:
        builder.row(
            _button(texts.BUTTON_MEETING_NEW, PairMeetingsCb(action="new", pair_id=pair_id)),
            _button(texts.BUTTON_MEETING_PAST, PairMeetingsCb(action="past", pair_id=pair_id)),
        )
    if pair_id:
        builder.row(_button(texts.BUTTON_BACK, PairCb(action="open", pair_id=pair_id)))
    return builder.as_markup()


# --- goals ------------------------------------------------------------------------------------


def goal_mentees(mentees: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for mentee_id, name in mentees[:MENTEE_BUTTONS]:
        builder.row(_button(name, GoalMenteeCb(mentee_id=mentee_id)))
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def goal_links(choices: list[tuple[str, int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for kind, item_id, label in choices:
        icon = "🧩" if kind == "difficulty" else "📘"
        builder.row(_button(f"{icon} {label[:50]}", GoalLinkCb(kind=kind, item_id=item_id)))
    builder.row(_button(texts.GOAL_NO_LINK, GoalLinkCb(kind="none")))
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def goals_list(
    page: Page[object], goal_ids: list[int], pair_id: int, *, can_add: bool
) -> InlineKeyboardMarkup:
    builder = numbered(
        page,
        [GoalCb(action="open", goal_id=goal_id) for goal_id in goal_ids],
        lambda number: PairGoalsCb(action="list", pair_id=pair_id, page=number),
    )
    if can_add:
        builder.row(_button(texts.BUTTON_GOAL_NEW, PairGoalsCb(action="new", pair_id=pair_id)))
    builder.row(_button(texts.BUTTON_BACK, PairCb(action="open", pair_id=pair_id)))
    return builder.as_markup()


def goal_card(goal_id: int, pair_id: int, actions: list[str]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for name in actions:
        builder.button(
            text=texts.GOAL_BUTTONS[name], callback_data=GoalCb(action=name, goal_id=goal_id)
        )
    builder.adjust(2)
    builder.row(_button(texts.BUTTON_GOALS, PairGoalsCb(action="list", pair_id=pair_id)))
    return builder.as_markup()


def open_goal(goal_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[_button(texts.BUTTON_GOAL_OPEN, GoalCb(action="open", goal_id=goal_id))]]
    )


def goal_review(goal_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                _button(texts.GOAL_BUTTONS["confirm"], GoalCb(action="confirm", goal_id=goal_id)),
                _button(
                    texts.GOAL_BUTTONS["give_back"], GoalCb(action="give_back", goal_id=goal_id)
                ),
            ]
        ]
    )


# --- situational help -------------------------------------------------------------------------


def help_urgencies() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for urgency, label in texts.HELP_URGENCY_NAMES.items():
        builder.row(_button(label, HelpUrgencyCb(urgency=urgency)))
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def help_request(request_id: int, actions: list[str]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for name in actions:
        builder.button(
            text=texts.HELP_BUTTONS[name], callback_data=HelpCb(action=name, request_id=request_id)
        )
    builder.adjust(2)
    return builder.as_markup()


def help_list(page: Page[object], request_ids: list[int]) -> InlineKeyboardMarkup:
    opens: list[CallbackData] = [
        HelpCb(action="open", request_id=request_id) for request_id in request_ids
    ]
    return numbered(page, opens, lambda number: HelpListCb(page=number)).as_markup()


def help_mentors(
    page: Page[object], request_id: int, mentors: list[tuple[int, str]]
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for mentor_id, name in mentors:
        builder.row(
            _button(name, HelpPassCb(request_id=request_id, mentor_id=mentor_id, page=page.number))
        )
    pager(builder, page, lambda number: HelpPassCb(request_id=request_id, page=number))
    builder.row(_button(texts.BUTTON_BACK, HelpCb(action="open", request_id=request_id)))
    return builder.as_markup()


def org_settings(
    current: dict[str, int], choices: dict[str, tuple[int, ...]]
) -> InlineKeyboardMarkup:
    """A row of choices per setting, the current one ticked."""
    builder = InlineKeyboardBuilder()
    for field, values in choices.items():
        row = []
        for value in values:
            label = texts.ORG_SETTING_BUTTONS[field](value)
            shown = f"✅ {label}" if value == current[field] else label
            row.append(_button(shown, OrgSettingsCb(field=field, value=value)))
        builder.row(*row)
    return builder.as_markup()


def open_pair(pair_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[_button(texts.BUTTON_OPEN_PAIR, PairCb(action="open", pair_id=pair_id))]]
    )


def reminder_settings(
    categories: list[tuple[str, bool]], quiet_choices: tuple[tuple[int, int], ...]
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for category, enabled in categories:
        template = texts.BUTTON_REMINDER_ON if enabled else texts.BUTTON_REMINDER_OFF
        name = texts.REMINDER_CATEGORY_NAMES[category]
        builder.row(_button(template.format(name=name), ReminderToggleCb(category=category)))
    row = [_button(texts.BUTTON_QUIET_ORG, QuietHoursCb(start=-1))]
    for start, end in quiet_choices:
        hours = (
            texts.REMINDERS_QUIET.format(start=start, end=end)
            if start != end
            else texts.REMINDERS_QUIET_OFF
        )
        row.append(
            _button(texts.BUTTON_QUIET.format(hours=hours), QuietHoursCb(start=start, end=end))
        )
    builder.row(*row[:3])
    builder.row(*row[3:])
    return builder.as_markup()


def summary(kind: str, start: int, end: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for code, name in texts.SUMMARY_PERIOD_BUTTONS.items():
        action = "custom" if code == "custom" else "show"
        label = f"✅ {name}" if code == kind else name
        builder.button(text=label, callback_data=SummaryCb(action=action, kind=code))
    builder.adjust(4)
    builder.row(
        _button(texts.BUTTON_CHARTS, SummaryCb(action="charts", kind=kind, start=start, end=end)),
        _button(
            texts.BUTTON_WORKBOOK, SummaryCb(action="workbook", kind=kind, start=start, end=end)
        ),
    )
    builder.row(
        _button(
            texts.BUTTON_FINAL_REPORT, SummaryCb(action="final", kind=kind, start=start, end=end)
        )
    )
    return builder.as_markup()


def mentors(page: Page[object], mentors: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for mentor_id, name in mentors:
        label = texts.BUTTON_MENTOR_PAIRS.format(name=name)
        builder.row(_button(label[:60], PairsPageCb(page=0, only=f"m{mentor_id}")))
    pager(builder, page, lambda number: MentorsPageCb(page=number))
    return builder.as_markup()
