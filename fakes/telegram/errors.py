"""The error answers of the Bot API, worded as Telegram words them."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An error answer: HTTP status, Telegram's description and optional parameters."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(reason: str) -> ApiError:
    return ApiError(400, f"Bad Request: {reason}")


NOT_MODIFIED = bad_request(
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = bad_request("query is too old and response timeout expired or query ID is invalid")
BLOCKED = ApiError(403, "Forbidden: bot was blocked by the user")
CHAT_NOT_FOUND = bad_request("chat not found")
UNAUTHORIZED = ApiError(401, "Unauthorized")
NOT_FOUND = ApiError(404, "Not Found")
