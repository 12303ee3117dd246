"""Turning a line of text into a Command (verb, object, target)."""

ALIASES = {"n": "north", "s": "south", "e": "east", "w": "west", "u": "up", "d": "down",
           "i": "inventory", "l": "look", "get": "take", "grab": "take", "x": "examine"}
DIRECTIONS = {"north", "south", "east", "west", "up", "down"}
VERBS = {"go", "take", "drop", "look", "inventory", "examine", "open", "unlock", "use",
         "save", "load", "quit", "score", "read"}
FILLER = {"the", "a", "an", "at", "to", "on"}


class ParseError(Exception):
    pass


class Command:
    def __init__(self, verb, obj=None, target=None):
        self.verb = verb
        self.obj = obj
        self.target = target

    def __repr__(self):
        return f"Command({self.verb!r}, {self.obj!r}, {self.target!r})"


def parse(line):
    words = [ALIASES.get(w, w) for w in line.lower().split() if w not in FILLER]
    if not words:
        raise ParseError("empty command")
    verb, rest = words[0], words[1:]
    if verb in DIRECTIONS:
        return Command("go", verb)
    if verb not in VERBS:
        raise ParseError(f"unknown verb '{verb}'")
    if verb == "go":
        if not rest or rest[0] not in DIRECTIONS:
            raise ParseError("go where?")
        return Command("go", rest[0])
    if "with" in rest:
        i = rest.index("with")
        obj = " ".join(rest[:i]) or None
        target = " ".join(rest[i + 1:]) or None
        if obj is None or target is None:
            raise ParseError(f"{verb} what with what?")
        return Command(verb, obj, target)
    return Command(verb, " ".join(rest) or None)
