"""Dijkstra's shortest paths with heapq over a random graph made by a fixed-seed generator."""
import heapq


def make_graph(nodes, edges_per_node, seed):
    graph = [[] for _ in range(nodes)]
    state = seed
    for u in range(nodes):
        for _ in range(edges_per_node):
            state = (state * 1103515245 + 12345) % 2147483648
            v = state % nodes
            state = (state * 1103515245 + 12345) % 2147483648
            weight = 1 + state % 100
            graph[u].append((v, weight))
            graph[v].append((u, weight))
    return graph


def shortest_paths(graph, source):
    dist = [-1] * len(graph)
    dist[source] = 0
    heap = [(0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        for v, w in graph[u]:
            nd = d + w
            if dist[v] < 0 or nd < dist[v]:
                dist[v] = nd
                heapq.heappush(heap, (nd, v))
    return dist


def main():
    graph = make_graph(20000, 4, 2024)
    for source in range(0, 20000, 1250):
        dist = shortest_paths(graph, source)
        reachable = [d for d in dist if d >= 0]
        print(source, len(reachable), max(reachable), sum(reachable))


main()
