"""Building targets incrementally: a target is rebuilt when the hash of its sources or
of a dependency's output changed since the last build (kept in out/.cache)."""
import hashlib
import os
from pathlib import Path


class Builder:
    def __init__(self, project, out):
        self.src = Path(project) / "src"
        self.out = Path(out)
        self.cache_file = self.out / ".cache"
        self.builds = 0

    def load_cache(self):
        cache = {}
        if not self.cache_file.exists():
            return cache
        for line in self.cache_file.read_text().splitlines():
            name, digest = line.split("=")
            cache[name] = digest
        return cache

    def save_cache(self, cache):
        lines = [f"{name}={digest}" for name, digest in sorted(cache.items())]
        self.cache_file.write_text("\n".join(lines) + "\n")

    def digest(self, target, outputs):
        h = hashlib.sha256()
        for source in target.sources:
            h.update((self.src / source).read_text().encode())
        for dep in target.deps:
            h.update(outputs.get(dep, "").encode())
        return h.hexdigest()[:12]

    def build(self, targets, order):
        self.out.mkdir(parents=True, exist_ok=True)
        cache = self.load_cache()
        outputs = {}
        rebuilt = []
        for name in order:
            target = targets[name]
            digest = self.digest(target, outputs)
            outputs[name] = digest
            if cache.get(name) == digest and (self.out / f"{name}.out").is_file():
                print(f"  {name:<8} up to date ({digest})")
                continue
            self.write_output(target)
            cache[name] = digest
            rebuilt.append(name)
            self.builds += 1
            print(f"  {name:<8} built      ({digest})")
        self.save_cache(cache)
        print(f"  {len(rebuilt)} rebuilt, {len(order) - len(rebuilt)} up to date; {self.builds} builds in all")

    def write_output(self, target):
        lines = [f"# {target.name} <- {', '.join(target.deps) or 'nothing'}\n"]
        for source in target.sources:
            path = self.src / source
            for line in path.read_text().splitlines():
                lines.append(f"{path.stem}: {line}\n")
        folder = self.out / os.path.dirname(target.name.replace(".", "/"))
        folder.mkdir(parents=True, exist_ok=True)
        with open(self.out / f"{target.name}.out", "w") as f:
            f.writelines(lines)
