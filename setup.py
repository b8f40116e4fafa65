"""Compile the translation catalogs into the package whenever it is built.

Everything else about the package is in pyproject.toml. The catalogs (.po) are compiled
to .mo with the same rule the tool applies at run time: an unfinished catalog stops the
build, so a published page never mixes languages.
"""

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
LOCALES = HERE / "generator" / "shop_policy" / "locales"


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        spec = importlib.util.spec_from_file_location(
            "catalogs", HERE / "generator" / "shop_policy" / "text" / "catalogs.py")
        catalogs = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(catalogs)
        super().run()
        if self.editable_mode:
            catalogs.compile_all(LOCALES)  # the source tree is the package
            return
        built = Path(self.build_lib) / "shop_policy" / "locales"
        for po in sorted(LOCALES.glob("*/LC_MESSAGES/messages.po")):
            target = built / po.relative_to(LOCALES).with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(catalogs.compile_po(po))


setup(cmdclass={"build_py": BuildWithCatalogs})
