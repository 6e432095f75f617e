"""The set of installed forms, every version of each (old records keep opening)."""
from __future__ import annotations

from pathlib import Path

from .dump import dump_form
from .errors import FormError
from .loader import PACKAGE_RESOURCES, build_form, inline_vocabularies
from .model import Form
from .safeyaml import load_file

MAX_FORM_FILES = 500


def version_key(v: str) -> tuple[int, ...]:
    try:
        return tuple(int(x) for x in str(v).split("."))
    except ValueError:
        return (0,)


def _split_root(root: Path | None) -> tuple[Path, Path]:
    """(resources, forms folder) for a root that is either resources/ or resources/forms/."""
    if root is None:
        return PACKAGE_RESOURCES, PACKAGE_RESOURCES / "forms"
    root = Path(root)
    if (root / "forms").is_dir():
        return root, root / "forms"
    return root.parent, root


class FormRegistry:
    """Forms under ``resources/forms`` (current versions) and ``resources/forms/archive`` (older ones).

    Blocks (``resources/forms/blocks``) are only used through ``include:``.
    A file that fails to load is left out and its reason kept in ``errors``.
    """

    def __init__(self, root: Path | None = None):
        self.resources, self.forms_dir = _split_root(root)
        self.errors: list[str] = []
        self._files: dict[tuple[str, str], Path] = {}
        self._cache: dict[tuple[str, str], Form] = {}
        self._scan()

    def _candidates(self) -> list[Path]:
        files = sorted(self.forms_dir.glob("*.yaml")) + sorted(self.forms_dir.glob("*.json"))
        files = [p for p in files if p.name != "schema.json"]
        arch = self.forms_dir / "archive"
        if arch.is_dir():
            files += sorted(p for p in arch.rglob("*") if p.suffix in (".yaml", ".yml", ".json") and p.is_file())
        return files[:MAX_FORM_FILES]

    def _scan(self) -> None:
        for p in self._candidates():
            try:
                data = load_file(p)
            except FormError as e:
                self.errors.append(str(e))
                continue
            if not isinstance(data, dict) or "form" not in data or "version" not in data:
                if isinstance(data, dict) and "block" in data:
                    continue
                self.errors.append(f"{p.name}: not a form definition (needs 'form' and 'version')")
                continue
            key = (str(data["form"]), str(data["version"]))
            if key in self._files and self._files[key].parent == self.forms_dir:
                continue  # the current file wins over an archived copy of the same version
            self._files[key] = p

    def _load(self, key: tuple[str, str]) -> Form:
        if key not in self._cache:
            p = self._files[key]
            data = load_file(p)
            self._cache[key] = build_form(data, name=p.name, resources=self.resources, source=str(p))
        return self._cache[key]

    def versions(self, form_id: str) -> list[str]:
        return sorted((v for i, v in self._files if i == form_id), key=version_key)

    def get(self, form_id: str, version: str | None = None) -> Form:
        vs = self.versions(form_id)
        if not vs:
            raise FormError(f"unknown form {form_id!r}")
        if version is None:
            version = vs[-1]
        elif str(version) not in vs:
            raise FormError(f"form {form_id!r} has no version {version!r} (available: {', '.join(vs)})")
        return self._load((form_id, str(version)))

    def list(self) -> list[Form]:
        """The latest version of every interview form, sorted by id."""
        out: list[Form] = []
        for fid in sorted({i for i, _ in self._files}):
            try:
                f = self.get(fid)
            except FormError as e:
                if str(e) not in self.errors:
                    self.errors.append(str(e))
                continue
            if f.kind == "interview":
                out.append(f)
        return out

    def archive(self, form: Form) -> Path:
        """Write a self-contained copy (includes and vocabularies inlined) to archive/ID/VERSION.yaml.

        Do this before changing a form's version, so records made with it keep opening.
        """
        target = self.forms_dir / "archive" / form.id / f"{form.version}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dump_form(inline_vocabularies(form)), "utf-8")
        self._files.setdefault(form.key, target)
        return target
