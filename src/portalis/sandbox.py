"""The one way the service executes submitted code: inside a bubblewrap sandbox.

Everything that runs what a client sent (the CPython reference run, the rustc build of
the translation, the built program, a wasm module) calls `Sandbox.run`.  Each call gets:

- new user, PID, network, IPC, UTS and cgroup namespaces: no network at all, and when the
  call ends the PID namespace's init dies, which kills every process the program left
  behind (a `setsid()`'d child included); `--die-with-parent` does the same if the pool
  process dies first;
- a filesystem of its own: `/usr` and the few directories a job needs (interpreter,
  Rust sysroot, compiled runtime) read-only, a fresh writable work dir at `/job`, a small
  tmpfs at `/tmp`, a minimal `/dev` and its own `/proc`; nothing else of the host (no
  `/etc`, no data dir, no cache, no key file);
- an empty environment, and a separate unprivileged uid (`uid`, 65534 by default): when
  the service runs as root, bwrap enters a user namespace that maps that uid to the same
  host uid, and `setpriv` drops to it with no capabilities; otherwise bwrap's own user
  namespace runs it as the service's (unprivileged) uid;
- hard rlimits set inside by `prlimit` (CPU seconds, address space, processes, file size,
  open files, no core dumps) that the program cannot raise;
- a seccomp filter (x86-64) refusing what a program has no business doing: sockets other
  than Unix ones, new namespaces, mounts, ptrace and other processes' memory, kernel keys,
  BPF, perf, userfaultfd, io_uring, modules, reboot and clock changes;
- a cap on captured output and a wall-clock deadline, both enforced by killing the tree.

Fail closed: when bwrap is missing or cannot build the sandbox, `run` raises
`SandboxUnavailable` naming what is missing; nothing falls back to running unsandboxed.
"""
from __future__ import annotations

import ctypes
import os
import platform
import struct
import selectors
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

WORK = "/job"  # not /work: a host path like a checkout under /work may need mounting
SETPRIV = "/usr/bin/setpriv"
PRLIMIT = "/usr/bin/prlimit"
_CLONE_NEWUSER = 0x10000000


class SandboxUnavailable(RuntimeError):
    """The sandbox cannot be set up here; the message says what is missing."""


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int = 10
    memory_mb: int = 1024          # address space
    processes: int = 32            # tasks (threads count) of the sandbox's uid in its namespace
    file_size_mb: int = 64         # largest file it may write
    open_files: int = 64
    output_bytes: int = 1 << 20    # stdout + stderr captured; more kills the program
    wall_seconds: float = 20.0


@dataclass
class Outcome:
    returncode: int
    stdout: str
    stderr: str
    timed_out: bool = False
    output_exceeded: bool = False


