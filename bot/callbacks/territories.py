"""Callback data of the territories' buttons: every one names the territory (or the
organisation) it acts on, and the server checks the actor may see it."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from bot.services.monitoring import PeriodKind
from bot.services.territories import Indicator


class TerritoryAction(StrEnum):
    SHOW = "show"  # the summary for the period `kind`
    MUNICIPALITIES = "mun"
    NEW_MUNICIPALITY = "newm"
    INVITE = "inv"
    REGISTER = "reg"
    RANKING = "rank"
    ORGANIZATIONS = "orgs"  # a page of them
    DRILL = "drill"  # one organisation's summary
    WORKBOOK = "xlsx"
    ANNOUNCE = "ann"  # an announcement to the territory
    COORDINATORS = "coords"
    REVOKE = "revoke"  # `coordinator_id` revoked


class TerritoryCb(CallbackData, prefix="ter1"):
    territory_id: int
    action: TerritoryAction
    kind: PeriodKind = PeriodKind.YEAR
    page: int = 0
    organization_id: int = 0
    indicator: Indicator = Indicator.MEETINGS_PER_PAIR
    coordinator_id: int = 0


class RegionsAction(StrEnum):
    LIST = "list"
    NEW = "new"


class RegionsCb(CallbackData, prefix="regs1"):
    action: RegionsAction


class AttachCb(CallbackData, prefix="tatt1"):
    """An organisation's territory: the choices (territory 0), then the one chosen."""

    organization_id: int
    territory_id: int = 0
