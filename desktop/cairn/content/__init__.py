"""Curriculum packs: TOML folders read into frozen, validated objects.

The TOML reader and validator (`loader`) load only when files are parsed: a start-up served by
the compiled cache (`cache`) never imports them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .model import (
    KIND_LABELS,
    Card,
    ChoiceGroup,
    ChoiceOption,
    Curriculum,
    Item,
    Month,
    PackInfo,
    Project,
    Reading,
    Role,
    RoleArea,
    Skill,
    Week,
)
from .problems import ContentError, Problem

__all__ = [
    "KIND_LABELS",
    "Card",
    "ChoiceGroup",
    "ChoiceOption",
    "ContentError",
    "Curriculum",
    "Item",
    "Month",
    "PackInfo",
    "Problem",
    "Project",
    "Reading",
    "Role",
    "RoleArea",
    "Skill",
    "Week",
    "load_curriculum",
    "pack_table",
    "validate_pack",
]


def load_curriculum(pack_dirs: Sequence[Path], *, cached: bool = False) -> Curriculum:
    """Load the shipped pack (first) and any extension packs; raise ContentError on problems.

    With `cached`, a compiled copy of these exact files is used when one was stored (see
    cache.py); a load with problems is never stored, so they are reported every time."""
    if cached:
        from .cache import load_through_cache

        return load_through_cache(pack_dirs, _load_from_files)
    return _load_from_files(pack_dirs)


def _load_from_files(pack_dirs: Sequence[Path]) -> Curriculum:
    """Parse and validate every pack's TOML files (see loader.py)."""
    from .loader import parse_packs

    return parse_packs(pack_dirs)


def validate_pack(path: Path, base: Path | None = None) -> list[Problem]:
    """Every problem in the pack at `path` (an extension is checked against `base`)."""
    from .loader import validate_pack as validate

    return validate(path, base)


def pack_table(folder: Path) -> dict[str, Any]:
    """The [pack] table of a folder's pack.toml ({} when it cannot be read safely)."""
    from .loader import pack_table as table

    return table(folder)
