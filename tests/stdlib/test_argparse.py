"""argparse: parsing, `--help`, `--version`, usage errors (exit status 2, usage and
`prog: error: ...` on stderr) and subcommands, compared with CPython byte for byte on
stdout and stderr, with the exit status, for many command lines and terminal widths."""


def widths(lines, columns):
    """Each command line at each terminal width (None: COLUMNS unset, 80 columns)."""
    return [(line, {"COLUMNS": None if width is None else str(width)}) for width in columns for line in lines]


def test_options_types_actions_help_and_errors(runs_like_cpython):
    runs_like_cpython('''
        import argparse
        import sys

        parser = argparse.ArgumentParser(description="Process some integers and write a report of what was found in them.", epilog="See the manual for more.")
        parser.add_argument("integers", metavar="N", type=int, nargs="+", help="an integer for the accumulator")
        parser.add_argument("-v", "--verbose", action="count", default=0, help="be more verbose (repeatable)")
        parser.add_argument("--sum", dest="accumulate", action="store_const", const=sum, default=max, help="sum the integers (default: find the max)")
        parser.add_argument("-o", "--output", default="out.txt", help="where to write (default: %(default)s)")
        parser.add_argument("--mode", choices=["fast", "slow"], default="fast")
        parser.add_argument("-q", "--quiet", action="store_true")
        parser.add_argument("--tag", action="append", help="tags")
        parser.add_argument("--ratio", type=float, required=False)
        args = parser.parse_args()
        print(args.integers, args.verbose, args.accumulate(args.integers), args.output, args.mode, args.quiet, args.tag, args.ratio)
    ''', widths([
        "1 2 3", "-h", "--sum 1 2 -vv --tag a --tag=b", "", "1 x", "--mode bad 1", "1 --ratio 2.5 -qv",
        "1 --out f -- 5", "1 --bogus", "--verb 3 --ratio", "-o", "1 -vvv --mode=slow", "-5",
    ], (None, 40, 57, 120)))


def test_subcommands_groups_nargs_version_and_given_lists(runs_like_cpython):
    runs_like_cpython('''
        import argparse


        def positive(text):
            value = int(text)
            if value <= 0:
                raise argparse.ArgumentTypeError(f"{value} is not a positive number")
            return value


        def cmd_add(args):
            print("add", args.name, args.count, args.labels)


        def cmd_remove(args):
            print("remove", args.names, args.force)


        parser = argparse.ArgumentParser(prog="inventory", description="Keep track of the inventory of a very small shop, with subcommands for each operation.")
        parser.add_argument("--version", action="version", version="%(prog)s 1.2.3")
        parser.add_argument("--db", metavar="PATH", default="inv.json", help="the database file to read and write")
        parser.add_argument("--no-color", dest="color", action="store_false", help="plain output")
        parser.add_argument("--point", nargs=2, type=float, metavar=("X", "Y"), help="a point")
        parser.add_argument("--level", nargs="?", const="high", default="low", help="level (default: %(default)s, bare: %(const)s)")
        parser.add_argument("--debug-flag", action="append_const", const="d", dest="flags")
        parser.add_argument("--size", type=positive, default=1)
        group = parser.add_argument_group("output", "How results are printed.")
        group.add_argument("--format", choices=["text", "json", "csv"], default="text", help="one of %(choices)s")
        sub = parser.add_subparsers(dest="command", title="commands", help="what to do")
        add = sub.add_parser("add", help="add an item to the inventory")
        add.add_argument("name")
        add.add_argument("count", type=int, nargs="?", default=1)
        add.add_argument("-l", "--labels", nargs="*", default=[])
        add.set_defaults(func=cmd_add)
        rm = sub.add_parser("remove", aliases=["rm"], help="remove items")
        rm.add_argument("names", nargs="+")
        rm.add_argument("-f", "--force", action="store_true")
        rm.set_defaults(func=cmd_remove)

        args = parser.parse_args()
        print(args.command, args.db, args.color, args.point, args.level, args.flags, args.size, args.format)
        print(sorted(k for k in ("command", "db") if k in args))
        if args.command:
            args.func(args)

        other = argparse.ArgumentParser(prog="x", exit_on_error=False)
        other.add_argument("n", type=int)
        print(other.parse_args(["5"]), other.parse_args(["--", "-3"]).n)
        ns, rest = other.parse_known_args(["7", "--zzz", "q"])
        print(ns, rest, ns == argparse.Namespace(n=7), argparse.Namespace(a=1, b="s"))
        try:
            other.parse_args(["abc"])
        except argparse.ArgumentError as e:
            print("caught:", e)
        print(other.format_usage(), end="")
        long = argparse.ArgumentParser(prog="a-rather-long-program-name-for-wrapping")
        for i in range(8):
            long.add_argument(f"--option-number-{i}", metavar=f"VALUE{i}", help=f"option {i}")
        long.add_argument("inputs", nargs="*")
        long.add_argument("output")
        long.print_usage()
        long.print_help()
    ''', widths([
        "", "-h", "--version", "add pen 3 -l a b", "rm a b -f", "remove", "--point 1 2 --level add x",
        "--level --size 3 add y", "--size 0 add y", "--size x", "--format xml", "add", "bogus",
        "--debug-flag --debug-flag --no-color add q", "add -h", "rm --help", "--point 1",
        "--db=foo add z 2 extra", "--d", "-hv", "--point -1 -2.5 add t",
    ], (None, 66)))


def test_caught_exits_carry_their_code(same_as_cpython):
    """`--help`, `--version` and usage errors raise SystemExit(0 or 2): a program that
    catches it reads `e.code`, as a shell-like driver does."""
    same_as_cpython('''
        import argparse
        parser = argparse.ArgumentParser(prog="tool")
        parser.add_argument("--version", action="version", version="tool 2")
        parser.add_argument("n", type=int)
        for argv in (["3"], ["-h"], ["--version"], ["x"], []):
            try:
                print(parser.parse_args(argv))
            except SystemExit as e:
                print("exit", repr(e.code), e.args)
        try:
            raise SystemExit
        except SystemExit as e:
            print(e.code)
        try:
            raise SystemExit("bye", 1)
        except SystemExit as e:
            print(e.code)
    ''')
