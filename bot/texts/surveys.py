"""Questionnaires (анкеты): the built-in questions for mentees and mentors at the start, the
middle and the end of a programme, the invitation, the answering, the curator's screens and the
results."""

from __future__ import annotations

from models.enums import QuestionKind, SurveyAudience, SurveyMilestone

AUDIENCE_NAMES = {SurveyAudience.MENTEE: "наставляемых", SurveyAudience.MENTOR: "наставников"}
MILESTONE_NAMES = {
    SurveyMilestone.START: "на старте",
    SurveyMilestone.MIDDLE: "в середине",
    SurveyMilestone.END: "в конце",
}
QUESTION_KIND_NAMES = {
    QuestionKind.SCALE: "Шкала 1–5",
    QuestionKind.CHOICE: "Выбор варианта",
    QuestionKind.TEXT: "Свободный ответ",
}
SCALE_LABELS = {1: "1", 2: "2", 3: "3", 4: "4", 5: "5"}

# (key, kind, text, options) of each built-in questionnaire
SUPPORT_OPTIONS = (
    "Методика преподавания",
    "Работа с классом и дисциплина",
    "Документы и отчётность",
    "Общение с родителями",
    "Адаптация в коллективе",
)
BUILT_IN: dict[
    tuple[SurveyAudience, SurveyMilestone],
    tuple[tuple[str, QuestionKind, str, tuple[str, ...]], ...],
] = {
    (SurveyAudience.MENTEE, SurveyMilestone.START): (
        ("ready", QuestionKind.SCALE, "Насколько вы готовы работать с наставником?", ()),
        ("need", QuestionKind.CHOICE, "В чём вам больше всего нужна помощь?", SUPPORT_OPTIONS),
        ("expect", QuestionKind.TEXT, "Чего вы ждёте от наставничества?", ()),
    ),
    (SurveyAudience.MENTEE, SurveyMilestone.MIDDLE): (
        ("satisfied", QuestionKind.SCALE, "Насколько вы довольны работой с наставником?", ()),
        ("helped", QuestionKind.TEXT, "Что помогло больше всего?", ()),
        ("change", QuestionKind.TEXT, "Что стоит изменить?", ()),
    ),
    (SurveyAudience.MENTEE, SurveyMilestone.END): (
        ("satisfied", QuestionKind.SCALE, "Насколько вы довольны наставничеством в целом?", ()),
        ("growth", QuestionKind.SCALE, "Насколько выросла ваша уверенность в работе?", ()),
        ("helped", QuestionKind.TEXT, "Что помогло больше всего?", ()),
        ("change", QuestionKind.TEXT, "Что изменить для следующих наставляемых?", ()),
    ),
    (SurveyAudience.MENTOR, SurveyMilestone.START): (
        ("clear", QuestionKind.SCALE, "Насколько понятны цели программы наставничества?", ()),
        (
            "support",
            QuestionKind.CHOICE,
            "Какая поддержка нужна вам как наставнику?",
            ("Методическая", "Время в расписании", "Обучение наставников", "Не нужна"),
        ),
    ),
    (SurveyAudience.MENTOR, SurveyMilestone.MIDDLE): (
        ("satisfied", QuestionKind.SCALE, "Насколько вы довольны ходом наставничества?", ()),
        ("progress", QuestionKind.SCALE, "Как вы оцениваете прогресс наставляемого?", ()),
        ("change", QuestionKind.TEXT, "Что стоит изменить?", ()),
    ),
    (SurveyAudience.MENTOR, SurveyMilestone.END): (
        ("satisfied", QuestionKind.SCALE, "Насколько вы довольны наставничеством в целом?", ()),
        ("progress", QuestionKind.SCALE, "Как вы оцениваете рост наставляемого?", ()),
        ("helped", QuestionKind.TEXT, "Что помогло больше всего?", ()),
    ),
}

