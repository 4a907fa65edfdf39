"""A strict local MAX Bot API for end-to-end tests and the sandbox: every call and answer is
checked against MAX's official OpenAPI schema (`fakes/max/spec.py`).

server = FakeMaxServer(token="…")
await server.start()                     # then MAX_API_URL=server.url
user = server.add_user(501, "Анна")
await user.start("invite-payload")       # opened from a link
reply = await user.next_message()
"""

from fakes.max.server import FakeMaxServer, MaxBotMessage, MaxUser, StoredMaxMessage
from fakes.max.spec import MaxApiError, MaxApiSpec, SchemaMismatch, load_spec

__all__ = [
    "FakeMaxServer",
    "MaxApiError",
    "MaxApiSpec",
    "MaxBotMessage",
    "MaxUser",
    "SchemaMismatch",
    "StoredMaxMessage",
    "load_spec",
]
