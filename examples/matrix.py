"""A small matrix library with operator overloading: +, -, *, @, **, ==,
indexing, iteration, determinants, inverses with Fractions, and solving
linear systems by Gaussian elimination."""
from fractions import Fraction
from functools import reduce
import math


class MatrixError(ValueError):
    pass


class Matrix:
    def __init__(self, rows):
        rows = [list(r) for r in rows]
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise MatrixError("rows must be non-empty and of equal length")
        self.rows = rows

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    @classmethod
    def zeros(cls, n, m=None):
        return cls([[0] * (m or n) for _ in range(n)])

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])

    def __getitem__(self, index):
        i, j = index
        return self.rows[i][j]

    def __setitem__(self, index, value):
        i, j = index
        self.rows[i][j] = value

    def __iter__(self):
        for row in self.rows:
            yield from row

    def __len__(self):
        return len(self.rows)

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __repr__(self):
        return f"Matrix({self.rows!r})"

    def __str__(self):
        cells = [[str(x) for x in row] for row in self.rows]
        width = max(len(c) for row in cells for c in row)
        return "\n".join("[" + " ".join(c.rjust(width) for c in row) + "]" for row in cells)

    def _elementwise(self, other, op):
        if isinstance(other, Matrix):
            if self.shape != other.shape:
                raise MatrixError(f"shape mismatch {self.shape} vs {other.shape}")
            return Matrix([[op(a, b) for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])
        return Matrix([[op(a, other) for a in row] for row in self.rows])

    def __add__(self, other):
        return self._elementwise(other, lambda a, b: a + b)

    def __radd__(self, other):
        return self + other

    def __sub__(self, other):
        return self._elementwise(other, lambda a, b: a - b)

    def __neg__(self):
        return self * -1

    def __mul__(self, other):
        if isinstance(other, Matrix):
            return self._elementwise(other, lambda a, b: a * b)
        return Matrix([[a * other for a in row] for row in self.rows])

    def __rmul__(self, other):
        return self * other

    def __matmul__(self, other):
        n, m = self.shape
        m2, p = other.shape
        if m != m2:
            raise MatrixError(f"cannot multiply {n}x{m} by {m2}x{p}")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])

    def __pow__(self, k):
        if k < 0:
            return self.inverse() ** -k
        result = Matrix.identity(len(self))
        base = self
        while k:
            if k & 1:
                result = result @ base
            base = base @ base
            k >>= 1
        return result

    def transpose(self):
        return Matrix(zip(*self.rows))

    T = property(transpose)

    def trace(self):
        return sum(self.rows[i][i] for i in range(min(self.shape)))

    def minor(self, i, j):
        return Matrix([row[:j] + row[j + 1:] for k, row in enumerate(self.rows) if k != i])

    def determinant(self):
        n, m = self.shape
        if n != m:
            raise MatrixError("determinant needs a square matrix")
        if n == 1:
            return self.rows[0][0]
        if n == 2:
            (a, b), (c, d) = self.rows
            return a * d - b * c
        return sum((-1) ** j * self.rows[0][j] * self.minor(0, j).determinant() for j in range(n))

    def inverse(self):
        n, m = self.shape
        if n != m:
            raise MatrixError("only square matrices have inverses")
        aug = [[Fraction(x) for x in row] + [Fraction(int(i == j)) for j in range(n)]
               for i, row in enumerate(self.rows)]
        for col in range(n):
            pivot = next((r for r in range(col, n) if aug[r][col] != 0), None)
            if pivot is None:
                raise MatrixError("matrix is singular")
            aug[col], aug[pivot] = aug[pivot], aug[col]
            p = aug[col][col]
            aug[col] = [x / p for x in aug[col]]
            for r in range(n):
                if r != col and aug[r][col] != 0:
                    factor = aug[r][col]
                    aug[r] = [x - factor * y for x, y in zip(aug[r], aug[col])]
        return Matrix([row[n:] for row in aug])

    def solve(self, b):
        inv = self.inverse()
        return [sum(inv[i, j] * b[j] for j in range(len(b))) for i in range(len(b))]

    def map(self, fn):
        return Matrix([[fn(x) for x in row] for row in self.rows])


def fib_matrix(n):
    return (Matrix([[1, 1], [1, 0]]) ** n)[0, 1]


def rotation(degrees):
    t = math.radians(degrees)
    return Matrix([[math.cos(t), -math.sin(t)], [math.sin(t), math.cos(t)]])


def main():
    a = Matrix([[1, 2], [3, 4]])
    b = Matrix([[0, 1], [1, 0]])
    print("a =")
    print(a)
    print("a + b =", (a + b).rows)
    print("a - b =", (a - b).rows)
    print("a * 3 =", (a * 3).rows, " 3 * a =", (3 * a).rows)
    print("-a =", repr(-a))
    print("a @ b =", (a @ b).rows)
    print("a ** 5 =", (a ** 5).rows)
    print("a.T =", a.T.rows, "trace", a.trace(), "shape", a.shape)
    print("det(a) =", a.determinant())
    inv = a.inverse()
    print("inverse:")
    print(inv)
    print("a @ inv == I:", a @ inv == Matrix.identity(2))
    print("a ** -1 == inverse:", a ** -1 == inv)
    print("sum of elements:", sum(a), "max:", max(a), "sorted desc:", sorted(a, reverse=True))
    print("sum of matrices:", sum([a, b, Matrix.identity(2)]).rows)

    m3 = Matrix([[2, -1, 0], [-1, 2, -1], [0, -1, 2]])
    print("det(m3) =", m3.determinant())
    x = m3.solve([1, 0, 1])
    print("solution of m3 x = [1, 0, 1]:", x, "=", [str(v) for v in x])
    m4 = Matrix([[3, 2, 0, 1], [4, 0, 1, 2], [3, 0, 2, 1], [9, 2, 3, 1]])
    print("det(m4) =", m4.determinant())
    print("m4 inverse row 0:", [str(v) for v in m4.inverse().rows[0]])

    for n in (10, 50, 90):
        print(f"fib({n}) via matrix power = {fib_matrix(n)}")

    r = rotation(30) @ rotation(60)
    print("rotation(30) @ rotation(60) =", r.map(lambda v: round(v, 12)).rows)
    print("rotation(45):", rotation(45).map(lambda v: f"{v:.4f}").rows)

    h = Matrix([[Fraction(1, i + j + 1) for j in range(3)] for i in range(3)])
    print("hilbert det:", h.determinant())
    print("hilbert inverse:")
    print(h.inverse())

    z = Matrix.zeros(2, 3)
    z[1, 2] = 7
    print("zeros with one cell:", z.rows, "len", len(z))
    cases = [
        lambda: a + Matrix.zeros(3),
        lambda: a @ Matrix.zeros(3),
        lambda: Matrix([[1, 2], [2, 4]]).inverse(),
        lambda: Matrix([[1, 2], [3]]),
        lambda: Matrix.zeros(2, 3).determinant(),
    ]
    for i, case in enumerate(cases):
        try:
            case()
        except MatrixError as e:
            print(f"case {i}: MatrixError: {e}")
    print("MatrixError is a ValueError:", issubclass(MatrixError, ValueError))
    total = reduce(lambda acc, m: acc @ m, [a, b, a, b], Matrix.identity(2))
    print("product of [a, b, a, b]:", total.rows)


main()
