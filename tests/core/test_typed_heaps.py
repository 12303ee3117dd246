"""Lists of tuples are typed as `List<(A, B)>` of Rust tuples, and `heapq` on a typed
list runs CPython's sift algorithm natively, leaving the list in the same order."""
from __future__ import annotations

import re

from portalis.api import translate

GRAPH = """
import heapq
from heapq import heappush, heappop

def edges(n):
    out = [[] for _ in range(n)]
    for u in range(n):
        for k in range(1, 3):
            v = (u * 7 + k) % n
            out[u].append((v, (u + v) % 5 + 1))
    return out

def shortest(graph, source):
    best = [10 ** 6 for _ in graph]
    heap = [(0, source)]
    best[source] = 0
    while len(heap) > 0:
        cost, node = heapq.heappop(heap)
        if cost == best[node]:
            for nxt, step in graph[node]:
                total = cost + step
                if total < best[nxt]:
                    best[nxt] = total
                    heapq.heappush(heap, (total, nxt))
    return best

def ranked(words):
    heap = []
    for i, w in enumerate(words):
        heappush(heap, (len(w), w, i * 0.5))
    print(heap)
    out = []
    while heap:
        out.append(heappop(heap))
    return out
"""


def test_lists_of_tuples_and_heaps_are_native():
    rust = translate(GRAPH + "print(shortest(edges(9), 0), ranked(['b']))\n").rust_code
    assert "fn edges(n: i64) -> PyResult<List<List<(Int, Int)>>>" in rust
    assert re.search(r"heap\.heappop\(\)(\.at\w*\(.*?\))?\?", rust) and "heap.heappush((" in rust
    assert "stdlib::call(\"heapq" not in rust


def test_heaps_of_tuples_match_python(same_as_cpython):
    same_as_cpython(GRAPH + """
def main():
    g = edges(12)
    print(g[3], g[3][0], g[3][0][1], len(g[0]))
    print(shortest(g, 0))
    print(ranked(["pear", "fig", "apple", "kiwi", "fig", "banana"]))
    h = [5, 1, 8, 3, 9, 2, 2, 7]
    heapq.heapify(h)
    print(h, heapq.heappushpop(h, 4), heapq.heappushpop(h, 0), heapq.heapreplace(h, 6), h)
    pairs = [(2.5, "x"), (float("nan"), "n"), (-0.0, "z"), (0.0, "a")]
    heapq.heapify(pairs)
    print(pairs, sorted(pairs[1:]), pairs[0] < pairs[1], pairs[2] == (0.0, "a"))
    seen = [(1, 2)]
    alias = seen
    alias.append((3, 4))
    for a, b in seen:
        print(a + b, end=" ")
    print(seen == [(1, 2), (3, 4)], (3, 4) in seen, seen.index((3, 4)))
    empty = []
    heapq.heappush(empty, (1, 1))
    heapq.heappop(empty)
    try:
        heapq.heappop(empty)
    except IndexError as e:
        print("IndexError:", e)
    try:
        heapq.heapreplace(empty, (2, 2))
    except IndexError as e:
        print("IndexError:", e)

main()
""")
