"""BUILD files:

    target NAME
      src PATH [PATH...]     relative to the project's src/ folder
      dep NAME [NAME...]
"""


class ManifestError(Exception):
    pass


class Target:
    def __init__(self, name):
        self.name = name
        self.sources = []
        self.deps = []

    def __repr__(self):
        return f"Target({self.name!r}, deps={self.deps})"


def read_manifest(path):
    targets = {}
    current = None
    with open(path) as f:
        for number, raw in enumerate(f, 1):
            line = raw.split("#")[0].rstrip()
            if not line.strip():
                continue
            words = line.split()
            if not line.startswith(" "):
                if words[0] != "target" or len(words) != 2:
                    raise ManifestError(f"{path}:{number}: expected 'target NAME'")
                if words[1] in targets:
                    raise ManifestError(f"{path}:{number}: target {words[1]} defined twice")
                current = Target(words[1])
                targets[current.name] = current
            elif current is None:
                raise ManifestError(f"{path}:{number}: indented line before any target")
            elif words[0] == "src":
                current.sources.extend(words[1:])
            elif words[0] == "dep":
                current.deps.extend(words[1:])
            else:
                raise ManifestError(f"{path}:{number}: unknown field {words[0]!r}")
    return targets
