"""The player's state machine: exploring, then (after the chest) escaping, then won.
States and transitions are data; the game asks `advance` after each event."""

EXPLORING = "exploring"
ESCAPING = "escaping"
WON = "won"
LOST = "lost"

TRANSITIONS = {
    (EXPLORING, "chest_opened"): ESCAPING,
    (ESCAPING, "reached_exit"): WON,
    (EXPLORING, "fell"): LOST,
    (ESCAPING, "fell"): LOST,
}

history = []


class Player:
    def __init__(self, start):
        self.room = start
        self.inventory = []
        self.state = EXPLORING
        self.moves = 0
        self.score = 0

    def advance(self, event):
        new = TRANSITIONS.get((self.state, event))
        if new is None:
            return False
        history.append((self.state, event, new))
        self.state = new
        return True

    def carrying(self, name):
        return any(item.name == name for item in self.inventory)
