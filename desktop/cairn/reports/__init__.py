"""Progress summaries for mentors (Markdown, HTML, PDF, JSON) and JSON import/restore.

Everything here is pure Python except `pdf.py`, which uses Qt and is imported only for PDF."""

from .summary import Summary, build_summary

__all__ = ["Summary", "build_summary"]
