"""The sandbox page and its JSON endpoints, added to the local Bot API server's own aiohttp app.

The page plays the users: it lists the demo people, shows each one's private chat with the bot
as the Bot API server keeps it (long-polling the chat's version), and sends what a person does —
a text, a button press, a file — as that user, so the bot gets real updates. It never sees the
bot's token: files are served here by their file_id, not through `/file/bot<token>/…`.

Other web sites must not drive it: the whole app (the Bot API too) answers only to the Host
127.0.0.1:<port> or localhost:<port> (no DNS rebinding), and a POST to the page's API must come
from the page itself (its Origin, or Sec-Fetch-Site: same-origin) with a body of the type a
cross-site form cannot send without CORS: JSON, or multipart for a file.

    GET  /                                  the page (index.html), /static/… its CSS and script
    GET  /sandbox/api/people                the people to choose from, with their message counts,
                                            and whether the bot has started ("bot_started")
    POST /sandbox/api/people                {}: a new user, who has never written to the bot
    GET  /sandbox/api/chats/{id}?after=V&wait=S   the chat, once newer than version V
    POST /sandbox/api/chats/{id}/messages   {"text": …}
    POST /sandbox/api/chats/{id}/press      {"message_id": …, "callback_data": …}
    POST /sandbox/api/chats/{id}/files      multipart: file, caption
    GET  /sandbox/api/files/{file_id}       the file, to download (?inline=1 to show an image)
"""

from __future__ import annotations

import json
import mimetypes
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from aiohttp import web
from aiohttp.typedefs import Handler

from fakes.telegram import FakeTelegramServer, FakeUser, StoredMessage
from fakes.telegram.html import utf16_length

API = "/sandbox/api"
STATIC = Path(__file__).parent / "static"
LONG_POLL_LIMIT = 30.0  # seconds a chat request may wait for a change
TEXT_LIMIT = 4096  # as in Telegram, in UTF-16 units
CAPTION_LIMIT = 1024
UPLOAD_LIMIT = 20 * 1024 * 1024  # what a bot may download from Telegram (as in chat.js)
PHOTO_LIMIT = 10 * 1024 * 1024  # Telegram's limit for a photo (as in chat.js)
GUEST_ID_BASE = 5_000_000
IMAGE_TYPES = {"image/jpeg", "image/png", "image/webp"}
NO_CACHE = {"Cache-Control": "no-store"}
# The page is the only script: whatever a message holds can never run as one.
PAGE_HEADERS = {
    **NO_CACHE,
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'"
    ),
}


@dataclass(frozen=True)
class Person:
    """Someone the page can be: a demo person, the regional admin or a new user."""

    telegram_id: int
    full_name: str
    role: str  # admin, curator, mentor, mentee or guest: the group in the picker
    role_title: str  # in Russian, under the name
    description: str


def split_name(full_name: str) -> tuple[str, str | None]:
    """Telegram's first and last name from a Russian «Фамилия Имя Отчество» (a Telegram
    profile rarely has the patronymic)."""
    parts = full_name.split()
    if len(parts) >= 2:
        return parts[1], parts[0]
    return full_name.strip() or "Без имени", None


