"""random: a seeded program draws exactly CPython's numbers (Mersenne Twister)."""


def test_seeded_draws(same_as_cpython):
    """random/randint/randrange/getrandbits/choice/shuffle/sample/choices/uniform/gauss."""
    same_as_cpython('''
        import random
        random.seed(42)
        print(random.random(), random.random())
        print([random.randint(1, 100) for _ in range(10)], random.randint(-3, -3))
        print(random.randrange(10), random.randrange(5, 50, 5), random.randrange(10, 0, -3), random.randrange(-5, 5))
        print(random.getrandbits(1), random.getrandbits(8), random.getrandbits(32), random.getrandbits(40), random.getrandbits(63), random.getrandbits(0))
        xs = list(range(10))
        random.shuffle(xs)
        print(xs)
        cards = ["A", "K", "Q"]
        random.shuffle(cards)
        print(cards, random.choice("abcdefg"), random.choice([10, 20, 30]), random.choice(range(1000)))
        print(random.sample(range(100), 5), random.sample(["a", "b", "c", "d"], 4), random.sample("xyz", 0))
        print(random.sample(range(1000), 20), random.sample(range(10 ** 6), 3))
        print(random.uniform(1, 5), random.uniform(5, 1), random.gauss(0, 1), random.gauss(10, 2), random.gauss(0, 1))
        print(random.choices("abc", k=5), random.choices([1, 2, 3], weights=[10, 1, 1], k=6), random.choices("xy", cum_weights=[1, 5], k=3))
        print(random.choices(range(5)))
        for seed in (0, 1, -7, 2 ** 32, 12345678901234, 9223372036854775807, -9223372036854775807 - 1, 3.5, True):
            random.seed(seed)
            print(seed, random.random(), random.randint(0, 10 ** 12))
        random.seed(7)
        a = [random.random() for _ in range(700)]
        print(a[-1], sum(a) > 0)
        random.seed()
        r = random.random()
        print(0 <= r < 1)
    ''')


def test_errors(same_as_cpython):
    same_as_cpython('''
        import random
        random.seed(1)
        tests = [
            lambda: random.choice([]),
            lambda: random.randrange(0),
            lambda: random.randint(5, 1),
            lambda: random.randrange(0, 10, 0),
            lambda: random.randrange(0, 10, -1),
            lambda: random.sample([1, 2], 3),
            lambda: random.sample({1, 2}, 1),
            lambda: random.choices("ab", weights=[1], k=1),
            lambda: random.getrandbits(-1),
        ]
        for t in tests:
            try:
                t()
            except IndexError as e:
                print("IndexError:", e)
            except ValueError as e:
                print("ValueError:", e)
            except TypeError as e:
                print("TypeError:", e)
        print(random.random())
    ''')


def test_random_instances(same_as_cpython):
    """random.Random(seed) generators are independent of each other and of the module's."""
    same_as_cpython('''
        import random
        random.seed(5)
        r = random.Random(42)
        s = random.Random("hello world")
        t = random.Random(2 ** 80 + 12345)
        print(r.random(), s.random(), t.random(), random.random())
        print([r.randint(1, 6) for _ in range(10)], r.randrange(0, 100, 7), r.getrandbits(16), r.getrandbits(100))
        xs = list(range(12))
        r.shuffle(xs)
        print(xs, r.choice("hello"), r.sample(range(50), 4), r.choices("ab", weights=[1, 3], k=5))
        print(r.uniform(2, 3), r.gauss(0, 1), r.gauss(5, 2), r.expovariate(1.5), r.triangular(0, 10, 3))
        print(r.normalvariate(0, 1), r.lognormvariate(0, 0.5), r.paretovariate(2), r.weibullvariate(1, 2))
        r.seed(42)
        print(r.random())
        r2 = random.Random(42)
        print(r2.random(), random.random(), random.expovariate(0.25), random.triangular(), random.normalvariate())
        random.seed("seed text")
        print(random.random(), random.getrandbits(70), s.randint(1, 1000))
        try:
            random.expovariate(0)
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e)
        u = random.Random()
        print(0 <= u.random() < 1)
    ''')
