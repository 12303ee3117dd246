"""The game engine: command parsing, the state machine, and saving."""
VERSION = "1.2"
