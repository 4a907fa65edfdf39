"""The order (приказ) fixing mentorship pairs, or changing them: its preamble and items, the
director's signature, and the appendix listing each pair and group."""

from __future__ import annotations

from bot.documents import common
from bot.services.orders import OrderDocument, OrderLine
from bot.texts import documents as texts
from bot.texts.vocabulary import label
from models.enums import OrderAction, OrderKind


def _period(line: OrderLine) -> str:
    pair = line.pair.pair
    if pair.ends_on is None:
        return f"с {common.day(pair.starts_on)}"
    return f"{common.day(pair.starts_on)} – {common.day(pair.ends_on)}"


def _fixed_row(number: int, line: OrderLine) -> list[object]:
    pair = line.pair.pair
    return [
        number,
        line.pair.mentor.full_name,
        ", ".join(mentee.full_name for mentee in line.pair.mentees) or common.BLANK,
        label(pair.kind),
        label(pair.form),
        label(pair.role_model),
        _period(line),
    ]


def _change_row(number: int, line: OrderLine) -> list[object]:
    mentees = ", ".join(mentee.full_name for mentee in line.pair.mentees) or common.BLANK
    mentor = line.pair.mentor.full_name if line.action is OrderAction.MENTOR_CHANGED else ""
    return [
        number,
        f"№ {line.pair.pair.id}: {mentees}",
        texts.ORDER_CHANGE_NAMES[line.action],
        mentor,
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
