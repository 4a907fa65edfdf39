"""Private notes on a pair."""

from __future__ import annotations

NOTES_HEADER = "<b>Заметки по паре №{id}</b>\n{legend}"

NOTES_LEGEND_MENTOR = "🔒 — только вам, 👁 — видит и куратор. Другие участники их не видят."

NOTES_LEGEND_MENTEE = "Ваши заметки видите только вы."

NOTES_LEGEND_CURATOR = "Ваши заметки и заметки наставника, которые он открыл куратору."

NOTES_EMPTY = "\nЗаметок пока нет."

NOTE_LINE = "\n{mark} {day} · {author}: {text}"

NOTE_MARKS = {"private": "🔒", "curator": "👁"}

NOTES_ASK_TEXT = "Напишите заметку."

NOTES_ASK_VISIBILITY = "Кто увидит заметку?"

NOTES_SAVED = "✅ Заметка сохранена."

NOTES_PARTICIPANTS_ONLY = "Заметки пишут наставник и наставляемые этой пары."

NOTES_MENTEE_PRIVATE = "Заметки наставляемого видит только он сам."

BUTTON_NOTES = "📝 Заметки"

BUTTON_NOTE_NEW = "➕ Заметка"

BUTTON_NOTE_PRIVATE = "🔒 Только мне"

BUTTON_NOTE_CURATOR = "👁 Видит куратор"

EXPECT_NOTE = "текст заметки"

EXPECT_VISIBILITY = "кто увидит заметку — кнопкой «Только мне» или «Видит куратор»"
