"""The territories' keyboards: the regions, a territory's view, its lists and rankings."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.territories import (
    AttachCb,
    RegionsAction,
    RegionsCb,
    TerritoryAction,
    TerritoryCb,
)
from bot.keyboards.common import button, pager
from bot.services.monitoring import PeriodKind
from bot.services.pagination import Page
from bot.services.territories import Indicator
from bot.texts import territories as texts
from models import Territory
from models.enums import TerritoryKind


def regions(entries: list[Territory]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for region in entries:
        builder.row(
            button(
                region.name[:60],
                TerritoryCb(territory_id=region.id, action=TerritoryAction.SHOW),
            )
        )
    builder.row(button(texts.BUTTON_NEW_REGION, RegionsCb(action=RegionsAction.NEW)))
    return builder.as_markup()


def view(territory: Territory, kind: PeriodKind, *, regional: bool) -> InlineKeyboardMarkup:
    """Under the territory's summary: the periods, the register, the ranking, the
    organisations, the workbook; a region's municipalities; the coordinator's link for those
    who may invite."""

    def to(action: TerritoryAction) -> TerritoryCb:
        return TerritoryCb(territory_id=territory.id, action=action, kind=kind)

    builder = InlineKeyboardBuilder()
    for code, name in texts.PERIOD_BUTTONS.items():
        period = PeriodKind(code)
        label = f"✅ {name}" if period is kind else name
        builder.button(
            text=label,
            callback_data=TerritoryCb(
                territory_id=territory.id, action=TerritoryAction.SHOW, kind=period
            ),
        )
    builder.adjust(3)
    builder.row(
        button(texts.BUTTON_REGISTER, to(TerritoryAction.REGISTER)),
        button(texts.BUTTON_RANKING, to(TerritoryAction.RANKING)),
    )
    builder.row(
        button(texts.BUTTON_ORGANIZATIONS, to(TerritoryAction.ORGANIZATIONS)),
        button(texts.BUTTON_WORKBOOK, to(TerritoryAction.WORKBOOK)),
    )
    if territory.kind is TerritoryKind.REGION:
        builder.row(button(texts.BUTTON_MUNICIPALITIES, to(TerritoryAction.MUNICIPALITIES)))
    elif territory.parent_id is not None and regional:
        builder.row(
            button(
                texts.BUTTON_REGION,
                TerritoryCb(territory_id=territory.parent_id, action=TerritoryAction.SHOW),
            )
        )
    builder.row(button(texts.BUTTON_ANNOUNCE, to(TerritoryAction.ANNOUNCE)))
    if regional:
        builder.row(
            button(texts.BUTTON_INVITE, to(TerritoryAction.INVITE)),
            button(texts.BUTTON_COORDINATORS, to(TerritoryAction.COORDINATORS)),
        )
    return builder.as_markup()


def coordinators(territory_id: int, entries: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for coordinator_id, name in entries:
        builder.row(
            button(
                texts.BUTTON_REVOKE.format(name=name)[:60],
                TerritoryCb(
                    territory_id=territory_id,
                    action=TerritoryAction.REVOKE,
                    coordinator_id=coordinator_id,
                ),
            )
        )
    builder.row(
        button(
            texts.BUTTON_BACK, TerritoryCb(territory_id=territory_id, action=TerritoryAction.SHOW)
        )
    )
    return builder.as_markup()


def back(territory_id: int, kind: PeriodKind) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                button(
                    texts.BUTTON_BACK,
                    TerritoryCb(territory_id=territory_id, action=TerritoryAction.SHOW, kind=kind),
                )
            ]
        ]
    )


def municipalities(
    region: Territory, entries: list[Territory], *, regional: bool
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for place in entries:
        builder.row(
            button(place.name[:60], TerritoryCb(territory_id=place.id, action=TerritoryAction.SHOW))
        )
    if regional:
        builder.row(
            button(
                texts.BUTTON_NEW_MUNICIPALITY,
                TerritoryCb(territory_id=region.id, action=TerritoryAction.NEW_MUNICIPALITY),
            )
        )
    builder.row(
        button(texts.BUTTON_BACK, TerritoryCb(territory_id=region.id, action=TerritoryAction.SHOW))
    )
    return builder.as_markup()


def ranking(territory_id: int, kind: PeriodKind, chosen: Indicator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for code, name in texts.INDICATOR_BUTTONS.items():
        indicator = Indicator(code)
        builder.button(
            text=f"✅ {name}" if indicator is chosen else name,
            callback_data=TerritoryCb(
                territory_id=territory_id,
                action=TerritoryAction.RANKING,
                kind=kind,
                indicator=indicator,
            ),
        )
    builder.adjust(3)
    builder.row(
        button(
            texts.BUTTON_BACK,
            TerritoryCb(territory_id=territory_id, action=TerritoryAction.SHOW, kind=kind),
        )
    )
    return builder.as_markup()


def organizations(
    territory_id: int, kind: PeriodKind, page: Page[object], entries: list[tuple[int, str]]
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for organization_id, name in entries:
        builder.row(
            button(
                name[:60],
                TerritoryCb(
                    territory_id=territory_id,
                    action=TerritoryAction.DRILL,
                    kind=kind,
                    organization_id=organization_id,
                    page=page.number,
                ),
            )
        )
    pager(
        builder,
        page,
        lambda number: TerritoryCb(
            territory_id=territory_id, action=TerritoryAction.ORGANIZATIONS, kind=kind, page=number
        ),
    )
    builder.row(
        button(
            texts.BUTTON_BACK,
            TerritoryCb(territory_id=territory_id, action=TerritoryAction.SHOW, kind=kind),
        )
    )
    return builder.as_markup()


def attach_choices(organization_id: int, entries: list[Territory]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for territory in entries:
        label = territory.name if territory.parent_id is None else f"   · {territory.name}"
        builder.row(
            button(label[:60], AttachCb(organization_id=organization_id, territory_id=territory.id))
        )
    return builder.as_markup()
