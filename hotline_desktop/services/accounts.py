"""Users: creating them, signing in, and the Actor the workflow checks."""

from __future__ import annotations

import peewee
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..domain import validation
from ..domain.errors import HotlineError, InvalidInput
from ..domain.vocabulary import Role, UnitKind
from ..domain.workflow import Actor
from ..store.models import OrgUnit, User
from .environment import Environment

_hasher = PasswordHasher()
MIN_PASSWORD = 8


class SignInFailed(HotlineError):
    pass


def actor_for(user: User) -> Actor:
    unit = user.unit
    return Actor(
        user_id=user.id,
        name=user.display_name or user.username,
        role=Role(user.role),
        unit_id=unit.id,
        unit_kind=UnitKind(unit.kind),
        unit_path=unit.path,
        is_main_leader=user.is_main_leader,
    )


def create_user(
    env: Environment,
    username: str,
    password: str,
    role: Role | str,
    unit_code: str,
    display_name: str = "",
    *,
    is_main_leader: bool = False,
) -> Actor:
    username = validation.text(username, "username", limit=64, required=True)
    if len(password or "") < MIN_PASSWORD:
        raise InvalidInput("password", f"a password needs at least {MIN_PASSWORD} characters")
    role = validation.choice(Role, role, "role")
    display_name = validation.text(display_name, "display name", limit=64) or username
    password_hash = _hasher.hash(password)  # slow on purpose: outside the transaction
    with env.write():
        unit = OrgUnit.get_or_none(OrgUnit.code == unit_code)
        if unit is None:
            raise InvalidInput("unit", f"unknown unit “{unit_code}”")
        taken = InvalidInput("username", f"the user name “{username}” is taken")
        if User.select().where(User.username == username).exists():
            raise taken
        try:
            with env.db.atomic():
                user = User.create(
                    username=username,
                    display_name=display_name,
                    password_hash=password_hash,
                    role=role.value,
                    unit=unit,
                    is_main_leader=is_main_leader,
                )
        except peewee.IntegrityError:
            raise taken from None  # another workstation took the name a moment ago
    return actor_for(user)


def has_users(env: Environment) -> bool:
    return User.select().exists()


def sign_in(env: Environment, username: str, password: str) -> Actor:
    user = User.get_or_none((User.username == username) & (User.active == True))  # noqa: E712
    # The same message either way, so that a guesser cannot learn which user names exist.
    refused = SignInFailed("unknown user name or wrong password")
    if user is None:
        raise refused
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise refused from None
    if _hasher.check_needs_rehash(user.password_hash):
        with env.write():
            user.password_hash = _hasher.hash(password)
            user.save(only=[User.password_hash])
    return actor_for(user)


def display_names() -> dict[int, str]:
    """Every user's name by id. A hotline has tens of users: one small read beats a join
    for each column that names somebody."""
    return dict(User.select(User.id, User.display_name).tuples())
