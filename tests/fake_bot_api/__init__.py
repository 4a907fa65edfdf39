"""A strict local Telegram Bot API server for end-to-end tests, the sandbox and benchmarks.

server = FakeTelegramServer(token="123:ABC…", bot_username="my_bot")
await server.start()                     # then TelegramAPIServer.from_base(server.url)
user = server.add_user(user_id=1, first_name="Анна")
await user.send("/start")
reply = await user.next_message()
"""

from tests.fake_bot_api.errors import ApiError
from tests.fake_bot_api.html import ParsedText, parse_html
from tests.fake_bot_api.server import BotMessage, FakeTelegramServer, FakeUser, StoredMessage
from tests.fake_bot_api.spec import BotApiSpec, load_spec

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
