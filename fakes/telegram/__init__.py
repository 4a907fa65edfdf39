"""A strict local Telegram Bot API server for end-to-end tests, the sandbox and benchmarks.

server = FakeTelegramServer(token="123:ABC…", bot_username="my_bot")
await server.start()                     # then TelegramAPIServer.from_base(server.url)
user = server.add_user(user_id=1, first_name="Анна")
await user.send("/start")
reply = await user.next_message()
"""

from fakes.telegram.errors import ApiError
from fakes.telegram.html import ParsedText, parse_html
from fakes.telegram.server import BotMessage, FakeTelegramServer, FakeUser, StoredMessage
from fakes.telegram.spec import BotApiSpec, load_spec

__all__ = [
    "ApiError",
    "BotApiSpec",
    "BotMessage",
    "FakeTelegramServer",
    "FakeUser",
    "ParsedText",
    "StoredMessage",
    "load_spec",
    "parse_html",
]
