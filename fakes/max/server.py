"""A strict local MAX Bot API: the calls the bot makes to MAX, each checked against MAX's
official schema (`fakes/max/spec.py`) and each answer too, and users who write to the bot,
start it from a link and press its buttons.

What MAX enforces beyond its schema is enforced here too (docs/max-research.md): the token in
the `Authorization` header only (never `?access_token=`), the keyboard's limits (30 rows, 7
buttons a row, 210 in all, 3 link buttons a row, a callback payload of 1 024 characters),
MAX's HTML (no spoiler, no quote), a file that must be uploaded before it is attached and is
not in the same message as a keyboard, `403 chat.denied` to a user who stopped the bot, and
long polling by marker: without one, only the last update."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from fakes.max.spec import MaxApiError, MaxApiSpec, Request, bad_payload, load_spec
from fakes.telegram.errors import ApiError as TelegramApiError
from fakes.telegram.html import parse_html

MAX_ROWS = 30
MAX_ROW_BUTTONS = 7
MAX_BUTTONS = 210
MAX_ROW_LINKS = 3
# buttons that open something or ask for data: MAX allows 3 of them in a row
LINK_LIKE = frozenset({"link", "open_app", "request_contact", "request_geo_location"})
# MAX's `seq` of a message is this large: a column or a field of 32 bits loses it
FIRST_SEQ = 116_328_147_937_082_782
MAX_START_PAYLOAD = 128
_NOT_MAX_HTML = re.compile(r"</?(tg-spoiler|blockquote|span)\b", re.IGNORECASE)
UNAUTHORIZED = MaxApiError(401, "verify.token", "Invalid access_token")


def _now_ms() -> int:
    return int(time.time() * 1000)


@dataclass
class Upload:
    """A file given an upload URL, and once uploaded its name and content."""

    kind: str
    filename: str = ""
    content: bytes | None = None


@dataclass
class StoredMaxMessage:
    """A message of a dialog, as it is now (edits change it in place)."""

    mid: str
    seq: int
    chat_id: int
    from_bot: bool
    timestamp: int
    text: str | None
    format: str | None = None
    attachments: list[dict[str, Any]] = field(default_factory=list)

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"mid": self.mid, "seq": self.seq, "text": self.text}
        if self.attachments:
            body["attachments"] = self.attachments
        return body


@dataclass(frozen=True)
class MaxBotMessage:
    """What a user saw arrive: a new message (`kind="send"`) or an edit (`"edit"`)."""

    kind: str
    mid: str
    text: str  # as shown: the HTML's tags taken out
    html: str | None
    attachments: list[dict[str, Any]]

    def keyboard(self) -> list[list[dict[str, Any]]]:
        for attachment in self.attachments:
            if attachment["type"] == "inline_keyboard":
                rows: list[list[dict[str, Any]]] = attachment["payload"]["buttons"]
                return rows
        return []

    def buttons(self) -> list[str]:
        return [button["text"] for row in self.keyboard() for button in row]

    def files(self) -> list[dict[str, Any]]:
        return [item for item in self.attachments if item["type"] in {"file", "image"}]


class MaxUser:
    """A MAX user in a dialog with the bot (the dialog has a chat id of its own)."""

    def __init__(
        self, server: FakeMaxServer, user_id: int, first_name: str, last_name: str | None
    ) -> None:
        self.server = server
        self.id = user_id
        self.chat_id = 10**12 + user_id
        self.first_name = first_name
        self.last_name = last_name
        self.stopped = False
        self._inbox: asyncio.Queue[MaxBotMessage] = asyncio.Queue()
        self._answers: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    def as_user(self) -> dict[str, Any]:
        user: dict[str, Any] = {
            "user_id": self.id,
            "first_name": self.first_name,
            "is_bot": False,
            "last_activity_time": _now_ms(),
            "name": " ".join(filter(None, [self.first_name, self.last_name])),
        }
        if self.last_name:
            user["last_name"] = self.last_name
        return user

    async def start(self, payload: str | None = None) -> None:
        """Opens the bot, from a link with `?start=<payload>` when given (MAX drops a payload
        longer than 128 characters)."""
        self.stopped = False
        update: dict[str, Any] = {"chat_id": self.chat_id, "user": self.as_user()}
        if payload is not None and len(payload) <= MAX_START_PAYLOAD:
            update["payload"] = payload
        self.server.push("bot_started", update, user_id=self.id)

    async def send(self, text: str) -> str:
        """Writes to the bot; returns the message's id."""
        message = self.server.store(self.chat_id, from_bot=False, text=text)
        self.server.push("message_created", {"message": self.server.as_message(message, self)})
        return message.mid

    async def send_file(self, content: bytes, filename: str) -> str:
        """Sends the bot a file (an Excel list of staff, say); returns the message's id."""
        token = self.server.keep_file("file", filename, content)
        attachment = self.server.received(token)
        message = self.server.store(self.chat_id, from_bot=False, text="", attachments=[attachment])
        self.server.push("message_created", {"message": self.server.as_message(message, self)})
        return message.mid

    async def press(self, message: MaxBotMessage | str, button_text: str) -> str:
        """Presses a callback button; returns the callback's id."""
        mid = message if isinstance(message, str) else message.mid
        stored = self.server.messages.get(mid)
        if stored is None or stored.chat_id != self.chat_id:
            raise AssertionError(f"{self.first_name} does not see message {mid}")
        found = MaxBotMessage("send", mid, "", None, stored.attachments)
        for row in found.keyboard():
            for button in row:
                if button["text"] == button_text and button["type"] == "callback":
                    return self.server.callback(self, stored, button["payload"])
        raise AssertionError(f"no callback button {button_text!r} in {found.buttons()}")

    def stop_bot(self) -> None:
        """Stops the bot: MAX answers 403 to what the bot sends from now on."""
        self.stopped = True
        self.server.push("bot_stopped", {"chat_id": self.chat_id, "user": self.as_user()})

    async def next_message(self, timeout: float = 30.0) -> MaxBotMessage:
        """The next message (or edit) from the bot."""
        return await asyncio.wait_for(self._inbox.get(), timeout)

    async def expect_no_message(self, within: float = 0.5) -> None:
        """Nothing from the bot for `within` seconds."""
        with contextlib.suppress(TimeoutError):
            message = await asyncio.wait_for(self._inbox.get(), within)
            raise AssertionError(f"unexpected message: {message}")

    async def callback_answer(self, timeout: float = 30.0) -> dict[str, Any]:
        """The bot's next answer to a button this user pressed."""
        return await asyncio.wait_for(self._answers.get(), timeout)


