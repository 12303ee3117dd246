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


def test_localtime_follows_the_machines_zone(runs_like_cpython):
    """localtime, strftime's %Z/%z and datetime.now() in the zone TZ names (a zone file or a
    POSIX rule, as glibc reads them for CPython), else /etc/localtime."""
    zones = [None, "", "UTC", "America/New_York", "Europe/Paris", "Australia/Sydney", "Asia/Kolkata",
             "America/Sao_Paulo", "EST5EDT,M3.2.0,M11.1.0", "CET-1CEST,M3.5.0,M10.5.0/3",
             "AEST-10AEDT,M10.1.0,M4.1.0/3", "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", "<+0330>-3:30", "JST-9", "Nowhere"]
    runs_like_cpython('''
        import time
        from datetime import datetime
        for secs in (0, 1700000000, 1690000000, 1711846800, 1711846799, 1729990800, 1729990799, -1000000000, 4102444800):
            t = time.localtime(secs)
            print(t, t.tm_zone, t.tm_gmtoff, time.strftime("%Y-%m-%d %H:%M:%S %Z %z", t))
        print(time.strftime("%Z %z", (2023, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime("%Z %z", (2023, 7, 1, 0, 0, 0, 0, 1, 1)))
        g = time.gmtime(1700000000)
        print(g, g.tm_zone, time.strftime("%Z %z", g))
        now, local = datetime.now(), time.localtime()
        print(abs((now - datetime(*local[:6])).total_seconds()) < 5, time.strftime("%Z") == local.tm_zone)
    ''', [("", {"TZ": zone}) for zone in zones])
