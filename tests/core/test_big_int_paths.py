"""Big-int arithmetic on the runtime's fast paths (add, subtract and multiply by a small
int two limbs at a time; decimal conversion by constant division), checked against
CPython on carry-heavy operands of odd and even limb counts and on a pi spigot."""
from __future__ import annotations


SOURCE = """
def patterns():
    out = []
    for limbs in range(1, 10):
        ones = int("f" * (8 * limbs), 16)
        top = int("8" + "0" * (8 * limbs - 1), 16)
        out += [ones, top, ones - int("1" + "0" * (4 * limbs + 2), 16), -ones]
    return out

def spigot(count):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < count:
        if 4 * q + r - t < n * t:
            digits.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = q * k, (2 * q + r) * l, t * l, k + 1, (q * (7 * k + 2) + r * l) // (t * l), l + 2
    return digits

def main():
    values = patterns()
    check = 0
    for a in values:
        for b in values:
            check = (check * 31 + (a + b) - (a - b) * 3) % (10 ** 40 + 7)
        for y in (1, 2, 10, 0xFFFFFFFF, 0x80000001, -7):
            check ^= hash(a * y) & 0xFFFF
        print(str(a)[:30], len(str(a * 12345)), hex(a + 1)[-12:], int(str(abs(a))[::-1]) % 1000003)
    print(check)
    digits = spigot(400)
    print("".join(str(d) for d in digits)[-60:], sum(digits))
    big = 7 ** 2000
    print(len(str(big)), str(big)[:20], str(-big)[-20:], int(str(big)) == big, format(big, "x")[:16])

main()
"""


def test_big_int_fast_paths_match_python(same_as_cpython):
    same_as_cpython(SOURCE)