class FakeMaxServer:
    """The server: `await start()`, point the bot at `url`, add users, `await stop()`."""

    def __init__(
        self,
        token: str,
        bot_username: str = "nastavnik_bot",
        *,
        bot_user_id: int = 9_000_000,
        bot_first_name: str = "Наставник",
        spec: MaxApiSpec | None = None,
    ) -> None:
        self.token = token
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.bot_user_id = bot_user_id
        self.spec = spec or load_spec()
        self.users: dict[int, MaxUser] = {}
        self.messages: dict[str, StoredMaxMessage] = {}
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.rejected: list[tuple[str, MaxApiError]] = []
        self.commands: list[dict[str, Any]] = []
        self._updates: list[dict[str, Any]] = []
        self._committed = 0
        self._updates_changed = asyncio.Event()
        self._seq = itertools.count(FIRST_SEQ)
        self._callbacks: dict[str, tuple[MaxUser, str]] = {}
        self._callback_ids = itertools.count(1)
        self._uploads: dict[str, Upload] = {}
        self._upload_ids = itertools.count(1)
        self._failures: dict[str, deque[MaxApiError]] = defaultdict(deque)
        self._runner: web.AppRunner | None = None
        self._stopping = False
        self._host, self._port = "127.0.0.1", 0

    # --- lifecycle ----------------------------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._stopping = False
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_post("/upload/{upload_id}", self._handle_upload)
        app.router.add_get("/files/{token}", self._handle_download)
        app.router.add_route("*", "/{path:.*}", self._handle_call)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        self._host, self._port = host, self._runner.addresses[0][1]

    async def stop(self) -> None:
        self._stopping = True
        self._updates_changed.set()  # a long poll in progress ends now
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def url(self) -> str:
        return f"http://{self._host}:{self._port}"

    # --- test controls ------------------------------------------------------------------------

    def add_user(self, user_id: int, first_name: str, last_name: str | None = None) -> MaxUser:
        user = MaxUser(self, user_id, first_name, last_name)
        self.users[user_id] = user
        return user

    def fail_next(self, operation: str, error: MaxApiError) -> None:
        """Answer the next call of the operation (`sendMessage`…) with this error."""
        self._failures[operation].append(error)

    # --- what users do ------------------------------------------------------------------------

    def push(self, kind: str, update: dict[str, Any], **extra: Any) -> None:
        """An update for the bot, checked against the schema."""
        full = {**update, **extra, "update_type": kind, "timestamp": _now_ms()}
        self.spec.check("Update", full, f"the fake's {kind} update")
        self._updates.append(full)
        self._updates_changed.set()

    def store(
        self,
        chat_id: int,
        *,
        from_bot: bool,
        text: str | None,
        text_format: str | None = None,
        attachments: list[dict[str, Any]] | None = None,
    ) -> StoredMaxMessage:
        """A new message of a dialog."""
        seq = next(self._seq)
        message = StoredMaxMessage(
            mid=f"mid.{seq:032x}",
            seq=seq,
            chat_id=chat_id,
            from_bot=from_bot,
            timestamp=_now_ms(),
            text=text,
            format=text_format,
            attachments=attachments or [],
        )
        self.messages[message.mid] = message
        return message

    def as_message(self, message: StoredMaxMessage, user: MaxUser) -> dict[str, Any]:
        """A message as MAX shows it; its recipient is the other side of the dialog."""
        recipient = user.id if message.from_bot else self.bot_user_id
        return {
            "sender": self._bot_user() if message.from_bot else user.as_user(),
            "recipient": {
                "chat_id": message.chat_id,
                "chat_type": "dialog",
                "user_id": recipient,
            },
            "timestamp": message.timestamp,
            "body": message.body(),
        }

    def callback(self, user: MaxUser, message: StoredMaxMessage, payload: str) -> str:
        """The user pressed a callback button of the message: the update, and its id."""
        callback_id = f"cb{next(self._callback_ids):08d}"
        self._callbacks[callback_id] = (user, message.mid)
        self.push(
            "message_callback",
            {
                "callback": {
                    "timestamp": _now_ms(),
                    "callback_id": callback_id,
                    "user": user.as_user(),
                    "payload": payload,
                },
                "message": self.as_message(message, user),
                "user_locale": "ru",
            },
        )
        return callback_id

    # --- the API ------------------------------------------------------------------------------

    async def _handle_call(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["path"]
        try:
            if "access_token" in request.query:
                raise MaxApiError(401, "verify.token", "Token in query is no longer supported")
            if request.headers.get("Authorization") != self.token:
                raise UNAUTHORIZED
            body = await _json_body(request)
            call = self.spec.check_request(request.method, path, dict(request.query), body)
        except MaxApiError as error:
            self.rejected.append((f"{request.method} {path}", error))
            return web.json_response(error.body(), status=error.status)
        name = call.operation.name
        self.calls.append((name, {**call.query, "body": body}))
        try:
            if self._failures[name]:
                raise self._failures[name].popleft()
            handler: Callable[[Request], Any] | None = getattr(self, f"_api_{name}", None)
            if handler is None:
                raise MaxApiError(501, "not.implemented", f"{name} is not in the fake MAX API")
            result = handler(call)
            if asyncio.iscoroutine(result):
                result = await result
        except MaxApiError as error:
            self.rejected.append((name, error))
            if str(error.status) in call.operation.spec.get("responses", {}):
                self.spec.check_response(call.operation, error.status, error.body())
            return web.json_response(error.body(), status=error.status)
        self.spec.check_response(call.operation, 200, result)
        return web.json_response(result)

    def _bot_user(self) -> dict[str, Any]:
        return {
            "user_id": self.bot_user_id,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
            "is_bot": True,
            "last_activity_time": _now_ms(),
            "name": self.bot_first_name,
        }

    def _api_getMyInfo(self, _call: Request) -> dict[str, Any]:
        return {**self._bot_user(), "commands": self.commands}

    def _api_editMyInfo(self, call: Request) -> dict[str, Any]:
        if "commands" in call.body:
            self.commands = list(call.body["commands"] or [])
        return self._api_getMyInfo(call)

    async def _api_getUpdates(self, call: Request) -> dict[str, Any]:
        marker = call.query.get("marker")
        if marker is not None:
            self._committed = max(self._committed, min(marker, len(self._updates)))
        timeout = call.query.get("timeout", 30)
        deadline = asyncio.get_running_loop().time() + timeout
        while len(self._updates) <= self._committed:
            self._updates_changed.clear()
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0 or self._stopping:
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._updates_changed.wait(), left)
        start = self._committed if marker is not None else max(len(self._updates) - 1, 0)
        limit = call.query.get("limit", 100)
        wanted = call.query.get("types")
        chosen = [
            update
            for update in self._updates[start : start + limit]
            if wanted is None or update["update_type"] in wanted
        ]
        return {"updates": chosen, "marker": min(start + limit, len(self._updates))}

    def _api_sendMessage(self, call: Request) -> dict[str, Any]:
        user = self._recipient(call.query)
        attachments = self._attachments(call.body, sending=True)
        message = self.store(
            user.chat_id,
            from_bot=True,
            text=call.body.get("text"),
            text_format=call.body.get("format"),
            attachments=attachments,
        )
        user._inbox.put_nowait(self._seen("send", message))
        return {"message": self.as_message(message, user)}

    def _api_editMessage(self, call: Request) -> dict[str, Any]:
        self._edit(self._bots_message(call.query["message_id"]), call.body)
        return {"success": True}

    def _edit(self, message: StoredMaxMessage, body: dict[str, Any]) -> None:
        """`attachments` absent or null keeps them, `[]` removes them all (MAX's rule)."""
        user = self._owner(message)
        attachments = self._attachments(body, sending=False)
        if "text" in body:
            message.text = body["text"]
            message.format = body.get("format")
        if body.get("attachments") is not None:
            message.attachments = attachments
        user._inbox.put_nowait(self._seen("edit", message))

    def _api_deleteMessage(self, call: Request) -> dict[str, Any]:
        message = self._bots_message(call.query["message_id"])
        self._owner(message)
        del self.messages[message.mid]
        return {"success": True}

    def _api_answerOnCallback(self, call: Request) -> dict[str, Any]:
        if not any(value is not None for value in call.body.values()):
            raise bad_payload("Answer must contain message or notification")
        pressed = self._callbacks.pop(call.query["callback_id"], None)
        if pressed is None:
            raise MaxApiError(400, "proto.payload", "Unknown or already answered callback_id")
        user, mid = pressed
        if call.body.get("message") is not None and mid in self.messages:
            self._edit(self.messages[mid], call.body["message"])
        user._answers.put_nowait(call.body)
        return {"success": True}

    def _api_getUploadUrl(self, call: Request) -> dict[str, Any]:
        upload_id = self._new_upload_id()
        self._uploads[upload_id] = Upload(call.query["type"])
        # MAX answers an image's upload with `photos`, a file's with `token`: files only here
        if call.query["type"] not in {"file", "image"}:
            raise bad_payload(f"The fake MAX API takes no {call.query['type']} upload")
        return {"url": f"{self.url}/upload/{upload_id}"}

    async def _handle_upload(self, request: web.Request) -> web.Response:
        upload = self._uploads.get(request.match_info["upload_id"])
        if upload is None:
            return web.json_response({"code": "not.found", "message": "No such upload"}, status=404)
        form = await request.post()
        data = form.get("data")
        if not isinstance(data, web.FileField):
            return web.json_response(bad_payload("Upload a file as 'data'").body(), status=400)
        upload.filename, upload.content = data.filename, data.file.read()
        return web.json_response({"token": request.match_info["upload_id"]})

    async def _handle_download(self, request: web.Request) -> web.Response:
        upload = self._uploads.get(request.match_info["token"])
        if upload is None or upload.content is None:
            return web.Response(status=404)
        return web.Response(body=upload.content)

    def keep_file(self, kind: str, filename: str, content: bytes) -> str:
        """A file as if uploaded: its token."""
        token = self._new_upload_id()
        self._uploads[token] = Upload(kind, filename, content)
        return token

    def _new_upload_id(self) -> str:
        return f"up{next(self._upload_ids):06d}"

    def upload(self, token: str) -> bytes | None:
        """What was uploaded under a token (None: nothing yet)."""
        upload = self._uploads.get(token)
        return upload.content if upload is not None else None

    def received(self, token: str) -> dict[str, Any]:
        """An uploaded file as a message shows it: its URL, and for a file its name and size."""
        upload = self._uploads[token]
        url = f"{self.url}/files/{token}"
        if upload.kind == "image":
            return {
                "type": "image",
                "payload": {"photo_id": int(token.removeprefix("up")), "url": url, "token": token},
            }
        return {
            "type": "file",
            "payload": {"url": url, "token": token},
            "filename": upload.filename,
            "size": len(upload.content or b""),
        }

    # --- checks ---------------------------------------------------------------------------

    def _recipient(self, query: dict[str, Any]) -> MaxUser:
        user_id = query.get("user_id")
        chat_id = query.get("chat_id")
        user = next(
            (
                user
                for user in self.users.values()
                if user.id == user_id or (user_id is None and user.chat_id == chat_id)
            ),
            None,
        )
        if user is None:
            raise MaxApiError(404, "chat.not.found", f"Chat {chat_id or user_id} not found")
        return _reachable(user)

    def _bots_message(self, mid: str) -> StoredMaxMessage:
        message = self.messages.get(mid)
        if message is None:
            raise MaxApiError(404, "not.found", f"Message {mid} not found")
        if not message.from_bot:
            raise MaxApiError(403, "access.denied", "Only the bot's own messages")
        return message

    def _owner(self, message: StoredMaxMessage) -> MaxUser:
        """The user of the message's dialog, who must not have stopped the bot."""
        return _reachable(
            next(user for user in self.users.values() if user.chat_id == message.chat_id)
        )

    def _attachments(self, body: dict[str, Any], *, sending: bool) -> list[dict[str, Any]]:
        """The message's attachments as MAX keeps them, after MAX's own checks (a message
        sent has text or attachments; an edit may take them all away)."""
        self._check_text(body.get("text"), body.get("format"))
        attachments: list[dict[str, Any]] = list(body.get("attachments") or [])
        kinds = [attachment["type"] for attachment in attachments]
        if "inline_keyboard" in kinds and {"file", "image"} & set(kinds):
            raise bad_payload("A file and a keyboard cannot be in one message")
        kept: list[dict[str, Any]] = []
        for attachment in attachments:
            if attachment["type"] == "inline_keyboard":
                _check_keyboard(attachment["payload"]["buttons"])
                kept.append(attachment)
            elif attachment["type"] in {"file", "image"}:
                token = attachment["payload"].get("token")
                if token is None or self.upload(token) is None:
                    raise MaxApiError(400, "attachment.not.ready", "Key: errors.process.attachment")
                if self._uploads[token].kind != attachment["type"]:
                    raise bad_payload(f"{token} is not an uploaded {attachment['type']}")
                kept.append(self.received(token))
            else:
                raise bad_payload(f"The fake MAX API keeps no {attachment['type']} attachment")
        if sending and not attachments and not body.get("text"):
            raise bad_payload("Message must contain text or attachments")
        return kept

    def _check_text(self, text: str | None, text_format: str | None) -> None:
        """MAX's HTML, held as strictly as Telegram's: where MAX drops a tag it does not know,
        the fake refuses it, so that the bot never relies on one."""
        if text is None or text_format != "html":
            return
        found = _NOT_MAX_HTML.search(text)
        if found:
            raise bad_payload(f"Unsupported tag {found.group(1)!r}")
        try:
            parse_html(text)
        except TelegramApiError as error:
            raise bad_payload(f"Invalid html: {error.description}") from error

    def _seen(self, kind: str, message: StoredMaxMessage) -> MaxBotMessage:
        html = message.text if message.format == "html" else None
        shown = parse_html(html).text if html is not None else message.text or ""
        return MaxBotMessage(kind, message.mid, shown, html, list(message.attachments))


