"""Reading a world file.

    room NAME Title words...      starts a room
    desc text...                  its description (lines add up)
    exit DIRECTION ROOM           an open exit
    lock DIRECTION ROOM           a locked exit (a key marked ROOM opens it)
    item KIND NAME WEIGHT EXTRA   an item (see world.items.make_item)
    flag deadly | exit            what happens on entering
"""
from .rooms import Room, World
from .items import make_item


class WorldError(Exception):
    def __init__(self, path, line, message):
        super().__init__(f"{path}:{line}: {message}")
        self.line = line


def load_world(path):
    world = World()
    room = None
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            keyword, _, rest = line.partition(" ")
            fields = rest.split("|") if keyword == "item" else rest.split()
            if keyword == "room":
                room = Room(fields[0], " ".join(fields[1:]))
                world.add(room)
            elif room is None:
                raise WorldError(path, number, "definition outside a room")
            elif keyword == "desc":
                room.description = (room.description + " " + rest).strip()
            elif keyword == "exit":
                room.exits[fields[0]] = fields[1]
            elif keyword == "lock":
                room.locked[fields[0]] = fields[1]
            elif keyword == "item":
                room.items.append(make_item([field.strip() for field in fields]))
            elif keyword == "flag":
                if fields[0] == "deadly":
                    room.deadly = True
                else:
                    room.exit_room = True
            else:
                raise WorldError(path, number, f"unknown keyword {keyword!r}")
    problems = world.check()
    if problems:
        raise WorldError(path, 0, "bad exits: " + "; ".join(problems))
    return world
