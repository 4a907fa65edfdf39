"""The printed papers as .docx, one module per document, built from what the bot holds: the
final analytic report of a school year, the order fixing pairs, the personalised programme, the
regulation's template, the school's roadmap, the young specialist's portfolio and the mentor's
statement of their mentoring. `common` keeps the office conventions they share.

python-docx (with lxml) is loaded with the first document a person asks for, not when the bot
starts: handlers name a document as `documents.order`, and this package imports it then."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.documents import (
        final_report,
        order,
        portfolio,
        programme,
        regulation,
        roadmap,
        statement,
    )

__all__ = ["final_report", "order", "portfolio", "programme", "regulation", "roadmap", "statement"]


if not TYPE_CHECKING:  # so that mypy knows only the documents above, not any name

    def __getattr__(name: str) -> ModuleType:
        if name not in __all__:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        return importlib.import_module(f"{__name__}.{name}")
