"""Organisations and their curators' links (the administrator's screens)."""

from __future__ import annotations

ORGANIZATION_NOT_FOUND = "Организация не найдена."

ORG_ASK_NAME = "Новая организация. Шаг 1 из 3. Полное название школы или колледжа?"

ORG_ASK_TIMEZONE = "Шаг 2 из 3. Часовой пояс организации? Выберите кнопкой или напишите (IANA)."

ORG_TIMEZONE_CHOSEN = "Часовой пояс: <b>{timezone}</b>"

ORG_ASK_REGION = "Шаг 3 из 3. Регион (субъект РФ)?"

ORG_CREATED = (
    "✅ Организация создана: <b>{name}</b>\nРегион: {region}\nЧасовой пояс: {timezone}\n\n"
    "Ссылка для куратора (одна регистрация, действует {days} дн.):\n{link}"
)

ORGS_HEADER = "<b>Организации</b> (всего {total}, стр. {page} из {pages}):"

ORGS_EMPTY = "Организаций пока нет. Создать — /new_org."

ORG_CARD = (
    "<b>{name}</b>\nРегион: {region}\nЧасовой пояс: {timezone}\n"
    "Участников: {people}, из них кураторов: {curators}"
)

CURATOR_LINK = (
    "🔗 Ссылка для куратора организации <b>{name}</b> (одна регистрация, действует {days} дн.):"
    "\n{link}"
)

BUTTON_NEW_ORG = "🏫 Новая организация"

BUTTON_ORGS = "🗂 Организации"

BUTTON_CURATOR_LINK = "🔗 Новая ссылка для куратора"
BUTTON_TERRITORY = "🗺 Территория (регион, муниципалитет)"

BUTTON_DEFAULT_TIMEZONE = "По умолчанию: {zone}"

# Time zones offered as buttons when an organisation is created (Russia, west to east).
TIMEZONE_CHOICES = (
    ("Калининград", "Europe/Kaliningrad"),
    ("Москва", "Europe/Moscow"),
    ("Самара", "Europe/Samara"),
    ("Екатеринбург", "Asia/Yekaterinburg"),
    ("Омск", "Asia/Omsk"),
    ("Новосибирск", "Asia/Novosibirsk"),
    ("Красноярск", "Asia/Krasnoyarsk"),
    ("Иркутск", "Asia/Irkutsk"),
    ("Якутск", "Asia/Yakutsk"),
    ("Владивосток", "Asia/Vladivostok"),
    ("Магадан", "Asia/Magadan"),
    ("Камчатка", "Asia/Kamchatka"),
)

# --- what each dialogue step waits for («Сейчас я жду …») -------------------------------

EXPECT_NAME = "название организации"
EXPECT_TIMEZONE = "часовой пояс — кнопкой или названием, например Europe/Moscow"
EXPECT_REGION = "регион организации, например: Тверская область"
