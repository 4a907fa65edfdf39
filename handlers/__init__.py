"""One router per feature; `get_routers()` gathers them in the order they must be tried."""

from aiogram import Router

from handlers import common, errors, fallback, invites, menu, organizations, profile, registration


def get_routers() -> list[Router]:
    return [
        errors.router,
        common.router,  # /cancel and non-text answers work in every dialogue
        registration.router,
        menu.router,
        profile.router,
        invites.router,
        organizations.router,
        fallback.router,  # last: stale buttons and messages nobody handled
    ]
