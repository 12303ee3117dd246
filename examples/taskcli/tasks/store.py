"""Tasks kept in a JSON file: loaded once, written back after every change."""
import json
import os


class StoreError(Exception):
    pass


class Task:
    def __init__(self, ident, title, priority, tags, done=False, notes=None):
        self.ident = ident
        self.title = title
        self.priority = priority
        self.tags = tags
        self.done = done
        self.notes = notes or []

    def to_json(self):
        return {"id": self.ident, "title": self.title, "priority": self.priority,
                "tags": self.tags, "done": self.done, "notes": self.notes}

    @classmethod
    def from_json(cls, data):
        return cls(data["id"], data["title"], data["priority"], data["tags"], data["done"], data["notes"])

    def __repr__(self):
        return f"Task({self.ident}, {self.title!r})"


class Store:
    def __init__(self, path):
        self.path = path
        self.tasks = []
        self.next_id = 1
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
            self.tasks = [Task.from_json(item) for item in data["tasks"]]
            self.next_id = data["next_id"]

    def save(self):
        data = {"next_id": self.next_id, "tasks": [t.to_json() for t in self.tasks]}
        with open(self.path, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2, sort_keys=True)
            f.write("\n")

    def add(self, title, priority, tags):
        task = Task(self.next_id, title, priority, tags)
        self.next_id += 1
        self.tasks.append(task)
        self.save()
        return task

    def find(self, ident):
        for task in self.tasks:
            if task.ident == ident:
                return task
        raise StoreError(f"no task with id {ident}")

    def remove(self, ident):
        task = self.find(ident)
        self.tasks.remove(task)
        self.save()
        return task
