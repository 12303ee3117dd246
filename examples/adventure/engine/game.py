"""The game: commands change the world and the player, and drive the state machine."""
from . import save as saves
from . import state
from .state import Player
from world.items import Key, Readable

SAVE_PATH = "saves/slot1.txt"


class Game:
    def __init__(self, world):
        self.world = world
        self.player = Player(world.start)
        self.finished = False
        self.handlers = {
            "go": self.go, "take": self.take, "drop": self.drop, "look": self.look,
            "inventory": self.inventory, "examine": self.examine, "unlock": self.unlock,
            "open": self.open_, "read": self.read, "save": self.save, "load": self.load,
            "score": self.score, "quit": self.quit, "use": self.unlock,
        }

    @property
    def room(self):
        return self.world.rooms[self.player.room]

    def execute(self, command):
        handler = self.handlers.get(command.verb)
        if handler is None:
            print(f"You can't {command.verb} here.")
            return
        self.player.moves += 1
        handler(command)

    def look(self, command=None):
        room = self.room
        print(f"== {room.title} ==")
        print(room.description)
        if room.items:
            print("You see: " + ", ".join(str(item) for item in room.items) + ".")
        exits = sorted(room.exits)
        locked = sorted(room.locked)
        print("Exits: " + (", ".join(exits) if exits else "none")
              + (f" (locked: {', '.join(locked)})" if locked else ""))

    def go(self, command):
        room = self.room
        if command.obj in room.locked:
            print(f"The way {command.obj} is locked.")
            return
        if command.obj not in room.exits:
            print("You can't go that way.")
            return
        self.player.room = room.exits[command.obj]
        self.room.visits += 1
        self.look()
        if self.room.deadly:
            print("The floor gives way beneath you!")
            self.event("fell")
        elif self.room.exit_room:
            self.event("reached_exit")

    def take(self, command):
        item = self.room.find(command.obj)
        if item is None:
            print(f"There is no {command.obj} here.")
        elif not item.portable:
            print(f"The {item.name} won't budge.")
        else:
            self.room.items.remove(item)
            self.player.inventory.append(item)
            self.player.score += item.points
            print(f"Taken: {item.name}.")

    def drop(self, command):
        for item in self.player.inventory:
            if item.name == command.obj:
                self.player.inventory.remove(item)
                self.room.items.append(item)
                print(f"Dropped: {item.name}.")
                return
        print(f"You don't have a {command.obj}.")

    def inventory(self, command):
        if not self.player.inventory:
            print("You are empty-handed.")
            return
        total = sum(item.weight for item in self.player.inventory)
        print(f"You carry ({total} kg):")
        for item in sorted(self.player.inventory, key=lambda i: i.name):
            print(f"  - {item.name:<10} {item.weight:>3} kg")

    def examine(self, command):
        item = self.room.find(command.obj) or self.find_carried(command.obj)
        print(item.describe() if item else f"You see no {command.obj}.")

    def read(self, command):
        item = self.room.find(command.obj) or self.find_carried(command.obj)
        if isinstance(item, Readable):
            print(f'It reads: "{item.text}"')
        else:
            print("There is nothing to read.")

    def unlock(self, command):
        direction, key_name = command.obj, command.target
        key = self.find_carried(key_name) if key_name else None
        if direction not in self.room.locked:
            print(f"Nothing to unlock {direction}.")
        elif not isinstance(key, Key):
            print("You need a key.")
        elif key.opens != self.room.locked[direction]:
            print(f"The {key.name} doesn't fit.")
        else:
            self.room.exits[direction] = self.room.locked.pop(direction)
            self.player.score += 10
            print(f"Unlocked the way {direction}.")

    def open_(self, command):
        item = self.room.find(command.obj)
        if item is None or item.name != "chest":
            print("You can't open that.")
            return
        if not self.player.carrying("crowbar"):
            print("The chest is shut tight. Something to pry it with?")
            return
        print("The chest creaks open: a map of the way out!")
        self.player.score += 25
        if self.player.advance("chest_opened"):
            print(f"[state: {self.player.state}]")

    def save(self, command):
        size = saves.save(self.player, SAVE_PATH)
        print(f"Saved to {SAVE_PATH} ({size} bytes).")

    def load(self, command):
        try:
            values = saves.load(SAVE_PATH)
        except FileNotFoundError as err:
            print(f"No save: {err}")
            return
        print("Save file holds: " + ", ".join(f"{k}={v}" for k, v in sorted(values.items())))

    def score(self, command):
        print(f"Score {self.player.score} in {self.player.moves} moves, state {self.player.state}.")

    def quit(self, command):
        self.finished = True
        print("Bye.")

    def event(self, name):
        if self.player.advance(name):
            print(f"[state: {self.player.state}]")
        if self.player.state in (state.WON, state.LOST):
            self.finished = True

    def find_carried(self, name):
        for item in self.player.inventory:
            if item.name == name:
                return item
        return None

    def report(self):
        print("\n--- game over ---")
        print(f"Final state: {self.player.state}; score {self.player.score}; moves {self.player.moves}")
        for before, event, after in state.history:
            print(f"  {before} --{event}--> {after}")
        visited = sorted(name for name, room in self.world.rooms.items() if room.visits)
        print("Rooms visited: " + ", ".join(visited))