class SandboxWeb:
    """The page's endpoints over one `FakeTelegramServer` and the people it knows."""

    def __init__(self, server: FakeTelegramServer, people: Iterable[Person]) -> None:
        self.server = server
        self.people: dict[int, Person] = {person.telegram_id: person for person in people}
        self._guests = 0
        self._bot_started = False

    def setup(self, app: web.Application) -> None:
        """Add the page's routes (pass to `FakeTelegramServer.start(setup=…)`)."""
        app.middlewares.append(self._guard)
        app.router.add_get("/", self._index)
        app.router.add_static("/static/", STATIC, append_version=False)
        app.router.add_get(f"{API}/people", self._list_people)
        app.router.add_post(f"{API}/people", self._add_guest)
        app.router.add_get(f"{API}/chats/{{user_id}}", self._chat)
        app.router.add_post(f"{API}/chats/{{user_id}}/messages", self._send_text)
        app.router.add_post(f"{API}/chats/{{user_id}}/press", self._press)
        app.router.add_post(f"{API}/chats/{{user_id}}/files", self._send_file)
        app.router.add_get(f"{API}/files/{{file_id}}", self._file)

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Only this machine's own addresses, and the page's API only from the page."""
        port = urlsplit(self.server.url).port
        hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        if port == 80:
            hosts |= {"127.0.0.1", "localhost"}
        host = request.headers.get("Host", "").lower()
        if host not in hosts:
            raise _error(
                web.HTTPForbidden,
                f"Песочница открывается только по адресу http://127.0.0.1:{port} "
                f"или http://localhost:{port}.",
            )
        if request.method == "POST" and request.path.startswith(f"{API}/"):
            origin = request.headers.get("Origin")
            if origin is None:
                same_origin = request.headers.get("Sec-Fetch-Site") == "same-origin"
            else:
                same_origin = origin.lower() == f"http://{host}"
            if not same_origin:
                raise _error(web.HTTPForbidden, "Запрос пришёл не со страницы песочницы.")
            expected = (
                "multipart/form-data" if request.path.endswith("/files") else "application/json"
            )
            if request.content_type != expected:
                raise _error(web.HTTPUnsupportedMediaType, f"Тело запроса должно быть {expected}.")
        return await handler(request)

    # --- the page and the people ----------------------------------------------------------------

    async def _index(self, _request: web.Request) -> web.FileResponse:
        return web.FileResponse(STATIC / "index.html", headers=PAGE_HEADERS)

    async def _list_people(self, _request: web.Request) -> web.Response:
        people = []
        for person in self.people.values():
            messages = self.server.chat_messages(person.telegram_id)
            people.append(
                {
                    **asdict(person),
                    "from_bot": sum(1 for message in messages if message.from_bot),
                    "errors": len(self.server.rejected_calls(person.telegram_id)),
                }
            )
        bot = {"first_name": self.server.bot_first_name, "username": self.server.bot_username}
        return web.json_response(
            {"bot": bot, "people": people, "bot_started": self.bot_started()}, headers=NO_CACHE
        )

    def bot_started(self) -> bool:
        """Whether the bot has asked for its updates: it is up (its import takes seconds)."""
        if not self._bot_started:
            self._bot_started = any(method == "getUpdates" for method, _ in self.server.calls)
        return self._bot_started

    async def _add_guest(self, _request: web.Request) -> web.Response:
        """A Telegram user the bot has never seen, e.g. to open an invite link."""
        self._guests += 1
        guest = Person(
            telegram_id=GUEST_ID_BASE + self._guests,
            full_name=f"Гость {self._guests}",
            role="guest",
            role_title="Новый пользователь",
            description="Ещё не писал боту: откройте ссылку-приглашение или нажмите «Начать».",
        )
        self.people[guest.telegram_id] = guest
        self.server.add_user(guest.telegram_id, guest.full_name)
        return web.json_response(asdict(guest), status=201)

    # --- a chat ---------------------------------------------------------------------------------

    async def _chat(self, request: web.Request) -> web.Response:
        person = self._person(request)
        after = _number(request.query.get("after"), "after")
        if after is not None:
            wait = _number(request.query.get("wait", "25"), "wait") or 0
            await self.server.wait_for_change(
                person.telegram_id, after, min(max(wait, 0), LONG_POLL_LIMIT)
            )
        return web.json_response(self._state(person), headers=NO_CACHE)

    def _state(self, person: Person) -> dict[str, Any]:
        chat_id = person.telegram_id
        user = self.server.users[chat_id]
        return {
            "version": self.server.chat_version(chat_id),
            "person": asdict(person),
            "messages": [_message(stored) for stored in self.server.chat_messages(chat_id)],
            "reply_keyboard": user.reply_keyboard,
            "errors": self.server.rejected_calls(chat_id),
            "callback_answers": self.server.callback_answers(chat_id),
            "commands": self.server.commands_for(chat_id),
        }

    async def _send_text(self, request: web.Request) -> web.Response:
        user = self._user(request)
        body = await _json_body(request)
        text = body.get("text")
        if not isinstance(text, str) or not text.strip():
            raise _bad("Пустое сообщение не отправить.")
        if utf16_length(text) > TEXT_LIMIT:
            raise _bad(f"Сообщение длиннее {TEXT_LIMIT} символов.")
        sent = await user.send(text)
        return web.json_response({"message_id": sent["message_id"]})

    async def _press(self, request: web.Request) -> web.Response:
        user = self._user(request)
        body = await _json_body(request)
        message_id, data = body.get("message_id"), body.get("callback_data")
        if not isinstance(message_id, int) or not isinstance(data, str):
            raise _bad("Нужны message_id (число) и callback_data (строка).")
        stored = next(
            (item for item in user.messages if item.message_id == message_id and item.from_bot),
            None,
        )
        buttons = (stored.reply_markup or {}).get("inline_keyboard", []) if stored else []
        if not any(button.get("callback_data") == data for row in buttons for button in row):
            raise _bad("В этом сообщении нет такой кнопки.")
        query_id = await user.press_data(message_id, data)
        return web.json_response({"query_id": query_id})

    async def _send_file(self, request: web.Request) -> web.Response:
        user = self._user(request)
        form = await request.post()
        upload, caption = form.get("file"), form.get("caption") or None
        if not isinstance(upload, web.FileField):
            raise _bad("Не выбран файл.")
        if caption is not None and not isinstance(caption, str):
            raise _bad("Подпись должна быть текстом.")
        if caption is not None and utf16_length(caption) > CAPTION_LIMIT:
            raise _bad(f"Подпись длиннее {CAPTION_LIMIT} символов.")
        content = upload.file.read(UPLOAD_LIMIT + 1)
        if not content:
            raise _bad("Файл пустой.")
        if len(content) > UPLOAD_LIMIT:
            raise _bad("Файл больше 20 МБ: бот не сможет скачать его из Telegram.")
        if _base_type(upload.content_type) in IMAGE_TYPES:
            if len(content) > PHOTO_LIMIT:
                raise _bad("Фото больше 10 МБ: Telegram такое не примет.")
            sent = await user.send_photo(content, caption=caption)
        else:
            name = Path(upload.filename or "file").name or "file"
            mime_type = upload.content_type or "application/octet-stream"
            sent = await user.send_document(content, name, mime_type, caption=caption)
        return web.json_response({"message_id": sent["message_id"]})

    async def _file(self, request: web.Request) -> web.Response:
        stored = self.server.stored_file(request.match_info["file_id"])
        if stored is None:
            raise _error(web.HTTPNotFound, "Файл не найден.")
        content, name, declared = stored
        mime_type = _content_type(content, name, declared)
        # only an image is shown in the page; anything else (an uploaded .html too) is saved
        shown = request.query.get("inline") == "1" and mime_type in IMAGE_TYPES
        disposition = "inline" if shown else "attachment"
        ascii_name = re.sub(r"[^A-Za-z0-9._ -]", "_", name)
        headers = {
            "Content-Disposition": (
                f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
            ),
            "X-Content-Type-Options": "nosniff",
            "Cross-Origin-Resource-Policy": "same-origin",
        }
        charset = re.search(r";\s*charset=\"?([\w.:-]+)", declared, re.IGNORECASE)
        return web.Response(
            body=content,
            content_type=mime_type,
            charset=charset.group(1) if charset and mime_type == _base_type(declared) else None,
            headers=headers,
        )

    # --- helpers --------------------------------------------------------------------------------

    def _person(self, request: web.Request) -> Person:
        user_id = _number(request.match_info["user_id"], "user_id")
        person = self.people.get(user_id) if user_id is not None else None
        if person is None:
            raise _error(web.HTTPNotFound, "Нет такого человека в песочнице.")
        return person

    def _user(self, request: web.Request) -> FakeUser:
        return self.server.users[self._person(request).telegram_id]


def _message(stored: StoredMessage) -> dict[str, Any]:
    """A message as the page shows it, in the Bot API's shape (files without their bytes)."""
    item: dict[str, Any] = {
        "message_id": stored.message_id,
        "date": stored.date,
        "from_bot": stored.from_bot,
        "edited": stored.edit_date is not None,
    }
    extra = stored.extra
    if stored.from_bot:
        entities = stored.entities
        caption, document, photo = stored.caption, stored.document, stored.photo
    else:
        entities = extra.get("entities") or extra.get("caption_entities") or []
        caption, document, photo = extra.get("caption"), extra.get("document"), extra.get("photo")
        if "sticker" in extra:
            item["sticker"] = extra["sticker"].get("emoji", "")
    if stored.text is not None:
        item.update(text=stored.text, entities=entities)
    if caption is not None:
        item.update(caption=caption, caption_entities=entities)
    if document is not None:
        item["document"] = {key: value for key, value in document.items() if key != "content"}
    if photo:
        biggest = photo[-1]
        item["photo"] = {key: biggest[key] for key in ("file_id", "width", "height")}
    if stored.reply_markup and "inline_keyboard" in stored.reply_markup:
        item["inline_keyboard"] = stored.reply_markup["inline_keyboard"]
    return item


def _base_type(mime_type: str | None) -> str:
    """The MIME type without its parameters: "text/plain" of "text/plain; charset=utf-8"."""
    return (mime_type or "").split(";", 1)[0].strip().lower()


def _content_type(content: bytes, name: str, declared: str) -> str:
    """The declared MIME type (without parameters) unless it is the generic one (uploads from
    aiogram are)."""
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if content.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    base = _base_type(declared)
    if base and base != "application/octet-stream":
        return base
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def _number(value: str | None, name: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise _bad(f"{name} должен быть числом.") from None


async def _json_body(request: web.Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise _bad("Тело запроса должно быть JSON-объектом.") from None
    if not isinstance(body, dict):
        raise _bad("Тело запроса должно быть JSON-объектом.")
    return body


def _error(status: type[web.HTTPException], text: str) -> web.HTTPException:
    """An error answer with a JSON body {"error": text} for the page to show."""
    body = json.dumps({"error": text}, ensure_ascii=False)
    return status(text=body, content_type="application/json")


def _bad(text: str) -> web.HTTPException:
    return _error(web.HTTPBadRequest, text)
