"""One router per feature; `get_routers()` builds them afresh (a router can belong to one
dispatcher only) in the order they must be tried."""

from aiogram import Router

from handlers import (
    common,
    diagnostics,
    difficulties,
    errors,
    fallback,
    goals,
    help_requests,
    invites,
    meetings,
    menu,
    monitoring,
    organizations,
    pairs,
    profile,
    programmes,
    registration,
    reminders,
    settings,
    staff,
)


def get_routers() -> list[Router]:
    return [
        errors.create_router(),
        staff.create_router(),  # before `common`: this dialogue expects a file, not text
        help_requests.create_router(),  # before `common`: takes photos and documents too
        common.create_router(),  # /cancel and non-text answers work in every dialogue
        registration.create_router(),
        menu.create_router(),
        profile.create_router(),
        difficulties.create_router(),
        diagnostics.create_router(),
        pairs.create_router(),
        programmes.create_router(),
        meetings.create_router(),
        goals.create_router(),
        settings.create_router(),
        reminders.create_router(),
        monitoring.create_router(),
        invites.create_router(),
        organizations.create_router(),
        fallback.create_router(),  # last: stale buttons and messages nobody handled
    ]
