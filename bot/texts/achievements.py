"""Achievements, the mentee's portfolio, recognitions of mentors and the mentor's statement:
the chat's words and those of the two documents."""

from __future__ import annotations

from models.enums import AchievementKind, AchievementLevel, RecognitionKind

KIND_NAMES = {
    AchievementKind.OPEN_LESSON: "Открытый урок (занятие)",
    AchievementKind.CONTEST: "Конкурс профессионального мастерства",
    AchievementKind.PUBLICATION: "Публикация",
    AchievementKind.COURSE: "Курсы повышения квалификации",
    AchievementKind.CATEGORY: "Квалификационная категория",
}
LEVEL_NAMES = {
    AchievementLevel.SCHOOL: "школьный",
    AchievementLevel.MUNICIPAL: "муниципальный",
    AchievementLevel.REGIONAL: "региональный",
    AchievementLevel.FEDERAL: "федеральный",
    AchievementLevel.INTERNATIONAL: "международный",
}
RECOGNITION_NAMES = {
    RecognitionKind.THANKS: "Благодарность",
    RecognitionKind.DIPLOMA: "Грамота",
    RecognitionKind.NOMINATION: "Звание, номинация",
}

ACHIEVEMENTS_HEADER = "<b>🏆 Достижения</b> · {name}\n"
ACHIEVEMENTS_EMPTY = (
    "\nПока ничего не записано: открытые уроки, конкурсы, публикации, курсы, категория."
)
ACHIEVEMENT_LINE = "\n{day} · {kind}: {title}{extra}"
ACHIEVEMENT_EXTRA = " ({details})"
RECOGNITIONS_HEADER = "\n\n<b>🏅 Поощрения</b>"
RECOGNITION_LINE = "\n{day} · {kind}: {title}"
BUTTON_ACHIEVEMENT_ADD = "➕ Достижение"
BUTTON_PORTFOLIO = "📄 Портфолио"
BUTTON_STATEMENT = "📄 Справка о наставничестве"
BUTTON_RECOGNIZE = "🏅 Поощрить наставника"
BUTTON_TODAY = "Сегодня"
BUTTON_NO_FILE = "Без файла"
BUTTON_NO_LEVEL = "Без уровня"
BUTTON_PORTFOLIO_OF = "📄 Портфолио: {name}"

ASK_KIND = "Что записать?"
ASK_TITLE = "Напишите <b>название</b> (например, «Открытый урок „Дроби“, 6 «А»»)."
ASK_LEVEL = "Какого уровня?"
ASK_RESULT = (
    "Напишите <b>результат</b> (участник, призёр, победитель; для категории — первая или "
    "высшая) или нажмите «Пропустить»."
)
ASK_DAY = "Когда? Введите дату (например, 15.11.2026) или нажмите «Сегодня»."
ASK_FILE = "Пришлите файл (диплом, сертификат, фото) или нажмите «Без файла»."
ACHIEVEMENT_SAVED = "✅ Достижение записано."
ACHIEVEMENT_FILE_TOO_BIG = "Файл больше 10 МБ. Пришлите файл поменьше."

ASK_RECOGNITION_KIND = "Как отмечена работа наставника {name}?"
ASK_RECOGNITION_TITLE = (
    "Напишите <b>название</b> (например, «Грамота управления образования» или «Почётный "
    "наставник»)."
)
RECOGNITION_SAVED = "✅ Поощрение записано: наставник узнает о нём."
RECOGNITION_NOTICE = "🏅 Ваша работа наставника отмечена: {kind} «{title}», {day}."

PORTFOLIO_CAPTION = "Портфолио молодого специалиста: {name}"
STATEMENT_CAPTION = "Справка о наставнической деятельности: {name}"

ACHIEVEMENTS_WHO = "Достижения записывают наставляемые и наставники."
ACHIEVEMENTS_NOBODY = "Педагог не найден."
RECOGNITION_NOT_MENTOR = "Это не наставник вашей организации."
STATEMENT_WHO = "Справку о наставничестве получают сам наставник и куратор."

EXPECT_KIND = "что записать — кнопкой"
EXPECT_TITLE = "название"
EXPECT_LEVEL = "уровень — кнопкой"
EXPECT_RESULT = "результат или «Пропустить»"
EXPECT_DAY = "дата или «Сегодня»"
EXPECT_FILE = "файл или «Без файла»"
EXPECT_RECOGNITION_KIND = "вид поощрения — кнопкой"

# --- the portfolio ---------------------------------------------------------------------------

PORTFOLIO_TITLE = "ПОРТФОЛИО МОЛОДОГО СПЕЦИАЛИСТА"
PORTFOLIO_FACTS = (
    ("Педагог", "{name}"),
    ("Должность", "{position}"),
    ("Предмет", "{subject}"),
    ("Педагогический стаж, лет", "{experience}"),
)
PORTFOLIO_MENTORS = "1. Наставничество"
PORTFOLIO_MENTORS_HEADER = ("Наставник", "С", "По")
PORTFOLIO_NO_MENTORS = "Наставника пока не было."
PORTFOLIO_ACHIEVEMENTS = "2. Достижения"
PORTFOLIO_ACHIEVEMENTS_HEADER = ("Дата", "Вид", "Название", "Уровень", "Результат")
PORTFOLIO_NO_ACHIEVEMENTS = "Достижения пока не записаны."
PORTFOLIO_GROWTH = "3. Профессиональный рост"
PORTFOLIO_GROWTH_LINE = (
    "Затруднений отмечено: {difficulties}, преодолено: {overcome}; краткосрочных целей "
    "достигнуто: {goals}."
)
PORTFOLIO_SELF_CHECK_HEADER = ("Категория", "Самодиагностика на входе", "На выходе")
PORTFOLIO_SIGNATURES = (("Молодой специалист", "{mentee}"), ("Наставник", "{mentor}"))

# --- the mentor's statement ------------------------------------------------------------------

STATEMENT_TITLE = "СПРАВКА\nо наставнической деятельности"
STATEMENT_INTRO = (
    "Дана {mentor} в том, что он(а) осуществлял(а) наставническую деятельность в "
    "{organization} в качестве наставника педагогических работников."
)
STATEMENT_PAIRS = "1. Наставнические пары и группы"
STATEMENT_PAIRS_HEADER = ("№", "Наставляемые", "Вид", "Период", "Состояние")
STATEMENT_NO_PAIRS = "Наставнических пар не было."
STATEMENT_WORK = "2. Работа"
STATEMENT_WORK_LINE = (
    "Проведено встреч с наставляемыми: {meetings} (около {hours} ч). Наставляемыми достигнуто "
    "краткосрочных целей: {goals}; преодолено профессиональных затруднений: {overcome}."
)
STATEMENT_RECOGNITIONS = "3. Поощрения"
STATEMENT_RECOGNITIONS_HEADER = ("Дата", "Вид", "Название")
STATEMENT_NO_RECOGNITIONS = "Поощрений не записано."
STATEMENT_PURPOSE = (
    "Справка выдана для представления по месту требования (в том числе при аттестации)."
)
STATEMENT_DIRECTOR = "Руководитель образовательной организации"
STATEMENT_CURATOR = "Куратор наставничества"
