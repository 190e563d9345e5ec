"""The detail pane: one item's description, readings, status, evidence and note."""
