"""The shape of the code: the window and the command line reach the core only
through the services layer, the import graph of desktop/ has no cycle, and no
module is too long to read in one sitting."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "desktop"
# What the front ends may import from the core: the use cases, refusals, folders.
ALLOWED_CORE = ("desktop.core.services", "desktop.core.errors", "desktop.core.paths")
MAX_LINES = 410  # the "about 400 lines": every module fits on a few screens


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PKG.rglob("*.py")}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """Modules of desktop/ that ``name`` imports (anywhere in the file, type-checking blocks excepted)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for n in ast.walk(node))
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            # "from pkg import sub" imports the submodule; "from pkg import name" the package
            targets = [f"{mod}.{a.name}" if f"{mod}.{a.name}" in known else mod for a in node.names]
        for t in targets:
            while t and t not in known:
                t = t.rpartition(".")[0]
            if t and t != name:
                out.add(t)
    return out


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imports_of(name, path, known) for name, path in mods.items()}


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in g.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def test_front_ends_import_only_the_services_layer_from_the_core():
    g = graph()
    offenders = []
    for name, deps in sorted(g.items()):
        if not name.startswith(("desktop.ui", "desktop.cli")):
            continue
        for dep in sorted(deps):
            if dep.startswith("desktop.core") and not dep.startswith(ALLOWED_CORE) and dep != "desktop.core":
                offenders.append(f"{name} imports {dep}")
    assert offenders == []


def test_the_import_graph_of_desktop_has_no_cycle():
    assert cycles(graph()) == []


def test_the_graph_walker_finds_a_cycle(tmp_path):
    g = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(g) == [["a", "b", "c"]]


def test_shared_ui_pieces_do_not_import_the_screens_above_them():
    g = graph()
    offenders = [f"{name} imports {dep}" for name, deps in sorted(g.items()) if name.startswith("desktop.ui.base")
                 for dep in sorted(deps) if dep.startswith("desktop.ui") and not dep.startswith("desktop.ui.base")]
    assert offenders == []


def test_no_worker_signal_is_connected_to_a_lambda():
    """A lambda connected to a worker's signal runs on the worker thread (it has no receiver
    object), so a widget it touches can crash the app: connect bound methods instead."""
    offenders = []
    for path in (PKG / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "connect"
                    and node.args and isinstance(node.args[0], ast.Lambda)):
                sender = ast.unparse(node.func.value)
                if "task" in sender.lower() and not sender.startswith("thread"):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {sender}")
    assert offenders == []


# Module globals that are rebound at run time are hidden state. The only ones allowed are caches of
# read-only resources shipped with the app, loaded once on first use.
RESOURCE_CACHES = {"desktop/core/media/faces.py": {"_session"}}


def test_no_module_global_is_rebound_as_hidden_state():
    found: dict[str, set[str]] = {}
    for path in PKG.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Global):
                found.setdefault(str(path.relative_to(ROOT)), set()).update(node.names)
    assert found == RESOURCE_CACHES


def test_running_tasks_belong_to_the_application_not_to_a_module():
    import desktop.ui.base.workers as workers

    mutable = [n for n, v in vars(workers).items() if isinstance(v, (set, list, dict)) and not n.startswith("__")]
    assert mutable == []


def test_no_module_is_longer_than_about_400_lines():
    long = {name: n for name, path in modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
