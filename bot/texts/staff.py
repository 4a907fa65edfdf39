"""The school's base of teachers: the staff import from Excel or CSV and its report, the list
of teachers, a teacher's card, mentee types and requests, mentors' profiles."""

from __future__ import annotations

IMPORT_ASK_FILE = (
    "<b>Импорт списка педагогов.</b> Пришлите файл Excel (.xlsx) или CSV (до 2 МБ, до 2000 "
    "строк). Первая строка — заголовки, столбцы:\n"
    "<code>ФИО | Должность | Предмет | Стаж | Роль | Телефон или e-mail</code>\n"
    "Внесите весь педагогический коллектив: роль — «наставник», «наставляемый» или пусто для "
    "педагога без роли в наставничестве (он войдёт в базу и в расчёт доли вовлечённых). "
    "Последний столбец можно не заполнять. Для каждого наставника и наставляемого бот создаст "
    "персональную ссылку-приглашение. "
    "Повторная загрузка того же файла ничего не задвоит."
)


IMPORT_BAD_TYPE = "Поддерживаются только файлы .xlsx и .csv."

IMPORT_TOO_BIG = "Файл слишком большой: не больше {megabytes} МБ."

IMPORT_TOO_MANY = "Слишком много строк: не больше {maximum} за один раз. Разделите файл."

IMPORT_UNREADABLE = "Не удалось прочитать файл: он повреждён или это не таблица."

IMPORT_EMPTY = "Файл пустой."

IMPORT_BAD_ROLE = "неизвестная роль «{role}» (нужно «наставник», «наставляемый» или пусто)"

IMPORT_BAD_CONTACT = "контакт не похож ни на телефон, ни на e-mail"

IMPORT_DUPLICATE = "повтор строки {row}"

IMPORT_DONE = (
    "<b>Импорт завершён.</b>\nДобавлено педагогов: {created}\nСсылок для рассылки: {links}\n"
    "Добавлено ролей уже известным: {roles}\nУже были в списке: {skipped}\n"
    "Строк с ошибками: {errors}"
)

IMPORT_ERRORS_HEADER = "\n\n<b>Ошибки по строкам:</b>"

IMPORT_ERROR_LINE = "\nСтрока {row}: {reason}"

IMPORT_ERRORS_MORE = "\n…и ещё {more}."

IMPORT_LINKS_CAPTION = "Персональные ссылки-приглашения: разошлите каждому педагогу его ссылку."

IMPORT_LINKS_HEADER = ("ФИО", "Роль", "Ссылка-приглашение", "Действует до")

IMPORT_REPORT_HEADER = ("Строка", "ФИО", "Итог")

IMPORT_REPORT_CAPTION = "Отчёт по каждой строке файла."

IMPORT_CREATED = "добавлен(а) в базу"

IMPORT_ROLE_ADDED = "уже был(а) в списке, добавлена роль"

IMPORT_SKIPPED = "уже был(а) в списке"

IMPORT_ERROR = "ошибка"

INVITE_PERSONAL_OTHER = (
    "Это персональная ссылка для другого педагога. Попросите у куратора свою ссылку."
)

BUTTON_IMPORT = "📥 Импорт списка педагогов"

# --- the base of teachers -----------------------------------------------------------------

TEACHERS_HEADER = "<b>Педагоги</b> · {list} (всего {total}, стр. {page} из {pages}){query}:"

TEACHERS_QUERY = ", поиск «{query}»"

TEACHERS_EMPTY = "В этом списке педагогов нет."

TEACHER_LINE = "{number}. {name}{marks}"

TEACHERS_LISTS = {
    "all": "весь коллектив",
    "mentors": "наставники",
    "mentees": "наставляемые",
    "no_role": "без роли",
    "young": "молодые специалисты",
    "not_joined": "не вошли в бот",
    "left": "выбывшие",
}

TEACHERS_LIST_BUTTONS = {
    "all": "Все",
    "mentors": "Наставники",
    "mentees": "Наставляемые",
    "no_role": "Без роли",
    "young": "Молодые",
    "not_joined": "Не в боте",
    "left": "Выбывшие",
}

TEACHERS_ASK_SEARCH = "Напишите часть фамилии."

TEACHER_CARD = (
    "<b>{name}</b>\n{position}, {subject}, стаж {experience}\nРоли: {roles}\nВ боте: {joined}"
)

TEACHER_CARD_LEFT = "\n🚪 Выбыл(а) {day}."

TEACHER_CARD_MENTEE = "\n\n<b>Как наставляемый:</b> {types}\nЗапрос: {request}"

TEACHER_CARD_MENTOR = (
    "\n\n<b>Как наставник:</b> нагрузка {load} из {capacity}; в этом учебном году — {willing}"
    "\nПомогает с: {areas}\nПредметы: {subjects}"
)

TEACHER_CARD_PAIRS = "\n\n<b>Пары:</b>\n{pairs}"

TEACHER_PAIR_LINE = "№{id} {title} · {status}"

TEACHER_NOTHING = "не указано"

TEACHER_JOINED = {True: "да", False: "ещё нет (ждёт свою ссылку)"}

BEYOND_SCHOOL_OWN_WORD = (
    "Согласие наставлять педагогов других школ даёт сам наставник: /profile → «Профиль наставника»."
)
BEYOND_NAMES = {
    True: "согласен(на) наставлять виртуально",
    False: "не предлагается",
}
WILLING_NAMES = {True: "готов(а) наставлять", False: "не готов(а)", None: "не уточнено"}

