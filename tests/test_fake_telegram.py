"""The fake Bot API is as strict as Telegram: each rule is shown here with the real aiogram
`Bot`, so an e2e test that passes against it would not fail on Telegram for these reasons."""

from __future__ import annotations

import asyncio

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramRetryAfter,
    TelegramUnauthorizedError,
)
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
)
from aiohttp import ClientSession

from fakes.telegram import FakeTelegramServer, parse_html
from tests.conftest import TOKEN


@pytest.fixture
async def bot(telegram: FakeTelegramServer):
    session = AiohttpSession(api=TelegramAPIServer.from_base(telegram.url))
    bot = Bot(TOKEN, session=session)
    yield bot
    await session.close()


@pytest.fixture
async def user(telegram: FakeTelegramServer):
    user = telegram.add_user(user_id=77, first_name="Анна")
    await user.send("/start")  # Telegram knows a private chat only once the user wrote
    return user


def keyboard(data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="Кнопка", callback_data=data)]]
    )


def test_html_parser_counts_utf16_and_decodes_entities() -> None:
    parsed = parse_html("😀 <b>Жирный &amp; <i>курсив</i></b> &lt;tag&gt; A & B &#8470;")
    assert parsed.text == "😀 Жирный & курсив <tag> A & B №"
    assert parsed.entities == [
        {"type": "bold", "offset": 3, "length": 15},
        {"type": "italic", "offset": 12, "length": 6},
    ]


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("<script>alert(1)</script>", 'Unsupported start tag "script"'),
        ("<b>open", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", "Unmatched end tag"),
        ("1 < 2", "Unsupported start tag"),
        ('<a name="x">link</a>', 'Can\'t find "href"'),
    ],
)
async def test_html_errors(bot: Bot, user, html: str, reason: str) -> None:
    with pytest.raises(TelegramBadRequest, match="can't parse entities") as error:
        await bot.send_message(user.id, html, parse_mode="HTML")
    assert reason in error.value.message


async def test_text_limits(bot: Bot, user) -> None:
    await bot.send_message(user.id, "я" * 4096)
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(user.id, "я" * 4097)
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(user.id, "<b> </b>", parse_mode="HTML")
    # entities do not count towards the limit; their text does
    await bot.send_message(user.id, "<b>" + "я" * 4096 + "</b>", parse_mode="HTML")


async def test_callback_data_limit_is_64_bytes(bot: Bot, user) -> None:
    await bot.send_message(user.id, "ok", reply_markup=keyboard("ж" * 32))  # 64 bytes
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(user.id, "no", reply_markup=keyboard("ж" * 32 + "x"))


async def test_edit_must_change_something(bot: Bot, user) -> None:
    sent = await bot.send_message(user.id, "текст", reply_markup=keyboard("a"))
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(
            "текст", chat_id=user.id, message_id=sent.message_id, reply_markup=keyboard("a")
        )
    await bot.edit_message_text("текст", chat_id=user.id, message_id=sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=user.id, message_id=999)


async def test_callback_query_is_answered_once_and_in_time(
    bot: Bot, user, telegram: FakeTelegramServer
) -> None:
    sent = await bot.send_message(user.id, "выбор", reply_markup=keyboard("pick"))
    first = await user.press(sent.message_id, "Кнопка")
    await bot.answer_callback_query(first, text="Готово")
    assert (await user.callback_answer())["text"] == "Готово"
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(first)
    telegram.callback_answer_timeout = 0.05
    late = await user.press(sent.message_id, "Кнопка")
    await asyncio.sleep(0.1)
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(late)
    with pytest.raises(TelegramBadRequest, match="MESSAGE_TOO_LONG"):
        await bot.answer_callback_query(await user.press(sent.message_id, "Кнопка"), text="x" * 201)


async def test_blocked_unknown_and_unauthorized(
    bot: Bot, user, telegram: FakeTelegramServer
) -> None:
    user.block()
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(user.id, "привет")
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(123456, "привет")
    wrong = Bot(
        "1:" + "A" * 35, session=AiohttpSession(api=TelegramAPIServer.from_base(telegram.url))
    )
    with pytest.raises(TelegramUnauthorizedError):
        await wrong.get_me()
    await wrong.session.close()


async def test_429_and_rate_limits(bot: Bot, user, telegram: FakeTelegramServer) -> None:
    telegram.fail_next("sendMessage", 429, "Too Many Requests: retry after 3", retry_after=3)
    with pytest.raises(TelegramRetryAfter) as error:
        await bot.send_message(user.id, "1")
    assert error.value.retry_after == 3
    telegram.rate_limit(global_per_second=30, per_chat_per_second=1)
    await bot.send_message(user.id, "2")
    with pytest.raises(TelegramRetryAfter):
        await bot.send_message(user.id, "3")  # a second message to one chat within a second
    assert telegram.rejected_429 == 1


async def raw_call(
    telegram: FakeTelegramServer, method: str, data: dict[str, str]
) -> tuple[int, str]:
    async with (
        ClientSession() as http,
        http.post(f"{telegram.url}/bot{TOKEN}/{method}", data=data) as response,
    ):
        return response.status, (await response.json())["description"]


async def test_every_call_is_checked_against_the_spec(
    bot: Bot, user, telegram: FakeTelegramServer
) -> None:
    chat = str(user.id)
    assert await raw_call(
        telegram, "sendMessage", {"chat_id": chat, "text": "x", "disable_web_page_preview": "1"}
    ) == (400, "Bad Request: unknown parameter 'disable_web_page_preview' for method sendMessage")
    assert await raw_call(telegram, "sendMessage", {"chat_id": chat}) == (
        400,
        "Bad Request: parameter 'text' is required",
    )
    assert await raw_call(telegram, "sendMesage", {}) == (404, "Not Found")
    assert (
        await raw_call(
            telegram, "sendMessage", {"chat_id": chat, "text": "x", "reply_markup": "[1]"}
        )
    )[0] == 400
    with pytest.raises(TelegramBadRequest, match="reply_markup"):
        await bot.send_message(user.id, "x", reply_markup={"inline_keyboard": [[{"txt": "a"}]]})  # type: ignore[arg-type]


async def test_commands_resolve_by_scope(bot: Bot, user, telegram: FakeTelegramServer) -> None:
    await bot.set_my_commands([BotCommand(command="start", description="Меню")])
    await bot.set_my_commands(
        [BotCommand(command="profile", description="Профиль")],
        scope=BotCommandScopeChat(chat_id=user.id),
    )
    assert [c["command"] for c in telegram.commands_for(chat_id=user.id)] == ["profile"]
    assert [c["command"] for c in telegram.commands_for(chat_id=5)] == ["start"]
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Bad-Name", description="x")])


async def test_files_both_ways(bot: Bot, user) -> None:
    await bot.send_document(user.id, BufferedInputFile(b"hello", filename="a.txt"), caption="файл")
    received = await user.next_message()
    assert received.document is not None and received.document["content"] == b"hello"
    sent = await user.send_document(b"table", filename="staff.csv", mime_type="text/csv")
    file = await bot.get_file(sent["document"]["file_id"])
    assert file.file_path is not None
    downloaded = await bot.download_file(file.file_path)
    assert downloaded is not None and downloaded.read() == b"table"
