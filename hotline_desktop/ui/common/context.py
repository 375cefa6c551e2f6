"""What every part of a signed-in window shares, handed on as one object."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from ...domain.language import Language
from ...domain.workflow import Actor
from ...services.environment import Environment
from .tasks import TaskRunner


@dataclass(frozen=True)
class WindowContext:
    env: Environment  # the open database and what the services need with it
    actor: Actor  # who signed in
    tasks: TaskRunner  # the window's workers: database work never runs on the GUI thread
    language: Language

    @classmethod
    def create(
        cls, env: Environment, actor: Actor, language: str, parent: QObject | None = None
    ) -> WindowContext:
        """A context with a task runner of its own, owned by ``parent``."""
        chosen = Language.of(language)
        return cls(env, actor, TaskRunner(env, chosen, parent), chosen)