def _reachable(user: MaxUser) -> MaxUser:
    """The user, unless they stopped the bot: then MAX answers 403 to the bot."""
    if user.stopped:
        raise MaxApiError(
            403, "chat.denied", f"Key: error.dialog.suspended, args: [{user.chat_id},]."
        )
    return user


def _check_keyboard(rows: list[list[dict[str, Any]]]) -> None:
    """MAX's limits on a keyboard that its schema does not say (a payload's length it does)."""
    if len(rows) > MAX_ROWS:
        raise bad_payload(f"A keyboard has at most {MAX_ROWS} rows")
    if sum(len(row) for row in rows) > MAX_BUTTONS:
        raise bad_payload(f"A keyboard has at most {MAX_BUTTONS} buttons")
    for row in rows:
        if len(row) > MAX_ROW_BUTTONS:
            raise bad_payload(f"A row has at most {MAX_ROW_BUTTONS} buttons")
        if sum(button["type"] in LINK_LIKE for button in row) > MAX_ROW_LINKS:
            raise bad_payload(f"A row has at most {MAX_ROW_LINKS} link buttons")


async def _json_body(request: web.Request) -> Any | None:
    if not request.can_read_body:
        return None
    raw = await request.read()
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError as error:
        raise bad_payload("Body is not JSON") from error