class Sandbox:
    def __init__(self, bwrap: str = "bwrap", uid: int = 65534, tmp_mb: int = 64):
        self.bwrap = bwrap
        self.uid = uid
        self.tmp_mb = tmp_mb

    # -- the one entry point -------------------------------------------------------------

    def run(self, argv: list[str], workdir: Path, limits: Limits, *, readonly: tuple[str, ...] = (),
            stdin: str | None = None) -> Outcome:
        """Run `argv` with `workdir` mounted writable at /job (the current directory).

        `readonly`: extra host directories (absolute) made visible read-only at the same path.
        Raises SandboxUnavailable when the sandbox itself cannot be built.
        """
        exe = shutil.which(self.bwrap)
        if exe is None:
            raise SandboxUnavailable(f"bubblewrap ({self.bwrap!r}) is not installed: install the Debian package "
                                     "`bubblewrap`, or set PORTALIS_SANDBOX_BWRAP to its path")
        for tool in (PRLIMIT, *((SETPRIV,) if os.geteuid() == 0 else ())):
            if not os.access(tool, os.X_OK):
                raise SandboxUnavailable(f"{tool} is missing: install util-linux")
        workdir = Path(workdir)
        if os.geteuid() == 0:  # the work dir (and what we wrote there) becomes the sandbox uid's
            for folder, dirs, files in os.walk(workdir):
                for name in [folder, *(os.path.join(folder, n) for n in dirs + files)]:
                    os.chown(name, self.uid, self.uid, follow_symlinks=False)
        info_r, info_w = os.pipe()
        userns = self._user_namespace() if os.geteuid() == 0 else None
        seccomp = _filter_fd()
        extra = [fd for fd in (userns, seccomp) if fd is not None]
        cmd = [exe, *self._namespaces(userns), "--info-fd", str(info_w),
               *(["--seccomp", str(seccomp)] if seccomp is not None else []),
               *self._filesystem(workdir, readonly), "--", *self._drop_and_limit(limits), *argv]
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, pass_fds=[info_w, *extra],
                                    env={}, close_fds=True)
        finally:
            for fd in (info_w, *extra):
                os.close(fd)
        try:
            outcome = _collect(proc, stdin, limits)
        finally:
            started = os.read(info_r, 4096)
            os.close(info_r)
        # bwrap reports the child's pid right after creating it, then sets the sandbox up in
        # it; a set-up failure ends that child with status 1 and only "bwrap: ..." on stderr.
        if not started or (outcome.returncode == 1 and not outcome.stdout and outcome.stderr.startswith("bwrap: ")):
            raise SandboxUnavailable("bubblewrap could not create the sandbox: "
                                     + (outcome.stderr.strip().splitlines() or ["no reason given"])[-1])
        return outcome

    def probe(self) -> str | None:
        """None when a trivial program runs in the sandbox, else what is missing."""
        import tempfile
        with tempfile.TemporaryDirectory(prefix="sandbox-probe-") as tmp:
            try:
                out = self.run(["/usr/bin/true"], Path(tmp), Limits(cpu_seconds=2, wall_seconds=10))
            except (SandboxUnavailable, OSError) as err:
                return str(err)
        return None if out.returncode == 0 else f"the sandbox probe exited with status {out.returncode}"

    # -- pieces of the bwrap command -----------------------------------------------------

    def _namespaces(self, userns: int | None) -> list[str]:
        user = ["--userns", str(userns)] if userns is not None else ["--unshare-user", "--uid", str(self.uid),
                                                                     "--gid", str(self.uid)]
        return [*user, "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
                "--die-with-parent", "--new-session", "--hostname", "sandbox", "--clearenv",
                "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", WORK, "--setenv", "LANG", "C.UTF-8",
                "--setenv", "TMPDIR", "/tmp"]

    def _filesystem(self, workdir: Path, readonly: tuple[str, ...]) -> list[str]:
        args = ["--ro-bind", "/usr", "/usr"]
        for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64"):
            if os.path.islink(top):
                args += ["--symlink", os.readlink(top), top]
            elif os.path.isdir(top):
                args += ["--ro-bind", top, top]
        made = {"/", "/usr", "/tmp", "/dev", "/proc", WORK}
        for path in sorted({os.path.realpath(p) for p in readonly}):
            if path == "/usr" or path.startswith("/usr/"):
                continue
            parts = Path(path).parts
            for i in range(2, len(parts)):  # parents as plain 0755 dirs, so the uid can walk them
                parent = str(Path(*parts[:i]))
                if parent not in made:
                    made.add(parent)
                    args += ["--perms", "0755", "--dir", parent]
            args += ["--ro-bind", path, path]
        return [*args, "--proc", "/proc", "--dev", "/dev", "--perms", "01777", "--size", str(self.tmp_mb << 20), "--tmpfs", "/tmp",
                "--bind", str(workdir), WORK, "--chdir", WORK]

    def _drop_and_limit(self, limits: Limits) -> list[str]:
        drop = []
        if os.geteuid() == 0:  # inside the namespace bwrap is uid 0; the program must not be
            drop = [SETPRIV, f"--reuid={self.uid}", f"--regid={self.uid}", "--clear-groups",
                    "--bounding-set=-all", "--inh-caps=-all", "--no-new-privs", "--"]
        mb = 1 << 20
        return [*drop, PRLIMIT, f"--cpu={limits.cpu_seconds}", f"--as={limits.memory_mb * mb}",
                f"--nproc={limits.processes}", f"--fsize={limits.file_size_mb * mb}",
                f"--nofile={limits.open_files}", "--core=0", "--"]

    def _user_namespace(self) -> int:
        """An fd of a fresh user namespace mapping root (for bwrap's set-up) and `uid` to the
        same host ids, so the program runs as the host's unprivileged `uid`."""
        libc = ctypes.CDLL(None, use_errno=True)
        ready_r, ready_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover (child)
            try:
                ok = libc.unshare(_CLONE_NEWUSER) == 0
                os.write(ready_w, b"1" if ok else b"0")
                time.sleep(60)
            finally:
                os._exit(0)
        os.close(ready_w)
        try:
            if os.read(ready_r, 1) != b"1":
                raise SandboxUnavailable("this kernel does not allow user namespaces "
                                         "(user.max_user_namespaces = 0, or blocked by seccomp/AppArmor)")
            mapping = f"0 0 1\n{self.uid} {self.uid} 1\n"
            for name in ("uid_map", "gid_map"):
                with open(f"/proc/{pid}/{name}", "w") as f:
                    f.write(mapping)
            return os.open(f"/proc/{pid}/ns/user", os.O_RDONLY | os.O_CLOEXEC)
        finally:
            os.close(ready_r)
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


# -- seccomp -------------------------------------------------------------------------------

