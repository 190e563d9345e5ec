"""Find anything (Ctrl+K): fuzzy quick open over the path's items, readings, roles and notes."""
