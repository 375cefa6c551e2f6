"""Where the application keeps its files, and which database it opens by default."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "hotline_desktop"
DATABASE_URL_VARIABLE = "HOTLINE_DATABASE_URL"

_dirs = PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    return Path(_dirs.user_data_dir)


def cache_dir() -> Path:
    return Path(_dirs.user_cache_dir)


def log_dir() -> Path:
    return Path(_dirs.user_log_dir)


def backup_dir() -> Path:
    return data_dir() / "backups"


def default_database_url() -> str:
    """The embedded SQLite file, unless the environment names a shared server."""
    return os.environ.get(DATABASE_URL_VARIABLE) or f"sqlite:///{data_dir() / 'hotline.db'}"
