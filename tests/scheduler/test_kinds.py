"""Every kind of reminder is whole: a category a person can switch, a relevance check at
sending time and a renderer of what the check found."""

from __future__ import annotations

import inspect

from bot.notices import REMINDERS
from bot.services.reminders import relevance
from bot.services.reminders.kinds import ALWAYS_ON, CATEGORY, Category, Kind


def test_every_kind_has_a_category_a_check_and_a_renderer() -> None:
    assert set(CATEGORY) == set(Kind)
    # no category without a kind to switch; only what is always on has none
    assert set(CATEGORY.values()) - {None} == set(Category)
    assert {kind for kind, category in CATEGORY.items() if category is None} <= ALWAYS_ON
    assert set(REMINDERS) == set(Kind)
    checks = {
        function for _, function in inspect.getmembers(relevance, inspect.iscoroutinefunction)
    }
    for kind, reminder in REMINDERS.items():
        assert reminder.check in checks, kind
        assert inspect.iscoroutinefunction(reminder.render), kind
