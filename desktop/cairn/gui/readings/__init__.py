"""The readings page and a reading's details."""
