"""The text report and the CSV summary rows."""
from io import StringIO


def bar(count, scale):
    return "#" * max(1, round(count / scale)) if count else ""


def render(stats):
    out = StringIO()
    out.write(f"Log report: {stats.total()} entries, {len(stats.rejected)} rejected\n")
    out.write("\nEntries per day:\n")
    for day in sorted(stats.days):
        out.write(f"  {day}  {stats.days[day]:>4}\n")
    out.write("\nLevels by service:\n")
    out.write(f"  {'service':<10}" + "".join(f"{level:>7}" for level in ("DEBUG", "INFO", "WARN", "ERROR")) + "   err%\n")
    for service in sorted(stats.levels):
        counts = stats.levels[service]
        cells = "".join(f"{counts[level]:>7}" for level in ("DEBUG", "INFO", "WARN", "ERROR"))
        out.write(f"  {service:<10}{cells}  {stats.error_rate(service):6.1%}\n")
    out.write("\nBusiest hours:\n")
    top = stats.hours.most_common(3)
    scale = max(top[0][1] / 20, 1) if top else 1
    for hour, count in sorted(top):
        out.write(f"  {hour:02d}:00  {count:>3} {bar(count, scale)}\n")
    out.write(f"\nSlow requests (>= {stats.slow_ms} ms):\n")
    for millis, day, entry in sorted(stats.slow, key=lambda s: (-s[0], s[1]))[:5]:
        out.write(f"  {millis:>5} ms  {day} {entry.hour:02d}:{entry.minute:02d}  {entry.service:<8} {entry.message}\n")
    out.write("\nLatency p50/p90 by service:\n")
    for service in sorted(stats.durations):
        out.write(f"  {service:<10} {stats.percentile(service, 50):>5} {stats.percentile(service, 90):>5}\n")
    out.write("\nRequests with errors:\n")
    for request, services in stats.failing_requests():
        out.write(f"  {request}: {' -> '.join(services)}\n")
    if stats.rejected:
        out.write("\nRejected lines:\n")
        for where, why in stats.rejected:
            out.write(f"  {where}: {why}\n")
    return out.getvalue()


def summary_rows(stats):
    rows = [("service", "entries", "errors", "p90_ms")]
    for service in sorted(stats.levels):
        counts = stats.levels[service]
        p90 = stats.percentile(service, 90)
        rows.append((service, sum(counts.values()), counts["ERROR"], p90 if p90 is not None else ""))
    return rows
