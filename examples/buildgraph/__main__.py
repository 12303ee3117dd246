"""A small build tool: reads project/BUILD (targets, their sources and dependencies),
orders the targets, "builds" each one (concatenating its sources into out/), records
content hashes in a cache, and on the second run rebuilds only what changed.
Run from this folder: python3 __main__.py (or `portalis check .`)."""
import os
import shutil
import sys

from resolver import graph
from resolver.builder import Builder
from resolver.manifest import ManifestError, read_manifest

PROJECT = "project"
OUT = "out"


def show_plan(targets):
    order = graph.topological_order(targets)
    print("Build order: " + " -> ".join(order))
    levels = graph.levels(targets)
    for depth in sorted(levels):
        print(f"  level {depth}: {', '.join(sorted(levels[depth]))}")
    return order


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    try:
        targets = read_manifest(os.path.join(PROJECT, "BUILD"))
    except ManifestError as err:
        print(f"error: {err}", file=sys.stderr)
        sys.exit(2)
    print(f"{len(targets)} targets, {sum(len(t.sources) for t in targets.values())} source files")
    missing = graph.missing_dependencies(targets)
    for name, dep in missing:
        print(f"warning: {name} depends on unknown target {dep}")
    order = show_plan(targets)
    print("Reverse dependencies of core:", sorted(graph.dependents(targets, "core")))

    builder = Builder(PROJECT, OUT)
    print("\n-- first build --")
    builder.build(targets, order)

    print("\n-- second build, nothing changed --")
    builder.build(targets, order)

    print("\n-- touch src/lib/strings.txt --")
    with open(os.path.join(PROJECT, "src", "lib", "strings.txt"), "a") as f:
        f.write("trim\n")
    builder.build(targets, order)

    print("\n-- outputs --")
    for root, dirs, files in os.walk(OUT):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            with open(path) as f:
                lines = f.readlines()
            print(f"{path}: {len(lines)} lines, first {lines[0].strip()!r}")

    print("\n-- a cycle --")
    targets["core"].deps.append("app")
    try:
        graph.topological_order(targets)
    except graph.CycleError as err:
        print(f"error: {err}")
    with open(os.path.join(PROJECT, "src", "lib", "strings.txt")) as f:
        text = f.read()
    with open(os.path.join(PROJECT, "src", "lib", "strings.txt"), "w") as f:
        f.write(text.replace("trim\n", ""))


main()
