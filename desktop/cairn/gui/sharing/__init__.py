"""Sharing progress: exporting a summary, importing one, a mentor's cohort."""
