"""Counting: levels per service, requests per hour, slow requests, rejected lines."""
from collections import Counter, defaultdict


class Stats:
    def __init__(self, slow_ms):
        self.slow_ms = slow_ms
        self.levels = defaultdict(Counter)
        self.hours = Counter()
        self.days = Counter()
        self.slow = []
        self.rejected = []
        self.durations = defaultdict(list)
        self.requests = defaultdict(list)

    def add(self, day, entry):
        self.levels[entry.service][entry.level] += 1
        self.hours[entry.hour] += 1
        self.days[day] += 1
        self.requests[entry.request].append(entry)
        if entry.millis is not None:
            self.durations[entry.service].append(entry.millis)
            if entry.millis >= self.slow_ms:
                self.slow.append((entry.millis, day, entry))

    def reject(self, where, why):
        self.rejected.append((where, why))

    def total(self):
        return sum(self.hours.values())

    def error_rate(self, service):
        counts = self.levels[service]
        return counts["ERROR"] / sum(counts.values())

    def percentile(self, service, p):
        values = sorted(self.durations[service])
        if not values:
            return None
        index = min(len(values) - 1, round(p / 100 * (len(values) - 1)))
        return values[index]

    def failing_requests(self):
        """Requests that logged an ERROR, with every service they passed through."""
        out = []
        for request, entries in sorted(self.requests.items()):
            if any(e.level == "ERROR" for e in entries):
                out.append((request, sorted({e.service for e in entries})))
        return out
