"""The `portalis` command line: translate, build, run, check, serve, triton-serve."""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.syntax import Syntax

from portalis import __version__
from portalis.api import translate as translate_source, translate_project
from portalis.diagnostics import Diagnostic

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Portalis: translate Python into Rust that prints exactly what CPython prints.")
err = Console(stderr=True, emoji=False, highlight=False)
out = Console(emoji=False)

TARGET_HELP = "native or wasm32-wasi"


def _show_diagnostics(diags: list[Diagnostic], source: str | dict[str, str]) -> None:
    """Each diagnostic as `file:line:col: error: ...`, with the source line and a caret
    (`source` is the program's, or a project's sources by file)."""
    for d in diags:
        text_of = source.get(d.filename, "") if isinstance(source, dict) else source
        lines = text_of.splitlines()
        colour = "red" if d.severity == "error" else "yellow"
        # The plain contract line first (benchmarks parse it), then the context.
        err.print(d.format(), style=f"bold {colour}", markup=False, highlight=False, soft_wrap=True)
        if 1 <= d.line <= len(lines):
            text = lines[d.line - 1]
            err.print(f"  {d.line:>4} | {text}", markup=False, highlight=False, soft_wrap=True)
            err.print(f"       | {' ' * (d.col - 1)}^", style=colour, markup=False, highlight=False)


PROGRAM_HELP = "a Python file, or a folder with __main__.py (or --main MODULE)"
MAIN_HELP = "the entry module of a folder, as a dotted name"


def _project(path: Path, main: Optional[str]):
    """The program at PATH with the modules it imports from its tree."""
    from portalis.frontend.project import collect
    try:
        return collect(path, main)
    except UnicodeDecodeError:
        err.print(f"{path}:1:1: error: a module is not UTF-8 text (pass Python source files)", markup=False,
                  soft_wrap=True)
        raise typer.Exit(2)
    except OSError as e:
        err.print(f"{e.filename or path}: error: {e.strerror}", markup=False)
        raise typer.Exit(2)


def _translate_file(path: Path, main: Optional[str] = None):
    project = _project(path, main)
    if project.is_single_file:
        source = project.files[project.entry]
        result = translate_source(source, Path(project.entry).name)
    else:
        source = project.files
        result = translate_project(project.files, project.entry)
    if not result.ok:
        _show_diagnostics(result.diagnostics, source)
        raise typer.Exit(1)
    if result.diagnostics:
        _show_diagnostics(result.diagnostics, source)
    return result


@app.command()
def translate(program: Path = typer.Argument(..., help=PROGRAM_HELP),
              output: Optional[Path] = typer.Option(None, "-o", "--output", help="write a Cargo project here"),
              main: Optional[str] = typer.Option(None, "--main", help=MAIN_HELP)):
    """Translate PROGRAM to Rust: a Cargo project with -o, else the Rust code on stdout."""
    result = _translate_file(program, main)
    if output is None:
        sys.stdout.write(result.rust_code)
        return
    result.write(output)
    err.print(f"wrote {output}/ ({len(result.rust_code.splitlines())} lines of Rust)", style="green")


def _build(crate: Path, target: str, debug: bool):
    from portalis.build import ToolchainMissing, build_crate
    try:
        with err.status(f"building {crate} for {target}..."):
            result = build_crate(crate, target=target, release=not debug)
    except ToolchainMissing as e:
        err.print(f"error: {e}", style="bold red", markup=False)
        raise typer.Exit(3)
    if not result.ok:
        err.print(result.stderr, markup=False)
        err.print("error: the Rust build failed (this is a Portalis bug: please report it)", style="bold red")
        raise typer.Exit(1)
    return result


@app.command()
def build(crate: Path = typer.Argument(..., help="a crate written by `portalis translate -o`, or a program "
                                                  "(a .py file or a folder, as for translate)"),
          target: str = typer.Option("native", help=TARGET_HELP),
          debug: bool = typer.Option(False, help="debug build instead of release"),
          main: Optional[str] = typer.Option(None, "--main", help=MAIN_HELP)):
    """Build a translated crate (release by default); a program is translated first, into
    the build cache (as `run` does)."""
    if (crate / "Cargo.toml").is_file():
        result = _build(crate, target, debug)
        err.print(f"built {result.binary} in {result.seconds:.1f} s", style="green")
    else:
        err.print(f"built {_cached_binary(crate, target, main)}", style="green")


