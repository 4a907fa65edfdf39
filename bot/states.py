"""FSM states of the multi-step dialogues."""

from aiogram.fsm.state import State, StatesGroup


class Registration(StatesGroup):
    consent = State()
    full_name = State()
    position = State()
    subject = State()
    experience = State()


class ProfileEdit(StatesGroup):
    value = State()


class NewDifficulty(StatesGroup):
    description = State()
    urgency = State()


class DifficultyEdit(StatesGroup):
    description = State()
    reflection = State()


class NewOrganization(StatesGroup):
    name = State()
    timezone = State()
    region = State()


class PairWizard(StatesGroup):
    mentor = State()
    mentees = State()
    form = State()
    model = State()
    period = State()
    confirm = State()


class PairChange(StatesGroup):
    new_mentor = State()
    stop_reason = State()


class PairReflection(StatesGroup):
    text = State()


class ProgrammeForm(StatesGroup):
    aim = State()
    proposal = State()


class ActivityForm(StatesGroup):
    title = State()
    difficulty = State()
    due = State()
    expected = State()
    result = State()
    reflection = State()


class StaffImport(StatesGroup):
    file = State()


class MeetingForm(StatesGroup):
    """Scheduling a meeting, or recording one held without being scheduled (`past` in data)."""

    whom = State()
    day = State()
    time = State()
    format = State()
    link = State()
    topic = State()


class MeetingLog(StatesGroup):
    """The mentor's report of a meeting (also the second half of recording a past one)."""

    reason = State()
    duration = State()
    summary = State()
    agreements = State()
    touched = State()


class MeetingChange(StatesGroup):
    day = State()
    time = State()
    move_comment = State()
    rating_comment = State()


class GoalForm(StatesGroup):
    mentee = State()
    title = State()
    due = State()
    criteria = State()
    link = State()


class GoalAnswer(StatesGroup):
    progress = State()
    give_back = State()


class HelpForm(StatesGroup):
    text = State()
    urgency = State()


class HelpChat(StatesGroup):
    message = State()


class SummaryForm(StatesGroup):
    period = State()
