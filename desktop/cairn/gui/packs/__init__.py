"""Curriculum packs: adding, listing and removing the learner's own content."""
