"""The fake MAX API as the bot will meet it: the token in the header, long polling by marker,
messages with keyboards, buttons pressed and answered, edits, uploads before attachments, a
user who stopped the bot, and what MAX refuses (checked against its schema and its limits)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiohttp import FormData

from tests.max.api import TOKEN, Api


def keyboard(*rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "inline_keyboard", "payload": {"buttons": list(rows)}}


def callback(text: str, payload: str = "x") -> dict[str, Any]:
    return {"type": "callback", "text": text, "payload": payload}


async def test_the_token_goes_in_the_header_only(max_api: Api) -> None:
    assert (await max_api.call("GET", "/me"))[0] == 200
    status, body = await max_api.call("GET", "/me", token=None)
    assert (status, body["code"]) == (401, "verify.token")
    status, body = await max_api.call("GET", "/me", token=None, access_token=TOKEN)
    assert (status, body["code"]) == (401, "verify.token")


async def test_long_polling_by_marker(max_api: Api) -> None:
    user = max_api.server.add_user(501, "Анна", "Петрова")
    await user.start("invite-abc")
    await user.send("Здравствуйте")
    status, first = await max_api.call("GET", "/updates", timeout=0, marker=0)
    assert status == 200
    assert [u["update_type"] for u in first["updates"]] == ["bot_started", "message_created"]
    assert first["updates"][0]["payload"] == "invite-abc"
    assert first["updates"][1]["message"]["body"]["text"] == "Здравствуйте"
    # the marker commits what came before it
    _, after = await max_api.call("GET", "/updates", timeout=0, marker=first["marker"])
    assert after["updates"] == []
    await user.send("Ещё")
    await user.send("И ещё")
    # without a marker MAX gives only the last update
    _, last = await max_api.call("GET", "/updates", timeout=0)
    assert [u["message"]["body"]["text"] for u in last["updates"]] == ["И ещё"]
    _, both = await max_api.call("GET", "/updates", timeout=0, marker=first["marker"])
    assert [u["message"]["body"]["text"] for u in both["updates"]] == ["Ещё", "И ещё"]


async def test_a_keyboard_pressed_and_answered(max_api: Api) -> None:
    user = max_api.server.add_user(502, "Борис")
    status, sent = await max_api.call(
        "POST",
        "/messages",
        {"text": "<b>Выберите</b>", "format": "html", "attachments": [keyboard([callback("Да")])]},
        user_id=user.id,
    )
    assert status == 200 and sent["message"]["recipient"]["user_id"] == user.id
    seen = await user.next_message()
    assert (seen.text, seen.buttons()) == ("Выберите", ["Да"])
    callback_id = await user.press(seen, "Да")
    _, polled = await max_api.call("GET", "/updates", timeout=0, marker=0)
    pressed = polled["updates"][-1]
    assert pressed["update_type"] == "message_callback"
    assert pressed["callback"]["callback_id"] == callback_id
    status, _ = await max_api.call(
        "POST", "/answers", {"notification": "Принято"}, callback_id=callback_id
    )
    assert status == 200
    assert await user.callback_answer() == {"notification": "Принято"}
    status, body = await max_api.call(
        "POST", "/answers", {"notification": "Снова"}, callback_id=callback_id
    )
    assert (status, body["code"]) == (400, "proto.payload")


@pytest.mark.parametrize("empty", [{}, {"notification": None}])
async def test_an_empty_answer_to_a_button_is_refused(max_api: Api, empty: dict[str, Any]) -> None:
    user = max_api.server.add_user(509, "Ирина")
    await max_api.call(
        "POST", "/messages", {"text": "?", "attachments": [keyboard([callback("Да")])]}, user_id=509
    )
    callback_id = await user.press(await user.next_message(), "Да")
    status, body = await max_api.call("POST", "/answers", empty, callback_id=callback_id)
    assert (status, body["code"]) == (400, "proto.payload")
    # the callback is still there to be answered
    status, _ = await max_api.call(
        "POST", "/answers", {"notification": "Ок"}, callback_id=callback_id
    )
    assert status == 200


async def test_an_answer_with_a_message_edits_the_pressed_one(max_api: Api) -> None:
    user = max_api.server.add_user(510, "Кира")
    await max_api.call(
        "POST", "/messages", {"text": "?", "attachments": [keyboard([callback("Да")])]}, user_id=510
    )
    callback_id = await user.press(await user.next_message(), "Да")
    status, _ = await max_api.call(
        "POST", "/answers", {"message": {"text": "Готово", "attachments": []}},
        callback_id=callback_id,
    )  # fmt: skip
    assert status == 200
    edited = await user.next_message()
    assert (edited.kind, edited.text, edited.buttons()) == ("edit", "Готово", [])


async def test_an_edit_reaches_the_user(max_api: Api) -> None:
    user = max_api.server.add_user(503, "Вера")
    _, sent = await max_api.call("POST", "/messages", {"text": "Было"}, user_id=user.id)
    await user.next_message()
    mid = sent["message"]["body"]["mid"]
    status, _ = await max_api.call("PUT", "/messages", {"text": "Стало"}, message_id=mid)
    assert status == 200
    edited = await user.next_message()
    assert (edited.kind, edited.text) == ("edit", "Стало")


async def test_a_keyboard_is_removed_and_a_deleted_message_is_gone(max_api: Api) -> None:
    user = max_api.server.add_user(511, "Лев")
    _, sent = await max_api.call(
        "POST", "/messages", {"text": "?", "attachments": [keyboard([callback("Да")])]},
        chat_id=user.chat_id,
    )  # fmt: skip
    await user.next_message()
    mid = sent["message"]["body"]["mid"]
    assert sent["message"]["body"]["seq"] > 2**53  # MAX's seq: no 32-bit field holds it
    status, _ = await max_api.call("PUT", "/messages", {"attachments": []}, message_id=mid)
    assert status == 200
    assert (await user.next_message()).buttons() == []
    assert (await max_api.call("DELETE", "/messages", message_id=mid))[0] == 200
    status, answer = await max_api.call("PUT", "/messages", {"text": "Ещё"}, message_id=mid)
    assert (status, answer["code"]) == (404, "not.found")


@pytest.mark.parametrize(
    ("body", "refused"),
    [
        ({"txt": "опечатка"}, "'txt' was unexpected"),
        ({"text": "<blockquote>цитата</blockquote>", "format": "html"}, "'blockquote'"),
        ({"text": "<b>не закрыт", "format": "html"}, "Invalid html"),
        ({"text": "ряд", "attachments": [keyboard([callback(str(n)) for n in range(8)])]}, "row"),
        ({"text": "много", "attachments": [keyboard(*([[callback("a")]] * 31))]}, "rows"),
        ({"text": "длинно", "attachments": [keyboard([callback("a", "p" * 1025)])]}, "too long"),
        (
            {
                "text": "ссылки",
                "attachments": [
                    keyboard(
                        [
                            {"type": "link", "text": str(n), "url": "https://max.ru"}
                            for n in range(3)
                        ]
                        + [{"type": "request_contact", "text": "Телефон"}]
                    )
                ],
            },
            "link buttons",
        ),
        ({}, "text or attachments"),
    ],
)
async def test_what_max_refuses(max_api: Api, body: dict[str, Any], refused: str) -> None:
    user = max_api.server.add_user(504, "Глеб")
    status, answer = await max_api.call("POST", "/messages", body, user_id=user.id)
    assert (status, answer["code"]) == (400, "proto.payload")
    assert refused in answer["message"]
    await user.expect_no_message(within=0.05)


async def test_a_user_who_stopped_the_bot(max_api: Api) -> None:
    user = max_api.server.add_user(505, "Дина")
    _, sent = await max_api.call("POST", "/messages", {"text": "Раньше"}, user_id=505)
    user.stop_bot()
    status, answer = await max_api.call("POST", "/messages", {"text": "Напоминание"}, user_id=505)
    assert (status, answer["code"]) == (403, "chat.denied")
    assert "error.dialog.suspended" in answer["message"]
    mid = sent["message"]["body"]["mid"]
    status, answer = await max_api.call("PUT", "/messages", {"text": "Правка"}, message_id=mid)
    assert (status, answer["code"]) == (403, "chat.denied")


async def test_a_file_is_uploaded_before_it_is_sent_and_not_with_a_keyboard(max_api: Api) -> None:
    user = max_api.server.add_user(506, "Егор")
    file = {"type": "file", "payload": {"token": "up000001"}}
    status, answer = await max_api.call("POST", "/messages", {"attachments": [file]}, user_id=506)
    assert (status, answer["code"]) == (400, "attachment.not.ready")
    _, endpoint = await max_api.call("POST", "/uploads", type="file")
    not_yet = {"type": "file", "payload": {"token": endpoint["url"].rsplit("/", 1)[1]}}
    status, answer = await max_api.call(
        "POST", "/messages", {"attachments": [not_yet]}, user_id=506
    )
    assert (status, answer["code"]) == (400, "attachment.not.ready")
    form = FormData()
    form.add_field("data", b"PK...", filename="staff.xlsx")
    async with max_api.http.post(endpoint["url"], data=form) as response:
        token = (await response.json())["token"]
    assert max_api.server.upload(token) == b"PK..."
    file = {"type": "file", "payload": {"token": token}}
    status, answer = await max_api.call(
        "POST", "/messages", {"attachments": [file, keyboard([callback("Ок")])]}, user_id=506
    )
    assert (status, answer["code"]) == (400, "proto.payload")
    status, _ = await max_api.call("POST", "/messages", {"attachments": [file]}, user_id=506)
    assert status == 200
    (shown,) = (await user.next_message()).files()
    assert (shown["filename"], shown["size"]) == ("staff.xlsx", 5)


async def test_a_file_the_user_sends_is_downloaded_from_its_url(max_api: Api) -> None:
    user = max_api.server.add_user(507, "Жанна")
    await user.send_file(b"xlsx-bytes", "Сотрудники.xlsx")
    _, polled = await max_api.call("GET", "/updates", timeout=0, marker=0)
    (attachment,) = polled["updates"][0]["message"]["body"]["attachments"]
    assert attachment["filename"] == "Сотрудники.xlsx"
    async with max_api.http.get(attachment["payload"]["url"]) as response:
        assert await response.read() == b"xlsx-bytes"


async def test_commands_and_unknown_operations(max_api: Api) -> None:
    commands = [{"name": "menu", "description": "Главное меню"}]
    status, info = await max_api.call("PATCH", "/me", {"commands": commands})
    assert status == 200 and info["commands"] == commands
    status, answer = await max_api.call("GET", "/chats")
    assert (status, answer["code"]) == (501, "not.implemented")


async def test_a_long_poll_waits_for_the_next_update(max_api: Api) -> None:
    user = max_api.server.add_user(508, "Зоя")
    polling = asyncio.create_task(max_api.call("GET", "/updates", timeout=5, marker=0))
    await asyncio.sleep(0.05)
    assert not polling.done()
    await user.send("Есть кто?")
    _, answer = await asyncio.wait_for(polling, 2)
    assert [u["message"]["body"]["text"] for u in answer["updates"]] == ["Есть кто?"]


async def test_a_long_poll_ends_when_the_server_stops(max_api: Api) -> None:
    polling = asyncio.create_task(max_api.call("GET", "/updates", timeout=30, marker=0))
    await asyncio.sleep(0.05)
    await max_api.server.stop()
    _, answer = await asyncio.wait_for(polling, 5)
    assert answer["updates"] == []
