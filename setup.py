"""Ship ui/ and resources/ inside the wheel as kotacerdas_desktop/_data/.

Everything else about the package is in pyproject.toml. A checkout finds the
two folders beside the package and a frozen build in _internal/; an
installed wheel has only site-packages, so the build copies them in there
(kotacerdas_desktop/resources.py looks in all three places), and compiles
the Qt translations (resources/translations/*.ts) into .qm files beside them.
"""

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA_FOLDERS = ("ui", "resources")


def compile_translations(source: Path, target: Path) -> None:
    """kotacerdas_desktop/translations.py, loaded by path: nothing of the package is installed yet."""
    spec = importlib.util.spec_from_file_location(
        "kotacerdas_translations", Path("kotacerdas_desktop", "translations.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.compile_translations(source, target)


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the checkout's folders directly
            return
        for name in DATA_FOLDERS:
            if Path(name).is_dir():
                target = Path(self.build_lib, "kotacerdas_desktop", "_data", name)
                self.copy_tree(name, str(target))
        translations = Path("resources", "translations")
        target = Path(self.build_lib, "kotacerdas_desktop", "_data", translations)
        compile_translations(translations, target)


setup(cmdclass={"build_py": BuildPyWithData})
