"""The checklist: pages of items (a week, Today, a role) as a table or a grouped tree."""
