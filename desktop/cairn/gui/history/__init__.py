"""The history page: what was done and studied, over time."""
