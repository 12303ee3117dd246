"""Conway's Game of Life on a sparse set of live cells and on a wrapping grid,
with pattern detection (still lifes, oscillators, spaceships) and a seeded
random soup."""
import random
from collections import Counter
from itertools import product

NEIGHBOUR_OFFSETS = [(dr, dc) for dr, dc in product((-1, 0, 1), repeat=2) if (dr, dc) != (0, 0)]

PATTERNS = {
    "block": ["##", "##"],
    "blinker": ["###"],
    "toad": [".###", "###."],
    "glider": [".#.", "..#", "###"],
    "beacon": ["##..", "##..", "..##", "..##"],
    "r-pentomino": [".##", "##.", ".#."],
}


def parse(rows, origin=(0, 0)):
    r0, c0 = origin
    return frozenset((r0 + r, c0 + c) for r, row in enumerate(rows) for c, ch in enumerate(row) if ch == "#")


def step(cells):
    counts = Counter((r + dr, c + dc) for r, c in cells for dr, dc in NEIGHBOUR_OFFSETS)
    return frozenset(cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in cells))


def bounding_box(cells):
    rows = [r for r, _ in cells]
    cols = [c for _, c in cells]
    return min(rows), min(cols), max(rows), max(cols)


def normalise(cells):
    if not cells:
        return frozenset()
    r0, c0, _, _ = bounding_box(cells)
    return frozenset((r - r0, c - c0) for r, c in cells)


def render(cells, box=None):
    if not cells:
        return "(empty)"
    r0, c0, r1, c1 = box or bounding_box(cells)
    return "\n".join("".join("#" if (r, c) in cells else "." for c in range(c0, c1 + 1)) for r in range(r0, r1 + 1))


def classify(cells, limit=40):
    seen = {normalise(cells): (0, bounding_box(cells)[:2] if cells else (0, 0))}
    current = cells
    for gen in range(1, limit + 1):
        current = step(current)
        if not current:
            return f"dies after {gen} generations"
        shape = normalise(current)
        if shape in seen:
            first, (pr, pc) = seen[shape]
            period = gen - first
            r, c, _, _ = bounding_box(current)
            if (r, c) == (pr, pc):
                if period == 1:
                    return "still life" if first == 0 else f"becomes still after {first} generations"
                return f"oscillator with period {period}"
            return f"spaceship with period {period}, moving ({r - pr}, {c - pc})"
        seen[shape] = (gen, bounding_box(current)[:2])
    return f"still changing after {limit} generations ({len(current)} cells)"


class Grid:
    """A finite grid that wraps around at the edges (a torus)."""

    def __init__(self, height, width):
        self.height = height
        self.width = width
        self.cells = [[False] * width for _ in range(height)]
        self.generation = 0

    @classmethod
    def random(cls, height, width, density, seed):
        rng = random.Random(seed)
        grid = cls(height, width)
        for r in range(height):
            for c in range(width):
                grid.cells[r][c] = rng.random() < density
        return grid

    def live_neighbours(self, r, c):
        return sum(
            self.cells[(r + dr) % self.height][(c + dc) % self.width]
            for dr, dc in NEIGHBOUR_OFFSETS
        )

    def advance(self):
        new = [[False] * self.width for _ in range(self.height)]
        for r in range(self.height):
            for c in range(self.width):
                n = self.live_neighbours(r, c)
                new[r][c] = n == 3 or (n == 2 and self.cells[r][c])
        changed = new != self.cells
        self.cells = new
        self.generation += 1
        return changed

    @property
    def population(self):
        return sum(map(sum, self.cells))

    def __str__(self):
        return "\n".join("".join("o" if alive else "." for alive in row) for row in self.cells)

    def signature(self):
        return tuple(tuple(row) for row in self.cells)


def main():
    for name, rows in PATTERNS.items():
        cells = parse(rows)
        print(f"{name:<12} {len(cells):2} cells: {classify(cells)}")

    glider = parse(PATTERNS["glider"])
    print("\nglider, generations 0..4:")
    states = [glider]
    for _ in range(4):
        states.append(step(states[-1]))
    box = (0, 0, 3, 3)
    frames = [render(s, box).splitlines() for s in states]
    for line in zip(*frames):
        print("   ".join(line))

    r_pent = parse(PATTERNS["r-pentomino"], origin=(10, 10))
    cells = r_pent
    history = []
    for gen in range(60):
        history.append(len(cells))
        cells = step(cells)
    print("\nr-pentomino population every 10 generations:", history[::10])
    print("max population in first 60:", max(history), "at generation", history.index(max(history)))
    print("bounding box after 60:", bounding_box(cells))

    grid = Grid.random(12, 24, 0.35, seed=7)
    print(f"\nrandom soup, population {grid.population}:")
    print(grid)
    seen = {grid.signature(): 0}
    while grid.generation < 200:
        changed = grid.advance()
        sig = grid.signature()
        if not changed:
            print(f"stable at generation {grid.generation}")
            break
        if sig in seen:
            print(f"cycle of length {grid.generation - seen[sig]} found at generation {grid.generation}")
            break
        seen[sig] = grid.generation
    else:
        print("no repetition within 200 generations")
    print(f"after {grid.generation} generations, population {grid.population}:")
    print(grid)

    torus = Grid(5, 5)
    for r, c in parse(PATTERNS["glider"]):
        torus.cells[r][c] = True
    start = torus.signature()
    for _ in range(20):
        torus.advance()
    print("\nglider on a 5x5 torus returns home after 20 generations:", torus.signature() == start)


if __name__ == "__main__":
    main()
