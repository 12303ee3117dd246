"""Traceback frames: where an error leaves a Python frame, for CPython's traceback.

Each Python function gets one code descriptor (`static CODE_F: Code = Code::new("f",
FILE_MAIN)`); each propagation point (`ir.Try`) and each `raise` gets a site: the descriptor,
the line of the innermost expression being lowered, and the columns CPython 3.11 underlines
(`^^^^`, or `~~^~~` under a binary operator or a subscript), computed here from the AST
exactly as CPython's traceback printer does from the source line.  Comprehensions are
lowered inline, so theirs (`<listcomp>`) carry the enclosing frame and site with them.
"""
from __future__ import annotations

import ast
import re

from portalis import ir
from portalis.emit.names import static_ident, str_literal
from portalis.frontend.project import LINE_STRIDE
COMPREHENSION_FRAMES = {ast.ListComp: "<listcomp>", ast.SetComp: "<setcomp>", ast.DictComp: "<dictcomp>",
                        ast.GeneratorExp: "<genexpr>"}


class TracebackLowering:
    def init_frames(self) -> None:
        self.positions: list[ast.AST] = []  # the statements and expressions being lowered, innermost last
        # descriptor or file constant -> (its Rust text, "" once written; the descriptor it is inlined in; its file)
        self._codes: dict[str, tuple[str, str | None, str | None]] = {}
        # a doctest example's descriptor -> (its first line here, the columns before it, its file)
        self._text_frames: dict[str, tuple[int, int, str]] = {}
        self._used_codes: list[str] = []  # descriptors a site names, not yet placed in an item
        self._module_codes: dict[int, str] = {}
        files = self.parsed.module_files or [(self.filename, self.parsed.source, None)]
        self._files = [(path, re.split(r"\r\n|\r|\n", source)) for path, source, _ in files]
        self._imports = [imported_at for _, _, imported_at in files]

    # ---- descriptors ---------------------------------------------------------------------

    def frame_code(self, name: str, node: ast.AST | None, outer: tuple[str, ir.Site] | None = None,
                   stem: str = "") -> str:
        """A new code descriptor for a frame called `name` (in the file of `node`; a
        comprehension's `outer` frame may be a doctest example's, whose file it shares)."""
        index = getattr(node, "lineno", 0) // LINE_STRIDE if node is not None else 0
        stem = stem or (name.strip("<>") if name.startswith("<") else name)
        static = static_ident(stem, "CODE_")
        if static in self._codes:  # another frame of that name: told apart by its line
            static = f"{static}_{getattr(node, 'lineno', 0) % LINE_STRIDE}"
        while static in self._codes:
            static += "_"
        in_text = outer is not None and outer[0] in self._text_frames
        file = str_literal(self._text_frames[outer[0]][2]) if in_text else self._file_const(index)
        if outer is None:
            text = f"static {static}: Code = Code::new({str_literal(name)}, {file});"
        else:
            code, site = outer
            text = (f"static {static}: Code = Code::inlined({str_literal(name)}, {file}, &{code}, "
                    f"{_site_value(site)});")
            if in_text:
                self._text_frames[static] = self._text_frames[code]
        self._codes[static] = (text, outer[0] if outer else None, None if in_text else file)
        return static

    def frame_name(self, node: ast.AST) -> str:
        """The function name a traceback shows (a generator's step function shows its
        generator's, a linked project's function its own unprefixed one)."""
        if isinstance(node, ast.Lambda):
            return "<lambda>"
        return getattr(node, "frame_name", None) or self.py_name(node.name)

    def _file_const(self, index: int) -> str:
        name = static_ident(self._files[index][0].replace("/", "_").replace(".", "_"), "FILE_")
        if name not in self._codes:
            self._codes[name] = (f"const {name}: &str = {str_literal(self._files[index][0])};", None, None)
        return name

    def _use_code(self, static: str | None) -> None:
        while static is not None and static not in self._used_codes and self._codes[static][0]:
            self._used_codes.append(static)
            static = self._codes[static][1]

    def take_codes(self) -> list[ir.RawItem]:
        """The descriptors sites named since the last call (with their files' constants),
        as an item placed before the code that names them; each is written once."""
        lines = []
        for static in self._used_codes:
            text, outer, file = self._codes[static]
            if file is not None and self._codes[file][0]:
                lines.append(self._codes[file][0])
                self._codes[file] = ("", None, None)
            lines.append(text)
            self._codes[static] = ("", outer, file)
        self._used_codes = []
        lines.sort(key=lambda line: not line.startswith("const "))
        return [ir.RawItem("\n".join(lines), "code")] if lines else []

    def enter_text_frame(self, stmt: ast.stmt) -> str | None:
        """Before lowering `stmt`: a statement standing for a module of its own (a doctest
        example, marked `traceback_frame` by its pass) becomes the current frame.  Returns
        the frame to restore afterwards."""
        outer = self.ctx.code
        frame = getattr(stmt, "traceback_frame", None)
        if frame is not None and outer is not None:
            file, first_line, shift, text = frame
            static = self.frame_code("<module>", stmt, stem="doctest")  # its text replaced below
            self._codes[static] = (f"static {static}: Code = Code::with_source(\"<module>\", {str_literal(file)}, "
                                   f"{str_literal(text)});", None, None)
            self._text_frames[static] = (first_line, shift, file)
            self.ctx.code = static
        return outer

    def _code_for(self, lineno: int) -> str | None:
        if self.ctx is None or self.ctx.code is None:
            return None
        if self.ctx.code != "<module>":
            return self.ctx.code
        index = lineno // LINE_STRIDE
        if index not in self._module_codes:
            # An imported module's body runs where the importing statement stands: that
            # statement's frame is the outer one, as CPython shows the import.
            importer = self._imports[index] if index < len(self._imports) else None
            outer_code = self._code_for(importer.lineno) if importer is not None else None
            outer = (outer_code, self._site_in(outer_code, importer)) if outer_code else None
            self._module_codes[index] = self.frame_code("<module>", _At(lineno), outer)
        return self._module_codes[index]

    # ---- sites ---------------------------------------------------------------------------

    def site(self, node: ast.AST | None = None) -> ir.Site | None:
        """Where an error raised now leaves the current frame: `node`, else the innermost
        statement or expression being lowered."""
        node = node if node is not None and _positioned(node) else \
            next((n for n in reversed(self.positions) if _positioned(n)), None)
        if node is None:
            return None
        code = self._code_for(node.lineno)
        if code is None:
            return None
        return self._site_in(code, node, self.ctx.handler_vars[-1] if self.ctx.handler_vars else None)

    def _site_in(self, code: str, node: ast.AST, handling: str | None = None) -> ir.Site:
        self._use_code(code)
        if code in self._text_frames:
            first_line, shift, _ = self._text_frames[code]
            cols = self._carets(node, shift)
            return ir.Site(code, node.lineno - first_line + 1, cols and tuple(c - shift for c in cols), handling)
        return ir.Site(code, node.lineno % LINE_STRIDE, self._carets(node), handling)

    def raised(self, err: ir.Expr, node: ast.AST) -> ir.Expr:
        """`err` raised by the statement `node`: its first traceback entry, and the
        exception being handled (if any) as its context."""
        site = self.site(node)
        if site is None:
            return err
        cols = [ir.Raw(f"[{', '.join(map(str, site.cols))}]")] if site.cols else []
        err = ir.MethodCall(err, "raised_cols" if cols else "raised",
                            [ir.Raw(f"&{site.code}"), ir.Raw(str(site.line))] + cols)
        if site.handling:
            err = ir.MethodCall(err, "handling", [ir.Ref(ir.Var(site.handling))])
        return err

    def comprehension_frame(self, node: ast.AST) -> str | None:
        """The code of a comprehension lowered inline in the current frame."""
        outer = self.site(node)
        if outer is None:
            return None
        return self.frame_code(COMPREHENSION_FRAMES[type(node)], node, (outer.code, outer))

    def _carets(self, node: ast.AST, shift: int = 0) -> tuple[int, int, int, int] | None:
        """The columns (characters) CPython 3.11 underlines, or None where it prints none:
        a span covering the whole line (indentation aside, and the first `shift` columns
        of a doctest example's prompt), with no operator to point at."""
        index, line = divmod(node.lineno, LINE_STRIDE)
        lines = self._files[index][1] if index < len(self._files) else []
        if not 0 < line <= len(lines) or node.end_lineno is None:
            return None
        text = lines[line - 1]
        start = _chars(text, node.col_offset)
        anchors = None
        if node.end_lineno == node.lineno:
            end = _chars(text, node.end_col_offset)
            anchors = _anchors(text, node)
        else:  # a multi-line expression: up to the line's last non-blank character
            end = len(text.rstrip(" \t\x0c"))
        stripped = len(text) - len(text[shift:].lstrip(" \t\x0c"))
        if anchors is None and end - start == len(text) - stripped:
            return None
        left, right = anchors if anchors else (start, end)
        return start, left, right, end


