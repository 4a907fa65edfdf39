"""The staff import from Excel or CSV and its report."""

from __future__ import annotations

IMPORT_ASK_FILE = (
    "<b>Импорт списка педагогов.</b> Пришлите файл Excel (.xlsx) или CSV (до 2 МБ, до 2000 "
    "строк). Первая строка — заголовки, столбцы:\n"
    "<code>ФИО | Должность | Предмет | Стаж | Роль | Телефон или e-mail</code>\n"
    "Роль — «наставник» или «наставляемый»; последний столбец можно не заполнять. "
    "Для каждого нового педагога бот создаст персональную ссылку-приглашение. "
    "Повторная загрузка того же файла ничего не задвоит."
)


IMPORT_BAD_TYPE = "Поддерживаются только файлы .xlsx и .csv."

IMPORT_TOO_BIG = "Файл слишком большой: не больше {megabytes} МБ."

IMPORT_TOO_MANY = "Слишком много строк: не больше {maximum} за один раз. Разделите файл."

IMPORT_UNREADABLE = "Не удалось прочитать файл: он повреждён или это не таблица."

IMPORT_EMPTY = "Файл пустой."

IMPORT_BAD_ROLE = "неизвестная роль «{role}» (нужно «наставник» или «наставляемый»)"

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

IMPORT_CREATED = "добавлен(а), создана ссылка"

IMPORT_ROLE_ADDED = "уже был(а) в списке, добавлена роль"

IMPORT_SKIPPED = "уже был(а) в списке"

IMPORT_ERROR = "ошибка"

INVITE_PERSONAL_OTHER = (
    "Это персональная ссылка для другого педагога. Попросите у куратора свою ссылку."
)

BUTTON_IMPORT = "📥 Импорт списка педагогов"

# --- what each dialogue step waits for («Сейчас я жду …») -------------------------------

EXPECT_FILE = "файл со списком педагогов (.xlsx или .csv)"
