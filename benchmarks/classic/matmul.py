"""Matrix multiplication of dense float matrices held as lists of lists."""


def make_matrix(n, seed):
    state = seed
    rows = []
    for i in range(n):
        row = []
        for j in range(n):
            state = (state * 1103515245 + 12345) % 2147483648
            row.append((state % 1000) / 500.0 - 1.0)
        rows.append(row)
    return rows


def transpose(m):
    return [list(col) for col in zip(*m)]


def multiply(a, b):
    bt = transpose(b)
    result = []
    for row in a:
        out = []
        for col in bt:
            total = 0.0
            for x, y in zip(row, col):
                total += x * y
            out.append(total)
        result.append(out)
    return result


def trace(m):
    return sum(m[i][i] for i in range(len(m)))


def main():
    n = 250
    a = make_matrix(n, 1)
    b = make_matrix(n, 2)
    c = multiply(a, b)
    d = multiply(c, a)
    print("%.6f %.6f" % (trace(c), trace(d)))
    print("%.6f" % sum(sum(row) for row in d))


main()
