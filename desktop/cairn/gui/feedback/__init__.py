"""The mentor's feedback on a learner's summary: the draft, saving it, and closing with it."""
