"""Study time: the timer, time added by hand, and the plan."""
