"""Ship ui/ and resources/ inside the wheel as kotacerdas_desktop/_data/.

Everything else about the package is in pyproject.toml. A checkout finds the
two folders beside the package and a frozen build in _internal/; an
installed wheel has only site-packages, so the build copies them in there
(kotacerdas_desktop/resources.py looks in all three places).
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA_FOLDERS = ("ui", "resources")


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the checkout's folders directly
            return
        for name in DATA_FOLDERS:
            if Path(name).is_dir():
                target = Path(self.build_lib, "kotacerdas_desktop", "_data", name)
                self.copy_tree(name, str(target))


setup(cmdclass={"build_py": BuildPyWithData})
