"""One log line: `HH:MM:SS LEVEL service [request-id] message (123ms)`."""
import re

LINE = re.compile(r"^(\d{2}):(\d{2}):(\d{2}) (DEBUG|INFO|WARN|ERROR) ([a-z][a-z0-9-]*) "
                  r"\[([0-9a-f]{6})\] (.*?)(?: \((\d+)ms\))?$")
LEVELS = ("DEBUG", "INFO", "WARN", "ERROR")


class ParseProblem(Exception):
    pass


class Entry:
    def __init__(self, hour, minute, second, level, service, request, message, millis):
        self.hour = hour
        self.minute = minute
        self.second = second
        self.level = level
        self.service = service
        self.request = request
        self.message = message
        self.millis = millis

    def __repr__(self):
        return f"Entry({self.hour:02d}:{self.minute:02d} {self.level} {self.service})"


def parse_line(line):
    m = LINE.match(line.rstrip("\n"))
    if m is None:
        words = line.split()
        if words and words[0].count(":") != 2:
            raise ParseProblem(f"no timestamp at start: {line.strip()[:24]!r}")
        if len(words) > 1 and words[1] not in LEVELS:
            raise ParseProblem(f"unknown level {words[1]!r}")
        raise ParseProblem("malformed line")
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if hour > 23 or minute > 59 or second > 59:
        raise ParseProblem(f"bad time {m.group(1)}:{m.group(2)}:{m.group(3)}")
    millis = int(m.group(8)) if m.group(8) else None
    return Entry(hour, minute, second, m.group(4), m.group(5), m.group(6), m.group(7), millis)
