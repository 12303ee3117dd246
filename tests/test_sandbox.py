"""portalis.sandbox on its own: what a program inside can and cannot do.

The service-level evidence (attacks sent through a running service) is in
tests/service/test_service_sandbox.py; these check the pieces directly and quickly."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from portalis.sandbox import Limits, Sandbox, SandboxUnavailable

pytestmark = pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap is not installed")
PYTHON = os.path.realpath(sys.executable)


def run(tmp_path, code: str, **limits):
    return Sandbox().run([PYTHON, "-c", code], tmp_path, Limits(**limits), readonly=(sys.base_prefix,))


def test_the_program_sees_an_empty_environment_its_own_uid_and_only_its_work_dir(tmp_path):
    out = run(tmp_path, "import os\nprint(sorted(os.environ), os.getuid(), os.getcwd())\n"
                        "open('made.txt', 'w').write('x')\n")
    assert out.stdout == "['HOME', 'LANG', 'PATH', 'PWD', 'TMPDIR'] 65534 /job\n", out.stderr
    assert (tmp_path / "made.txt").read_text() == "x"
    if os.geteuid() == 0:  # a separate unprivileged uid on the host too
        assert (tmp_path / "made.txt").stat().st_uid == 65534


def test_seccomp_refuses_network_sockets_namespaces_and_ptrace(tmp_path):
    out = run(tmp_path, "import ctypes, socket\nlibc = ctypes.CDLL(None, use_errno=True)\n"
                        "try:\n    socket.socket(socket.AF_INET6)\nexcept OSError as e:\n    print('inet6', e.errno)\n"
                        "socket.socketpair()\nprint('unix ok')\n"
                        "print('unshare', libc.unshare(0x40000000), ctypes.get_errno())\n"
                        "print('ptrace', libc.ptrace(16, 1, 0, 0), ctypes.get_errno())\n")
    assert out.stdout == "inet6 97\nunix ok\nunshare -1 1\nptrace -1 1\n", out.stderr


def test_output_beyond_the_cap_kills_the_program(tmp_path):
    out = run(tmp_path, "import sys\nwhile True:\n    sys.stdout.write('x' * 4096)\n", output_bytes=10_000)
    assert out.output_exceeded and len(out.stdout) <= 10_000


def test_the_wall_clock_deadline_kills_a_sleeper(tmp_path):
    out = run(tmp_path, "import time\ntime.sleep(60)\n", wall_seconds=1)
    assert out.timed_out


def test_a_missing_bwrap_is_named_and_nothing_runs(tmp_path):
    sandbox = Sandbox(bwrap=str(tmp_path / "no-bwrap"))
    with pytest.raises(SandboxUnavailable, match="bubblewrap"):
        sandbox.run(["/usr/bin/true"], tmp_path, Limits())
    assert "bubblewrap" in sandbox.probe()


def test_a_bwrap_that_cannot_build_the_sandbox_is_unavailable_not_a_run(tmp_path):
    """A readonly path that does not exist makes bwrap fail during set-up."""
    with pytest.raises(SandboxUnavailable, match="could not create the sandbox"):
        Sandbox().run(["/usr/bin/true"], tmp_path, Limits(), readonly=(str(tmp_path / "missing"),))


def _world_traversable(path: Path) -> bool:
    return all(os.stat(p).st_mode & 0o001 for p in [path, *path.parents])


@pytest.mark.skipif(os.geteuid() != 0 or not os.path.exists("/usr/bin/python3"),
                    reason="needs root, to start a service-like process as an unprivileged uid")
def test_an_unprivileged_service_gets_the_same_sandbox(tmp_path):
    """As in the container: the service is not root, bwrap's own user namespace is used."""
    import portalis
    src = Path(portalis.__file__).resolve().parent.parent
    if not _world_traversable(src):
        pytest.skip(f"{src} is not readable by an unprivileged uid")
    work = Path("/tmp") / f"sandbox-nonroot-{os.getpid()}"
    work.mkdir()
    os.chown(work, 65534, 65534)
    script = (f"import sys; sys.path.insert(0, {str(src)!r})\n"
              "from pathlib import Path\nfrom portalis.sandbox import Limits, Sandbox\n"
              "out = Sandbox().run(['/usr/bin/python3', '-c', 'import os, socket\\n"
              "print(os.getuid(), os.path.exists(\"/etc/passwd\"))\\n"
              "socket.socket(socket.AF_INET)'], Path(sys.argv[1]), Limits())\n"
              "print(out.stdout.strip(), out.stderr.strip().splitlines()[-1])\n")
    import subprocess
    try:
        done = subprocess.run(["/usr/bin/python3", "-c", script, str(work)], capture_output=True, text=True,
                              user=65534, group=65534, extra_groups=[], env={"PATH": "/usr/bin:/bin"}, timeout=60)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    assert done.stdout == "65534 False OSError: [Errno 97] Address family not supported by protocol\n", \
        done.stderr
