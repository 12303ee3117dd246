"""Rooms and the world that holds them."""


class Room:
    def __init__(self, name, title):
        self.name = name
        self.title = title
        self.description = ""
        self.exits = {}
        self.locked = {}
        self.items = []
        self.deadly = False
        self.exit_room = False
        self.visits = 0

    def find(self, name):
        for item in self.items:
            if item.name == name:
                return item
        return None

    def __repr__(self):
        return f"Room({self.name!r}, exits={sorted(self.exits)})"


class World:
    def __init__(self):
        self.rooms = {}
        self.start = None

    def add(self, room):
        if room.name in self.rooms:
            raise ValueError(f"room {room.name} defined twice")
        self.rooms[room.name] = room
        if self.start is None:
            self.start = room.name
            room.visits = 1

    def item_count(self):
        return sum(len(room.items) for room in self.rooms.values())

    def check(self):
        """Every exit leads to a defined room."""
        problems = []
        for room in self.rooms.values():
            for direction, target in list(room.exits.items()) + list(room.locked.items()):
                if target not in self.rooms:
                    problems.append(f"{room.name} {direction} -> {target}")
        return problems
