"""The package list, which pyproject.toml cannot state: ``resources/`` stays at the top of
the checkout, yet installs inside the package as ``hotline_desktop.resources``, and a
``find`` directive only finds packages where they sit. Everything else is in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["hotline_desktop", "hotline_desktop.*"]),
        "hotline_desktop.resources",
    ]
)
