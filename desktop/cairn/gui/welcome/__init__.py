"""The first-run welcome: the three panes, the target roles, and the plan."""
