"""time: clocks move forward and sleep waits."""


def test_clocks_and_sleep(same_as_cpython):
    same_as_cpython('''
        import time
        start = time.perf_counter()
        t0 = time.time()
        m0 = time.monotonic()
        time.sleep(0.05)
        elapsed = time.perf_counter() - start
        print(elapsed >= 0.04, elapsed < 5, time.time() >= t0, t0 > 1.6e9, time.monotonic() >= m0)
        print(isinstance(time.time(), float), isinstance(time.time_ns(), int), time.time_ns() > 10 ** 18)
        time.sleep(0)
        try:
            time.sleep(-1)
        except ValueError as e:
            print("ValueError:", e)
    ''')
