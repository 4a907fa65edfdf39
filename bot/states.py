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
