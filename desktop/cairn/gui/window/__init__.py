"""The main window and its navigation."""
