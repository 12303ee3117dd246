"""A sudoku solver: constraint propagation (naked singles and hidden
singles) plus backtracking search with the minimum-remaining-values
heuristic.  Solves several puzzles, validates them and counts work."""
from itertools import chain

DIGITS = "123456789"
ROWS = "ABCDEFGHI"
COLS = DIGITS


def cross(a, b):
    return [r + c for r in a for c in b]


SQUARES = cross(ROWS, COLS)
UNITS_LIST = (
    [cross(ROWS, c) for c in COLS]
    + [cross(r, COLS) for r in ROWS]
    + [cross(rs, cs) for rs in ("ABC", "DEF", "GHI") for cs in ("123", "456", "789")]
)
UNITS = {s: [u for u in UNITS_LIST if s in u] for s in SQUARES}
PEERS = {s: sorted(set(chain.from_iterable(UNITS[s])) - {s}) for s in SQUARES}


class Contradiction(Exception):
    pass


class Solver:
    def __init__(self):
        self.assignments = 0
        self.guesses = 0
        self.backtracks = 0

    def parse(self, grid):
        chars = [c for c in grid if c in DIGITS or c in "0."]
        if len(chars) != 81:
            raise ValueError(f"expected 81 cells, got {len(chars)}")
        values = {s: DIGITS for s in SQUARES}
        for s, d in zip(SQUARES, chars):
            if d in DIGITS:
                self.assign(values, s, d)
        return values

    def assign(self, values, s, d):
        self.assignments += 1
        for other in values[s].replace(d, ""):
            self.eliminate(values, s, other)
        return values

    def eliminate(self, values, s, d):
        if d not in values[s]:
            return
        values[s] = values[s].replace(d, "")
        if not values[s]:
            raise Contradiction(f"no candidates left for {s}")
        if len(values[s]) == 1:
            last = values[s]
            for peer in PEERS[s]:
                self.eliminate(values, peer, last)
        for unit in UNITS[s]:
            places = [sq for sq in unit if d in values[sq]]
            if not places:
                raise Contradiction(f"no place for {d} in unit containing {s}")
            if len(places) == 1 and len(values[places[0]]) > 1:
                self.assign(values, places[0], d)

    def search(self, values):
        if all(len(values[s]) == 1 for s in SQUARES):
            return values
        n, s = min((len(values[s]), s) for s in SQUARES if len(values[s]) > 1)
        for d in values[s]:
            self.guesses += 1
            try:
                return self.search(self.assign(dict(values), s, d))
            except Contradiction:
                self.backtracks += 1
        raise Contradiction(f"dead end at {s}")

    def solve(self, grid):
        return self.search(self.parse(grid))


def render(values):
    width = 1 + max(len(values[s]) for s in SQUARES)
    line = "+".join(["-" * (width * 3)] * 3)
    out = []
    for r in ROWS:
        out.append("".join(values[r + c].center(width) + ("|" if c in "36" else "") for c in COLS))
        if r in "CF":
            out.append(line)
    return "\n".join(out)


def valid(values):
    return all(sorted(values[s] for s in unit) == list(DIGITS) for unit in UNITS_LIST)


PUZZLES = {
    "easy": "003020600900305001001806400008102900700000008006708200002609500800203009005010300",
    "hard": "4.....8.5.3..........7......2.....6.....8.4......1.......6.3.7.5..2.....1.4......",
    "hardest": """
        85...24..
        72......9
        ..4......
        ...1.7..2
        3.5...9..
        .4.......
        ....8..7.
        .17......
        ....36.4.
    """,
    "invalid": "11" + "." * 79,
    "short": "123",
}


def main():
    for name, grid in PUZZLES.items():
        solver = Solver()
        try:
            values = solver.solve(grid)
        except Contradiction as e:
            print(f"{name}: unsolvable ({e})")
            continue
        except ValueError as e:
            print(f"{name}: bad input: {e}")
            continue
        print(f"{name}: solved={valid(values)} assignments={solver.assignments} "
              f"guesses={solver.guesses} backtracks={solver.backtracks}")
        print(render(values))
        print("".join(values[s] for s in SQUARES[:27]) + "...")
    partial = Solver().parse(PUZZLES["hard"])
    print("after propagation only, candidate counts:")
    counts = {}
    for s in SQUARES:
        counts[len(partial[s])] = counts.get(len(partial[s]), 0) + 1
    print(sorted(counts.items()))
    print("peers of A1:", len(PEERS["A1"]), PEERS["A1"][:6], "units:", len(UNITS["E5"]))


if __name__ == "__main__":
    main()
