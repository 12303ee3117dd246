"""Things in rooms: plain items, keys that open a named lock, and readable items."""


class Item:
    def __init__(self, name, weight, points=0, portable=True):
        self.name = name
        self.weight = weight
        self.points = points
        self.portable = portable

    def describe(self):
        kind = "a fixture" if not self.portable else f"{self.weight} kg"
        return f"The {self.name}: {kind}, worth {self.points} points."

    def __str__(self):
        return f"a {self.name}"


class Key(Item):
    def __init__(self, name, weight, opens):
        super().__init__(name, weight, 5)
        self.opens = opens

    def describe(self):
        return super().describe() + f" It is marked '{self.opens}'."


class Readable(Item):
    def __init__(self, name, weight, text):
        super().__init__(name, weight, 1)
        self.text = text

    def __str__(self):
        return f"a {self.name} (readable)"


def make_item(fields):
    """An item from a world-file line's fields: kind, name, weight, then extras."""
    kind, name, weight = fields[0], fields[1], int(fields[2])
    if kind == "key":
        return Key(name, weight, fields[3])
    if kind == "note":
        return Readable(name, weight, fields[3])
    if kind == "fixture":
        return Item(name, weight, int(fields[3]), portable=False)
    if kind == "item":
        return Item(name, weight, int(fields[3]))
    raise ValueError(f"unknown item kind {kind!r}")
