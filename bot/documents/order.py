"""The order (приказ) fixing mentorship pairs, or changing them: its preamble and items, the
director's signature, and the appendix listing each pair and group."""

from __future__ import annotations

from bot.documents import common
from bot.services.orders import OrderDocument, OrderLine
from bot.texts import documents as texts
from bot.texts.vocabulary import label
from models.enums import OrderKind


def _period(line: OrderLine) -> str:
    if line.ends_on is None:
        return f"с {common.day(line.starts_on)}"
    return f"{common.day(line.starts_on)} – {common.day(line.ends_on)}"


def _fixed_row(number: int, line: OrderLine) -> list[object]:
    return [
        number,
        common.filled(line.mentor),
        common.filled(", ".join(line.mentees)),
        label(line.kind),
        label(line.form),
        label(line.role_model),
        _period(line),
    ]


def _change_row(number: int, line: OrderLine) -> list[object]:
    mentees = common.filled(", ".join(line.mentees))
    return [
        number,
        f"№ {line.pair_id}: {mentees}",
        texts.ORDER_CHANGE_NAMES[line.action],
        common.filled(line.mentor),
        common.day(line.since),
    ]


def build(order: OrderDocument) -> bytes:
    document = common.start(order.organization)
    common.title(document, texts.ORDER_TITLES[order.kind])
    document.add_paragraph(
        texts.ORDER_NUMBER_LINE.format(day=common.day(order.dated_on), number=order.number)
    )
    common.paragraph(document, texts.ORDER_PREAMBLE.format(organization=order.organization))
    document.add_paragraph(texts.ORDER_COMMAND)
    items = (
        [texts.ORDER_FIX_ITEM, texts.ORDER_PROGRAMMES_ITEM]
        if order.kind is OrderKind.FIXING
        else [texts.ORDER_CHANGES_ITEM]
    )
    items.append(
        texts.ORDER_CURATOR_ITEM.format(number=len(items) + 1, curator=common.filled(order.curator))
    )
    items.append(texts.ORDER_CONTROL_ITEM.format(number=len(items) + 1))
    for item in items:
        common.paragraph(document, item)
    common.signatures(document, [(texts.ORDER_DIRECTOR, None)])
    document.add_paragraph(texts.ORDER_ACQUAINTED)
    document.add_paragraph(f"{common.BLANK} / {common.filled(order.curator)} /")
    appendix = texts.ORDER_APPENDIX.format(day=common.day(order.dated_on), number=order.number)
    common.landscape_section(document)
    common.right(document, appendix)
    if not order.lines:
        common.paragraph(document, texts.ORDER_EMPTY)
    elif order.kind is OrderKind.FIXING:
        rows = [_fixed_row(number, line) for number, line in enumerate(order.lines, start=1)]
        common.table(document, texts.ORDER_FIX_HEADER, rows, (1, 4.5, 5.2, 3.8, 3, 4.5, 3.2))
    else:
        rows = [_change_row(number, line) for number, line in enumerate(order.lines, start=1)]
        common.table(document, texts.ORDER_CHANGES_HEADER, rows, (1, 9.5, 4.5, 6, 4))
    return common.to_bytes(document)