_DENIED_X86_64 = {  # syscall numbers refused with EPERM
    "ptrace": 101, "syslog": 103, "vhangup": 153, "pivot_root": 155, "adjtimex": 159,
    "chroot": 161, "acct": 163, "settimeofday": 164, "mount": 165, "umount2": 166, "swapon": 167,
    "swapoff": 168, "reboot": 169, "sethostname": 170, "setdomainname": 171, "iopl": 172, "ioperm": 173,
    "init_module": 175, "delete_module": 176, "quotactl": 179, "lookup_dcookie": 212, "clock_settime": 227,
    "kexec_load": 246, "add_key": 248, "request_key": 249, "keyctl": 250, "unshare": 272,
    "perf_event_open": 298, "fanotify_init": 300, "name_to_handle_at": 303, "open_by_handle_at": 304,
    "setns": 308, "process_vm_readv": 310, "process_vm_writev": 311, "finit_module": 313,
    "kexec_file_load": 320, "bpf": 321, "userfaultfd": 323, "io_uring_setup": 425, "io_uring_enter": 426,
    "io_uring_register": 427, "open_tree": 428, "move_mount": 429, "fsopen": 430, "fsconfig": 431,
    "fsmount": 432, "fspick": 433, "mount_setattr": 442,
}
_SOCKET, _SOCKETPAIR, _CLONE, _CLONE3 = 41, 53, 56, 435
_AF_UNIX = 1
_CLONE_NEW_NAMESPACES = 0x7E020080  # NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET, NEWTIME
_AUDIT_ARCH_X86_64 = 0xC000003E
_EPERM, _EAFNOSUPPORT, _ENOSYS = 1, 97, 38
_ALLOW, _KILL = 0x7FFF0000, 0x80000000
_LD, _JEQ, _JGE, _JSET, _RET = 0x20, 0x15, 0x35, 0x45, 0x06  # BPF_LD|W|ABS, JMP|JEQ|K, JGE, JSET, RET|K


def _errno(code: int) -> int:
    return 0x00050000 | code  # SECCOMP_RET_ERRNO


def seccomp_program() -> bytes | None:
    """The classic-BPF filter bwrap installs (`--seccomp`), or None off x86-64."""
    if platform.machine() != "x86_64":
        return None
    ops = [(_LD, 0, 0, 4), (_JEQ, 1, 0, _AUDIT_ARCH_X86_64), (_RET, 0, 0, _KILL), (_LD, 0, 0, 0),
           (_JGE, 0, 1, 0x40000000), (_RET, 0, 0, _errno(_ENOSYS))]  # x32 ABI: refused
    for nr in sorted(_DENIED_X86_64.values()):
        ops += [(_JEQ, 0, 1, nr), (_RET, 0, 0, _errno(_EPERM))]
    ops += [(_JEQ, 0, 1, _CLONE3), (_RET, 0, 0, _errno(_ENOSYS))]  # flags live in memory: let libc use clone
    # socket(2)/socketpair(2): Unix sockets only (args[0], low half, at offset 16)
    ops += [(_JEQ, 1, 0, _SOCKET), (_JEQ, 0, 4, _SOCKETPAIR), (_LD, 0, 0, 16), (_JEQ, 1, 0, _AF_UNIX),
            (_RET, 0, 0, _errno(_EAFNOSUPPORT)), (_RET, 0, 0, _ALLOW)]
    # clone(2): no new namespaces (flags in args[0])
    ops += [(_JEQ, 0, 3, _CLONE), (_LD, 0, 0, 16), (_JSET, 0, 1, _CLONE_NEW_NAMESPACES),
            (_RET, 0, 0, _errno(_EPERM)), (_RET, 0, 0, _ALLOW)]
    return b"".join(struct.pack("=HBBI", *op) for op in ops)


_PROGRAM = seccomp_program()


def _filter_fd() -> int | None:
    """A pipe holding the filter, for `--seccomp FD` (small enough to fit in the pipe)."""
    if _PROGRAM is None:
        return None
    r, w = os.pipe()
    os.write(w, _PROGRAM)
    os.close(w)
    return r


def _collect(proc: subprocess.Popen, stdin: str | None, limits: Limits) -> Outcome:
    """Feed stdin, gather stdout and stderr up to the cap, kill on overflow or deadline."""
    deadline = time.monotonic() + limits.wall_seconds
    chunks = {proc.stdout: [], proc.stderr: []}
    total = 0
    timed_out = exceeded = False
    if stdin is not None:
        try:
            proc.stdin.write(stdin.encode())
        except BrokenPipeError:
            pass
        proc.stdin.close()
    with selectors.DefaultSelector() as sel:
        for stream in chunks:
            sel.register(stream, selectors.EVENT_READ)
        while sel.get_map():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                timed_out = True
                break
            for key, _ in sel.select(min(remaining, 1.0)):
                data = os.read(key.fd, 65536)
                if not data:
                    sel.unregister(key.fileobj)
                    continue
                total += len(data)
                if total > limits.output_bytes:
                    exceeded = True
                    break
                chunks[key.fileobj].append(data)
            if exceeded:
                break
    if timed_out or exceeded:
        proc.kill()  # bwrap's init gets SIGKILL with it (--die-with-parent): the whole tree goes
    try:
        code = proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        code = proc.wait()
    for stream in chunks:
        stream.close()
    text = {s: b"".join(c).decode("utf-8", "replace") for s, c in chunks.items()}
    return Outcome(code, text[proc.stdout], text[proc.stderr], timed_out, exceeded)
