"""Graph algorithms on a small road network and a grid maze:
BFS, iterative and recursive DFS, Dijkstra and A* with heapq,
topological sort, connected components and cycle detection."""
import heapq
import math
from collections import defaultdict, deque


class Graph:
    def __init__(self, directed=False):
        self.directed = directed
        self.adj = defaultdict(list)

    def add_edge(self, u, v, w=1):
        self.adj[u].append((v, w))
        if not self.directed:
            self.adj[v].append((u, w))
        else:
            self.adj.setdefault(v, [])

    @property
    def nodes(self):
        return sorted(self.adj)

    def neighbours(self, u):
        return [v for v, _ in self.adj[u]]

    def bfs(self, start):
        seen = {start}
        order = []
        dist = {start: 0}
        queue = deque([start])
        while queue:
            u = queue.popleft()
            order.append(u)
            for v in sorted(self.neighbours(u)):
                if v not in seen:
                    seen.add(v)
                    dist[v] = dist[u] + 1
                    queue.append(v)
        return order, dist

    def dfs_iter(self, start):
        seen = set()
        stack = [start]
        while stack:
            u = stack.pop()
            if u in seen:
                continue
            seen.add(u)
            yield u
            for v in sorted(self.neighbours(u), reverse=True):
                if v not in seen:
                    stack.append(v)

    def dfs_recursive(self, start, seen=None):
        if seen is None:
            seen = []
        seen.append(start)
        for v in sorted(self.neighbours(start)):
            if v not in seen:
                self.dfs_recursive(v, seen)
        return seen

    def dijkstra(self, source):
        dist = {source: 0}
        prev = {}
        heap = [(0, source)]
        done = set()
        while heap:
            d, u = heapq.heappop(heap)
            if u in done:
                continue
            done.add(u)
            for v, w in self.adj[u]:
                nd = d + w
                if nd < dist.get(v, math.inf):
                    dist[v] = nd
                    prev[v] = u
                    heapq.heappush(heap, (nd, v))
        return dist, prev

    def components(self):
        seen = set()
        comps = []
        for node in self.nodes:
            if node not in seen:
                comp = sorted(self.dfs_iter(node))
                seen.update(comp)
                comps.append(comp)
        return comps

    def topo_sort(self):
        indeg = {u: 0 for u in self.adj}
        for u in self.adj:
            for v, _ in self.adj[u]:
                indeg[v] += 1
        ready = [u for u, d in indeg.items() if d == 0]
        heapq.heapify(ready)
        order = []
        while ready:
            u = heapq.heappop(ready)
            order.append(u)
            for v, _ in self.adj[u]:
                indeg[v] -= 1
                if indeg[v] == 0:
                    heapq.heappush(ready, v)
        if len(order) != len(indeg):
            raise ValueError("graph has a cycle")
        return order

    def has_cycle(self):
        WHITE, GREY, BLACK = 0, 1, 2
        colour = dict.fromkeys(self.adj, WHITE)

        def visit(u):
            colour[u] = GREY
            for v, _ in self.adj[u]:
                if colour[v] == GREY:
                    return True
                if colour[v] == WHITE and visit(v):
                    return True
            colour[u] = BLACK
            return False

        return any(colour[u] == WHITE and visit(u) for u in self.nodes)


def path_to(prev, target):
    path = [target]
    while path[-1] in prev:
        path.append(prev[path[-1]])
    return path[::-1]


MAZE = """\
##########
#S   #   #
# ## # # #
#  #   # #
## ##### #
#      # #
# #### # #
#    #  E#
##########"""


def grid_neighbours(grid, r, c):
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < len(grid) and 0 <= nc < len(grid[0]) and grid[nr][nc] != "#":
            yield nr, nc


def astar(grid, start, goal):
    def h(p):
        return abs(p[0] - goal[0]) + abs(p[1] - goal[1])

    open_heap = [(h(start), 0, start)]
    came_from = {start: None}
    cost = {start: 0}
    expanded = 0
    while open_heap:
        _, g, current = heapq.heappop(open_heap)
        if current == goal:
            break
        if g > cost[current]:
            continue
        expanded += 1
        for nxt in grid_neighbours(grid, *current):
            ng = g + 1
            if ng < cost.get(nxt, float("inf")):
                cost[nxt] = ng
                came_from[nxt] = current
                heapq.heappush(open_heap, (ng + h(nxt), ng, nxt))
    else:
        return None, expanded
    path = []
    node = goal
    while node is not None:
        path.append(node)
        node = came_from[node]
    path.reverse()
    return path, expanded


def main():
    roads = Graph()
    for u, v, w in [("A", "B", 7), ("A", "C", 9), ("A", "F", 14), ("B", "C", 10), ("B", "D", 15),
                    ("C", "D", 11), ("C", "F", 2), ("D", "E", 6), ("E", "F", 9), ("G", "H", 1)]:
        roads.add_edge(u, v, w)
    order, hops = roads.bfs("A")
    print("BFS from A:", " -> ".join(order))
    print("hops:", hops)
    print("DFS iterative:", list(roads.dfs_iter("A")))
    print("DFS recursive:", roads.dfs_recursive("A"))
    dist, prev = roads.dijkstra("A")
    for node in roads.nodes:
        if node in dist:
            print(f"  A->{node}: {dist[node]:>3} via {'-'.join(path_to(prev, node))}")
        else:
            print(f"  A->{node}: unreachable (dist={dist.get(node, math.inf)})")
    print("components:", roads.components())
    print("undirected cycle check skipped; edges:", sum(len(v) for v in roads.adj.values()) // 2)

    deps = Graph(directed=True)
    for a, b in [("shop", "cook"), ("cook", "eat"), ("wake", "shop"), ("wake", "shower"),
                 ("shower", "dress"), ("dress", "shop"), ("eat", "nap")]:
        deps.add_edge(a, b)
    print("topological order:", deps.topo_sort())
    print("has cycle:", deps.has_cycle())
    deps.add_edge("nap", "wake")
    print("has cycle after nap->wake:", deps.has_cycle())
    try:
        deps.topo_sort()
    except ValueError as e:
        print("topo_sort failed:", e)

    grid = MAZE.splitlines()
    start = next((r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "S")
    goal = next((r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "E")
    path, expanded = astar(grid, start, goal)
    print(f"A* from {start} to {goal}: {len(path) - 1} steps, {expanded} nodes expanded")
    rows = [list(row) for row in grid]
    for r, c in path[1:-1]:
        rows[r][c] = "."
    print("\n".join("".join(row) for row in rows))
    blocked = [row.replace(" ", "#") if i == 4 else row for i, row in enumerate(grid)]
    blocked = [row[:8] + "#" + row[9:] if i == 4 else row for i, row in enumerate(blocked)]
    print("blocked maze:", astar(blocked, start, goal))


if __name__ == "__main__":
    main()