SURVEY_INVITE = (
    "📝 <b>Анкета {audience} {milestone} программы</b> · пара №{pair}\n"
    "Вопросов: {count}, почти все — кнопками: меньше минуты.{anonymous}"
)
SURVEY_ANONYMOUS = "\nОтветы анонимны: куратор видит их без имён."
SURVEY_REMIND = "⏰ Напоминание: анкета ещё не заполнена."
BUTTON_SURVEY_START = "📝 Заполнить анкету"
SURVEY_QUESTION = "<b>Вопрос {number} из {total}.</b> {text}"
SURVEY_SCALE_HINT = "\n1 — совсем нет, 5 — полностью."
SURVEY_TEXT_HINT = "\nНапишите ответ или нажмите «Пропустить»."
SURVEY_DONE = "✅ Спасибо! Анкета заполнена."
SURVEY_ALREADY = "Эта анкета уже заполнена. Спасибо!"
SURVEY_OFF = "Эта анкета сейчас не проводится."
SURVEY_NOT_YOURS = "Эта анкета — для участников пары."
SURVEY_NOT_FOUND = "Анкета не найдена."
SURVEY_BAD_ANSWER = "Выберите ответ кнопкой."
SURVEY_STALE = "Этот вопрос уже пройден: ответьте на текущий."

SURVEYS_HEADER = (
    "<b>📝 Анкеты организации</b>\nВыберите анкету: включить, сделать анонимной, добавить "
    "вопрос, посмотреть ответы."
)
SURVEY_ROW = "{state} Анкета {audience} {milestone}{anonymous}"
SURVEY_ROW_ANONYMOUS = " · анонимная"
SURVEY_ON, SURVEY_OFF_MARK = "✅", "⏸"
SURVEY_CARD = (
    "<b>Анкета {audience} {milestone} программы</b>\nСостояние: {state}; {anonymous}.\n"
    "Вопросы:\n{questions}"
)
SURVEY_STATE_ON = "проводится"
SURVEY_STATE_OFF = "выключена"
SURVEY_NAMED = "ответы с именами"
SURVEY_ANONYMOUS_STATE = "ответы анонимны"
SURVEY_QUESTION_LINE = "{number}. {text} ({kind})"
BUTTON_SURVEY_TOGGLE_OFF = "⏸ Выключить"
BUTTON_SURVEY_TOGGLE_ON = "✅ Включить"
BUTTON_SURVEY_ANONYMOUS_ON = "🙈 Сделать анонимной"
BUTTON_SURVEY_ANONYMOUS_OFF = "👤 Ответы с именами"
BUTTON_SURVEY_ADD = "➕ Вопрос"
BUTTON_SURVEY_RESULTS = "📊 Результаты"
BUTTON_SURVEYS_BACK = "« Все анкеты"
SURVEY_ASK_KIND = "Какой вопрос добавить?"
SURVEY_ASK_TEXT = "Напишите <b>текст вопроса</b>."
SURVEY_ASK_OPTIONS = "Напишите <b>варианты ответа</b>, каждый с новой строки (от 2 до 8)."
SURVEY_QUESTION_SAVED = "✅ Вопрос добавлен: его зададут в следующих анкетах."
SURVEY_BAD_OPTIONS = "Нужно от 2 до 8 вариантов, каждый с новой строки, до 60 символов."
SURVEY_TOO_MANY = "В анкете уже 12 вопросов: больше не добавить."

RESULTS_HEADER = (
    "<b>📊 Анкета {audience} {milestone}</b>\nОтветили: {completed} из {invited} ({rate} %)."
)
RESULTS_SCALE = "\n\n<b>{text}</b>\n{bars}\nсреднее — {mean}"
RESULTS_SCALE_BAR = "{value}: {count}"
RESULTS_CHOICE = "\n\n<b>{text}</b>\n{lines}"
RESULTS_CHOICE_LINE = "• {option} — {count}"
RESULTS_TEXT = "\n\n<b>{text}</b> — ответов: {count}{answers}"
RESULTS_TEXT_LINE = "\n• {who}{answer}"
RESULTS_NO_DATA = "нет ответов"
RESULTS_ANONYMOUS_WHO = ""

EXPECT_SURVEY_TEXT = "ответ на вопрос или «Пропустить»"
EXPECT_QUESTION_KIND = "вид вопроса — кнопкой"
EXPECT_QUESTION_TEXT = "текст вопроса"
EXPECT_QUESTION_OPTIONS = "варианты ответа, каждый с новой строки"

CHART_TITLE = "Анкета {audience} {milestone}: ответы по шкале 1–5"
CHART_COUNT = "ответов"

WORKBOOK_SHEET = "Анкеты"
WORKBOOK_HEADERS = (
    "Организация",
    "Анкета",
    "Пара №",
    "Кто ответил",
    "Вопрос",
    "Ответ",
    "Заполнена",
)
WORKBOOK_ANONYMOUS = "анонимно"
