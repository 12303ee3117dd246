"""Files and the OS: open() in text mode, print(file=), sys.stdout/sys.stderr, io.StringIO,
os, os.path, pathlib, shutil, and OS errors exactly as CPython raises them; natively and
as wasm32-wasi, where files go through the preopened working directory."""
from __future__ import annotations

import pytest

from portalis import translate

TEXT_FILES = """
    with open("notes.txt", "w") as f:
        f.write("alpha\\nbeta\\n")
        f.writelines(["gamma\\n", "delta"])
        print("epsilon", 5, file=f, sep="-")
    with open("notes.txt") as f:
        print(f.readline(), end="")
        print(f.tell(), f.name, f.mode, f.closed)
        for line in f:
            print(repr(line))
    print(f.closed)
    f = open("notes.txt", encoding="utf-8")
    print(f.read(3), f.readlines())
    print(f.seek(0), len(f.read()), f.read() == "")
    f.close()
    try:
        f.read()
    except ValueError as e:
        print("closed:", e)
    with open("notes.txt", "a", encoding="utf-8") as f:
        f.write("café\\r\\nnew line\\rend\\n")
    print(open("notes.txt", encoding="latin-1").read()[-20:].split("\\n"))
    print(open("notes.txt").readlines()[-3:])
    print(open("notes.txt", newline="").readlines()[-3:], open("notes.txt", newline="").read()[-20:])
    print(open("notes.txt", newline="\\n").readlines()[-2:])
    with open("latin.txt", "w", encoding="latin-1") as f:
        f.write("naïve\\n")
    print(open("latin.txt", encoding="latin-1").read(), end="")
    for encoding, text in [("ascii", "é"), ("latin-1", "€")]:
        try:
            open("bad.txt", "w", encoding=encoding).write(text)
        except UnicodeEncodeError as e:
            print(type(e).__name__, e)
    for encoding in ["ascii", "utf-8"]:
        try:
            open("latin.txt", encoding=encoding).read()
        except UnicodeDecodeError as e:
            print(type(e).__name__, e)
    try:
        open("notes.txt", "x")
    except FileExistsError as e:
        print(type(e).__name__, e)
    try:
        open("notes.txt", "w").read()
    except OSError as e:
        print("not readable")
    open("missing.txt")
"""

OS_AND_PATHS = """
    import os
    import os.path
    import shutil
    import sys
    from io import StringIO
    from os import path
    from pathlib import Path

    os.makedirs("out/sub/deeper", exist_ok=True)
    with open("out/a.txt", "w") as f:
        f.write("A\\n")
    print(shutil.copy("out/a.txt", "out/sub"), os.path.exists("out/sub/a.txt"), os.path.getsize("out/a.txt"))
    shutil.copyfile("out/a.txt", "out/sub/deeper/b.txt")
    for root, dirs, files in os.walk("out"):
        print(root, sorted(dirs), sorted(files))
    os.makedirs("out/.hidden/inner", exist_ok=True)
    for root, dirs, files in os.walk("out"):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # pruned and ordered in place
        print("walk", root, dirs)
    print(sorted(os.listdir("out")), os.path.isdir("out/sub"), os.path.isfile("out/sub"))
    print(os.path.join("a", "b", "c.txt"), os.path.join("a/", "/abs"), path.splitext("x/y.tar.gz"),
          os.path.splitext(".bashrc"), os.path.basename("/p/q.py"), os.path.dirname("/p/q.py"),
          os.path.split("a/b/"), os.path.normpath("a//b/./c/../d"), os.path.isabs("/x"))
    print(os.path.abspath("out") == os.path.join(os.getcwd(), "out"), os.sep)
    p = Path("out") / "sub" / "a.txt"
    print(p, repr(p), p.name, p.stem, p.suffix, p.parent, p.parts, p.exists(), p.is_file(), p.is_dir())
    print(p.read_text(), end="")
    q = Path("out/new.txt")
    print(q.write_text("hi\\n"), q.read_text(), end="")
    print(sorted(x.name for x in Path("out").iterdir()), sorted(str(x) for x in Path("out").glob("*.txt")))
    print(p.with_suffix(".md"), p.with_name("z.py"), Path("a/b").joinpath("c", "d"), "base" / Path("x"))
    print(Path("a") == Path("a/"), Path("./a//b"), sorted([Path("b"), Path("a")]))
    Path("out/made/twice").mkdir(parents=True)
    Path("out/made").mkdir(exist_ok=True)
    with q.open() as f:
        print(f.read().strip())
    os.rename("out/new.txt", "out/renamed.txt")
    os.remove("out/renamed.txt")
    for action in [lambda: os.remove("out/nothing"), lambda: os.mkdir("out"), lambda: os.listdir("nowhere"),
                   lambda: Path("out/sub").read_text(), lambda: os.makedirs("out/sub"),
                   lambda: shutil.rmtree("nowhere")]:
        try:
            action()
        except OSError as e:
            print(type(e).__name__, e, "|", e.errno, e.strerror, e.filename, e.args)
    try:
        raise OSError(28, "No space left on device")
    except IOError as e:
        print(e, e.errno, e.filename)
    shutil.rmtree("out")
    print(os.path.isdir("out"), os.getenv("PORTALIS_TEST_UNSET", "default"), os.environ.get("PORTALIS_TEST_UNSET"))
    s = StringIO("start\\n")
    s.seek(0, 2)
    s.write("one\\n")
    print("two", 2, file=s)
    print(s.getvalue(), end="")
    s.seek(0)
    print(s.readline(), s.read(3), s.tell(), [line for line in s])
    sys.stdout.write("direct\\n")
    print(sys.stdout.write("abc\\n"))
    sys.stderr.write("to stderr\\n")
    print("also stderr", file=sys.stderr)
    os.remove("gone.txt")
"""


