"""Library limits: argparse features the runtime does not implement, found in the source.

Calls into a library object are dynamic, so the lowering cannot tell what a method call
reaches; in a module that imports argparse, though, these names and arguments can only be
argparse's, and reporting them here turns a failure at run time into a diagnostic.
"""
from __future__ import annotations

import ast

from portalis.diagnostics import Diagnostic

# ArgumentParser(...) arguments, with their positions, the runtime does not honour.
PARSER_ARGUMENTS = {"prefix_chars": 6, "fromfile_prefix_chars": 7, "argument_default": 8, "conflict_handler": 9}
# Parser methods the runtime does not provide, and what to write instead.
PARSER_METHODS = {
    "add_mutually_exclusive_group": "add the options to the parser and check after parse_args() that at most "
                                    "one was given (parser.error(...) otherwise)",
    "parse_intermixed_args": "use parse_args()",
    "parse_known_intermixed_args": "use parse_known_args()",
    "convert_arg_line_to_args": "read the arguments from the file yourself and pass them to parse_args()",
    "register": "use one of argparse's own actions and types",
}
FORMATTERS = {"HelpFormatter", "RawDescriptionHelpFormatter", "RawTextHelpFormatter", "ArgumentDefaultsHelpFormatter"}


def argparse_limits(tree: ast.Module, filename: str) -> list[Diagnostic]:
    """The argparse features of the module that translation cannot honour."""
    module_names, parser_names = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            module_names.update(a.asname or a.name for a in node.names if a.name == "argparse")
        elif isinstance(node, ast.ImportFrom) and node.module == "argparse" and not node.level:
            parser_names.update(a.asname or a.name for a in node.names if a.name == "ArgumentParser")
    if not module_names and not parser_names:
        return []
    own_methods = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        where = (filename, node.lineno, node.col_offset + 1)
        is_parser = (isinstance(func, ast.Name) and func.id in parser_names) or (
            isinstance(func, ast.Attribute) and func.attr == "ArgumentParser"
            and isinstance(func.value, ast.Name) and func.value.id in module_names)
        if is_parser:
            given = {k.arg for k in node.keywords} | {name for name, i in PARSER_ARGUMENTS.items() if i < len(node.args)}
            for name in sorted(given & PARSER_ARGUMENTS.keys()):
                problems.append(Diagnostic(*where, f"argparse.ArgumentParser({name}=...) is not supported",
                                           "use the default ('-' options, no argument files, error on conflicts)"))
            formatter = next((k.value for k in node.keywords if k.arg == "formatter_class"), None)
            if formatter is not None and not _argparse_name(formatter, module_names, FORMATTERS):
                problems.append(Diagnostic(*where, "a custom argparse formatter_class is not supported",
                                           "use one of argparse's HelpFormatter classes"))
        elif isinstance(func, ast.Attribute) and func.attr in PARSER_METHODS and func.attr not in own_methods:
            problems.append(Diagnostic(*where, f"argparse's {func.attr}() is not supported", PARSER_METHODS[func.attr]))
        elif isinstance(func, ast.Attribute) and func.attr == "add_argument":
            action = next((k.value for k in node.keywords if k.arg == "action"), None)
            if action is not None and not isinstance(action, ast.Constant) \
                    and not _argparse_name(action, module_names, {"BooleanOptionalAction"}):
                problems.append(Diagnostic(*where, "a custom argparse Action class is not supported",
                                           "use a built-in action (store, store_true, append, count...) and "
                                           "post-process the parsed value"))
    return problems


def _argparse_name(node: ast.expr, module_names: set, allowed: set) -> bool:
    """`argparse.NAME` (or a NAME imported from argparse) with NAME in `allowed`."""
    if isinstance(node, ast.Attribute):
        return isinstance(node.value, ast.Name) and node.value.id in module_names and node.attr in allowed
    return isinstance(node, ast.Name) and node.id in allowed