def _cached_binary(program: Path, target: str, main: Optional[str]) -> Path:
    """The program's binary, translated and built once per content (sources, engine and runtime, target)."""
    from portalis.build import cache_dir
    from portalis.crate import engine_identity
    project = _project(program, main)
    key = hashlib.sha256(f"{engine_identity(__version__)}|{target}|{project.entry}|{sorted(project.files.items())}"
                         .encode()).hexdigest()[:20]
    crate = cache_dir() / "programs" / key
    suffix = ".wasm" if target != "native" else ""
    binaries = list((crate / "target" / "portalis").glob(f"*/release/*{suffix}")) if crate.exists() else []
    binary = next((b for b in binaries if b.is_file() and (suffix or b.suffix == "")), None)
    if binary is None:
        _translate_file(program, main).write(crate)
        binary = _build(crate, target, False).binary
    return binary


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def run(ctx: typer.Context, program: Path = typer.Argument(..., help=PROGRAM_HELP),
        target: str = typer.Option("native", help=TARGET_HELP),
        main: Optional[str] = typer.Option(None, "--main", help=MAIN_HELP)):
    """Translate, build (cached by content hash) and run PROGRAM; arguments after -- go to it."""
    import subprocess
    binary = _cached_binary(program, target, main)
    if target == "native":
        cmd = [str(binary)]
    else:
        from portalis.toolchain import ToolchainMissing, wasm_command
        try:
            cmd = wasm_command(binary)
        except ToolchainMissing as e:
            err.print(f"error: {e}", style="bold red", markup=False)
            raise typer.Exit(3)
    raise typer.Exit(subprocess.call(cmd + list(ctx.args)))


@app.command()
def check(program: Path = typer.Argument(..., help=PROGRAM_HELP),
          target: str = typer.Option("native", help=TARGET_HELP),
          stdin_file: Optional[Path] = typer.Option(None, "--stdin", help="feed this file to both runs"),
          main: Optional[str] = typer.Option(None, "--main", help=MAIN_HELP)):
    """Run PROGRAM under CPython and as Rust, and compare what they print (a folder's
    program runs in a copy of the folder, so files it reads and writes are its own)."""
    from portalis.build import ToolchainMissing
    from portalis.check import check_project, check_source
    project = _project(program, main)
    source = project.files if not project.is_single_file or program.is_dir() else project.files[project.entry]
    stdin = stdin_file.read_text() if stdin_file else None
    try:
        with err.status("running CPython and the Rust translation..."):
            if isinstance(source, dict):
                result = check_project(project, target=target, stdin=stdin)
            else:
                result = check_source(source, program.name, target=target, stdin=stdin)
    except ToolchainMissing as e:
        err.print(f"error: {e}", style="bold red", markup=False)
        raise typer.Exit(3)
    if result.verdict == "untranslatable":
        _show_diagnostics(result.diagnostics, source)
        raise typer.Exit(1)
    if result.identical:
        out.print(f"[bold green]identical[/] {program}: stdout, stderr's last line and exit status match CPython")
        return
    out.print(f"[bold red]different[/] {program}: {result.verdict}")
    if result.diff:
        out.print(Syntax(result.diff, "diff", theme="ansi_dark"))
    raise typer.Exit(1)


@app.command()
def types(program: Path = typer.Argument(..., help="Python file")):
    """Print the inferred type of every function, class attribute and global, and each
    place that stays dynamic with its line and the reason."""
    from portalis.api import infer_types
    project = _project(program, None)
    source = project.files[project.entry]
    report = infer_types(source, Path(project.entry).name)
    if report.errors:
        _show_diagnostics(report.errors, source)
        raise typer.Exit(1)
    sys.stdout.write(report.text)


@app.command()
def serve(host: Optional[str] = typer.Option(None, help="default 127.0.0.1, or PORTALIS_HOST"),
          port: Optional[int] = typer.Option(None, help="default 8000, or PORTALIS_PORT"),
          workers: Optional[int] = typer.Option(
              None, help="uvicorn processes, each with its own translation pool (PORTALIS_POOL_SIZE)")):
    """Start the HTTP translation service."""
    from portalis.service.server import run_server
    run_server(host=host, port=port, workers=workers)


@app.command("triton-serve")
def triton_serve(http_port: int = typer.Option(8010), grpc_port: int = typer.Option(8011),
                 metrics_port: int = typer.Option(8012),
                 model_repository: Optional[Path] = typer.Option(None, help="defaults to the bundled repository")):
    """Start a Triton Inference Server with the Portalis model repository."""
    from portalis.triton.server import run_triton
    run_triton(http_port=http_port, grpc_port=grpc_port, metrics_port=metrics_port,
               model_repository=model_repository)


@app.command()
def version():
    """Print the engine version."""
    out.print(__version__)


def main() -> None:
    app()
