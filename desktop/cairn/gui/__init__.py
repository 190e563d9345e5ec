"""The PySide6 window. Views show the tracker's values and hold no business logic."""
