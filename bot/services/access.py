"""Who is acting: the Telegram user, their person record (if registered) and admin rights,
and the checks every command and callback makes on the server."""

from __future__ import annotations

from dataclasses import dataclass

from bot import texts
from bot.services.errors import AccessDenied
from models import Person
from models.enums import Role


@dataclass(frozen=True, slots=True)
class Actor:
    telegram_id: int
    person: Person | None
    is_admin: bool

    @property
    def roles(self) -> frozenset[Role]:
        return self.person.role_set if self.person else frozenset()

    @property
    def is_registered(self) -> bool:
        return self.person is not None

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    def require_admin(self) -> None:
        if not self.is_admin:
            raise AccessDenied(texts.ACCESS_ADMIN_ONLY)

    def require_person(self) -> Person:
        if self.person is None:
            raise AccessDenied(texts.NEED_INVITE)
        return self.person

    def require_curator(self) -> Person:
        """The curator's person record; their organisation is the only one they may touch."""
        person = self.require_person()
        if Role.CURATOR not in person.role_set:
            raise AccessDenied(texts.ACCESS_CURATOR_ONLY)
        return person

    def require_organization_manager(self, organization_id: int) -> None:
        """Admins manage every organisation; a curator only their own."""
        if self.is_admin:
            return
        curator = self.require_curator()
        if curator.organization_id != organization_id:
            raise AccessDenied(texts.ACCESS_OTHER_ORGANIZATION)
