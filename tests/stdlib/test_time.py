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


def test_gmtime_localtime_and_strftime(same_as_cpython):
    same_as_cpython('''
        import time
        t = time.gmtime(86400 * 365.25 * 30 + 3723.9)
        print(t, t[0], t.tm_yday, t.tm_wday, len(t), list(t)[:3], time.strftime("%Y-%m-%d %H:%M:%S %a %j %Z %z %%Z", t))
        print(time.strftime("%x %X %B %p", (2024, 1, 2, 3, 4, 5, 1, 2, 0)), time.gmtime(0), time.gmtime(-86400).tm_year)
        print(time.strftime("%Y", time.localtime()) == time.strftime("%Y"), type(time.localtime().tm_hour).__name__)
        try:
            time.strftime("%Y", (2024,))
        except TypeError as e:
            print(e)
    ''')
