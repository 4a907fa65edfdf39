"""One page of a list, counted and sliced in SQL so lists stay fast at any size."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

PAGE_SIZE = 8


@dataclass(frozen=True, slots=True)
class Page(Generic[T_co]):
    items: Sequence[T_co]
    number: int
    total: int
    size: int

    @property
    def first(self) -> int:
        """The number (from 1) of the page's first item, as lists number their lines."""
        return self.number * self.size + 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def has_previous(self) -> bool:
        return self.number > 0

    @property
    def has_next(self) -> bool:
        return self.number + 1 < self.pages


async def paginate(
    session: AsyncSession, query: Select[T], number: int, size: int = PAGE_SIZE
) -> Page[T]:
    """Fetch page `number` (0-based, clamped to the last page) of an ordered query."""
    total = await session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    total = total or 0
    last = max(0, -(-total // size) - 1)
    number = min(max(0, number), last)
    rows = (await session.scalars(query.limit(size).offset(number * size))).all()
    return Page(items=rows, number=number, total=total, size=size)
