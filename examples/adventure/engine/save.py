"""Save files: one `key=value` line each, items comma-separated."""
import os


def save(player, path):
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    with open(path, "w") as f:
        f.write(f"room={player.room}\n")
        f.write(f"state={player.state}\n")
        f.write(f"moves={player.moves}\n")
        f.write(f"score={player.score}\n")
        f.write("items=" + ",".join(item.name for item in player.inventory) + "\n")
    return os.path.getsize(path)


def load(path):
    values = {}
    with open(path) as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("=")
            values[key] = value
    values["moves"] = int(values["moves"])
    values["score"] = int(values["score"])
    values["items"] = [name for name in values["items"].split(",") if name]
    return values