BINARY_FILES = """
    from pathlib import Path
    with open("data.bin", "wb") as f:
        print(f.write(b"\\x00\\x01hello\\nworld\\xff"), f)
        f.write(bytes([65, 66, 10]))
    with open("data.bin", "rb") as f:
        print(f.read(3), f.tell(), f.readline(), f)
        print(f.readlines())
        f.seek(0)
        data = f.read()
    print(len(data), data[:2], list(data[-3:]))
    for line in open("data.bin", "rb"):
        print(line)
    print(Path("data.bin").read_bytes()[2:7].decode("ascii"), Path("copy.bin").write_bytes(data[::-1]))
    print(open("copy.bin", "rb").read()[:4], open("data.bin", "rb").read().decode("latin-1")[-5:])
    for mode, value in [("wb", "text"), ("w", b"bytes")]:
        try:
            open("scratch", mode).write(value)
        except TypeError as e:
            print(e)
    open("nothing.bin", "rb")
"""


UPDATE_MODES_AND_OS = """
    import os
    import shutil
    import time
    from pathlib import Path

    with open("log.txt", "w+") as f:
        f.write("first line\\nsecond\\n")
        print(f.tell())
        f.seek(0)
        print(repr(f.read()), f.readable(), f.writable())
    with open("log.txt", "r+") as f:
        print(repr(f.readline()))
        f.write("XY")
        f.seek(0)
        print(repr(f.read()))
        f.seek(0, 2)
        f.write("tail\\n")
        f.seek(0)
        text = f.read()
        f.seek(0)
        f.write(text.upper()[:12])
        print(f.truncate(), f.tell())
    with open("log.txt", "a+") as f:
        print(f.tell())
        f.write("appended\\n")
        f.seek(0)
        print(f.read().splitlines())
    with open("log.bin", "wb+") as f:
        f.write(b"abcdef")
        f.seek(2)
        print(f.read(2), f.tell(), f)
        f.seek(0)
        f.write(b"Z")
    with open("log.bin", "rb") as f:
        print(f.read())
    with open("new.txt", "x") as f:
        f.write("created\\n")
    with open("new2.txt", "x+") as f:
        f.write("abc")
        f.seek(0)
        print(f.read())
    for mode in ["x", "x+"]:
        try:
            open("new.txt", mode)
        except FileExistsError as e:
            print(type(e).__name__, e)
    try:
        open("missing.txt", "r+")
    except FileNotFoundError as e:
        print(e)
    try:
        open("new.txt", "rw")
    except ValueError as e:
        print(e)
    try:
        open("new.txt", "rbt")
    except ValueError as e:
        print(e)

    st = os.stat("log.txt")
    print(st.st_size, os.path.getsize("log.txt"), st.st_mtime == os.path.getmtime("log.txt"), type(st.st_mtime).__name__)
    print(abs(os.path.getmtime("log.txt") - time.time()) < 100, st.st_mtime_ns // 10**9 == int(st.st_mtime))
    print(oct(st.st_mode & 0o170000), os.stat("log.txt").st_size)
    try:
        os.stat("nope")
    except FileNotFoundError as e:
        print(e)

    os.makedirs("tree/a/b", exist_ok=True)
    Path("tree/top.txt").write_text("t")
    Path("tree/a/mid.txt").write_text("m")
    Path("tree/a/b/low.txt").write_text("l")
    Path("tree/a/b/other.md").write_text("o")
    print(sorted(str(p) for p in Path("tree").rglob("*.txt")))
    print(sorted(str(p) for p in Path("tree").glob("**/*.md")), sorted(str(p) for p in Path("tree").glob("a/*")))
    print(sorted(str(p) for p in Path("tree").rglob("b")))
    print(shutil.copytree("tree", "copy"))
    print(sorted(os.path.join(r, f) for r, d, fs in os.walk("copy") for f in fs))
    try:
        shutil.copytree("tree", "copy")
    except FileExistsError as e:
        print(e)
    print(shutil.copytree("tree", "copy", dirs_exist_ok=True))
    print(shutil.move("copy/top.txt", "moved.txt"), os.path.exists("copy/top.txt"), open("moved.txt").read())
    os.mkdir("dest")
    print(shutil.move("moved.txt", "dest"), shutil.move("copy", "dest"), sorted(os.listdir("dest")))
    Path("again.txt").write_text("x")
    Path("dest/again.txt").write_text("y")
    try:
        shutil.move("again.txt", "dest")
    except shutil.Error as e:
        print("shutil.Error", e)
    here = os.getcwd()
    os.chdir("tree")
    print(os.getcwd() == os.path.join(here, "tree"), sorted(os.listdir(".")))
    os.chdir("..")
    try:
        os.chdir("nowhere")
    except FileNotFoundError as e:
        print(e)
"""


@pytest.mark.parametrize("target", ["native", "wasm32-wasi"])
@pytest.mark.parametrize("program", [TEXT_FILES, OS_AND_PATHS, BINARY_FILES, UPDATE_MODES_AND_OS],
                         ids=["text_files", "os_and_paths", "binary_files", "update_modes_and_os"])
def test_files_and_os_match_cpython(program, target, project_same_as_cpython):
    project_same_as_cpython({"main.py": program, "data/input.txt": "x\n"}, target=target)


def test_data_files_shipped_with_a_package(project_same_as_cpython):
    project_same_as_cpython({
        "main.py": """
            from tools.counter import count_words
            print(count_words("data/input.txt"))
        """,
        "tools/__init__.py": "",
        "tools/counter.py": """
            from collections import Counter
            def count_words(name):
                with open(name) as f:
                    return Counter(w for line in f for w in line.split()).most_common(2)
        """,
        "data/input.txt": "a b a\nc a b\n",
    })


