"""The import rules of the design: the core (lessons/, vocab/) never reaches into the shell.

Imports are read with `ast`, so a rule is checked on what the code says, not on what happened
to be imported while the tests ran.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: package -> top-level modules it must never import
FORBIDDEN = {
    "lessons": {"telegram", "tinydb", "bot"},
    "vocab": {"telegram", "tinydb", "bot", "lessons"},
}


def imported_top_levels(path: Path) -> set[str]:
    """Top-level module names a Python file imports, absolute or relative."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative import: stays inside its own package by construction
                continue
            if node.module:
                names.add(node.module.split(".")[0])
    return names


def core_files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_core_package_has_modules(package):
    assert core_files(package), f"{package}/ has no modules"


@pytest.mark.parametrize(
    "path,forbidden",
    [(p, FORBIDDEN[pkg]) for pkg in sorted(FORBIDDEN) for p in core_files(pkg)],
    ids=lambda v: str(v.relative_to(ROOT)) if isinstance(v, Path) else "",
)
def test_core_never_imports_the_shell(path, forbidden):
    bad = imported_top_levels(path) & forbidden
    assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_the_checker_sees_forbidden_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom telegram.ext import Application\nimport tinydb.table\nfrom . import x\n")
    assert imported_top_levels(sample) == {"os", "telegram", "tinydb"}
