"""A local Telegram Bot API server, strict like Telegram, that the real `aiogram.Bot` talks to
over HTTP (`TELEGRAM_API_URL`). Tests, the sandbox and benchmarks drive it through `FakeUser`s
who send messages and press buttons, and read what the bot sent them.

Strict where Telegram is: every call is checked against the official spec; HTML must parse;
text must be 1–4096 characters; callback_data 1–64 bytes; an edit must change something; a
callback query is answered once and in time; a user who blocked the bot gets 403; a chat the
bot never saw is not found; optional rate limits answer 429 with retry_after.

For a page that shows the chats (the sandbox): `start(setup=…)` adds routes to the same app,
each chat has a version that any change bumps (`wait_for_change` long-polls on it), and the
calls Telegram would reject and the callback answers are kept per chat."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import ClientError, ClientSession, ClientTimeout, web

from fakes.telegram.errors import (
    BLOCKED,
    CHAT_NOT_FOUND,
    NOT_FOUND,
    NOT_MODIFIED,
    QUERY_TOO_OLD,
    UNAUTHORIZED,
    ApiError,
    bad_request,
)
from fakes.telegram.html import ParsedText, parse_html, utf16_length
from fakes.telegram.spec import BotApiSpec, Upload, load_spec

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64
ALERT_LIMIT = 200
SENDING_METHODS = {"sendMessage", "sendDocument", "sendPhoto"}
# Telegram waits about a minute for a webhook to answer, then offers the update again.
WEBHOOK_TIMEOUT_SECONDS = 60
# Calls whose rejection is recorded in the chat they were meant for.
CHAT_METHODS = SENDING_METHODS | {
    "editMessageText",
    "editMessageReplyMarkup",
    "deleteMessage",
    "sendChatAction",
}
BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)


@dataclass
class StoredMessage:
    """A message in a chat, as it is now (edits change it in place)."""

    message_id: int
    chat_id: int
    date: int
    from_bot: bool
    text: str | None = None
    html: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    reply_markup: dict[str, Any] | None = None
    document: dict[str, Any] | None = None
    photo: list[dict[str, Any]] | None = None
    caption: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    edit_date: int | None = None


@dataclass(frozen=True)
class BotMessage:
    """What a user saw arrive: a new message (`kind="send"`) or an edit of one (`"edit"`)."""

    kind: str
    message_id: int
    text: str
    html: str | None
    entities: list[dict[str, Any]]
    reply_markup: dict[str, Any] | None
    document: dict[str, Any] | None = None
    photo: list[dict[str, Any]] | None = None

    def buttons(self) -> list[str]:
        if not self.reply_markup:
            return []
        rows = self.reply_markup.get("inline_keyboard") or self.reply_markup.get("keyboard") or []
        return [button["text"] for row in rows for button in row]


@dataclass
class _CallbackQuery:
    user_id: int
    created: float
    answered: bool = False


def _caption(caption: str | None) -> dict[str, Any]:
    return {"caption": caption} if caption is not None else {}


class FakeUser:
    """A Telegram user in a private chat with the bot (chat id == user id)."""

    def __init__(
        self,
        server: FakeTelegramServer,
        user_id: int,
        first_name: str,
        last_name: str | None,
        username: str | None,
    ) -> None:
        self.server = server
        self.id = user_id
        self.first_name = first_name
        self.last_name = last_name
        self.username = username
        self.blocked = False
        self.inbox: asyncio.Queue[BotMessage] = asyncio.Queue()
        self.events: list[BotMessage] = []
        self.reply_keyboard: dict[str, Any] | None = None
        self._answers: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._last_query: str | None = None

    def as_user(self) -> dict[str, Any]:
        user: dict[str, Any] = {
            "id": self.id,
            "is_bot": False,
            "first_name": self.first_name,
            "language_code": "ru",
        }
        if self.last_name:
            user["last_name"] = self.last_name
        if self.username:
            user["username"] = self.username
        return user

    def as_chat(self) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.username:
            chat["username"] = self.username
        return chat

    # --- what the user does ------------------------------------------------------------------

    async def send(self, text: str) -> dict[str, Any]:
        """Send a text message (a command, an answer, or a reply-keyboard button's text)."""
        extra: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split()[0]
            extra["entities"] = [
                {"type": "bot_command", "offset": 0, "length": utf16_length(command)}
            ]
        return self.server.user_message(self, extra)

    async def send_in_group(self, group_id: int, text: str) -> dict[str, Any]:
        """The user writes in a group where the bot is a member (not the private chat)."""
        return self.server.group_message(self, group_id, text)

    async def send_sticker(self) -> dict[str, Any]:
        sticker = {
            "file_id": f"sticker-{self.id}",
            "file_unique_id": f"stk{self.id}",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": "👍",
        }
        return self.server.user_message(self, {"sticker": sticker})

    async def send_document(
        self,
        content: bytes,
        filename: str,
        mime_type: str = "application/octet-stream",
        caption: str | None = None,
    ) -> dict[str, Any]:
        document = self.server.store_file(content, filename, mime_type)
        return self.server.user_message(self, {"document": document, **_caption(caption)})

    async def send_photo(self, content: bytes, caption: str | None = None) -> dict[str, Any]:
        photo = self.server.store_file(content, "photo.jpg", "image/jpeg")
        size = {key: photo[key] for key in ("file_id", "file_unique_id", "file_size")}
        sizes = [{**size, "width": 800, "height": 600}]
        return self.server.user_message(self, {"photo": sizes, **_caption(caption)})

    async def press_line(self, message: BotMessage, number: int) -> None:
        """Press the button of a list's line `number` («3. Разбор урока»)."""
        markup = self.server.message(self.id, message.message_id).reply_markup or {}
        for row in markup.get("inline_keyboard", []):
            for button in row:
                if button["text"].startswith(f"{number}. "):
                    await self.press(message, button["text"])
                    return
        raise AssertionError(f"no button of line {number} in message {message.message_id}")

    async def press(self, message: BotMessage | int, button_text: str) -> str:
        """Press the inline button with this text in the message as it is now."""
        message_id = message if isinstance(message, int) else message.message_id
        stored = self.server.message(self.id, message_id)
        markup = stored.reply_markup or {}
        for row in markup.get("inline_keyboard", []):
            for button in row:
                if button["text"] == button_text and "callback_data" in button:
                    return await self.press_data(message_id, button["callback_data"])
        shown = [button["text"] for row in markup.get("inline_keyboard", []) for button in row]
        raise AssertionError(f"no button {button_text!r} in message {message_id}: {shown}")

    async def press_data(self, message_id: int, data: str) -> str:
        """Send a callback query with any data at all (to test forged buttons)."""
        query_id = self.server.callback_query(self, message_id, data)
        self._answers[query_id] = asyncio.get_running_loop().create_future()
        self._last_query = query_id
        return query_id

    def block(self) -> None:
        """Block the bot: Telegram then tells the bot with a `my_chat_member` update."""
        self.blocked = True
        self.server.membership_changed(self, "kicked")

    def unblock(self) -> None:
        self.blocked = False
        self.server.membership_changed(self, "member")

    # --- what the user sees -------------------------------------------------------------------

    async def next_message(self, timeout: float = 30.0) -> BotMessage:
        try:
            return await asyncio.wait_for(self.inbox.get(), timeout)
        except TimeoutError:
            raise AssertionError(
                f"user {self.id} got no message in {timeout} s; calls: "
                f"{[method for method, _ in self.server.calls[-8:]]}"
            ) from None

    async def expect_no_message(self, within: float = 0.5) -> None:
        try:
            message = await asyncio.wait_for(self.inbox.get(), within)
        except TimeoutError:
            return
        raise AssertionError(f"unexpected message to user {self.id}: {message.text!r}")

    async def callback_answer(self, timeout: float = 30.0) -> dict[str, Any]:
        """The bot's answerCallbackQuery for the latest press: {"text", "show_alert"}."""
        assert self._last_query is not None, "nothing was pressed"
        return await asyncio.wait_for(asyncio.shield(self._answers[self._last_query]), timeout)

    @property
    def messages(self) -> list[StoredMessage]:
        return self.server.chat_messages(self.id)

    def _deliver(self, message: BotMessage) -> None:
        self.events.append(message)
        self.inbox.put_nowait(message)

    def _answered(self, query_id: str, answer: dict[str, Any]) -> None:
        future = self._answers.get(query_id)
        if future is not None and not future.done():
            future.set_result(answer)


class FakeTelegramServer:
    """The server: `await start()`, point the bot at `url`, add users, `await stop()`."""

    def __init__(
        self,
        token: str,
        bot_username: str = "fake_bot",
        *,
        bot_first_name: str = "Наставник",
        spec: BotApiSpec | None = None,
    ) -> None:
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.spec = spec or load_spec()
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.callback_answer_timeout = 15.0
        self.users: dict[int, FakeUser] = {}
        self.rejected_429 = 0
        self._runner: web.AppRunner | None = None
        self._port = 0
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._updates_changed = asyncio.Event()
        self._poller = 0
        self._allowed_updates: list[str] | None = None
        self._chats: dict[int, dict[int, StoredMessage]] = defaultdict(dict)
        self._message_ids: dict[int, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self._queries: dict[str, _CallbackQuery] = {}
        self._query_ids = itertools.count(1)
        self._files: dict[str, tuple[bytes, str, str]] = {}
        self._file_ids = itertools.count(1)
        self._failures: dict[str, deque[ApiError]] = defaultdict(deque)
        self._holds: dict[str, asyncio.Event] = {}
        self.held: dict[str, int] = defaultdict(int)
        self._commands: dict[str, list[dict[str, Any]]] = {}
        self._webhook: dict[str, Any] = {}
        self._webhook_task: asyncio.Task[None] | None = None
        self._global_limit: float | None = None
        self._chat_limit: float | None = None
        self._sent_times: deque[float] = deque()
        self._chat_sent: dict[int, float] = {}
        self._versions: dict[int, int] = defaultdict(int)
        self._version_waiters: dict[int, asyncio.Event] = {}
        self._stopping = False
        self._rejected: dict[int, list[dict[str, Any]]] = defaultdict(list)
        self._callback_answers: dict[int, list[dict[str, Any]]] = defaultdict(list)

    # --- lifecycle ----------------------------------------------------------------------------

    async def start(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        setup: Callable[[web.Application], None] | None = None,
    ) -> None:
        """Serve the Bot API; `setup` may add routes of its own to the same app first."""
        self._stopping = False
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_call)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        if setup is not None:
            setup(app)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        self._host, self._port = host, self._runner.addresses[0][1]

    async def stop(self) -> None:
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task
        self._poller += 1
        self._updates_changed.set()
        self._stopping = True
        for waiter in self._version_waiters.values():
            waiter.set()  # long polls of the chats end now rather than hold the shutdown
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def url(self) -> str:
        return f"http://{self._host}:{self._port}"

    # --- test controls ------------------------------------------------------------------------

    def add_user(
        self,
        user_id: int,
        first_name: str,
        last_name: str | None = None,
        username: str | None = None,
    ) -> FakeUser:
        user = FakeUser(self, user_id, first_name, last_name, username)
        self.users[user_id] = user
        return user

    def open_chat(self, user: FakeUser) -> None:
        """The user pressed «Start» long ago: the chat exists, and no update is pending."""
        message = StoredMessage(
            message_id=next(self._message_ids[user.id]),
            chat_id=user.id,
            date=int(time.time()),
            from_bot=False,
            text="/start",
            extra={},
        )
        self._chats[user.id][message.message_id] = message
        self._touch(user.id)

    def fail_next(
        self,
        method: str,
        error_code: int = 400,
        description: str = "Bad Request",
        retry_after: int | None = None,
    ) -> None:
        """Answer the next call of `method` with this error instead of doing it."""
        self._failures[method].append(ApiError(error_code, description, retry_after))

    def hold(self, method: str) -> None:
        """Keep every call of `method` waiting, unanswered and not done, until `release`
        (`held[method]` counts the calls waiting): a bot killed meanwhile has sent nothing."""
        self._holds[method] = asyncio.Event()

    def release(self, method: str) -> None:
        self._holds.pop(method).set()

    def rate_limit(
        self, global_per_second: float | None = 30, per_chat_per_second: float | None = 1
    ) -> None:
        """Enforce Telegram's sending limits, answering 429 with retry_after when exceeded."""
        self._global_limit = global_per_second
        self._chat_limit = per_chat_per_second

    def commands_for(self, chat_id: int, user_id: int | None = None) -> list[dict[str, Any]]:
        """The command list this private chat shows, resolving scopes like Telegram."""
        for key in (f"chat:{chat_id}", "all_private_chats", "default"):
            if key in self._commands:
                return [dict(item) for item in self._commands[key]]
        return []

    def message(self, chat_id: int, message_id: int) -> StoredMessage:
        return self._chats[chat_id][message_id]

    def chat_messages(self, chat_id: int) -> list[StoredMessage]:
        return list(self._chats[chat_id].values())

    def stored_file(self, file_id: str) -> tuple[bytes, str, str] | None:
        """A file sent or uploaded: its content, file name and MIME type."""
        return self._files.get(file_id)

    # --- watching a chat (for a page that shows it) ---------------------------------------------

    def chat_version(self, chat_id: int) -> int:
        """Grows with every change of the chat: a message stored, edited or deleted, the reply
        keyboard replaced, a callback answered, a call rejected."""
        return self._versions[chat_id]

    async def wait_for_change(self, chat_id: int, after: int, timeout: float) -> int:
        """The chat's version once it is newer than `after`, or the same after `timeout`."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self._versions[chat_id] <= after and not self._stopping:
            remaining = deadline - loop.time()
            if remaining <= 0:
                break
            waiter = self._version_waiters.setdefault(chat_id, asyncio.Event())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(waiter.wait(), remaining)
        return self._versions[chat_id]

    def rejected_calls(self, chat_id: int) -> list[dict[str, Any]]:
        """Calls for this chat answered with an error: {time, method, error_code, description,
        after_message_id} — what Telegram would have refused to show."""
        return [dict(item) for item in self._rejected[chat_id]]

    def callback_answers(self, chat_id: int) -> list[dict[str, Any]]:
        """The bot's answers to this user's button presses: {time, query_id, text, show_alert}."""
        return [dict(item) for item in self._callback_answers[chat_id]]

    def _touch(self, chat_id: int) -> None:
        self._versions[chat_id] += 1
        waiter = self._version_waiters.pop(chat_id, None)
        if waiter is not None:
            waiter.set()

    def _record_rejection(self, method: str, raw: dict[str, Any], error: ApiError) -> None:
        chat_id: int | None = None
        if method in CHAT_METHODS:
            with contextlib.suppress(ValueError):
                chat_id = int(str(raw.get("chat_id")))
        elif method == "answerCallbackQuery":
            query = self._queries.get(str(raw.get("callback_query_id")))
            chat_id = query.user_id if query is not None else None
        if chat_id is None or chat_id not in self.users:
            return
        messages = self._chats.get(chat_id) or {}
        self._rejected[chat_id].append(
            {
                "time": time.time(),
                "method": method,
                "error_code": error.status,
                "description": error.description,
                "after_message_id": max(messages, default=0),
            }
        )
        self._touch(chat_id)

    def store_file(self, content: bytes, filename: str, mime_type: str) -> dict[str, Any]:
        number = next(self._file_ids)
        file_id = f"file-{number}"
        self._files[file_id] = (content, filename, mime_type)
        return {
            "file_id": file_id,
            "file_unique_id": f"u{number}",
            "file_name": filename,
            "mime_type": mime_type,
            "file_size": len(content),
        }

    # --- updates from users -------------------------------------------------------------------

    def _push(self, kind: str, payload: dict[str, Any]) -> None:
        if self._allowed_updates and kind not in self._allowed_updates:
            return
        self._updates.append({"update_id": next(self._update_ids), kind: payload})
        self._updates_changed.set()

    def membership_changed(self, user: FakeUser, status: str) -> None:
        if not self._chats.get(user.id):
            return  # no chat with the bot yet: nothing to report

        def member(state: str) -> dict[str, Any]:
            entry: dict[str, Any] = {"status": state, "user": self._bot_user()}
            if state == "kicked":
                entry["until_date"] = 0
            return entry

        self._push(
            "my_chat_member",
            {
                "chat": user.as_chat(),
                "from": user.as_user(),
                "date": int(time.time()),
                "old_chat_member": member("member" if status == "kicked" else "kicked"),
                "new_chat_member": member(status),
            },
        )

    def user_message(self, user: FakeUser, content: dict[str, Any]) -> dict[str, Any]:
        if user.blocked:
            user.unblock()  # writing to the bot again unblocks it, as in Telegram
        message = StoredMessage(
            message_id=next(self._message_ids[user.id]),
            chat_id=user.id,
            date=int(time.time()),
            from_bot=False,
            text=content.get("text"),
            extra={k: v for k, v in content.items() if k != "text"},
        )
        self._chats[user.id][message.message_id] = message
        self._touch(user.id)
        payload = {
            "message_id": message.message_id,
            "date": message.date,
            "chat": user.as_chat(),
            "from": user.as_user(),
            **content,
        }
        self._push("message", payload)
        return payload

    def group_message(self, user: FakeUser, group_id: int, text: str) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "message_id": next(self._message_ids[group_id]),
            "date": int(time.time()),
            "chat": {"id": group_id, "type": "supergroup", "title": "Учительская"},
            "from": user.as_user(),
            "text": text,
        }
        if text.startswith("/"):
            command = text.split()[0]
            payload["entities"] = [
                {"type": "bot_command", "offset": 0, "length": utf16_length(command)}
            ]
        self._push("message", payload)
        return payload

    def callback_query(self, user: FakeUser, message_id: int, data: str) -> str:
        stored = self._chats[user.id].get(message_id)
        if stored is None:
            raise AssertionError(f"no message {message_id} in chat {user.id}")
        query_id = f"{user.id}{next(self._query_ids):08d}"
        self._queries[query_id] = _CallbackQuery(user_id=user.id, created=time.monotonic())
        self._push(
            "callback_query",
            {
                "id": query_id,
                "from": user.as_user(),
                "chat_instance": f"ci{user.id}",
                "message": self._message_json(stored),
                "data": data,
            },
        )
        return query_id

    # --- HTTP ---------------------------------------------------------------------------------

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.json_response(UNAUTHORIZED.payload(), status=401)
        file_id = request.match_info["path"].split("/")[-1]
        if file_id not in self._files:
            return web.json_response(NOT_FOUND.payload(), status=404)
        content, _name, mime_type = self._files[file_id]
        return web.Response(body=content, content_type=mime_type)

    async def _handle_call(self, request: web.Request) -> web.Response:
        try:
            if request.match_info["token"] != self.token:
                raise UNAUTHORIZED
            method = self.spec.method_name(request.match_info["method"])
            if method is None:
                raise NOT_FOUND
            raw, uploads = await _read_parameters(request)
            hold = self._holds.get(method)
            if hold is not None:
                self.held[method] += 1
                try:
                    await hold.wait()
                finally:
                    self.held[method] -= 1
                if request.transport is None or request.transport.is_closing():
                    return web.Response(status=499)  # the caller is gone: nothing was done
            self.calls.append((method, {**raw}))
            try:
                params = self.spec.check_call(method, raw, uploads)
                if self._failures[method]:
                    raise self._failures[method].popleft()
                result = await self._dispatch(method, params)
            except ApiError as error:
                self._record_rejection(method, raw, error)
                raise
        except ApiError as error:
            return web.json_response(error.payload(), status=error.status)
        return web.json_response({"ok": True, "result": result})

    async def _dispatch(self, method: str, params: dict[str, Any]) -> Any:
        handler: Callable[[dict[str, Any]], Any] | None = getattr(self, f"_api_{method}", None)
        if handler is None:
            raise bad_request(f"method {method} is not implemented in the fake Bot API")
        result = handler(params)
        if asyncio.iscoroutine(result):
            result = await result
        return result

    # --- methods ------------------------------------------------------------------------------

    def _bot_user(self) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    def _api_getMe(self, _params: dict[str, Any]) -> dict[str, Any]:
        return {
            **self._bot_user(),
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def _api_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self._webhook.get("url"):
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        self._poller += 1
        me = self._poller
        self._updates_changed.set()  # wake an older poll so it ends with a conflict
        if "allowed_updates" in params:
            self._allowed_updates = params["allowed_updates"] or None
        offset = params.get("offset")
        limit = max(1, min(100, params.get("limit", 100)))
        deadline = time.monotonic() + params.get("timeout", 0)
        while True:
            if offset is not None:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            if self._poller != me:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only "
                    "one bot instance is running",
                )
            if self._updates:
                return self._updates[:limit]
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return []
            self._updates_changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._updates_changed.wait(), remaining)

    def _api_setWebhook(self, params: dict[str, Any]) -> bool:
        if not str(params["url"]).startswith(("http://", "https://")) and params["url"]:
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        if params.get("drop_pending_updates"):
            self._updates.clear()
        self._webhook = params
        if params.get("allowed_updates") is not None:
            self._allowed_updates = params["allowed_updates"] or None
        if params["url"] and self._webhook_task is None:
            self._webhook_task = asyncio.create_task(self._deliver_webhook())
        return True

    def _api_deleteWebhook(self, params: dict[str, Any]) -> bool:
        if params.get("drop_pending_updates"):
            self._updates.clear()
        self._webhook = {}
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            self._webhook_task = None
        return True

    def _api_getWebhookInfo(self, _params: dict[str, Any]) -> dict[str, Any]:
        return {
            "url": self._webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    async def _deliver_webhook(self) -> None:
        """POST pending updates to the webhook like Telegram: up to `max_connections` (default
        40) at once, one at a time per chat so a chat's updates arrive in order; an update is
        dropped once answered 2xx and offered again later otherwise."""
        connections = asyncio.Semaphore(self._webhook.get("max_connections") or 40)
        in_flight: set[int] = set()
        busy_chats: set[int] = set()
        posts: set[asyncio.Task[None]] = set()

        async def post(http: ClientSession, update: dict[str, Any], chat: int) -> None:
            headers = {}
            if self._webhook.get("secret_token"):
                headers["X-Telegram-Bot-Api-Secret-Token"] = self._webhook["secret_token"]
            try:
                try:
                    async with http.post(self._webhook["url"], json=update, headers=headers) as r:
                        delivered = 200 <= r.status < 300
                except (OSError, ClientError, TimeoutError):
                    delivered = False
                if delivered:
                    with contextlib.suppress(ValueError):  # dropped meanwhile by setWebhook
                        self._updates.remove(update)
                else:
                    await asyncio.sleep(0.2)
            finally:
                in_flight.discard(update["update_id"])
                busy_chats.discard(chat)
                connections.release()
                self._updates_changed.set()

        def next_ready() -> tuple[dict[str, Any], int] | None:
            seen: set[int] = set()
            for update in self._updates:
                chat = _update_chat(update)
                if chat in seen:
                    continue  # an earlier update of this chat goes first
                seen.add(chat)
                if update["update_id"] not in in_flight and chat not in busy_chats:
                    return update, chat
            return None

        async with ClientSession(timeout=ClientTimeout(total=WEBHOOK_TIMEOUT_SECONDS)) as http:
            try:
                while True:
                    ready = next_ready()
                    if ready is None:
                        self._updates_changed.clear()
                        await self._updates_changed.wait()
                        continue
                    await connections.acquire()
                    update, chat = ready
                    in_flight.add(update["update_id"])
                    busy_chats.add(chat)
                    task = asyncio.create_task(post(http, update, chat))
                    posts.add(task)
                    task.add_done_callback(posts.discard)
            finally:
                for task in list(posts):
                    task.cancel()
                await asyncio.gather(*posts, return_exceptions=True)

    def _api_setMyCommands(self, params: dict[str, Any]) -> bool:
        commands = params["commands"]
        if len(commands) > 100:
            raise bad_request("too many commands")
        for command in commands:
            name, description = command["command"], command["description"]
            if not (1 <= len(name) <= 32) or not all(
                c.islower() or c.isdigit() or c == "_" for c in name
            ):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self._commands[_scope_key(params.get("scope"))] = commands
        return True

    def _api_getMyCommands(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        return self._commands.get(_scope_key(params.get("scope")), [])

    def _api_deleteMyCommands(self, params: dict[str, Any]) -> bool:
        self._commands.pop(_scope_key(params.get("scope")), None)
        return True

    def _accept(self, _params: dict[str, Any]) -> bool:
        return True

    _api_setMyDescription = _accept
    _api_setMyShortDescription = _accept
    _api_setChatMenuButton = _accept
    _api_close = _accept
    _api_logOut = _accept

    def _api_sendChatAction(self, params: dict[str, Any]) -> bool:
        self._recipient(params["chat_id"])
        return True

    def _api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        user = self._recipient(params["chat_id"])
        parsed = _parse_text(
            params, "text", MESSAGE_LIMIT, "message is too long", "message text is empty"
        )
        markup = _check_markup(params.get("reply_markup"))
        self._check_rate(user.id)
        stored = self._store(user, text=parsed.text, html=params["text"], entities=parsed.entities)
        self._apply_markup(user, stored, markup)
        self._deliver(user, stored, "send")
        return self._message_json(stored)

    def _api_sendDocument(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._send_file(params, "document")

    def _api_sendPhoto(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._send_file(params, "photo")

    def _send_file(self, params: dict[str, Any], kind: str) -> dict[str, Any]:
        user = self._recipient(params["chat_id"])
        caption = None
        entities: list[dict[str, Any]] = []
        if "caption" in params:
            parsed = _parse_text(
                params, "caption", CAPTION_LIMIT, "message caption is too long", None
            )
            caption, entities = parsed.text, parsed.entities
        markup = _check_markup(params.get("reply_markup"))
        value = params[kind]
        if isinstance(value, Upload):
            if not value.content:
                raise bad_request("file must be non-empty")
            info = self.store_file(value.content, value.filename, value.content_type)
        elif value in self._files:
            content, filename, mime_type = self._files[value]
            info = {
                "file_id": value,
                "file_unique_id": f"u{value}",
                "file_name": filename,
                "mime_type": mime_type,
                "file_size": len(content),
            }
        else:
            raise bad_request("wrong file identifier/HTTP URL specified")
        self._check_rate(user.id)
        content = self._files[info["file_id"]][0]
        stored = self._store(user, html=params.get("caption"), entities=entities)
        stored.caption = caption
        if kind == "document":
            stored.document = {**info, "content": content}
        else:
            size = {key: info[key] for key in ("file_id", "file_unique_id", "file_size")}
            stored.photo = [{**size, "width": 800, "height": 600, "content": content}]
        self._apply_markup(user, stored, markup)
        self._deliver(user, stored, "send")
        return self._message_json(stored)

    def _api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        user, stored = self._editable(params)
        parsed = _parse_text(
            params, "text", MESSAGE_LIMIT, "message is too long", "message text is empty"
        )
        markup = _check_markup(params.get("reply_markup"))
        if stored.text is None:
            raise bad_request("there is no text in the message to edit")
        if (parsed.text, parsed.entities, markup) == (
            stored.text,
            stored.entities,
            stored.reply_markup,
        ):
            raise NOT_MODIFIED
        stored.text, stored.html, stored.entities = parsed.text, params["text"], parsed.entities
        stored.reply_markup = markup
        stored.edit_date = int(time.time())
        self._deliver(user, stored, "edit")
        return self._message_json(stored)

    def _api_editMessageReplyMarkup(self, params: dict[str, Any]) -> dict[str, Any]:
        user, stored = self._editable(params)
        markup = _check_markup(params.get("reply_markup"))
        if markup == stored.reply_markup:
            raise NOT_MODIFIED
        stored.reply_markup = markup
        self._deliver(user, stored, "edit")
        return self._message_json(stored)

    def _api_deleteMessage(self, params: dict[str, Any]) -> bool:
        user = self._recipient(params["chat_id"])
        if self._chats[user.id].pop(params["message_id"], None) is None:
            raise bad_request("message to delete not found")
        self._touch(user.id)
        return True

    def _api_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        query = self._queries.get(params["callback_query_id"])
        if (
            query is None
            or query.answered
            or time.monotonic() - query.created > self.callback_answer_timeout
        ):
            raise QUERY_TOO_OLD
        text = params.get("text")
        if text is not None and len(text) > ALERT_LIMIT:
            raise bad_request("MESSAGE_TOO_LONG")
        query.answered = True
        answer = {"text": text, "show_alert": bool(params.get("show_alert", False))}
        self.users[query.user_id]._answered(params["callback_query_id"], answer)
        self._callback_answers[query.user_id].append(
            {"time": time.time(), "query_id": params["callback_query_id"], **answer}
        )
        self._touch(query.user_id)
        return True

    def _api_getFile(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = params["file_id"]
        if file_id not in self._files:
            raise bad_request("invalid file_id")
        content, _name, _mime = self._files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_size": len(content),
            "file_path": f"documents/{file_id}",
        }

    # --- helpers ------------------------------------------------------------------------------

    def _recipient(self, chat_id: Any) -> FakeUser:
        user = self.users.get(chat_id) if isinstance(chat_id, int) else None
        if user is None or not self._chats.get(chat_id):
            raise CHAT_NOT_FOUND  # Telegram knows only chats whose user wrote to the bot
        if user.blocked:
            raise BLOCKED
        return user

    def _editable(self, params: dict[str, Any]) -> tuple[FakeUser, StoredMessage]:
        if "inline_message_id" in params:
            raise bad_request("inline messages are not supported by the fake Bot API")
        if "chat_id" not in params or "message_id" not in params:
            raise bad_request("message identifier is not specified")
        user = self._recipient(params["chat_id"])
        stored = self._chats[user.id].get(params["message_id"])
        if stored is None:
            raise bad_request("message to edit not found")
        if not stored.from_bot:
            raise bad_request("message can't be edited")
        return user, stored

    def _check_rate(self, chat_id: int) -> None:
        now = time.monotonic()
        if self._chat_limit:
            last = self._chat_sent.get(chat_id)
            if last is not None and now - last < 1 / self._chat_limit:
                self.rejected_429 += 1
                raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
        if self._global_limit:
            while self._sent_times and now - self._sent_times[0] >= 1:
                self._sent_times.popleft()
            if len(self._sent_times) >= self._global_limit:
                self.rejected_429 += 1
                raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
            self._sent_times.append(now)
        self._chat_sent[chat_id] = now

    def _store(self, user: FakeUser, **fields: Any) -> StoredMessage:
        stored = StoredMessage(
            message_id=next(self._message_ids[user.id]),
            chat_id=user.id,
            date=int(time.time()),
            from_bot=True,
            **fields,
        )
        self._chats[user.id][stored.message_id] = stored
        return stored

    def _apply_markup(
        self, user: FakeUser, stored: StoredMessage, markup: dict[str, Any] | None
    ) -> None:
        if markup is None:
            return
        if "inline_keyboard" in markup:
            stored.reply_markup = markup
        elif "keyboard" in markup:
            user.reply_keyboard = markup
        elif markup.get("remove_keyboard"):
            user.reply_keyboard = None

    def _deliver(self, user: FakeUser, stored: StoredMessage, kind: str) -> None:
        self._touch(user.id)
        user._deliver(
            BotMessage(
                kind=kind,
                message_id=stored.message_id,
                text=stored.text if stored.text is not None else stored.caption or "",
                html=stored.html,
                entities=list(stored.entities),
                reply_markup=stored.reply_markup,
                document=stored.document,
                photo=stored.photo,
            )
        )

    def _message_json(self, stored: StoredMessage) -> dict[str, Any]:
        user = self.users[stored.chat_id]
        message: dict[str, Any] = {
            "message_id": stored.message_id,
            "date": stored.date,
            "chat": user.as_chat(),
            "from": self._bot_user() if stored.from_bot else user.as_user(),
        }
        if stored.text is not None:
            message["text"] = stored.text
        if stored.entities:
            message["entities" if stored.text is not None else "caption_entities"] = stored.entities
        if stored.caption is not None:
            message["caption"] = stored.caption
        if stored.reply_markup is not None:
            message["reply_markup"] = stored.reply_markup
        if stored.document is not None:
            message["document"] = {k: v for k, v in stored.document.items() if k != "content"}
        if stored.photo is not None:
            message["photo"] = [
                {k: v for k, v in p.items() if k != "content"} for p in stored.photo
            ]
        message.update(stored.extra)
        return message


def _update_chat(update: dict[str, Any]) -> int:
    """The chat an update belongs to (the sender's private chat for a callback query)."""
    for kind, payload in update.items():
        if kind == "update_id":
            continue
        if "chat" in payload:
            return int(payload["chat"]["id"])
        return int(payload["from"]["id"])
    raise AssertionError(f"empty update {update}")


def _scope_key(scope: dict[str, Any] | None) -> str:
    if not scope or scope.get("type") == "default":
        return "default"
    if scope["type"] == "chat":
        return f"chat:{scope['chat_id']}"
    return str(scope["type"])


def _parse_text(
    params: dict[str, Any], key: str, limit: int, too_long: str, empty: str | None
) -> ParsedText:
    source = params[key]
    mode = (params.get("parse_mode") or "").lower()
    if mode == "html":
        parsed = parse_html(source)
    elif mode:
        raise bad_request(f"unsupported parse_mode {params['parse_mode']!r} in the fake Bot API")
    else:
        parsed = ParsedText(
            text=source,
            entities=params.get(f"{key}_entities" if key == "caption" else "entities", []),
        )
    if empty is not None and not parsed.text.strip():
        raise bad_request(empty)
    if utf16_length(parsed.text) > limit:
        raise bad_request(too_long)
    return parsed


def _check_markup(markup: dict[str, Any] | None) -> dict[str, Any] | None:
    if markup is None:
        return None
    if "inline_keyboard" in markup:
        for row in markup["inline_keyboard"]:
            for button in row:
                if not button.get("text"):
                    raise bad_request("text buttons are unallowed in the inline keyboard")
                actions = [name for name in BUTTON_ACTIONS if name in button]
                if len(actions) != 1:
                    raise bad_request(
                        "can't parse inline keyboard button: exactly one action expected"
                    )
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode()) <= CALLBACK_DATA_LIMIT:
                    raise bad_request("BUTTON_DATA_INVALID")
                url = button.get("url")
                if url is not None and not url.startswith(("http://", "https://", "tg://")):
                    raise bad_request(f"inline keyboard button URL '{url}' is invalid")
    if "keyboard" in markup:
        for row in markup["keyboard"]:
            for button in row:
                if not button.get("text"):
                    raise bad_request("keyboard button text must be non-empty")
    return markup


async def _read_parameters(request: web.Request) -> tuple[dict[str, Any], dict[str, Upload]]:
    raw: dict[str, Any] = dict(request.query)
    uploads: dict[str, Upload] = {}
    if request.method == "POST" and request.can_read_body:
        if request.content_type == "application/json":
            body = await request.json()
            if not isinstance(body, dict):
                raise bad_request("request body must be a JSON object")
            raw.update(body)
        else:
            form = await request.post()
            for name, value in form.items():
                if isinstance(value, web.FileField):
                    upload = Upload(
                        filename=value.filename,
                        content=value.file.read(),
                        content_type=value.content_type,
                    )
                    uploads[name] = upload
                    raw.setdefault(name, upload)
                else:
                    raw[name] = value
    return raw, uploads
