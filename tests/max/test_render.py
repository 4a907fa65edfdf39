"""What the handlers send, rendered for MAX (`bot/max/render.py`), is what the fake MAX API
(MAX's schema and limits) takes, and shows the user what Telegram would."""

from __future__ import annotations

from typing import Any

import pytest
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.max import render
from fakes.telegram.html import parse_html
from tests.max.api import Api


def callback(text: str, data: str = "x") -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data)


def link(text: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, url="https://max.ru/nastavnik_bot?start=abc")


async def sent(max_api: Api, body: dict[str, Any]) -> Any:
    """What the user saw of a message the bot sent with this body."""
    user = max_api.server.users.get(900) or max_api.server.add_user(900, "Анна")
    status, answer = await max_api.call("POST", "/messages", body, user_id=user.id)
    assert status == 200, answer
    return await user.next_message()


async def test_a_wide_row_flows_on_within_maxs_limits(max_api: Api) -> None:
    markup = InlineKeyboardMarkup(
        inline_keyboard=[
            [callback(str(number), f"n:{number}") for number in range(9)],
            [link(f"Ссылка {number}") for number in range(4)],
            [callback("Д" * 200)],
        ]
    )
    rendered = render.keyboard(markup)
    shown = await sent(max_api, {"text": "Выберите", "attachments": [rendered]})
    assert [len(row) for row in shown.keyboard()] == [7, 2, 3, 1, 1]
    assert shown.keyboard()[0][3] == {"type": "callback", "text": "3", "payload": "n:3"}
    label = shown.keyboard()[-1][0]["text"]
    assert len(label) == render.LABEL_LIMIT and label.endswith("…")


def test_what_max_cannot_show_is_refused_not_sent_broken() -> None:
    with pytest.raises(render.NotRenderable):
        render.keyboard(
            InlineKeyboardMarkup(
                inline_keyboard=[[InlineKeyboardButton(text="Игра", switch_inline_query="")]]
            )
        )
    builder = InlineKeyboardBuilder()
    for number in range(31):
        builder.row(callback(str(number)))
    with pytest.raises(render.NotRenderable):
        render.keyboard(builder.as_markup())


async def test_telegrams_html_in_maxs_subset(max_api: Api) -> None:
    text = (
        "<b>Итоги</b> за <i>ноябрь</i>: <tg-spoiler>секрет</tg-spoiler>"
        '<blockquote>Цитата\nв две строки</blockquote><a href="https://max.ru">ссылка</a>'
    )
    shown = await sent(max_api, {"text": render.html(text), "format": "html"})
    assert shown.text == "Итоги за ноябрь: секрет\nЦитата\nв две строки\nссылка"


async def test_a_long_text_goes_in_parts_each_valid_html(max_api: Api) -> None:
    lines = [
        f"<b>Пара {number}</b>: встреча 01.09.2026, <i>тема №{number}</i>" for number in range(150)
    ]
    text = "<u>" + "\n".join(lines) + "</u>" + " слово" * 300
    parts = render.parts(text)
    assert len(parts) > 2
    assert all(len(part) <= render.TEXT_LIMIT for part in parts)
    shown = [(await sent(max_api, {"text": part, "format": "html"})).text for part in parts]
    assert " ".join(shown).split() == parse_html(text).text.split()
    assert render.parts("Коротко") == ["Коротко"]


@pytest.mark.parametrize(
    ("text", "joiner"),
    [
        (" ".join(["слово"] * 400), " "),  # no line to end: cut at spaces
        ("а&amp;" * 500, ""),  # no space either: cut where it must, never inside «&amp;»
        ("<pre>" + "\n".join(["    return 1"] * 200) + "</pre>", "\n"),  # indentation kept
        ("Заголовок\n" + " ".join(["слово"] * 400), " "),  # an early line's end is passed by
        (
            "Текст " * 40
            + '<a href="https://max.ru/'
            + "п" * 390
            + '">ссылка</a> '
            + "конец " * 40,
            " ",
        ),  # a tag that runs far past the cut is not cut into
    ],
)
async def test_a_part_is_cut_where_nothing_is_lost(max_api: Api, text: str, joiner: str) -> None:
    parts = render.parts(text, limit=450)
    assert len(parts) > 1 and all(len(part) <= 450 for part in parts)
    assert min(len(part) for part in parts[:-1]) > 200
    shown = [(await sent(max_api, {"text": part, "format": "html"})).text for part in parts]
    assert joiner.join(shown) == parse_html(text).text


def test_a_keyboard_without_buttons_is_no_keyboard_and_one_too_big_is_refused() -> None:
    assert render.keyboard(InlineKeyboardMarkup(inline_keyboard=[])) is None
    wide = [[callback(str(number)) for number in range(8)] for _ in range(20)]  # 40 rows flowed
    with pytest.raises(render.NotRenderable):
        render.keyboard(InlineKeyboardMarkup(inline_keyboard=wide))


async def test_a_spoiler_as_a_span_and_an_expandable_quote(max_api: Api) -> None:
    text = 'a <span class="tg-spoiler">b</span><blockquote expandable>c &amp; d</blockquote>'
    shown = await sent(max_api, {"text": render.html(text), "format": "html"})
    assert shown.text == "a b\nc & d"
