"""One router per feature, built afresh from each feature's `handlers` by `get_routers()` (a
router can belong to one dispatcher only), in the order they must be tried."""

from aiogram import Router

from handlers import (
    achievements,
    announcements,
    common,
    diagnostics,
    difficulties,
    documents,
    errors,
    fallback,
    goals,
    help_requests,
    invites,
    meetings,
    menu,
    monitoring,
    organizations,
    pair_notes,
    pair_wizard,
    pairs,
    profile,
    programmes,
    proposals,
    pulse,
    registration,
    reminders,
    settings,
    staff,
    steps,
    surveys,
    teachers,
    territories,
)


def get_routers() -> list[Router]:
    return [
        errors.handlers.router(),
        staff.handlers.router(),  # before `common`: this dialogue expects a file, not text
        help_requests.handlers.router(),  # before `common`: takes photos and documents too
        documents.uploads.router(),  # before `common`: the adopted regulation is a file
        achievements.uploads.router(),  # before `common`: a diploma comes as a file
        announcements.uploads.router(),  # before `common`: a document with its caption
        common.handlers.router(),  # /cancel and non-text answers work in every dialogue
        territories.handlers.router(),  # before `registration`: a coordinator's link
        registration.handlers.router(),
        menu.handlers.router(),
        profile.handlers.router(),
        difficulties.handlers.router(),
        diagnostics.handlers.router(),
        pair_wizard.handlers.router(),
        pairs.handlers.router(),
        proposals.handlers.router(),
        pair_notes.handlers.router(),
        pulse.handlers.router(),
        achievements.handlers.router(),
        surveys.handlers.router(),
        teachers.handlers.router(),
        programmes.handlers.router(),
        documents.handlers.router(),
        meetings.handlers.router(),
        goals.handlers.router(),
        settings.handlers.router(),
        reminders.handlers.router(),
        monitoring.handlers.router(),
        announcements.handlers.router(),
        invites.handlers.router(),
        organizations.handlers.router(),
        steps.handlers.router(),  # what a dialogue step got and did not take
        fallback.handlers.router(),  # last: stale buttons and messages nobody handled
    ]
