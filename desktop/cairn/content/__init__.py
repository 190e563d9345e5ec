"""Curriculum packs: TOML folders read into frozen, validated objects."""

from .loader import load_curriculum, pack_table, validate_pack
from .model import (
    KIND_LABELS,
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
