"""Big-integer number theory: factorials, Fibonacci and Catalan numbers,
modular exponentiation, Miller-Rabin primality, Collatz records,
digit sums, the RSA toy example and integer square roots — all beyond
64 bits, where Python integers just keep growing."""
import math
from functools import lru_cache, reduce
from itertools import accumulate, count, islice, takewhile


def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result


def fib_pair(n):
    """(F(n), F(n+1)) by fast doubling."""
    if n == 0:
        return 0, 1
    a, b = fib_pair(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n % 2 else (c, d)


def fibs():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


@lru_cache(maxsize=None)
def catalan(n):
    if n < 2:
        return 1
    return sum(catalan(i) * catalan(n - 1 - i) for i in range(n))


def is_probable_prime(n, bases=(2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)):
    if n < 2:
        return False
    for p in bases:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in bases:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def next_prime(n):
    candidate = n + 1 if n % 2 == 0 else n + 2
    while not is_probable_prime(candidate):
        candidate += 2
    return candidate


def digit_sum(n):
    return sum(map(int, str(n)))


def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y


def collatz_length(n, cache={1: 1}):
    path = []
    while n not in cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = cache[n]
    for m in reversed(path):
        length += 1
        cache[m] = length
    return length


def to_base(n, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(digits[r])
    return sign + "".join(reversed(out))


def main():
    for n in (20, 21, 25, 30, 52):
        f = factorial(n)
        print(f"{n}! = {f} ({len(str(f))} digits, digit sum {digit_sum(f)})")
    print("math.factorial agrees:", factorial(60) == math.factorial(60))
    f100 = factorial(100)
    trailing = len(str(f100)) - len(str(f100).rstrip("0"))
    print(f"100! has {len(str(f100))} digits and {trailing} trailing zeros; bit length {f100.bit_length()}")

    print("F(90..95):", [fib_pair(n)[0] for n in range(90, 96)])
    print("F(300) =", fib_pair(300)[0])
    first_big = next(i for i, f in enumerate(fibs()) if f > 2 ** 64)
    print("first Fibonacci number above 2**64 is F(%d)" % first_big)
    print("even Fibonacci sum below 10**30:", sum(f for f in takewhile(lambda f: f < 10 ** 30, fibs()) if f % 2 == 0))
    print("Catalan 30..33:", [catalan(n) for n in range(30, 34)])

    m61 = 2 ** 61 - 1
    m89 = 2 ** 89 - 1
    print("2**61-1 prime:", is_probable_prime(m61), " 2**89-1 prime:", is_probable_prime(m89))
    print("2**67-1 prime:", is_probable_prime(2 ** 67 - 1), "(Cole: 193707721 * 761838257287)")
    print("193707721 * 761838257287 =", 193707721 * 761838257287, "==", 2 ** 67 - 1)
    p = next_prime(10 ** 20)
    q = next_prime(10 ** 21 + 12345)
    print("next primes:", p, q)
    n = p * q
    phi = (p - 1) * (q - 1)
    e = 65537
    g, x, _ = egcd(e, phi)
    d = x % phi
    print("gcd(e, phi) =", g, " d*e % phi =", d * e % phi, " pow(e, -1, phi) == d:", pow(e, -1, phi) == d)
    message = 0
    for ch in "Portalis!":
        message = message * 256 + ord(ch)
    cipher = pow(message, e, n)
    plain = pow(cipher, d, n)
    print("message", message, "-> cipher", cipher)
    letters = []
    while plain:
        plain, code = divmod(plain, 256)
        letters.append(chr(code))
    print("decrypted:", "".join(reversed(letters)))

    big = 3 ** 200
    print("3**200 =", big)
    print("isqrt(3**200) == 3**100:", math.isqrt(big) == 3 ** 100)
    print("3**200 in hex:", hex(big)[:30] + "...", "base 36:", to_base(big, 36)[:20] + "...")
    print("divmod(3**200, 10**50):", divmod(big, 10 ** 50)[1])
    print("negative floor division:", -(10 ** 30) // 7, -(10 ** 30) % 7)
    print("mixed with float:", 2 ** 70 / 3, float(2 ** 80), 2 ** 70 > 1e21)
    print("gcd of factorials:", math.gcd(factorial(40), 2 ** 100), "lcm(1..60):", reduce(math.lcm, range(1, 61)))
    print("running products:", list(islice(accumulate(count(15), lambda a, b: a * b), 0, 30, 7)))
    print("comparisons:", sorted([2 ** 64, -2 ** 65, 2 ** 63 - 1, 10 ** 19, -(2 ** 63)]))
    print("formatted: {:,}  {:>40}  {:e}".format(2 ** 80, 2 ** 100, 2 ** 100))

    best = max(range(1, 30000), key=collatz_length)
    print("longest Collatz chain below 30000 starts at", best, "with length", collatz_length(best))
    peak = max(takewhile(lambda v: v != 1, _collatz_values(77031)))
    print("peak of the 77031 trajectory:", peak)


def _collatz_values(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1


if __name__ == "__main__":
    main()
