"""Telegram's HTML parse mode, as strict as Telegram: only its tags, properly nested; only
`&lt; &gt; &amp; &quot;` and numeric character references are decoded (any other `&` stays as
typed, as Telegram leaves it); a `<` that does not open a supported tag is an error.

Returns the plain text a user sees and the entities, with offsets and lengths in UTF-16 code
units like the Bot API's."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from fakes.telegram.errors import ApiError, bad_request

SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
}
ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*>"
)
_ATTRIBUTE = re.compile(r"([a-zA-Z-]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
_REFERENCE = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);")


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _Open:
    tag: str
    entity: dict[str, Any]
    start: int
    byte_offset: int


@dataclass
class ParsedText:
    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)


def _error(reason: str) -> ApiError:
    return bad_request(f"can't parse entities: {reason}")


def _entity_for(tag: str, attributes: dict[str, str], offset: int) -> dict[str, Any]:
    if tag == "a":
        if "href" not in attributes:
            raise _error(f'Can\'t find "href" attribute of "a" tag at byte offset {offset}')
        return {"type": "text_link", "url": attributes["href"]}
    if tag == "span":
        if attributes.get("class") != "tg-spoiler":
            raise _error(f'Tag "span" must have class "tg-spoiler" at byte offset {offset}')
        return {"type": "spoiler"}
    if tag == "tg-emoji":
        if "emoji-id" not in attributes:
            raise _error(f'Can\'t find "emoji-id" attribute of "tg-emoji" at byte offset {offset}')
        return {"type": "custom_emoji", "custom_emoji_id": attributes["emoji-id"]}
    if tag == "blockquote" and "expandable" in attributes:
        return {"type": "expandable_blockquote"}
    if tag == "code" and attributes.get("class", "").startswith("language-"):
        return {"type": "code", "language": attributes["class"].removeprefix("language-")}
    if tag in SIMPLE_TAGS:
        return {"type": SIMPLE_TAGS[tag]}
    raise _error(f'Unsupported start tag "{tag}" at byte offset {offset}')


def parse_html(source: str) -> ParsedText:
    output: list[str] = []
    length = 0  # of the output so far, in UTF-16 units
    stack: list[_Open] = []
    entities: list[dict[str, Any]] = []
    position = 0
    while position < len(source):
        char = source[position]
        byte_offset = len(source[:position].encode())
        if char == "<":
            match = _TAG.match(source, position)
            if match is None:
                raise _error(f"Unsupported start tag at byte offset {byte_offset}")
            closing, tag, raw_attributes = match.group(1), match.group(2).lower(), match.group(3)
            if closing:
                if not stack:
                    raise _error(f"Unexpected end tag at byte offset {byte_offset}")
                opened = stack.pop()
                if opened.tag != tag:
                    raise _error(
                        f"Unmatched end tag at byte offset {byte_offset}, expected "
                        f'"</{opened.tag}>", found "</{tag}>"'
                    )
                if length > opened.start:
                    entity = {
                        **opened.entity,
                        "offset": opened.start,
                        "length": length - opened.start,
                    }
                    if entity["type"] == "code" and stack and stack[-1].tag == "pre":
                        stack[-1].entity.setdefault("language", entity.get("language"))
                    else:
                        entities.append(entity)
            else:
                attributes = {
                    name.lower(): next((v for v in values if v is not None), "")
                    for name, *values in _ATTRIBUTE.findall(raw_attributes)
                }
                entity = _entity_for(tag, attributes, byte_offset)
                stack.append(_Open(tag=tag, entity=entity, start=length, byte_offset=byte_offset))
            position = match.end()
            continue
        if char == "&":
            match = _REFERENCE.match(source, position)
            decoded: str | None = None
            if match:
                name = match.group(1)
                if name.startswith("#x"):
                    decoded = chr(int(name[2:], 16))
                elif name.startswith("#"):
                    decoded = chr(int(name[1:]))
                else:
                    decoded = ENTITIES.get(name)
            if match and decoded is not None:
                output.append(decoded)
                length += utf16_length(decoded)
                position = match.end()
                continue
        output.append(char)
        length += utf16_length(char)
        position += 1
    if stack:
        raise _error(f'Can\'t find end tag corresponding to start tag "{stack[-1].tag}"')
    entities.sort(key=lambda item: (item["offset"], -item["length"]))
    for entity in entities:
        if entity.get("language") is None:
            entity.pop("language", None)
    return ParsedText(text="".join(output), entities=entities)
