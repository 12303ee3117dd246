"""Settings read from a JSON file, each checked and given a default when absent."""
import json

DEFAULTS = {
    "default_priority": "normal",
    "priorities": ["low", "normal", "high"],
    "list_order": "priority",
    "show_done": False,
    "tags": [],
}


class ConfigError(Exception):
    pass


class Config:
    def __init__(self, values):
        self.values = values

    def __getitem__(self, key):
        return self.values[key]

    def priority_rank(self, name):
        return self.values["priorities"].index(name)

    def describe(self):
        parts = []
        for key in sorted(self.values):
            parts.append(f"{key}={json.dumps(self.values[key])}")
        return ", ".join(parts)


def load_config(path):
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    values = dict(DEFAULTS)
    for key, value in raw.items():
        if key not in DEFAULTS:
            raise ConfigError(f"unknown setting {key!r} in {path}")
        if type(value) is not type(DEFAULTS[key]):
            raise ConfigError(f"setting {key!r} should be a {type(DEFAULTS[key]).__name__}")
        values[key] = value
    if values["default_priority"] not in values["priorities"]:
        raise ConfigError("default_priority must be one of the priorities")
    return Config(values)
