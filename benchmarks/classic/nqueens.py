"""N-queens: count every placement of n queens on an n x n board by backtracking."""


def solve(n):
    cols = [False] * n
    diag1 = [False] * (2 * n)
    diag2 = [False] * (2 * n)
    placed = []
    solutions = []

    def place(row):
        if row == n:
            solutions.append(placed[:])
            return
        for col in range(n):
            if cols[col] or diag1[row + col] or diag2[row - col + n]:
                continue
            cols[col] = diag1[row + col] = diag2[row - col + n] = True
            placed.append(col)
            place(row + 1)
            placed.pop()
            cols[col] = diag1[row + col] = diag2[row - col + n] = False

    place(0)
    return solutions


total = 0
for round_no in range(2):
    for size in range(4, 13):
        found = solve(size)
        total += len(found)
        if round_no == 0:
            print(size, len(found), found[0], found[-1])
print("total", total)
