"""The package as a user installs it: built into a wheel, installed (not editable) into a
fresh virtual environment, and run from another folder, where nothing of the checkout is
in reach. It must find its reference data, translations and demo content inside itself,
and write nothing there.

Slow (a wheel build and three fresh processes), so it is marked ``installs``; it runs in
the normal suite all the same, for a resource the wheel lacks fails only there.
"""

from __future__ import annotations

import os
import shutil
import site
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

pytestmark = pytest.mark.installs

CHECKOUT = Path(__file__).resolve().parents[1]
# What the build reads; copied, because building in place leaves build/ and *.egg-info.
BUILD_INPUTS = ("pyproject.toml", "setup.py", "README.md", "hotline_desktop", "resources")
TRANSLATE = """
import sys
from PySide6.QtCore import QCoreApplication
from hotline_desktop.config.resources import resources_dir
from hotline_desktop.ui.common.i18n import compiled_dir, install_translators

app = QCoreApplication([])
install_translators(app, "zh_CN")
print(app.translate("MainWindow", "12351 Hotline Desk"))
print(resources_dir())
print(compiled_dir())
"""


class Installed:
    """A fresh virtual environment holding the package, and a user of its own to run it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.venv = root / "venv"
        scripts = self.venv / ("Scripts" if os.name == "nt" else "bin")
        self.python = scripts / ("python.exe" if os.name == "nt" else "python")
        self.command = scripts / "hotline-desktop"
        self.home = root / "home"
        self.elsewhere = root / "elsewhere"
        self.elsewhere.mkdir()
        self.package = Path()  # in the venv's site-packages, once installed

    def environment(self) -> dict[str, str]:
        """The user's folders in the test's own home, whatever the platform; no PYTHONPATH
        that could reach the checkout."""
        environment = {
            key: value for key, value in os.environ.items() if not key.startswith("PYTHON")
        }
        environment.update(
            HOME=str(self.home),
            USERPROFILE=str(self.home),
            APPDATA=str(self.home / "roaming"),
            LOCALAPPDATA=str(self.home / "local"),
            XDG_CACHE_HOME=str(self.home / "cache"),
            XDG_DATA_HOME=str(self.home / "data"),
            XDG_CONFIG_HOME=str(self.home / "config"),
            QT_QPA_PLATFORM="offscreen",
            HOTLINE_DATABASE_URL="",
        )
        return environment

    def run(self, *command: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(part) for part in command],
            cwd=self.elsewhere,
            env=self.environment(),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
            check=False,
        )


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    root = tmp_path_factory.mktemp("installed")
    source = root / "source"
    source.mkdir()
    for name in BUILD_INPUTS:
        origin = CHECKOUT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(origin, source / name)
    installed = Installed(root)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(installed.venv)], check=True)
    # The dependencies are this test run's own, so that nothing is downloaded again: a path
    # file adds its site-packages after the fresh one's. Their .pth files are not read, so
    # this run's editable install of the package stays out of reach.
    purelib = subprocess.run(
        [str(installed.python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    installed.package = Path(purelib) / "hotline_desktop"
    (Path(purelib) / "test-dependencies.pth").write_text(
        "\n".join(site.getsitepackages()) + "\n", encoding="utf-8"
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(installed.python),
            "install",
            "--quiet",
            "--no-deps",
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    return installed


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file below ``folder`` with its size and time, bytecode caches left out: Python
    writes those for any package it imports."""
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_the_installed_package_runs_from_another_folder_and_writes_nothing_into_itself(
    installed,
):
    package = installed.package
    before = _files(package)
    assert "resources/reference/org_units.json" in before
    assert "resources/translations/hotline_desktop_zh_CN.ts" in before
    assert "resources/demo/personas.json" in before

    database = installed.root / "x.db"
    url = f"sqlite:///{database}"
    for command in (("init",), ("demo", "--tickets", "200")):
        result = installed.run(installed.command, *command, "--database", url)
        assert result.returncode == 0, result.stderr
    with closing(sqlite3.connect(database)) as connection:
        (tickets,) = connection.execute("SELECT count(*) FROM ticket").fetchone()
    assert tickets > 0

    result = installed.run(installed.python, "-c", TRANSLATE)
    assert result.returncode == 0, result.stderr
    translated, resources, compiled = result.stdout.splitlines()
    assert translated == "12351 工会服务职工热线工单系统"
    assert Path(resources) == package / "resources"
    # Compiled into the user's cache, not beside its source.
    assert (Path(compiled) / "hotline_desktop_zh_CN.qm").is_file()
    assert installed.home in Path(compiled).parents

    assert _files(package) == before
