"""The days a school's roadmap holds: its school year, and in August also the days left of
the current one, when schools draw the coming year up."""

from __future__ import annotations

from datetime import date

from bot.services.roadmap import Span, span


def test_a_roadmap_holds_its_school_year() -> None:
    assert span(date(2026, 12, 2)) == Span(2026, date(2026, 9, 1), date(2027, 8, 31))
    assert span(date(2027, 7, 31)) == Span(2026, date(2026, 9, 1), date(2027, 8, 31))
    assert span(date(2026, 9, 1)) == Span(2026, date(2026, 9, 1), date(2027, 8, 31))


def test_in_august_the_coming_year_is_planned() -> None:
    assert span(date(2027, 8, 15)) == Span(2027, date(2026, 9, 1), date(2028, 8, 31))
