"""Parsing log lines, accumulating statistics, and rendering reports."""
