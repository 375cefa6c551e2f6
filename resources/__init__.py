"""The resources that ship with the application, installed as the package
``hotline_desktop.resources`` (see setup.py) and found by ``importlib.resources``.

A regular package rather than a folder of data: setuptools' editable installs cannot map a
namespace package that lives outside its parent's folder (pypa/setuptools#4248).
"""
