"""The target graph: order, levels, dependents, cycles."""
from collections import deque


class CycleError(Exception):
    def __init__(self, cycle):
        super().__init__("dependency cycle: " + " -> ".join(cycle))
        self.cycle = cycle


def missing_dependencies(targets):
    return [(t.name, d) for t in targets.values() for d in t.deps if d not in targets]


def topological_order(targets):
    """Dependencies first; ties broken by name.  Raises CycleError naming a cycle."""
    indegree = {name: 0 for name in targets}
    users = {name: [] for name in targets}
    for t in targets.values():
        for d in t.deps:
            if d in targets:
                indegree[t.name] += 1
                users[d].append(t.name)
    ready = deque(sorted(n for n, k in indegree.items() if k == 0))
    order = []
    while ready:
        name = ready.popleft()
        order.append(name)
        for user in sorted(users[name]):
            indegree[user] -= 1
            if indegree[user] == 0:
                ready.append(user)
    if len(order) != len(targets):
        raise CycleError(find_cycle(targets))
    return order


def find_cycle(targets):
    state = {}
    stack = []

    def visit(name):
        state[name] = "active"
        stack.append(name)
        for d in targets[name].deps:
            if d not in targets:
                continue
            if state.get(d) == "active":
                return stack[stack.index(d):] + [d]
            if d not in state:
                found = visit(d)
                if found:
                    return found
        stack.pop()
        state[name] = "done"
        return None

    for name in sorted(targets):
        if name not in state:
            found = visit(name)
            if found:
                return found
    return []


def levels(targets):
    """Targets by depth: 0 for no dependencies, else one more than the deepest one."""
    depth = {}
    for name in topological_order(targets):
        deps = [depth[d] for d in targets[name].deps if d in depth]
        depth[name] = max(deps) + 1 if deps else 0
    grouped = {}
    for name, d in depth.items():
        grouped.setdefault(d, []).append(name)
    return grouped


def dependents(targets, root):
    """Every target that needs `root`, directly or not."""
    found = set()
    todo = [root]
    while todo:
        current = todo.pop()
        for t in targets.values():
            if current in t.deps and t.name not in found:
                found.add(t.name)
                todo.append(t.name)
    return found
