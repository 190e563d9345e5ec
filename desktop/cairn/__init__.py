"""Cairn: an offline companion for a six-month path into AI engineering."""

__version__ = "0.2.0"
