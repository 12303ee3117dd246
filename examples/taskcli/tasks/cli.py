"""The command line: one argparse subcommand per action, dispatched to a handler."""
import argparse

from tasks import report


def build_parser(config):
    parser = argparse.ArgumentParser(prog="tasks", description="Keep track of things to do.")
    parser.add_argument("-q", "--quiet", action="store_true", help="print less")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    add = commands.add_parser("add", help="add a task")
    add.add_argument("title", nargs="+", help="what to do")
    add.add_argument("-p", "--priority", choices=config["priorities"], default=config["default_priority"])
    add.add_argument("-t", "--tag", action="append", default=[], dest="tags", help="a tag (repeatable)")

    listing = commands.add_parser("list", help="list tasks")
    listing.add_argument("--all", action="store_true", help="include finished tasks")
    listing.add_argument("--tag", help="only tasks with this tag")
    listing.add_argument("--limit", type=int, default=0, help="at most this many")

    done = commands.add_parser("done", help="mark tasks finished")
    done.add_argument("ids", type=int, nargs="+", metavar="ID")

    edit = commands.add_parser("edit", help="change a task")
    edit.add_argument("id", type=int)
    edit.add_argument("--title")
    edit.add_argument("--priority", choices=config["priorities"])
    edit.add_argument("--note", help="append a note")

    remove = commands.add_parser("remove", help="delete a task")
    remove.add_argument("id", type=int)

    commands.add_parser("stats", help="counts by priority and tag")

    export = commands.add_parser("export", help="write the tasks as Markdown")
    export.add_argument("path")
    return parser


def split_words(line):
    """A command line's words, as a shell splits them: quotes group words and are removed."""
    words, current, quote, started = [], [], None, False
    for ch in line:
        if quote:
            if ch == quote:
                quote = None
            else:
                current.append(ch)
        elif ch in "\"'":
            quote, started = ch, True
        elif ch.isspace():
            if started:
                words.append("".join(current))
                current, started = [], False
        else:
            current.append(ch)
            started = True
    if quote:
        raise ValueError(f"no closing quotation in {line!r}")
    if started:
        words.append("".join(current))
    return words


def run(args, config, store):
    handler = HANDLERS[args.command]
    handler(args, config, store)


def do_add(args, config, store):
    task = store.add(" ".join(args.title), args.priority, sorted(set(args.tags)))
    if not args.quiet:
        print(f"added #{task.ident}: {task.title} [{task.priority}]" + report.tag_text(task.tags))


def do_list(args, config, store):
    shown = report.select(store.tasks, config, args.all or config["show_done"], args.tag)
    if args.limit > 0:
        shown = shown[:args.limit]
    if not shown:
        print("nothing to do")
    for task in shown:
        print(report.line(task))


def do_done(args, config, store):
    for ident in args.ids:
        task = store.find(ident)
        if task.done:
            print(f"#{ident} was already done")
        else:
            task.done = True
            print(f"finished #{ident}: {task.title}")
    store.save()


def do_edit(args, config, store):
    task = store.find(args.id)
    changes = []
    if args.title:
        task.title = args.title
        changes.append("title")
    if args.priority:
        task.priority = args.priority
        changes.append("priority")
    if args.note:
        task.notes.append(args.note)
        changes.append("notes")
    store.save()
    print(f"#{task.ident}: changed {', '.join(changes) or 'nothing'}")


def do_remove(args, config, store):
    task = store.remove(args.id)
    print(f"removed {task!r}")


def do_stats(args, config, store):
    for row in report.stats(store.tasks, config):
        print(row)


def do_export(args, config, store):
    text = report.markdown(store.tasks, config)
    with open(args.path, "w", encoding="utf-8") as f:
        f.write(text)
    with open(args.path, encoding="utf-8") as f:
        lines = f.readlines()
    print(f"wrote {args.path}: {len(lines)} lines, {len(text.encode())} bytes")
    print("".join(lines[:4]), end="")


HANDLERS = {
    "add": do_add,
    "list": do_list,
    "done": do_done,
    "edit": do_edit,
    "remove": do_remove,
    "stats": do_stats,
    "export": do_export,
}
