"""The world: rooms, items, and the loader for world files."""
