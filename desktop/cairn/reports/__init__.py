"""Progress summaries for mentors (Markdown, HTML, PDF, JSON) and JSON import/restore.

Everything here is pure Python except `pdf.py`, which uses Qt and is imported only for PDF.
Importing one module (the importer's refusal, say) does not load the summary builder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .summary import Summary, build_summary

__all__ = ["Summary", "build_summary"]


def __getattr__(name: str) -> Any:
    """`Summary` and `build_summary`, loaded when first asked for."""
    if name in __all__:
        from . import summary

        return getattr(summary, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
