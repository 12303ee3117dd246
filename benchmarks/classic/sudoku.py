"""Backtracking sudoku solver: fill the empty cell with the fewest candidates first."""

PUZZLES = [
    "53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79",
    "..9748...7.........2.1.9.....7...24..64.1.59..98...3.....8.3.2.........6...2759..",
    "8..........36......7..9.2...5...7.......457.....1...3...1....68..85...1..9....4..",
    "...2...633....54.1..1..398........9....538....3........263..5..5.37....847...1...",
    "4.....8.5.3..........7......2.....6.....8.4......1.......6.3.7.5..2.....1.4......",
]


def parse(text):
    return [[0 if ch == "." else int(ch) for ch in text[r * 9:r * 9 + 9]] for r in range(9)]


def candidates(grid, row, col):
    used = set(grid[row])
    for r in range(9):
        used.add(grid[r][col])
    br = row // 3 * 3
    bc = col // 3 * 3
    for r in range(br, br + 3):
        for c in range(bc, bc + 3):
            used.add(grid[r][c])
    return [d for d in range(1, 10) if d not in used]


def solve(grid, stats):
    best = None
    best_options = None
    for r in range(9):
        for c in range(9):
            if grid[r][c] == 0:
                options = candidates(grid, r, c)
                if best_options is None or len(options) < len(best_options):
                    best = (r, c)
                    best_options = options
                    if len(options) <= 1:
                        break
        if best_options is not None and len(best_options) <= 1:
            break
    if best is None:
        return True
    r, c = best
    for d in best_options:
        stats[0] += 1
        grid[r][c] = d
        if solve(grid, stats):
            return True
    grid[r][c] = 0
    return False


def main():
    total_guesses = 0
    transposed = ["".join(text[c * 9 + r] for r in range(9) for c in range(9)) for text in PUZZLES]
    rotated = [text[::-1] for text in PUZZLES]
    for text in PUZZLES + transposed + rotated:
        grid = parse(text)
        stats = [0]
        ok = solve(grid, stats)
        total_guesses += stats[0]
        print(ok, stats[0], "".join(str(d) for row in grid for d in row[:3]))
    print("guesses", total_guesses)


main()
