"""Texts of the external contour: territories, coordinators, the territory's monitoring, the
register of organisations and the ranking."""

ACCESS_COORDINATOR_ONLY = (
    "Это раздел координаторов региона и муниципалитетов. Попросите ссылку-приглашение у "
    "администратора системы."
)
ACCESS_OTHER_TERRITORY = "Нет доступа: это данные другой территории."
ACCESS_REGIONAL_ONLY = "Это может сделать администратор или координатор региона."
TERRITORY_NOT_FOUND = "Территория не найдена."
ORGANIZATION_NOT_FOUND = "Организация не найдена."
NOT_A_REGION = "Муниципалитеты создаются внутри региона."
NAME_TAKEN = "Территория «{name}» уже есть."
COORDINATOR_NOT_FOUND = "Координатор не найден или уже отозван."
REVOKE_SELF = "Себя отозвать нельзя: попросите администратора."
COORDINATORS_HEAD = "<b>Координаторы</b> · {territory}\n"
COORDINATORS_EMPTY = "Координаторов пока нет: пригласите ссылкой."
COORDINATOR_LINE = "• {name}{since}\n"
COORDINATOR_SINCE = " — с {day}"
COORDINATOR_PENDING = "ссылка ждёт (до {day})"
BUTTON_COORDINATORS = "👥 Координаторы"
BUTTON_REVOKE = "✖ Отозвать: {name}"
REVOKED = "✅ Отозвано: {name}. Больше он(а) ничего не видит."
ALREADY_COORDINATOR = "Вы уже координатор: {territory}. Второе приглашение не нужно."

INVITE_UNKNOWN = "Ссылка координатора не найдена. Попросите новую."
INVITE_EXPIRED = "Срок ссылки координатора истёк. Попросите новую."
INVITE_USED = "Эта ссылка уже использована другим человеком."
INVITE_REVOKED = "Эта ссылка отозвана."

NO_NAME = "Координатор без имени"
KIND_NAMES = {"region": "регион", "municipality": "муниципалитет"}

WELCOME = (
    "✅ Вы координатор наставничества: <b>{territory}</b>.\nМониторинг территории — /territory."
)
INVITE_MADE = (
    "Ссылка для координатора территории «{territory}» (одно использование, {days} дн.):\n{link}"
)

REGIONS_HEADER = "<b>Территории</b>\nРегионов: {count}. Выберите регион или создайте новый."
REGIONS_EMPTY = "<b>Территории</b>\nРегионов пока нет. Создайте первый."
ASK_REGION_NAME = "Название региона (например, «Тверская область»):"
ASK_MUNICIPALITY_NAME = "Название муниципалитета в регионе «{region}»:"
MUNICIPALITIES = "<b>{region}</b>: муниципалитетов {count}. Выберите:"
CREATED = "✅ Создано: {kind} «{name}»."

BUTTON_NEW_REGION = "➕ Новый регион"
BUTTON_NEW_MUNICIPALITY = "➕ Новый муниципалитет"
BUTTON_MUNICIPALITIES = "🏘 Муниципалитеты"
BUTTON_ANNOUNCE = "📣 Объявление"
BUTTON_INVITE = "👤 Пригласить координатора"
BUTTON_REGISTER = "📋 Реестр"
BUTTON_RANKING = "📊 Рейтинг"
BUTTON_ORGANIZATIONS = "🏫 Организации"
BUTTON_WORKBOOK = "📥 Excel"
BUTTON_BACK = "‹ К территории"
BUTTON_REGION = "‹ К региону"
BUTTON_TERRITORY_OF = "🗺 Территория"
PERIOD_BUTTONS = {"month": "Месяц", "quarter": "Квартал", "year": "Учебный год"}

SUMMARY_HEAD = (
    "<b>Мониторинг наставничества</b> · {territory} ({kind})\n"
    "Организаций: {count}. Период: {start} — {end}\n"
    "Даты периода — по местному времени каждой организации."
)
SUMMARY_EMPTY = "В территории «{territory}» пока нет организаций."
GROUPS_HEADER = "\n<b>По муниципалитетам</b>\n"
ORGANIZATIONS_HEADER = "\n<b>Организации</b>\n"
GROUP_LINE = (
    "• <b>{name}</b> — {count} орг.: вовлечено {share} %, пар {pairs}, встреч {held} "
    "({per_pair} на пару в месяц), запросов {requests}\n"
)
ORGANIZATION_LINE = (
    "  – {name}: вовлечено {share} %, пар {pairs}, встреч {held}, запросов {requests}\n"
)
DIRECT = "Без муниципалитета (региональное подчинение)"

ORGANIZATIONS_LIST = "<b>Организации территории «{territory}»</b> — всего {total}.\nВыберите:"
DRILL_NOTE = "\n<i>Просмотр только для чтения; записан в журнал доступа.</i>"

REGISTER_HEAD = "<b>Реестр организаций</b> · {territory}\n\n"
REGISTER_LINE = (
    "{mark} <b>{name}</b>{municipality}\n"
    "   куратор: {curator}; положение: {regulation}; активных пар: {pairs}; "
    "последняя активность: {activity}\n"
)
REGISTER_YES = "назначен"
REGISTER_NO = "не назначен"
REGISTER_ADOPTED = "принято {day} ({file})"
REGISTER_NOT_ADOPTED = "не принято"
REGISTER_NEVER = "нет"
REGISTER_INDICATOR_HEAD = "\n<b>Показатель N = A / B</b> (доля организаций с принятым положением)\n"
REGISTER_INDICATOR_LINE = "• {name}: {adopted} / {total} = {share} %\n"

RANKING_HEAD = "<b>Рейтинг организаций</b> · {territory}\n{indicator}, период {start} — {end}\n\n"
RANKING_LINE = "{place}. {flag}{name} — {value}\n"
RANKING_FLAG = "⚠️ "
RANKING_EMPTY = "Нет организаций для рейтинга."
INDICATOR_NAMES = {
    "meetings": "Меньше всего встреч на пару в месяц",
    "involved": "Доля вовлечённых (⚠️ — ниже 70 %)",
    "overdue": "Больше всего просроченных целей",
}
INDICATOR_BUTTONS = {
    "meetings": "Встречи на пару",
    "involved": "Вовлечённость",
    "overdue": "Просроченные цели",
}
TABLE_SHEET = "Территория"
TABLE_HEADERS = (
    "Муниципалитет",
    "Организация",
    "Педагогов",
    "Вовлечено",
    "Доля вовлечённых, %",
    "Наставников",
    "Наставляемых",
    "Пар и групп",
    "Встреч проведено",
    "Встреч на пару в месяц",
    "Запросов о помощи",
    "Просроченных целей",
)
TABLE_GROUP_TOTAL = "Итого по муниципалитету"
TABLE_TOTAL = "Итого по территории"
WORKBOOK_CAPTION = "Мониторинг территории «{territory}» за {start} — {end}"

ATTACH_ASK = "Территория организации «{organization}» сейчас: {current}. Выберите новую:"
ATTACH_NONE = "не указана"
ATTACHED = "✅ Организация «{organization}» отнесена к территории «{territory}»."
