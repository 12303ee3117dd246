"""The command line: an argparse parser with subcommands, run on one argument list."""
import argparse
import json

from . import VERSION
from .render import markdown, stats, table
from .store import Store


def build_parser(config):
    parser = argparse.ArgumentParser(prog="notes", description="Keep short notes with tags and priorities.")
    parser.add_argument("--version", action="version", version=f"notes {VERSION}")
    parser.add_argument("-q", "--quiet", action="store_true", help="print less")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    add = sub.add_parser("add", help="add a note")
    add.add_argument("text", nargs="+", help="the note's words")
    add.add_argument("-t", "--tag", action="append", default=[], help="a tag (repeatable)")
    add.add_argument("-p", "--priority", choices=config["priorities"], default="normal")

    show = sub.add_parser("list", help="list notes")
    show.add_argument("--tag", help="only notes with this tag")
    show.add_argument("--all", action="store_true", help="include done notes")
    show.add_argument("--json", action="store_true", help="print JSON")

    done = sub.add_parser("done", help="mark notes done")
    done.add_argument("ids", type=int, nargs="+")

    tag = sub.add_parser("tag", help="add a tag to a note")
    tag.add_argument("id", type=int)
    tag.add_argument("name")

    export = sub.add_parser("export", help="write a Markdown file")
    export.add_argument("path")
    export.add_argument("--title", default="Notes")

    sub.add_parser("stats", help="counts per tag")
    return parser


def run(argv, config):
    """One run of the tool; returns its exit status."""
    parser = build_parser(config)
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return stop.code
    store = Store(config["store"])
    if args.command == "add":
        tags = args.tag or [config["default_tag"]]
        note = store.add(" ".join(args.text), tags, args.priority)
        size = store.save()
        if not args.quiet:
            print(f"added note {note['id']} ({size} bytes in {config['store']})")
    elif args.command == "list":
        notes = store.select(args.tag, args.all)
        if args.json:
            print(json.dumps(notes, indent=1))
        else:
            print(table(notes, config["width"]))
    elif args.command in ("done", "tag"):
        ids = args.ids if args.command == "done" else [args.id]
        for note_id in ids:
            try:
                note = store.find(note_id)
            except KeyError:
                print(f"notes: no note {note_id}")
                return 1
            if args.command == "done":
                note["done"] = True
            elif args.name not in note["tags"]:
                note["tags"] = sorted(note["tags"] + [args.name])
        store.save()
        print(f"{args.command}: {', '.join(str(i) for i in ids)}")
    elif args.command == "export":
        text = markdown(store.select(show_done=True), args.title)
        with open(args.path, "w", encoding="utf-8") as f:
            f.write(text)
        with open(args.path, encoding="utf-8") as f:
            back = f.readlines()
        print(f"exported {len(back) - 2} notes to {args.path}; first: {back[2].strip() if len(back) > 2 else '-'}")
    else:
        print(stats(store.notes))
    return 0
