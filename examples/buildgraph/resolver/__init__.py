"""Manifest reading, the dependency graph, and incremental building."""
