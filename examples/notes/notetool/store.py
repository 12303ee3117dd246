"""Notes persisted as a JSON document: {"next_id": n, "notes": [{...}, ...]}."""
import json
import os


class Store:
    def __init__(self, path):
        self.path = path
        self.notes = []
        self.next_id = 1
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
            self.notes = data["notes"]
            self.next_id = data["next_id"]

    def add(self, text, tags, priority):
        note = {"id": self.next_id, "text": text, "tags": sorted(set(tags)), "priority": priority, "done": False}
        self.notes.append(note)
        self.next_id += 1
        return note

    def find(self, note_id):
        for note in self.notes:
            if note["id"] == note_id:
                return note
        raise KeyError(note_id)

    def select(self, tag=None, show_done=False):
        chosen = [n for n in self.notes if (show_done or not n["done"]) and (tag is None or tag in n["tags"])]
        order = {"high": 0, "normal": 1, "low": 2}
        return sorted(chosen, key=lambda n: (order.get(n["priority"], 3), n["id"]))

    def save(self):
        folder = os.path.dirname(self.path)
        if folder:
            os.makedirs(folder, exist_ok=True)
        with open(self.path, "w", encoding="utf-8") as f:
            json.dump({"next_id": self.next_id, "notes": self.notes}, f, indent=2, sort_keys=True)
            f.write("\n")
        return os.path.getsize(self.path)
