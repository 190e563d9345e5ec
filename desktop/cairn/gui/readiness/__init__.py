"""The readiness page: how ready the learner is for each target role."""
