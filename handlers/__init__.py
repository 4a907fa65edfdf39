"""One router per feature; `get_routers()` builds them afresh (a router can belong to one
dispatcher only) in the order they must be tried."""

from aiogram import Router

from handlers import (
    common,
    diagnostics,
    difficulties,
    errors,
    fallback,
    invites,
    menu,
    organizations,
    pairs,
    profile,
    programmes,
    registration,
    staff,
)


def get_routers() -> list[Router]:
    return [
        errors.create_router(),
        staff.create_router(),  # before `common`: this dialogue expects a file, not text
        common.create_router(),  # /cancel and non-text answers work in every dialogue
        registration.create_router(),
        menu.create_router(),
        profile.create_router(),
        difficulties.create_router(),
        diagnostics.create_router(),
        pairs.create_router(),
        programmes.create_router(),
        invites.create_router(),
        organizations.create_router(),
        fallback.create_router(),  # last: stale buttons and messages nobody handled
    ]