TEACHER_ASK_TYPES = (
    "Кто {name} как наставляемый? Отметьте всё, что подходит. «Молодой специалист» — стаж до "
    "трёх лет: отмечен сам по стажу, снимите, если не так."
)

TEACHER_ASK_REQUEST = (
    "Запрос к наставничеству своими словами: с чем нужна помощь, чего хочется достичь."
)

TEACHER_ASK_PROFILE = (
    "<b>Профиль наставника: {name}</b>\nНагрузка: {load} из {capacity} наставляемых.\n"
    "В этом учебном году: {willing}.\nДругие школы территории: {beyond}.\n"
    "Отметьте, с чем наставник помогает: по этим областям куратор подбирает пары."
)

TEACHER_ASK_SUBJECTS = (
    "По каким предметам наставник может помогать (через запятую)? Например: химия, биология."
)

TEACHER_ASK_LEFT = (
    "Когда педагог выбыл? Напишите дату (например 15.11.2026) или «сегодня». Его пары будут "
    "прекращены, участники получат уведомление; история сохранится."
)

TEACHER_LEFT_DONE = "🚪 {name} отмечен(а) выбывшим {day}. Прекращено пар: {stopped}."

TEACHER_LEFT_NOTICE = (
    "ℹ️ {name} выбыл(а) из организации, пара №{id} прекращена. Куратор подберёт новую."
)

TEACHER_BACK_DONE = "✅ {name} снова в коллективе."

TEACHER_ROLE_ADDED = "✅ Роль «{role}» добавлена."

TEACHER_ROLE_LINK = "\nПерсональная ссылка для входа: {link}"

TEACHER_ROLE_NOTICE = "✅ Куратор добавил вам роль «{role}». Меню: /start"

TEACHER_ADDED = "✅ {name} в базе педагогов."

TEACHER_ASK_NAME = "<b>Новый педагог.</b> ФИО полностью?"

TEACHER_ASK_POSITION = "Должность?"

TEACHER_ASK_SUBJECT = "Предмет или направление?"

TEACHER_ASK_EXPERIENCE = "Педагогический стаж, полных лет?"

TEACHER_ASK_ROLE = "Роль в наставничестве?"

TEACHER_NO_ROLE = "Без роли"

TEACHER_LEFT_REASON = "Педагог выбыл из организации"

TEACHER_NOT_FOUND = "Педагог не найден."

TEACHER_EXISTS = "Педагог «{name}» уже есть в базе."

TEACHER_BAD_ROLE = "Эту роль так не добавить: куратора назначает администратор."

TEACHER_HAS_ROLE = "У педагога уже есть эта роль."

TEACHER_LEFT_ALREADY = "Педагог уже отмечен выбывшим."

TEACHER_NOT_LEFT = "Педагог не отмечен выбывшим."

TEACHER_LEFT_FUTURE = "Дата выбытия не может быть в будущем."

TEACHER_NOT_YOURSELF = (
    "Себя отметить выбывшим нельзя: это сделает другой куратор или администратор."
)

TEACHER_NOT_MENTEE = "У педагога нет роли наставляемого."

TEACHER_NOT_MENTOR = "У педагога нет роли наставника."

TODAY_WORDS = ("сегодня",)

MENTEE_TYPES_AFTER_REGISTRATION = (
    "\nКак наставляемый вы отмечены: {types}. Уточнить (новый в коллективе, осваиваете новую "
    "технологию…) и написать свой запрос к наставничеству — /profile."
)

BUTTON_TEACHERS = "👩‍🏫 Педагоги"
BUTTON_TEACHER_NEW = "➕ Добавить педагога"
BUTTON_TEACHER_SEARCH = "🔎 Найти"
BUTTON_TYPES = "🎓 Тип наставляемого"
BUTTON_REQUEST = "✍️ Запрос"
BUTTON_MENTOR_PROFILE = "🧭 Профиль наставника"
BUTTON_SUBJECTS = "📚 Предметы"
BUTTON_CAPACITY = "Нагрузка: {capacity}"
BUTTON_WILLING = {True: "Готов(а) в этом году", False: "Не готов(а)"}
# a mentor's consent to virtual mentoring: the button shows what it is now, pressing changes it
BUTTON_BEYOND_SCHOOL = {
    True: "🌐 Наставляет и педагогов других школ",
    False: "🏫 Наставляет только в своей школе",
}
BUTTON_LEFT = "🚪 Выбыл(а)"
BUTTON_BACK = "↩️ Вернуть в коллектив"
BUTTON_ADD_ROLE = "➕ Роль: {role}"
BUTTON_TEACHER_OPEN = "↩️ К карточке"

# --- what each dialogue step waits for («Сейчас я жду …») -------------------------------

EXPECT_FILE = "файл со списком педагогов (.xlsx или .csv)"
EXPECT_SEARCH = "часть фамилии педагога"
EXPECT_TEACHER_NAME = "ФИО педагога полностью"
EXPECT_TEACHER_POSITION = "должность педагога"
EXPECT_TEACHER_SUBJECT = "предмет или направление"
EXPECT_TEACHER_EXPERIENCE = "стаж — число полных лет"
EXPECT_TEACHER_ROLE = "роль — кнопкой: наставник, наставляемый или без роли"
EXPECT_REQUEST = "запрос к наставничеству своими словами"
EXPECT_SUBJECTS = "предметы через запятую"
EXPECT_LEFT_DAY = "дату выбытия, например 15.11.2026, или «сегодня»"
