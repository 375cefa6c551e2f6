"""The shipped resources are found in the checkout, installed or not (an installed wheel:
tests/test_installed_package.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hotline_desktop.config.resources import REFERENCE_DIR, TRANSLATIONS_DIR, resources_dir

CHECKOUT = Path(__file__).resolve().parents[2]


def test_an_editable_install_finds_the_checkouts_resources():
    assert resources_dir() == CHECKOUT / "resources"
    assert (REFERENCE_DIR / "org_units.json").is_file()
    assert (TRANSLATIONS_DIR / "hotline_desktop_zh_CN.ts").is_file()


def test_a_checkout_run_without_installing_finds_them_too():
    # -S: no site-packages, so nothing installed maps the package onto the folder.
    found = subprocess.run(
        [
            sys.executable,
            "-S",
            "-c",
            "import sys; sys.path.insert(0, sys.argv[1]);"
            "from hotline_desktop.config.resources import resources_dir; print(resources_dir())",
            str(CHECKOUT),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert found.stdout.strip() == str(CHECKOUT / "resources")
