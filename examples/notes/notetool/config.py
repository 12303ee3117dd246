"""Configuration: built-in defaults, overridden by a JSON file when it exists."""
import json
import os

DEFAULTS = {"store": "out/notes.json", "width": 60, "default_tag": "misc", "priorities": ["low", "normal", "high"]}


class ConfigError(Exception):
    pass


def load_config(path):
    config = dict(DEFAULTS)
    if not os.path.exists(path):
        return config
    with open(path, encoding="utf-8") as f:
        try:
            overrides = json.load(f)
        except json.JSONDecodeError as e:
            raise ConfigError(f"{path}: line {e.lineno} column {e.colno}: {e.msg}")
    unknown = sorted(set(overrides) - set(DEFAULTS))
    if unknown:
        raise ConfigError(f"{path}: unknown settings {', '.join(unknown)}")
    config.update(overrides)
    if not isinstance(config["width"], int) or config["width"] < 20:
        raise ConfigError(f"{path}: width must be an integer of at least 20")
    return config
