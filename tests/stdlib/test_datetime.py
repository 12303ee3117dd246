"""datetime: date, time, datetime and timedelta against CPython: arithmetic, ordering,
repr/str, isoformat/fromisoformat, strftime/strptime and the errors of each."""


def test_dates_times_deltas_and_errors(same_as_cpython):
    same_as_cpython('''
        import datetime
        from datetime import date, timedelta, time
        from datetime import datetime as DT
        d = date(2024, 2, 28)
        print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.toordinal())
        print(d + timedelta(days=1), d + timedelta(days=2), d - timedelta(weeks=1), repr(d - date(2023, 1, 1)))
        print(d.isoformat(), d.strftime("%Y/%m/%d %a %A %b %B %j %U %W %w %y %%"), d.isocalendar(), d.isocalendar().week)
        print(date(2021, 1, 3).isocalendar(), date(2020, 12, 31).isocalendar(), d.replace(day=1), d.ctime())
        dt = DT(2023, 12, 31, 23, 59, 30, 500)
        print(dt, repr(dt), repr(DT(2020, 1, 1)), repr(DT(2020, 1, 1, 5, 0, 7)))
        print(dt + timedelta(seconds=30), dt - DT(2023, 1, 1), (dt - DT(2024, 1, 1)), dt.date(), dt.time(), repr(dt.time()))
        print(dt.isoformat(), dt.isoformat(" "), dt.isoformat(timespec="minutes"), dt.strftime("%H:%M:%S.%f %I %p %c %x %X"))
        print(DT.strptime("2021-03-04 05:06:07", "%Y-%m-%d %H:%M:%S"), DT.strptime("4 March 21 5PM", "%d %B %y %I%p"))
        print(DT.fromisoformat("2011-11-04T00:05:23.283"), DT.fromisoformat("2011-11-04"), date.fromisoformat("2019-12-04"), time.fromisoformat("04:23:01"))
        print(datetime.date(2000, 1, 1) < datetime.date(2000, 1, 2), d == date(2024, 2, 28), d != date(2024, 2, 29), dt > DT(2000, 1, 1))
        print(sorted([date(2020, 5, 1), date(2019, 1, 1), date(2020, 1, 1)]), max(date(2020, 5, 1), date(2021, 1, 1)))
        print({date(2020, 1, 1): "x"}[date(2020, 1, 1)], len({date(2020, 1, 1), date(2020, 1, 1)}))
        td = timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)
        print(td, repr(td), td.days, td.seconds, td.microseconds, td.total_seconds())
        print(-td, repr(-td), abs(-td), td * 2, 2 * td, td / 2, td // 3, td / timedelta(hours=1), td // timedelta(hours=1), td % timedelta(hours=1))
        print(timedelta(0), repr(timedelta(0)), timedelta(hours=-1), timedelta(minutes=1.5), timedelta(milliseconds=1), bool(timedelta(0)))
        print(timedelta(days=2) > timedelta(hours=47), timedelta(weeks=1) == timedelta(days=7), sum([timedelta(hours=5)] * 5, timedelta()))
        print(time(12, 30), repr(time(12, 30)), repr(time(1, 2, 3)), repr(time(1, 2, 3, 4)), time(7).isoformat())
        print(f"{d:%d.%m.%Y}", "{:%H:%M}".format(dt), f"{d}")
        print(date.min, date.max, repr(timedelta.max), timedelta.resolution, DT.combine(d, time(10, 30)))
        print(DT.fromordinal(738000), date.fromordinal(1), DT(2020, 2, 29).replace(year=2024))
        for bad in [lambda: date(2023, 2, 29), lambda: date(2023, 13, 1), lambda: date(0, 1, 1), lambda: time(24, 0),
                    lambda: DT(2020, 1, 1, 0, 60), lambda: date(2020, 1, 1) - timedelta(days=800000),
                    lambda: DT.strptime("2020-13-01", "%Y-%m-%d"), lambda: DT.strptime("2020-01-01 x", "%Y-%m-%d"),
                    lambda: DT.strptime("2020-02-30", "%Y-%m-%d"), lambda: date.fromisoformat("2020-1-1"),
                    lambda: date(2020, 1, 1) < DT(2020, 1, 1), lambda: date("2020", 1, 1), lambda: date(2020.0, 1, 1),
                    lambda: timedelta(1) / 0, lambda: date(2020, 1, 1) + 1, lambda: timedelta(days=10**9)]:
            try:
                print(bad())
            except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
                print(type(e).__name__, e)
        print(date(2020, 1, 1) == DT(2020, 1, 1), date.today() <= date.today(), type(DT.now().year).__name__)
    ''')


def test_strptime_and_log_arithmetic(same_as_cpython):
    same_as_cpython('''
        from datetime import datetime, date, timedelta
        for text, fmt in [("1/2/2020", "%d/%m/%Y"), ("2020 060", "%Y %j"), ("jan 5 1999", "%b %d %Y"), ("12:00:00.25", "%H:%M:%S.%f"),
                          ("20200102", "%Y%m%d"), ("Monday, 03 August 2020", "%A, %d %B %Y"), ("12AM", "%I%p"), ("  7  8", " %m %d"),
                          ("99-1-1", "%y-%m-%d"), ("68-1-1", "%y-%m-%d"), ("5%", "%d%%")]:
            print(repr(datetime.strptime(text, fmt)))
        start = date(2024, 1, 1)
        days = [start + timedelta(days=k * 37) for k in range(12)]
        print([d.strftime("%a %d %b") for d in days])
        print([(d - start).days for d in days], sorted(days, reverse=True)[0])
        log = ["2024-03-01 10:00:00", "2024-03-01 12:30:15", "2024-03-02 08:00:00"]
        stamps = [datetime.strptime(s, "%Y-%m-%d %H:%M:%S") for s in log]
        gaps = [b - a for a, b in zip(stamps, stamps[1:])]
        print(gaps, [g.total_seconds() for g in gaps], max(gaps), sum(gaps, timedelta()) / len(gaps))
        by_day = {}
        for s in stamps:
            by_day.setdefault(s.date(), []).append(s.time())
        print(by_day)
        print(datetime.strptime("bad", "%Y"))
    ''')