class _At:
    def __init__(self, lineno: int):
        self.lineno = lineno


def _positioned(node: ast.AST) -> bool:
    """A node with a real place: generated nodes have none, or an empty span."""
    line = getattr(node, "lineno", 0)
    if not line:
        return False
    return not (node.end_lineno == line and node.end_col_offset == node.col_offset)


def _chars(text: str, byte_offset: int) -> int:
    return len(text.encode()[:byte_offset].decode(errors="replace"))


def _anchors(text: str, node: ast.AST) -> tuple[int, int] | None:
    """CPython's secondary range: the operator of a binary operation, the `[...]` of a
    subscript (its `extract_anchors_from_expr`), as character columns of the line."""
    raw = text.encode()
    if isinstance(node, ast.BinOp):
        left, right = None, None
        i = node.left.end_col_offset
        while i < node.right.col_offset:
            ch = raw[i:i + 1]
            if ch.isspace():
                i += 1
                continue
            left, right = i, i + 1
            if i + 1 < node.right.col_offset and not raw[i + 1:i + 2].isspace():
                right += 1
            if i + 1 < node.right.col_offset and ch == b")":
                i += 1
                continue
            break
        if left is None:
            return None
        return _chars(text, left), _chars(text, right)
    if isinstance(node, ast.Subscript):
        return _chars(text, node.value.end_col_offset), _chars(text, node.slice.end_col_offset + 1)
    return None


def _site_value(site: ir.Site) -> str:
    if site.cols:
        return f"Site::cols({site.line}, [{', '.join(map(str, site.cols))}])"
    return f"Site::line({site.line})"
