"""Keeping data safe from the window: backups, restore, the database check."""
