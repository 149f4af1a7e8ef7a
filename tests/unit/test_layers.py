"""Layers that point one way (DESIGN.md section 3): every import in site/jobcenter, read with `ast`
(at the top of a module and inside functions alike), is checked against three rules.

- No two areas import each other. An area is a package under jobcenter (accounts/, signups/ ...).
- Helpers know no area: web/ and the top-level modules, except the ones that put the site
  together (COMPOSITION_ROOTS), import only other helpers.
- No controller module imports another one (CONTROLLERS): what two of them share lives in a
  service, a labels module or web/.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.support import present

PACKAGE = Path(__file__).resolve().parents[2] / "site" / "jobcenter"

HELPER_PACKAGES = {"web"}
"""Packages that are helpers, not areas: they know no area."""
COMPOSITION_ROOTS = {"app", "housekeeping", "backup", "piccolo_app", "worker"}
"""Top-level modules that put the areas together and may import any of them: the app factory, the
background jobs and their own process (worker), the backup, and Piccolo's list of every area's tables. (demo/ is a package: an
area at the top, like staff/.)"""
CONTROLLERS = {
    "accounts.controller", "accounts.backoffice", "audit.backoffice", "catalog.controller", "catalog.backoffice",
    "api.controller", "monitoring.controller", "companies.controller", "companies.backoffice", "counselling.controller", "counselling.backoffice",
    "events.controller", "events.backoffice", "home.controller", "kiosk.controller",
    "kiosk.backoffice",
    "notifications.backoffice", "placements.backoffice", "signups.controller", "signups.backoffice", "staff.backoffice", "staff.citizens",
    "web.assets", "web.health", "web.language_switch",
}
"""The modules that define Litestar controllers or route handlers (jobcenter.<name>)."""
CONTROLLER_SLOTS = {"controller", "backoffice"}
"""An area's routes live in controller.py (the public site's) or backoffice.py (the back office's)."""
OTHER_ROUTE_MODULES = {
    "staff.citizens": "the citizens' pages join accounts, signups and audit, so they sit in the back office's own area",
    "web.assets": "the favicon belongs to no area",
    "web.health": "the health probes belong to no area",
    "web.language_switch": "the language switch belongs to no area",
}
"""Route modules outside the two slots, each with the reason."""
ROUTE_DECORATORS = {"get", "post", "put", "patch", "delete", "route", "websocket"}


@dataclass(frozen=True)
class Import:
    """One imported jobcenter module, where the import stands."""

    importer: str
    target: str
    line: int

    @property
    def where(self) -> str:
        return f"{MODULES[self.importer].relative_to(PACKAGE)}:{self.line}"

    def __str__(self) -> str:
        return f"{self.where} imports jobcenter.{self.target}"


def module_names() -> dict[str, Path]:
    """Every module under jobcenter by its name below the package (`signups.service`, `app`)."""
    names = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if parts:
            names[".".join(parts)] = path
    return names


MODULES = module_names()


def imports_of(importer: str, source: str) -> Iterator[Import]:
    """The jobcenter modules `source` imports, anywhere in it. `from jobcenter.x import y` names
    the module jobcenter.x.y when there is one, otherwise jobcenter.x."""
    is_package = importer in MODULES and MODULES[importer].name == "__init__.py"
    package = importer.split(".") if is_package else importer.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "jobcenter" or alias.name.startswith("jobcenter."):
                    yield Import(importer, alias.name.removeprefix("jobcenter").lstrip("."), node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            elif node.module == "jobcenter" or (node.module or "").startswith("jobcenter."):
                module = present(node.module).removeprefix("jobcenter").lstrip(".")
            else:
                continue
            for alias in node.names:
                named = f"{module}.{alias.name}" if module else alias.name
                yield Import(importer, named if named in MODULES else module, node.lineno)


def all_imports() -> list[Import]:
    """Every import in the package, once per module imported on a line."""
    found = (item for name, path in MODULES.items() for item in imports_of(name, path.read_text(encoding="utf-8")))
    return list(dict.fromkeys(found))


def area_of(module: str) -> str | None:
    """The area a module belongs to; None for a helper (web/ or a top-level module)."""
    first = module.split(".")[0]
    if not first or not (PACKAGE / first).is_dir() or first in HELPER_PACKAGES:
        return None
    return first


def defines_routes(source: str) -> bool:
    """Whether a module defines a Controller subclass or a function decorated as a route."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef) and any(isinstance(base, ast.Name) and base.id == "Controller" for base in node.bases):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                called = decorator.func if isinstance(decorator, ast.Call) else decorator
                if isinstance(called, ast.Name) and called.id in ROUTE_DECORATORS:
                    return True
    return False


def test_imports_are_read_everywhere_in_a_module() -> None:
    source = (
        "import jobcenter.settings\n"
        "from jobcenter import db, signups\n"
        "from jobcenter.signups.service import take_seat\n"
        "def later():\n"
        "    from jobcenter.catalog import service\n"
        "    import os\n"
    )
    found = {(item.target, item.line) for item in imports_of("kiosk.service", source)}
    assert str(next(imports_of("kiosk.service", source))) == "kiosk/service.py:1 imports jobcenter.settings"
    assert found == {("settings", 1), ("db", 2), ("signups", 2), ("signups.service", 3), ("catalog.service", 5)}
    assert area_of("signups.service") == "signups"
    assert area_of("web.forms") is None and area_of("settings") is None


def test_no_two_areas_import_each_other() -> None:
    between: dict[tuple[str, str], list[Import]] = {}
    for item in all_imports():
        source, target = area_of(item.importer), area_of(item.target)
        if source and target and source != target:
            between.setdefault((source, target), []).append(item)
    broken = [
        f"{first} and {second} import each other:\n    " + "\n    ".join(map(str, between[first, second] + between[second, first]))
        for first, second in sorted(between)
        if first < second and (second, first) in between
    ]
    assert not broken, "Rule: every import points down, so no two areas import each other.\n" + "\n".join(broken)


def test_helpers_import_no_area() -> None:
    broken = [
        f"{item}, the area {area_of(item.target)}"
        for item in all_imports()
        if area_of(item.importer) is None
        and item.importer.split(".")[0] not in COMPOSITION_ROOTS
        and area_of(item.target) is not None
    ]
    assert not broken, "Rule: helpers (web/ and top-level modules) know no area.\n" + "\n".join(broken)


def test_no_controller_module_imports_another() -> None:
    broken = [
        str(item)
        for item in all_imports()
        if item.importer in CONTROLLERS and item.target in CONTROLLERS and item.target != item.importer
    ]
    assert not broken, "Rule: a controller module imports no other controller module.\n" + "\n".join(broken)


def test_every_area_keeps_its_routes_in_the_same_two_slots() -> None:
    misnamed = sorted(name for name in CONTROLLERS - OTHER_ROUTE_MODULES.keys() if name.split(".")[-1] not in CONTROLLER_SLOTS)
    assert not misnamed, f"Routes belong in <area>/controller.py or <area>/backoffice.py: {misnamed}"


def test_the_list_of_controllers_is_complete() -> None:
    with_routes = {name for name, path in MODULES.items() if defines_routes(path.read_text(encoding="utf-8"))}
    assert with_routes == CONTROLLERS, (
        f"Define routes but are not in CONTROLLERS: {sorted(with_routes - CONTROLLERS)}; "
        f"in CONTROLLERS without routes: {sorted(CONTROLLERS - with_routes)}"
    )
