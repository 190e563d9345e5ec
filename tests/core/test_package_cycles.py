"""The window's features are packages that depend on each other in one direction only: the graph
of gui subpackages (every module counted under its first package below cairn.gui) has no
circle, counting every import form (relative, TYPE_CHECKING, function-level)."""

from __future__ import annotations

from tests.core.test_layering import find_cycle, import_graph

GUI = "cairn.gui"


def gui_unit(module: str) -> str | None:
    """The gui subpackage (or top-level gui module) a module belongs to, None outside gui:
    cairn.gui.checklist.table → cairn.gui.checklist; cairn.gui.operations stays itself."""
    parts = module.split(".")
    if parts[:2] != GUI.split(".") or len(parts) < 3:
        return None
    return ".".join(parts[:3])


def package_graph(modules: dict[str, set[str]]) -> dict[str, set[str]]:
    """The module graph folded onto gui subpackages; imports inside one package are no edge."""
    graph: dict[str, set[str]] = {}
    for module, imported in modules.items():
        unit = gui_unit(module)
        if unit is None:
            continue
        edges = graph.setdefault(unit, set())
        edges.update(u for name in imported if (u := gui_unit(name)) not in (None, unit))
    for targets in list(graph.values()):
        for target in targets:
            graph.setdefault(target, set())
    return graph


def test_modules_fold_onto_their_first_gui_package() -> None:
    modules = {
        "cairn.gui.checklist.table": {"cairn.gui.window.navigation", "cairn.tracker"},
        "cairn.gui.checklist.pages": {"cairn.gui.checklist.table"},
        "cairn.gui.window.main_window": {"cairn.gui.checklist.pages", "cairn.gui.operations"},
        "cairn.gui.operations": {"cairn.gui.widgets.actions"},
        "cairn.tracker": set(),
    }
    graph = package_graph(modules)
    assert graph == {
        "cairn.gui.checklist": {"cairn.gui.window"},
        "cairn.gui.window": {"cairn.gui.checklist", "cairn.gui.operations"},
        "cairn.gui.operations": {"cairn.gui.widgets"},
        "cairn.gui.widgets": set(),
    }
    assert find_cycle(graph) == ["cairn.gui.checklist", "cairn.gui.window", "cairn.gui.checklist"]


def test_gui_subpackages_import_each_other_in_one_direction() -> None:
    graph = package_graph(import_graph())
    assert {"cairn.gui.checklist", "cairn.gui.window", "cairn.gui.widgets"} <= set(graph)
    assert "cairn.gui.operations" in graph["cairn.gui.window"]  # edges are found
    cycle = find_cycle(graph)
    assert not cycle, "gui packages import each other in a circle: " + " -> ".join(cycle)
