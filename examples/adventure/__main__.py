"""A text adventure: a world read from data/world.txt, played by the commands in
data/script.txt, with a save file written and read back.  Run from this folder:
python3 __main__.py (or `portalis check .`)."""
from engine.game import Game
from engine import parser
from world.loader import load_world

SCRIPT = "data/script.txt"


def main():
    world = load_world("data/world.txt")
    print(f"Loaded {len(world.rooms)} rooms and {world.item_count()} items.")
    game = Game(world)
    game.look()
    with open(SCRIPT) as script:
        for number, line in enumerate(script, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            print(f"\n[{number}] > {line}")
            try:
                command = parser.parse(line)
            except parser.ParseError as err:
                print(f"I don't understand: {err}")
                continue
            game.execute(command)
            if game.finished:
                break
    game.report()


if __name__ == "__main__":
    main()
