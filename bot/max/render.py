"""What the handlers send, in MAX's own conventions: aiogram's HTML in MAX's subset, an
inline keyboard within MAX's limits, a long text in the parts MAX takes.

- HTML: MAX knows `b i u s code pre a` (and their synonyms); a spoiler shows its text, a quote
  its text on lines of its own.
- A keyboard: callback buttons carry the callback data as their payload, URL buttons become
  link buttons; a row wider than MAX's 7 buttons (or 3 link buttons) flows on to the next
  row; a label longer than 128 characters is cut with «…».
- A text longer than 4 000 characters goes in several messages, cut at a line's end where it
  can be (outside a tag, so that each part is valid HTML)."""

from __future__ import annotations

import re
from typing import Any

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

TEXT_LIMIT = 4000
ROW_BUTTONS = 7
ROW_LINKS = 3
ROWS = 30
BUTTONS = 210
LABEL_LIMIT = 128
_SPOILER = re.compile(r'<tg-spoiler>|</tg-spoiler>|<span class="tg-spoiler">|</span>')
_QUOTE = re.compile(r"\s*<(/?)blockquote(?: expandable)?>\s*")
_TAG = re.compile(r"<(/?)([a-z-]+)[^>]*>")
_REFERENCE = re.compile(r"&(?:#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);")


class NotRenderable(ValueError):
    """What MAX has no way to show (a button kind it lacks, a keyboard beyond its size)."""


def html(text: str) -> str:
    """aiogram's HTML in MAX's subset."""
    text = _SPOILER.sub("", text)
    unquoted = _QUOTE.sub("\n", text)
    return unquoted.strip("\n") if unquoted != text else text


def keyboard(markup: InlineKeyboardMarkup) -> dict[str, Any] | None:
    """An inline keyboard as MAX's `inline_keyboard` attachment (None for one without
    buttons, which MAX refuses: the message goes without)."""
    rows: list[list[dict[str, Any]]] = []
    for row in markup.inline_keyboard:
        current: list[dict[str, Any]] = []
        for source in row:
            rendered = _button(source)
            links = sum(item["type"] == "link" for item in current)
            if len(current) == ROW_BUTTONS or (rendered["type"] == "link" and links == ROW_LINKS):
                rows.append(current)
                current = []
            current.append(rendered)
        if current:
            rows.append(current)
    if len(rows) > ROWS or sum(len(row) for row in rows) > BUTTONS:
        raise NotRenderable(f"MAX shows at most {ROWS} rows and {BUTTONS} buttons")
    if not rows:
        return None
    return {"type": "inline_keyboard", "payload": {"buttons": rows}}


def _button(source: InlineKeyboardButton) -> dict[str, Any]:
    label = source.text if len(source.text) <= LABEL_LIMIT else source.text[: LABEL_LIMIT - 1] + "…"
    if source.callback_data is not None:
        return {"type": "callback", "text": label, "payload": source.callback_data}
    if source.url is not None:
        return {"type": "link", "text": label, "url": source.url}
    raise NotRenderable(f"MAX has no button like {source.model_dump(exclude_none=True)}")


def parts(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """The text in parts of at most `limit` characters of HTML (what MAX's schema limits),
    each cut outside every tag and character reference: at a line's end in the second half of
    the part, else at the last space, else where it must. The tags open at a cut are closed
    before it and opened again after it; a part with nothing to see is left out."""
    found: list[str] = []
    # the tags open where the part being built begins, outermost first: (name, opening tag)
    opened: list[tuple[str, str]] = []
    while len("".join(tag for _, tag in opened) + text) > limit:
        prefix = "".join(tag for _, tag in opened)
        budget = limit - len(prefix)
        while True:
            cut, separator = _cut(text, budget) if budget > 0 else (0, False)
            if cut == 0:
                raise NotRenderable("a tag or the tags open at a cut are longer than a message")
            still_open = _open_tags(text[:cut], opened)
            part = prefix + text[:cut] + "".join(f"</{name}>" for name, _ in reversed(still_open))
            if len(part) <= limit:
                break
            budget -= len(part) - limit
        found.append(part)
        text = text[cut + 1 :] if separator else text[cut:]
        opened = still_open
    found.append("".join(tag for _, tag in opened) + text)
    return [part for part in found if _visible(part).strip()]


def _visible(part: str) -> str:
    """The text a part shows: its tags taken out."""
    return _TAG.sub("", part)


def _cut(text: str, limit: int) -> tuple[int, bool]:
    """Where to cut the text at `limit` at the latest, and whether the cut drops a separator
    there (a line's end or a space); 0 when nothing before the limit may be cut."""
    inside = [False] * (limit + 1)  # positions a cut must not fall on
    for tag in _TAG.finditer(text):
        if tag.start() > limit:
            break
        for index in range(tag.start() + 1, min(tag.end(), limit + 1)):
            inside[index] = True
    for reference in _REFERENCE.finditer(text, 0, limit + 12):
        for index in range(reference.start() + 1, min(reference.end(), limit + 1)):
            inside[index] = True
    for separator, earliest in (("\n", limit // 2), (" ", 1)):
        cut = text.rfind(separator, earliest, limit)
        while cut >= earliest and inside[cut]:
            cut = text.rfind(separator, earliest, cut)
        if cut >= earliest:
            return cut, True
    cut = limit
    while cut > 0 and inside[cut]:
        cut -= 1
    return cut, False


def _open_tags(head: str, opened: list[tuple[str, str]]) -> list[tuple[str, str]]:
    stack = list(opened)
    for tag in _TAG.finditer(head):
        closing, name = tag.group(1), tag.group(2)
        if not closing:
            stack.append((name, tag.group(0)))
        elif stack and stack[-1][0] == name:  # Telegram's HTML is properly nested
            stack.pop()
    return stack
